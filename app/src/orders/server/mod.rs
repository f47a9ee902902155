//! Binding orders in the database: placing one from a cart (once per idempotency key, whatever
//! arrives again or at the same moment), the provider job that sets it up, and reading orders
//! back. Every read takes the reseller's id into its `WHERE`.

mod subscriptions;

pub use subscriptions::{apply_due_renewal_seats, record_completed, CompletedOrder};

use crate::audit::server::{self as audit, Actor};
use crate::audit::AuditAction;
use crate::cart::CartLine;
use crate::i18n::Locale;
use crate::orders::{
    AllOrders, AllOrdersFilter, OrderDetail, OrderFilter, OrderLine, OrderList, OrderSummary,
    StaffOrderRow, StatusFilter,
};
use crate::platform::mail::{outbox, OutgoingMail};
use crate::platform::provider::{
    self as provider, CartLine as ProviderLine, NewCart, OrderStatus as ProviderOrderStatus,
    PlacedOrder, ProviderError, SharedProvider, Term,
};
use crate::platform::request::LinkBase;
use crate::platform::sessions::{ResellerScope, Staff};
use crate::platform::{sessions::SessionUser, Database, DbError};
use crate::tenants::server::{self as tenants, AtProvider};
use kontor_domain::UserId;
use kontor_domain::{
    pricing_kind, pricing_of, BillingCycle, IdempotencyKey, OrderFailure, OrderNumber, OrderStatus,
    OrderableCustomer, Pricing, Totals,
};
use kontor_domain::{CustomerId, OrderId, ResellerId};
use kontor_jobs::{self as jobs, AfterFailure, Job, JobKind, JobOwner, Step};
use sqlx::any::AnyExecutor;
use sqlx::AnyConnection;

pub const PAGE_SIZE: i64 = 20;

/// The job that sets an order up at the provider.
pub const PROVISION_ORDER: &str = "provision_order";

/// Provisioning orders, as a job: the provider, and where users reach the portal (for the
/// link in the mail that tells them the outcome).
pub struct OrderProvisioning {
    pub provider: SharedProvider,
    pub links: LinkBase,
}

#[async_trait::async_trait]
impl JobKind for OrderProvisioning {
    fn name(&self) -> &'static str {
        PROVISION_ORDER
    }

    async fn attempt(&self, db: &Database, job: &Job, now: i64) -> Result<Step, DbError> {
        provision_step(db, self, job, now).await
    }

    async fn succeeded(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        now: i64,
    ) -> Result<(), DbError> {
        provision_done(conn, self, job, now).await
    }

    async fn failed(
        &self,
        conn: &mut AnyConnection,
        job: &Job,
        error: &ProviderError,
        now: i64,
    ) -> Result<AfterFailure, DbError> {
        provision_failed(conn, self, job, error, now).await
    }
}
/// How long the job waits before it asks the provider again about a pending order.
const POLL_SECS: i64 = 2;
/// How long it waits for a tenant that is not usable (for now).
const TENANT_WAIT_SECS: i64 = 30;

/// A cart, checked and ready to become an order.
pub struct Checkout {
    pub reseller_id: ResellerId,
    pub user: SessionUser,
    pub customer: OrderableCustomer,
    pub name: String,
    pub key: IdempotencyKey,
    /// The digest of the cart the reseller saw (`cart::digest`).
    pub digest: String,
    pub items: Items,
    pub totals: Totals,
}

/// What is ordered.
pub enum Items {
    /// The cart's lines, which leave the cart with the order.
    Cart(Vec<CartLine>),
    /// More users for a subscription.
    Seats(SeatIncrease),
}

/// Users added to a subscription, at today's unit price for its cycle.
pub struct SeatIncrease {
    pub subscription_id: i64,
    pub sku: String,
    pub pricing: Pricing,
    pub cycle: BillingCycle,
    pub added: u32,
    pub unit_cents: i64,
    pub period_cents: i64,
}

/// What sending a checkout came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    New(OrderNumber),
    /// The key placed this order before (a double click, a reload, a retry).
    Again(OrderNumber),
}

