//! Customers' subscriptions, read per customer (only by the customer's reseller), with the
//! term each is in and its change window at the time of reading. They are opened by the
//! order that bought them (`orders::server::subscriptions`) and changed by the jobs of
//! `changes.rs`.

mod changes;

pub use changes::{request_change, SubscriptionChange, CHANGE_SUBSCRIPTION};

use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use crate::subscriptions::{
    ChangeRecord, ChangeStatus, Subscription, SubscriptionDetail, SubscriptionState,
};
use kontor_domain::{change_window, current_term, german_date, ChangeKind, CustomerId};
use kontor_domain::{parse_date, BillingCycle, OrderId, OrderNumber, Pricing};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    sku: String,
    name: String,
    pricing: String,
    cycle: String,
    seats: i64,
    started_on: String,
    started_at: i64,
    auto_renew: i64,
    renewal_seats: Option<i64>,
    renewal_seats_from: Option<i64>,
    cancelled_at: Option<i64>,
    status: String,
    order_id: OrderId,
    placed_at: i64,
}

const SELECT: &str = "SELECT s.id, s.sku, s.name, s.pricing, s.cycle, s.seats, s.started_on, \
    s.started_at, s.auto_renew, s.renewal_seats, s.renewal_seats_from, s.cancelled_at, s.status, o.id AS order_id, \
    o.placed_at FROM subscriptions s \
    JOIN order_lines l ON l.id = s.order_line_id JOIN orders o ON o.id = l.order_id";

impl Row {
    /// The subscription as it stands at `now`: its term, and whether it still runs.
    fn at(self, now: i64) -> Result<Subscription, DbError> {
        let corrupt = || DbError::Corrupt("subscriptions");
        let cycle = BillingCycle::parse(&self.cycle).ok_or_else(corrupt)?;
        let cycle = (self.pricing == "subscription").then_some(cycle);
        let months = cycle.and_then(|c| u32::try_from(c.months()).ok());
        let auto_renew = self.auto_renew != 0;
        let term = current_term(self.started_at, months, auto_renew, now);
        let state = if self.cancelled_at.is_some() {
            SubscriptionState::Cancelled
        } else if self.status != "active" {
            SubscriptionState::Suspended
        } else if term.ends_at.is_some_and(|end| !auto_renew && now >= end) {
            SubscriptionState::Ended
        } else {
            SubscriptionState::Active
        };
        let seats = |n: i64| u32::try_from(n).map_err(|_| corrupt());
        // Users scheduled for the renewal are its users once it renewed, whether or not
        // `orders::server::apply_due_renewal_seats` has written them yet.
        let (seats, renewal_seats) = match (self.renewal_seats, self.renewal_seats_from) {
            (Some(due), Some(from)) if now >= from && auto_renew => (seats(due)?, None),
            (Some(due), _) => (seats(self.seats)?, Some(seats(due)?)),
            _ => (seats(self.seats)?, None),
        };
        Ok(Subscription {
            id: self.id,
            sku: self.sku,
            name: self.name,
            cycle,
            seats,
            started_on: parse_date(&self.started_on).ok_or_else(corrupt)?.into(),
            term,
            term_ends_on: term.ends_at.map(|end| german_date(end).into()),
            auto_renew,
            renewal_seats,
            state,
            order: OrderNumber::placed(self.order_id, self.placed_at),
        })
    }
}

/// One subscription at `now`, whoever's it is (for the jobs that change it).
pub async fn subscription_at(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<Subscription, DbError> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_one(conn)
        .await?;
    row.at(now)
}

/// The customer's subscriptions at `now`, if the customer is the reseller's; newest first.
pub async fn for_customer(
    db: &Database,
    scope: &ResellerScope,
    customer_id: CustomerId,
    now: i64,
) -> Result<Vec<Subscription>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.customer_id = $1 AND s.reseller_id = $2 ORDER BY s.id DESC"
    ))
    .bind(customer_id)
    .bind(scope.reseller())
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(|row| row.at(now)).collect()
}

/// The subscription at `now` with what its changes need (the product's bounds, today's
/// prices, the customer, the change window, the latest change), if it is the reseller's.
pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    id: i64,
    now: i64,
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
    let subscription = subscription_at(&mut *db.pool().acquire().await?, id, now).await?;
    let window = subscription
        .changeable()
        .then(|| change_window(&subscription.term, subscription.auto_renew, now));
    Ok(Some(SubscriptionDetail {
        subscription,
        customer_id: row.customer_id,
        customer_name: row.company_name,
        max_seats: u32::try_from(row.max_seats).map_err(|_| DbError::Corrupt("products"))?,
        pricing: Pricing::from_columns(row.monthly_cents, row.annual_cents, row.once_cents),
        window,
        latest_change: latest_change(db, id).await?,
        increase_pending: crate::orders::server::seats_pending(db, id).await?,
    }))
}

/// The latest change asked for, pending or settled.
async fn latest_change(
    db: &Database,
    subscription_id: i64,
) -> Result<Option<ChangeRecord>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Change {
        kind: String,
        seats: Option<i64>,
        auto_renew: Option<i64>,
        status: String,
        failure: Option<String>,
        requested_at: i64,
    }
    let row: Option<Change> = sqlx::query_as(
        "SELECT kind, seats, auto_renew, status, failure, requested_at \
         FROM subscription_changes WHERE subscription_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(subscription_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let corrupt = || DbError::Corrupt("subscription_changes");
    let status = match row.status.as_str() {
        "pending" => ChangeStatus::Pending,
        "done" => ChangeStatus::Done,
        _ => ChangeStatus::Failed(
            row.failure
                .as_deref()
                .and_then(kontor_domain::ProviderProblem::from_stored),
        ),
    };
    Ok(Some(ChangeRecord {
        change: ChangeKind::from_stored(&row.kind, row.seats, row.auto_renew)
            .ok_or_else(corrupt)?,
        status,
        requested_at: row.requested_at,
    }))
}
