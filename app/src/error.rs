//! Errors that cross from the server to the page.

use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use axum::http::StatusCode;
use kontor_domain::FieldErrors;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The HTTP answer an error value stands for — decided here, once per error type, and applied
/// wherever the error leaves the server: a server function's response (`answer`, through
/// `FromServerFnError::ser`) and a page that shows the refusal (`set_page_status`). A 500 is
/// only ever a fault of ours; what the caller got wrong is a 4xx.
#[cfg(feature = "ssr")]
pub trait HttpStatus {
    fn status(&self) -> Status;
}

/// A status, or a 429 with the `Retry-After` it carries.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Code(StatusCode),
    TryAgainAfter { secs: u64 },
}

/// A server function's error as the response body (JSON), with the status and `Retry-After`
/// its value stands for. server_fn serialises the error inside the request's reactive owner,
/// so the response options set here reach the response.
#[cfg(feature = "ssr")]
pub(crate) fn answer<E: Serialize + HttpStatus>(error: &E) -> leptos::server_fn::Bytes {
    use leptos::server_fn::{Bytes, Encodes};
    set_page_status(error);
    <JsonEncoding as Encodes<E>>::encode(error)
        .unwrap_or_else(|_| Bytes::from_static(br#""Internal""#))
}

/// Sets the response's status (and `Retry-After`) from an error the request ends with. A plain
/// form post (JavaScript off) keeps its redirect back to the form, which shows the reason.
#[cfg(feature = "ssr")]
pub fn set_page_status(error: &impl HttpStatus) {
    match error.status() {
        Status::Code(status) => {
            if status.is_server_error() {
                tracing::error!(%status, "the request failed on our side");
            }
            crate::platform::request::set_error_status(status);
        }
        Status::TryAgainAfter { secs } => {
            crate::platform::request::too_many_requests(std::time::Duration::from_secs(secs))
        }
    }
}

/// `FromServerFnError` for an error type of ours: JSON, a request that could not be read
/// becomes `$transport` (a 400 on the server, a failed call in the browser), and on the
/// server the answer carries the status the value stands for.
macro_rules! server_fn_error {
    ($error:ty, $transport:path) => {
        impl leptos::server_fn::error::FromServerFnError for $error {
            type Encoder = leptos::server_fn::codec::JsonEncoding;

            fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
                $transport(value.to_string())
            }

            #[cfg(feature = "ssr")]
            fn ser(&self) -> leptos::server_fn::Bytes {
                $crate::error::answer(self)
            }
        }
    };
}
pub(crate) use server_fn_error;

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
    /// A change of a subscription that cannot be asked for now.
    #[error("the subscription cannot be changed so: {0:?}")]
    SubscriptionChange(kontor_domain::SubscriptionProblem),
    /// The cloud provider said no, for this reason; nothing was changed.
    #[error("the provider refused: {0:?}")]
    ProviderRefused(kontor_domain::ProviderProblem),
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
    OrderRefused(kontor_domain::OrderProblem),
    /// The call did not reach the server function, or its answer could not be read.
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The refusal of something done too often, with the wait (at least a second).
    pub fn try_again_after(wait: std::time::Duration) -> AppError {
        AppError::TooManyRequests {
            retry_after_secs: wait.as_secs().max(1),
        }
    }

    /// What a form says about a failure that is not about one of its fields.
    pub fn message(&self, texts: &crate::i18n::Texts) -> String {
        match self {
            AppError::NotLoggedIn => texts.access_login_first.to_owned(),
            AppError::ProviderUnavailable => texts.tenants.provider_unavailable.to_owned(),
            AppError::ProviderRefused(problem) => (texts.provider.problem)(*problem),
            AppError::SubscriptionChange(problem) => {
                use kontor_domain::SubscriptionProblem;
                let t = texts.subscriptions;
                match problem {
                    SubscriptionProblem::WindowClosed => t.window_closed_refusal,
                    SubscriptionProblem::ChangePending => t.change_pending_refusal,
                    SubscriptionProblem::NotChangeable => t.not_changeable,
                }
                .to_owned()
            }
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

server_fn_error!(AppError, AppError::Transport);

#[cfg(feature = "ssr")]
impl HttpStatus for AppError {
    fn status(&self) -> Status {
        Status::Code(match self {
            AppError::TooManyRequests { retry_after_secs } => {
                return Status::TryAgainAfter {
                    secs: *retry_after_secs,
                }
            }
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::NotLoggedIn => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::ProviderUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::ProviderRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::SubscriptionChange(kontor_domain::SubscriptionProblem::WindowClosed) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::SubscriptionChange(_) => StatusCode::CONFLICT,
            AppError::AlreadyAccepted | AppError::OwnAccount | AppError::CustomerNumberInUse => {
                StatusCode::CONFLICT
            }
            AppError::LinkUnusable => StatusCode::GONE,
            AppError::MpnMissing | AppError::MicrosoftIdMissing => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::OrderRefused(problem) if problem.is_conflict() => StatusCode::CONFLICT,
            AppError::OrderRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Transport(_) => StatusCode::BAD_REQUEST,
        })
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

    #[cfg(feature = "ssr")]
    fn ser(&self) -> leptos::server_fn::Bytes {
        answer(self)
    }
}

#[cfg(feature = "ssr")]
impl<F> HttpStatus for FormError<F> {
    fn status(&self) -> Status {
        match self {
            FormError::Invalid(_) => Status::Code(StatusCode::UNPROCESSABLE_ENTITY),
            FormError::Failed(error) => error.status(),
        }
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

server_fn_error!(LinkError, LinkError::Transport);

#[cfg(feature = "ssr")]
impl HttpStatus for LinkError {
    /// A link never issued is 404, one that worked once (used, expired, replaced) 410: the
    /// caller's link, not our failure.
    fn status(&self) -> Status {
        Status::Code(match self {
            LinkError::TooManyRequests { retry_after_secs } => {
                return Status::TryAgainAfter {
                    secs: *retry_after_secs,
                }
            }
            LinkError::Unknown => StatusCode::NOT_FOUND,
            LinkError::Used | LinkError::Expired | LinkError::Superseded => StatusCode::GONE,
            LinkError::InvalidEmail => StatusCode::UNPROCESSABLE_ENTITY,
            LinkError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            LinkError::Transport(_) => StatusCode::BAD_REQUEST,
        })
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
    fn from(error: crate::platform::email_tokens::TokenError) -> Self {
        use crate::platform::email_tokens::TokenError;
        match error {
            TokenError::Unknown => LinkError::Unknown,
            TokenError::Used => LinkError::Used,
            TokenError::Expired => LinkError::Expired,
            TokenError::Superseded => LinkError::Superseded,
            TokenError::Database(error) => LinkError::internal(error),
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
