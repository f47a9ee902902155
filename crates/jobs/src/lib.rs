//! Calls to the provider that change something: written into `provider_jobs` in the
//! transaction of the change that needs them, then carried out by the worker with retries,
//! always under the same request id, so the provider does each one exactly once. This module
//! owns the queue (claiming, backing off, giving up) and knows no capability: each kind of
//! job is a [`JobKind`] its capability implements (what one attempt does, what success or
//! failure changes), and the server registers the kinds it runs in [`JobKinds`].

use kontor_db::{unix_now, Database, DbError};
use kontor_domain::CustomerId;
use kontor_provider::{ProviderError, RequestId};
use sqlx::AnyConnection;
use std::sync::Arc;
use std::time::Duration;

/// After this many failed attempts (about half an hour of retries) a job is marked failed.
pub const MAX_ATTEMPTS: i64 = 10;
/// How long one worker owns a claimed job.
const CLAIM_SECS: i64 = 60;
const BATCH: i64 = 20;
/// A pass takes at most this many batches, so a long queue cannot starve the loop's other
/// work of its tick.
const MAX_BATCHES: usize = 50;
/// How long the worker sleeps between passes.
pub const WORKER_PAUSE: Duration = Duration::from_millis(500);

/// One kind of job: what an attempt does and what its outcome changes in Kontor. The
/// capability that queues the job implements it; the queue stores its name.
#[async_trait::async_trait]
pub trait JobKind: Send + Sync + 'static {
    /// What `provider_jobs.kind` holds for this kind.
    fn name(&self) -> &'static str;

    /// One attempt. It reads what it needs itself; it writes nothing but what the provider
    /// answered (the outcome is written by `succeeded` or `failed`, with the job's own row).
    async fn attempt(&self, db: &Database, job: &Job, now: i64) -> Result<Step, DbError>;

    /// The job is done: in the transaction that marks it so.
    async fn succeeded(&self, conn: &mut AnyConnection, job: &Job, now: i64)
        -> Result<(), DbError>;

    /// The job failed for good: in the transaction that marks it so. By default it is kept,
    /// marked failed, for someone to start again.
    async fn failed(
        &self,
        _conn: &mut AnyConnection,
        _job: &Job,
        _error: &ProviderError,
        _now: i64,
    ) -> Result<AfterFailure, DbError> {
        Ok(AfterFailure::Keep)
    }
}

/// The kinds a worker carries out. A job of a kind not registered here stays in the queue
/// untouched (a worker of another build may know it).
#[derive(Clone, Default)]
pub struct JobKinds(Vec<Arc<dyn JobKind>>);

impl JobKinds {
    pub fn with(mut self, kind: impl JobKind) -> Self {
        self.0.push(Arc::new(kind));
        self
    }

    fn get(&self, name: &str) -> Option<&Arc<dyn JobKind>> {
        self.0.iter().find(|kind| kind.name() == name)
    }
}

pub struct Job {
    pub id: i64,
    /// The name of its kind.
    pub kind: &'static str,
    pub customer_id: CustomerId,
    /// The record the kind works on, if not the customer itself (an order, a subscription
    /// change): the kind knows which.
    pub subject: Option<i64>,
    pub request_id: RequestId,
    pub attempts: i64,
}

/// Where one attempt left a job.
pub enum Step {
    Done,
    /// Not yet possible, or under way at the provider: look again after this many seconds
    /// (not a failure).
    WaitSecs(i64),
    Failed(ProviderError),
}

/// What the kind wants done with a job that failed for good.
pub enum AfterFailure {
    /// Keep it, marked failed (the user may start it again).
    Keep,
    /// Delete it: a new attempt will be a new job.
    Delete,
}

/// Pause after `attempts` failures: 2 s, 4 s, 8 s, … at most 5 minutes.
pub fn backoff_secs(attempts: i64) -> i64 {
    (2_i64 << (attempts.clamp(1, 20) - 1)).min(300)
}

