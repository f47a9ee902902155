//! "Forgot password": the link by mail (valid one hour, once; asked for through
//! `email_links`), and the page to choose a new password, which ends every session of the
//! account. The same page takes a distributor admin's invitation (`/invitation/…`): the
//! invited account's first password.

use crate::error::LinkError;
use crate::ui::{Field, Notice};
use kontor_domain::{FieldError, Password, PasswordRule};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ResetError {
    #[error("the new password is not acceptable")]
    Password(FieldError),
    #[error("the confirmation does not match")]
    Confirmation(FieldError),
    #[error("the link does not work: {0}")]
    Link(LinkError),
}

/// Which mailed link leads to the page: a reset, or an invitation to the administration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordLink {
    #[default]
    Reset,
    Invitation,
}

impl PasswordLink {
    #[cfg(feature = "ssr")]
    fn purpose(self) -> crate::platform::email_tokens::TokenPurpose {
        use crate::platform::email_tokens::TokenPurpose;
        match self {
            PasswordLink::Reset => TokenPurpose::ResetPassword,
            PasswordLink::Invitation => TokenPurpose::AdminInvitation,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            PasswordLink::Reset => "Reset",
            PasswordLink::Invitation => "Invitation",
        }
    }
}

impl FromServerFnError for ResetError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ResetError::Link(LinkError::Transport(value.to_string()))
    }

    #[cfg(feature = "ssr")]
    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::error::answer(self)
    }
}

#[cfg(feature = "ssr")]
impl crate::error::HttpStatus for ResetError {
    fn status(&self) -> crate::error::Status {
        match self {
            ResetError::Password(_) | ResetError::Confirmation(_) => {
                crate::error::Status::Code(axum::http::StatusCode::UNPROCESSABLE_ENTITY)
            }
            ResetError::Link(error) => error.status(),
        }
    }
}

/// The mail with the reset link.
#[cfg(feature = "ssr")]
pub(crate) fn reset_mail(
    locale: crate::i18n::Locale,
    links: &crate::platform::request::LinkBase,
    token: &crate::platform::secret_token::SecretToken,
    to: kontor_domain::EmailAddress,
) -> crate::platform::mail::OutgoingMail {
    let t = locale.texts().accounts;
    crate::platform::mail::Letter::new(locale, t.mail.reset_subject)
        .paragraph(t.mail.reset_text)
        .action(
            t.mail.reset_action,
            links.link(&format!("/password/reset/{}", token.expose())),
        )
        .paragraph(t.mail.ignore)
        .to(to)
}

#[server(endpoint = "password/check")]
pub async fn check_reset_link(
    token: String,
    #[server(default)] link: PasswordLink,
) -> Result<(), LinkError> {
    use crate::platform::email_tokens;
    let db = crate::platform::database().map_err(|_| LinkError::Internal)?;
    let mut conn = db.pool().acquire().await.map_err(LinkError::internal)?;
    email_tokens::check(
        &mut conn,
        link.purpose(),
        &token,
        crate::platform::unix_now(),
    )
    .await?;
    Ok(())
}

#[server(endpoint = "password/reset")]
pub async fn reset_password(
    token: String,
    #[server(default)] link: PasswordLink,
    password: String,
    password_confirmation: String,
) -> Result<(), ResetError> {
    use crate::auth::server::users;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::passwords;
    use crate::platform::rate_limit::{limit_key, LimitError, Limits};
    use crate::platform::{request, sessions, unix_now, unix_now_ms};

    let internal = |e: &dyn std::fmt::Display| ResetError::Link(LinkError::internal(e));
    let limits = use_context::<Limits>().ok_or(ResetError::Link(LinkError::Internal))?;
    let db = crate::platform::database().map_err(|_| ResetError::Link(LinkError::Internal))?;
    let client = limit_key(request::client_address()).to_string();
    match limits.link_attempts.hit(&db, &client, unix_now_ms()).await {
        Ok(_) => {}
        Err(LimitError::TooMany { wait }) => {
            return Err(ResetError::Link(LinkError::TooManyRequests {
                retry_after_secs: wait.as_secs(),
            }))
        }
        Err(LimitError::Db(error)) => return Err(internal(&error)),
    }
    // The link first: one that does not work costs no password hash, whose slots logins
    // share.
    {
        let mut conn = db.pool().acquire().await.map_err(|e| internal(&e))?;
        email_tokens::check(&mut conn, link.purpose(), &token, unix_now())
            .await
            .map_err(|e| ResetError::Link(e.into()))?;
    }
    let password = match Password::parse(&password) {
        Ok(password) => password,
        Err(missed) => return Err(ResetError::Password(FieldError::WeakPassword(missed))),
    };
    if password_confirmation != password.expose() {
        return Err(ResetError::Confirmation(FieldError::PasswordMismatch));
    }
    let hash = passwords::hash(&password).await.map_err(|e| internal(&e))?;
    let now = unix_now();
    let mut tx = db.begin().await.map_err(|e| internal(&e))?;
    let user_id = email_tokens::redeem(&mut tx, link.purpose(), &token, now)
        .await
        .map(kontor_domain::UserId)
        .map_err(|e| ResetError::Link(e.into()))?;
    // A password chosen through one link ends the other kind too: an invitation still open
    // after a reset (or a reset after the invitation) would set the password once more.
    for purpose in [TokenPurpose::ResetPassword, TokenPurpose::AdminInvitation] {
        email_tokens::supersede(&mut tx, purpose, user_id.0, now)
            .await
            .map_err(|e| internal(&e))?;
    }
    users::set_password(&mut tx, user_id, &hash)
        .await
        .map_err(|e| internal(&e))?;
    // An invited admin who chose a password (by either link) is invited no more.
    users::invitation_accepted(&mut tx, user_id)
        .await
        .map_err(|e| internal(&e))?;
    let ended = sessions::end_all_of_user(&mut tx, user_id)
        .await
        .map_err(|e| internal(&e))?;
    tx.commit().await.map_err(|e| internal(&e))?;
    tracing::info!(%user_id, sessions_ended = ended, "password reset");
    // This browser's session, if it had one, is gone too.
    request::set_session_cookie(None);
    leptos_axum::redirect("/password/reset/done");
    Ok(())
}

