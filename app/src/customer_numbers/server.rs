//! The distributor's customer-number registry in the database: listing and searching it,
//! single changes, and the import of a whole list.

use crate::customer_numbers::{ImportSummary, RegistryEntry, RegistryPage, RegistryRecord};
use crate::platform::sessions::Staff;
use crate::platform::{Database, DbError};
use sqlx::AnyConnection;
use std::collections::HashMap;

const PAGE_SIZE: i64 = 50;

/// With the account that signed up under the number, if any.
const ENTRY: &str = "SELECT c.customer_number, c.company_name, c.postal_code, \
     c.contact_email, r.id, r.company_name \
     FROM customer_registry c LEFT JOIN resellers r ON r.customer_number = c.customer_number";

type EntryRow = (
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
);

fn entry(
    (customer_number, company_name, postal_code, contact_email, id, reseller): EntryRow,
) -> RegistryEntry {
    RegistryEntry {
        record: RegistryRecord {
            customer_number,
            company_name,
            postal_code,
            contact_email,
        },
        reseller: id.zip(reseller),
    }
}

/// The entries whose number, company or postal code contains `search`, by number.
pub async fn list(
    db: &Database,
    _staff: &Staff,
    search: &str,
    page: u32,
) -> Result<RegistryPage, DbError> {
    let pattern = kontor_db::like_needle(search);
    let matches = "LOWER(c.customer_number || ' ' || c.company_name || ' ' || c.postal_code) \
                   LIKE '%' || $1 || '%' ESCAPE '\\'";
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM customer_registry c WHERE {matches}"
    ))
    .bind(&pattern)
    .fetch_one(db.pool())
    .await?;
    let page = page.max(1);
    let rows: Vec<EntryRow> = sqlx::query_as(&format!(
        "{ENTRY} WHERE {matches} ORDER BY c.customer_number LIMIT $2 OFFSET $3"
    ))
    .bind(&pattern)
    .bind(PAGE_SIZE)
    .bind((i64::from(page) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    Ok(RegistryPage {
        entries: rows.into_iter().map(entry).collect(),
        page,
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total,
    })
}

pub async fn get(
    db: &Database,
    _staff: &Staff,
    customer_number: &str,
) -> Result<Option<RegistryEntry>, DbError> {
    let row: Option<EntryRow> = sqlx::query_as(&format!("{ENTRY} WHERE c.customer_number = $1"))
        .bind(customer_number)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(entry))
}

/// Adds the entry; `false` (and nothing changed) when its number is listed already.
pub async fn add(conn: &mut AnyConnection, record: &RegistryRecord) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO customer_registry (customer_number, company_name, postal_code, \
         contact_email) VALUES ($1, $2, $3, $4) ON CONFLICT (customer_number) DO NOTHING",
    )
    .bind(&record.customer_number)
    .bind(&record.company_name)
    .bind(&record.postal_code)
    .bind(record.contact_email.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes the company, postal code and contact listed for the number; `false` when it is not
/// listed.
pub async fn change(conn: &mut AnyConnection, record: &RegistryRecord) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE customer_registry SET company_name = $2, postal_code = $3, contact_email = $4 \
         WHERE customer_number = $1",
    )
    .bind(&record.customer_number)
    .bind(&record.company_name)
    .bind(&record.postal_code)
    .bind(record.contact_email.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

type Listed = (String, String, String, Option<String>);

#[derive(Debug, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    NotListed,
    /// A reseller account signed up under the number: it stays.
    InUse,
}

pub async fn delete(conn: &mut AnyConnection, customer_number: &str) -> Result<Deletion, DbError> {
    let in_use: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM resellers WHERE customer_number = $1")
            .bind(customer_number)
            .fetch_optional(&mut *conn)
            .await?;
    if in_use.is_some() {
        return Ok(Deletion::InUse);
    }
    let done = sqlx::query("DELETE FROM customer_registry WHERE customer_number = $1")
        .bind(customer_number)
        .execute(&mut *conn)
        .await?;
    Ok(match done.rows_affected() {
        0 => Deletion::NotListed,
        _ => Deletion::Deleted,
    })
}

/// Stores every record: new numbers are added, listed ones take the file's company, postal
/// code and contact. Only what differs is written.
pub async fn import(
    conn: &mut AnyConnection,
    records: &[RegistryRecord],
) -> Result<ImportSummary, DbError> {
    let listed: HashMap<String, RegistryRecord> = sqlx::query_as::<_, Listed>(
        "SELECT customer_number, company_name, postal_code, contact_email FROM customer_registry",
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(number, company_name, postal_code, contact_email)| {
        let record = RegistryRecord {
            customer_number: number.clone(),
            company_name,
            postal_code,
            contact_email,
        };
        (number, record)
    })
    .collect();
    let mut summary = ImportSummary::default();
    for record in records {
        match listed.get(&record.customer_number) {
            None => {
                add(conn, record).await?;
                summary.added += 1;
            }
            Some(same) if same == record => {
                summary.unchanged += 1;
            }
            Some(_) => {
                change(conn, record).await?;
                summary.changed += 1;
            }
        }
    }
    Ok(summary)
}
