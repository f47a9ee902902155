//! The distributor's contact block, in the order staff added it.

use crate::contacts::Contact;
use crate::platform::{Database, DbError};
use kontor_domain::EmailAddress;
use sqlx::AnyConnection;

pub async fn all(db: &Database) -> Result<Vec<Contact>, DbError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, team, email, phone FROM distributor_contacts ORDER BY position, id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, team, email, phone)| Contact {
            id,
            team,
            email,
            phone,
        })
        .collect())
}

pub async fn add(
    conn: &mut AnyConnection,
    team: &str,
    email: &EmailAddress,
    phone: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO distributor_contacts (team, email, phone, position) VALUES ($1, $2, $3, \
           (SELECT COALESCE(MAX(position), 0) + 1 FROM distributor_contacts))",
    )
    .bind(team)
    .bind(email.as_str())
    .bind(phone)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The deleted line's team, or `None` when there was no such line.
pub async fn delete(conn: &mut AnyConnection, id: i64) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("DELETE FROM distributor_contacts WHERE id = $1 RETURNING team")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(team,)| team))
}
