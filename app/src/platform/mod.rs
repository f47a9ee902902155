//! Server-only infrastructure every capability builds on: the database (crate `kontor-db`,
//! named here for the context), sessions and requests, rate limits and throttles, the memory
//! of refused forms, mail, email tokens, secrets and the provider. Gated once, in `lib.rs`;
//! it imports no capability. The job queue is crate `kontor-jobs`.

pub mod client_address;
pub mod email_tokens;
pub mod form_memory;
pub mod installation;
pub mod mail;
pub mod passwords;
pub mod provider;
pub mod rate_limit;
pub mod request;
pub mod sealing;
pub mod secret_token;
pub mod sessions;

pub use kontor_db::{unix_now, Backend, Database, DbError};

use crate::error::AppError;

/// What the server put into the Leptos context for pages and server functions (`what` names it
/// in the log). Missing, it is the server's fault: a 500, never the user's.
pub fn from_context<T: Clone + Send + Sync + 'static>(what: &str) -> Result<T, AppError> {
    leptos::prelude::use_context::<T>().ok_or_else(|| {
        tracing::error!("no {what} in the Leptos context");
        AppError::Internal
    })
}

/// The database the server put into the Leptos context for pages and server functions.
pub fn database() -> Result<Database, AppError> {
    from_context("database")
}

impl From<DbError> for AppError {
    fn from(error: DbError) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

impl<F> From<DbError> for crate::error::FormError<F> {
    fn from(error: DbError) -> Self {
        crate::error::FormError::Failed(error.into())
    }
}

/// A query or transaction run in a server function itself (`begin`, `commit`).
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        DbError::from(error).into()
    }
}

impl<F> From<sqlx::Error> for crate::error::FormError<F> {
    fn from(error: sqlx::Error) -> Self {
        DbError::from(error).into()
    }
}
