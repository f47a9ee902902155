//! Carts in the database, one per reseller user. Every function takes the user's id and puts
//! it into the query's `WHERE`: another user's line id finds nothing.

use crate::cart::{CartLine, CustomerChoice, HeaderForm, LineBounds, PriceChange};
use crate::customers::server as customers;
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};
use kontor_domain::CustomerId;
use kontor_domain::ProductLink;
use kontor_domain::UserId;
use kontor_domain::{BillingCycle, Pricing, Totals};

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    parent_id: Option<i64>,
    product_id: i64,
    sku: String,
    name: String,
    seats: i64,
    cycle: String,
    price_cents: i64,
    monthly_cents: Option<i64>,
    annual_cents: Option<i64>,
    once_cents: Option<i64>,
    min_seats: i64,
    max_seats: i64,
    /// 1 while the catalogue offers the product.
    offered: i64,
    /// 1 when the product is an add-on (booked only with a base product).
    is_addon: i64,
}

const LINES: &str = "SELECT l.id, l.parent_id, l.product_id, p.sku, p.name, l.seats, l.cycle, \
    l.price_cents, p.monthly_cents, p.annual_cents, p.once_cents, p.min_seats, p.max_seats, \
    CASE WHEN p.retired_at IS NULL THEN 1 ELSE 0 END AS offered, \
    CASE WHEN EXISTS (SELECT 1 FROM product_addons a WHERE a.addon_id = p.id) THEN 1 ELSE 0 END \
      AS is_addon \
    FROM cart_lines l JOIN products p ON p.id = l.product_id";

fn count(n: i64, column: &'static str) -> Result<u32, DbError> {
    u32::try_from(n).map_err(|_| DbError::Corrupt(column))
}

/// The user's lines, each base line followed by its add-ons, with what they cost.
pub async fn lines(db: &Database, user_id: UserId) -> Result<Vec<CartLine>, DbError> {
    let rows: Vec<LineRow> = sqlx::query_as(&format!(
        "{LINES} WHERE l.user_id = $1 ORDER BY COALESCE(l.parent_id, l.id), l.id"
    ))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let bookable_addons = addons_in_cart(db, user_id).await?;
    let mut lines = Vec::with_capacity(rows.len());
    for row in &rows {
        let pricing = Pricing::from_columns(row.monthly_cents, row.annual_cents, row.once_cents);
        let cycle = BillingCycle::parse(&row.cycle).ok_or(DbError::Corrupt("cart_lines.cycle"))?;
        let seats = count(row.seats, "cart_lines.seats")?;
        let base = row
            .parent_id
            .and_then(|parent| rows.iter().find(|r| r.id == parent));
        let base_seats = base.map(|base| base.seats);
        let max_seats = base_seats.map_or(row.max_seats, |b| b.min(row.max_seats));
        let addons = if row.parent_id.is_some() {
            Vec::new()
        } else {
            let taken = |addon: i64| {
                rows.iter()
                    .any(|r| r.parent_id == Some(row.id) && r.product_id == addon)
            };
            bookable_addons
                .iter()
                .filter(|(base, addon, _)| *base == row.product_id && !taken(*addon))
                .map(|(_, _, link)| link.clone())
                .collect()
        };
        // The catalogue may have changed since the line was added: the product withdrawn,
        // its add-on relation ended, or its seat bounds moved past the line's users.
        let still_related = match base {
            Some(base) => bookable_addons
                .iter()
                .any(|(b, a, _)| *b == base.product_id && *a == row.product_id),
            None => row.is_addon == 0,
        };
        let orderable =
            row.offered == 1 && still_related && (row.min_seats..=max_seats).contains(&row.seats);
        lines.push(CartLine {
            id: row.id,
            parent_id: row.parent_id,
            sku: row.sku.clone(),
            name: row.name.clone(),
            seats,
            cycle,
            pricing,
            bounds: LineBounds {
                min_seats: count(row.min_seats, "products.min_seats")?,
                max_seats: count(max_seats, "products.max_seats")?,
                pricing,
                is_addon: row.parent_id.is_some(),
            },
            charge: pricing.charge(cycle, seats).filter(|_| orderable),
            addons,
            price_change: pricing
                .unit_cents(cycle)
                .filter(|now| orderable && *now != row.price_cents)
                .map(|now| PriceChange {
                    accepted: row.price_cents,
                    now,
                }),
        });
    }
    Ok(lines)
}

/// The add-ons of every product in the user's cart: (base product, add-on, link).
async fn addons_in_cart(
    db: &Database,
    user_id: UserId,
) -> Result<Vec<(i64, i64, ProductLink)>, DbError> {
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT a.product_id, p.id, p.sku, p.name FROM product_addons a \
         JOIN products p ON p.id = a.addon_id WHERE p.retired_at IS NULL AND a.product_id IN \
         (SELECT product_id FROM cart_lines WHERE user_id = $1 AND parent_id IS NULL) \
         ORDER BY p.position, p.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(base, id, sku, name)| (base, id, ProductLink { sku, name }))
        .collect())
}

