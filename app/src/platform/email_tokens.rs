//! Single-use links sent by email: confirming a signup, resetting a password, accepting an
//! invitation or the cloud agreement. A token is bound to one purpose and one record, expires,
//! works once, and is stored only as a digest. Issuing a new one for the same purpose and
//! record supersedes the older link. Each failure has its own reason, so the landing page can
//! explain itself (and a token of another purpose is simply unknown).

use crate::platform::{secret_token::SecretToken, DbError};
use kontor_db::{one_at_a_time, Exclusive};
use sqlx::AnyConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    ConfirmSignup,
    ResetPassword,
    AdminInvitation,
    AcceptAgreement,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::ConfirmSignup => "confirm_signup",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::AdminInvitation => "admin_invitation",
            TokenPurpose::AcceptAgreement => "accept_agreement",
        }
    }

    /// How long a link stays valid.
    pub fn validity_secs(self) -> i64 {
        const HOUR: i64 = 60 * 60;
        match self {
            TokenPurpose::ConfirmSignup => 48 * HOUR,
            TokenPurpose::ResetPassword => HOUR,
            TokenPurpose::AdminInvitation => 7 * 24 * HOUR,
            TokenPurpose::AcceptAgreement => 14 * 24 * HOUR,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("this link is not known")]
    Unknown,
    #[error("this link has been used already")]
    Used,
    #[error("this link has expired")]
    Expired,
    #[error("a newer link has replaced this one")]
    Superseded,
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<sqlx::Error> for TokenError {
    fn from(error: sqlx::Error) -> Self {
        TokenError::Database(error.into())
    }
}

/// Issues a token, in the caller's transaction, so that the mail carrying it is written in
/// the same one. Older unused tokens for the same purpose and record stop working.
pub async fn issue(
    conn: &mut AnyConnection,
    purpose: TokenPurpose,
    subject_id: i64,
    now: i64,
) -> Result<SecretToken, DbError> {
    // Two links issued at the same moment: the second supersedes the first, so one works.
    let links = Exclusive::EmailLinks {
        purpose: purpose as u8,
        subject_id,
    };
    one_at_a_time(conn, links).await?;
    supersede(conn, purpose, subject_id, now).await?;
    let token = SecretToken::generate();
    sqlx::query(
        "INSERT INTO email_tokens (digest, purpose, subject_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token.digest())
    .bind(purpose.as_str())
    .bind(subject_id)
    .bind(now)
    .bind(now + purpose.validity_secs())
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// Makes every open link of this purpose and record useless (a newer one replaces them, or
/// what they were for is done another way).
pub async fn supersede(
    conn: &mut AnyConnection,
    purpose: TokenPurpose,
    subject_id: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE email_tokens SET superseded_at = $1 \
         WHERE purpose = $2 AND subject_id = $3 AND used_at IS NULL AND superseded_at IS NULL",
    )
    .bind(now)
    .bind(purpose.as_str())
    .bind(subject_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether a link still works, without using it up: the landing page shows a confirm button,
/// and only its POST redeems (so mail scanners that open links consume nothing).
pub async fn check(
    conn: &mut AnyConnection,
    purpose: TokenPurpose,
    presented: &str,
    now: i64,
) -> Result<i64, TokenError> {
    let token = SecretToken::from_presented(presented).ok_or(TokenError::Unknown)?;
    let row: Option<(i64, i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT subject_id, expires_at, used_at, superseded_at FROM email_tokens \
         WHERE digest = $1 AND purpose = $2",
    )
    .bind(token.digest())
    .bind(purpose.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        None => Err(TokenError::Unknown),
        Some((_, _, Some(_used), _)) => Err(TokenError::Used),
        Some((_, _, None, Some(_superseded))) => Err(TokenError::Superseded),
        Some((_, expires_at, None, None)) if expires_at <= now => Err(TokenError::Expired),
        Some((subject_id, ..)) => Ok(subject_id),
    }
}

/// The record a token was issued for, whatever became of it since: a page can then say whom
/// to ask for a new link.
pub async fn subject_of(
    conn: &mut AnyConnection,
    purpose: TokenPurpose,
    presented: &str,
) -> Result<Option<i64>, DbError> {
    let Some(token) = SecretToken::from_presented(presented) else {
        return Ok(None);
    };
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT subject_id FROM email_tokens WHERE digest = $1 AND purpose = $2")
            .bind(token.digest())
            .bind(purpose.as_str())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(subject,)| subject))
}

/// Uses a token up and returns the record it acts on. One atomic update: of any number of
/// simultaneous attempts, exactly one succeeds.
pub async fn redeem(
    conn: &mut AnyConnection,
    purpose: TokenPurpose,
    presented: &str,
    now: i64,
) -> Result<i64, TokenError> {
    let token = SecretToken::from_presented(presented).ok_or(TokenError::Unknown)?;
    let redeemed: Option<(i64,)> = sqlx::query_as(
        "UPDATE email_tokens SET used_at = $1 \
         WHERE digest = $2 AND purpose = $3 AND used_at IS NULL AND superseded_at IS NULL \
         AND expires_at > $1 RETURNING subject_id",
    )
    .bind(now)
    .bind(token.digest())
    .bind(purpose.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match redeemed {
        Some((subject_id,)) => Ok(subject_id),
        // Say why it failed; `check` cannot succeed here, the update just said so.
        None => check(conn, purpose, presented, now)
            .await
            .and(Err(TokenError::Unknown)),
    }
}
