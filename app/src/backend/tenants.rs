//! Customers' Microsoft tenants: reserving a prefix (the unique index decides, race-safe),
//! queueing the creation, and the job that drives it at the provider with retries — always
//! with the same request id, so the provider creates the tenant exactly once.

use super::provider::{
    Address, BillingProfile, CompanyProfile, NewTenant, ProviderClient, ProviderError,
    ProvisioningState, RequestId,
};
use super::sealing::SealingKey;
use super::{Database, DbError};
use crate::domain::{TenantDomain, TenantPrefix};
use crate::tenants::{Tenant, TenantFailure, TenantStatus};
use sqlx::AnyConnection;
use std::collections::HashSet;
use std::time::Duration;

/// After this many failed attempts (about half an hour of retries) the creation is marked
/// failed; the reseller can start it again.
pub const MAX_ATTEMPTS: i64 = 10;
/// How long one worker owns a claimed job.
const CLAIM_SECS: i64 = 60;
/// How often a tenant being provisioned is asked about.
const POLL_SECS: i64 = 1;
const BATCH: i64 = 20;

/// Pause after `attempts` failures: 2 s, 4 s, 8 s, … at most 5 minutes.
pub fn backoff_secs(attempts: i64) -> i64 {
    (2_i64 << (attempts.clamp(1, 20) - 1)).min(300)
}

/// The customer's tenant, if the reseller owns the customer and it has one.
pub async fn find(
    db: &Database,
    reseller_id: i64,
    customer_id: i64,
    key: &SealingKey,
) -> Result<Option<Tenant>, DbError> {
    #[allow(clippy::type_complexity)]
    let row: Option<(
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    )> = sqlx::query_as(
        "SELECT t.kind, t.domain, t.status, t.failure, t.admin_user, t.admin_password_sealed \
         FROM tenants t JOIN customers c ON c.id = t.customer_id \
         WHERE c.reseller_id = $1 AND t.customer_id = $2",
    )
    .bind(reseller_id)
    .bind(customer_id)
    .fetch_optional(db.pool())
    .await?;
    let Some((kind, domain, status, failure, admin_user, sealed)) = row else {
        return Ok(None);
    };
    let failure = failure.as_deref().map(TenantFailure::parse);
    let initial_password = sealed.map(|s| key.open(&s)).transpose().map_err(|error| {
        tracing::error!(customer_id, %error, "a sealed admin password does not open");
        DbError::Corrupt("tenants.admin_password_sealed")
    })?;
    Ok(Some(Tenant {
        domain,
        existing: kind == "existing",
        status: TenantStatus::parse(&status).ok_or(DbError::Corrupt("tenants.status"))?,
        failure: failure
            .map(|f| f.ok_or(DbError::Corrupt("tenants.failure")))
            .transpose()?,
        admin_user,
        initial_password,
    }))
}

