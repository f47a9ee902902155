//! Failed logins slow an attacker down without locking the real user out.
//!
//! Two counters of recent failures: per client address (a password sprayer), and per account
//! *and* address (a guesser at one account). The account counter is keyed by address too, so
//! someone failing at an account from elsewhere cannot lock its owner out; and every block
//! ends by itself when the window slides on. Kept in memory: a restart forgets, which only
//! helps the legitimate user, and the attacker gains one window at most.

use super::rate_limit::{forget_old, wait_for_room};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const MAX_FAILURES_PER_ACCOUNT: usize = 5;
pub const MAX_FAILURES_PER_ADDRESS: usize = 30;

#[derive(Clone, Debug, Hash, PartialEq, Eq)]
enum Key {
    Address(IpAddr),
    AccountFromAddress(String, IpAddr),
}

#[derive(Clone, Default)]
pub struct LoginThrottle {
    failures: Arc<Mutex<HashMap<Key, VecDeque<Instant>>>>,
}

impl LoginThrottle {
    /// `Err(wait)` while this account, from this address, or this address at all, has failed
    /// too often within the window.
    pub fn check(&self, account: &str, address: IpAddr, now: Instant) -> Result<(), Duration> {
        let mut failures = self.lock();
        let waits = [
            (Key::Address(address), MAX_FAILURES_PER_ADDRESS),
            (
                Key::AccountFromAddress(account.to_owned(), address),
                MAX_FAILURES_PER_ACCOUNT,
            ),
        ]
        .into_iter()
        .filter_map(|(key, max)| {
            let times = failures.get_mut(&key)?;
            forget_old(times, WINDOW, now);
            // The block ends when the oldest failure that still counts leaves the window.
            wait_for_room(times, max, WINDOW, now)
        });
        match waits.max() {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    pub fn record_failure(&self, account: &str, address: IpAddr, now: Instant) {
        let mut failures = self.lock();
        for key in [
            Key::Address(address),
            Key::AccountFromAddress(account.to_owned(), address),
        ] {
            let times = failures.entry(key).or_default();
            forget_old(times, WINDOW, now);
            times.push_back(now);
        }
        // Keep memory bounded under a flood of distinct addresses or accounts.
        failures.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < WINDOW)
        });
    }

    /// A successful login clears that account's count from that address.
    pub fn record_success(&self, account: &str, address: IpAddr) {
        self.lock()
            .remove(&Key::AccountFromAddress(account.to_owned(), address));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, VecDeque<Instant>>> {
        // A panic while holding the lock leaves plain counters behind: still usable.
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const ATTACKER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    #[test]
    fn an_account_is_blocked_after_five_failures_from_one_address() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for i in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(throttle.check("a@x.de", ATTACKER, t).is_ok(), "attempt {i}");
            throttle.record_failure("a@x.de", ATTACKER, t);
        }
        let wait = throttle.check("a@x.de", ATTACKER, t).unwrap_err();
        assert_eq!(wait, WINDOW);
        // Other accounts from the same address are still fine (up to the address limit).
        assert!(throttle.check("b@x.de", ATTACKER, t).is_ok());
    }

    #[test]
    fn the_owner_is_not_locked_out_by_an_attacker_elsewhere() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..50 {
            throttle.record_failure("a@x.de", ATTACKER, t);
        }
        assert!(throttle.check("a@x.de", ATTACKER, t).is_err());
        assert!(throttle.check("a@x.de", HOME, t).is_ok());
    }

    #[test]
    fn a_block_ends_when_the_window_slides_on() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            throttle.record_failure("a@x.de", ATTACKER, t);
        }
        let later = t + WINDOW - Duration::from_secs(10);
        assert_eq!(
            throttle.check("a@x.de", ATTACKER, later),
            Err(Duration::from_secs(10))
        );
        assert!(throttle.check("a@x.de", ATTACKER, t + WINDOW).is_ok());
    }

    #[test]
    fn an_address_spraying_many_accounts_is_blocked() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            throttle.record_failure(&format!("user{i}@x.de"), ATTACKER, t);
        }
        assert!(throttle.check("fresh@x.de", ATTACKER, t).is_err());
        assert!(throttle.check("fresh@x.de", HOME, t).is_ok());
    }

    #[test]
    fn success_clears_the_account_count() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT - 1 {
            throttle.record_failure("a@x.de", HOME, t);
        }
        throttle.record_success("a@x.de", HOME);
        throttle.record_failure("a@x.de", HOME, t);
        assert!(throttle.check("a@x.de", HOME, t).is_ok());
    }
}
