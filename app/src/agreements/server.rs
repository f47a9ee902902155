//! Acceptances of the cloud agreement: recording one (once per customer, whichever way comes
//! first), the links mailed for it, and the job that reports an acceptance to the provider
//! once the customer's tenant is there.

use crate::agreements::{Acceptance, Attestation, ReportState, SentLink, AGREEMENT_VERSION};
use crate::audit::server::{self as audit, Actor};
use crate::audit::AuditAction;
use crate::platform::email_tokens::{self, TokenPurpose};
use crate::platform::provider::{AgreementAcceptance, RefusalReason, SharedProvider};
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use crate::tenants::server::{self as tenants, AtProvider};
use kontor_domain::CustomerId;
use kontor_domain::ResellerId;
use kontor_domain::UserId;
use kontor_domain::{iso_date, AcceptanceMethod, Signer};
use kontor_jobs::{self as jobs, Job, JobKind, Step};
use sqlx::AnyConnection;
use time::PrimitiveDateTime;

/// The job that reports an acceptance to the provider.
pub const REPORT_AGREEMENT: &str = "report_agreement";

/// Reporting acceptances, as a job; one that failed for good is kept, marked failed.
pub struct AgreementReport {
    pub provider: SharedProvider,
}

#[async_trait::async_trait]
impl JobKind for AgreementReport {
    fn name(&self) -> &'static str {
        REPORT_AGREEMENT
    }

    async fn attempt(&self, db: &Database, job: &Job, _now: i64) -> Result<Step, DbError> {
        report_step(db, &self.provider, job).await
    }

    async fn succeeded(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        now: i64,
    ) -> Result<(), DbError> {
        report_done(conn, job, now).await
    }
}

/// How long a report waits for the customer's tenant before it looks again.
const TENANT_WAIT_SECS: i64 = 30;

/// An acceptance to record.
pub struct NewAcceptance<'a> {
    pub signer: &'a Signer,
    pub method: AcceptanceMethod,
    pub version: &'a str,
    pub accepted_at: i64,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub attested_by: Option<UserId>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The customer has an acceptance already (perhaps since a moment ago).
    #[error("the agreement is accepted already")]
    AlreadyAccepted,
    #[error(transparent)]
    Database(#[from] DbError),
}

/// Records the acceptance and queues its report to the provider, in the caller's
/// transaction; the insert comes first, so it takes the write lock at once, and the primary
/// key lets exactly one of two simultaneous acceptances through. Open links stop working.
pub async fn record(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
    acceptance: &NewAcceptance<'_>,
    now: i64,
) -> Result<(), RecordError> {
    let inserted = sqlx::query(
        "INSERT INTO agreement_acceptances (customer_id, version, method, signer_first_name, \
         signer_last_name, signer_email, accepted_at, ip, user_agent, attested_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(customer_id)
    .bind(acceptance.version)
    .bind(acceptance.method.as_str())
    .bind(&acceptance.signer.first_name)
    .bind(&acceptance.signer.last_name)
    .bind(acceptance.signer.email.as_str())
    .bind(acceptance.accepted_at)
    .bind(acceptance.ip)
    .bind(acceptance.user_agent)
    .bind(acceptance.attested_by)
    .bind(now)
    .execute(&mut *conn)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(RecordError::AlreadyAccepted)
        }
        other => other.map_err(DbError::from)?,
    };
    email_tokens::supersede(conn, TokenPurpose::AcceptAgreement, customer_id.0, now).await?;
    jobs::enqueue(conn, REPORT_AGREEMENT, customer_id, None, now).await?;
    Ok(())
}

/// Records an acceptance a reseller user attests, with its audit entry, in the caller's
/// transaction (ownership checked by the caller).
pub async fn record_attestation(
    conn: &mut AnyConnection,
    scope: &ResellerScope,
    customer_id: CustomerId,
    attestation: &Attestation,
    actor: &Actor<'_>,
    now: i64,
) -> Result<(), RecordError> {
    let accepted_at = PrimitiveDateTime::new(attestation.date, time::Time::MIDNIGHT)
        .assume_utc()
        .unix_timestamp();
    let acceptance = NewAcceptance {
        signer: &attestation.signer,
        method: AcceptanceMethod::Attested,
        version: AGREEMENT_VERSION,
        accepted_at,
        ip: None,
        user_agent: None,
        attested_by: actor.user_id,
    };
    record(conn, customer_id, &acceptance, now).await?;
    let action = AuditAction::AgreementAttested {
        signer: attestation.signer.name(),
        email: attestation.signer.email.as_str().to_owned(),
        date: iso_date(attestation.date),
        version: AGREEMENT_VERSION.to_owned(),
    };
    audit::record(
        conn,
        scope.reseller(),
        Some(customer_id),
        actor,
        &action,
        now,
    )
    .await?;
    Ok(())
}

