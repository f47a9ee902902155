//! The administration's own queries: the distributor's staff.

use crate::admin::StaffMember;
use crate::platform::sessions::Staff;
use crate::platform::{Database, DbError};
use kontor_domain::{Role, UserId};

/// Id, address, created, invited, deactivated.
#[derive(sqlx::FromRow)]
struct StaffRow {
    id: UserId,
    email: String,
    created_at: i64,
    invited_at: Option<i64>,
    deactivated_at: Option<i64>,
}

/// The distributor's staff, oldest account first.
pub async fn staff(db: &Database, _staff: &Staff) -> Result<Vec<StaffMember>, DbError> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, email, created_at, invited_at, deactivated_at FROM users \
         WHERE role = $1 ORDER BY id",
    )
    .bind(Role::Admin.as_str())
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StaffMember {
            id: row.id,
            email: row.email,
            created_at: row.created_at,
            invited: row.invited_at.is_some(),
            deactivated_at: row.deactivated_at,
        })
        .collect())
}