/// Which of these prefixes Kontor has given to a customer already.
pub async fn taken_in_kontor(
    db: &Database,
    prefixes: &[TenantPrefix],
) -> Result<HashSet<String>, DbError> {
    if prefixes.is_empty() {
        return Ok(HashSet::new());
    }
    let placeholders: Vec<String> = (1..=prefixes.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT prefix FROM tenants WHERE prefix IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String,)>(&sql);
    for prefix in prefixes {
        query = query.bind(prefix.as_str());
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

pub enum ReserveError {
    /// Another customer holds the prefix (perhaps since a moment ago).
    PrefixTaken,
    /// The customer has a tenant already, or is not this reseller's.
    NotAllowed,
    Database(DbError),
}

impl From<sqlx::Error> for ReserveError {
    fn from(error: sqlx::Error) -> Self {
        ReserveError::Database(error.into())
    }
}

/// Reserves the prefix for the customer and queues the tenant's creation, in one
/// transaction. The unique index on `tenants.prefix` decides between simultaneous claims.
/// A customer whose earlier prefix was lost at the provider may claim a new one.
pub async fn reserve(
    conn: &mut AnyConnection,
    reseller_id: i64,
    customer_id: i64,
    prefix: &TenantPrefix,
    now: i64,
) -> Result<(), ReserveError> {
    let claimed = claim(
        conn,
        reseller_id,
        customer_id,
        Claim {
            kind: "new",
            prefix: Some(prefix.as_str()),
            domain: &prefix.domain(),
            status: TenantStatus::Waiting,
        },
        now,
    )
    .await;
    match claimed {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(ReserveError::PrefixTaken)
        }
        Err(error) => return Err(error.into()),
        Ok(done) if done.rows_affected() == 0 => return Err(ReserveError::NotAllowed),
        Ok(_) => {}
    }
    sqlx::query(
        "INSERT INTO provider_jobs (kind, customer_id, request_id, next_attempt_at, created_at) \
         VALUES ('create_tenant', $1, $2, $3, $3)",
    )
    .bind(customer_id)
    .bind(RequestId::generate().as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What a customer's tenant row starts as.
struct Claim<'a> {
    kind: &'static str,
    prefix: Option<&'a str>,
    domain: &'a str,
    status: TenantStatus,
}

/// Writes the customer's tenant row, if the customer is this reseller's and has no tenant yet
/// (or lost its prefix at the provider). One statement, and its transaction's first: it takes
/// the write lock at once (SQLite would refuse to upgrade a reading transaction that lost a
/// race) and checks ownership in the same breath. The unique index on `prefix` decides
/// between simultaneous claims of one prefix.
async fn claim(
    conn: &mut AnyConnection,
    reseller_id: i64,
    customer_id: i64,
    claim: Claim<'_>,
    now: i64,
) -> Result<sqlx::any::AnyQueryResult, sqlx::Error> {
    sqlx::query(
        "INSERT INTO tenants (customer_id, kind, prefix, domain, status, created_at, updated_at) \
         SELECT id, $2, $3, $4, $5, $6, $6 FROM customers WHERE id = $1 AND reseller_id = $7 \
         ON CONFLICT (customer_id) DO UPDATE SET kind = excluded.kind, prefix = excluded.prefix, \
           domain = excluded.domain, status = excluded.status, failure = NULL, \
           updated_at = excluded.updated_at \
         WHERE tenants.status = 'failed' AND tenants.failure = 'prefix_taken'",
    )
    .bind(customer_id)
    .bind(claim.kind)
    .bind(claim.prefix)
    .bind(claim.domain)
    .bind(claim.status.as_str())
    .bind(now)
    .bind(reseller_id)
    .execute(&mut *conn)
    .await
}

/// Records that the customer's existing tenant was invited (the caller mails the link in the
/// same transaction). False if the customer is not this reseller's or has a tenant already.
pub async fn invite(
    conn: &mut AnyConnection,
    reseller_id: i64,
    customer_id: i64,
    domain: &TenantDomain,
    now: i64,
) -> Result<bool, DbError> {
    let claimed = claim(
        conn,
        reseller_id,
        customer_id,
        Claim {
            kind: "existing",
            prefix: None,
            domain: domain.as_str(),
            status: TenantStatus::Invited,
        },
        now,
    )
    .await?;
    Ok(claimed.rows_affected() == 1)
}

/// The existing tenant accepted the reseller at the provider.
pub async fn mark_authorised(db: &Database, customer_id: i64, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE tenants SET status = 'authorised', updated_at = $2 \
         WHERE customer_id = $1 AND status = 'invited'",
    )
    .bind(customer_id)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The reseller has noted the first password: it is deleted for good.
pub async fn forget_password(
    db: &Database,
    reseller_id: i64,
    customer_id: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE tenants SET admin_password_sealed = NULL WHERE customer_id = $1 \
         AND customer_id IN (SELECT id FROM customers WHERE reseller_id = $2)",
    )
    .bind(customer_id)
    .bind(reseller_id)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Starts a failed creation again (same request id: the provider may have done it after
/// all). False when there is nothing to retry.
pub async fn retry(
    db: &Database,
    reseller_id: i64,
    customer_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let mut tx = db.pool().begin().await?;
    let reset = sqlx::query(
        "UPDATE tenants SET status = 'waiting', failure = NULL, updated_at = $3 \
         WHERE customer_id = $1 AND status = 'failed' AND failure <> 'prefix_taken' \
         AND customer_id IN (SELECT id FROM customers WHERE reseller_id = $2)",
    )
    .bind(customer_id)
    .bind(reseller_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if reset.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE provider_jobs SET failed_at = NULL, attempts = 0, next_attempt_at = $2, \
         claimed_until = NULL WHERE customer_id = $1 AND kind = 'create_tenant' AND done_at IS NULL",
    )
    .bind(customer_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// What one pass of the worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub ready: usize,
    pub waiting: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// One pass of the worker: claims the due creation jobs and moves each one step on.
pub async fn run_due_jobs(
    db: &Database,
    provider: &ProviderClient,
    key: &SealingKey,
    now: i64,
) -> Result<JobReport, DbError> {
    let due: Vec<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT id, customer_id, request_id, attempts FROM provider_jobs \
         WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
         AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY id LIMIT $2",
    )
    .bind(now)
    .bind(BATCH)
    .fetch_all(db.pool())
    .await?;
    let mut report = JobReport::default();
    for (job_id, customer_id, request_id, attempts) in due {
        let claimed = sqlx::query(
            "UPDATE provider_jobs SET claimed_until = $1 WHERE id = $2 AND done_at IS NULL \
             AND (claimed_until IS NULL OR claimed_until < $3)",
        )
        .bind(now + CLAIM_SECS)
        .bind(job_id)
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected();
        if claimed != 1 {
            continue;
        }
        let job = Job {
            id: job_id,
            customer_id,
            request_id: RequestId::from_stored(request_id),
            attempts,
        };
        let step = create_step(db, provider, key, &job, now).await?;
        finish_step(db, &job, step, now, &mut report).await?;
    }
    Ok(report)
}

struct Job {
    id: i64,
    customer_id: i64,
    request_id: RequestId,
    attempts: i64,
}

/// Where one attempt left the creation.
enum Step {
    Ready,
    /// Provisioning: ask again shortly (not a failure).
    Provisioning,
    Failed(ProviderError),
}

async fn create_step(
    db: &Database,
    provider: &ProviderClient,
    key: &SealingKey,
    job: &Job,
    now: i64,
) -> Result<Step, DbError> {
    let tenant_id: Option<(Option<String>,)> =
        sqlx::query_as("SELECT provider_tenant_id FROM tenants WHERE customer_id = $1")
            .bind(job.customer_id)
            .fetch_optional(db.pool())
            .await?;
    let tenant_id = match tenant_id {
        None => return Ok(Step::Failed(refused("the tenant row is gone"))),
        Some((Some(id),)) => id,
        Some((None,)) => {
            let request = new_tenant(db, job.customer_id).await?;
            let created = match provider.create_tenant(&job.request_id, &request).await {
                Ok(created) => created,
                Err(error) => return Ok(Step::Failed(error)),
            };
            sqlx::query(
                "UPDATE tenants SET provider_tenant_id = $2, admin_user = $3, \
                 admin_password_sealed = $4, status = 'creating', updated_at = $5 \
                 WHERE customer_id = $1",
            )
            .bind(job.customer_id)
            .bind(&created.id)
            .bind(&created.user_credentials.user_name)
            .bind(key.seal(&created.user_credentials.password))
            .bind(now)
            .execute(db.pool())
            .await?;
            created.id
        }
    };
    Ok(
        match provider
            .provisioning_state(&job.request_id, &tenant_id)
            .await
        {
            Ok(ProvisioningState::Succeeded) => Step::Ready,
            Ok(ProvisioningState::Pending) => Step::Provisioning,
            Ok(ProvisioningState::Failed) => {
                Step::Failed(refused("the provider could not provision the tenant"))
            }
            Err(error) => Step::Failed(error),
        },
    )
}

fn refused(message: &str) -> ProviderError {
    ProviderError::Refused {
        status: 0,
        message: message.to_owned(),
    }
}

async fn new_tenant(db: &Database, customer_id: i64) -> Result<NewTenant, DbError> {
    #[allow(clippy::type_complexity)]
    let (domain, company_name, street, postal_code, city, country, first, last, email, locale): (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT t.domain, c.company_name, c.street, c.postal_code, c.city, c.country, \
         c.contact_first_name, c.contact_last_name, c.contact_email, c.locale \
         FROM tenants t JOIN customers c ON c.id = t.customer_id WHERE t.customer_id = $1",
    )
    .bind(customer_id)
    .fetch_one(db.pool())
    .await?;
    let culture = if locale == "en" { "en-US" } else { "de-DE" };
    Ok(NewTenant {
        company_profile: CompanyProfile {
            company_name: company_name.clone(),
            domain,
        },
        billing_profile: BillingProfile {
            email,
            culture: culture.to_owned(),
            language: locale,
            company_name,
            default_address: Address {
                country,
                city,
                postal_code,
                address_line1: street,
                first_name: first,
                last_name: last,
            },
        },
    })
}

async fn finish_step(
    db: &Database,
    job: &Job,
    step: Step,
    now: i64,
    report: &mut JobReport,
) -> Result<(), DbError> {
    let mut tx = db.pool().begin().await?;
    match step {
        Step::Ready => {
            set_status(&mut tx, job.customer_id, TenantStatus::Ready, None, now).await?;
            sqlx::query(
                "UPDATE provider_jobs SET done_at = $2, claimed_until = NULL WHERE id = $1",
            )
            .bind(job.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tracing::info!(customer_id = job.customer_id, "tenant ready");
            report.ready += 1;
        }
        Step::Provisioning => {
            reschedule(&mut tx, job, now + POLL_SECS, job.attempts, None).await?;
            report.waiting += 1;
        }
        Step::Failed(error) if error.is_transient() && job.attempts + 1 < MAX_ATTEMPTS => {
            let attempts = job.attempts + 1;
            let wait = match &error {
                ProviderError::RateLimited(wait) => wait.as_secs().max(1) as i64,
                _ => backoff_secs(attempts),
            };
            tracing::warn!(customer_id = job.customer_id, attempts, %error, "tenant creation will be retried");
            reschedule(&mut tx, job, now + wait, attempts, Some(&error.to_string())).await?;
            report.retrying += 1;
        }
        Step::Failed(error) => {
            let failure = match error {
                ProviderError::DomainTaken => TenantFailure::PrefixTaken,
                ProviderError::Unavailable(_) | ProviderError::RateLimited(_) => {
                    TenantFailure::Unavailable
                }
                ProviderError::Refused { .. } => TenantFailure::Refused,
            };
            tracing::warn!(customer_id = job.customer_id, %error, "tenant creation failed");
            set_status(
                &mut tx,
                job.customer_id,
                TenantStatus::Failed,
                Some(failure),
                now,
            )
            .await?;
            if failure == TenantFailure::PrefixTaken {
                // The prefix is someone else's at the provider: free it in Kontor, and end
                // the job for good (a new prefix gets a new job).
                sqlx::query("UPDATE tenants SET prefix = NULL WHERE customer_id = $1")
                    .bind(job.customer_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM provider_jobs WHERE id = $1")
                    .bind(job.id)
                    .execute(&mut *tx)
                    .await?;
            } else {
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
            report.failed += 1;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn set_status(
    conn: &mut AnyConnection,
    customer_id: i64,
    status: TenantStatus,
    failure: Option<TenantFailure>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE tenants SET status = $2, failure = $3, updated_at = $4 WHERE customer_id = $1",
    )
    .bind(customer_id)
    .bind(status.as_str())
    .bind(failure.map(TenantFailure::as_str))
    .bind(now)
    .execute(&mut *conn)
    .await?;
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

/// How long the worker sleeps between passes.
pub const WORKER_PAUSE: Duration = Duration::from_millis(500);

#[cfg(test)]
mod tests {
    use super::backoff_secs;

    #[test]
    fn retries_back_off_up_to_five_minutes() {
        assert_eq!(backoff_secs(1), 2);
        assert_eq!(backoff_secs(2), 4);
        assert_eq!(backoff_secs(5), 32);
        assert_eq!(backoff_secs(12), 300);
    }
}
