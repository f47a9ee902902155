//! Errors that cross from the server to the page.

use crate::domain::FieldErrors;
use crate::i18n::Locale;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Something failed on our side; the details are in the server log, never on the page.
    #[error("internal error")]
    Internal,
    /// The request needs a logged-in user.
    #[error("not logged in")]
    NotLoggedIn,
    /// The logged-in user's role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Nothing with this id exists for this user — also when it belongs to someone else.
    #[error("not found")]
    NotFound,
    /// The cloud provider did not answer; nothing was changed.
    #[error("the provider is unavailable")]
    ProviderUnavailable,
    /// Too many of these in a short time; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// The customer has accepted the cloud agreement already.
    #[error("the agreement is accepted already")]
    AlreadyAccepted,
    /// An emailed link that no longer works (used, expired, replaced or unknown).
    #[error("the link does not work any more")]
    LinkUnusable,
    /// "MPA prüfen" before a location MPN is stored.
    #[error("no location MPN stored")]
    MpnMissing,
    /// The partner status needs the reseller's Microsoft id, which is not stored yet.
    #[error("no Microsoft id stored")]
    MicrosoftIdMissing,
    /// What nobody may do to their own account (deactivate it).
    #[error("not with one's own account")]
    OwnAccount,
    /// A reseller account signed up under this customer number: it stays in the registry.
    #[error("the customer number is in use")]
    CustomerNumberInUse,
    #[error("the order was refused: {0}")]
    OrderRefused(crate::domain::OrderProblem),
    /// The call did not reach the server function, or its answer could not be read.
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// What a form says about a failure that is not about one of its fields.
    pub fn message(&self, texts: &crate::i18n::Texts) -> String {
        match self {
            AppError::NotLoggedIn => texts.access_login_first.to_owned(),
            AppError::ProviderUnavailable => texts.tenants.provider_unavailable.to_owned(),
            AppError::MpnMissing => texts.partner.mpa_needs_mpn.to_owned(),
            AppError::MicrosoftIdMissing => texts.partner.identity_missing.to_owned(),
            AppError::AlreadyAccepted => texts.agreements.already_accepted.to_owned(),
            AppError::LinkUnusable => texts.agreements.link_unusable.to_owned(),
            AppError::CustomerNumberInUse => texts.registry.in_use.to_owned(),
            AppError::OwnAccount => texts.admin.own_account.to_owned(),
            AppError::OrderRefused(problem) => texts.orders.problem(*problem).to_owned(),
            AppError::TooManyRequests { retry_after_secs } => {
                (texts.accounts.too_many_requests)(retry_after_secs.div_ceil(60))
            }
            _ => texts.error_text.to_owned(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server: arguments that do not parse are the caller's mistake (400), not ours.
        #[cfg(feature = "ssr")]
        if matches!(
            value,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_)
        ) {
            crate::platform::request::set_error_status(axum::http::StatusCode::BAD_REQUEST);
        }
        AppError::Transport(value.to_string())
    }
}

/// What a form's server function may answer: the fields to correct, or why it failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FormError<F> {
    #[error("some fields are not valid")]
    Invalid(FieldErrors<F>),
    #[error(transparent)]
    Failed(#[from] AppError),
}

impl<F> FormError<F> {
    pub fn field_errors(&self) -> FieldErrors<F>
    where
        F: Clone,
    {
        match self {
            FormError::Invalid(errors) => errors.clone(),
            FormError::Failed(_) => Vec::new(),
        }
    }
}

impl<F> FromServerFnError for FormError<F>
where
    F: std::fmt::Debug + Serialize + for<'de> Deserialize<'de> + 'static,
{
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        FormError::Failed(AppError::from_server_fn_error(value))
    }
}

/// What can be wrong with a single-use link sent by email (signup confirmation, password
/// reset), or with the request for a new one.
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
