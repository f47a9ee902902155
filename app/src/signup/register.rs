//! The signup's server function: parse, check the customer number against the distributor's
//! records, then create the company, its admin, the confirmation token and the mail in one
//! transaction. An address that has an account already gets the same answer and a mail of
//! its own: no one learns from the form which addresses are registered.

use super::form::{FieldErrors, SignupForm};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The versions of the terms and privacy policy the signup accepts (shown on their pages).
pub const TERMS_VERSION: &str = "2026-11";
pub const PRIVACY_VERSION: &str = "2026-11";
/// The key under which a refused signup is kept for a browser without JavaScript.
#[cfg(feature = "ssr")]
const FORM_NAME: &str = "signup";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SignupError {
    #[error("some fields are not valid")]
    Invalid(FieldErrors),
    #[error("too many signups")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

crate::error::server_fn_error!(SignupError, SignupError::Transport);

#[cfg(feature = "ssr")]
impl crate::error::HttpStatus for SignupError {
    fn status(&self) -> crate::error::Status {
        use axum::http::StatusCode;
        crate::error::Status::Code(match self {
            SignupError::TooManyAttempts { retry_after_secs } => {
                return crate::error::Status::TryAgainAfter {
                    secs: *retry_after_secs,
                }
            }
            SignupError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            SignupError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            SignupError::Transport(_) => StatusCode::BAD_REQUEST,
        })
    }
}

#[server(endpoint = "signup")]
pub async fn sign_up(form: SignupForm) -> Result<(), SignupError> {
    let result = ssr::register(&form).await;
    match &result {
        Ok(()) => leptos_axum::redirect("/signup/sent"),
        // Only a form refused for its fields comes back: a throttled one is not kept, so a
        // flood of signups cannot fill the kept refused forms.
        Err(SignupError::Invalid(_)) => {
            let kept = form.clone().without_secrets();
            crate::platform::form_memory::remember_refused(FORM_NAME, &kept).await;
        }
        Err(_) => {}
    }
    result
}

/// The form as this browser last had it refused (JavaScript off), without its passwords.
#[server(endpoint = "signup/draft")]
pub async fn signup_draft() -> Result<Option<SignupForm>, SignupError> {
    use crate::platform::form_memory::recall_refused;
    Ok(recall_refused(FORM_NAME).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::super::form::{parse_signup, SignupField};
    use super::super::mails;
    use super::*;
    use crate::auth::server::users;
    use crate::i18n::current_locale;
    use crate::platform::database;
    use crate::platform::email_tokens::{self, TokenPurpose};
    use crate::platform::rate_limit::{hit_all, limit_key, LimitError, Limits, MailPurpose};
    use crate::platform::{mail::outbox, passwords};
    use crate::platform::{request, unix_now, unix_now_ms, DbError};
    use crate::resellers::server::{self as resellers, CreateError};
    use crate::resellers::Registration;
    use kontor_domain::{ResellerStanding, ResellerStatus};

    fn internal(error: DbError) -> SignupError {
        tracing::error!(%error, "signup failed on our side");
        SignupError::Internal
    }

    pub async fn register(form: &SignupForm) -> Result<(), SignupError> {
        let registration = parse_signup(form).map_err(SignupError::Invalid)?;
        let limits = use_context::<Limits>().ok_or(SignupError::Internal)?;
        let db = database().map_err(|_| SignupError::Internal)?;
        // Every complete signup counts, so the customer-number check cannot be used to guess;
        // and every one mails its address, which gets only a few signup mails an hour.
        let client = limit_key(request::client_address()).to_string();
        let (per_recipient, recipient) =
            limits.mail_to(MailPurpose::Signup, registration.email.as_str());
        let counted = hit_all(
            &db,
            &[(limits.signups, &client), (per_recipient, &recipient)],
            unix_now_ms(),
        )
        .await;
        match counted {
            Ok(_) => {}
            Err(LimitError::TooMany { wait }) => {
                return Err(SignupError::TooManyAttempts {
                    retry_after_secs: wait.as_secs(),
                })
            }
            Err(LimitError::Db(error)) => return Err(internal(error)),
        }
        let links = request::link_base().ok_or(SignupError::Internal)?;
        // Hashed for every signup, also the duplicates: both answers take as long.
        let hash = passwords::hash(&registration.password)
            .await
            .map_err(|_| SignupError::Internal)?;
        let locale = current_locale();
        let now = unix_now();

        let mut tx = db.begin().await.map_err(|e| internal(e.into()))?;
        // Signups left unconfirmed too long give their customer numbers free.
        resellers::discard_unconfirmed_before(&mut tx, now - resellers::UNCONFIRMED_SECS)
            .await
            .map_err(internal)?;
        let existing = users::find_by_email(&mut *tx, &registration.email)
            .await
            .map_err(internal)?;
        // Signed up before but never confirmed: this signup replaces that one, data and
        // password alike (whoever made the first need not own the address).
        let existing = match existing {
            Some(user)
                if user.reseller_standing
                    == Some(ResellerStanding::Status(ResellerStatus::Unconfirmed)) =>
            {
                resellers::discard_unconfirmed_of(&mut tx, user.id)
                    .await
                    .map_err(internal)?;
                None
            }
            other => other,
        };
        if let Some(number) = &registration.customer_number {
            let vouches =
                resellers::customer_number_vouches(&mut tx, number, &registration.postal_code)
                    .await
                    .map_err(internal)?;
            if !vouches {
                return Err(SignupError::Invalid(vec![(
                    SignupField::CustomerNumber,
                    kontor_domain::FieldError::CustomerNumberNotConfirmed,
                )]));
            }
        }
        let mail = match existing {
            Some(user) => {
                mails::already_registered(user.locale, &links, registration.email.clone())
            }
            None => {
                let user_id = create(&mut tx, &registration, &hash, locale, now).await?;
                let token =
                    email_tokens::issue(&mut tx, TokenPurpose::ConfirmSignup, user_id.0, now)
                        .await
                        .map_err(internal)?;
                tracing::info!(%user_id, "reseller signed up");
                mails::confirm_signup(locale, &links, &token, registration.email.clone())
            }
        };
        outbox::enqueue(&mut tx, &mail, now)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(|e| internal(e.into()))?;
        Ok(())
    }

    async fn create(
        conn: &mut sqlx::AnyConnection,
        registration: &Registration,
        hash: &passwords::StoredHash,
        locale: crate::i18n::Locale,
        now: i64,
    ) -> Result<kontor_domain::UserId, SignupError> {
        resellers::create(
            conn,
            registration,
            hash,
            locale,
            now,
            (TERMS_VERSION, PRIVACY_VERSION),
        )
        .await
        .map_err(|error| match error {
            CreateError::CustomerNumberTaken => SignupError::Invalid(vec![(
                SignupField::CustomerNumber,
                kontor_domain::FieldError::CustomerNumberNotConfirmed,
            )]),
            CreateError::Database(error) => internal(error),
        })
    }
}
