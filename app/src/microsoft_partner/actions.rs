//! The server functions of "Microsoft MPN + MPA", for reseller users; each reads and writes
//! only the reseller's own row.

use super::form::{MicrosoftPartnerField, MicrosoftPartnerForm};
use super::MicrosoftPartner;
use crate::error::{AppError, FormError};
use leptos::prelude::*;

/// What is stored, and the form: as this browser last had it refused (JavaScript off), or
/// else the stored values.
#[server(endpoint = "microsoft-partner/load")]
pub async fn load_microsoft_partner() -> Result<(MicrosoftPartner, MicrosoftPartnerForm), AppError>
{
    use crate::platform::form_memory::recall_refused;
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    let stored = crate::microsoft_partner::server::find(&db, scope).await?;
    let form = recall_refused(ssr::FORM_NAME)
        .await
        .unwrap_or_else(|| MicrosoftPartnerForm {
            location_mpn: stored.location_mpn.clone().unwrap_or_default(),
            microsoft_id: stored.microsoft_id.clone().unwrap_or_default(),
        });
    Ok((stored, form))
}

#[server(endpoint = "microsoft-partner/save")]
pub async fn save_microsoft_partner(
    form: MicrosoftPartnerForm,
) -> Result<(), FormError<MicrosoftPartnerField>> {
    let result = ssr::save(&form).await;
    crate::platform::form_memory::settle(&result, ssr::FORM_NAME, &form, ssr::SAVED).await;
    result
}

/// "MPA prüfen": asks the provider about the stored MPN and keeps its answer.
#[server(endpoint = "microsoft-partner/check-mpa")]
pub async fn check_mpa() -> Result<(), AppError> {
    ssr::check_mpa().await?;
    leptos_axum::redirect(ssr::PATH);
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::parse_microsoft_partner;
    use super::super::MpaAnswer;
    use super::*;
    use crate::microsoft_partner::server as microsoft_partner;
    use crate::platform::database;
    use crate::platform::provider::{problem, ProviderError};
    use crate::platform::request::{provider, provider_failed};
    use crate::platform::unix_now;

    pub const FORM_NAME: &str = "microsoft-partner";
    /// Where the page lives.
    pub const PATH: &str = "/settings/microsoft";
    /// Where a save leads: the page, saying it saved.
    pub const SAVED: &str = "/settings/microsoft?saved";

    pub async fn save(form: &MicrosoftPartnerForm) -> Result<(), FormError<MicrosoftPartnerField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let (mpn, id) = parse_microsoft_partner(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let actor = crate::audit::server::Actor::user(user);
        microsoft_partner::save(&db, scope, &actor, &mpn, &id, unix_now()).await?;
        tracing::info!(
            reseller_id = %scope.reseller(),
            by = %user.user_id,
            "Microsoft partner identity saved"
        );
        Ok(())
    }

    pub async fn check_mpa() -> Result<(), AppError> {
        let scope = &crate::auth::require_reseller()?;
        let db = database()?;
        let mpn = microsoft_partner::find(&db, scope)
            .await?
            .location_mpn
            .ok_or(AppError::MpnMissing)?;
        // The partner first (`/v1/profiles/mpn`), then its agreement: a refusal of either is
        // the answer to show.
        let provider = provider()?;
        let checked = match provider.mpn_profile(&mpn).await {
            Ok(profile) => {
                provider
                    .partner_agreement_signed(&mpn)
                    .await
                    .map(|signed| match signed {
                        true => MpaAnswer::Accepted {
                            partner_name: Some(profile.partner_name),
                        },
                        false => MpaAnswer::NotAccepted,
                    })
            }
            Err(error) => Err(error),
        };
        let answer = match checked {
            Ok(answer) => answer,
            Err(ProviderError::Refused(refusal)) => MpaAnswer::Refused(problem(&refusal)),
            Err(error) => return Err(provider_failed(error)),
        };
        microsoft_partner::record_mpa(&db, scope, &mpn, &answer, unix_now()).await?;
        Ok(())
    }
}
