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

/// Drops the events (oldest first) that have left the window.
pub(crate) fn forget_old(times: &mut VecDeque<Instant>, window: Duration, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

/// With `max` events in the window already, how long until the oldest one that counts leaves
/// it (at least a second); `None` while there is room.
pub(crate) fn wait_for_room(
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

/// The portal's limits, shared by all requests (the server puts one into the context).
#[derive(Clone)]
pub struct Limits {
    /// Signups per client address.
    pub signups: RateLimit,
    /// Mails anyone may ask for (confirmation again, password reset) per client address…
    pub mails_per_address: RateLimit,
    /// …and every mail per purpose and recipient, so that no one can flood someone else's
    /// mailbox.
    mails_per_recipient: RateLimit,
    /// Attempts at an emailed link's form (a new password) per client address: each one that
    /// gets through costs a password hash.
    pub link_attempts: RateLimit,
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
            link_attempts: RateLimit::new(20, HOUR),
        }
    }

    /// Another mail of this purpose to `recipient`, or `Err(wait)`.
    pub fn mail_to(
        &self,
        purpose: MailPurpose,
        recipient: &str,
        now: Instant,
    ) -> Result<(), Duration> {
        self.mails_per_recipient
            .hit(&format!("{}:{recipient}", purpose.as_str()), now)
    }

    /// A mail on request to `recipient` from `address`: both limits must allow it.
    pub fn mail_on_request(
        &self,
        address: IpAddr,
        purpose: MailPurpose,
        recipient: &str,
        now: Instant,
    ) -> Result<(), Duration> {
        self.mails_per_address
            .hit(&limit_key(address).to_string(), now)?;
        self.mail_to(purpose, recipient, now)
    }
}

/// A mail a user has Kontor send to `recipient` (an invitation, an agreement link): at most
/// a few per hour and purpose to one address, so no one can flood someone else's mailbox
/// through Kontor. A refusal sets `Retry-After` and 429.
pub fn allow_mail_to(purpose: MailPurpose, recipient: &str) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    let limits = leptos::prelude::use_context::<Limits>().ok_or(AppError::Internal)?;
    limits
        .mail_to(purpose, recipient, Instant::now())
        .map_err(crate::error::AppError::try_again_after)
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
    fn each_purpose_has_its_own_allowance_per_recipient() {
        let limits = Limits::with_signups_per_hour(10);
        let t = Instant::now();
        let to = "kunde@example.de";
        let stranger: IpAddr = "198.51.100.7".parse().unwrap();
        for _ in 0..3 {
            limits
                .mail_on_request(stranger, MailPurpose::PasswordReset, to, t)
                .unwrap();
        }
        assert!(limits
            .mail_on_request(stranger, MailPurpose::PasswordReset, to, t)
            .is_err());
        // The reseller's agreement mail to the same address still goes.
        assert!(limits.mail_to(MailPurpose::Agreement, to, t).is_ok());
    }

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
