//! Errors that cross from the server to the page.

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
