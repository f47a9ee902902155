//! Customers' partner status in the database: the customers with a usable tenant, each with
//! the colour and time of its last successful check and of a failed one since. Every query
//! takes the reseller's id.

pub mod recheck;

use crate::partner_status::PartnerCustomer;
use crate::platform::provider::{indirect_resellers, ProviderError, SharedProvider};
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use crate::tenants::server::{self as tenants, AtProvider};
use kontor_domain::CustomerId;
use kontor_domain::PartnerStatus;

/// The Microsoft ids of the indirect resellers the customer's tenant is linked to, as the
/// provider lists its relationships. A tenant the provider does not know as the
/// distributor's customer is linked to none.
pub async fn linked_resellers(
    db: &Database,
    provider: &SharedProvider,
    customer_id: CustomerId,
) -> Result<Result<Vec<String>, ProviderError>, DbError> {
    Ok(
        match tenants::at_provider(db, provider, customer_id).await? {
            AtProvider::Known(tenant) => provider
                .relationships(&tenant)
                .await
                .map(|found| indirect_resellers(&found)),
            AtProvider::Waiting => Ok(Vec::new()),
            AtProvider::Failed(error) => Err(error),
        },
    )
}

#[derive(sqlx::FromRow)]
struct Row {
    customer_id: CustomerId,
    company_name: String,
    domain: String,
    status: Option<String>,
    checked_at: Option<i64>,
    failed_at: Option<i64>,
    invited_at: Option<i64>,
}

fn stored_status(stored: Option<String>) -> Result<Option<PartnerStatus>, DbError> {
    stored
        .map(|s| PartnerStatus::parse(&s).ok_or(DbError::Corrupt("partner_checks.status")))
        .transpose()
}

/// The reseller's customers with a ready or authorised tenant, by name; only those of one
/// colour if `only` says so.
pub async fn customers(
    db: &Database,
    scope: &ResellerScope,
    only: Option<PartnerStatus>,
) -> Result<Vec<PartnerCustomer>, DbError> {
    let colour = if only.is_some() {
        " AND p.status = $2"
    } else {
        ""
    };
    let sql = format!(
        "SELECT c.id AS customer_id, c.company_name, t.domain, p.status, p.checked_at, p.failed_at, \
         p.invited_at \
         FROM customers c JOIN tenants t ON t.customer_id = c.id \
         LEFT JOIN partner_checks p ON p.customer_id = c.id \
         WHERE c.reseller_id = $1 AND t.status IN ('ready', 'authorised'){colour} \
         ORDER BY c.sort_name, c.id"
    );
    let mut query = sqlx::query_as::<_, Row>(&sql).bind(scope.reseller());
    if let Some(only) = only {
        query = query.bind(only.as_str());
    }
    let rows = query.fetch_all(db.pool()).await?;
    rows.into_iter()
        .map(|row| {
            Ok(PartnerCustomer {
                status: stored_status(row.status)?,
                customer_id: row.customer_id,
                company_name: row.company_name,
                domain: row.domain,
                checked_at: row.checked_at,
                failed_at: row.failed_at,
                invited_at: row.invited_at,
            })
        })
        .collect()
}

/// The tenant domain of the reseller's customer, if it has a usable tenant.
pub async fn domain(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT t.domain FROM customers c JOIN tenants t ON t.customer_id = c.id \
         WHERE c.id = $1 AND c.reseller_id = $2 AND t.status IN ('ready', 'authorised')",
    )
    .bind(customer_id)
    .bind(scope.reseller())
    .fetch_optional(db.pool())
    .await?)
}