impl Placed {
    pub fn number(self) -> OrderNumber {
        match self {
            Placed::New(number) | Placed::Again(number) => number,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// The key placed an order with other contents.
    #[error("the idempotency key was used for another cart")]
    KeyReused,
    /// More users for the subscription are on their way already (another order placed a
    /// moment ago).
    #[error("a change of the subscription is under way")]
    ChangePending,
    #[error(transparent)]
    Database(#[from] DbError),
}

/// The order the user placed with this key before, if any: its number and cart digest.
pub async fn placed_with<'e>(
    executor: impl AnyExecutor<'e>,
    user_id: UserId,
    key: &IdempotencyKey,
) -> Result<Option<(OrderNumber, String)>, DbError> {
    let row: Option<(OrderId, i64, String)> = sqlx::query_as(
        "SELECT id, placed_at, cart_digest FROM orders WHERE user_id = $1 AND idempotency_key = $2",
    )
    .bind(user_id)
    .bind(key.as_str())
    .fetch_optional(executor)
    .await?;
    Ok(row.map(|(id, placed_at, digest)| (OrderNumber::placed(id, placed_at), digest)))
}

/// The earlier order of a key, as the answer to sending it again: the same cart finds it, any
/// other is refused.
pub async fn repeat<'e>(
    executor: impl AnyExecutor<'e>,
    user_id: UserId,
    key: &IdempotencyKey,
    digest: &str,
) -> Result<Option<Placed>, PlaceError> {
    match placed_with(executor, user_id, key).await? {
        Some((number, placed)) if placed == digest => Ok(Some(Placed::Again(number))),
        Some(_) => Err(PlaceError::KeyReused),
        None => Ok(None),
    }
}

/// Places the order in one transaction: the order with its lines (prices as the reseller
/// confirmed them), the cart emptied and given a new key, the provider job, the confirmation
/// mail and the audit entry. The order's insert comes first and the key is unique per user,
/// so of any number of simultaneous submissions exactly one inserts; the others find its
/// order. On SQLite, orders placed at the same moment share a commit (`grouped_write`).
pub async fn place(
    db: &Database,
    checkout: Checkout,
    mail: impl FnOnce(OrderNumber) -> OutgoingMail + Send + 'static,
    now: i64,
) -> Result<Placed, PlaceError> {
    db.grouped_write(move |conn| Box::pin(place_in(conn, checkout, mail, now)))
        .await
}

async fn place_in(
    conn: &mut AnyConnection,
    checkout: Checkout,
    mail: impl FnOnce(OrderNumber) -> OutgoingMail,
    now: i64,
) -> Result<Placed, PlaceError> {
    let inserted: Option<(OrderId,)> = sqlx::query_as(
        "INSERT INTO orders (reseller_id, customer_id, user_id, name, idempotency_key, \
         cart_digest, net_cents, vat_cents, gross_cents, status, placed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10) \
         ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(checkout.reseller_id)
    .bind(checkout.customer.customer_id())
    .bind(checkout.user.user_id)
    .bind(&checkout.name)
    .bind(checkout.key.as_str())
    .bind(&checkout.digest)
    .bind(checkout.totals.net)
    .bind(checkout.totals.vat)
    .bind(checkout.totals.gross)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await
    .map_err(DbError::from)?;
    let Some((order_id,)) = inserted else {
        return repeat(
            &mut *conn,
            checkout.user.user_id,
            &checkout.key,
            &checkout.digest,
        )
        .await?
        .ok_or(PlaceError::Database(DbError::Corrupt(
            "orders: a key without order",
        )));
    };
    let number = OrderNumber::placed(order_id, now);
    match &checkout.items {
        Items::Cart(lines) => {
            insert_lines(conn, order_id, lines).await?;
            empty_cart(conn, checkout.user.user_id, lines, now).await?;
        }
        Items::Seats(increase) => insert_seats(conn, order_id, increase).await?,
    }
    let customer_id = checkout.customer.customer_id();
    jobs::enqueue(conn, PROVISION_ORDER, customer_id, Some(order_id.0), now).await?;
    outbox::enqueue(conn, &mail(number), now).await?;
    let action = AuditAction::OrderPlaced {
        number: number.to_string(),
        name: checkout.name.clone(),
        gross_cents: checkout.totals.gross,
    };
    audit::record(
        conn,
        checkout.reseller_id,
        Some(checkout.customer.customer_id()),
        &Actor::user(&checkout.user),
        &action,
        now,
    )
    .await?;
    Ok(Placed::New(number))
}

/// The cart's lines as order lines, base lines before their add-ons.
async fn insert_lines(
    conn: &mut AnyConnection,
    order_id: OrderId,
    lines: &[CartLine],
) -> Result<(), DbError> {
    let mut ids: Vec<(i64, i64)> = Vec::with_capacity(lines.len());
    let bases = lines.iter().filter(|l| l.parent_id.is_none());
    let addons = lines.iter().filter(|l| l.parent_id.is_some());
    for line in bases.chain(addons) {
        let parent = match line.parent_id {
            Some(cart_parent) => Some(
                ids.iter()
                    .find(|(cart_id, _)| *cart_id == cart_parent)
                    .map(|(_, order_line)| *order_line)
                    .ok_or(DbError::Corrupt("cart_lines.parent_id"))?,
            ),
            None => None,
        };
        let charge = line
            .charge
            .ok_or(DbError::Corrupt("cart: a line without price"))?;
        let unit = line
            .pricing
            .unit_cents(line.cycle)
            .ok_or(DbError::Corrupt("cart: a line without price"))?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO order_lines (order_id, parent_id, product_id, sku, name, pricing, cycle, \
             seats, unit_cents, period_cents, status) SELECT $1, $2, p.id, p.sku, p.name, $3, $4, \
             $5, $6, $7, 'received' FROM products p WHERE p.sku = $8 RETURNING id",
        )
        .bind(order_id)
        .bind(parent)
        .bind(pricing_kind(&line.pricing))
        .bind(line.cycle.as_str())
        .bind(i64::from(line.seats))
        .bind(unit)
        .bind(charge.per_period)
        .bind(&line.sku)
        .fetch_one(&mut *conn)
        .await?;
        ids.push((line.id, id));
    }
    Ok(())
}

/// The one line of a seat increase: the users added, tied to the subscription. The unique
/// index on pending increases refuses a second one while the first is under way, also when
/// both are placed at the same moment.
async fn insert_seats(
    conn: &mut AnyConnection,
    order_id: OrderId,
    increase: &SeatIncrease,
) -> Result<(), PlaceError> {
    let inserted = sqlx::query(
        "INSERT INTO order_lines (order_id, product_id, sku, name, pricing, cycle, seats, \
         unit_cents, period_cents, status, subscription_id) SELECT $1, p.id, p.sku, p.name, $2, \
         $3, $4, $5, $6, 'received', $7 FROM products p WHERE p.sku = $8",
    )
    .bind(order_id)
    .bind(pricing_kind(&increase.pricing))
    .bind(increase.cycle.as_str())
    .bind(i64::from(increase.added))
    .bind(increase.unit_cents)
    .bind(increase.period_cents)
    .bind(increase.subscription_id)
    .bind(&increase.sku)
    .execute(&mut *conn)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(PlaceError::ChangePending),
        Err(error) => Err(DbError::from(error).into()),
        Ok(_) => Ok(()),
    }
}

