//! When this installation first started: written once by the server at start-up, read once
//! per process (it never changes), and shown in every page's footer.

use crate::platform::{Database, DbError};

/// When the installation first started, as Unix seconds; in the context of every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstalledAt(pub i64);

pub async fn record_first_start(db: &Database, unix_seconds: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO installation (id, installed_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
    )
    .bind(unix_seconds)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn installed_at(db: &Database) -> Result<InstalledAt, DbError> {
    let (installed_at,): (i64,) =
        sqlx::query_as("SELECT installed_at FROM installation WHERE id = 1")
            .fetch_one(db.pool())
            .await?;
    Ok(InstalledAt(installed_at))
}