/// Keeps the outcome of a check: a colour replaces the last one; a failure (`None`) only
/// records when it happened, so the last known colour stays.
pub async fn record(
    db: &Database,
    customer_id: CustomerId,
    outcome: Option<PartnerStatus>,
    now: i64,
) -> Result<(), DbError> {
    let query = match outcome {
        Some(_) => {
            "INSERT INTO partner_checks (customer_id, status, checked_at, failed_at) \
             VALUES ($1, $2, $3, NULL) ON CONFLICT (customer_id) DO UPDATE SET \
             status = excluded.status, checked_at = excluded.checked_at, failed_at = NULL, \
             claimed_until = NULL"
        }
        None => {
            "INSERT INTO partner_checks (customer_id, status, checked_at, failed_at) \
             VALUES ($1, $2, NULL, $3) ON CONFLICT (customer_id) DO UPDATE SET \
             failed_at = excluded.failed_at, claimed_until = NULL"
        }
    };
    sqlx::query(query)
        .bind(customer_id)
        .bind(outcome.map(PartnerStatus::as_str))
        .bind(now)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// When the last invitation to the customer went out, if one did.
pub async fn invited_at(db: &Database, customer_id: CustomerId) -> Result<Option<i64>, DbError> {
    let found: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT invited_at FROM partner_checks WHERE customer_id = $1")
            .bind(customer_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(found.and_then(|(at,)| at))
}

/// Records an invitation sent at `now`, unless another one went out after `not_before`
/// (then `false`): one statement, so two simultaneous invitations cannot both pass.
pub async fn record_invitation(
    conn: &mut sqlx::AnyConnection,
    customer_id: CustomerId,
    now: i64,
    not_before: i64,
) -> Result<bool, DbError> {
    let recorded = sqlx::query(
        "INSERT INTO partner_checks (customer_id, invited_at) VALUES ($1, $2) \
         ON CONFLICT (customer_id) DO UPDATE SET invited_at = excluded.invited_at \
         WHERE partner_checks.invited_at IS NULL OR partner_checks.invited_at <= $3",
    )
    .bind(customer_id)
    .bind(now)
    .bind(not_before)
    .execute(conn)
    .await?;
    Ok(recorded.rows_affected() == 1)
}

/// A customer whose partner status is due to be checked again.
#[derive(Clone, Debug)]
pub struct DueCheck {
    pub customer_id: CustomerId,
    pub domain: String,
    /// The reseller's Microsoft id, against which the answer is read.
    pub microsoft_id: String,
    /// The colour until now.
    pub status: Option<PartnerStatus>,
}

/// Claims the customer's re-check for `lease_secs` from `now`; false while another instance
/// holds it. Recording the outcome ends the claim.
pub async fn claim_check(
    db: &Database,
    customer_id: CustomerId,
    now: i64,
    lease_secs: i64,
) -> Result<bool, DbError> {
    let claimed = sqlx::query(
        "INSERT INTO partner_checks (customer_id, claimed_until) VALUES ($1, $2) \
         ON CONFLICT (customer_id) DO UPDATE SET claimed_until = excluded.claimed_until \
         WHERE partner_checks.claimed_until IS NULL OR partner_checks.claimed_until < $3",
    )
    .bind(customer_id)
    .bind(now + lease_secs)
    .bind(now)
    .execute(db.pool())
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// The customers of active resellers with a Microsoft id whose last successful check was at
/// `checked_before` or earlier (or never) and whose last failed one at `failed_before` or
/// earlier, and that no instance is checking at `now`: never checked first, then the longest
/// unchecked; at most `limit`.
pub async fn due(
    db: &Database,
    checked_before: i64,
    failed_before: i64,
    now: i64,
    limit: u32,
) -> Result<Vec<DueCheck>, DbError> {
    let rows: Vec<(CustomerId, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id, t.domain, r.microsoft_id, p.status \
         FROM customers c JOIN tenants t ON t.customer_id = c.id \
         JOIN resellers r ON r.id = c.reseller_id \
         LEFT JOIN partner_checks p ON p.customer_id = c.id \
         WHERE t.status IN ('ready', 'authorised') AND r.status = 'active' \
         AND r.microsoft_id IS NOT NULL \
         AND (p.checked_at IS NULL OR p.checked_at <= $1) \
         AND (p.failed_at IS NULL OR p.failed_at <= $2) \
         AND (p.claimed_until IS NULL OR p.claimed_until < $4) \
         ORDER BY COALESCE(p.checked_at, 0), c.id LIMIT $3",
    )
    .bind(checked_before)
    .bind(failed_before)
    .bind(i64::from(limit))
    .bind(now)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|(customer_id, domain, microsoft_id, status)| {
            let status = stored_status(status)?;
            Ok(DueCheck {
                customer_id,
                domain,
                microsoft_id,
                status,
            })
        })
        .collect()
}