/// Whether an order for more users of the subscription is still under way.
pub async fn seats_pending(db: &Database, subscription_id: i64) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM order_lines WHERE subscription_id = $1 \
         AND status IN ('received', 'provisioning')",
    )
    .bind(subscription_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(found.is_some())
}

/// Takes the ordered lines out of the cart, clears its name and gives it a new key (the next
/// order is another one). The customer stays chosen.
async fn empty_cart(
    conn: &mut AnyConnection,
    user_id: UserId,
    lines: &[CartLine],
    now: i64,
) -> Result<(), DbError> {
    // Add-ons first: they point at their base lines.
    let addons = lines.iter().filter(|l| l.parent_id.is_some());
    let bases = lines.iter().filter(|l| l.parent_id.is_none());
    for line in addons.chain(bases) {
        sqlx::query("DELETE FROM cart_lines WHERE id = $1 AND user_id = $2")
            .bind(line.id)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "UPDATE carts SET order_name = '', order_key = $2, updated_at = $3 WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(crate::cart::server::new_order_key())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: OrderId,
    name: String,
    customer_id: CustomerId,
    customer_name: String,
    placed_at: i64,
    status: String,
    gross_cents: i64,
    reseller_id: ResellerId,
    reseller_name: String,
    failure: Option<String>,
    provider_error: Option<String>,
}

/// An order with its reseller, and why it failed: the provider's last answer to its job.
const SUMMARY: &str = "SELECT o.id, o.name, o.customer_id, c.company_name AS customer_name, \
    o.placed_at, o.status, o.gross_cents, o.reseller_id, r.company_name AS reseller_name, \
    o.failure, (SELECT MAX(j.last_error) FROM provider_jobs j WHERE j.kind = 'provision_order' \
       AND j.subject_id = o.id) AS provider_error \
    FROM orders o JOIN customers c ON c.id = o.customer_id JOIN resellers r ON r.id = o.reseller_id";

fn summary(
    id: OrderId,
    name: String,
    (customer_id, customer_name): (CustomerId, String),
    placed_at: i64,
    status: &str,
    gross_cents: i64,
) -> Result<OrderSummary, DbError> {
    Ok(OrderSummary {
        number: OrderNumber::placed(id, placed_at),
        name,
        customer_id,
        customer_name,
        placed_at,
        status: OrderStatus::parse(status).ok_or(DbError::Corrupt("orders.status"))?,
        gross_cents,
    })
}

impl SummaryRow {
    fn summary(self) -> Result<OrderSummary, DbError> {
        summary(
            self.id,
            self.name,
            (self.customer_id, self.customer_name),
            self.placed_at,
            &self.status,
            self.gross_cents,
        )
    }
}

/// The filters as SQL conditions on `o`, with their values from `$1` on. Dates are German
/// days: `from` at its first second, `to` at its last.
struct Conditions {
    sql: String,
    values: Vec<QueryValue>,
}

enum QueryValue {
    Number(i64),
    Text(&'static str),
}

/// `reseller`: one company's orders, or (`None`, the administration) everyone's.
fn conditions(reseller: Option<ResellerId>, filter: &OrderFilter) -> Conditions {
    let mut sql = String::new();
    let mut values = Vec::new();
    let mut add = |condition: &str, value: QueryValue| {
        values.push(value);
        sql.push_str(&format!(" AND {condition} ${}", values.len()));
    };
    if let Some(reseller) = reseller {
        add("o.reseller_id =", QueryValue::Number(reseller.0));
    }
    if let Some(customer) = filter.customer {
        add("o.customer_id =", QueryValue::Number(customer.0));
    }
    match filter.status {
        Some(StatusFilter::Is(status)) => add("o.status =", QueryValue::Text(status.as_str())),
        // In progress: neither of the settled statuses.
        Some(StatusFilter::InProgress) => {
            for settled in OrderStatus::ALL.into_iter().filter(|s| s.is_settled()) {
                add("o.status <>", QueryValue::Text(settled.as_str()));
            }
        }
        None => {}
    }
    let day = |text: &Option<String>| text.as_deref().and_then(kontor_domain::parse_date);
    if let Some(from) = day(&filter.from) {
        add(
            "o.placed_at >=",
            QueryValue::Number(kontor_domain::german_day_start(from)),
        );
    }
    if let Some(to) = day(&filter.to).and_then(|d| d.next_day()) {
        add(
            "o.placed_at <",
            QueryValue::Number(kontor_domain::german_day_start(to)),
        );
    }
    Conditions { sql, values }
}

type AnyQueryAs<'q, O> = sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>;

fn bind_all<'q, O>(mut query: AnyQueryAs<'q, O>, values: &[QueryValue]) -> AnyQueryAs<'q, O> {
    for value in values {
        query = match value {
            QueryValue::Number(n) => query.bind(*n),
            QueryValue::Text(t) => query.bind(*t),
        };
    }
    query
}

