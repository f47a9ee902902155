//! The agreement's server functions. The reseller's start with `require_reseller()` and reach
//! a customer only through that reseller; the public ones act only on the customer the
//! presented link was issued for.

use super::form::{AcceptanceField, AcceptanceForm, AttestationField, AttestationForm};
use super::{AgreementSettings, OpenedLink};
use crate::customers::CustomerList;
use crate::error::{AppError, FormError};
use kontor_domain::CustomerId;
use leptos::prelude::*;

/// The reseller's customers matching `search`, with their agreement status; with
/// `only_open`, only those that have not accepted.
#[server(endpoint = "agreements/overview")]
pub async fn agreement_overview(
    search: String,
    only_open: bool,
    page: u32,
) -> Result<CustomerList, AppError> {
    use crate::customers::server::{self as customers, CustomerFilter};
    let scope = &crate::auth::require_reseller()?;
    let filter = if only_open {
        CustomerFilter::AgreementOpen
    } else {
        CustomerFilter::All
    };
    let db = crate::platform::database()?;
    Ok(customers::list(&db, scope, &search, filter, page).await?)
}

#[server(endpoint = "agreements/settings")]
pub async fn load_agreement(customer_id: CustomerId) -> Result<AgreementSettings, AppError> {
    let scope = &crate::auth::require_reseller()?;
    ssr::settings(scope, customer_id).await
}

/// Mails the customer's contact a new link to accept the agreement; older links stop working.
#[server(endpoint = "agreements/send")]
pub async fn send_agreement(customer_id: CustomerId) -> Result<(), AppError> {
    let scope = &crate::auth::require_reseller()?;
    let user = scope.user();
    ssr::send(user, scope, customer_id).await?;
    leptos_axum::redirect(&format!("/customers/{customer_id}/agreement"));
    Ok(())
}

/// Records an acceptance the reseller attests: the customer is green at once.
#[server(endpoint = "agreements/attest")]
pub async fn attest_agreement(
    customer_id: CustomerId,
    form: AttestationForm,
) -> Result<(), FormError<AttestationField>> {
    let result = ssr::attest(customer_id, &form).await;
    ssr::answer(&result, &ssr::attestation_form_name(customer_id), &form).await;
    if result.is_ok() {
        leptos_axum::redirect(&format!("/customers/{customer_id}/agreement"));
    }
    result
}

/// What an emailed link opens: the agreement and its form, or why it does not work.
#[server(endpoint = "agreements/open")]
pub async fn open_agreement(token: String) -> Result<OpenedLink, AppError> {
    ssr::open(&token).await
}

