//! The link in the confirmation mail lands on a page with a button; only the button's POST
//! uses the token, so mail scanners that open every link confirm nothing. The page checks the
//! link first and explains an expired, used or replaced one, with the way to a new mail.

use crate::error::LinkError;
use crate::i18n::Locale;
use crate::ui::Notice;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Whether the link would still work; uses nothing up.
#[server(endpoint = "signup/check")]
pub async fn check_confirmation(token: String) -> Result<(), LinkError> {
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::unix_now;
    let db = database().map_err(|_| LinkError::Internal)?;
    let mut conn = db.pool().acquire().await.map_err(LinkError::internal)?;
    email_tokens::check(&mut conn, TokenPurpose::ConfirmSignup, &token, unix_now()).await?;
    Ok(())
}

/// Uses the link: the address is confirmed, and the company active or waiting for approval.
#[server(endpoint = "signup/confirm")]
pub async fn confirm_signup(token: String) -> Result<(), LinkError> {
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::{mail::outbox, request, unix_now};
    use crate::resellers::server as resellers;
    use kontor_domain::ResellerStatus;
    let db = database().map_err(|_| LinkError::Internal)?;
    let links = request::link_base().ok_or(LinkError::Internal)?;
    let now = unix_now();
    let mut tx = db.begin().await.map_err(LinkError::internal)?;
    let user_id = email_tokens::redeem(&mut tx, TokenPurpose::ConfirmSignup, &token, now)
        .await
        .map(kontor_domain::UserId)?;
    let status = resellers::confirm_email(&mut tx, user_id)
        .await
        .map_err(LinkError::internal)?;
    // Active by its customer number alone: every one of the distributor's staff hears of it,
    // so that a company that did not sign up itself is noticed (and the account locked).
    if let Some(company) = resellers::vouched_company(&mut tx, user_id)
        .await
        .map_err(LinkError::internal)?
    {
        let staff = resellers::staff(&mut tx)
            .await
            .map_err(LinkError::internal)?;
        let mut mails: Vec<_> = staff
            .into_iter()
            .map(|(to, locale)| super::mails::vouched_account(locale, &links, &company, to))
            .collect();
        // …and so does the customer the registry lists for the number, who knows whether
        // it was them.
        let contact = company.registry_contact.as_deref();
        if let Some(to) = contact.and_then(|c| kontor_domain::EmailAddress::parse(c).ok()) {
            mails.push(super::mails::account_opened(Locale::De, &company, to));
        }
        for mail in &mails {
            outbox::enqueue(&mut tx, mail, now)
                .await
                .map_err(LinkError::internal)?;
        }
    }
    tx.commit().await.map_err(LinkError::internal)?;
    tracing::info!(%user_id, ?status, "signup confirmed");
    leptos_axum::redirect(if status == ResellerStatus::AwaitingApproval {
        "/signup/waiting"
    } else {
        "/signup/confirmed"
    });
    Ok(())
}

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().accounts;
    let token = move || use_params_map().with(|p| p.get("token").unwrap_or_default());
    let checked = Resource::new(token, check_confirmation);
    let confirm = ServerAction::<ConfirmSignup>::new();
    let problem = move || {
        confirm
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| checked.get().and_then(Result::err))
    };
    view! {
        <Title text=t.confirm_title/>
        <Suspense fallback=|| ()>
            {move || match problem() {
                Some(problem) => view! { <LinkProblem problem locale/> }.into_any(),
                None if checked.get().is_some() => view! {
                    <section class="form-page">
                        <h1>{t.confirm_title}</h1>
                        <p>{t.confirm_text}</p>
                        <ActionForm action=confirm attr:class="stacked-form">
                            <input type="hidden" name="token" value=token/>
                            <button type="submit">{t.confirm_button}</button>
                        </ActionForm>
                    </section>
                }.into_any(),
                None => ().into_any(),
            }}
        </Suspense>
    }
}

#[component]
fn LinkProblem(problem: LinkError, locale: Locale) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::error::set_page_status(&problem);
    let t = locale.texts().accounts;
    let offer_new = matches!(
        problem,
        LinkError::Expired | LinkError::Superseded | LinkError::Unknown
    );
    let link = if problem == LinkError::Used {
        Some((locale.texts().nav_login, "/login"))
    } else {
        offer_new.then_some((t.request_new_confirmation, "/signup/resend"))
    };
    view! { <Notice title=t.link_problem_title text=problem.message(locale) link/> }
}
