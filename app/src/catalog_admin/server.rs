//! Keeping the catalogue: the staff's lists, and saving a product or a category after the
//! checks only the catalogue can make (is the SKU free, do the base products exist and are
//! they no add-ons themselves, does a category stay out of its own subtree).

use crate::catalog::server::{
    categories, search_text, seat_count, with_descendants, CategoryRow, ProductRow, PRODUCT_COLUMNS,
};
use crate::catalog_admin::{
    CategoryDraft, CategoryEntry, CategoryField, CategoryForm, ProductDraft, ProductEntry,
    ProductField, ProductForm, ProductList,
};
use crate::i18n::Locale;
use crate::platform::{Database, DbError};
use kontor_db::{one_at_a_time, Exclusive};
use kontor_domain::{german_amount, FieldError, FieldErrors, Pricing};
use sqlx::AnyConnection;

const PAGE_SIZE: i64 = 50;

/// Why nothing was saved.
#[derive(Debug)]
pub enum SaveError<F> {
    Invalid(FieldErrors<F>),
    /// The product or category to change does not exist.
    NotFound,
    Database(DbError),
}

impl<F> From<DbError> for SaveError<F> {
    fn from(error: DbError) -> Self {
        SaveError::Database(error)
    }
}

impl<F> From<sqlx::Error> for SaveError<F> {
    fn from(error: sqlx::Error) -> Self {
        SaveError::Database(error.into())
    }
}

/// The tree in order, each category followed by those below it.
pub async fn category_list(db: &Database, locale: Locale) -> Result<Vec<CategoryEntry>, DbError> {
    let rows = categories(db, locale).await?;
    let counts: Vec<(i64, i64)> =
        sqlx::query_as("SELECT category_id, COUNT(*) FROM products GROUP BY category_id")
            .fetch_all(db.pool())
            .await?;
    fn walk(
        rows: &[CategoryRow],
        counts: &[(i64, i64)],
        parent: Option<i64>,
        depth: u32,
        out: &mut Vec<CategoryEntry>,
    ) {
        for row in rows.iter().filter(|r| r.parent_id == parent) {
            out.push(CategoryEntry {
                slug: row.slug.clone(),
                name: row.name.clone(),
                depth,
                products: counts
                    .iter()
                    .find(|(id, _)| *id == row.id)
                    .map_or(0, |(_, n)| *n),
            });
            walk(rows, counts, Some(row.id), depth + 1, out);
        }
    }
    let mut entries = Vec::with_capacity(rows.len());
    walk(&rows, &counts, None, 0, &mut entries);
    Ok(entries)
}

