//! Errors that cross from the server to the page.

use crate::domain::FieldErrors;
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
    /// The call did not reach the server function, or its answer could not be read.
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
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
        FormError::Failed(AppError::Transport(value.to_string()))
    }
}