/// The customer accepts through the emailed link.
#[server(endpoint = "agreements/accept")]
pub async fn accept_agreement(
    token: String,
    form: AcceptanceForm,
) -> Result<(), FormError<AcceptanceField>> {
    let result = ssr::accept(&token, &form).await;
    ssr::answer(&result, ssr::ACCEPTANCE_FORM_NAME, &form).await;
    if result.is_ok() {
        leptos_axum::redirect(&format!("/agreement/{token}"));
    }
    result
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::form::{parse_acceptance, parse_attestation};
    use super::super::text::agreement_text;
    use super::super::{mails, LinkProblem, AGREEMENT_VERSION};
    use super::*;
    use crate::agreements::server::{self as agreements, NewAcceptance, RecordError};
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::customers::server as customers;
    use crate::customers::Customer;
    use crate::i18n::{current_locale, Locale};
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenError, TokenPurpose};
    use crate::platform::sessions::ResellerScope;
    use crate::platform::{
        form_memory::recall_refused, mail::outbox, request, sessions::SessionUser, unix_now,
        DbError,
    };
    use crate::resellers::server as resellers;
    use kontor_domain::ResellerId;
    use kontor_domain::{german_date, iso_date, AcceptanceMethod};

    pub const ACCEPTANCE_FORM_NAME: &str = "agreement-acceptance";

    pub fn attestation_form_name(customer_id: CustomerId) -> String {
        format!("agreement-attestation:{customer_id}")
    }

    /// A refused form is kept for the page (JavaScript off).
    pub async fn answer<F, T: serde::Serialize>(
        result: &Result<(), FormError<F>>,
        name: &str,
        form: &T,
    ) {
        if let Err(error) = result {
            crate::platform::form_memory::keep_refused(error, name, form).await;
        }
    }

    fn begin_error(error: sqlx::Error) -> AppError {
        DbError::from(error).into()
    }

    async fn owned_customer(
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<Customer, AppError> {
        customers::find(&database()?, scope, customer_id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn settings(
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<AgreementSettings, AppError> {
        let customer = owned_customer(scope, customer_id).await?;
        let db = database()?;
        let now = unix_now();
        let acceptance = agreements::find(&db, scope, customer_id).await?;
        let link = match acceptance {
            Some(_) => None,
            None => agreements::open_link(&db, customer_id, now).await?,
        };
        Ok(AgreementSettings {
            customer_id,
            contact_name: customer.contact_name(),
            company_name: customer.company_name,
            contact_email: customer.contact_email,
            acceptance,
            link,
            history: audit::for_customer(&db, scope, customer_id).await?,
            today: iso_date(german_date(now)),
            draft: recall_refused(&attestation_form_name(customer_id)).await,
        })
    }

    pub async fn send(
        user: &SessionUser,
        scope: &ResellerScope,
        customer_id: CustomerId,
    ) -> Result<(), AppError> {
        let customer = owned_customer(scope, customer_id).await?;
        if customer.agreement.is_some() {
            return Err(AppError::AlreadyAccepted);
        }
        let to = crate::customers::server::mail_to_contact(
            &customer,
            crate::platform::rate_limit::MailPurpose::Agreement,
        )
        .await?;
        let links = request::link_base().ok_or(AppError::Internal)?;
        let db = database()?;
        let reseller = resellers::company_name(&db, scope.reseller()).await?;
        let locale = Locale::from_tag(&customer.locale).unwrap_or_default();
        let now = unix_now();
        let mut tx = db.begin().await.map_err(begin_error)?;
        let token =
            email_tokens::issue(&mut tx, TokenPurpose::AcceptAgreement, customer_id.0, now).await?;
        let mail = mails::agreement_link(
            locale,
            &reseller,
            &customer.company_name,
            links.link(&format!("/agreement/{}", token.expose())),
            now + TokenPurpose::AcceptAgreement.validity_secs(),
            to.clone(),
        );
        let actor = Actor::user(user);
        let action = AuditAction::AgreementSent {
            to: to.as_str().to_owned(),
        };
        audit::mail_sent(
            &mut tx,
            scope.reseller(),
            customer_id,
            &actor,
            &action,
            &mail,
            now,
        )
        .await?;
        tx.commit().await.map_err(begin_error)?;
        tracing::info!(%customer_id, by = %user.user_id, "agreement link sent");
        Ok(())
    }

    pub async fn attest(
        customer_id: CustomerId,
        form: &AttestationForm,
    ) -> Result<(), FormError<AttestationField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let now = unix_now();
        let attestation = parse_attestation(form, german_date(now)).map_err(FormError::Invalid)?;
        let db = database()?;
        // Customers never change hands, so ownership checked first stays true.
        if !customers::belongs_to(&db, scope, customer_id).await? {
            return Err(crate::error::AppError::NotFound.into());
        }
        let actor = Actor::user(user);
        let mut tx = db.begin().await.map_err(begin_error)?;
        let recorded =
            agreements::record_attestation(&mut tx, scope, customer_id, &attestation, &actor, now)
                .await;
        match recorded {
            Ok(()) => {}
            Err(RecordError::AlreadyAccepted) => return Err(AppError::AlreadyAccepted.into()),
            Err(RecordError::Database(error)) => return Err(error.into()),
        }
        tx.commit().await.map_err(begin_error)?;
        tracing::info!(%customer_id, by = %user.user_id, "agreement attested");
        Ok(())
    }

    /// The customer and reseller behind a link, whatever state the link is in.
    async fn link_subject(token: &str) -> Result<Option<(Customer, ResellerId)>, AppError> {
        let db = database()?;
        let mut conn = db.pool().acquire().await.map_err(begin_error)?;
        let Some(subject) =
            email_tokens::subject_of(&mut conn, TokenPurpose::AcceptAgreement, token).await?
        else {
            return Ok(None);
        };
        let customer_id = CustomerId(subject);
        let (reseller_id, _) = customers::owner_of(&mut conn, customer_id).await?;
        // The link's token is the proof of access here: no session, so no reseller scope.
        let customer = customers::find_by_link(&mut conn, customer_id)
            .await?
            .ok_or(DbError::Corrupt("email_tokens.subject_id"))?;
        Ok(Some((customer, reseller_id)))
    }

    pub async fn open(token: &str) -> Result<OpenedLink, AppError> {
        let Some((customer, reseller_id)) = link_subject(token).await? else {
            return Ok(OpenedLink::Unusable {
                problem: LinkProblem::Unknown,
                reseller: None,
            });
        };
        if let Some(agreement) = customer.agreement {
            return Ok(OpenedLink::Accepted {
                company_name: customer.company_name,
                signer_name: agreement.signer_name,
                accepted_at: agreement.accepted_at,
            });
        }
        let db = database()?;
        let reseller = resellers::contact(&db, reseller_id).await?;
        let mut conn = db.pool().acquire().await.map_err(begin_error)?;
        let checked =
            email_tokens::check(&mut conn, TokenPurpose::AcceptAgreement, token, unix_now()).await;
        let problem = match checked {
            Ok(_) => None,
            Err(TokenError::Unknown) => Some(LinkProblem::Unknown),
            Err(TokenError::Used) => Some(LinkProblem::Used),
            Err(TokenError::Expired) => Some(LinkProblem::Expired),
            Err(TokenError::Superseded) => Some(LinkProblem::Superseded),
            Err(TokenError::Database(error)) => return Err(error.into()),
        };
        if let Some(problem) = problem {
            return Ok(OpenedLink::Unusable {
                problem,
                reseller: Some(reseller),
            });
        }
        // The form as this browser last had it refused, or filled with the contact's data.
        let form = recall_refused(ACCEPTANCE_FORM_NAME)
            .await
            .unwrap_or_else(|| AcceptanceForm {
                first_name: customer.contact_first_name.clone(),
                last_name: customer.contact_last_name.clone(),
                email: customer.contact_email.clone(),
                accept: None,
            });
        Ok(OpenedLink::Open {
            company_name: customer.company_name,
            reseller,
            version: AGREEMENT_VERSION.to_owned(),
            text: agreement_text(current_locale()).to_owned(),
            form,
        })
    }

    pub async fn accept(
        token: &str,
        form: &AcceptanceForm,
    ) -> Result<(), FormError<AcceptanceField>> {
        let signer = parse_acceptance(form).map_err(FormError::Invalid)?;
        let db = database()?;
        let now = unix_now();
        let ip = request::client_address().to_string();
        let user_agent = request::user_agent();
        let mut tx = db.begin().await.map_err(begin_error)?;
        let customer_id =
            match email_tokens::redeem(&mut tx, TokenPurpose::AcceptAgreement, token, now).await {
                Ok(subject) => CustomerId(subject),
                Err(TokenError::Database(error)) => return Err(error.into()),
                Err(_) => return Err(AppError::LinkUnusable.into()),
            };
        let recorded = agreements::record(
            &mut tx,
            customer_id,
            &NewAcceptance {
                signer: &signer,
                method: AcceptanceMethod::Link,
                version: AGREEMENT_VERSION,
                accepted_at: now,
                ip: Some(&ip),
                user_agent: user_agent.as_deref(),
                attested_by: None,
            },
            now,
        )
        .await;
        match recorded {
            Ok(()) => {}
            Err(RecordError::AlreadyAccepted) => return Err(AppError::AlreadyAccepted.into()),
            Err(RecordError::Database(error)) => return Err(error.into()),
        }
        let (reseller_id, company) = customers::owner_of(&mut tx, customer_id).await?;
        let action = AuditAction::AgreementAccepted {
            signer: signer.name(),
            email: signer.email.as_str().to_owned(),
            version: AGREEMENT_VERSION.to_owned(),
            ip,
        };
        let actor = Actor {
            user_id: None,
            label: signer.email.as_str(),
        };
        audit::record(
            &mut tx,
            reseller_id,
            Some(customer_id),
            &actor,
            &action,
            now,
        )
        .await?;
        let links = request::link_base().ok_or(AppError::Internal)?;
        let page = links.link(&format!("/customers/{customer_id}/agreement"));
        for (to, locale) in resellers::admins(&mut tx, reseller_id).await? {
            let mail = mails::accepted(locale, &company, &signer.name(), page.clone(), to);
            outbox::enqueue(&mut tx, &mail, now).await?;
        }
        tx.commit().await.map_err(begin_error)?;
        tracing::info!(%customer_id, "agreement accepted through the emailed link");
        Ok(())
    }
}