/// The first billing of every line, with VAT on the sum.
pub fn totals(lines: &[CartLine]) -> Totals {
    Totals::of_net(
        lines
            .iter()
            .filter_map(|l| l.charge)
            .map(|c| c.per_period)
            .sum(),
    )
}

/// The order's name and customer as last saved.
pub async fn header(db: &Database, user_id: UserId) -> Result<HeaderForm, DbError> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT order_name, customer_id FROM carts WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(
        row.map_or_else(HeaderForm::default, |(order_name, customer)| HeaderForm {
            order_name,
            customer: customer.map_or(String::new(), |id| id.to_string()),
        }),
    )
}

pub async fn save_header(
    db: &Database,
    user_id: UserId,
    order_name: &str,
    customer_id: CustomerId,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO carts (user_id, order_name, customer_id, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id) DO UPDATE SET order_name = excluded.order_name, \
         customer_id = excluded.customer_id, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(order_name)
    .bind(customer_id)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The reseller's customers, each with the reason it cannot be ordered for, if any.
pub async fn customer_choices(
    db: &Database,
    scope: &ResellerScope,
) -> Result<Vec<CustomerChoice>, DbError> {
    let all = customers::all(db, scope).await?;
    Ok(all
        .into_iter()
        .map(|c| CustomerChoice {
            refusal: c.orderable().err(),
            id: c.id,
            name: c.company_name,
        })
        .collect())
}

/// A fresh idempotency key for the cart's next order (random, so nobody guesses another
/// user's, though keys only ever count per user).
pub fn new_order_key() -> String {
    crate::platform::secret_token::SecretToken::generate()
        .expose()
        .to_owned()
}

/// The key the cart's checkout form carries: the same on every showing of the cart until an
/// order is placed with it, so two tabs or a reload post the same key.
pub async fn order_key(db: &Database, user_id: UserId, now: i64) -> Result<String, DbError> {
    let stored: Option<(Option<String>,)> =
        sqlx::query_as("SELECT order_key FROM carts WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db.pool())
            .await?;
    if let Some((Some(key),)) = stored {
        return Ok(key);
    }
    // Two first showings at once: the first key written wins, both read it back.
    sqlx::query(
        "INSERT INTO carts (user_id, order_key, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET order_key = COALESCE(carts.order_key, excluded.order_key)",
    )
    .bind(user_id)
    .bind(new_order_key())
    .bind(now)
    .execute(db.pool())
    .await?;
    let (key,): (Option<String>,) =
        sqlx::query_as("SELECT order_key FROM carts WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(db.pool())
            .await?;
    key.ok_or(DbError::Corrupt("carts.order_key"))
}

/// The cart as the reseller sees it (name, customer, every line with its users, cycle and
/// accepted price), as a SHA-256 hex digest: what a checkout form confirms.
pub fn digest(header: &HeaderForm, lines: &[CartLine]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(format!("{}\n{}\n", header.customer, header.order_name));
    for line in lines {
        let accepted = line.price_change.map(|c| c.accepted);
        hash.update(format!(
            "{}|{:?}|{}|{}|{}|{:?}|{:?}\n",
            line.id,
            line.parent_id,
            line.sku,
            line.seats,
            line.cycle.as_str(),
            accepted.or(line.pricing.unit_cents(line.cycle)),
            line.charge.map(|c| c.per_period),
        ));
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Puts an active product that is not only an add-on into the cart: its fewest users, billed
/// monthly where offered. False for an unknown product.
pub async fn add(db: &Database, user_id: UserId, sku: &str, now: i64) -> Result<bool, DbError> {
    // Id, the three prices, the fewest users.
    type Offer = (i64, Option<i64>, Option<i64>, Option<i64>, i64);
    let row: Option<Offer> = sqlx::query_as(
        "SELECT p.id, p.monthly_cents, p.annual_cents, p.once_cents, p.min_seats FROM products p \
         WHERE p.sku = $1 AND p.retired_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM product_addons a WHERE a.addon_id = p.id)",
    )
    .bind(sku.trim())
    .fetch_optional(db.pool())
    .await?;
    let Some((product_id, monthly, annual, once, min_seats)) = row else {
        return Ok(false);
    };
    let pricing = Pricing::from_columns(monthly, annual, once);
    let cycle = pricing.headline_cycle().unwrap_or(BillingCycle::Monthly);
    let price = pricing.unit_cents(cycle).unwrap_or_default();
    insert(
        db,
        user_id,
        product_id,
        None,
        (min_seats, cycle, price),
        now,
    )
    .await?;
    Ok(true)
}

/// Adds an add-on to one of the user's base lines, with the base line's users (within the
/// add-on's bounds) and cycle. False when the line or the add-on does not fit.
pub async fn add_addon(
    db: &Database,
    user_id: UserId,
    line_id: i64,
    sku: &str,
    now: i64,
) -> Result<bool, DbError> {
    // The add-on's id, prices and bounds; the base line's users and cycle.
    type Fit = (
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        i64,
        i64,
        i64,
        String,
    );
    let row: Option<Fit> = sqlx::query_as(
        "SELECT p.id, p.monthly_cents, p.annual_cents, p.once_cents, p.min_seats, p.max_seats, \
         l.seats, l.cycle FROM cart_lines l \
         JOIN product_addons a ON a.product_id = l.product_id \
         JOIN products p ON p.id = a.addon_id \
         WHERE l.id = $1 AND l.user_id = $2 AND l.parent_id IS NULL AND p.sku = $3 \
         AND p.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM cart_lines x \
           WHERE x.parent_id = l.id AND x.product_id = p.id)",
    )
    .bind(line_id)
    .bind(user_id)
    .bind(sku.trim())
    .fetch_optional(db.pool())
    .await?;
    let Some((addon_id, monthly, annual, once, min, max, seats, cycle)) = row else {
        return Ok(false);
    };
    let cycle = BillingCycle::parse(&cycle).ok_or(DbError::Corrupt("cart_lines.cycle"))?;
    let price = Pricing::from_columns(monthly, annual, once)
        .unit_cents(cycle)
        .unwrap_or_default();
    let line = (seats.clamp(min, max), cycle, price);
    insert(db, user_id, addon_id, Some(line_id), line, now).await?;
    Ok(true)
}

/// A new line: users, cycle and the unit price the reseller sees.
async fn insert(
    db: &Database,
    user_id: UserId,
    product_id: i64,
    parent_id: Option<i64>,
    (seats, cycle, price): (i64, BillingCycle, i64),
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO cart_lines (user_id, product_id, parent_id, seats, cycle, price_cents, \
         added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(user_id)
    .bind(product_id)
    .bind(parent_id)
    .bind(seats)
    .bind(cycle.as_str())
    .bind(price)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Saves a line's users and, for a base line, its cycle, which its add-ons follow. An
/// add-on never has more users than its base line: lowering the base lowers them too.
pub async fn save_line(
    db: &Database,
    user_id: UserId,
    line_id: i64,
    seats: u32,
    cycle: Option<BillingCycle>,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE cart_lines SET seats = $3 WHERE id = $1 AND user_id = $2")
        .bind(line_id)
        .bind(user_id)
        .bind(i64::from(seats))
        .execute(&mut *tx)
        .await?;
    if let Some(cycle) = cycle {
        sqlx::query(
            "UPDATE cart_lines SET cycle = $3 WHERE user_id = $2 AND (id = $1 OR parent_id = $1)",
        )
        .bind(line_id)
        .bind(user_id)
        .bind(cycle.as_str())
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "UPDATE cart_lines SET seats = $3 WHERE parent_id = $1 AND user_id = $2 AND seats > $3",
    )
    .bind(line_id)
    .bind(user_id)
    .bind(i64::from(seats))
    .execute(&mut *tx)
    .await?;
    // Saving takes the prices the page showed with the line.
    accept_prices(&mut tx, user_id, Some(line_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// The reseller confirms the catalogue's current prices for every line.
pub async fn confirm_prices(db: &Database, user_id: UserId) -> Result<(), DbError> {
    let mut conn = db.pool().acquire().await?;
    accept_prices(&mut conn, user_id, None).await
}

/// Sets the accepted unit price of the user's lines (of one line and its add-ons, or all) to
/// the catalogue's current one for the line's cycle.
async fn accept_prices(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    line_id: Option<i64>,
) -> Result<(), DbError> {
    // Line id, its base line, cycle, and the product's three prices.
    type Priced = (
        i64,
        Option<i64>,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    let lines: Vec<Priced> = sqlx::query_as(
        "SELECT l.id, l.parent_id, l.cycle, p.monthly_cents, p.annual_cents, p.once_cents \
         FROM cart_lines l JOIN products p ON p.id = l.product_id WHERE l.user_id = $1",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let concerned = |id: i64, parent: Option<i64>| {
        line_id.is_none_or(|line| id == line || parent == Some(line))
    };
    for (id, _, cycle, monthly, annual, once) in lines.into_iter().filter(|l| concerned(l.0, l.1)) {
        let cycle = BillingCycle::parse(&cycle).ok_or(DbError::Corrupt("cart_lines.cycle"))?;
        let Some(price) = Pricing::from_columns(monthly, annual, once).unit_cents(cycle) else {
            continue;
        };
        sqlx::query("UPDATE cart_lines SET price_cents = $2 WHERE id = $1")
            .bind(id)
            .bind(price)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Removes a line with its add-ons. False when the user has no such line.
pub async fn remove(db: &Database, user_id: UserId, line_id: i64) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM cart_lines WHERE parent_id = $1 AND user_id = $2")
        .bind(line_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let removed = sqlx::query("DELETE FROM cart_lines WHERE id = $1 AND user_id = $2")
        .bind(line_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(removed == 1)
}
