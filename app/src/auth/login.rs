use crate::i18n::Texts;
use crate::ui::Field;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LoginError {
    #[error("not a valid email address")]
    InvalidEmail,
    #[error("no password given")]
    MissingPassword,
    /// One answer for an unknown email and a wrong password: no account enumeration.
    #[error("wrong email or password")]
    WrongCredentials,
    /// The password was right, but the signup's email address is not confirmed yet.
    #[error("email address not confirmed")]
    Unconfirmed,
    #[error("waiting for the distributor's approval")]
    AwaitingApproval,
    #[error("signup rejected")]
    Rejected,
    /// The distributor locked the reseller's account.
    #[error("account locked")]
    Locked,
    #[error("too many failed attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

crate::error::server_fn_error!(LoginError, LoginError::Transport);

#[cfg(feature = "ssr")]
impl crate::error::HttpStatus for LoginError {
    fn status(&self) -> crate::error::Status {
        use axum::http::StatusCode;
        crate::error::Status::Code(match self {
            LoginError::TooManyAttempts { retry_after_secs } => {
                return crate::error::Status::TryAgainAfter {
                    secs: *retry_after_secs,
                }
            }
            LoginError::InvalidEmail | LoginError::MissingPassword => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            LoginError::WrongCredentials => StatusCode::UNAUTHORIZED,
            LoginError::Unconfirmed
            | LoginError::AwaitingApproval
            | LoginError::Rejected
            | LoginError::Locked => StatusCode::FORBIDDEN,
            LoginError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            LoginError::Transport(_) => StatusCode::BAD_REQUEST,
        })
    }
}

impl LoginError {
    fn message(&self, t: &Texts) -> String {
        match self {
            LoginError::InvalidEmail => t.email_invalid.to_owned(),
            LoginError::MissingPassword => t.password_missing.to_owned(),
            LoginError::WrongCredentials => t.login_failed.to_owned(),
            LoginError::Unconfirmed => t.accounts.login_unconfirmed.to_owned(),
            LoginError::AwaitingApproval => t.accounts.login_awaiting_approval.to_owned(),
            LoginError::Rejected => t.accounts.login_rejected.to_owned(),
            LoginError::Locked => t.accounts.login_locked.to_owned(),
            LoginError::TooManyAttempts { retry_after_secs } => {
                (t.login_too_many)(retry_after_secs.div_ceil(60))
            }
            LoginError::Internal | LoginError::Transport(_) => t.error_text.to_owned(),
        }
    }
}

#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), LoginError> {
    let result = log_in(email.clone(), password).await;
    // Without JavaScript the form comes back empty otherwise; what cannot be an address is
    // not kept.
    if result.is_err() && email.len() <= kontor_domain::EmailAddress::MAX_LEN {
        crate::platform::form_memory::remember_refused(FORM_NAME, &email).await;
    }
    result
}