/// The customer's acceptance, if the customer is this reseller's and has one.
pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
) -> Result<Option<Acceptance>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        version: String,
        method: String,
        signer_first_name: String,
        signer_last_name: String,
        signer_email: String,
        accepted_at: i64,
        ip: Option<String>,
        attested_by: Option<String>,
        reported_at: Option<i64>,
        report_failed_at: Option<i64>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT a.version, a.method, a.signer_first_name, a.signer_last_name, a.signer_email, \
         a.accepted_at, a.ip, u.email AS attested_by, a.reported_at, \
         (SELECT MAX(j.failed_at) FROM provider_jobs j \
          WHERE j.customer_id = a.customer_id AND j.kind = 'report_agreement') \
          AS report_failed_at \
         FROM agreement_acceptances a JOIN customers c ON c.id = a.customer_id \
         LEFT JOIN users u ON u.id = a.attested_by \
         WHERE c.reseller_id = $1 AND a.customer_id = $2",
    )
    .bind(scope.reseller())
    .bind(customer_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let report = match (row.reported_at, row.report_failed_at) {
        (Some(at), _) => ReportState::Reported { at },
        (None, Some(_)) => ReportState::Failed,
        (None, None) => ReportState::Pending,
    };
    Ok(Some(Acceptance {
        version: row.version,
        method: AcceptanceMethod::parse(&row.method)
            .ok_or(DbError::Corrupt("agreement_acceptances.method"))?,
        signer_name: format!("{} {}", row.signer_first_name, row.signer_last_name),
        signer_email: row.signer_email,
        accepted_at: row.accepted_at,
        ip: row.ip,
        attested_by: row.attested_by,
        report,
    }))
}

/// The newest agreement link of the customer that still works.
pub async fn open_link(
    db: &Database,
    customer_id: CustomerId,
    now: i64,
) -> Result<Option<SentLink>, DbError> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT created_at, expires_at FROM email_tokens WHERE purpose = $1 AND subject_id = $2 \
         AND used_at IS NULL AND superseded_at IS NULL AND expires_at > $3 \
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(TokenPurpose::AcceptAgreement.as_str())
    .bind(customer_id)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(sent_at, expires_at)| SentLink {
        sent_at,
        expires_at,
    }))
}

/// One attempt at reporting the acceptance: once the customer's tenant is ready (or has
/// authorised the reseller), the provider gets it, naming its current agreement template;
/// until then the job waits. An acceptance the provider has already (600061) is reported.
async fn report_step(db: &Database, provider: &SharedProvider, job: &Job) -> Result<Step, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        signer_first_name: String,
        signer_last_name: String,
        signer_email: String,
        accepted_at: i64,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT signer_first_name, signer_last_name, signer_email, accepted_at \
         FROM agreement_acceptances WHERE customer_id = $1",
    )
    .bind(job.customer_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Err(DbError::Corrupt(
            "provider_jobs: an agreement report without acceptance",
        ));
    };
    let tenant_id = match tenants::at_provider(db, provider, job.customer_id).await? {
        AtProvider::Known(id) => id,
        AtProvider::Waiting => return Ok(Step::WaitSecs(TENANT_WAIT_SECS)),
        AtProvider::Failed(error) => return Ok(Step::Failed(error)),
    };
    let template_id = match provider.customer_agreement_template().await {
        Ok(id) => id,
        Err(error) => return Ok(Step::Failed(error)),
    };
    // The day it was accepted in Germany, as the API takes dates: midnight UTC.
    let day = kontor_domain::german_date(row.accepted_at);
    let acceptance = AgreementAcceptance {
        first_name: row.signer_first_name,
        last_name: row.signer_last_name,
        email: row.signer_email,
        date_agreed: PrimitiveDateTime::new(day, time::Time::MIDNIGHT)
            .assume_utc()
            .unix_timestamp(),
        template_id,
    };
    Ok(
        match provider
            .confirm_customer_agreement(&job.request_id, &tenant_id, &acceptance)
            .await
        {
            Ok(()) => Step::Done,
            Err(error) if error.reason() == Some(RefusalReason::AgreementAlreadyConfirmed) => {
                Step::Done
            }
            Err(error) => Step::Failed(error),
        },
    )
}

/// The provider has the acceptance.
async fn report_done(conn: &mut AnyConnection, job: &Job, now: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE agreement_acceptances SET reported_at = $2 WHERE customer_id = $1")
        .bind(job.customer_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let (reseller_id,): (ResellerId,) =
        sqlx::query_as("SELECT reseller_id FROM customers WHERE id = $1")
            .bind(job.customer_id)
            .fetch_one(&mut *conn)
            .await?;
    audit::record(
        conn,
        reseller_id,
        Some(job.customer_id),
        &Actor::SYSTEM,
        &AuditAction::AgreementReported,
        now,
    )
    .await
}
