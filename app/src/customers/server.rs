//! A reseller's end-customers. Every function takes the reseller's id and puts it into the
//! query's `WHERE`: a customer id of another reseller finds nothing, exactly like an id that
//! does not exist.

use crate::customers::{Customer, CustomerDetails, CustomerList};
use crate::platform::{rate_limit, sessions::ResellerScope, Database, DbError};
use kontor_domain::{AcceptanceMethod, AgreementBrief, TenantBrief, TenantFailure, TenantStatus};
use kontor_domain::{CustomerId, ResellerId};
use sqlx::AnyConnection;

pub const PAGE_SIZE: i64 = 20;

/// A customer with its tenant's domain and state and its agreement, where it has them.
const SELECT: &str = "SELECT c.id, c.company_name, c.street, c.postal_code, c.city, c.country, \
                      c.contact_first_name, c.contact_last_name, c.contact_email, c.phone, c.locale, \
                      c.created_at, t.domain AS tenant_domain, t.status AS tenant_status, \
                      t.failure AS tenant_failure, a.accepted_at AS agreement_accepted_at, \
                      a.signer_first_name AS agreement_first_name, \
                      a.signer_last_name AS agreement_last_name, a.method AS agreement_method \
                      FROM customers c LEFT JOIN tenants t ON t.customer_id = c.id \
                      LEFT JOIN agreement_acceptances a ON a.customer_id = c.id";

/// Which of a reseller's customers a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomerFilter {
    All,
    /// Those that have not accepted the cloud agreement.
    AgreementOpen,
}

impl CustomerFilter {
    fn condition(self) -> &'static str {
        match self {
            CustomerFilter::All => "",
            CustomerFilter::AgreementOpen => {
                " AND NOT EXISTS (SELECT 1 FROM agreement_acceptances x \
                 WHERE x.customer_id = c.id)"
            }
        }
    }
}

#[derive(sqlx::FromRow)]
struct CustomerRow {
    id: CustomerId,
    company_name: String,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    contact_first_name: String,
    contact_last_name: String,
    contact_email: String,
    phone: Option<String>,
    locale: String,
    created_at: i64,
    tenant_domain: Option<String>,
    tenant_status: Option<String>,
    tenant_failure: Option<String>,
    agreement_accepted_at: Option<i64>,
    agreement_first_name: Option<String>,
    agreement_last_name: Option<String>,
    agreement_method: Option<String>,
}

impl From<CustomerRow> for Customer {
    fn from(row: CustomerRow) -> Customer {
        Customer {
            id: row.id,
            company_name: row.company_name,
            street: row.street,
            postal_code: row.postal_code,
            city: row.city,
            country: row.country,
            contact_first_name: row.contact_first_name,
            contact_last_name: row.contact_last_name,
            contact_email: row.contact_email,
            phone: row.phone,
            locale: row.locale,
            created_at: row.created_at,
            tenant: row
                .tenant_domain
                .zip(row.tenant_status.as_deref().and_then(TenantStatus::parse))
                .map(|(domain, status)| TenantBrief {
                    domain,
                    status,
                    failure: row.tenant_failure.as_deref().and_then(TenantFailure::parse),
                }),
            agreement: row
                .agreement_accepted_at
                .zip(
                    row.agreement_method
                        .as_deref()
                        .and_then(AcceptanceMethod::parse),
                )
                .map(|(accepted_at, method)| AgreementBrief {
                    accepted_at,
                    signer_name: format!(
                        "{} {}",
                        row.agreement_first_name.unwrap_or_default(),
                        row.agreement_last_name.unwrap_or_default()
                    ),
                    method,
                }),
        }
    }
}

/// Sorting and searching ignore case; both are computed here because SQLite's `lower()`
/// only knows ASCII.
fn sort_name(details: &CustomerDetails) -> String {
    details.company_name.to_lowercase()
}

