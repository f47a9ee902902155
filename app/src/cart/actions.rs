//! The cart's server functions: for reseller users, each on the user's own cart.

use super::form::{HeaderField, HeaderForm, LineField, LineForm};
use super::CartView;
use crate::error::{AppError, FormError};
use leptos::prelude::*;

#[server(endpoint = "cart/load")]
pub async fn load_cart() -> Result<CartView, AppError> {
    use crate::cart::server as cart;
    use crate::platform::{database, form_memory::recall_refused};
    let scope = &crate::auth::require_reseller()?;
    let user = scope.user();
    let db = database()?;
    let lines = cart::lines(&db, user.user_id).await?;
    let saved = cart::header(&db, user.user_id).await?;
    let customers = cart::customer_choices(&db, scope).await?;
    let checkout = super::CheckoutView {
        key: cart::order_key(&db, user.user_id, crate::platform::unix_now()).await?,
        digest: cart::digest(&saved, &lines),
        ready: !saved.order_name.trim().is_empty() && !saved.customer.is_empty(),
        order_name: saved.order_name.clone(),
        customer_name: customers
            .iter()
            .find(|c| c.id.to_string() == saved.customer)
            .map(|c| c.name.clone()),
    };
    let header = recall_refused(ssr::HEADER_FORM).await.unwrap_or(saved);
    Ok(CartView {
        header,
        customers,
        totals: cart::totals(&lines),
        lines,
        checkout,
    })
}

/// "In den Warenkorb": the product with its fewest users, billed monthly where offered.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(sku: String) -> Result<(), AppError> {
    let scope = crate::auth::require_reseller()?;
    let user = scope.user();
    let db = crate::platform::database()?;
    let now = crate::platform::unix_now();
    if !crate::cart::server::add(&db, user.user_id, &sku, now).await? {
        return Err(crate::error::AppError::NotFound);
    }
    leptos_axum::redirect("/cart");
    Ok(())
}

/// Books an add-on with one of the cart's lines.
#[server(endpoint = "cart/add-addon")]
pub async fn add_addon(line_id: i64, sku: String) -> Result<(), AppError> {
    let scope = crate::auth::require_reseller()?;
    let user = scope.user();
    let db = crate::platform::database()?;
    let now = crate::platform::unix_now();
    if !crate::cart::server::add_addon(&db, user.user_id, line_id, &sku, now).await? {
        return Err(crate::error::AppError::NotFound);
    }
    leptos_axum::redirect("/cart");
    Ok(())
}

#[server(endpoint = "cart/remove")]
pub async fn remove_line(line_id: i64) -> Result<(), AppError> {
    let scope = crate::auth::require_reseller()?;
    let user = scope.user();
    let db = crate::platform::database()?;
    if !crate::cart::server::remove(&db, user.user_id, line_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    leptos_axum::redirect("/cart");
    Ok(())
}

/// The reseller has seen the catalogue's changed prices and takes them.
#[server(endpoint = "cart/confirm-prices")]
pub async fn confirm_prices() -> Result<(), AppError> {
    let scope = crate::auth::require_reseller()?;
    let user = scope.user();
    let db = crate::platform::database()?;
    crate::cart::server::confirm_prices(&db, user.user_id).await?;
    leptos_axum::redirect("/cart");
    Ok(())
}

/// The order's name and customer; only a customer that may be ordered for is taken.
#[server(endpoint = "cart/header")]
pub async fn save_cart_header(form: HeaderForm) -> Result<(), FormError<HeaderField>> {
    let result = ssr::save_header(&form).await;
    ssr::answer(&result, ssr::HEADER_FORM, &form).await;
    result
}

/// A line's users and billing cycle.
#[server(endpoint = "cart/line")]
pub async fn save_line(line_id: i64, form: LineForm) -> Result<(), FormError<LineField>> {
    let result = ssr::save_line(line_id, &form).await;
    ssr::answer(&result, &format!("{}{line_id}", ssr::LINE_FORM), &form).await;
    result
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::{parse_header, parse_line};
    use super::*;
    use crate::cart::server as cart;
    use crate::platform::{database, unix_now};

    pub const HEADER_FORM: &str = "cart-header";
    pub const LINE_FORM: &str = "cart-line:";

    /// A refused form is kept for the page (JavaScript off) and answered with 422; a saved
    /// one goes back to the cart.
    pub async fn answer<F, T: serde::Serialize>(
        result: &Result<(), FormError<F>>,
        name: &str,
        form: &T,
    ) {
        match result {
            Ok(()) => leptos_axum::redirect("/cart"),
            Err(error) => crate::platform::form_memory::keep_refused(error, name, form).await,
        }
    }

    pub async fn save_header(form: &HeaderForm) -> Result<(), FormError<HeaderField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let db = database()?;
        let customers = cart::customer_choices(&db, scope).await?;
        let (name, customer_id) = parse_header(form, &customers).map_err(FormError::Invalid)?;
        cart::save_header(&db, user.user_id, &name, customer_id, unix_now()).await?;
        Ok(())
    }

    pub async fn save_line(line_id: i64, form: &LineForm) -> Result<(), FormError<LineField>> {
        let scope = crate::auth::require_reseller()?;
        let user = scope.user();
        let db = database()?;
        let lines = cart::lines(&db, user.user_id).await?;
        let Some(line) = lines.iter().find(|l| l.id == line_id) else {
            return Err(crate::error::AppError::NotFound.into());
        };
        let (seats, cycle) = parse_line(form, &line.bounds).map_err(FormError::Invalid)?;
        cart::save_line(&db, user.user_id, line_id, seats, cycle).await?;
        Ok(())
    }
}
