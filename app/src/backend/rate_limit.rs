//! Limits on what costs us mail or work: signups, and mails sent on request (confirmation
//! again, password reset). A sliding window per key, in memory: a restart forgets, which
//! errs toward the legitimate user.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct RateLimit {
    max: usize,
    window: Duration,
    hits: Arc<Mutex<HashMap<String, VecDeque<Instant>>>>,
}

impl RateLimit {
    pub fn new(max: usize, window: Duration) -> RateLimit {
        RateLimit {
            max,
            window,
            hits: Arc::default(),
        }
    }

    /// Counts a hit for `key`, or `Err(wait)` when the key has used up its window.
    pub fn hit(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        let window = self.window;
        let times = hits.entry(key.to_owned()).or_default();
        forget_old(times, window, now);
        if let Some(wait) = wait_for_room(times, self.max, window, now) {
            return Err(wait);
        }
        times.push_back(now);
        // Bounded memory under a flood of distinct keys.
        if hits.len() > 10_000 {
            hits.retain(|_, t| t.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        Ok(())
    }
}

/// Drops the events (oldest first) that have left the window.
pub(super) fn forget_old(times: &mut VecDeque<Instant>, window: Duration, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

/// With `max` events in the window already, how long until the oldest one that counts leaves
/// it (at least a second); `None` while there is room.
pub(super) fn wait_for_room(
    times: &VecDeque<Instant>,
    max: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    (times.len() >= max).then(|| {
        let oldest = times[times.len() - max];
        window
            .saturating_sub(now.duration_since(oldest))
            .max(Duration::from_secs(1))
    })
}

/// The portal's limits, shared by all requests (the server puts one into the context).
#[derive(Clone)]
pub struct Limits {
    /// Signups per client address.
    pub signups: RateLimit,
    /// Mails on request (confirmation again, password reset) per client address…
    pub mails_per_address: RateLimit,
    /// …and per recipient, so that no one can flood someone else's mailbox.
    pub mails_per_recipient: RateLimit,
}

const HOUR: Duration = Duration::from_secs(60 * 60);

impl Limits {
    /// The portal's limits with this many signups an hour from one address (configurable:
    /// resellers behind one office address, or a test run, sign up more).
    pub fn with_signups_per_hour(signups: usize) -> Limits {
        Limits {
            signups: RateLimit::new(signups, HOUR),
            mails_per_address: RateLimit::new(20, HOUR),
            mails_per_recipient: RateLimit::new(3, HOUR),
        }
    }

    /// A mail on request to `recipient` from `address`: both limits must allow it.
    pub fn mail_on_request(
        &self,
        address: IpAddr,
        recipient: &str,
        now: Instant,
    ) -> Result<(), Duration> {
        self.mails_per_address.hit(&address.to_string(), now)?;
        self.mails_per_recipient.hit(recipient, now)
    }
}

/// A mail a user has Kontor send to `recipient` (an invitation, an agreement link): at most
/// a few per hour to one address, so no one can flood someone else's mailbox through Kontor.
/// A refusal sets `Retry-After` and 429.
pub fn allow_mail_to(recipient: &str) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    let limits = leptos::prelude::use_context::<Limits>().ok_or(AppError::Internal)?;
    limits
        .mails_per_recipient
        .hit(recipient, Instant::now())
        .map_err(super::request::try_again_after)
}

/// The address of the customer's contact, once `allow_mail_to` lets another mail go to it.
pub fn mail_to_contact(
    customer: &crate::customers::Customer,
) -> Result<crate::domain::EmailAddress, crate::error::AppError> {
    let to = crate::domain::EmailAddress::parse(&customer.contact_email)
        .map_err(|_| super::DbError::Corrupt("customers.contact_email"))?;
    allow_mail_to(to.as_str())?;
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_quota_per_window_then_waits_for_the_oldest_hit_to_leave() {
        let limit = RateLimit::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for i in 0..3 {
            assert!(limit.hit("a", t + Duration::from_secs(i)).is_ok());
        }
        assert_eq!(
            limit.hit("a", t + Duration::from_secs(10)),
            Err(Duration::from_secs(50))
        );
        assert!(
            limit.hit("b", t + Duration::from_secs(10)).is_ok(),
            "other keys are free"
        );
        assert!(
            limit.hit("a", t + Duration::from_secs(60)).is_ok(),
            "the window slid on"
        );
    }
}
