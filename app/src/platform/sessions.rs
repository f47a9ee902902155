//! Server-side sessions. The browser holds a random id in an HttpOnly cookie; the database
//! holds its digest, who it belongs to, and when it started and was last used. A session ends
//! after two idle hours or twelve hours in all, whichever comes first, and at logout.

use crate::platform::{secret_token::SecretToken, Database, DbError};
use kontor_domain::{EmailAddress, ResellerId, Role, UserId};

pub const COOKIE: &str = "kontor_session";
pub const IDLE_TIMEOUT_SECS: i64 = 2 * 60 * 60;
pub const ABSOLUTE_LIFETIME_SECS: i64 = 12 * 60 * 60;
/// Writing `last_seen_at` on every request would make every page a write; once a minute is
/// precise enough for a two-hour timeout.
const TOUCH_AFTER_SECS: i64 = 60;

/// The user behind a live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionUser {
    pub user_id: UserId,
    pub email: EmailAddress,
    pub role: Role,
    pub reseller_id: Option<ResellerId>,
}

/// Proof that a reseller's user is asking, and for which reseller: what every query of a
/// reseller's own records takes instead of an id, so an unscoped query does not compile.
/// Made from the session's user (`auth::require_reseller`); staff have none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResellerScope {
    user: SessionUser,
    reseller: ResellerId,
}

impl ResellerScope {
    pub fn of(user: SessionUser) -> Option<ResellerScope> {
        let reseller = user.reseller_id?;
        Some(ResellerScope { user, reseller })
    }

    pub fn reseller(&self) -> ResellerId {
        self.reseller
    }

    pub fn user(&self) -> &SessionUser {
        &self.user
    }
}

/// A scope is its user's, with the reseller proven: `scope.user_id`, `Actor::user(scope)`.
impl std::ops::Deref for ResellerScope {
    type Target = SessionUser;

    fn deref(&self) -> &SessionUser {
        &self.user
    }
}

/// Proof that distributor staff are asking: what the queries across all resellers take
/// (`auth::require_staff`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Staff {
    user: SessionUser,
}

impl Staff {
    pub fn of(user: SessionUser) -> Option<Staff> {
        user.role.is_distributor_staff().then_some(Staff { user })
    }
}

impl std::ops::Deref for Staff {
    type Target = SessionUser;

    fn deref(&self) -> &SessionUser {
        &self.user
    }
}

/// The session the request came with, put into the request by the server's middleware.
#[derive(Clone, Debug)]
pub struct CurrentSession {
    pub token: SecretToken,
    pub user: SessionUser,
}

/// Starts a session for a user who has just proved who they are. The browser's previous
/// session, if it had one, ends: every login gets a new id, so an id planted before the login
/// is worth nothing after it.
pub async fn start(
    db: &Database,
    user_id: UserId,
    replacing: Option<&SecretToken>,
    now: i64,
) -> Result<SecretToken, DbError> {
    let token = SecretToken::generate();
    let mut tx = db.begin().await?;
    if let Some(old) = replacing {
        sqlx::query("DELETE FROM sessions WHERE id_digest = $1")
            .bind(old.digest())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO sessions (id_digest, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(token.digest())
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// A session and the user it is for, as `resume` reads them.
#[derive(sqlx::FromRow)]
struct ResumedRow {
    created_at: i64,
    last_seen_at: i64,
    user_id: UserId,
    email: String,
    role: String,
    reseller_id: Option<ResellerId>,
}

/// The user of a live session, or `None` for an unknown, expired or deactivated one, or one of
/// a locked reseller (an expired session is deleted on the way). Locking deletes the sessions
/// too; asking here as well closes the gap of a login racing the lock.
pub async fn resume(
    db: &Database,
    token: &SecretToken,
    now: i64,
) -> Result<Option<SessionUser>, DbError> {
    let digest = token.digest();
    let row: Option<ResumedRow> = sqlx::query_as(
        "SELECT s.created_at, s.last_seen_at, u.id AS user_id, u.email, u.role, u.reseller_id \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN resellers r ON r.id = u.reseller_id \
         WHERE s.id_digest = $1 AND u.deactivated_at IS NULL AND r.locked_at IS NULL",
    )
    .bind(&digest)
    .fetch_optional(db.pool())
    .await?;
    let Some(ResumedRow {
        created_at,
        last_seen_at,
        user_id,
        email,
        role,
        reseller_id,
    }) = row
    else {
        return Ok(None);
    };
    if now - last_seen_at > IDLE_TIMEOUT_SECS || now - created_at > ABSOLUTE_LIFETIME_SECS {
        end(db, token).await?;
        return Ok(None);
    }
    if now - last_seen_at >= TOUCH_AFTER_SECS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_digest = $2")
            .bind(now)
            .bind(&digest)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(SessionUser {
        user_id,
        email: EmailAddress::parse(&email).map_err(|_| DbError::Corrupt("users.email"))?,
        role: Role::parse(&role).ok_or(DbError::Corrupt("users.role"))?,
        reseller_id,
    }))
}

/// Logout: the session is gone, not merely marked.
pub async fn end(db: &Database, token: &SecretToken) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE id_digest = $1")
        .bind(token.digest())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of every user of a reseller: when the distributor locks it.
pub async fn end_all_of_reseller(
    conn: &mut sqlx::AnyConnection,
    reseller_id: ResellerId,
) -> Result<u64, DbError> {
    Ok(sqlx::query(
        "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE reseller_id = $1)",
    )
    .bind(reseller_id)
    .execute(conn)
    .await?
    .rows_affected())
}

/// Ends every session of a user, on every device: after a password reset.
pub async fn end_all_of_user(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?
        .rows_affected())
}
