//! Customers' subscriptions: made from an order's lines when the provider has set them up,
//! read per customer (only by the customer's reseller).

use crate::domain::{
    german_date, iso_date, parse_date, pricing_of, renewal_date, BillingCycle, OrderNumber, Pricing,
};
use crate::platform::{Database, DbError};
use crate::subscriptions::{Subscription, SubscriptionDetail};
use sqlx::AnyConnection;

/// What the completed order changes, in the caller's transaction: a subscription for each new
/// line, starting today (German time); more users for each subscription it increased.
pub async fn apply_order(conn: &mut AnyConnection, order_id: i64, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE subscriptions SET seats = seats + (SELECT SUM(l.seats) FROM order_lines l \
         WHERE l.order_id = $1 AND l.subscription_id = subscriptions.id) \
         WHERE id IN (SELECT subscription_id FROM order_lines WHERE order_id = $1)",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    create_for_order(conn, order_id, now).await
}

async fn create_for_order(
    conn: &mut AnyConnection,
    order_id: i64,
    now: i64,
) -> Result<(), DbError> {
    type Line = (
        i64,
        i64,
        i64,
        i64,
        String,
        String,
        String,
        String,
        i64,
        i64,
        Option<String>,
    );
    let lines: Vec<Line> = sqlx::query_as(
        "SELECT l.id, o.reseller_id, o.customer_id, l.product_id, l.sku, l.name, l.pricing, \
         l.cycle, l.seats, l.unit_cents, l.provider_subscription_id \
         FROM order_lines l JOIN orders o ON o.id = l.order_id \
         WHERE l.order_id = $1 AND l.subscription_id IS NULL",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let today = german_date(now);
    for (line_id, reseller, customer, product, sku, name, pricing, cycle, seats, unit, sub_id) in
        lines
    {
        let cycle_parsed =
            BillingCycle::parse(&cycle).ok_or(DbError::Corrupt("order_lines.cycle"))?;
        let kind = pricing_of(&pricing, cycle_parsed, unit)
            .ok_or(DbError::Corrupt("order_lines.pricing"))?;
        let provider_id =
            sub_id.ok_or(DbError::Corrupt("order_lines: active without subscription"))?;
        sqlx::query(
            "INSERT INTO subscriptions (reseller_id, customer_id, order_line_id, product_id, sku, \
             name, pricing, cycle, seats, provider_subscription_id, started_on, renews_on, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active') \
             ON CONFLICT (order_line_id) DO NOTHING",
        )
        .bind(reseller)
        .bind(customer)
        .bind(line_id)
        .bind(product)
        .bind(&sku)
        .bind(&name)
        .bind(&pricing)
        .bind(&cycle)
        .bind(seats)
        .bind(&provider_id)
        .bind(iso_date(today))
        .bind(renewal_date(&kind, cycle_parsed, today).map(iso_date))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The customer's subscriptions, if the customer is the reseller's; newest first.
pub async fn for_customer(
    db: &Database,
    reseller_id: i64,
    customer_id: i64,
) -> Result<Vec<Subscription>, DbError> {
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        i64,
        String,
        Option<String>,
        String,
        i64,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.sku, s.name, s.pricing, s.cycle, s.seats, s.started_on, s.renews_on, \
         s.status, o.id, o.placed_at FROM subscriptions s \
         JOIN order_lines l ON l.id = s.order_line_id JOIN orders o ON o.id = l.order_id \
         WHERE s.customer_id = $1 AND s.reseller_id = $2 ORDER BY s.id DESC",
    )
    .bind(customer_id)
    .bind(reseller_id)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(
            |(
                id,
                sku,
                name,
                pricing,
                cycle,
                seats,
                started,
                renews,
                status,
                order_id,
                placed_at,
            )| {
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
    reseller_id: i64,
    id: i64,
) -> Result<Option<SubscriptionDetail>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        customer_id: i64,
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
    .bind(reseller_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let subscription = for_customer(db, reseller_id, row.customer_id)
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