#[cfg(feature = "ssr")]
async fn log_in(email: String, password: String) -> Result<(), LoginError> {
    use crate::auth::server::login_throttle;
    use crate::auth::server::users;
    use crate::platform::rate_limit::LimitError;
    use crate::platform::{passwords, request, sessions, unix_now, unix_now_ms};
    use kontor_domain::EmailAddress;
    use kontor_domain::{ResellerStanding, ResellerStatus};

    let internal = |error: crate::platform::DbError| {
        tracing::error!(%error, "login failed on our side");
        LoginError::Internal
    };
    let db = crate::platform::database().map_err(|_| LoginError::Internal)?;
    let address = request::client_address();
    let account = email.trim().to_lowercase();

    let email = EmailAddress::parse(&email).map_err(|_| LoginError::InvalidEmail)?;
    if password.is_empty() {
        return Err(LoginError::MissingPassword);
    }
    let attempt = match login_throttle::attempt(&db, &account, address, unix_now_ms()).await {
        Ok(attempt) => attempt,
        Err(LimitError::TooMany { wait }) => {
            return Err(LoginError::TooManyAttempts {
                retry_after_secs: wait.as_secs(),
            })
        }
        Err(LimitError::Db(error)) => return Err(internal(error)),
    };
    let user = users::find_by_email(db.pool(), &email)
        .await
        .map_err(internal)?;
    // Always hash, even for an unknown email, so the answer takes as long either way.
    let matches =
        passwords::verify(user.as_ref().map(|u| u.password_hash.clone()), &password).await;
    // The attempt counts as a failure unless the password was right.
    let Some(user) = user.filter(|_| matches) else {
        return Err(LoginError::WrongCredentials);
    };
    login_throttle::succeeded(&db, attempt)
        .await
        .map_err(internal)?;
    // Only now, with the right password, may the answer say where the account stands.
    let refusal = match user.reseller_standing {
        Some(ResellerStanding::Status(ResellerStatus::Unconfirmed)) => {
            Some(LoginError::Unconfirmed)
        }
        Some(ResellerStanding::Status(ResellerStatus::AwaitingApproval)) => {
            Some(LoginError::AwaitingApproval)
        }
        Some(ResellerStanding::Status(ResellerStatus::Rejected)) => Some(LoginError::Rejected),
        Some(ResellerStanding::Locked) => Some(LoginError::Locked),
        Some(ResellerStanding::Status(ResellerStatus::Active)) | None => None,
    };
    if let Some(refusal) = refusal {
        return Err(refusal);
    }

    let previous = request::current_session().map(|session| session.token);
    let token = sessions::start(&db, user.id, previous.as_ref(), unix_now())
        .await
        .map_err(internal)?;
    request::set_session_cookie(Some(&token));
    tracing::info!(user_id = %user.id, "logged in");
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(feature = "ssr")]
const FORM_NAME: &str = "login";

/// The address of this browser's last refused login (JavaScript off), to fill in again.
#[server(endpoint = "login/draft")]
pub async fn login_draft() -> Result<Option<String>, LoginError> {
    use crate::platform::form_memory::recall_refused;
    Ok(recall_refused(FORM_NAME).await)
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    // Created here, inside the routes: without JavaScript the failed attempt comes back with
    // its error in the URL, and only the routes read it.
    let login = ServerAction::<Login>::new();
    let kept = Resource::new(|| (), |_| login_draft());
    view! {
        <Title text=t.login_title/>
        <Suspense fallback=|| ()>
            {move || kept.get().map(|kept| {
                let email = kept.ok().flatten().unwrap_or_default();
                view! { <LoginForm login email/> }
            })}
        </Suspense>
    }
}

#[component]
fn LoginForm(login: ServerAction<Login>, email: String) -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let error = move || login.value().get().and_then(Result::err);
    let email_error = move || {
        error()
            .filter(|e| *e == LoginError::InvalidEmail)
            .map(|e| e.message(t))
    };
    let password_error = move || {
        error()
            .filter(|e| *e == LoginError::MissingPassword)
            .map(|e| e.message(t))
    };
    let form_error = move || {
        error()
            .filter(|e| !matches!(e, LoginError::InvalidEmail | LoginError::MissingPassword))
            .map(|e| e.message(t))
    };
    view! {
        <section class="form-page">
            <h1>{t.login_title}</h1>
            <p>{t.login_intro}</p>
            <ActionForm action=login attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert" id="login-error">{form_error}</p>
                <Field
                    id="login-email"
                    name="email"
                    label=t.field_email
                    input_type="email"
                    autocomplete="username"
                    value=email
                    error=Signal::derive(email_error)
                />
                <Field
                    id="login-password"
                    name="password"
                    label=t.field_password
                    input_type="password"
                    autocomplete="current-password"
                    error=Signal::derive(password_error)
                />
                <button type="submit" class="button">{t.login_submit}</button>
            </ActionForm>
            {move || (error() == Some(LoginError::Unconfirmed)).then(|| view! {
                <p><a href="/signup/resend">{t.accounts.request_new_confirmation}</a></p>
            })}
            <p class="form-links">
                <a href="/password/forgot">{t.accounts.login_forgot_link}</a>
                <br/>
                {t.accounts.login_new_here} " "
                <a href="/signup">{t.accounts.login_signup_link}</a>
            </p>
        </section>
    }
}
