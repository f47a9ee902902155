//! The simulated vendor's own tables. They are created when the simulator starts (never by
//! Kontor's migrations, so a deployment with the real vendor has none of them), in whatever
//! database it is given, with SQL both SQLite and PostgreSQL take.

use kontor_provider::*;
use sqlx::AnyPool;

pub type StoreError = sqlx::Error;

const SCHEMA: [&str; 9] = [
    "CREATE TABLE IF NOT EXISTS provider_sim_customers (
        tenant_id TEXT PRIMARY KEY,
        domain TEXT NOT NULL UNIQUE,
        company_name TEXT NOT NULL,
        request_id TEXT UNIQUE,
        admin_user TEXT,
        admin_password TEXT,
        created_at BIGINT NOT NULL,
        ready_at BIGINT NOT NULL
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_relationships (
        tenant_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, partner_id)
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_invitations (
        token TEXT PRIMARY KEY,
        indirect_reseller TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_agreements (
        tenant_id TEXT NOT NULL,
        email TEXT NOT NULL,
        request_id TEXT NOT NULL,
        template_id TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        date_agreed BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, email)
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_carts (
        cart_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        request_id TEXT NOT NULL UNIQUE,
        cart TEXT NOT NULL,
        checked_out_at BIGINT
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_orders (
        order_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        cart_id TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        lines TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        ready_at BIGINT NOT NULL
    )",
    "CREATE TABLE IF NOT EXISTS provider_sim_subscriptions (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        order_id TEXT,
        offer_id TEXT NOT NULL,
        quantity BIGINT NOT NULL,
        assigned BIGINT NOT NULL,
        status TEXT NOT NULL,
        auto_renew BIGINT NOT NULL,
        billing_cycle TEXT NOT NULL,
        term TEXT,
        term_started_at BIGINT NOT NULL,
        term_ends_at BIGINT NOT NULL,
        renewal_quantity BIGINT
    )",
    // How the world looks for a tenant not created yet (demo data): the partners it will be
    // linked to, comma-separated (empty: none).
    "CREATE TABLE IF NOT EXISTS provider_sim_arranged (
        domain TEXT PRIMARY KEY,
        partners TEXT NOT NULL
    )",
    // The first answer to a change, by request id: a repeat answers the same.
    "CREATE TABLE IF NOT EXISTS provider_sim_requests (
        request_id TEXT PRIMARY KEY,
        answer TEXT NOT NULL
    )",
];

