//! The server functions of "Microsoft-Kunden", for reseller users; every query takes the
//! reseller's id, so another reseller's customer id finds nothing (404).

use super::PartnerCustomers;
use crate::error::AppError;
use kontor_domain::CustomerId;
use leptos::prelude::*;

/// The customers with a tenant and their partner status; `colour` (`green`, `orange`, `red`)
/// keeps only those of that colour.
#[server(endpoint = "partner-status/list")]
pub async fn load_partner_customers(
    #[server(default)] colour: String,
) -> Result<PartnerCustomers, AppError> {
    use crate::microsoft_partner::server as microsoft_partner;
    use crate::partner_status::server as partner_status;
    use crate::platform::database;
    let scope = &crate::auth::require_reseller()?;
    let db = database()?;
    let identity = microsoft_partner::find(&db, scope).await?;
    let only = kontor_domain::PartnerStatus::parse(&colour);
    Ok(PartnerCustomers {
        identity_missing: identity.location_mpn.is_none() || identity.microsoft_id.is_none(),
        customers: partner_status::customers(&db, scope, only).await?,
    })
}

/// "Vertriebspartnerschaft überprüfen": asks the provider now. A provider that does not
/// answer leaves the last colour and records that the check failed.
#[server(endpoint = "partner-status/recheck")]
pub async fn recheck_partner(customer_id: CustomerId) -> Result<(), AppError> {
    ssr::recheck(customer_id).await?;
    leptos_axum::redirect("/microsoft-customers");
    Ok(())
}

/// "Einladung senden": mails the customer's contact the provider's link that links the
/// customer to this reseller as indirect reseller. At most one per customer every
/// `INVITATION_GAP` (and a few per hour to one address). Back on the list, the address says
/// which customer was invited, so the confirmation shows with and without JavaScript.
#[server(endpoint = "partner-status/invite")]
pub async fn invite_partner(customer_id: CustomerId) -> Result<(), AppError> {
    ssr::invite(customer_id).await?;
    leptos_axum::redirect(&format!("/microsoft-customers?invited={customer_id}"));
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::customers::server as customers;
    use crate::i18n::Locale;
    use crate::microsoft_partner::server as microsoft_partner;
    use crate::partner_status::server as partner_status;
    use crate::platform::request::{provider, provider_failed};
    use crate::platform::sessions::ResellerScope;
    use crate::platform::{database, mail};
    use crate::platform::{unix_now, Database, DbError};
    use crate::resellers::server as resellers;
    use kontor_domain::PartnerStatus;

    /// One invitation per customer in this many seconds: the customer's admin needs only one
    /// link, and a reseller cannot flood its customer's mailbox.
    pub const INVITATION_GAP: i64 = 15 * 60;

    /// The customer's tenant domain; 404 for another reseller's customer or one without.
    async fn tenant_domain(
        db: &Database,
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<String, AppError> {
        partner_status::domain(db, scope, customer_id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn recheck(customer_id: CustomerId) -> Result<(), AppError> {
        let scope = &crate::auth::require_reseller()?;
        let db = database()?;
        let own = microsoft_partner::require_microsoft_id(&db, scope).await?;
        tenant_domain(&db, scope, customer_id).await?;
        let now = unix_now();
        match partner_status::linked_resellers(&db, &provider()?, customer_id).await? {
            Ok(linked) => {
                let status = PartnerStatus::of(&own, linked.iter().map(String::as_str));
                partner_status::record(&db, customer_id, Some(status), now).await?;
                Ok(())
            }
            Err(error) => {
                partner_status::record(&db, customer_id, None, now).await?;
                Err(provider_failed(error))
            }
        }
    }

    fn wait_for_next_invitation(secs: i64) -> AppError {
        AppError::try_again_after(std::time::Duration::from_secs(secs.max(1) as u64))
    }

    pub async fn invite(customer_id: CustomerId) -> Result<(), AppError> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let db = database()?;
        let own = microsoft_partner::require_microsoft_id(&db, scope).await?;
        let domain = tenant_domain(&db, scope, customer_id).await?;
        let customer = customers::find(&db, scope, customer_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let now = unix_now();
        // Asked first, so that a refused invitation costs no call to the provider; the
        // transaction below settles a race between two at once.
        if let Some(last) = partner_status::invited_at(&db, customer_id).await? {
            if last + INVITATION_GAP > now {
                return Err(wait_for_next_invitation(last + INVITATION_GAP - now));
            }
        }
        let to = crate::customers::server::mail_to_contact(
            &customer,
            crate::platform::rate_limit::MailPurpose::PartnerInvitation,
        )
        .await?;
        let link = provider()?
            .invitation_link(own.as_str())
            .await
            .map_err(provider_failed)?;
        let reseller = resellers::company_name(&db, scope.reseller()).await?;
        let locale = Locale::from_tag(&customer.locale).unwrap_or_default();
        let texts = &locale.texts().partner.mail_invitation;
        let letter = mail::invitation(locale, texts, &reseller, &domain, link, to.clone());

        let mut tx = db.begin().await.map_err(DbError::from)?;
        if !partner_status::record_invitation(&mut tx, customer_id, now, now - INVITATION_GAP)
            .await?
        {
            return Err(wait_for_next_invitation(INVITATION_GAP));
        }
        let action = AuditAction::PartnerInvitationSent {
            to: to.as_str().to_owned(),
        };
        let actor = Actor::user(user);
        audit::mail_sent(
            &mut tx,
            scope.reseller(),
            customer_id,
            &actor,
            &action,
            &letter,
            now,
        )
        .await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }
}
