//! The catalogue in the database: the category tree, products with their prices and add-ons,
//! the staff's changes to them (`editing.rs`), and the demo catalogue (`examples.rs`) that the
//! embedded default seeds.

mod examples;
pub mod price_list;

use crate::catalog::{CatalogView, Category, Product, ProductSummary};
use crate::i18n::Locale;
use crate::platform::{Database, DbError};
use kontor_domain::Pricing;
use kontor_domain::ProductLink;

pub(crate) struct CategoryRow {
    pub(crate) id: i64,
    pub(crate) slug: String,
    pub(crate) parent_id: Option<i64>,
    pub(crate) name: String,
}

pub(crate) async fn categories(db: &Database, locale: Locale) -> Result<Vec<CategoryRow>, DbError> {
    let rows: Vec<(i64, String, Option<i64>, String, String)> = sqlx::query_as(
        "SELECT id, slug, parent_id, name_de, name_en FROM product_categories \
         ORDER BY position, id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, parent_id, de, en)| CategoryRow {
            id,
            slug,
            parent_id,
            name: if locale == Locale::En { en } else { de },
        })
        .collect())
}

/// The categories below `parent` (the top level for `None`), with theirs.
fn tree(rows: &[CategoryRow], parent: Option<i64>) -> Vec<Category> {
    rows.iter()
        .filter(|row| row.parent_id == parent)
        .map(|row| Category {
            slug: row.slug.clone(),
            name: row.name.clone(),
            children: tree(rows, Some(row.id)),
        })
        .collect()
}

/// The category and everything below it.
pub(crate) fn with_descendants(rows: &[CategoryRow], id: i64) -> Vec<i64> {
    let mut ids = vec![id];
    let mut index = 0;
    while let Some(&current) = ids.get(index) {
        ids.extend(
            rows.iter()
                .filter(|r| r.parent_id == Some(current))
                .map(|r| r.id),
        );
        index += 1;
    }
    ids
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProductRow {
    pub(crate) id: i64,
    pub(crate) sku: String,
    pub(crate) name: String,
    pub(crate) category_id: i64,
    pub(crate) description_de: String,
    pub(crate) description_en: String,
    pub(crate) monthly_cents: Option<i64>,
    pub(crate) annual_cents: Option<i64>,
    pub(crate) once_cents: Option<i64>,
    pub(crate) min_seats: i64,
    pub(crate) max_seats: i64,
    pub(crate) example_prices: i64,
    pub(crate) is_addon: i64,
    /// 1 while resellers are offered it.
    pub(crate) offered: i64,
}

pub(crate) const PRODUCT_COLUMNS: &str = "p.id, p.sku, p.name, p.category_id, p.description_de, \
    p.description_en, p.monthly_cents, p.annual_cents, p.once_cents, p.min_seats, p.max_seats, \
    p.example_prices, \
    CASE WHEN EXISTS (SELECT 1 FROM product_addons a WHERE a.addon_id = p.id) THEN 1 ELSE 0 END \
    AS is_addon, CASE WHEN p.retired_at IS NULL THEN 1 ELSE 0 END AS offered";

impl ProductRow {
    pub(crate) fn summary(&self, categories: &[CategoryRow]) -> ProductSummary {
        ProductSummary {
            sku: self.sku.clone(),
            name: self.name.clone(),
            category: categories
                .iter()
                .find(|c| c.id == self.category_id)
                .map_or(String::new(), |c| c.name.clone()),
            pricing: Pricing::from_columns(self.monthly_cents, self.annual_cents, self.once_cents),
            example_prices: self.example_prices == 1,
            is_addon: self.is_addon == 1,
        }
    }
}

/// The tree and the active products of the category `slug` (all for an empty slug) matching
/// `search`; `None` for a slug that is no category.
pub async fn browse(
    db: &Database,
    locale: Locale,
    slug: &str,
    search: &str,
) -> Result<Option<CatalogView>, DbError> {
    let rows = categories(db, locale).await?;
    let chosen = match slug.trim() {
        "" => None,
        slug => match rows.iter().find(|r| r.slug == slug) {
            Some(row) => Some(row),
            None => return Ok(None),
        },
    };
    let ids = chosen.map(|c| with_descendants(&rows, c.id));
    let in_categories = ids.as_ref().map_or(String::new(), |ids| {
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        format!(" AND p.category_id IN ({})", list.join(", "))
    });
    let products: Vec<ProductRow> = sqlx::query_as(&format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p \
         JOIN product_categories c ON c.id = p.category_id \
         WHERE p.retired_at IS NULL AND p.search_text LIKE '%' || $1 || '%' ESCAPE '\\'{in_categories} \
         ORDER BY c.position, p.position, p.id"
    ))
    .bind(kontor_db::like_needle(search))
    .fetch_all(db.pool())
    .await?;
    Ok(Some(CatalogView {
        categories: tree(&rows, None),
        category: chosen.map(|row| Category {
            slug: row.slug.clone(),
            name: row.name.clone(),
            children: tree(&rows, Some(row.id)),
        }),
        products: products.iter().map(|p| p.summary(&rows)).collect(),
    }))
}

