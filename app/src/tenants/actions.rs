//! The tenant's server functions. Each starts with `require_reseller()` and reaches the tenant
//! only through a customer of that reseller.

use super::form::{TenantField, TenantForm};
use super::{PrefixCheck, TenantSettings};
use crate::error::{AppError, FormError};
use kontor_domain::CustomerId;
use leptos::prelude::*;

#[server(endpoint = "tenants/settings")]
pub async fn load_tenant_settings(customer_id: CustomerId) -> Result<TenantSettings, AppError> {
    let scope = &crate::auth::require_reseller()?;
    ssr::settings(scope, customer_id).await
}

/// Whether a prefix is free, for the field while the reseller types; with free suggestions
/// from the customer's data when it is not.
#[server(endpoint = "tenants/check-prefix")]
pub async fn check_prefix(
    customer_id: CustomerId,
    prefix: String,
) -> Result<PrefixCheck, AppError> {
    let scope = &crate::auth::require_reseller()?;
    ssr::check(scope, customer_id, &prefix).await
}

/// A new tenant: reserves the prefix (the database's unique index decides between
/// simultaneous claims) and queues its creation at the provider. An existing tenant: mails
/// its contact the provider's invitation to authorise this reseller.
#[server(endpoint = "tenants/set-up")]
pub async fn set_up_tenant(
    customer_id: CustomerId,
    form: TenantForm,
) -> Result<(), FormError<TenantField>> {
    let result = ssr::set_up(customer_id, &form).await;
    match &result {
        Ok(()) => leptos_axum::redirect(&format!("/customers/{customer_id}/tenant")),
        Err(error) => {
            crate::platform::form_memory::keep_refused(error, &ssr::form_name(customer_id), &form)
                .await
        }
    }
    result
}

/// The prefix this browser last had refused (JavaScript off).
#[server(endpoint = "tenants/draft")]
pub async fn tenant_draft(customer_id: CustomerId) -> Result<Option<TenantForm>, AppError> {
    use crate::platform::form_memory::recall_refused;
    crate::auth::require_reseller()?;
    Ok(recall_refused(&ssr::form_name(customer_id)).await)
}

