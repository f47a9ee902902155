//! Customers' Microsoft tenants: reserving a prefix (the unique index decides, race-safe),
//! queueing the creation, and the job that drives it at the provider with retries — always
//! with the same request id, so the provider creates the tenant exactly once.

use crate::platform::provider::{
    Address, NewCustomer, ProviderError, RefusalReason, SharedProvider,
};
use crate::platform::sessions::ResellerScope;
use crate::platform::{sealing::SealingKey, Database, DbError};
use crate::tenants::{InitialPassword, Tenant};
use kontor_domain::{CustomerId, TenantDomain, TenantFailure, TenantPrefix, TenantStatus};
use kontor_jobs::{self as jobs, AfterFailure, Job, JobKind, JobOwner, Step};
use sqlx::AnyConnection;
use std::collections::HashSet;

/// The job that creates a customer's tenant at the provider.
pub const CREATE_TENANT: &str = "create_tenant";

/// Creating tenants, as a job: what it needs besides the database.
pub struct TenantCreation {
    pub provider: SharedProvider,
    pub key: SealingKey,
}

#[async_trait::async_trait]
impl JobKind for TenantCreation {
    fn name(&self) -> &'static str {
        CREATE_TENANT
    }

    async fn attempt(&self, db: &Database, job: &Job, now: i64) -> Result<Step, DbError> {
        creation_step(db, &self.provider, &self.key, job, now).await
    }

    async fn succeeded(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        now: i64,
    ) -> Result<(), DbError> {
        creation_done(conn, job, now).await
    }

    async fn failed(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        error: &ProviderError,
        now: i64,
    ) -> Result<AfterFailure, DbError> {
        creation_failed(conn, job, error, now).await
    }
}

/// How often a tenant being provisioned is asked about.
const POLL_SECS: i64 = 1;

