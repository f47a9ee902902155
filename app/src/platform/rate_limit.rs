//! Limits on what costs us mail, work or an attacker's guesses: a sliding window of hits per
//! key. The hits live in the database (`limit_hits`), so every Kontor process on it counts
//! the same ones: several instances behind a load balancer allow what one would. A bucket is
//! stored as the SHA-256 of the limit's name and key, so the table lists no address and no
//! account (a digest does not hide an IPv4 address from someone who tries them all: what
//! protects them is that housekeeping deletes hits within the hour, the longest window).

use crate::platform::{Database, DbError};
use kontor_db::{one_at_a_time, Exclusive};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};
use std::net::IpAddr;
use std::time::Duration;

/// At most `max` hits per key within any `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    name: &'static str,
    max: u32,
    window: Duration,
}

/// A hit that was counted, to take back (`take_back`) when it turns out not to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit(i64);

#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    /// The key has used up its window; room again after this long (at least a second).
    #[error("too many; try again in {wait:?}")]
    TooMany { wait: Duration },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for LimitError {
    fn from(error: sqlx::Error) -> Self {
        LimitError::Db(error.into())
    }
}

/// The longest window of any limit: older hits count nowhere and are purged.
pub const LONGEST_WINDOW: Duration = HOUR;
const HOUR: Duration = Duration::from_secs(60 * 60);

impl Limit {
    pub const fn new(name: &'static str, max: u32, window: Duration) -> Limit {
        assert!(window.as_secs() <= LONGEST_WINDOW.as_secs());
        Limit { name, max, window }
    }

    fn bucket(&self, key: &str) -> Bucket {
        let digest = Sha256::new()
            .chain_update(self.name.as_bytes())
            .chain_update(b":")
            .chain_update(key.as_bytes())
            .finalize();
        // The lock's key: the digest's first eight bytes.
        let prefix = digest[..8]
            .iter()
            .fold(0_u64, |key, byte| key << 8 | u64::from(*byte));
        Bucket {
            hex: digest.iter().map(|byte| format!("{byte:02x}")).collect(),
            prefix,
        }
    }

    /// Counts a hit for `key` at `now_ms` (milliseconds since the Unix epoch).
    pub async fn hit(&self, db: &Database, key: &str, now_ms: i64) -> Result<Hit, LimitError> {
        let hits = hit_all(db, &[(*self, key)], now_ms).await?;
        Ok(hits[0])
    }

    /// Forgets every hit of `key` (a success that proves the earlier ones harmless).
    pub async fn clear(&self, db: &Database, key: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM limit_hits WHERE bucket = $1")
            .bind(self.bucket(key).hex)
            .execute(db.pool())
            .await?;
        Ok(())
    }
}

struct Bucket {
    hex: String,
    prefix: u64,
}

/// Counts one hit on every `(limit, key)`, or on none of them while any has used up its
/// window, in a transaction of its own.
pub async fn hit_all(
    db: &Database,
    hits: &[(Limit, &str)],
    now_ms: i64,
) -> Result<Vec<Hit>, LimitError> {
    let mut tx = db.begin().await?;
    let counted = count_in(&mut tx, hits, now_ms).await?;
    tx.commit().await?;
    Ok(counted)
}

/// `hit_all` within the caller's transaction (one that writes, from `Database::begin`): the
/// hits count once it commits. Check and count hold the buckets until then: of many
/// simultaneous hits, in one process or several, no more pass than the limit allows.
pub async fn count_in(
    conn: &mut AnyConnection,
    hits: &[(Limit, &str)],
    now_ms: i64,
) -> Result<Vec<Hit>, LimitError> {
    let buckets: Vec<(Limit, Bucket)> = hits
        .iter()
        .map(|(limit, key)| (*limit, limit.bucket(key)))
        .collect();
    // Always in the same order, so that two transactions never wait for each other's bucket.
    let mut prefixes: Vec<u64> = buckets.iter().map(|(_, bucket)| bucket.prefix).collect();
    prefixes.sort_unstable();
    for digest_prefix in prefixes {
        one_at_a_time(conn, Exclusive::LimitBucket { digest_prefix }).await?;
    }
    let mut longest_wait = None;
    for (limit, bucket) in &buckets {
        let window_ms = limit.window.as_millis() as i64;
        // The hit that leaves the window last among the `max` newest: while it counts, the
        // key has no room.
        let blocking: Option<i64> = sqlx::query(
            "SELECT at_ms FROM limit_hits WHERE bucket = $1 AND at_ms > $2 \
             ORDER BY at_ms DESC LIMIT 1 OFFSET $3",
        )
        .bind(&bucket.hex)
        .bind(now_ms - window_ms)
        .bind(i64::from(limit.max) - 1)
        .fetch_optional(&mut *conn)
        .await?
        .map(|row| row.get(0));
        if let Some(at_ms) = blocking {
            let wait = Duration::from_millis((at_ms + window_ms - now_ms).max(0) as u64)
                .max(Duration::from_secs(1));
            longest_wait = longest_wait.max(Some(wait));
        }
    }
    if let Some(wait) = longest_wait {
        return Err(LimitError::TooMany { wait });
    }
    let mut counted = Vec::with_capacity(buckets.len());
    for (_, bucket) in buckets {
        let id: i64 =
            sqlx::query("INSERT INTO limit_hits (bucket, at_ms) VALUES ($1, $2) RETURNING id")
                .bind(bucket.hex)
                .bind(now_ms)
                .fetch_one(&mut *conn)
                .await?
                .get(0);
        counted.push(Hit(id));
    }
    Ok(counted)
}