/// One page (from 1) of the orders that pass the filter, newest first, with how many pass
/// in all.
async fn page_of(
    db: &Database,
    reseller: Option<ResellerId>,
    filter: &OrderFilter,
    page: u32,
) -> Result<(Vec<SummaryRow>, i64), DbError> {
    let conditions = conditions(reseller, filter);
    let count_sql = format!(
        "SELECT COUNT(*) FROM orders o WHERE 1 = 1{}",
        conditions.sql
    );
    let count = sqlx::query_as::<_, (i64,)>(&count_sql);
    let (total,) = bind_all(count, &conditions.values)
        .fetch_one(db.pool())
        .await?;
    let n = conditions.values.len();
    let rows_sql = format!(
        "{SUMMARY} WHERE 1 = 1{} ORDER BY o.id DESC LIMIT ${} OFFSET ${}",
        conditions.sql,
        n + 1,
        n + 2
    );
    let rows = bind_all(
        sqlx::query_as::<_, SummaryRow>(&rows_sql),
        &conditions.values,
    )
    .bind(PAGE_SIZE)
    .bind((i64::from(page.max(1)) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    Ok((rows, total))
}

/// The customers of `reseller` that have orders, by name: the customer filter's choices.
async fn customers_with_orders(
    db: &Database,
    reseller: ResellerId,
) -> Result<Vec<(CustomerId, String)>, DbError> {
    let rows: Vec<(CustomerId, String, String)> = sqlx::query_as(
        "SELECT DISTINCT c.id, c.company_name, c.sort_name FROM orders o \
         JOIN customers c ON c.id = o.customer_id WHERE o.reseller_id = $1 ORDER BY c.sort_name",
    )
    .bind(reseller)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id, name, _)| (id, name)).collect())
}

