//! When this installation first started: written once by the server at start-up.

use crate::platform::{Database, DbError};

pub async fn record_first_start(db: &Database, unix_seconds: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO installation (id, installed_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
    )
    .bind(unix_seconds)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn installed_at(db: &Database) -> Result<i64, DbError> {
    let (installed_at,): (i64,) =
        sqlx::query_as("SELECT installed_at FROM installation WHERE id = 1")
            .fetch_one(db.pool())
            .await?;
    Ok(installed_at)
}
