//! The catalogue's server functions: any logged-in user may look (resellers order from it,
//! the distributor's staff maintain it).

use super::{CatalogView, Product};
use crate::error::AppError;
use leptos::prelude::*;

/// The category tree and the active products of `category` (with its subcategories; all when
/// empty) whose name, SKU or description contains `search`.
#[server(endpoint = "catalog/browse")]
pub async fn browse_catalog(category: String, search: String) -> Result<CatalogView, AppError> {
    crate::auth::require_user()?;
    let db = crate::platform::database()?;
    let locale = crate::i18n::current_locale();
    let view = crate::catalog::server::browse(&db, locale, &category, &search).await?;
    view.ok_or(crate::error::AppError::NotFound)
}

#[server(endpoint = "catalog/product")]
pub async fn find_product(sku: String) -> Result<Product, AppError> {
    let user = crate::auth::require_user()?;
    let db = crate::platform::database()?;
    let locale = crate::i18n::current_locale();
    let mut product = crate::catalog::server::product(&db, locale, &sku)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    product.can_add_to_cart = user.reseller_id.is_some() && !product.summary.is_addon;
    Ok(product)
}
