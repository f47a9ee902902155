//! Single-use links sent by email (signup confirmation, password reset): what can be wrong
//! with one, and the form that asks for a new mail.

mod request;

pub use request::{LinkKind, RequestDonePage, RequestLink, RequestPage};

use crate::i18n::Locale;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
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
impl From<crate::platform::email_tokens::TokenError> for LinkError {
    /// Also the status for script callers: 404 for a link never issued, 410 for one that
    /// worked once (used, expired, replaced): the caller's link, not our failure.
    fn from(error: crate::platform::email_tokens::TokenError) -> Self {
        use crate::platform::email_tokens::TokenError;
        use axum::http::StatusCode;
        let (status, error) = match error {
            TokenError::Unknown => (StatusCode::NOT_FOUND, LinkError::Unknown),
            TokenError::Used => (StatusCode::GONE, LinkError::Used),
            TokenError::Expired => (StatusCode::GONE, LinkError::Expired),
            TokenError::Superseded => (StatusCode::GONE, LinkError::Superseded),
            TokenError::Database(error) => {
                tracing::error!(%error, "email link failed on our side");
                return LinkError::Internal;
            }
        };
        crate::platform::request::set_error_status(status);
        error
    }
}

#[cfg(feature = "ssr")]
impl LinkError {
    pub fn internal(error: impl std::fmt::Display) -> LinkError {
        tracing::error!(%error, "email link failed on our side");
        LinkError::Internal
    }
}

/// The address a mail was asked for (confirmation again, password reset), once it parses and
/// the limits per client and per recipient allow another mail.
#[cfg(feature = "ssr")]
fn email_for_mail_on_request(
    input: &str,
    purpose: crate::platform::rate_limit::MailPurpose,
) -> Result<crate::domain::EmailAddress, LinkError> {
    use crate::platform::{rate_limit::Limits, request};
    use leptos::prelude::use_context;
    let email = crate::domain::EmailAddress::parse(input).map_err(|_| {
        request::set_error_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        LinkError::InvalidEmail
    })?;
    let limits = use_context::<Limits>().ok_or(LinkError::Internal)?;
    if let Err(wait) = limits.mail_on_request(
        request::client_address(),
        purpose,
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
