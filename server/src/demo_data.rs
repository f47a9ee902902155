//! Demo records for trying the portal (`--demo-data true`, which `scripts/run` sets): a few
//! entries in the distributor's customer records, so that a newcomer can sign up with a valid
//! and with an invalid customer number. Seeding again changes nothing.

use app::backend::{resellers, Database, DbError};

/// Customer number, company, postal code. Listed in the README.
pub const CUSTOMERS: [(&str, &str, &str); 3] = [
    ("100001", "Muster IT GmbH", "10115"),
    ("100002", "Alpen Systemhaus GmbH", "1010"),
    ("100003", "Nordlicht EDV KG", "20095"),
];

pub async fn seed(db: &Database) -> Result<(), DbError> {
    for (number, company, postal_code) in CUSTOMERS {
        resellers::add_to_registry(db, number, company, postal_code).await?;
    }
    tracing::info!(
        numbers = ?CUSTOMERS.map(|(number, _, postal)| format!("{number} ({postal})")),
        "demo customer numbers ready for signup"
    );
    Ok(())
}