/// One page (from 1) of the reseller's orders that pass the filter, newest first.
pub async fn list(
    db: &Database,
    scope: &ResellerScope,
    filter: &OrderFilter,
    page: u32,
) -> Result<OrderList, DbError> {
    let (rows, total) = page_of(db, Some(scope.reseller()), filter, page).await?;
    Ok(OrderList {
        orders: rows
            .into_iter()
            .map(SummaryRow::summary)
            .collect::<Result<_, _>>()?,
        customers: customers_with_orders(db, scope.reseller()).await?,
        page: page.max(1),
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total: u64::try_from(total).unwrap_or_default(),
    })
}

/// The administration's list: every reseller's orders, or one's (`filter.reseller`).
pub async fn list_all(
    db: &Database,
    _staff: &Staff,
    filter: &AllOrdersFilter,
    page: u32,
) -> Result<AllOrders, DbError> {
    let (rows, total) = page_of(db, filter.reseller, &filter.orders, page).await?;
    let orders = rows
        .into_iter()
        .map(|mut row| {
            let failure = row.failure.take().as_deref().and_then(OrderFailure::parse);
            let provider_error = row.provider_error.take().filter(|_| failure.is_some());
            let reseller = (row.reseller_id, std::mem::take(&mut row.reseller_name));
            Ok(StaffOrderRow {
                summary: row.summary()?,
                reseller,
                failure,
                provider_error,
            })
        })
        .collect::<Result<_, DbError>>()?;
    let resellers: Vec<(ResellerId, String)> = sqlx::query_as(
        "SELECT r.id, r.company_name FROM resellers r \
         WHERE EXISTS (SELECT 1 FROM orders o WHERE o.reseller_id = r.id) \
         ORDER BY LOWER(r.company_name), r.id",
    )
    .fetch_all(db.pool())
    .await?;
    let customers = match filter.reseller {
        Some(reseller) => customers_with_orders(db, reseller).await?,
        None => Vec::new(),
    };
    Ok(AllOrders {
        orders,
        resellers,
        customers,
        page: page.max(1),
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total: u64::try_from(total).unwrap_or_default(),
    })
}

/// Provisioning a failed order once more, on staff's word: the order and its failed lines go
/// back to where they stood before the provider's last answer, and its job starts over
/// (same request id: the provider may have the order after all). `None` when there is no
/// failed order of that number.
pub async fn retry(
    conn: &mut AnyConnection,
    number: OrderNumber,
    now: i64,
) -> Result<Option<(ResellerId, CustomerId)>, DbError> {
    let row: Option<(ResellerId, CustomerId, i64)> =
        sqlx::query_as("SELECT reseller_id, customer_id, placed_at FROM orders WHERE id = $1")
            .bind(number.id)
            .fetch_optional(&mut *conn)
            .await?;
    // The number's year must be the order's, as in `find`.
    let Some((reseller_id, customer_id, _)) =
        row.filter(|(_, _, placed_at)| OrderNumber::placed(number.id, *placed_at) == number)
    else {
        return Ok(None);
    };
    let order_id = number.id;
    let reopened = sqlx::query(
        "UPDATE orders SET status = CASE WHEN EXISTS (SELECT 1 FROM order_provider_orders p \
           WHERE p.order_id = orders.id) THEN 'provisioning' ELSE 'received' END, \
           failure = NULL, completed_at = NULL \
         WHERE id = $1 AND status = 'failed'",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    if reopened.rows_affected() == 0 {
        return Ok(None);
    }
    sqlx::query(
        "UPDATE order_lines SET status = CASE WHEN provider_subscription_id IS NULL \
           THEN 'received' ELSE 'provisioning' END WHERE order_id = $1 AND status = 'failed'",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    let owner = JobOwner::Subject(order_id.0);
    jobs::restart(conn, PROVISION_ORDER, owner, now).await?;
    Ok(Some((reseller_id, customer_id)))
}

type LineRow = (
    i64,
    Option<i64>,
    String,
    String,
    i64,
    String,
    String,
    i64,
    i64,
    String,
);

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: OrderId,
    name: String,
    customer_id: CustomerId,
    company_name: String,
    placed_at: i64,
    status: String,
    net_cents: i64,
    vat_cents: i64,
    gross_cents: i64,
    email: String,
    failure: Option<String>,
    completed_at: Option<i64>,
}

/// The order with this number, if it is the reseller's.
pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    number: OrderNumber,
) -> Result<Option<OrderDetail>, DbError> {
    let row: Option<DetailRow> = sqlx::query_as(
        "SELECT o.id, o.name, o.customer_id, c.company_name, o.placed_at, o.status, o.net_cents, \
         o.vat_cents, o.gross_cents, u.email, o.failure, o.completed_at FROM orders o \
         JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.user_id \
         WHERE o.id = $1 AND o.reseller_id = $2",
    )
    .bind(number.id)
    .bind(scope.reseller())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let summary = summary(
        row.id,
        row.name,
        (row.customer_id, row.company_name),
        row.placed_at,
        &row.status,
        row.gross_cents,
    )?;
    // The number's year must be the order's: `K-2025-000007` is not `K-2026-000007`.
    if summary.number != number {
        return Ok(None);
    }
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT id, parent_id, sku, name, seats, cycle, pricing, unit_cents, period_cents, status \
         FROM order_lines WHERE order_id = $1 ORDER BY COALESCE(parent_id, id), id",
    )
    .bind(number.id)
    .fetch_all(db.pool())
    .await?;
    Ok(Some(OrderDetail {
        summary,
        placed_by: row.email,
        totals: Totals {
            net: row.net_cents,
            vat: row.vat_cents,
            gross: row.gross_cents,
        },
        failure: row.failure.as_deref().and_then(OrderFailure::parse),
        completed_at: row.completed_at,
        lines: rows.into_iter().map(order_line).collect::<Result<_, _>>()?,
    }))
}