fn search_text(details: &CustomerDetails) -> String {
    [
        details.company_name.as_str(),
        &details.postal_code,
        &details.city,
        &details.contact_first_name,
        &details.contact_last_name,
        details.contact_email.as_str(),
    ]
    .join(" ")
    .to_lowercase()
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// The customer's columns in the order both the INSERT and the UPDATE name them.
fn bind_details<'q>(query: AnyQuery<'q>, details: &'q CustomerDetails) -> AnyQuery<'q> {
    query
        .bind(&details.company_name)
        .bind(&details.street)
        .bind(&details.postal_code)
        .bind(&details.city)
        .bind(details.country.code())
        .bind(&details.contact_first_name)
        .bind(&details.contact_last_name)
        .bind(details.contact_email.as_str())
        .bind(&details.phone)
        .bind(details.locale.code())
        .bind(sort_name(details))
        .bind(search_text(details))
}

pub async fn create(
    conn: &mut AnyConnection,
    scope: &ResellerScope,
    details: &CustomerDetails,
    now: i64,
) -> Result<CustomerId, DbError> {
    use sqlx::Row;
    let query = sqlx::query(
        "INSERT INTO customers (reseller_id, company_name, street, postal_code, city, country, \
         contact_first_name, contact_last_name, contact_email, phone, locale, sort_name, \
         search_text, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    )
    .bind(scope.reseller());
    let row = bind_details(query, details)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    Ok(row.try_get(0)?)
}

/// Changes a customer of this reseller; false when it has none with this id.
pub async fn update(
    db: &Database,
    scope: &ResellerScope,
    id: CustomerId,
    details: &CustomerDetails,
    now: i64,
) -> Result<bool, DbError> {
    let query = sqlx::query(
        "UPDATE customers SET company_name = $3, street = $4, postal_code = $5, city = $6, \
         country = $7, contact_first_name = $8, contact_last_name = $9, contact_email = $10, \
         phone = $11, locale = $12, sort_name = $13, search_text = $14, updated_at = $15 \
         WHERE reseller_id = $1 AND id = $2",
    )
    .bind(scope.reseller())
    .bind(id);
    let result = bind_details(query, details)
        .bind(now)
        .execute(db.pool())
        .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn find(
    db: &Database,
    scope: &ResellerScope,
    id: CustomerId,
) -> Result<Option<Customer>, DbError> {
    let row: Option<CustomerRow> =
        sqlx::query_as(&format!("{SELECT} WHERE c.reseller_id = $1 AND c.id = $2"))
            .bind(scope.reseller())
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(Customer::from))
}

/// A customer by id alone: for a mailed link, whose token is the proof of access (there is no
/// session, so no reseller scope). Everything a session asks goes through `find`.
pub async fn find_by_link(
    conn: &mut AnyConnection,
    id: CustomerId,
) -> Result<Option<Customer>, DbError> {
    let row: Option<CustomerRow> = sqlx::query_as(&format!("{SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(Customer::from))
}

/// All the reseller's customers, sorted by name (for choosing one).
pub async fn all(db: &Database, scope: &ResellerScope) -> Result<Vec<Customer>, DbError> {
    let rows: Vec<CustomerRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE c.reseller_id = $1 ORDER BY c.sort_name, c.id"
    ))
    .bind(scope.reseller())
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Customer::from).collect())
}

/// Whether the customer is this reseller's.
pub async fn belongs_to(
    db: &Database,
    scope: &ResellerScope,
    id: CustomerId,
) -> Result<bool, DbError> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM customers WHERE id = $1 AND reseller_id = $2")
            .bind(id)
            .bind(scope.reseller())
            .fetch_optional(db.pool())
            .await?;
    Ok(found.is_some())
}

/// The reseller a customer belongs to, and the customer's company name.
pub async fn owner_of(
    conn: &mut AnyConnection,
    id: CustomerId,
) -> Result<(ResellerId, String), DbError> {
    Ok(
        sqlx::query_as("SELECT reseller_id, company_name FROM customers WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// One page (counted from 1) of the reseller's customers whose data contains `search` and
/// that pass `filter`, sorted by name.
pub async fn list(
    db: &Database,
    scope: &ResellerScope,
    search: &str,
    filter: CustomerFilter,
    page: u32,
) -> Result<CustomerList, DbError> {
    let pattern = kontor_db::like_needle(search);
    let condition = filter.condition();
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM customers c WHERE c.reseller_id = $1 \
         AND c.search_text LIKE '%' || $2 || '%' ESCAPE '\\'{condition}"
    ))
    .bind(scope.reseller())
    .bind(&pattern)
    .fetch_one(db.pool())
    .await?;
    let page = page.max(1);
    let rows: Vec<CustomerRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE c.reseller_id = $1 AND c.search_text LIKE '%' || $2 || '%' ESCAPE '\\'{condition} \
         ORDER BY c.sort_name, c.id LIMIT $3 OFFSET $4"
    ))
    .bind(scope.reseller())
    .bind(&pattern)
    .bind(PAGE_SIZE)
    .bind((i64::from(page) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    Ok(CustomerList {
        customers: rows.into_iter().map(Customer::from).collect(),
        page,
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total,
    })
}

/// The address of the customer's contact, once `allow_mail_to` lets another mail of this
/// purpose go to it.
pub async fn mail_to_contact(
    customer: &Customer,
    purpose: rate_limit::MailPurpose,
) -> Result<kontor_domain::EmailAddress, crate::error::AppError> {
    let to = kontor_domain::EmailAddress::parse(&customer.contact_email)
        .map_err(|_| crate::platform::DbError::Corrupt("customers.contact_email"))?;
    let db = crate::platform::database()?;
    let mut tx = db.begin().await.map_err(crate::platform::DbError::from)?;
    rate_limit::allow_mail_to(&mut tx, purpose, to.as_str()).await?;
    tx.commit().await.map_err(crate::platform::DbError::from)?;
    Ok(to)
}