/// Every product, offered or not, whose name, SKU or description contains `search`.
pub async fn product_list(
    db: &Database,
    locale: Locale,
    search: &str,
    page: u32,
) -> Result<ProductList, DbError> {
    let pattern = kontor_db::like_needle(search);
    let (total,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM products WHERE search_text LIKE '%' || $1 || '%' ESCAPE '\\'",
    )
    .bind(&pattern)
    .fetch_one(db.pool())
    .await?;
    let page = page.max(1);
    let rows: Vec<ProductRow> = sqlx::query_as(&format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p \
         JOIN product_categories c ON c.id = p.category_id \
         WHERE p.search_text LIKE '%' || $1 || '%' ESCAPE '\\' \
         ORDER BY c.position, p.position, p.id LIMIT $2 OFFSET $3"
    ))
    .bind(&pattern)
    .bind(PAGE_SIZE)
    .bind((i64::from(page) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    let categories = categories(db, locale).await?;
    let products = rows
        .iter()
        .map(|row| {
            let summary = row.summary(&categories);
            Ok(ProductEntry {
                sku: summary.sku,
                name: summary.name,
                category: summary.category,
                pricing: summary.pricing,
                min_seats: seat_count(row.min_seats)?,
                max_seats: seat_count(row.max_seats)?,
                offered: row.offered == 1,
                is_addon: summary.is_addon,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(ProductList {
        products,
        page,
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total,
    })
}

/// A product as its form shows it, prices German style.
pub async fn product_form(db: &Database, sku: &str) -> Result<Option<ProductForm>, DbError> {
    let row: Option<ProductRow> = sqlx::query_as(&format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.sku = $1"
    ))
    .bind(sku)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let category: (String,) = sqlx::query_as("SELECT slug FROM product_categories WHERE id = $1")
        .bind(row.category_id)
        .fetch_one(db.pool())
        .await?;
    let bases: Vec<(String,)> = sqlx::query_as(
        "SELECT p.sku FROM product_addons a JOIN products p ON p.id = a.product_id \
         WHERE a.addon_id = $1 ORDER BY p.position, p.id",
    )
    .bind(row.id)
    .fetch_all(db.pool())
    .await?;
    let amount = |cents: Option<i64>| cents.map(german_amount).unwrap_or_default();
    let ticked = |on: bool| if on { "on" } else { "" }.to_owned();
    let bases: Vec<String> = bases.into_iter().map(|(sku,)| sku).collect();
    Ok(Some(ProductForm {
        category: category.0,
        description_de: row.description_de,
        description_en: row.description_en,
        monthly: amount(row.monthly_cents),
        annual: amount(row.annual_cents),
        once: amount(row.once_cents),
        min_seats: row.min_seats.to_string(),
        max_seats: row.max_seats.to_string(),
        addon_of: bases.join(", "),
        offered: ticked(row.offered == 1),
        example_prices: ticked(row.example_prices == 1),
        sku: row.sku,
        name: row.name,
    }))
}

/// How many carts hold the product now.
pub async fn carts_with(db: &Database, sku: &str) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(DISTINCT l.user_id) FROM cart_lines l \
         JOIN products p ON p.id = l.product_id WHERE p.sku = $1",
    )
    .bind(sku)
    .fetch_one(db.pool())
    .await?;
    Ok(n)
}

/// What a product was before a change: for the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    pub pricing: Pricing,
    pub offered: bool,
}

/// Adds the product (`existing` false) or changes the one with the draft's SKU. Returns the
/// terms it had before a change.
pub async fn save_product(
    conn: &mut AnyConnection,
    draft: &ProductDraft,
    existing: bool,
    now: i64,
) -> Result<Option<Terms>, SaveError<ProductField>> {
    use ProductField as F;
    let mut errors: FieldErrors<ProductField> = Vec::new();
    let category: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM product_categories WHERE slug = $1")
            .bind(&draft.category)
            .fetch_optional(&mut *conn)
            .await?;
    if category.is_none() {
        errors.push((F::Category, FieldError::UnknownChoice));
    }
    type Current = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);
    let current: Option<Current> = sqlx::query_as(
        "SELECT id, monthly_cents, annual_cents, once_cents, retired_at FROM products \
         WHERE sku = $1",
    )
    .bind(&draft.sku)
    .fetch_optional(&mut *conn)
    .await?;
    match (existing, &current) {
        (true, None) => return Err(SaveError::NotFound),
        (false, Some(_)) => errors.push((F::Sku, FieldError::SkuTaken)),
        _ => {}
    }
    let id = current.map(|c| c.0);
    let bases = addon_bases(conn, draft, id, &mut errors).await?;
    let Some((category_id,)) = category.filter(|_| errors.is_empty()) else {
        return Err(SaveError::Invalid(errors));
    };
    let before = current.map(|(_, monthly, annual, once, retired)| Terms {
        pricing: Pricing::from_columns(monthly, annual, once),
        offered: retired.is_none(),
    });
    let (monthly, annual, once) = draft.pricing.columns();
    let search = search_text(
        &draft.name,
        &draft.sku,
        &draft.description_de,
        &draft.description_en,
    );
    // Both statements take the same parameters. Two staff adding the same SKU at once: the
    // second finds it taken.
    let statement = if id.is_some() {
        "UPDATE products SET category_id = $2, name = $3, description_de = $4, \
           description_en = $5, monthly_cents = $6, annual_cents = $7, once_cents = $8, \
           min_seats = $9, max_seats = $10, example_prices = $11, search_text = $12, \
           retired_at = CASE WHEN $13 = 1 THEN NULL ELSE COALESCE(retired_at, $14) END \
         WHERE sku = $1 RETURNING id"
    } else {
        "INSERT INTO products (sku, category_id, name, description_de, description_en, \
           monthly_cents, annual_cents, once_cents, min_seats, max_seats, example_prices, \
           search_text, retired_at, position) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
           CASE WHEN $13 = 1 THEN NULL ELSE $14 END, \
           (SELECT COALESCE(MAX(position), 0) + 1 FROM products)) \
         ON CONFLICT (sku) DO NOTHING RETURNING id"
    };
    let saved: Option<(i64,)> = sqlx::query_as(statement)
        .bind(&draft.sku)
        .bind(category_id)
        .bind(&draft.name)
        .bind(&draft.description_de)
        .bind(&draft.description_en)
        .bind(monthly)
        .bind(annual)
        .bind(once)
        .bind(i64::from(draft.min_seats))
        .bind(i64::from(draft.max_seats))
        .bind(i64::from(draft.example_prices))
        .bind(&search)
        .bind(i64::from(draft.offered))
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
    let (id,) = saved.ok_or_else(|| SaveError::Invalid(vec![(F::Sku, FieldError::SkuTaken)]))?;
    sqlx::query("DELETE FROM product_addons WHERE addon_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for base in bases {
        sqlx::query("INSERT INTO product_addons (product_id, addon_id) VALUES ($1, $2)")
            .bind(base)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(before)
}

