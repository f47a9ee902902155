//! Without JavaScript a refused form post is answered with a redirect back to the form, and
//! the browser forgets what was typed. Kontor keeps it (never passwords) for a few minutes,
//! under a random key in a cookie, so that the form comes back filled in: in the database, so
//! that whichever Kontor process serves the next page finds it, and sealed with the server's
//! key, so that a copy of the database shows nothing anyone typed. Bounded in bytes, per form
//! and in all, so that what anyone posts cannot fill the disk; expired forms are deleted as
//! new ones come.

use crate::error::{AppError, FormError};
use crate::platform::sealing::SealingKey;
use crate::platform::{database, request, secret_token::SecretToken, unix_now, DbError};
use leptos::prelude::use_context;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::Row;

pub const COOKIE: &str = "kontor_form";
const KEEP_SECS: i64 = 10 * 60;
/// The largest form kept: far more than anyone types into a form; a larger one is not kept.
pub const MAX_FORM_BYTES: usize = 64 * 1024;
/// What all kept forms may take together. Beyond it a refused form is not kept (it comes
/// back empty), rather than the disk filling with what strangers post.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

/// The entry of the form `form_name` under the key in this browser's cookie.
fn entry(form_name: &str, key: &SecretToken) -> String {
    format!("{form_name}:{}", key.digest())
}

fn presented_key() -> Option<SecretToken> {
    request::cookie(COOKIE).and_then(|value| SecretToken::from_presented(&value))
}

/// Keeps `form` (already stripped of secrets) for the next page this browser loads, when
/// the request is a plain form post; script callers keep their form themselves.
pub async fn remember_refused<T: Serialize>(form_name: &str, form: &T) {
    if !request::is_plain_form_post() {
        return;
    }
    let Ok(json) = serde_json::to_string(form) else {
        return;
    };
    if json.len() > MAX_FORM_BYTES {
        return;
    }
    let (Ok(db), Some(key)) = (database(), use_context::<SealingKey>()) else {
        tracing::error!("no database or sealing key in the context; the form is not kept");
        return;
    };
    let token = SecretToken::generate();
    let sealed = key.seal(&json);
    match keep(&db, &entry(form_name, &token), &sealed, unix_now()).await {
        Ok(true) => request::set_private_cookie(COOKIE, token.expose(), KEEP_SECS),
        Ok(false) => {
            tracing::warn!("the kept refused forms are at their bound; this one is not kept")
        }
        Err(error) => tracing::error!(%error, "a refused form could not be kept"),
    }
}

/// Stores a sealed form unless all kept forms would pass their bound; whether it did.
async fn keep(
    db: &kontor_db::Database,
    entry: &str,
    sealed: &str,
    now: i64,
) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM refused_forms WHERE kept_until <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let kept: i64 =
        sqlx::query("SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM refused_forms")
            .fetch_one(&mut *tx)
            .await?
            .get(0);
    let bytes = (entry.len() + sealed.len()) as i64;
    if kept + bytes > MAX_TOTAL_BYTES as i64 {
        return Ok(false);
    }
    // The entry names a key made for this form just now: it is new.
    sqlx::query(
        "INSERT INTO refused_forms (entry, sealed, bytes, kept_until) VALUES ($1, $2, $3, $4)",
    )
    .bind(entry)
    .bind(sealed)
    .bind(bytes)
    .bind(now + KEEP_SECS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The form of this name this browser last had refused (JavaScript off), if it is still kept:
/// what a form page loads instead of the stored record.
pub async fn recall_refused<T: DeserializeOwned>(form_name: &str) -> Option<T> {
    let token = presented_key()?;
    let (db, key) = (database().ok()?, use_context::<SealingKey>()?);
    let sealed: Option<String> =
        sqlx::query("SELECT sealed FROM refused_forms WHERE entry = $1 AND kept_until > $2")
            .bind(entry(form_name, &token))
            .bind(unix_now())
            .fetch_optional(db.pool())
            .await
            .inspect_err(|error| tracing::error!(%error, "a kept form could not be read"))
            .ok()
            .flatten()
            .map(|row| row.get(0));
    serde_json::from_str(&key.open(&sealed?).ok()?).ok()
}

/// What a form's server function does after saving, when it shows the same page again: the
/// refused form kept before would otherwise come back instead of what was saved.
pub async fn forget_refused(form_name: &str) {
    let (Some(token), Ok(db)) = (presented_key(), database()) else {
        return;
    };
    let forgotten = sqlx::query("DELETE FROM refused_forms WHERE entry = $1")
        .bind(entry(form_name, &token))
        .execute(db.pool())
        .await;
    if let Err(error) = forgotten {
        tracing::error!(%error, "a kept form could not be forgotten");
    }
}

/// What a form's server function does with a refusal: the form is kept for the page (when
/// JavaScript is off), and wrong fields are a 422 for script callers. A form refused because
/// the sender may not use it (not logged in, another role, not theirs) is not kept: it was
/// never the sender's form to get back.
pub async fn keep_refused<F, T: Serialize>(error: &FormError<F>, name: &str, form: &T) {
    let unauthorised = matches!(
        error,
        FormError::Failed(
            AppError::NotLoggedIn
                | AppError::Forbidden
                | AppError::NotFound
                | AppError::Transport(_)
        )
    );
    if !unauthorised {
        remember_refused(name, form).await;
    }
}

/// The answer of a form that goes on to `page` once saved (forgetting any refused draft) and
/// keeps a refused one for the form page.
pub async fn settle<F, T: Serialize>(
    result: &Result<(), FormError<F>>,
    name: &str,
    form: &T,
    page: &str,
) {
    match result {
        Ok(()) => {
            forget_refused(name).await;
            leptos_axum::redirect(page);
        }
        Err(error) => keep_refused(error, name, form).await,
    }
}