pub async fn create_tables(pool: &AnyPool) -> Result<(), StoreError> {
    for statement in SCHEMA {
        sqlx::query(statement).execute(pool).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct CustomerRow {
    pub tenant_id: String,
    pub admin_user: Option<String>,
    pub admin_password: Option<String>,
    pub ready_at: i64,
}

const CUSTOMER: &str =
    "SELECT tenant_id, admin_user, admin_password, ready_at FROM provider_sim_customers";

pub async fn customer_by(
    pool: &AnyPool,
    column: &'static str,
    value: &str,
) -> Result<Option<CustomerRow>, StoreError> {
    sqlx::query_as(&format!("{CUSTOMER} WHERE {column} = $1"))
        .bind(value)
        .fetch_optional(pool)
        .await
}

pub struct NewCustomerRow<'a> {
    pub tenant_id: &'a str,
    pub domain: &'a str,
    pub company_name: &'a str,
    pub request_id: Option<&'a str>,
    pub admin: Option<(&'a str, &'a str)>,
    pub now: i64,
    pub ready_at: i64,
}

/// False when the domain (or the request id) is in the table already.
pub async fn insert_customer(pool: &AnyPool, row: NewCustomerRow<'_>) -> Result<bool, StoreError> {
    let inserted = sqlx::query(
        "INSERT INTO provider_sim_customers (tenant_id, domain, company_name, request_id, \
         admin_user, admin_password, created_at, ready_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
    )
    .bind(row.tenant_id)
    .bind(row.domain)
    .bind(row.company_name)
    .bind(row.request_id)
    .bind(row.admin.map(|a| a.0))
    .bind(row.admin.map(|a| a.1))
    .bind(row.now)
    .bind(row.ready_at)
    .execute(pool)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

pub async fn link(pool: &AnyPool, tenant_id: &str, partner_id: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_relationships (tenant_id, partner_id) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(tenant_id)
    .bind(partner_id.to_ascii_lowercase())
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn arrange(pool: &AnyPool, domain: &str, partners: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_arranged (domain, partners) VALUES ($1, $2) \
         ON CONFLICT (domain) DO UPDATE SET partners = $2",
    )
    .bind(domain)
    .bind(partners)
    .execute(pool)
    .await?;
    Ok(())
}

/// The owner of a subscription arranged for a tenant not created yet: a placeholder the
/// tenant's creation replaces with its id.
pub fn arranged_owner(domain: &str) -> String {
    format!("arranged:{domain}")
}

pub async fn adopt_arranged_subscriptions(
    pool: &AnyPool,
    domain: &str,
    tenant_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE provider_sim_subscriptions SET tenant_id = $1 WHERE tenant_id = $2")
        .bind(tenant_id)
        .bind(arranged_owner(domain))
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn arranged(pool: &AnyPool, domain: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT partners FROM provider_sim_arranged WHERE domain = $1")
            .bind(domain)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(partners,)| partners))
}

pub async fn unlink(pool: &AnyPool, tenant_id: &str, partner_id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM provider_sim_relationships WHERE tenant_id = $1 AND partner_id = $2")
        .bind(tenant_id)
        .bind(partner_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn linked_partners(pool: &AnyPool, tenant_id: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT partner_id FROM provider_sim_relationships WHERE tenant_id = $1 \
         ORDER BY partner_id",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The token of a reseller's invitation link (one per reseller, made on first ask).
pub async fn invitation_token(
    pool: &AnyPool,
    indirect_reseller: &str,
    fresh: &str,
    now: i64,
) -> Result<String, StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_invitations (token, indirect_reseller, created_at) \
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(fresh)
    .bind(indirect_reseller)
    .bind(now)
    .execute(pool)
    .await?;
    let (token,): (String,) =
        sqlx::query_as("SELECT token FROM provider_sim_invitations WHERE indirect_reseller = $1")
            .bind(indirect_reseller)
            .fetch_one(pool)
            .await?;
    Ok(token)
}

pub async fn invited_reseller(pool: &AnyPool, token: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT indirect_reseller FROM provider_sim_invitations WHERE token = $1")
            .bind(token)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(id,)| id))
}

/// The request that confirmed this contact's acceptance before, if any.
pub async fn insert_agreement(
    pool: &AnyPool,
    request: &RequestId,
    tenant_id: &str,
    acceptance: &AgreementAcceptance,
) -> Result<Option<String>, StoreError> {
    let email = acceptance.email.to_ascii_lowercase();
    let inserted = sqlx::query(
        "INSERT INTO provider_sim_agreements (tenant_id, email, request_id, template_id, \
         first_name, last_name, date_agreed) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT DO NOTHING",
    )
    .bind(tenant_id)
    .bind(&email)
    .bind(request.as_str())
    .bind(&acceptance.template_id)
    .bind(&acceptance.first_name)
    .bind(&acceptance.last_name)
    .bind(acceptance.date_agreed)
    .execute(pool)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(None);
    }
    let (first,): (String,) = sqlx::query_as(
        "SELECT request_id FROM provider_sim_agreements WHERE tenant_id = $1 AND email = $2",
    )
    .bind(tenant_id)
    .bind(&email)
    .fetch_one(pool)
    .await?;
    Ok(Some(first))
}

pub async fn agreements(pool: &AnyPool) -> Result<Vec<(String, AgreementAcceptance)>, StoreError> {
    let rows: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT tenant_id, email, template_id, first_name, last_name, date_agreed \
         FROM provider_sim_agreements ORDER BY tenant_id, email",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(tenant, email, template_id, first_name, last_name, date_agreed)| {
                (
                    tenant,
                    AgreementAcceptance {
                        first_name,
                        last_name,
                        email,
                        date_agreed,
                        template_id,
                    },
                )
            },
        )
        .collect())
}

#[derive(sqlx::FromRow)]
pub struct CartRow {
    pub cart_id: String,
    pub tenant_id: String,
    pub cart: String,
    pub checked_out_at: Option<i64>,
}

pub async fn cart_by(
    pool: &AnyPool,
    column: &'static str,
    value: &str,
) -> Result<Option<CartRow>, StoreError> {
    sqlx::query_as(&format!(
        "SELECT cart_id, tenant_id, cart, checked_out_at FROM provider_sim_carts WHERE {column} = $1"
    ))
    .bind(value)
    .fetch_optional(pool)
    .await
}