/// The ids of the products the draft is an add-on to. An add-on is booked with a base
/// product, never with another add-on, so neither may a base be an add-on nor may a product
/// with add-ons of its own become one.
async fn addon_bases(
    conn: &mut AnyConnection,
    draft: &ProductDraft,
    id: Option<i64>,
    errors: &mut FieldErrors<ProductField>,
) -> Result<Vec<i64>, DbError> {
    let (mut ids, mut unknown, mut addons) = (Vec::new(), Vec::new(), Vec::new());
    for sku in &draft.addon_of {
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT p.id, CASE WHEN EXISTS (SELECT 1 FROM product_addons a \
               WHERE a.addon_id = p.id) THEN 1 ELSE 0 END FROM products p WHERE p.sku = $1",
        )
        .bind(sku)
        .fetch_optional(&mut *conn)
        .await?;
        match found {
            None => unknown.push(sku.clone()),
            Some((_, 1)) => addons.push(sku.clone()),
            Some((base, _)) => ids.push(base),
        }
    }
    if !unknown.is_empty() {
        errors.push((ProductField::AddonOf, FieldError::UnknownProducts(unknown)));
    } else if !addons.is_empty() {
        errors.push((ProductField::AddonOf, FieldError::AddonOfAddon(addons)));
    } else if let Some(id) = id.filter(|_| !ids.is_empty()) {
        let (has_addons,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM product_addons WHERE product_id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        if has_addons > 0 {
            errors.push((ProductField::AddonOf, FieldError::AddonWithAddons));
        }
    }
    Ok(ids)
}

/// A category as its form shows it.
pub async fn category_form(db: &Database, slug: &str) -> Result<Option<CategoryForm>, DbError> {
    let row: Option<(String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT c.slug, p.slug, c.name_de, c.name_en FROM product_categories c \
         LEFT JOIN product_categories p ON p.id = c.parent_id WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(slug, parent, name_de, name_en)| CategoryForm {
        slug,
        parent: parent.unwrap_or_default(),
        name_de,
        name_en,
    }))
}

/// Adds the category (`existing` false, at the end of its level) or changes the names and
/// the place of the one with the draft's slug.
pub async fn save_category(
    conn: &mut AnyConnection,
    draft: &CategoryDraft,
    existing: bool,
) -> Result<(), SaveError<CategoryField>> {
    use CategoryField as F;
    // The cycle check reads the whole tree: a second move at the same moment waits for it.
    one_at_a_time(conn, Exclusive::CategoryTree).await?;
    let rows: Vec<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT id, slug, parent_id FROM product_categories")
            .fetch_all(&mut *conn)
            .await?;
    let id_of = |slug: &str| rows.iter().find(|r| r.1 == slug).map(|r| r.0);
    let parent = match &draft.parent {
        None => None,
        Some(slug) => match id_of(slug) {
            Some(id) => Some(id),
            None => {
                return Err(SaveError::Invalid(vec![(
                    F::Parent,
                    FieldError::UnknownChoice,
                )]))
            }
        },
    };
    let Some(id) = id_of(&draft.slug).filter(|_| existing) else {
        if existing {
            return Err(SaveError::NotFound);
        }
        let added = sqlx::query(
            "INSERT INTO product_categories (slug, parent_id, name_de, name_en, position) \
             VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 \
               FROM product_categories)) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&draft.slug)
        .bind(parent)
        .bind(&draft.name_de)
        .bind(&draft.name_en)
        .execute(&mut *conn)
        .await?;
        return match added.rows_affected() {
            1 => Ok(()),
            _ => Err(SaveError::Invalid(vec![(F::Slug, FieldError::SlugTaken)])),
        };
    };
    let tree: Vec<CategoryRow> = rows
        .iter()
        .map(|(id, slug, parent_id)| CategoryRow {
            id: *id,
            slug: slug.clone(),
            parent_id: *parent_id,
            name: String::new(),
        })
        .collect();
    if parent.is_some_and(|p| with_descendants(&tree, id).contains(&p)) {
        return Err(SaveError::Invalid(vec![(
            F::Parent,
            FieldError::CategoryCycle,
        )]));
    }
    sqlx::query(
        "UPDATE product_categories SET parent_id = $2, name_de = $3, name_en = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(parent)
    .bind(&draft.name_de)
    .bind(&draft.name_en)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