/// The customer's tenant, if the reseller owns the customer and it has one.
pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
    key: &SealingKey,
) -> Result<Option<Tenant>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        kind: String,
        domain: String,
        status: String,
        failure: Option<String>,
        admin_user: Option<String>,
        admin_password_sealed: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT t.kind, t.domain, t.status, t.failure, t.admin_user, t.admin_password_sealed \
         FROM tenants t JOIN customers c ON c.id = t.customer_id \
         WHERE c.reseller_id = $1 AND t.customer_id = $2",
    )
    .bind(scope.reseller())
    .bind(customer_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(Row {
        kind,
        domain,
        status,
        failure,
        admin_user,
        admin_password_sealed: sealed,
    }) = row
    else {
        return Ok(None);
    };
    let failure = failure.as_deref().map(TenantFailure::parse);
    let initial_password = match sealed.map(|s| key.open(&s)) {
        None => InitialPassword::None,
        Some(Ok(password)) => InitialPassword::Shown(password),
        Some(Err(error)) => {
            tracing::error!(%customer_id, %error, "a sealed admin password does not open with this installation's key (KONTOR_SECRET_KEY differs from the one that sealed it)");
            InitialPassword::Unreadable
        }
    };
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

/// Which of these prefixes Kontor has given to a customer already (as a new tenant's prefix,
/// or as an existing tenant's `prefix.onmicrosoft.com`).
pub async fn taken_in_kontor(
    db: &Database,
    prefixes: &[TenantPrefix],
) -> Result<HashSet<String>, DbError> {
    if prefixes.is_empty() {
        return Ok(HashSet::new());
    }
    let placeholders: Vec<String> = (1..=prefixes.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT domain FROM tenants WHERE domain IN ({}) \
         AND NOT (status = 'failed' AND failure = 'prefix_taken')",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String,)>(&sql);
    for prefix in prefixes {
        query = query.bind(prefix.domain());
    }
    let rows = query.fetch_all(db.pool()).await?;
    let domains: HashSet<String> = rows.into_iter().map(|(d,)| d).collect();
    Ok(prefixes
        .iter()
        .filter(|p| domains.contains(&p.domain()))
        .map(|p| p.as_str().to_owned())
        .collect())
}

/// Why a customer could not claim a tenant.
pub enum ClaimError {
    /// Another customer holds the prefix or domain (perhaps since a moment ago). Whose it is
    /// is never told.
    Taken,
    /// The customer has a tenant already, or is not this reseller's.
    NotAllowed,
    Database(DbError),
}

impl From<sqlx::Error> for ClaimError {
    fn from(error: sqlx::Error) -> Self {
        ClaimError::Database(error.into())
    }
}

/// Reserves the prefix for the customer and queues the tenant's creation, in one
/// transaction. The unique index on `tenants.prefix` decides between simultaneous claims.
/// A customer whose earlier prefix was lost at the provider may claim a new one.
pub async fn reserve(
    conn: &mut AnyConnection,
    scope: &ResellerScope,
    customer_id: CustomerId,
    prefix: &TenantPrefix,
    now: i64,
) -> Result<(), ClaimError> {
    let new = Claim {
        kind: "new",
        prefix: Some(prefix.as_str()),
        domain: &prefix.domain(),
        status: TenantStatus::Waiting,
    };
    claim(conn, scope, customer_id, new, now).await?;
    jobs::enqueue(conn, CREATE_TENANT, customer_id, None, now)
        .await
        .map_err(ClaimError::Database)
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
/// race) and checks ownership in the same breath. The unique indexes on `prefix` and
/// `domain` decide between simultaneous claims.
async fn claim(
    conn: &mut AnyConnection,
    scope: &ResellerScope,
    customer_id: CustomerId,
    claim: Claim<'_>,
    now: i64,
) -> Result<(), ClaimError> {
    let claimed = sqlx::query(
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
    .bind(scope.reseller())
    .execute(&mut *conn)
    .await;
    match claimed {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(ClaimError::Taken),
        Err(error) => Err(error.into()),
        Ok(done) if done.rows_affected() == 0 => Err(ClaimError::NotAllowed),
        Ok(_) => Ok(()),
    }
}

/// Records that the customer's existing tenant was invited (the caller mails the link in the
/// same transaction).
pub async fn invite(
    conn: &mut AnyConnection,
    scope: &ResellerScope,
    customer_id: CustomerId,
    domain: &TenantDomain,
    now: i64,
) -> Result<(), ClaimError> {
    let existing = Claim {
        kind: "existing",
        prefix: None,
        domain: domain.as_str(),
        status: TenantStatus::Invited,
    };
    claim(conn, scope, customer_id, existing, now).await
}

/// The existing tenant linked itself to the reseller at the provider.
pub async fn mark_authorised(
    db: &Database,
    customer_id: CustomerId,
    provider_tenant_id: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE tenants SET status = 'authorised', provider_tenant_id = $3, updated_at = $2 \
         WHERE customer_id = $1 AND status = 'invited'",
    )
    .bind(customer_id)
    .bind(now)
    .bind(provider_tenant_id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Where a customer's tenant stands at the provider, for what is done for it there.
pub enum AtProvider {
    /// No usable tenant yet (none, being created, invited): come back later.
    Waiting,
    /// The tenant id the provider knows the customer by.
    Known(String),
    /// The provider did not say.
    Failed(ProviderError),
}

/// The tenant id of the customer's usable (ready or authorised) tenant. A tenant authorised
/// before Kontor kept the id is looked up by its domain, once.
pub async fn at_provider(
    db: &Database,
    provider: &SharedProvider,
    customer_id: CustomerId,
) -> Result<AtProvider, DbError> {
    let row: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT domain, status, provider_tenant_id FROM tenants WHERE customer_id = $1",
    )
    .bind(customer_id)
    .fetch_optional(db.pool())
    .await?;
    let Some((domain, status, tenant_id)) = row else {
        return Ok(AtProvider::Waiting);
    };
    if !TenantStatus::parse(&status).is_some_and(TenantStatus::is_usable) {
        return Ok(AtProvider::Waiting);
    }
    if let Some(id) = tenant_id {
        return Ok(AtProvider::Known(id));
    }
    Ok(match provider.find_customer(&domain).await {
        Ok(Some(id)) => {
            sqlx::query("UPDATE tenants SET provider_tenant_id = $2 WHERE customer_id = $1")
                .bind(customer_id)
                .bind(&id)
                .execute(db.pool())
                .await?;
            AtProvider::Known(id)
        }
        Ok(None) => AtProvider::Waiting,
        Err(error) => AtProvider::Failed(error),
    })
}

/// The reseller has noted the first password: it is deleted for good.
pub async fn forget_password(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE tenants SET admin_password_sealed = NULL WHERE customer_id = $1 \
         AND customer_id IN (SELECT id FROM customers WHERE reseller_id = $2)",
    )
    .bind(customer_id)
    .bind(scope.reseller())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Starts a failed creation again (same request id: the provider may have done it after
/// all). False when there is nothing to retry.
pub async fn retry(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
    now: i64,
) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    let reset = sqlx::query(
        "UPDATE tenants SET status = 'waiting', failure = NULL, updated_at = $3 \
         WHERE customer_id = $1 AND status = 'failed' AND failure <> 'prefix_taken' \
         AND customer_id IN (SELECT id FROM customers WHERE reseller_id = $2)",
    )
    .bind(customer_id)
    .bind(scope.reseller())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if reset.rows_affected() != 1 {
        return Ok(false);
    }
    jobs::restart(&mut tx, CREATE_TENANT, JobOwner::Customer(customer_id), now).await?;
    tx.commit().await?;
    Ok(true)
}

/// One attempt at the creation: create (once), then ask until provisioned.
async fn creation_step(
    db: &Database,
    provider: &SharedProvider,
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
        None => {
            return Ok(Step::Failed(ProviderError::refused(
                RefusalReason::NotFound,
                None,
                "the tenant row is gone",
            )))
        }
        Some((Some(id),)) => id,
        Some((None,)) => {
            let request = new_customer(db, job.customer_id).await?;
            let created = match provider.create_customer(&job.request_id, &request).await {
                Ok(created) => created,
                Err(error) => return Ok(Step::Failed(error)),
            };
            // The API names the first admin without the domain ("admin").
            let admin = if created.admin_user.contains('@') {
                created.admin_user.clone()
            } else {
                format!("{}@{}", created.admin_user, request.domain)
            };
            sqlx::query(
                "UPDATE tenants SET provider_tenant_id = $2, admin_user = $3, \
                 admin_password_sealed = $4, status = 'creating', updated_at = $5 \
                 WHERE customer_id = $1",
            )
            .bind(job.customer_id)
            .bind(&created.tenant_id)
            .bind(admin)
            .bind(key.seal(&created.admin_password))
            .bind(now)
            .execute(db.pool())
            .await?;
            created.tenant_id
        }
    };
    Ok(match provider.customer_ready(&tenant_id).await {
        Ok(true) => Step::Done,
        Ok(false) => Step::WaitSecs(POLL_SECS),
        Err(error) => Step::Failed(error),
    })
}

/// The customer as the provider creates it: its domain, address and contact, and the
/// reseller (by Microsoft id, when it has stored one) it belongs to.
async fn new_customer(db: &Database, customer_id: CustomerId) -> Result<NewCustomer, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        domain: String,
        company_name: String,
        street: String,
        postal_code: String,
        city: String,
        country: String,
        contact_first_name: String,
        contact_last_name: String,
        contact_email: String,
        locale: String,
        microsoft_id: Option<String>,
    }
    let Row {
        domain,
        company_name,
        street,
        postal_code,
        city,
        country,
        contact_first_name: first,
        contact_last_name: last,
        contact_email: email,
        locale,
        microsoft_id,
    } = sqlx::query_as(
        "SELECT t.domain, c.company_name, c.street, c.postal_code, c.city, c.country, \
         c.contact_first_name, c.contact_last_name, c.contact_email, c.locale, r.microsoft_id \
         FROM tenants t JOIN customers c ON c.id = t.customer_id \
         JOIN resellers r ON r.id = c.reseller_id WHERE t.customer_id = $1",
    )
    .bind(customer_id)
    .fetch_one(db.pool())
    .await?;
    let culture = if locale == "en" { "en-US" } else { "de-DE" };
    Ok(NewCustomer {
        domain,
        company_name,
        email,
        culture: culture.to_owned(),
        language: locale,
        address: Address {
            country,
            city,
            postal_code,
            address_line1: street,
            first_name: first,
            last_name: last,
        },
        associated_partner_id: microsoft_id,
    })
}

/// The tenant is provisioned.
async fn creation_done(conn: &mut AnyConnection, job: &Job, now: i64) -> Result<(), DbError> {
    set_status(conn, job.customer_id, TenantStatus::Ready, None, now).await?;
    tracing::info!(customer_id = %job.customer_id, "tenant ready");
    Ok(())
}

/// The creation failed for good: the tenant says why. A prefix someone else holds at the
/// provider is freed in Kontor and its job deleted (a new prefix gets a new job).
async fn creation_failed(
    conn: &mut AnyConnection,
    job: &Job,
    error: &ProviderError,
    now: i64,
) -> Result<AfterFailure, DbError> {
    let failure = match error.reason() {
        Some(RefusalReason::DomainTaken) => TenantFailure::PrefixTaken,
        Some(_) => TenantFailure::Refused,
        None => TenantFailure::Unavailable,
    };
    set_status(
        conn,
        job.customer_id,
        TenantStatus::Failed,
        Some(failure),
        now,
    )
    .await?;
    if failure != TenantFailure::PrefixTaken {
        return Ok(AfterFailure::Keep);
    }
    sqlx::query("UPDATE tenants SET prefix = NULL WHERE customer_id = $1")
        .bind(job.customer_id)
        .execute(&mut *conn)
        .await?;
    Ok(AfterFailure::Delete)
}

async fn set_status(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
    status: TenantStatus,
    failure: Option<TenantFailure>,
    now: i64,
) -> Result<(), DbError> {
    // Only a creation under way moves on: a tenant that became ready stays so, whatever a
    // late attempt reports.
    sqlx::query(
        "UPDATE tenants SET status = $2, failure = $3, updated_at = $4 WHERE customer_id = $1 \
         AND status IN ('waiting', 'creating')",
    )
    .bind(customer_id)
    .bind(status.as_str())
    .bind(failure.map(TenantFailure::as_str))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
