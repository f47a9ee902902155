//! Failed logins slow an attacker down without locking the real user out.
//!
//! Two counters of recent failures: per client address (a password sprayer), and per account
//! *and* address (a guesser at one account). The account counter is keyed by address too, so
//! someone failing at an account from elsewhere cannot lock its owner out; and every block
//! ends by itself when the window slides on. Every attempt counts until its password proved
//! right, so parallel guesses cannot all slip past the check before the first failure is
//! written. An IPv6 client is counted by its /64, which one subscriber holds whole. The counts
//! are shared limits (`platform::rate_limit`): every Kontor process on the database sees them.

use crate::platform::rate_limit::{hit_all, limit_key, take_back, Hit, Limit, LimitError};
use crate::platform::{Database, DbError};
use std::net::IpAddr;
use std::time::Duration;

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
pub const MAX_FAILURES_PER_ADDRESS: u32 = 30;

const PER_ADDRESS: Limit = Limit::new("login-address", MAX_FAILURES_PER_ADDRESS, WINDOW);
const PER_ACCOUNT: Limit = Limit::new("login-account", MAX_FAILURES_PER_ACCOUNT, WINDOW);

/// An attempt that was counted before its password was checked.
#[derive(Debug)]
pub struct Attempt {
    account_key: String,
    address_hit: Hit,
}

/// Counts an attempt at `account` from `address` before its password is checked, or
/// `TooMany` while this account, from this address, or this address at all, has failed too
/// often within the window. A successful attempt is taken back by `succeeded`.
pub async fn attempt(
    db: &Database,
    account: &str,
    address: IpAddr,
    now_ms: i64,
) -> Result<Attempt, LimitError> {
    let address = limit_key(address).to_string();
    let account_key = format!("{address} {}", account.trim().to_lowercase());
    let hits = hit_all(
        db,
        &[(PER_ADDRESS, &address), (PER_ACCOUNT, &account_key)],
        now_ms,
    )
    .await?;
    Ok(Attempt {
        account_key,
        address_hit: hits[0],
    })
}

/// The attempt had the right password: that account's count from that address is cleared,
/// and the attempt no longer counts against the address.
pub async fn succeeded(db: &Database, attempt: Attempt) -> Result<(), DbError> {
    PER_ACCOUNT.clear(db, &attempt.account_key).await?;
    take_back(db, attempt.address_hit).await
}
