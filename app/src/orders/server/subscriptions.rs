//! What a completed order opens: a subscription for each new line, and more users on each
//! subscription it increased. The subscriptions table is read and shown by `subscriptions`.

use crate::domain::{
    german_date, iso_date, pricing_of, renewal_date, BillingCycle, CustomerId, OrderId, ResellerId,
};
use crate::platform::DbError;
use sqlx::AnyConnection;

/// What the completed order changes, in the caller's transaction: a subscription for each new
/// line, starting today (German time); more users for each subscription it increased.
pub async fn apply_order(
    conn: &mut AnyConnection,
    order_id: OrderId,
    now: i64,
) -> Result<(), DbError> {
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
    order_id: OrderId,
    now: i64,
) -> Result<(), DbError> {
    #[derive(sqlx::FromRow)]
    struct Line {
        id: i64,
        reseller_id: ResellerId,
        customer_id: CustomerId,
        product_id: i64,
        sku: String,
        name: String,
        pricing: String,
        cycle: String,
        seats: i64,
        unit_cents: i64,
        provider_subscription_id: Option<String>,
    }
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
    for Line {
        id: line_id,
        reseller_id: reseller,
        customer_id: customer,
        product_id: product,
        sku,
        name,
        pricing,
        cycle,
        seats,
        unit_cents: unit,
        provider_subscription_id: sub_id,
    } in lines
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
