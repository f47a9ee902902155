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

pub use kontor_db::{hold_sqlite_file, unix_now, unix_now_ms, Backend, Database, DbError};

use crate::error::AppError;

/// The database the server put into the Leptos context for pages and server functions.
pub fn database() -> Result<Database, AppError> {
    leptos::prelude::use_context::<Database>().ok_or_else(|| {
        tracing::error!("no database in the Leptos context");
        AppError::Internal
    })
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
