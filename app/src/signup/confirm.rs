//! The link in the confirmation mail lands on a page with a button; only the button's POST
//! uses the token, so mail scanners that open every link confirm nothing. The page checks the
//! link first and explains an expired, used or replaced one, with the way to a new mail.

use crate::i18n::Locale;
use crate::ui::{Field, Notice};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LinkError {
    #[error("unknown link")]
    Unknown,
    #[error("link used already")]
    Used,
    #[error("link expired")]
    Expired,
    #[error("a newer link replaced this one")]
    Superseded,
    #[error("not a valid email address")]
    InvalidEmail,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for LinkError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        LinkError::Transport(value.to_string())
    }
}

impl LinkError {
    pub fn message(&self, locale: Locale) -> String {
        let texts = locale.texts();
        let t = texts.accounts;
        match self {
            LinkError::Unknown => t.link_unknown.to_owned(),
            LinkError::Used => t.link_used.to_owned(),
            LinkError::Expired => t.link_expired.to_owned(),
            LinkError::Superseded => t.link_superseded.to_owned(),
            LinkError::InvalidEmail => texts.email_invalid.to_owned(),
            LinkError::TooManyRequests { retry_after_secs } => {
                (t.too_many_requests)(retry_after_secs.div_ceil(60))
            }
            LinkError::Internal | LinkError::Transport(_) => texts.error_text.to_owned(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::backend::email_tokens::TokenError> for LinkError {
    fn from(error: crate::backend::email_tokens::TokenError) -> Self {
        use crate::backend::email_tokens::TokenError;
        match error {
            TokenError::Unknown => LinkError::Unknown,
            TokenError::Used => LinkError::Used,
            TokenError::Expired => LinkError::Expired,
            TokenError::Superseded => LinkError::Superseded,
            TokenError::Database(error) => {
                tracing::error!(%error, "email link failed on our side");
                LinkError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl LinkError {
    pub fn internal(error: impl std::fmt::Display) -> LinkError {
        tracing::error!(%error, "email link failed on our side");
        LinkError::Internal
    }
}

#[cfg(feature = "ssr")]
fn internal(error: impl std::fmt::Display) -> LinkError {
    LinkError::internal(error)
}

/// The address a mail was asked for (confirmation again, password reset), once it parses and
/// the limits per client and per recipient allow another mail.
#[cfg(feature = "ssr")]
pub fn email_for_mail_on_request(input: &str) -> Result<crate::domain::EmailAddress, LinkError> {
    use crate::backend::rate_limit::Limits;
    use crate::backend::request;
    let email = crate::domain::EmailAddress::parse(input).map_err(|_| {
        request::set_error_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        LinkError::InvalidEmail
    })?;
    let limits = use_context::<Limits>().ok_or(LinkError::Internal)?;
    if let Err(wait) = limits.mail_on_request(
        request::client_address(),
        email.as_str(),
        std::time::Instant::now(),
    ) {
        request::too_many_requests(wait);
        return Err(LinkError::TooManyRequests {
            retry_after_secs: wait.as_secs(),
        });
    }
    Ok(email)
}

/// Whether the link would still work; uses nothing up.
#[server(endpoint = "signup/check")]
pub async fn check_confirmation(token: String) -> Result<(), LinkError> {
    use crate::backend::email_tokens::{self, TokenPurpose};
    use crate::backend::{database, unix_now};
    let db = database().map_err(|_| LinkError::Internal)?;
    let mut conn = db.pool().acquire().await.map_err(internal)?;
    email_tokens::check(&mut conn, TokenPurpose::ConfirmSignup, &token, unix_now()).await?;
    Ok(())
}

/// Uses the link: the address is confirmed, and the company active or waiting for approval.
#[server(endpoint = "signup/confirm")]
pub async fn confirm_signup(token: String) -> Result<(), LinkError> {
    use crate::backend::email_tokens::{self, TokenPurpose};
    use crate::backend::resellers::{self, ResellerStatus};
    use crate::backend::{database, unix_now};
    let db = database().map_err(|_| LinkError::Internal)?;
    let mut tx = db.pool().begin().await.map_err(internal)?;
    let user_id =
        email_tokens::redeem(&mut tx, TokenPurpose::ConfirmSignup, &token, unix_now()).await?;
    let status = resellers::confirm_email(&mut tx, user_id)
        .await
        .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    tracing::info!(user_id, ?status, "signup confirmed");
    leptos_axum::redirect(if status == ResellerStatus::AwaitingApproval {
        "/signup/waiting"
    } else {
        "/signup/confirmed"
    });
    Ok(())
}

/// A new confirmation mail for an unconfirmed signup. The answer is the same whether or not
/// such a signup exists.
#[server(endpoint = "signup/resend")]
pub async fn resend_confirmation(email: String) -> Result<(), LinkError> {
    use crate::backend::email_tokens::{self, TokenPurpose};
    use crate::backend::mail::outbox;
    use crate::backend::resellers::{self, ResellerStatus};
    use crate::backend::{database, request, unix_now};

    let email = email_for_mail_on_request(&email)?;
    let db = database().map_err(|_| LinkError::Internal)?;
    let links = request::link_base().ok_or(LinkError::Internal)?;
    let now = unix_now();
    let mut tx = db.pool().begin().await.map_err(internal)?;
    if let Some((user_id, Some(ResellerStatus::Unconfirmed), locale)) =
        resellers::account_of(&mut tx, &email)
            .await
            .map_err(internal)?
    {
        let token = email_tokens::issue(&mut tx, TokenPurpose::ConfirmSignup, user_id, now)
            .await
            .map_err(internal)?;
        let mail = super::mails::confirm_signup(locale, &links, &token, email);
        outbox::enqueue(&mut tx, &mail, now)
            .await
            .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    leptos_axum::redirect("/signup/resend/done");
    Ok(())
}

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
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

#[component]
pub fn ResendPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let t = locale.texts().accounts;
    let resend = ServerAction::<ResendConfirmation>::new();
    let error = move || resend.value().get().and_then(Result::err);
    let email_error = move || {
        error()
            .filter(|e| *e == LinkError::InvalidEmail)
            .map(|e| e.message(locale))
    };
    let form_error = move || {
        error()
            .filter(|e| *e != LinkError::InvalidEmail)
            .map(|e| e.message(locale))
    };
    view! {
        <Title text=t.resend_title/>
        <section class="form-page">
            <h1>{t.resend_title}</h1>
            <p>{t.resend_intro}</p>
            <ActionForm action=resend attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <Field
                    id="resend-email"
                    name="email"
                    label=locale.texts().field_email
                    input_type="email"
                    autocomplete="email"
                    error=Signal::derive(email_error)
                />
                <button type="submit">{t.resend_submit}</button>
            </ActionForm>
        </section>
    }
}
