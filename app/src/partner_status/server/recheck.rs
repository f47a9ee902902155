//! The periodic re-check of every customer's partner status: the server runs a pass every
//! minute; a pass checks each customer whose last successful check is older than the interval
//! (and whose last failed one is older than `retry_failed`), oldest first, a bounded number at
//! once. The provider client keeps to the provider's rate limit and holds every call back
//! when the provider answers 429; an unavailable provider is asked again after a growing
//! pause. A check that still fails keeps the last known colour and only records the failure.

use crate::partner_status::server::{self as partner_status, DueCheck};
use crate::platform::provider::{ProviderError, SharedProvider};
use crate::platform::{Database, DbError};
use futures_util::stream::{self, StreamExt};
use kontor_domain::{MicrosoftId, PartnerStatus};
use std::time::Duration;

/// How long one instance owns a customer's check (every attempt with its pauses fits in).
const CLAIM_SECS: i64 = 5 * 60;

#[derive(Clone)]
pub struct Rechecker {
    pub provider: SharedProvider,
    /// A customer is checked again this long after its last successful check.
    pub interval: Duration,
    /// A failed check is tried again after this long.
    pub retry_failed: Duration,
    /// Checks under way at once. With the provider's latency this bounds the rate too: 32
    /// at 100 ms each is 320 a second, above the limit the client keeps to anyway.
    pub concurrency: usize,
    /// Calls per check at most, the first included.
    pub attempts: u32,
    /// The pause after the first failed call; it doubles after each further one.
    pub backoff: Duration,
    /// Customers per pass at most, so that one pass holds a bounded list in memory.
    pub batch: u32,
}

impl Rechecker {
    pub fn new(provider: SharedProvider, interval: Duration) -> Rechecker {
        Rechecker {
            provider,
            interval,
            retry_failed: interval.min(Duration::from_secs(10 * 60)),
            concurrency: 32,
            attempts: 4,
            backoff: Duration::from_secs(1),
            batch: 50_000,
        }
    }
}

/// What a pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecheckReport {
    pub checked: usize,
    /// Checks whose colour differs from the one before.
    pub changed: usize,
    /// Checks that gave no answer after every attempt.
    pub failed: usize,
    /// Answers that were 429.
    pub rate_limited: usize,
}

impl std::ops::Add for RecheckReport {
    type Output = RecheckReport;

    fn add(self, other: RecheckReport) -> RecheckReport {
        RecheckReport {
            checked: self.checked + other.checked,
            changed: self.changed + other.changed,
            failed: self.failed + other.failed,
            rate_limited: self.rate_limited + other.rate_limited,
        }
    }
}

/// Checks every customer that is due at `now`.
pub async fn recheck_due(
    db: &Database,
    rechecker: &Rechecker,
    now: i64,
) -> Result<RecheckReport, DbError> {
    let checked_before = now - rechecker.interval.as_secs() as i64;
    let failed_before = now - rechecker.retry_failed.as_secs() as i64;
    let due = partner_status::due(db, checked_before, failed_before, now, rechecker.batch).await?;
    // Each outcome is recorded at the pass's clock: `now` plus the time the pass has taken.
    let started = std::time::Instant::now();
    let clock = move || now + started.elapsed().as_secs() as i64;
    stream::iter(due)
        .map(|customer| recheck(db, rechecker, customer, clock))
        .buffer_unordered(rechecker.concurrency.max(1))
        .fold(Ok(RecheckReport::default()), |total, report| async move {
            Ok(total? + report?)
        })
        .await
}

/// One customer: ask until there is an answer or the attempts are used up, then record.
async fn recheck(
    db: &Database,
    rechecker: &Rechecker,
    customer: DueCheck,
    clock: impl Fn() -> i64,
) -> Result<RecheckReport, DbError> {
    let mut report = RecheckReport::default();
    let Ok(own) = MicrosoftId::parse(&customer.microsoft_id) else {
        return Err(DbError::Corrupt("resellers.microsoft_id"));
    };
    // Claimed from the moment the check starts: another instance's pass skips it meanwhile.
    if !partner_status::claim_check(db, customer.customer_id, clock(), CLAIM_SECS).await? {
        return Ok(report);
    }
    let mut pause = rechecker.backoff;
    let mut attempt = 1;
    let outcome = loop {
        match partner_status::linked_resellers(db, &rechecker.provider, customer.customer_id)
            .await?
        {
            Ok(linked) => break Some(PartnerStatus::of(&own, linked.iter().map(String::as_str))),
            Err(error) => {
                let rate_limited = matches!(error, ProviderError::RateLimited(_));
                report.rate_limited += usize::from(rate_limited);
                if attempt >= rechecker.attempts || !error.is_transient() {
                    tracing::warn!(customer_id = %customer.customer_id, %error, "partner check failed");
                    break None;
                }
                // After a 429 the client holds every call back as long as the provider asked;
                // after any other error this check pauses on its own.
                if !rate_limited {
                    tokio::time::sleep(pause).await;
                    pause *= 2;
                }
            }
        }
        attempt += 1;
    };
    partner_status::record(db, customer.customer_id, outcome, clock()).await?;
    match outcome {
        Some(status) => {
            report.checked = 1;
            report.changed = usize::from(customer.status != Some(status));
        }
        None => report.failed = 1,
    }
    Ok(report)
}