#[component]
pub fn ResetDonePage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.accounts;
    view! {
        <Notice
            title=t.reset_done_title
            text=t.reset_done_text
            link=Some((texts.nav_login, "/login"))
        />
    }
}

/// The page the reset link lands on: it checks the link, then asks for the new password. The
/// form's POST is what uses the link, so a mail scanner opening it changes nothing.
#[component]
pub fn ResetPage(link: PasswordLink) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.accounts;
    let (title, intro) = match link {
        PasswordLink::Reset => (t.reset_title, t.reset_intro),
        PasswordLink::Invitation => (t.invitation_title, t.invitation_intro),
    };
    let token = move || use_params_map().with(|p| p.get("token").unwrap_or_default());
    let checked = Resource::new(token, move |token| check_reset_link(token, link));
    // Without JavaScript a refused post comes back as this action's error.
    let reset = ServerAction::<ResetPassword>::new();
    let link_problem = move || match reset.value().get().and_then(Result::err) {
        Some(ResetError::Link(problem)) => Some(problem),
        _ => checked.get().and_then(Result::err),
    };
    let rules: Vec<&str> = PasswordRule::ALL
        .into_iter()
        .filter(|r| *r != PasswordRule::MaxLength)
        .map(|r| t.password_rule(r))
        .collect();
    view! {
        <Title text=title/>
        <Suspense fallback=|| ()>
            {move || match link_problem() {
                Some(problem) => {
                    #[cfg(feature = "ssr")]
                    crate::error::set_page_status(&problem);
                    let link = match problem {
                        LinkError::Used => Some((texts.nav_login, "/login")),
                        _ => Some((t.request_new_reset, "/password/forgot")),
                    };
                    view! { <Notice title=t.link_problem_title text=problem.message(locale) link/> }
                        .into_any()
                }
                None if checked.get().is_some() => view! {
                    <section class="form-page">
                        <h1>{title}</h1>
                        <p>{intro}</p>
                        <p class="hint">{t.password_rules_title} " " {rules.join(", ")}</p>
                        <ResetForm token=token() link/>
                    </section>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </Suspense>
    }
}

/// An island: the new password is checked against the rules as it is typed.
#[island(lazy)]
fn ResetForm(token: String, link: PasswordLink) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.accounts;
    let submit = match link {
        PasswordLink::Reset => t.reset_submit,
        PasswordLink::Invitation => t.invitation_submit,
    };
    let reset = ServerAction::<ResetPassword>::new();
    let answer = move || reset.value().get().and_then(Result::err);
    // The link stopped working meanwhile: the page shows why.
    Effect::new(move |_| {
        if matches!(answer(), Some(ResetError::Link(_))) {
            crate::ui::reload_page();
        }
    });
    // Checked while typing, with the rules the server applies.
    let typed = RwSignal::new(String::new());
    let message = move |error: FieldError| t.field_error(&error, texts.email_invalid);
    let password_error = move || {
        let live = typed.with(|p| {
            (!p.is_empty())
                .then(|| Password::parse(p).err())
                .flatten()
                .map(FieldError::WeakPassword)
        });
        match answer() {
            Some(ResetError::Password(error)) if typed.with(String::is_empty) => Some(error),
            _ => live,
        }
        .map(message)
    };
    let confirmation_error = move || match answer() {
        Some(ResetError::Confirmation(error)) => Some(message(error)),
        _ => None,
    };
    view! {
        <ActionForm action=reset attr:class="stacked-form" attr:novalidate="">
            <input type="hidden" name="token" value=token/>
            <input type="hidden" name="link" value=link.as_str()/>
            <label for="reset-password">{t.field_new_password}</label>
            <input
                id="reset-password"
                type="password"
                name="password"
                autocomplete="new-password"
                required
                aria-describedby="reset-password-error"
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <p class="field-error" id="reset-password-error">{password_error}</p>
            <Field
                id="reset-password-confirmation"
                name="password_confirmation"
                label=t.field_password_confirmation
                input_type="password"
                autocomplete="new-password"
                error=Signal::derive(confirmation_error)
            />
            <button type="submit">{submit}</button>
        </ActionForm>
    }
}
