//! The server functions that keep the catalogue, for distributor staff.

use super::form::{CategoryField, CategoryForm, ProductField, ProductForm};
use super::{CategoryEntry, ProductEditor, ProductList};
use crate::error::{AppError, FormError};
use leptos::prelude::*;

/// The category tree, a page of the products matching `search`, and the new-category form as
/// this browser last had it refused (JavaScript off).
#[server(endpoint = "admin/catalog")]
pub async fn admin_catalog(
    search: String,
    page: u32,
) -> Result<(Vec<CategoryEntry>, ProductList, CategoryForm), AppError> {
    use crate::catalog_admin::server as editing;
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let locale = crate::i18n::current_locale();
    let categories = editing::category_list(&db, locale).await?;
    let products = editing::product_list(&db, locale, &search, page).await?;
    let kept =
        crate::platform::form_memory::recall_refused::<CategoryForm>(ssr::NEW_CATEGORY).await;
    Ok((categories, products, kept.unwrap_or_default()))
}

/// A product's form (`sku`), or a new product's: as this browser last had it refused, else
/// as stored, else empty and offered.
#[server(endpoint = "admin/catalog-product")]
pub async fn admin_catalog_product(sku: Option<String>) -> Result<ProductEditor, AppError> {
    use crate::catalog_admin::server as editing;
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let categories = editing::category_list(&db, crate::i18n::current_locale()).await?;
    let (form, in_carts) = match sku {
        Some(sku) => {
            let stored = editing::product_form(&db, &sku)
                .await?
                .ok_or(crate::error::AppError::NotFound)?;
            let kept =
                crate::platform::form_memory::recall_refused::<ProductForm>(ssr::EDIT_PRODUCT)
                    .await
                    .filter(|kept| kept.sku == sku);
            (
                kept.unwrap_or(stored),
                editing::carts_with(&db, &sku).await?,
            )
        }
        None => {
            let kept = crate::platform::form_memory::recall_refused(ssr::NEW_PRODUCT).await;
            let new = ProductForm {
                min_seats: "1".into(),
                max_seats: "300".into(),
                offered: "on".into(),
                ..ProductForm::default()
            };
            (kept.unwrap_or(new), 0)
        }
    };
    Ok(ProductEditor {
        form,
        categories,
        in_carts,
    })
}

#[server(endpoint = "admin/add-product")]
pub async fn add_product(form: ProductForm) -> Result<(), FormError<ProductField>> {
    let result = ssr::save_product(&form, false).await;
    crate::platform::form_memory::settle(&result, ssr::NEW_PRODUCT, &form, &ssr::listed(&form.sku))
        .await;
    result
}

/// Changes the product with the form's SKU (which is fixed).
#[server(endpoint = "admin/change-product")]
pub async fn change_product(form: ProductForm) -> Result<(), FormError<ProductField>> {
    let result = ssr::save_product(&form, true).await;
    crate::platform::form_memory::settle(
        &result,
        ssr::EDIT_PRODUCT,
        &form,
        &ssr::listed(&form.sku),
    )
    .await;
    result
}

/// A category's form with the tree to choose its place in: as this browser last had it
/// refused, else as stored.
#[server(endpoint = "admin/catalog-category")]
pub async fn admin_catalog_category(
    slug: String,
) -> Result<(CategoryForm, Vec<CategoryEntry>), AppError> {
    use crate::catalog_admin::server as editing;
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let stored = editing::category_form(&db, &slug)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let kept = crate::platform::form_memory::recall_refused::<CategoryForm>(ssr::EDIT_CATEGORY)
        .await
        .filter(|kept| kept.slug == slug);
    let categories = editing::category_list(&db, crate::i18n::current_locale()).await?;
    Ok((kept.unwrap_or(stored), categories))
}

#[server(endpoint = "admin/add-category")]
pub async fn add_category(form: CategoryForm) -> Result<(), FormError<CategoryField>> {
    let result = ssr::save_category(&form, false).await;
    crate::platform::form_memory::settle(&result, ssr::NEW_CATEGORY, &form, ssr::LIST).await;
    result
}

/// Changes the names and the place of the category with the form's slug (which is fixed).
#[server(endpoint = "admin/change-category")]
pub async fn change_category(form: CategoryForm) -> Result<(), FormError<CategoryField>> {
    let result = ssr::save_category(&form, true).await;
    crate::platform::form_memory::settle(&result, ssr::EDIT_CATEGORY, &form, ssr::LIST).await;
    result
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::{parse_category, parse_product};
    use super::*;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::catalog_admin::server::{self as editing, SaveError};
    use crate::platform::{database, unix_now};

    pub const NEW_PRODUCT: &str = "product-new";
    pub const EDIT_PRODUCT: &str = "product-edit";
    pub const NEW_CATEGORY: &str = "category-new";
    pub const EDIT_CATEGORY: &str = "category-edit";
    pub const LIST: &str = "/admin/catalog";

    /// The list searched for the product just saved, which shows it whatever page it is on.
    pub fn listed(sku: &str) -> String {
        format!("{LIST}?q={}", crate::ui::url::query_value(sku.trim()))
    }

    impl<F> From<SaveError<F>> for FormError<F> {
        fn from(error: SaveError<F>) -> Self {
            match error {
                SaveError::Invalid(errors) => FormError::Invalid(errors),
                SaveError::NotFound => crate::error::AppError::NotFound.into(),
                SaveError::Database(error) => FormError::Failed(error.into()),
            }
        }
    }

    pub async fn save_product(
        form: &ProductForm,
        existing: bool,
    ) -> Result<(), FormError<ProductField>> {
        let staff = crate::auth::require_staff()?;
        let draft = parse_product(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await?;
        let before = editing::save_product(&mut tx, &draft, existing, now).await?;
        let (sku, name) = (draft.sku.clone(), draft.name.clone());
        let action = match before {
            None => AuditAction::ProductAdded { sku, name },
            Some(before) => AuditAction::ProductChanged {
                sku,
                name,
                prices: (before.pricing != draft.pricing)
                    .then_some((before.pricing, draft.pricing)),
                offered: (before.offered != draft.offered).then_some(draft.offered),
            },
        };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, now).await?;
        tx.commit().await?;
        tracing::info!(sku = %draft.sku, by = %staff.user_id, "product saved");
        Ok(())
    }

    pub async fn save_category(
        form: &CategoryForm,
        existing: bool,
    ) -> Result<(), FormError<CategoryField>> {
        let staff = crate::auth::require_staff()?;
        let draft = parse_category(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let mut tx = db.begin().await?;
        editing::save_category(&mut tx, &draft, existing).await?;
        let (slug, name) = (draft.slug.clone(), draft.name_de.clone());
        let action = if existing {
            AuditAction::CategoryChanged { slug, name }
        } else {
            AuditAction::CategoryAdded { slug, name }
        };
        audit::record_portal(&mut tx, &Actor::user(&staff), &action, unix_now()).await?;
        tx.commit().await?;
        Ok(())
    }
}