/// Takes a counted hit back: it no longer counts against its key.
pub async fn take_back(db: &Database, hit: Hit) -> Result<(), DbError> {
    sqlx::query("DELETE FROM limit_hits WHERE id = $1")
        .bind(hit.0)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Deletes the hits older than any window (housekeeping); how many.
pub async fn purge(db: &Database, now_ms: i64) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM limit_hits WHERE at_ms <= $1")
        .bind(now_ms - LONGEST_WINDOW.as_millis() as i64)
        .execute(db.pool())
        .await?
        .rows_affected())
}

/// What a limit counts a client by: its address, or for IPv6 its /64 (one subscriber gets a
/// whole /64 and can hop through it at will). An IPv4 address in IPv6 form is the IPv4 one.
pub fn limit_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(
                u128::from(v6) & !((1_u128 << 64) - 1),
            )),
        },
    }
}

/// What a mail is for. Each purpose has its own allowance per recipient, so that strangers
/// asking for password resets cannot use up the mails a reseller sends its customer, and one
/// kind of mail cannot crowd out another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailPurpose {
    /// The confirmation mail of a signup (also to an address that has an account).
    Signup,
    /// A confirmation link asked for again (anyone may ask).
    ConfirmationAgain,
    /// A password reset link (anyone may ask).
    PasswordReset,
    /// A reseller invites an existing tenant to authorise it.
    TenantInvitation,
    /// A reseller invites a customer to link it as indirect reseller.
    PartnerInvitation,
    /// A reseller sends the cloud agreement.
    Agreement,
    /// Distributor staff invite a colleague.
    StaffInvitation,
}

impl MailPurpose {
    fn as_str(self) -> &'static str {
        match self {
            MailPurpose::Signup => "signup",
            MailPurpose::ConfirmationAgain => "confirmation",
            MailPurpose::PasswordReset => "reset",
            MailPurpose::TenantInvitation => "tenant",
            MailPurpose::PartnerInvitation => "partner",
            MailPurpose::Agreement => "agreement",
            MailPurpose::StaffInvitation => "staff",
        }
    }
}

/// The portal's limits (the server puts them into the context: the signups are configurable).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Signups per client address.
    pub signups: Limit,
    /// Mails anyone may ask for (confirmation again, password reset) per client address…
    mails_per_address: Limit,
    /// …and every mail per purpose and recipient, so that no one can flood someone else's
    /// mailbox.
    mails_per_recipient: Limit,
    /// Attempts at an emailed link's form (a new password) per client address: each one that
    /// gets through costs a password hash.
    pub link_attempts: Limit,
}

impl Limits {
    /// The portal's limits with this many signups an hour from one address (configurable:
    /// resellers behind one office address, or a test run, sign up more).
    pub fn with_signups_per_hour(signups: u32) -> Limits {
        Limits {
            signups: Limit::new("signup", signups, HOUR),
            mails_per_address: Limit::new("mail-address", 20, HOUR),
            mails_per_recipient: Limit::new("mail-recipient", 3, HOUR),
            link_attempts: Limit::new("link-attempt", 20, HOUR),
        }
    }

    /// The recipient's allowance for mails of this purpose, as a `hit_all` entry.
    pub fn mail_to(&self, purpose: MailPurpose, recipient: &str) -> (Limit, String) {
        (
            self.mails_per_recipient,
            format!("{}:{}", purpose.as_str(), recipient.trim().to_lowercase()),
        )
    }

    /// A mail on request to `recipient` from `address`: both limits must allow it.
    pub async fn mail_on_request(
        &self,
        db: &Database,
        address: IpAddr,
        purpose: MailPurpose,
        recipient: &str,
        now_ms: i64,
    ) -> Result<(), LimitError> {
        let client = limit_key(address).to_string();
        let (per_recipient, recipient) = self.mail_to(purpose, recipient);
        hit_all(
            db,
            &[
                (self.mails_per_address, &client),
                (per_recipient, &recipient),
            ],
            now_ms,
        )
        .await?;
        Ok(())
    }
}

/// A mail a user has Kontor send to `recipient` (an invitation, an agreement link): at most
/// a few per hour and purpose to one address, so no one can flood someone else's mailbox
/// through Kontor. Counted in the caller's transaction (so only for a mail that goes out); a
/// refusal sets `Retry-After` and 429.
pub async fn allow_mail_to(
    conn: &mut AnyConnection,
    purpose: MailPurpose,
    recipient: &str,
) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    let limits = leptos::prelude::use_context::<Limits>().ok_or(AppError::Internal)?;
    let (limit, key) = limits.mail_to(purpose, recipient);
    match count_in(conn, &[(limit, &key)], crate::platform::unix_now_ms()).await {
        Ok(_) => Ok(()),
        Err(LimitError::TooMany { wait }) => Err(AppError::try_again_after(wait)),
        Err(LimitError::Db(error)) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_their_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limit_key(a), limit_key(b));
        assert_ne!(limit_key(a), limit_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(limit_key(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn a_bucket_names_neither_the_key_nor_the_limit_and_differs_per_limit() {
        let signups = Limit::new("signup", 3, HOUR);
        let mails = Limit::new("mail-address", 3, HOUR);
        let bucket = signups.bucket("192.0.2.1");
        assert_eq!(bucket.hex.len(), 64);
        assert!(!bucket.hex.contains("192"));
        assert_ne!(bucket.hex, mails.bucket("192.0.2.1").hex);
        assert_eq!(bucket.hex, signups.bucket("192.0.2.1").hex);
    }
}
