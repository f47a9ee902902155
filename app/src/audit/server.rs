//! Writing and reading the audit log. `record` takes the caller's connection, so the entry is
//! part of the change's transaction: no change without its entry, no entry without its change.

use crate::audit::{AuditAction, AuditEntry, AuditLogFilter, LoggedChange, LoggedChanges};
use crate::platform::sessions::{ResellerScope, Staff};
use crate::platform::{Database, DbError};
use kontor_domain::{CustomerId, ResellerId, UserId};
use sqlx::AnyConnection;

/// Who acted: a logged-in user, or someone without an account (named by `label`).
pub struct Actor<'a> {
    pub user_id: Option<UserId>,
    pub label: &'a str,
}

impl<'a> Actor<'a> {
    /// A logged-in user, named by address.
    pub fn user(user: &'a crate::platform::sessions::SessionUser) -> Actor<'a> {
        Actor {
            user_id: Some(user.user_id),
            label: user.email.as_str(),
        }
    }

    /// Kontor itself (the worker), acting on a user's earlier request.
    pub const SYSTEM: Actor<'static> = Actor {
        user_id: None,
        label: "Kontor",
    };
}

/// A change to a reseller's records (and to one of its customers, if `customer_id`).
pub async fn record(
    conn: &mut AnyConnection,
    reseller_id: ResellerId,
    customer_id: Option<CustomerId>,
    actor: &Actor<'_>,
    action: &AuditAction,
    now: i64,
) -> Result<(), DbError> {
    insert(conn, Some(reseller_id), customer_id, actor, action, now).await
}

/// A change to the portal itself, no one reseller's (announcements, contacts).
pub async fn record_portal(
    conn: &mut AnyConnection,
    actor: &Actor<'_>,
    action: &AuditAction,
    now: i64,
) -> Result<(), DbError> {
    insert(conn, None, None, actor, action, now).await
}

async fn insert(
    conn: &mut AnyConnection,
    reseller_id: Option<ResellerId>,
    customer_id: Option<CustomerId>,
    actor: &Actor<'_>,
    action: &AuditAction,
    now: i64,
) -> Result<(), DbError> {
    let details = serde_json::to_string(action).map_err(|_| DbError::Corrupt("audit_log"))?;
    // The address of the request the change is made in; the worker acts outside any.
    let from = crate::platform::request::has_request()
        .then(|| crate::platform::request::client_address().to_string());
    sqlx::query(
        "INSERT INTO audit_log (at, reseller_id, customer_id, user_id, actor, action, details, \
           area, client_address) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(now)
    .bind(reseller_id)
    .bind(customer_id)
    .bind(actor.user_id)
    .bind(actor.label)
    .bind(action.code())
    .bind(details)
    .bind(action.area().as_str())
    .bind(from)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A mail a user had Kontor send about a customer: queued together with its entry in the
/// customer's history, in the caller's transaction.
pub async fn mail_sent(
    conn: &mut AnyConnection,
    reseller_id: ResellerId,
    customer_id: CustomerId,
    actor: &Actor<'_>,
    action: &AuditAction,
    mail: &crate::platform::mail::OutgoingMail,
    now: i64,
) -> Result<(), DbError> {
    crate::platform::mail::outbox::enqueue(&mut *conn, mail, now).await?;
    record(conn, reseller_id, Some(customer_id), actor, action, now).await
}

/// The customer's history, newest first, if the customer is this reseller's.
pub async fn for_customer(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT at, actor, details FROM audit_log WHERE customer_id = $1 AND reseller_id = $2 \
         ORDER BY id DESC",
    )
    .bind(customer_id)
    .bind(scope.reseller())
    .fetch_all(db.pool())
    .await?;
    entries(rows)
}

/// The history of a reseller's account itself (approval, locks), newest first.
pub async fn for_reseller_account(
    db: &Database,
    reseller_id: ResellerId,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT at, actor, details FROM audit_log WHERE reseller_id = $1 AND customer_id IS NULL \
         ORDER BY id DESC",
    )
    .bind(reseller_id)
    .fetch_all(db.pool())
    .await?;
    entries(rows)
}

fn entries(rows: Vec<(i64, String, String)>) -> Result<Vec<AuditEntry>, DbError> {
    rows.into_iter()
        .map(|(at, actor, details)| {
            let action = serde_json::from_str(&details)
                .map_err(|_| DbError::Corrupt("audit_log.details"))?;
            Ok(AuditEntry { at, actor, action })
        })
        .collect()
}

const PAGE_SIZE: i64 = 50;

/// The whole log, newest first, narrowed by `filter`, with the reseller and customer each
/// entry is about.
pub async fn search(
    db: &Database,
    _staff: &Staff,
    filter: &AuditLogFilter,
    page: u32,
) -> Result<LoggedChanges, DbError> {
    let actor = kontor_db::like_needle(&filter.actor);
    // Only the fixed names of `AuditArea` go into the text of the query.
    let area = filter
        .area
        .map(|area| format!(" AND a.area = '{}'", area.as_str()))
        .unwrap_or_default();
    let matches = format!(
        "FROM audit_log a WHERE LOWER(a.actor) LIKE '%' || $1 || '%' ESCAPE '\\' AND a.at >= $2 AND a.at < $3{area}"
    );
    let (from, until) = filter.span();
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) {matches}"))
        .bind(&actor)
        .bind(from)
        .bind(until)
        .fetch_one(db.pool())
        .await?;
    let page = page.max(1);
    #[derive(sqlx::FromRow)]
    struct Row {
        at: i64,
        actor: String,
        details: String,
        reseller_id: Option<i64>,
        reseller_name: Option<String>,
        customer_name: Option<String>,
        client_address: Option<String>,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT a.at, a.actor, a.details, a.reseller_id, \
           (SELECT company_name FROM resellers WHERE id = a.reseller_id) AS reseller_name, \
           (SELECT company_name FROM customers WHERE id = a.customer_id) AS customer_name, \
           a.client_address {matches} ORDER BY a.id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(&actor)
    .bind(from)
    .bind(until)
    .bind(PAGE_SIZE)
    .bind((i64::from(page) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    let changes = rows
        .into_iter()
        .map(|row| {
            let action = serde_json::from_str(&row.details)
                .map_err(|_| DbError::Corrupt("audit_log.details"))?;
            Ok(LoggedChange {
                entry: AuditEntry {
                    at: row.at,
                    actor: row.actor,
                    action,
                },
                reseller: row.reseller_id.zip(row.reseller_name),
                customer: row.customer_name,
                client_address: row.client_address,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(LoggedChanges {
        changes,
        page,
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total,
    })
}