fn order_line(
    (id, parent_id, sku, name, seats, cycle, pricing, unit, period, status): LineRow,
) -> Result<OrderLine, DbError> {
    let cycle = BillingCycle::parse(&cycle).ok_or(DbError::Corrupt("order_lines.cycle"))?;
    let pricing: Pricing =
        pricing_of(&pricing, cycle, unit).ok_or(DbError::Corrupt("order_lines.pricing"))?;
    let seats = u32::try_from(seats).map_err(|_| DbError::Corrupt("order_lines.seats"))?;
    let mut charge = pricing.charge(cycle, seats);
    // The stored amount is what was ordered, whatever the arithmetic says today.
    if let Some(charge) = charge.as_mut() {
        charge.per_period = period;
    }
    Ok(OrderLine {
        id,
        parent_id,
        sku,
        name,
        seats,
        cycle,
        pricing,
        charge,
        status: OrderStatus::parse(&status).ok_or(DbError::Corrupt("order_lines.status"))?,
    })
}

/// One attempt at provisioning. New lines go into a cart at the provider (once, under the
/// job's request id) which is checked out (once: the checkout carries the job's second id and
/// is idempotent at the provider); then the job asks until every order the checkout made is
/// completed, and keeps each line's subscription. A seat increase is one change of the
/// subscription's quantity. A retry after a crash repeats nothing the provider has.
async fn provision_step(
    db: &Database,
    worker: &OrderProvisioning,
    job: &Job,
    now: i64,
) -> Result<Step, DbError> {
    let order_id = order_of(job)?;
    let provider = &worker.provider;
    let tenant = match tenants::at_provider(db, provider, job.customer_id).await? {
        AtProvider::Known(id) => id,
        AtProvider::Waiting => return Ok(Step::WaitSecs(TENANT_WAIT_SECS)),
        AtProvider::Failed(error) => return Ok(Step::Failed(error)),
    };
    if let Some((subscription, quantity)) = seat_increase(db, order_id, now).await? {
        return Ok(
            match provider
                .change_quantity(&job.request_id, &tenant, &subscription, quantity)
                .await
            {
                Ok(_) => Step::Done,
                Err(error) => Step::Failed(error),
            },
        );
    }
    let mut placed = provider_orders(db, order_id).await?;
    if placed.is_empty() {
        let cart_id = match cart_of(db, order_id).await? {
            Some(cart_id) => cart_id,
            None => {
                let cart = new_cart(db, order_id).await?;
                match provider.create_cart(&job.request_id, &tenant, &cart).await {
                    Ok(cart_id) => {
                        record_cart(db, order_id, &cart_id).await?;
                        cart_id
                    }
                    Err(error) => return Ok(Step::Failed(error)),
                }
            }
        };
        let checkout = job.request_id.step(1);
        match provider.checkout(&checkout, &tenant, &cart_id).await {
            Ok(orders) => {
                record_placed(db, order_id, &orders).await?;
                placed = orders.into_iter().map(|o| o.id).collect();
            }
            Err(error) => return Ok(Step::Failed(error)),
        }
    }
    let mut completed = Vec::new();
    for id in &placed {
        match provider.order(&tenant, id).await {
            Ok(order) if order.status == ProviderOrderStatus::Completed => completed.push(order),
            Ok(order) if order.status == ProviderOrderStatus::Cancelled => {
                return Ok(Step::Failed(ProviderError::refused(
                    provider::RefusalReason::Other,
                    None,
                    "the provider cancelled the order",
                )))
            }
            Ok(_) => return Ok(Step::WaitSecs(POLL_SECS)),
            Err(error) => return Ok(Step::Failed(error)),
        }
    }
    record_subscriptions(db, order_id, &completed).await?;
    Ok(Step::Done)
}

