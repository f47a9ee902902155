//! User accounts: distributor staff (admin) and, from the signup on, reseller users.

use crate::i18n::Locale;
use crate::platform::{passwords::StoredHash, Database, DbError};
use kontor_domain::UserId;
use kontor_domain::{EmailAddress, ResellerId, Role};
use kontor_domain::{ResellerStanding, ResellerStatus};

#[derive(Clone, Debug)]
pub struct User {
    pub id: UserId,
    pub email: EmailAddress,
    pub role: Role,
    pub password_hash: StoredHash,
    /// The company's standing, for reseller users.
    pub reseller_standing: Option<ResellerStanding>,
    /// The language their mails are written in.
    pub locale: Locale,
}

pub async fn count(db: &Database) -> Result<i64, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(db.pool())
        .await?;
    Ok(count)
}

/// Creates a distributor admin; false if the email is taken already.
pub async fn create_admin(
    db: &Database,
    email: &EmailAddress,
    password_hash: &StoredHash,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO users (email, password_hash, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(email.as_str())
    .bind(password_hash.as_str())
    .bind(Role::Admin.as_str())
    .bind(now)
    .execute(db.pool())
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Creates a further user of a reseller (a colleague); false if the email is taken already.
pub async fn create_member(
    conn: &mut sqlx::AnyConnection,
    reseller_id: ResellerId,
    email: &EmailAddress,
    password_hash: &StoredHash,
    role: Role,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO users (email, password_hash, role, reseller_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
    )
    .bind(email.as_str())
    .bind(password_hash.as_str())
    .bind(role.as_str())
    .bind(reseller_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// The active account behind an address; on the pool or inside a caller's transaction.
pub async fn find_by_email<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    email: &EmailAddress,
) -> Result<Option<User>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: UserId,
        email: String,
        role: String,
        password_hash: String,
        status: Option<String>,
        locked_at: Option<i64>,
        locale: String,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT u.id, u.email, u.role, u.password_hash, r.status, r.locked_at, u.locale \
         FROM users u LEFT JOIN resellers r ON r.id = u.reseller_id \
         WHERE u.email = $1 AND u.deactivated_at IS NULL",
    )
    .bind(email.as_str())
    .fetch_optional(executor)
    .await?;
    row.map(|row| {
        let Row {
            id,
            email,
            role,
            password_hash: hash,
            status,
            locked_at,
            locale,
        } = row;
        let reseller_standing = status
            .map(|status| {
                let status =
                    ResellerStatus::parse(&status).ok_or(DbError::Corrupt("resellers.status"))?;
                Ok::<_, DbError>(ResellerStanding::of(status, locked_at.is_some()))
            })
            .transpose()?;
        Ok(User {
            id,
            email: EmailAddress::parse(&email).map_err(|_| DbError::Corrupt("users.email"))?,
            role: Role::parse(&role).ok_or(DbError::Corrupt("users.role"))?,
            password_hash: StoredHash::from_stored(hash),
            reseller_standing,
            locale: Locale::from_tag(&locale).unwrap_or_default(),
        })
    })
    .transpose()
}

pub async fn set_password(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    password_hash: &StoredHash,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.as_str())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The company a reseller user belongs to.
pub async fn reseller_of(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<ResellerId, DbError> {
    let (reseller_id,): (Option<ResellerId>,) =
        sqlx::query_as("SELECT reseller_id FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
    reseller_id.ok_or(DbError::Corrupt("users.reseller_id"))
}

/// A new distributor admin who sets their password through an emailed link (`password_hash`
/// is of a secret nobody knows). `None` if the address has an account already.
pub async fn invite_admin(
    conn: &mut sqlx::AnyConnection,
    email: &EmailAddress,
    locale: Locale,
    password_hash: &StoredHash,
    now: i64,
) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO users (email, password_hash, role, locale, created_at, invited_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email.as_str())
    .bind(password_hash.as_str())
    .bind(Role::Admin.as_str())
    .bind(locale.code())
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// The invited admin has chosen a password.
pub async fn invitation_accepted(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET invited_at = NULL WHERE id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deactivates an active distributor admin; their address, or `None` if there is no such one.
pub async fn deactivate_admin(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    now: i64,
) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> = sqlx::query_as(
        "UPDATE users SET deactivated_at = $2 \
         WHERE id = $1 AND role = $3 AND deactivated_at IS NULL RETURNING email",
    )
    .bind(user_id)
    .bind(now)
    .bind(Role::Admin.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(email,)| email))
}