async fn links(db: &Database, sql: &str, id: i64) -> Result<Vec<ProductLink>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(sql).bind(id).fetch_all(db.pool()).await?;
    Ok(rows
        .into_iter()
        .map(|(sku, name)| ProductLink { sku, name })
        .collect())
}

/// An active product by SKU.
pub async fn product(db: &Database, locale: Locale, sku: &str) -> Result<Option<Product>, DbError> {
    let row: Option<ProductRow> = sqlx::query_as(&format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.sku = $1 AND p.retired_at IS NULL"
    ))
    .bind(sku.trim())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let categories = categories(db, locale).await?;
    let mut path = Vec::new();
    let mut next = Some(row.category_id);
    while let Some(category) = next.and_then(|id| categories.iter().find(|c| c.id == id)) {
        path.insert(0, (category.slug.clone(), category.name.clone()));
        next = category.parent_id;
    }
    let addons = links(
        db,
        "SELECT p.sku, p.name FROM product_addons a JOIN products p ON p.id = a.addon_id \
         WHERE a.product_id = $1 AND p.retired_at IS NULL ORDER BY p.position, p.id",
        row.id,
    )
    .await?;
    let addon_of = links(
        db,
        "SELECT p.sku, p.name FROM product_addons a JOIN products p ON p.id = a.product_id \
         WHERE a.addon_id = $1 AND p.retired_at IS NULL ORDER BY p.position, p.id",
        row.id,
    )
    .await?;
    Ok(Some(Product {
        summary: row.summary(&categories),
        description: if locale == Locale::En {
            row.description_en.clone()
        } else {
            row.description_de.clone()
        },
        min_seats: seat_count(row.min_seats)?,
        max_seats: seat_count(row.max_seats)?,
        path,
        addons,
        addon_of,
        can_add_to_cart: false,
    }))
}

pub(crate) fn seat_count(n: i64) -> Result<u32, DbError> {
    u32::try_from(n).map_err(|_| DbError::Corrupt("products.seats"))
}

/// What the catalogue's search looks through: name, SKU and both descriptions, lower-cased.
pub(crate) fn search_text(
    name: &str,
    sku: &str,
    description_de: &str,
    description_en: &str,
) -> String {
    [name, sku, description_de, description_en]
        .join(" ")
        .to_lowercase()
}

/// Seeds the demo catalogue; what is there already stays as it is.
pub async fn seed_examples(db: &Database) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    for (position, (slug, parent, de, en)) in examples::CATEGORIES.iter().enumerate() {
        sqlx::query(
            "INSERT INTO product_categories (slug, parent_id, name_de, name_en, position) \
             VALUES ($1, (SELECT id FROM product_categories WHERE slug = $2), $3, $4, $5) \
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(slug)
        .bind(parent)
        .bind(de)
        .bind(en)
        .bind(position as i64)
        .execute(&mut *tx)
        .await?;
    }
    for (position, product) in examples::PRODUCTS.iter().enumerate() {
        let search = search_text(
            product.name,
            product.sku,
            product.description_de,
            product.description_en,
        );
        sqlx::query(
            "INSERT INTO products (sku, category_id, name, description_de, description_en, \
             monthly_cents, annual_cents, once_cents, min_seats, max_seats, example_prices, \
             search_text, position) \
             VALUES ($1, (SELECT id FROM product_categories WHERE slug = $2), $3, $4, $5, $6, \
             $7, $8, $9, $10, 1, $11, $12) ON CONFLICT (sku) DO NOTHING",
        )
        .bind(product.sku)
        .bind(product.category)
        .bind(product.name)
        .bind(product.description_de)
        .bind(product.description_en)
        .bind(product.monthly)
        .bind(product.annual)
        .bind(product.once)
        .bind(product.seats.0)
        .bind(product.seats.1)
        .bind(search)
        .bind(position as i64)
        .execute(&mut *tx)
        .await?;
    }
    for product in &examples::PRODUCTS {
        for base in product.addon_of {
            sqlx::query(
                "INSERT INTO product_addons (product_id, addon_id) \
                 SELECT b.id, a.id FROM products b, products a WHERE b.sku = $1 AND a.sku = $2 \
                 ON CONFLICT (product_id, addon_id) DO NOTHING",
            )
            .bind(base)
            .bind(product.sku)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, parent_id: Option<i64>) -> CategoryRow {
        CategoryRow {
            id,
            slug: format!("c{id}"),
            parent_id,
            name: format!("C{id}"),
        }
    }

    #[test]
    fn a_category_includes_everything_below_it() {
        let rows = [row(1, None), row(2, Some(1)), row(3, Some(2)), row(4, None)];
        assert_eq!(with_descendants(&rows, 1), vec![1, 2, 3]);
        assert_eq!(with_descendants(&rows, 4), vec![4]);
        let tree = tree(&rows, None);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children[0].children[0].slug, "c3");
    }

    #[test]
    fn every_example_addon_names_known_products() {
        for product in &examples::PRODUCTS {
            assert!(examples::CATEGORIES.iter().any(|c| c.0 == product.category));
            for base in product.addon_of {
                assert!(examples::PRODUCTS.iter().any(|p| p.sku == *base), "{base}");
            }
            assert!(product.seats.0 >= 1 && product.seats.0 <= product.seats.1);
        }
    }
}
