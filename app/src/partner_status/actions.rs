//! The server functions of "Microsoft-Kunden", for reseller users; every query takes the
//! reseller's id, so another reseller's customer id finds nothing (404).

use super::PartnerCustomers;
use crate::error::AppError;
use leptos::prelude::*;

/// The customers with a tenant and their partner status; `colour` (`green`, `orange`, `red`)
/// keeps only those of that colour.
#[server(endpoint = "partner-status/list")]
pub async fn load_partner_customers(
    #[server(default)] colour: String,
) -> Result<PartnerCustomers, AppError> {
    use crate::backend::{database, microsoft_partner, partner_status};
    let (_, reseller_id) = crate::auth::require_reseller()?;
    let db = database()?;
    let identity = microsoft_partner::find(&db, reseller_id).await?;
    let only = crate::domain::PartnerStatus::parse(&colour);
    Ok(PartnerCustomers {
        identity_missing: identity.location_mpn.is_none() || identity.microsoft_id.is_none(),
        customers: partner_status::customers(&db, reseller_id, only).await?,
    })
}

/// "Vertriebspartnerschaft überprüfen": asks the provider now. A provider that does not
/// answer leaves the last colour and records that the check failed.
#[server(endpoint = "partner-status/recheck")]
pub async fn recheck_partner(customer_id: i64) -> Result<(), AppError> {
    ssr::recheck(customer_id).await?;
    leptos_axum::redirect("/microsoft-customers");
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::backend::request::{not_found, provider, provider_unavailable, set_error_status};
    use crate::backend::{database, microsoft_partner, partner_status, unix_now};
    use crate::domain::{MicrosoftId, PartnerStatus};
    use axum::http::StatusCode;

    pub async fn recheck(customer_id: i64) -> Result<(), AppError> {
        let (_, reseller_id) = crate::auth::require_reseller()?;
        let db = database()?;
        let own = microsoft_partner::find(&db, reseller_id)
            .await?
            .microsoft_id
            .and_then(|id| MicrosoftId::parse(&id).ok())
            .ok_or_else(|| {
                set_error_status(StatusCode::UNPROCESSABLE_ENTITY);
                AppError::MicrosoftIdMissing
            })?;
        let domain = partner_status::domain(&db, reseller_id, customer_id)
            .await?
            .ok_or_else(not_found)?;
        let now = unix_now();
        match provider()?.indirect_resellers(&domain).await {
            Ok(linked) => {
                let status = PartnerStatus::of(&own, linked.iter().map(String::as_str));
                partner_status::record(&db, customer_id, Some(status), now).await?;
                Ok(())
            }
            Err(error) => {
                partner_status::record(&db, customer_id, None, now).await?;
                Err(provider_unavailable(error))
            }
        }
    }
}