/// Queues a job, in the caller's transaction, with a new request id: about the customer, or
/// about one of its records (`subject`).
pub async fn enqueue(
    conn: &mut AnyConnection,
    kind: &'static str,
    customer_id: CustomerId,
    subject: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO provider_jobs (kind, customer_id, subject_id, request_id, next_attempt_at, \
         created_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(kind)
    .bind(customer_id)
    .bind(subject)
    .bind(RequestId::generate().as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What one pass of the worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub done: usize,
    pub waiting: usize,
    pub retrying: usize,
    pub failed: usize,
    /// Jobs left as they were after a database error (their claim runs out, then they run
    /// again).
    pub broken: usize,
}

/// One pass of the worker: claims the due jobs a batch at a time and moves each one step on,
/// the calls of a batch at the same time (they wait on the provider, not on each other).
/// A job whose step or outcome could not be written (a database error) keeps its claim until
/// it runs out and is tried again then; the batch's other jobs are finished all the same.
pub async fn run_due_jobs(db: &Database, kinds: &JobKinds, now: i64) -> Result<JobReport, DbError> {
    let mut report = JobReport::default();
    for _ in 0..MAX_BATCHES {
        let jobs = claim_due(db, kinds, now).await?;
        let steps = futures_util::future::join_all(
            jobs.iter().map(|(kind, job)| kind.attempt(db, job, now)),
        );
        for ((kind, job), step) in jobs.iter().zip(steps.await) {
            let finished = match step {
                Ok(step) => finish(db, kind.as_ref(), job, step, now, &mut report).await,
                Err(error) => Err(error),
            };
            if let Err(error) = finished {
                tracing::error!(job_id = job.id, kind = job.kind, %error, "a provider job could not be moved on");
                report.broken += 1;
            }
        }
        if jobs.len() < BATCH as usize {
            break;
        }
    }
    Ok(report)
}

/// A due job as stored.
#[derive(sqlx::FromRow)]
struct DueJob {
    id: i64,
    kind: String,
    customer_id: CustomerId,
    subject_id: Option<i64>,
    request_id: String,
    attempts: i64,
}

/// Claims the due jobs of the registered kinds, each for `CLAIM_SECS` from the moment of its
/// claim (the pass may have started long before, `pass_started`).
pub async fn claim_due(
    db: &Database,
    kinds: &JobKinds,
    pass_started: i64,
) -> Result<Vec<(Arc<dyn JobKind>, Job)>, DbError> {
    if kinds.0.is_empty() {
        return Ok(Vec::new());
    }
    let now = pass_started.max(unix_now());
    // Only placeholders go into the text of the query, one per registered kind.
    let names = (0..kinds.0.len())
        .map(|i| format!("${}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let query = format!(
        "SELECT id, kind, customer_id, subject_id, request_id, attempts FROM provider_jobs \
         WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until < $1) AND kind IN ({names}) \
         ORDER BY id LIMIT $2"
    );
    let mut select = sqlx::query_as::<_, DueJob>(&query).bind(now).bind(BATCH);
    for kind in &kinds.0 {
        select = select.bind(kind.name());
    }
    let due = select.fetch_all(db.pool()).await?;
    let mut claimed = Vec::with_capacity(due.len());
    for row in due {
        let kind = kinds
            .get(&row.kind)
            .ok_or(DbError::Corrupt("provider_jobs.kind"))?;
        // Another worker may have claimed it since the SELECT: only one update wins.
        let won = sqlx::query(
            "UPDATE provider_jobs SET claimed_until = $1 WHERE id = $2 AND done_at IS NULL \
             AND (claimed_until IS NULL OR claimed_until < $3)",
        )
        .bind(now + CLAIM_SECS)
        .bind(row.id)
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected()
            == 1;
        if won {
            let job = Job {
                id: row.id,
                kind: kind.name(),
                customer_id: row.customer_id,
                subject: row.subject_id,
                request_id: RequestId::from_stored(row.request_id),
                attempts: row.attempts,
            };
            claimed.push((Arc::clone(kind), job));
        }
    }
    Ok(claimed)
}

/// Writes what the attempt came to, with the kind's own consequences, in one transaction.
async fn finish(
    db: &Database,
    kind: &dyn JobKind,
    job: &Job,
    step: Step,
    now: i64,
    report: &mut JobReport,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    match step {
        Step::Done => {
            kind.succeeded(&mut tx, job, now).await?;
            sqlx::query(
                "UPDATE provider_jobs SET done_at = $2, claimed_until = NULL WHERE id = $1",
            )
            .bind(job.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            report.done += 1;
        }
        Step::WaitSecs(secs) => {
            reschedule(&mut tx, job, now + secs, job.attempts, None).await?;
            report.waiting += 1;
        }
        Step::Failed(error) if error.is_transient() && job.attempts + 1 < MAX_ATTEMPTS => {
            let attempts = job.attempts + 1;
            let wait = match &error {
                ProviderError::RateLimited(wait) => wait.as_secs().max(1) as i64,
                _ => backoff_secs(attempts),
            };
            tracing::warn!(kind = job.kind, customer_id = %job.customer_id, attempts, %error, "provider job will be retried");
            reschedule(&mut tx, job, now + wait, attempts, Some(&error.to_string())).await?;
            report.retrying += 1;
        }
        Step::Failed(error) => {
            tracing::warn!(kind = job.kind, customer_id = %job.customer_id, %error, "provider job failed");
            match kind.failed(&mut tx, job, &error, now).await? {
                AfterFailure::Delete => {
                    sqlx::query("DELETE FROM provider_jobs WHERE id = $1")
                        .bind(job.id)
                        .execute(&mut *tx)
                        .await?;
                }
                AfterFailure::Keep => {
                    sqlx::query(
                        "UPDATE provider_jobs SET failed_at = $2, attempts = attempts + 1, \
                         claimed_until = NULL, last_error = $3 WHERE id = $1",
                    )
                    .bind(job.id)
                    .bind(now)
                    .bind(error.to_string())
                    .execute(&mut *tx)
                    .await?;
                }
            }
            report.failed += 1;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn reschedule(
    conn: &mut AnyConnection,
    job: &Job,
    at: i64,
    attempts: i64,
    error: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE provider_jobs SET next_attempt_at = $2, attempts = $3, claimed_until = NULL, \
         last_error = COALESCE($4, last_error) WHERE id = $1",
    )
    .bind(job.id)
    .bind(at)
    .bind(attempts)
    .bind(error)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whose job: a customer's (its tenant, its agreement report) or one of its records' (an
/// order, a subscription change).
pub enum JobOwner {
    Customer(CustomerId),
    Subject(i64),
}

/// Starts a failed job of this kind again (same request id: the provider may have done it
/// after all). In the caller's transaction.
pub async fn restart(
    conn: &mut AnyConnection,
    kind: &'static str,
    owner: JobOwner,
    now: i64,
) -> Result<(), DbError> {
    // Only these fixed column names go into the text of the query.
    let (column, id) = match owner {
        JobOwner::Customer(CustomerId(id)) => ("customer_id", id),
        JobOwner::Subject(id) => ("subject_id", id),
    };
    sqlx::query(&format!(
        "UPDATE provider_jobs SET failed_at = NULL, attempts = 0, next_attempt_at = $3, \
         claimed_until = NULL WHERE {column} = $1 AND kind = $2 AND done_at IS NULL"
    ))
    .bind(id)
    .bind(kind)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_up_to_five_minutes() {
        assert_eq!(backoff_secs(1), 2);
        assert_eq!(backoff_secs(2), 4);
        assert_eq!(backoff_secs(5), 32);
        assert_eq!(backoff_secs(12), 300);
    }
}