/// The reseller has noted the first admin password: it is deleted for good.
#[server(endpoint = "tenants/acknowledge-password")]
pub async fn acknowledge_password(customer_id: CustomerId) -> Result<(), AppError> {
    let scope = &crate::auth::require_reseller()?;
    let user = scope.user();
    let db = crate::platform::database()?;
    if !crate::tenants::server::forget_password(&db, scope, customer_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    tracing::info!(
        %customer_id,
        by = %user.user_id,
        "first admin password noted and deleted"
    );
    leptos_axum::redirect(&format!("/customers/{customer_id}/tenant"));
    Ok(())
}

/// Mails the invitation to an existing tenant's contact again.
#[server(endpoint = "tenants/resend-invitation")]
pub async fn resend_invitation(customer_id: CustomerId) -> Result<(), AppError> {
    let scope = &crate::auth::require_reseller()?;
    ssr::resend(scope, customer_id).await?;
    leptos_axum::redirect(&format!("/customers/{customer_id}/tenant"));
    Ok(())
}

/// Starts a failed creation again.
#[server(endpoint = "tenants/retry")]
pub async fn retry_tenant(customer_id: CustomerId) -> Result<(), AppError> {
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    let now = crate::platform::unix_now();
    if !crate::tenants::server::retry(&db, scope, customer_id, now).await? {
        return Err(crate::error::AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/customers/{customer_id}/tenant"));
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::{parse_tenant_form, TenantRequest};
    use super::*;
    use crate::customers::server as customers;
    use crate::customers::Customer;
    use crate::i18n::Locale;
    use crate::microsoft_partner::server as microsoft_partner;
    use crate::platform::database;
    use crate::platform::mail::{self, outbox};
    use crate::platform::sessions::ResellerScope;
    use crate::platform::{request, request::provider, sealing::SealingKey, unix_now, DbError};
    use crate::resellers::server as resellers;
    use crate::tenants::server::{self as tenants, ClaimError};
    use kontor_domain::TenantDomain;
    use kontor_domain::TenantStatus;
    use kontor_domain::{prefix_candidates, FieldError, SuggestionSource, TenantPrefix};

    /// How many free prefixes a taken one is answered with.
    const SUGGESTIONS: usize = 3;

    pub fn form_name(customer_id: CustomerId) -> String {
        format!("tenant:{customer_id}")
    }

    fn sealing_key() -> Result<SealingKey, AppError> {
        use_context::<SealingKey>().ok_or_else(|| {
            tracing::error!("no sealing key in the Leptos context");
            AppError::Internal
        })
    }

    async fn owned_customer(
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<Customer, AppError> {
        let db = database()?;
        customers::find(&db, scope, customer_id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn settings(
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<TenantSettings, AppError> {
        let customer = owned_customer(scope, customer_id).await?;
        let db = database()?;
        let key = sealing_key()?;
        let mut tenant = tenants::find(&db, scope, customer_id, &key).await?;
        // An invited tenant: has it linked itself to this reseller meanwhile? Only the
        // relationship naming this reseller counts, not that the tenant is the distributor's
        // customer (through anyone). If the provider does not answer, it stays "invited" and
        // the next look asks again.
        if let Some(invited) = tenant
            .as_mut()
            .filter(|t| t.status == TenantStatus::Invited)
        {
            let own = microsoft_partner::require_microsoft_id(&db, scope).await?;
            match authorised_by(&provider()?, &invited.domain, own.as_str()).await {
                Ok(Some(tenant_id)) => {
                    tenants::mark_authorised(&db, customer_id, &tenant_id, unix_now()).await?;
                    invited.status = TenantStatus::Authorised;
                    tracing::info!(%customer_id, "existing tenant authorised the reseller");
                }
                Ok(None) => {}
                Err(error) => {
                    tracing::warn!(%error, "could not ask the provider about an invitation")
                }
            }
        }
        Ok(TenantSettings {
            customer_id,
            company_name: customer.company_name,
            tenant,
        })
    }

    /// The tenant id of the tenant with this domain, if it has accepted the distributor and
    /// lists the reseller (by Microsoft id) among its indirect resellers.
    async fn authorised_by(
        provider: &crate::platform::provider::SharedProvider,
        domain: &str,
        reseller: &str,
    ) -> Result<Option<String>, crate::platform::provider::ProviderError> {
        use crate::platform::provider::indirect_resellers;
        let Some(tenant_id) = provider.find_customer(domain).await? else {
            return Ok(None);
        };
        let linked = indirect_resellers(&provider.relationships(&tenant_id).await?);
        Ok(linked.iter().any(|id| id == reseller).then_some(tenant_id))
    }

    /// Which of `prefixes` are taken, in Kontor or at the provider. Kontor's index and the
    /// provider are asked at the same time; a provider that does not answer leaves the
    /// question open (`None`) unless Kontor has the prefix.
    async fn taken(prefixes: &[TenantPrefix]) -> Result<Vec<Option<bool>>, AppError> {
        let db = database()?;
        let provider = provider()?;
        let at_provider = async {
            let mut asks = tokio::task::JoinSet::new();
            for (index, prefix) in prefixes.iter().enumerate() {
                let (provider, domain) = (provider.clone(), prefix.domain());
                asks.spawn(async move { (index, provider.domain_exists(&domain).await) });
            }
            let mut answers = vec![None; prefixes.len()];
            while let Some(joined) = asks.join_next().await {
                let (index, answer) = joined.map_err(|_| AppError::Internal)?;
                match answer {
                    Ok(exists) => answers[index] = Some(exists),
                    Err(error) => tracing::warn!(%error, "the provider could not check a domain"),
                }
            }
            Ok::<_, AppError>(answers)
        };
        let (in_kontor, at_provider) =
            tokio::join!(tenants::taken_in_kontor(&db, prefixes), at_provider);
        let in_kontor = in_kontor?;
        Ok(prefixes
            .iter()
            .zip(at_provider?)
            .map(|(prefix, answer)| {
                if in_kontor.contains(prefix.as_str()) {
                    Some(true)
                } else {
                    answer
                }
            })
            .collect())
    }

    pub async fn check(
        scope: &ResellerScope,
        customer_id: CustomerId,
        input: &str,
    ) -> Result<PrefixCheck, AppError> {
        // The hot path (typing) needs only ownership; the customer's data only when the
        // prefix is taken and suggestions are built from it.
        if !customers::belongs_to(&database()?, scope, customer_id).await? {
            return Err(crate::error::AppError::NotFound);
        }
        let prefix = match TenantPrefix::parse(input) {
            Ok(prefix) => prefix,
            Err(error) => return Ok(PrefixCheck::Invalid(error)),
        };
        match taken(std::slice::from_ref(&prefix)).await?[0] {
            Some(false) => Ok(PrefixCheck::Free),
            None => Ok(PrefixCheck::Unchecked),
            Some(true) => {
                let customer = owned_customer(scope, customer_id).await?;
                let candidates: Vec<TenantPrefix> = prefix_candidates(&SuggestionSource {
                    company_name: &customer.company_name,
                    postal_code: &customer.postal_code,
                    city: &customer.city,
                })
                .into_iter()
                .filter(|c| *c != prefix)
                .collect();
                // A few at a time, most natural first: most candidates are free, so the first
                // round usually settles it without asking about all of them.
                let mut suggestions = Vec::new();
                for round in candidates.chunks(SUGGESTIONS + 1) {
                    let answers = taken(round).await?;
                    suggestions.extend(
                        round
                            .iter()
                            .zip(answers)
                            .filter(|(_, taken)| *taken == Some(false))
                            .map(|(c, _)| c.as_str().to_owned()),
                    );
                    if suggestions.len() >= SUGGESTIONS {
                        break;
                    }
                }
                suggestions.truncate(SUGGESTIONS);
                Ok(PrefixCheck::Taken { suggestions })
            }
        }
    }

    pub async fn set_up(
        customer_id: CustomerId,
        form: &TenantForm,
    ) -> Result<(), FormError<TenantField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        match parse_tenant_form(form).map_err(FormError::Invalid)? {
            TenantRequest::New(prefix) => reserve(scope, customer_id, &prefix).await?,
            TenantRequest::Existing(domain) => invite(scope, customer_id, &domain).await?,
        }
        tracing::info!(%customer_id, by = %user.user_id, "tenant set up");
        Ok(())
    }

    fn prefix_taken() -> FormError<TenantField> {
        FormError::Invalid(vec![(TenantField::Prefix, FieldError::PrefixTaken)])
    }

    /// What a refused claim tells the reseller: whose the domain is, never.
    fn claim_refused(error: ClaimError, taken: FormError<TenantField>) -> FormError<TenantField> {
        match error {
            ClaimError::Taken => taken,
            ClaimError::NotAllowed => crate::error::AppError::NotFound.into(),
            ClaimError::Database(error) => error.into(),
        }
    }

    fn begin_error(error: sqlx::Error) -> AppError {
        DbError::from(error).into()
    }

    async fn reserve(
        scope: &ResellerScope,
        customer_id: CustomerId,
        prefix: &TenantPrefix,
    ) -> Result<(), FormError<TenantField>> {
        // The provider's word first; if it does not answer, the reservation goes ahead and the
        // creation job meets a taken domain later, which frees the prefix again.
        if taken(std::slice::from_ref(prefix)).await?[0] == Some(true) {
            return Err(prefix_taken());
        }
        let db = database()?;
        let mut tx = db.begin().await.map_err(begin_error)?;
        tenants::reserve(&mut tx, scope, customer_id, prefix, unix_now())
            .await
            .map_err(|e| claim_refused(e, prefix_taken()))?;
        tx.commit().await.map_err(begin_error)?;
        Ok(())
    }

    /// The invitation mail for the customer's contact, with the provider's link, which names
    /// this reseller. Nothing is written when the provider does not answer or the contact had
    /// too many mails lately.
    async fn invitation_mail(
        scope: &ResellerScope,
        customer: &Customer,
        domain: &str,
    ) -> Result<crate::platform::mail::OutgoingMail, AppError> {
        let db = database()?;
        let own = microsoft_partner::require_microsoft_id(&db, scope).await?;
        let to = crate::customers::server::mail_to_contact(
            customer,
            crate::platform::rate_limit::MailPurpose::TenantInvitation,
        )
        .await?;
        let link = provider()?
            .invitation_link(own.as_str())
            .await
            .map_err(request::provider_failed)?;
        let reseller = resellers::company_name(&db, scope.reseller()).await?;
        let locale = Locale::from_tag(&customer.locale).unwrap_or_default();
        let texts = &locale.texts().tenants.mail_invitation;
        Ok(mail::invitation(locale, texts, &reseller, domain, link, to))
    }

    async fn invite(
        scope: &ResellerScope,
        customer_id: CustomerId,
        domain: &TenantDomain,
    ) -> Result<(), FormError<TenantField>> {
        let customer = owned_customer(scope, customer_id).await?;
        let mail = invitation_mail(scope, &customer, domain.as_str()).await?;
        let db = database()?;
        let now = unix_now();
        let mut tx = db.begin().await.map_err(begin_error)?;
        let domain_in_use =
            FormError::Invalid(vec![(TenantField::Domain, FieldError::DomainInUse)]);
        tenants::invite(&mut tx, scope, customer_id, domain, now)
            .await
            .map_err(|e| claim_refused(e, domain_in_use))?;
        outbox::enqueue(&mut tx, &mail, now)
            .await
            .map_err(AppError::from)?;
        tx.commit().await.map_err(begin_error)?;
        Ok(())
    }

    pub async fn resend(scope: &ResellerScope, customer_id: CustomerId) -> Result<(), AppError> {
        let customer = owned_customer(scope, customer_id).await?;
        let db = database()?;
        let tenant = tenants::find(&db, scope, customer_id, &sealing_key()?).await?;
        let Some(tenant) = tenant.filter(|t| t.status == TenantStatus::Invited) else {
            return Err(crate::error::AppError::NotFound);
        };
        let mail = invitation_mail(scope, &customer, &tenant.domain).await?;
        let mut conn = db.pool().acquire().await.map_err(begin_error)?;
        outbox::enqueue(&mut conn, &mail, unix_now()).await?;
        Ok(())
    }
}
