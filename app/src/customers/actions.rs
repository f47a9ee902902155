//! The customers' server functions. Each starts with `require_reseller()` and passes the
//! reseller's id to every query.

use super::form::{CustomerField, CustomerForm};
use super::{Customer, CustomerList};
use crate::error::{AppError, FormError};
use kontor_domain::CustomerId;
use leptos::prelude::*;

#[server(endpoint = "customers/list")]
pub async fn list_customers(search: String, page: u32) -> Result<CustomerList, AppError> {
    let scope = &crate::auth::require_reseller()?;
    use crate::customers::server::{list, CustomerFilter};
    let db = crate::platform::database()?;
    Ok(list(&db, scope, &search, CustomerFilter::All, page).await?)
}

#[server(endpoint = "customers/get")]
pub async fn find_customer(id: CustomerId) -> Result<Customer, AppError> {
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    crate::customers::server::find(&db, scope, id)
        .await?
        .ok_or(crate::error::AppError::NotFound)
}

/// Creates a customer (`id` empty) or changes one, then shows it. A refused form comes back
/// with every field's error; without JavaScript it is kept for the form page.
#[server(endpoint = "customers/save")]
pub async fn save_customer(
    id: Option<CustomerId>,
    form: CustomerForm,
) -> Result<(), FormError<CustomerField>> {
    use crate::platform::form_memory::keep_refused;
    let result = ssr::save(id, &form).await;
    match &result {
        Ok(saved_id) => leptos_axum::redirect(&format!("/customers/{saved_id}")),
        Err(error) => keep_refused(error, &ssr::form_name(id), &form).await,
    }
    result.map(|_| ())
}

/// The customer form as this browser last had it refused (JavaScript off).
#[server(endpoint = "customers/draft")]
pub async fn customer_draft(id: Option<CustomerId>) -> Result<Option<CustomerForm>, AppError> {
    use crate::platform::form_memory::recall_refused;
    crate::auth::require_reseller()?;
    Ok(recall_refused(&ssr::form_name(id)).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::parse_customer;
    use super::*;
    use crate::customers::server as customers;
    use crate::platform::{database, unix_now};

    pub fn form_name(id: Option<CustomerId>) -> String {
        match id {
            Some(id) => format!("customer:{id}"),
            None => "customer:new".to_owned(),
        }
    }

    pub async fn save(
        id: Option<CustomerId>,
        form: &CustomerForm,
    ) -> Result<CustomerId, FormError<CustomerField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let details = parse_customer(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let now = unix_now();
        match id {
            None => {
                let mut conn = db.pool().acquire().await?;
                let id = customers::create(&mut conn, scope, &details, now).await?;
                tracing::info!(
                    customer_id = %id,
                    reseller_id = %scope.reseller(),
                    by = %user.user_id,
                    "customer created"
                );
                Ok(id)
            }
            Some(id) => {
                if !customers::update(&db, scope, id, &details, now).await? {
                    return Err(crate::error::AppError::NotFound.into());
                }
                tracing::info!(
                    customer_id = %id,
                    reseller_id = %scope.reseller(),
                    by = %user.user_id,
                    "customer changed"
                );
                Ok(id)
            }
        }
    }
}