pub async fn insert_cart(
    pool: &AnyPool,
    cart_id: &str,
    tenant_id: &str,
    request: &RequestId,
    cart: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_carts (cart_id, tenant_id, request_id, cart) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(cart_id)
    .bind(tenant_id)
    .bind(request.as_str())
    .bind(cart)
    .execute(pool)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
pub struct OrderRow {
    pub order_id: String,
    pub tenant_id: String,
    pub billing_cycle: String,
    pub lines: String,
    pub ready_at: i64,
}

const ORDER: &str =
    "SELECT order_id, tenant_id, billing_cycle, lines, ready_at FROM provider_sim_orders";

pub async fn orders_of_cart(pool: &AnyPool, cart_id: &str) -> Result<Vec<OrderRow>, StoreError> {
    sqlx::query_as(&format!(
        "{ORDER} WHERE cart_id = $1 ORDER BY billing_cycle"
    ))
    .bind(cart_id)
    .fetch_all(pool)
    .await
}

pub async fn order(pool: &AnyPool, order_id: &str) -> Result<Option<OrderRow>, StoreError> {
    sqlx::query_as(&format!("{ORDER} WHERE order_id = $1"))
        .bind(order_id)
        .fetch_optional(pool)
        .await
}

pub async fn count(pool: &AnyPool, table: &'static str) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await?;
    Ok(n)
}

#[derive(Clone, sqlx::FromRow)]
pub struct SubscriptionRow {
    pub id: String,
    pub tenant_id: String,
    pub order_id: Option<String>,
    pub offer_id: String,
    pub quantity: i64,
    pub assigned: i64,
    pub status: String,
    pub auto_renew: i64,
    pub billing_cycle: String,
    pub term: Option<String>,
    pub term_started_at: i64,
    pub term_ends_at: i64,
    pub renewal_quantity: Option<i64>,
}

const SUBSCRIPTION: &str = "SELECT id, tenant_id, order_id, offer_id, quantity, assigned, \
     status, auto_renew, billing_cycle, term, term_started_at, term_ends_at, renewal_quantity \
     FROM provider_sim_subscriptions";

pub async fn subscription(pool: &AnyPool, id: &str) -> Result<Option<SubscriptionRow>, StoreError> {
    sqlx::query_as(&format!("{SUBSCRIPTION} WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn subscriptions(
    pool: &AnyPool,
    tenant_id: &str,
) -> Result<Vec<SubscriptionRow>, StoreError> {
    sqlx::query_as(&format!(
        "{SUBSCRIPTION} WHERE tenant_id = $1 ORDER BY term_started_at, id"
    ))
    .bind(tenant_id)
    .fetch_all(pool)
    .await
}

/// Writes every field but the id and owner (inserting the row when it is new).
pub async fn save_subscription(pool: &AnyPool, row: &SubscriptionRow) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_subscriptions (id, tenant_id, order_id, offer_id, quantity, \
         assigned, status, auto_renew, billing_cycle, term, term_started_at, term_ends_at, \
         renewal_quantity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (id) DO UPDATE SET quantity = $5, assigned = $6, status = $7, \
         auto_renew = $8, term_started_at = $11, term_ends_at = $12, renewal_quantity = $13",
    )
    .bind(&row.id)
    .bind(&row.tenant_id)
    .bind(&row.order_id)
    .bind(&row.offer_id)
    .bind(row.quantity)
    .bind(row.assigned)
    .bind(&row.status)
    .bind(row.auto_renew)
    .bind(&row.billing_cycle)
    .bind(&row.term)
    .bind(row.term_started_at)
    .bind(row.term_ends_at)
    .bind(row.renewal_quantity)
    .execute(pool)
    .await?;
    Ok(())
}

/// A checkout, whole or not at all: the cart marked, its orders and their subscriptions.
pub async fn record_checkout(
    pool: &AnyPool,
    cart_id: &str,
    now: i64,
    orders: &[(OrderRow, String)],
    subscriptions: &[SubscriptionRow],
) -> Result<bool, StoreError> {
    let mut tx = pool.begin().await?;
    let marked = sqlx::query(
        "UPDATE provider_sim_carts SET checked_out_at = $2 WHERE cart_id = $1 \
         AND checked_out_at IS NULL",
    )
    .bind(cart_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if marked.rows_affected() != 1 {
        return Ok(false);
    }
    for (order, cart_id) in orders {
        sqlx::query(
            "INSERT INTO provider_sim_orders (order_id, tenant_id, cart_id, billing_cycle, \
             lines, created_at, ready_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&order.order_id)
        .bind(&order.tenant_id)
        .bind(cart_id)
        .bind(&order.billing_cycle)
        .bind(&order.lines)
        .bind(now)
        .bind(order.ready_at)
        .execute(&mut *tx)
        .await?;
    }
    for row in subscriptions {
        sqlx::query(
            "INSERT INTO provider_sim_subscriptions (id, tenant_id, order_id, offer_id, \
             quantity, assigned, status, auto_renew, billing_cycle, term, term_started_at, \
             term_ends_at, renewal_quantity) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(&row.id)
        .bind(&row.tenant_id)
        .bind(&row.order_id)
        .bind(&row.offer_id)
        .bind(row.quantity)
        .bind(row.assigned)
        .bind(&row.status)
        .bind(row.auto_renew)
        .bind(&row.billing_cycle)
        .bind(&row.term)
        .bind(row.term_started_at)
        .bind(row.term_ends_at)
        .bind(row.renewal_quantity)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

pub async fn answer_of(pool: &AnyPool, request: &RequestId) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT answer FROM provider_sim_requests WHERE request_id = $1")
            .bind(request.as_str())
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(answer,)| answer))
}

pub async fn remember_answer(
    pool: &AnyPool,
    request: &RequestId,
    answer: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO provider_sim_requests (request_id, answer) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(request.as_str())
    .bind(answer)
    .execute(pool)
    .await?;
    Ok(())
}
