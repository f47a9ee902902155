//! What a completed order opens: a subscription for each new line, starting now (to the
//! second: its terms and change windows count from it), and more users on each subscription
//! it increased; and the users a renewal brought. The subscriptions table is read, shown and
//! changed by `subscriptions`.

use crate::platform::DbError;
use kontor_domain::{german_date, iso_date, BillingCycle, CustomerId, OrderId, ResellerId};
use kontor_domain::{pricing_kind, Pricing, Totals, UserId};
use sqlx::AnyConnection;

/// An order the provider completed before the portal's records begin (the demo's, bought ten
/// days ago, whose change window has closed): one line of `seats` users of the catalogue's
/// `sku`, with the subscription the provider knows by `provider_subscription_id`.
pub struct CompletedOrder<'a> {
    pub reseller: ResellerId,
    pub customer: CustomerId,
    pub user: UserId,
    pub name: &'a str,
    pub sku: &'a str,
    pub cycle: BillingCycle,
    pub seats: u32,
    pub provider_subscription_id: &'a str,
}

/// Records `order` as placed and completed at `bought_at`, at the catalogue's price, with its
/// subscription (opened as any completed order's).
pub async fn record_completed(
    conn: &mut AnyConnection,
    order: &CompletedOrder<'_>,
    bought_at: i64,
) -> Result<OrderId, DbError> {
    let unknown = || DbError::Corrupt("products: the completed order's product");
    let (monthly, annual, once): (Option<i64>, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT monthly_cents, annual_cents, once_cents FROM products WHERE sku = $1",
    )
    .bind(order.sku)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(unknown)?;
    let pricing = Pricing::from_columns(monthly, annual, once);
    let unit = pricing.unit_cents(order.cycle).ok_or_else(unknown)?;
    let charge = pricing
        .charge(order.cycle, order.seats)
        .ok_or_else(unknown)?;
    let totals = Totals::of_net(charge.per_period);
    let (order_id,): (OrderId,) = sqlx::query_as(
        "INSERT INTO orders (reseller_id, customer_id, user_id, name, idempotency_key, \
         cart_digest, net_cents, vat_cents, gross_cents, status, placed_at, completed_at) \
         VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, 'active', $9, $9) RETURNING id",
    )
    .bind(order.reseller)
    .bind(order.customer)
    .bind(order.user)
    .bind(order.name)
    .bind(format!("completed:{}", order.provider_subscription_id))
    .bind(totals.net)
    .bind(totals.vat)
    .bind(totals.gross)
    .bind(bought_at)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO order_lines (order_id, product_id, sku, name, pricing, cycle, seats, \
         unit_cents, period_cents, status, provider_subscription_id) SELECT $1, p.id, p.sku, \
         p.name, $2, $3, $4, $5, $6, 'active', $7 FROM products p WHERE p.sku = $8",
    )
    .bind(order_id)
    .bind(pricing_kind(&pricing))
    .bind(order.cycle.as_str())
    .bind(i64::from(order.seats))
    .bind(unit)
    .bind(charge.per_period)
    .bind(order.provider_subscription_id)
    .bind(order.sku)
    .execute(&mut *conn)
    .await?;
    apply_order(conn, order_id, bought_at).await?;
    Ok(order_id)
}

/// Writes the users scheduled for a renewal that has come (`subscriptions::server` reads them so already):
/// before an order adds users to the count, and hourly by the housekeeping.
pub async fn apply_due_renewal_seats(conn: &mut AnyConnection, now: i64) -> Result<u64, DbError> {
    Ok(sqlx::query(
        "UPDATE subscriptions SET seats = renewal_seats, renewal_seats = NULL, \
         renewal_seats_from = NULL WHERE renewal_seats_from <= $1 AND auto_renew = 1",
    )
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected())
}

/// What the completed order changes, in the caller's transaction: a subscription for each new
/// line, starting today (German time); more users for each subscription it increased.
pub async fn apply_order(
    conn: &mut AnyConnection,
    order_id: OrderId,
    now: i64,
) -> Result<(), DbError> {
    apply_due_renewal_seats(conn, now).await?;
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
        provider_subscription_id: Option<String>,
    }
    let lines: Vec<Line> = sqlx::query_as(
        "SELECT l.id, o.reseller_id, o.customer_id, l.product_id, l.sku, l.name, l.pricing, \
         l.cycle, l.seats, l.provider_subscription_id \
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
        provider_subscription_id: sub_id,
    } in lines
    {
        BillingCycle::parse(&cycle).ok_or(DbError::Corrupt("order_lines.cycle"))?;
        let provider_id =
            sub_id.ok_or(DbError::Corrupt("order_lines: active without subscription"))?;
        sqlx::query(
            "INSERT INTO subscriptions (reseller_id, customer_id, order_line_id, product_id, sku, \
             name, pricing, cycle, seats, provider_subscription_id, started_on, started_at, \
             status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active') \
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
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