/// The order a provisioning job sets up.
fn order_of(job: &Job) -> Result<OrderId, DbError> {
    job.subject.map(OrderId).ok_or(DbError::Corrupt(
        "provider_jobs: an order job without order",
    ))
}

/// A seat increase's subscription at the provider and its new quantity (counted from the
/// users a renewal brought, if one came); `None` for an order of new lines.
async fn seat_increase(
    db: &Database,
    order_id: OrderId,
    now: i64,
) -> Result<Option<(String, u32)>, DbError> {
    let mut conn = db.pool().acquire().await?;
    apply_due_renewal_seats(&mut conn, now).await?;
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT s.provider_subscription_id, l.seats + s.seats FROM order_lines l \
         JOIN subscriptions s ON s.id = l.subscription_id WHERE l.order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(id, seats)| {
        let quantity = u32::try_from(seats).map_err(|_| DbError::Corrupt("subscriptions.seats"))?;
        Ok((id, quantity))
    })
    .transpose()
}

/// The orders the provider's checkout made for this order.
async fn provider_orders(db: &Database, order_id: OrderId) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT provider_order_id FROM order_provider_orders WHERE order_id = $1 \
         ORDER BY provider_order_id",
    )
    .bind(order_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

async fn cart_of(db: &Database, order_id: OrderId) -> Result<Option<String>, DbError> {
    let (cart,): (Option<String>,) =
        sqlx::query_as("SELECT provider_cart_id FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_one(db.pool())
            .await?;
    Ok(cart)
}

async fn record_cart(db: &Database, order_id: OrderId, cart_id: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE orders SET provider_cart_id = $2 WHERE id = $1")
        .bind(order_id)
        .bind(cart_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The order's lines as the provider's cart: each line with its add-ons, for the reseller
/// (its location MPN) that placed it.
async fn new_cart(db: &Database, order_id: OrderId) -> Result<NewCart, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        parent_id: Option<i64>,
        sku: String,
        seats: i64,
        cycle: String,
        pricing: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, parent_id, sku, seats, cycle, pricing FROM order_lines \
         WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(db.pool())
    .await?;
    let (reseller_partner_id,): (Option<String>,) = sqlx::query_as(
        "SELECT r.location_mpn FROM orders o JOIN resellers r ON r.id = o.reseller_id \
         WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_one(db.pool())
    .await?;
    let line = |row: &Row| -> Result<ProviderLine, DbError> {
        let (billing_cycle, term) = match (row.pricing.as_str(), row.cycle.as_str()) {
            ("subscription", "annual") => (provider::BillingCycle::Annual, Some(Term::OneYear)),
            ("subscription", _) => (provider::BillingCycle::Monthly, Some(Term::OneMonth)),
            ("perpetual", _) => (provider::BillingCycle::OneTime, None),
            _ => (provider::BillingCycle::None, None),
        };
        Ok(ProviderLine {
            id: row.id,
            catalog_item_id: row.sku.clone(),
            quantity: u32::try_from(row.seats)
                .map_err(|_| DbError::Corrupt("order_lines.seats"))?,
            billing_cycle,
            term,
            add_ons: Vec::new(),
        })
    };
    let mut lines = Vec::new();
    for row in rows.iter().filter(|r| r.parent_id.is_none()) {
        let mut base = line(row)?;
        for add_on in rows.iter().filter(|r| r.parent_id == Some(row.id)) {
            base.add_ons.push(line(add_on)?);
        }
        lines.push(base);
    }
    Ok(NewCart {
        lines,
        reseller_partner_id,
    })
}

/// The provider has the order (as these orders): it is being provisioned.
async fn record_placed(
    db: &Database,
    order_id: OrderId,
    placed: &[PlacedOrder],
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    for order in placed {
        sqlx::query(
            "INSERT INTO order_provider_orders (order_id, provider_order_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(order_id)
        .bind(&order.id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE orders SET status = 'provisioning' WHERE id = $1 AND status = 'received'")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE order_lines SET status = 'provisioning' WHERE order_id = $1 \
         AND status = 'received'",
    )
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Each line's subscription, as the completed orders name them.
async fn record_subscriptions(
    db: &Database,
    order_id: OrderId,
    completed: &[PlacedOrder],
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    for line in completed.iter().flat_map(|o| &o.lines) {
        sqlx::query(
            "UPDATE order_lines SET provider_subscription_id = $3 WHERE id = $1 AND order_id = $2",
        )
        .bind(line.line_item_number)
        .bind(order_id)
        .bind(&line.subscription_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Who placed the order, in which language, and for what: for its mails and audit entries.
struct Placement {
    reseller_id: ResellerId,
    customer_id: CustomerId,
    number: OrderNumber,
    name: String,
    customer_name: String,
    email: String,
    locale: String,
}

impl Placement {
    /// What the provider's answer did to the order, in the audit log (by the system).
    async fn record(
        &self,
        conn: &mut AnyConnection,
        action: &AuditAction,
        now: i64,
    ) -> Result<(), DbError> {
        audit::record(
            conn,
            self.reseller_id,
            Some(self.customer_id),
            &Actor::SYSTEM,
            action,
            now,
        )
        .await
    }
}

async fn placement(conn: &mut AnyConnection, order_id: OrderId) -> Result<Placement, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        reseller_id: ResellerId,
        customer_id: CustomerId,
        placed_at: i64,
        name: String,
        customer_name: String,
        email: String,
        locale: String,
    }
    let row: Row = sqlx::query_as(
        "SELECT o.reseller_id, o.customer_id, o.placed_at, o.name, \
         c.company_name AS customer_name, u.email, u.locale \
         FROM orders o JOIN customers c ON c.id = o.customer_id \
         JOIN users u ON u.id = o.user_id WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Placement {
        reseller_id: row.reseller_id,
        customer_id: row.customer_id,
        number: OrderNumber::placed(order_id, row.placed_at),
        name: row.name,
        customer_name: row.customer_name,
        email: row.email,
        locale: row.locale,
    })
}

/// The provider completed the order: every line active, a subscription for each, the mail
/// to the user who placed it.
async fn provision_done(
    conn: &mut AnyConnection,
    worker: &OrderProvisioning,
    job: &Job,
    now: i64,
) -> Result<(), DbError> {
    let order_id = order_of(job)?;
    let changed = sqlx::query(
        "UPDATE orders SET status = 'active', completed_at = $2 WHERE id = $1 \
         AND status IN ('received', 'provisioning')",
    )
    .bind(order_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(());
    }
    sqlx::query("UPDATE order_lines SET status = 'active' WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    subscriptions::apply_order(conn, order_id, now).await?;
    let placement = placement(conn, order_id).await?;
    let mail = crate::orders::mails::active(
        Locale::from_tag(&placement.locale).unwrap_or_default(),
        &placement.number,
        &placement.name,
        &placement.customer_name,
        worker.links.link(&placement.number.path()),
        recipient(&placement.email)?,
    );
    outbox::enqueue(conn, &mail, now).await?;
    let action = AuditAction::OrderActive {
        number: placement.number.to_string(),
    };
    placement.record(conn, &action, now).await
}

/// The provider refused the order, or could not be reached for too long: every line that is
/// not active failed, with the reason; the user who placed it is told.
async fn provision_failed(
    conn: &mut AnyConnection,
    worker: &OrderProvisioning,
    job: &Job,
    error: &ProviderError,
    now: i64,
) -> Result<AfterFailure, DbError> {
    let order_id = order_of(job)?;
    let failure = if error.is_transient() {
        OrderFailure::Unreachable
    } else {
        OrderFailure::Refused
    };
    // Only an order still under way can fail: one the provider completed meanwhile (another
    // worker's attempt) stays active, and nobody is told it failed.
    let changed = sqlx::query(
        "UPDATE orders SET status = 'failed', failure = $2, completed_at = $3 WHERE id = $1 \
         AND status IN ('received', 'provisioning')",
    )
    .bind(order_id)
    .bind(failure.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(AfterFailure::Keep);
    }
    sqlx::query(
        "UPDATE order_lines SET status = 'failed' WHERE order_id = $1 AND status <> 'active'",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    let placement = placement(conn, order_id).await?;
    let mail = crate::orders::mails::failed(
        Locale::from_tag(&placement.locale).unwrap_or_default(),
        &placement.number,
        &placement.name,
        failure,
        worker.links.link(&placement.number.path()),
        recipient(&placement.email)?,
    );
    outbox::enqueue(conn, &mail, now).await?;
    let action = AuditAction::OrderFailed {
        number: placement.number.to_string(),
        reason: error.to_string(),
    };
    placement.record(conn, &action, now).await?;
    Ok(AfterFailure::Keep)
}

fn recipient(email: &str) -> Result<kontor_domain::EmailAddress, DbError> {
    kontor_domain::EmailAddress::parse(email).map_err(|_| DbError::Corrupt("users.email"))
}
