//! Customers' subscriptions, read per customer (only by the customer's reseller). They are
//! opened by the order that bought them (`orders::server::subscriptions`).

use crate::domain::CustomerId;
use crate::domain::{parse_date, BillingCycle, OrderId, OrderNumber, Pricing};
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use crate::subscriptions::{Subscription, SubscriptionDetail};

/// The customer's subscriptions, if the customer is the reseller's; newest first.
pub async fn for_customer(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
) -> Result<Vec<Subscription>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        sku: String,
        name: String,
        pricing: String,
        cycle: String,
        seats: i64,
        started_on: String,
        renews_on: Option<String>,
        status: String,
        order_id: OrderId,
        placed_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.sku, s.name, s.pricing, s.cycle, s.seats, s.started_on, s.renews_on, \
         s.status, o.id AS order_id, o.placed_at FROM subscriptions s \
         JOIN order_lines l ON l.id = s.order_line_id JOIN orders o ON o.id = l.order_id \
         WHERE s.customer_id = $1 AND s.reseller_id = $2 ORDER BY s.id DESC",
    )
    .bind(customer_id)
    .bind(scope.reseller())
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(
            |Row {
                 id,
                 sku,
                 name,
                 pricing,
                 cycle,
                 seats,
                 started_on: started,
                 renews_on: renews,
                 status,
                 order_id,
                 placed_at,
             }| {
                let corrupt = || DbError::Corrupt("subscriptions");
                let cycle = BillingCycle::parse(&cycle).ok_or_else(corrupt)?;
                Ok(Subscription {
                    id,
                    sku,
                    name,
                    cycle: (pricing == "subscription").then_some(cycle),
                    seats: u32::try_from(seats).map_err(|_| corrupt())?,
                    started_on: parse_date(&started).ok_or_else(corrupt)?.into(),
                    renews_on: renews.as_deref().and_then(parse_date).map(Into::into),
                    active: status == "active",
                    order: OrderNumber::placed(order_id, placed_at),
                })
            },
        )
        .collect()
}

/// The subscription with what a seat increase needs (the product's bounds, today's prices,
/// the customer), if it is the reseller's.
pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    id: i64,
) -> Result<Option<SubscriptionDetail>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        customer_id: CustomerId,
        company_name: String,
        max_seats: i64,
        monthly_cents: Option<i64>,
        annual_cents: Option<i64>,
        once_cents: Option<i64>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT s.customer_id, c.company_name, p.max_seats, p.monthly_cents, p.annual_cents, \
         p.once_cents FROM subscriptions s JOIN customers c ON c.id = s.customer_id \
         JOIN products p ON p.id = s.product_id WHERE s.id = $1 AND s.reseller_id = $2",
    )
    .bind(id)
    .bind(scope.reseller())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let subscription = for_customer(db, scope, row.customer_id)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(DbError::Corrupt("subscriptions"))?;
    Ok(Some(SubscriptionDetail {
        subscription,
        customer_id: row.customer_id,
        customer_name: row.company_name,
        max_seats: u32::try_from(row.max_seats).map_err(|_| DbError::Corrupt("products"))?,
        pricing: Pricing::from_columns(row.monthly_cents, row.annual_cents, row.once_cents),
    }))
}
