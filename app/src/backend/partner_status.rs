//! Customers' partner status in the database: the customers with a usable tenant, each with
//! the colour and time of its last successful check and of a failed one since. Every query
//! takes the reseller's id.

use super::{Database, DbError};
use crate::domain::PartnerStatus;
use crate::partner_status::PartnerCustomer;

type Row = (
    i64,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

/// The reseller's customers with a ready or authorised tenant, by name; only those of one
/// colour if `only` says so.
pub async fn customers(
    db: &Database,
    reseller_id: i64,
    only: Option<PartnerStatus>,
) -> Result<Vec<PartnerCustomer>, DbError> {
    let colour = if only.is_some() {
        " AND p.status = $2"
    } else {
        ""
    };
    let sql = format!(
        "SELECT c.id, c.company_name, t.domain, p.status, p.checked_at, p.failed_at \
         FROM customers c JOIN tenants t ON t.customer_id = c.id \
         LEFT JOIN partner_checks p ON p.customer_id = c.id \
         WHERE c.reseller_id = $1 AND t.status IN ('ready', 'authorised'){colour} \
         ORDER BY c.sort_name, c.id"
    );
    let mut query = sqlx::query_as::<_, Row>(&sql).bind(reseller_id);
    if let Some(only) = only {
        query = query.bind(only.as_str());
    }
    let rows = query.fetch_all(db.pool()).await?;
    rows.into_iter()
        .map(
            |(customer_id, company_name, domain, status, checked_at, failed_at)| {
                let status = status
                    .map(|s| {
                        PartnerStatus::parse(&s).ok_or(DbError::Corrupt("partner_checks.status"))
                    })
                    .transpose()?;
                Ok(PartnerCustomer {
                    customer_id,
                    company_name,
                    domain,
                    status,
                    checked_at,
                    failed_at,
                })
            },
        )
        .collect()
}

/// The tenant domain of the reseller's customer, if it has a usable tenant.
pub async fn domain(
    db: &Database,
    reseller_id: i64,
    customer_id: i64,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT t.domain FROM customers c JOIN tenants t ON t.customer_id = c.id \
         WHERE c.id = $1 AND c.reseller_id = $2 AND t.status IN ('ready', 'authorised')",
    )
    .bind(customer_id)
    .bind(reseller_id)
    .fetch_optional(db.pool())
    .await?)
}

/// Keeps the outcome of a check: a colour replaces the last one; a failure (`None`) only
/// records when it happened, so the last known colour stays.
pub async fn record(
    db: &Database,
    customer_id: i64,
    outcome: Option<PartnerStatus>,
    now: i64,
) -> Result<(), DbError> {
    let query = match outcome {
        Some(_) => {
            "INSERT INTO partner_checks (customer_id, status, checked_at, failed_at) \
             VALUES ($1, $2, $3, NULL) ON CONFLICT (customer_id) DO UPDATE SET \
             status = excluded.status, checked_at = excluded.checked_at, failed_at = NULL"
        }
        None => {
            "INSERT INTO partner_checks (customer_id, status, checked_at, failed_at) \
             VALUES ($1, $2, NULL, $3) ON CONFLICT (customer_id) DO UPDATE SET \
             failed_at = excluded.failed_at"
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
