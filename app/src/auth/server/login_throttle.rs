//! Failed logins slow an attacker down without locking the real user out.
//!
//! Two counters of recent failures: per client address (a password sprayer), and per account
//! *and* address (a guesser at one account). The account counter is keyed by address too, so
//! someone failing at an account from elsewhere cannot lock its owner out; and every block
//! ends by itself when the window slides on. Every attempt counts until its password proved
//! right, so parallel guesses cannot all slip past the check before the first failure is
//! written. An IPv6 client is counted by its /64, which one subscriber holds whole. Kept in
//! memory: a restart forgets, which only helps the legitimate user, and the attacker gains
//! one window at most.

use crate::platform::rate_limit::{forget_old, limit_key, wait_for_room};
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
    /// Counts an attempt before its password is checked, or `Err(wait)` while this account,
    /// from this address, or this address at all, has failed too often within the window.
    /// Check and count are one step under one lock: of many simultaneous wrong attempts, no
    /// more pass than the limit allows. A successful attempt is taken back by `succeeded`.
    pub fn attempt(&self, account: &str, address: IpAddr, now: Instant) -> Result<(), Duration> {
        let address = limit_key(address);
        let keys = [
            (Key::Address(address), MAX_FAILURES_PER_ADDRESS),
            (
                Key::AccountFromAddress(account.to_owned(), address),
                MAX_FAILURES_PER_ACCOUNT,
            ),
        ];
        let mut failures = self.lock();
        let waits = keys.iter().filter_map(|(key, max)| {
            let times = failures.get_mut(key)?;
            forget_old(times, WINDOW, now);
            // The block ends when the oldest failure that still counts leaves the window.
            wait_for_room(times, *max, WINDOW, now)
        });
        if let Some(wait) = waits.max() {
            return Err(wait);
        }
        for (key, _) in keys {
            failures.entry(key).or_default().push_back(now);
        }
        // Keep memory bounded under a flood of distinct addresses or accounts.
        failures.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < WINDOW)
        });
        Ok(())
    }

    /// The attempt counted at `at` had the right password: that account's count from that
    /// address is cleared, and the attempt no longer counts against the address.
    pub fn succeeded(&self, account: &str, address: IpAddr, at: Instant) {
        let address = limit_key(address);
        let mut failures = self.lock();
        failures.remove(&Key::AccountFromAddress(account.to_owned(), address));
        if let Some(times) = failures.get_mut(&Key::Address(address)) {
            if let Some(index) = times.iter().rposition(|t| *t == at) {
                times.remove(index);
            }
        }
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
    use std::net::Ipv6Addr;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const ATTACKER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    fn fail(throttle: &LoginThrottle, account: &str, address: IpAddr, t: Instant) {
        throttle
            .attempt(account, address, t)
            .expect("room for an attempt");
    }

    #[test]
    fn an_account_is_blocked_after_five_failures_from_one_address() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for i in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(
                throttle.attempt("a@x.de", ATTACKER, t).is_ok(),
                "attempt {i}"
            );
        }
        let wait = throttle.attempt("a@x.de", ATTACKER, t).unwrap_err();
        assert_eq!(wait, WINDOW);
        // Other accounts from the same address are still fine (up to the address limit).
        assert!(throttle.attempt("b@x.de", ATTACKER, t).is_ok());
    }

    #[test]
    fn attempts_count_before_their_password_is_checked() {
        // Ten guesses at once, none of them answered yet: only five get to a password check.
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        let passed = (0..10)
            .filter(|_| throttle.attempt("a@x.de", ATTACKER, t).is_ok())
            .count();
        assert_eq!(passed, MAX_FAILURES_PER_ACCOUNT);
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_slash_64() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for i in 0..MAX_FAILURES_PER_ACCOUNT as u16 {
            let hopping = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0, 0, 0, i + 1));
            fail(&throttle, "a@x.de", hopping, t);
        }
        let same_net = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0xffff, 0, 0, 99));
        assert!(throttle.attempt("a@x.de", same_net, t).is_err());
        let next_net = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 3, 0, 0, 0, 1));
        assert!(throttle.attempt("a@x.de", next_net, t).is_ok());
    }

    #[test]
    fn the_owner_is_not_locked_out_by_an_attacker_elsewhere() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            fail(&throttle, "a@x.de", ATTACKER, t);
        }
        assert!(throttle.attempt("a@x.de", ATTACKER, t).is_err());
        assert!(throttle.attempt("a@x.de", HOME, t).is_ok());
    }

    #[test]
    fn a_block_ends_when_the_window_slides_on() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            fail(&throttle, "a@x.de", ATTACKER, t);
        }
        let later = t + WINDOW - Duration::from_secs(10);
        assert_eq!(
            throttle.attempt("a@x.de", ATTACKER, later),
            Err(Duration::from_secs(10))
        );
        assert!(throttle.attempt("a@x.de", ATTACKER, t + WINDOW).is_ok());
    }

    #[test]
    fn an_address_spraying_many_accounts_is_blocked() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            fail(&throttle, &format!("user{i}@x.de"), ATTACKER, t);
        }
        assert!(throttle.attempt("fresh@x.de", ATTACKER, t).is_err());
        assert!(throttle.attempt("fresh@x.de", HOME, t).is_ok());
    }

    #[test]
    fn success_clears_the_account_count_and_does_not_count_itself() {
        let throttle = LoginThrottle::default();
        let t = Instant::now();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT - 1 {
            fail(&throttle, "a@x.de", HOME, t);
        }
        let right = t + Duration::from_secs(1);
        fail(&throttle, "a@x.de", HOME, right);
        throttle.succeeded("a@x.de", HOME, right);
        fail(&throttle, "a@x.de", HOME, right);
        assert!(throttle.attempt("a@x.de", HOME, right).is_ok());
        let address = throttle.lock()[&Key::Address(HOME)].len();
        assert_eq!(
            address,
            MAX_FAILURES_PER_ACCOUNT + 1,
            "the right one is not counted"
        );
    }
}
