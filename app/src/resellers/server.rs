//! Reseller companies: created by the signup, confirmed by mail, approved by the distributor
//! when no customer number vouches for them.

use crate::i18n::Locale;
use crate::platform::sessions::Staff;
use crate::platform::{passwords::StoredHash, Database, DbError};
use crate::resellers::{
    PendingReseller, Registration, ResellerContact, ResellerDetail, ResellerList, ResellerRow,
    ResellerUser,
};
use kontor_domain::UserId;
use kontor_domain::{EmailAddress, ResellerId, ResellerStanding, ResellerStatus, Role};
use sqlx::AnyConnection;

/// How long a signup may stay unconfirmed: then it is discarded and frees its customer
/// number (the confirmation link is valid as long).
pub const UNCONFIRMED_SECS: i64 = 48 * 60 * 60;

/// Whether the distributor's records vouch for this customer number with this postal code
/// and no account uses it. One answer for every refusal: a signup form must not tell a
/// stranger which numbers exist, which postal code they have, or which are in use.
pub async fn customer_number_vouches(
    conn: &mut AnyConnection,
    number: &str,
    postal_code: &str,
) -> Result<bool, DbError> {
    let free: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM customer_registry r WHERE r.customer_number = $1 AND r.postal_code = $2 \
         AND NOT EXISTS (SELECT 1 FROM resellers s WHERE s.customer_number = r.customer_number)",
    )
    .bind(number)
    .bind(postal_code)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(free.is_some())
}

/// Discards the signups still unconfirmed that were made before `before` (company, admin,
/// links), which frees their customer numbers; how many.
pub async fn discard_unconfirmed_before(
    conn: &mut AnyConnection,
    before: i64,
) -> Result<u64, DbError> {
    discard_unconfirmed(conn, "created_at < $1", before).await
}

/// Discards the signup of this user's company if it is still unconfirmed: a new signup for
/// the address replaces it, data and password alike.
pub async fn discard_unconfirmed_of(
    conn: &mut AnyConnection,
    user_id: UserId,
) -> Result<u64, DbError> {
    let company = "id = (SELECT reseller_id FROM users WHERE id = $1)";
    discard_unconfirmed(conn, company, user_id.0).await
}

/// `which`: a condition on `resellers` with the one parameter `$1`, fixed text only.
async fn discard_unconfirmed(
    conn: &mut AnyConnection,
    which: &'static str,
    value: i64,
) -> Result<u64, DbError> {
    let companies: Vec<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM resellers WHERE status = 'unconfirmed' AND {which}"
    ))
    .bind(value)
    .fetch_all(&mut *conn)
    .await?;
    for (id,) in &companies {
        for statement in [
            "DELETE FROM email_tokens WHERE purpose = 'confirm_signup' \
             AND subject_id IN (SELECT id FROM users WHERE reseller_id = $1)",
            "DELETE FROM users WHERE reseller_id = $1",
            "DELETE FROM resellers WHERE id = $1",
        ] {
            sqlx::query(statement).bind(id).execute(&mut *conn).await?;
        }
    }
    Ok(companies.len() as u64)
}

pub enum CreateError {
    /// Another signup took the customer number a moment ago.
    CustomerNumberTaken,
    Database(DbError),
}

impl From<sqlx::Error> for CreateError {
    fn from(error: sqlx::Error) -> Self {
        CreateError::Database(error.into())
    }
}

/// Creates the company (unconfirmed) and its reseller admin; returns the user id.
pub async fn create(
    conn: &mut AnyConnection,
    registration: &Registration,
    password_hash: &StoredHash,
    locale: Locale,
    now: i64,
    terms: (&str, &str),
) -> Result<UserId, CreateError> {
    let bank = registration.bank_account.as_ref();
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO resellers (company_name, created_at, status, street, postal_code, city, \
           country, federal_state, customer_number, partner_id, account_holder, iban, bic, \
           terms_version, privacy_version, terms_accepted_at) \
         VALUES ($1, $2, 'unconfirmed', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $2) \
         RETURNING id",
    )
    .bind(&registration.company_name)
    .bind(now)
    .bind(&registration.street)
    .bind(&registration.postal_code)
    .bind(&registration.city)
    .bind(registration.country.code())
    .bind(registration.federal_state.map(|s| s.code()))
    .bind(registration.customer_number.as_deref())
    .bind(registration.partner_id.as_deref())
    .bind(bank.map(|b| b.holder.as_str()))
    .bind(bank.map(|b| b.iban.as_str()))
    .bind(bank.and_then(|b| b.bic.as_deref()))
    .bind(terms.0)
    .bind(terms.1)
    .fetch_one(&mut *conn)
    .await;
    let (reseller_id,) = match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(CreateError::CustomerNumberTaken)
        }
        other => other?,
    };
    let (user_id,): (UserId,) = sqlx::query_as(
        "INSERT INTO users (email, password_hash, role, reseller_id, created_at, salutation, \
           first_name, last_name, phone, locale) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(registration.email.as_str())
    .bind(password_hash.as_str())
    .bind(Role::ResellerAdmin.as_str())
    .bind(reseller_id)
    .bind(now)
    .bind(registration.salutation.code())
    .bind(&registration.first_name)
    .bind(&registration.last_name)
    .bind(&registration.phone)
    .bind(locale.code())
    .fetch_one(&mut *conn)
    .await?;
    Ok(user_id)
}

/// The user confirmed their address: an unconfirmed company becomes active when its customer
/// number matched, else it waits for approval. Returns the status now.
pub async fn confirm_email(
    conn: &mut AnyConnection,
    user_id: UserId,
) -> Result<ResellerStatus, DbError> {
    sqlx::query(
        "UPDATE resellers SET status = CASE WHEN customer_number IS NULL \
           THEN 'awaiting_approval' ELSE 'active' END \
         WHERE status = 'unconfirmed' AND id = (SELECT reseller_id FROM users WHERE id = $1)",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    let (status,): (String,) = sqlx::query_as(
        "SELECT r.status FROM resellers r JOIN users u ON u.reseller_id = r.id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    ResellerStatus::parse(&status).ok_or(DbError::Corrupt("resellers.status"))
}

pub async fn awaiting_approval(
    db: &Database,
    _staff: &Staff,
) -> Result<Vec<PendingReseller>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: ResellerId,
        company_name: String,
        city: Option<String>,
        country: Option<String>,
        contact: String,
        email: String,
        partner_id: Option<String>,
        created_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.company_name, r.city, r.country, \
               u.first_name || ' ' || u.last_name AS contact, u.email, r.partner_id, r.created_at \
             FROM resellers r JOIN users u ON u.reseller_id = r.id AND u.role = 'reseller_admin' \
             WHERE r.status = 'awaiting_approval' ORDER BY r.created_at, r.id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PendingReseller {
            id: row.id,
            company_name: row.company_name,
            city: row.city.unwrap_or_default(),
            country: row.country.unwrap_or_default(),
            contact: row.contact,
            email: row.email,
            partner_id: row.partner_id,
            signed_up_at: row.created_at,
        })
        .collect())
}

/// Approves or rejects a waiting company; returns its admin's address and language, or
/// `None` when it was not waiting (decided already, or no such company).
pub async fn decide(
    conn: &mut AnyConnection,
    reseller_id: ResellerId,
    approve: bool,
    now: i64,
) -> Result<Option<(EmailAddress, Locale)>, DbError> {
    let status = if approve {
        ResellerStatus::Active
    } else {
        ResellerStatus::Rejected
    };
    // An approval is staff's confirmation too.
    let changed = sqlx::query(
        "UPDATE resellers SET status = $1, \
         confirmed_by_staff_at = CASE WHEN $1 = 'active' THEN $3 END \
         WHERE id = $2 AND status = 'awaiting_approval'",
    )
    .bind(status.as_str())
    .bind(reseller_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(None);
    }
    let (email, locale): (String, String) = sqlx::query_as(
        "SELECT email, locale FROM users WHERE reseller_id = $1 AND role = 'reseller_admin' \
         ORDER BY id LIMIT 1",
    )
    .bind(reseller_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Some((
        EmailAddress::parse(&email).map_err(|_| DbError::Corrupt("users.email"))?,
        Locale::from_tag(&locale).unwrap_or_default(),
    )))
}

/// The company's name, as mails to its customers sign it.
pub async fn company_name(db: &Database, reseller_id: ResellerId) -> Result<String, DbError> {
    let (name,): (String,) = sqlx::query_as("SELECT company_name FROM resellers WHERE id = $1")
        .bind(reseller_id)
        .fetch_one(db.pool())
        .await?;
    Ok(name)
}

/// How a reseller's customers can reach it: the company, and its first administrator's
/// address and phone.
pub async fn contact(db: &Database, reseller_id: ResellerId) -> Result<ResellerContact, DbError> {
    let (company_name, email, phone): (String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT r.company_name, u.email, u.phone FROM resellers r \
         LEFT JOIN users u ON u.id = (SELECT MIN(id) FROM users WHERE reseller_id = r.id \
           AND role = 'reseller_admin' AND deactivated_at IS NULL) \
         WHERE r.id = $1",
    )
    .bind(reseller_id)
    .fetch_one(db.pool())
    .await?;
    Ok(ResellerContact {
        company_name,
        email,
        phone,
    })
}

/// The reseller's active administrators, with the language of their mails.
pub async fn admins(
    conn: &mut sqlx::AnyConnection,
    reseller_id: ResellerId,
) -> Result<Vec<(EmailAddress, Locale)>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, locale FROM users WHERE reseller_id = $1 AND role = 'reseller_admin' \
         AND deactivated_at IS NULL ORDER BY id",
    )
    .bind(reseller_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(email, locale)| {
            let email = EmailAddress::parse(&email).map_err(|_| DbError::Corrupt("users.email"))?;
            Ok((email, Locale::from_tag(&locale).unwrap_or_default()))
        })
        .collect()
}

const PAGE_SIZE: i64 = 25;

/// The company's first reseller admin: who signed it up.
const FIRST_ADMIN: &str = "LEFT JOIN users u ON u.id = (SELECT MIN(id) FROM users \
     WHERE reseller_id = r.id AND role = 'reseller_admin')";

fn standing_of(status: &str, locked_at: Option<i64>) -> Result<ResellerStanding, DbError> {
    let status = ResellerStatus::parse(status).ok_or(DbError::Corrupt("resellers.status"))?;
    Ok(ResellerStanding::of(status, locked_at.is_some()))
}

/// The companies whose name, customer number, place or admin address contains `search`,
/// of one standing or all, by name.
pub async fn list(
    db: &Database,
    _staff: &Staff,
    search: &str,
    standing: Option<ResellerStanding>,
    page: u32,
) -> Result<ResellerList, DbError> {
    let pattern = kontor_db::like_needle(search);
    // Only the fixed names of `ResellerStanding` go into the text of the query.
    let condition = match standing {
        None => String::new(),
        Some(ResellerStanding::Locked) => " AND r.locked_at IS NOT NULL".to_owned(),
        Some(ResellerStanding::Status(status)) => format!(
            " AND r.locked_at IS NULL AND r.status = '{}'",
            status.as_str()
        ),
    };
    let matches = format!(
        "FROM resellers r {FIRST_ADMIN} WHERE LOWER(r.company_name || ' ' || \
           COALESCE(r.customer_number, '') || ' ' || COALESCE(r.postal_code, '') || ' ' || \
           COALESCE(r.city, '') || ' ' || COALESCE(u.email, '')) LIKE '%' || $1 || '%' ESCAPE '\\'{condition}"
    );
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) {matches}"))
        .bind(&pattern)
        .fetch_one(db.pool())
        .await?;
    let page = page.max(1);
    #[derive(sqlx::FromRow)]
    struct Row {
        id: ResellerId,
        company_name: String,
        postal_code: Option<String>,
        city: Option<String>,
        customer_number: Option<String>,
        email: Option<String>,
        status: String,
        locked_at: Option<i64>,
        created_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT r.id, r.company_name, r.postal_code, r.city, r.customer_number, u.email, \
           r.status, r.locked_at, r.created_at {matches} \
         ORDER BY LOWER(r.company_name), r.id LIMIT $2 OFFSET $3"
    ))
    .bind(&pattern)
    .bind(PAGE_SIZE)
    .bind((i64::from(page) - 1) * PAGE_SIZE)
    .fetch_all(db.pool())
    .await?;
    let resellers = rows
        .into_iter()
        .map(|row| {
            Ok(ResellerRow {
                standing: standing_of(&row.status, row.locked_at)?,
                id: row.id,
                company_name: row.company_name,
                postal_code: row.postal_code.unwrap_or_default(),
                city: row.city.unwrap_or_default(),
                customer_number: row.customer_number,
                email: row.email,
                signed_up_at: row.created_at,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(ResellerList {
        resellers,
        page,
        pages: kontor_db::page_count(total, PAGE_SIZE),
        total,
    })
}

/// One company with its users and how many customers and orders it has.
/// The company for the administration; `order_limit_cents` is what it may order while it
/// awaits staff's confirmation.
pub async fn detail(
    db: &Database,
    _staff: &Staff,
    id: ResellerId,
    order_limit_cents: i64,
) -> Result<Option<ResellerDetail>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        company_name: String,
        street: Option<String>,
        postal_code: Option<String>,
        city: Option<String>,
        country: Option<String>,
        customer_number: Option<String>,
        partner_id: Option<String>,
        location_mpn: Option<String>,
        status: String,
        locked_at: Option<i64>,
        created_at: i64,
        confirmed_by_staff_at: Option<i64>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT company_name, street, postal_code, city, country, customer_number, partner_id, \
           location_mpn, status, locked_at, created_at, confirmed_by_staff_at \
         FROM resellers WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some(Row {
        company_name,
        street,
        postal_code,
        city,
        country,
        customer_number,
        partner_id,
        location_mpn,
        status,
        locked_at,
        created_at: signed_up_at,
        confirmed_by_staff_at,
    }) = row
    else {
        return Ok(None);
    };
    #[derive(sqlx::FromRow)]
    struct UserRow {
        first_name: Option<String>,
        last_name: Option<String>,
        email: String,
        phone: Option<String>,
        role: String,
        deactivated_at: Option<i64>,
    }
    let users: Vec<UserRow> = sqlx::query_as(
        "SELECT first_name, last_name, email, phone, role, deactivated_at FROM users \
             WHERE reseller_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let users = users
        .into_iter()
        .map(|user| {
            Ok(ResellerUser {
                name: [user.first_name, user.last_name]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                role: Role::parse(&user.role).ok_or(DbError::Corrupt("users.role"))?,
                email: user.email,
                phone: user.phone,
                active: user.deactivated_at.is_none(),
            })
        })
        .collect::<Result<_, DbError>>()?;
    let (customers, orders): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM customers WHERE reseller_id = $1), \
                (SELECT COUNT(*) FROM orders WHERE reseller_id = $1)",
    )
    .bind(id)
    .fetch_one(db.pool())
    .await?;
    Ok(Some(ResellerDetail {
        id,
        company_name,
        street: street.unwrap_or_default(),
        postal_code: postal_code.unwrap_or_default(),
        city: city.unwrap_or_default(),
        country: country.unwrap_or_default(),
        customer_number,
        partner_id,
        location_mpn,
        awaits_staff_confirmation: (status == "active" && confirmed_by_staff_at.is_none())
            .then_some(order_limit_cents),
        standing: standing_of(&status, locked_at)?,
        signed_up_at,
        locked_at,
        users,
        customers,
        orders,
        history: crate::audit::server::for_reseller_account(db, id).await?,
    }))
}

/// A company its customer number made active, as staff are told of it.
#[derive(sqlx::FromRow)]
pub struct VouchedCompany {
    pub id: ResellerId,
    pub name: String,
    pub customer_number: String,
    /// Its admin's address, the one confirmed.
    pub email: String,
    /// The contact the registry lists for the number, if any.
    pub registry_contact: Option<String>,
}

/// The user's company, if its customer number alone made it active (no staff confirmation).
pub async fn vouched_company(
    conn: &mut AnyConnection,
    user_id: UserId,
) -> Result<Option<VouchedCompany>, DbError> {
    sqlx::query_as(
        "SELECT r.id, r.company_name AS name, r.customer_number, u.email, \
         c.contact_email AS registry_contact \
         FROM resellers r JOIN users u ON u.reseller_id = r.id \
         LEFT JOIN customer_registry c ON c.customer_number = r.customer_number \
         WHERE u.id = $1 AND r.status = 'active' \
         AND r.customer_number IS NOT NULL AND r.confirmed_by_staff_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(DbError::from)
}

/// The distributor's staff who can act (not deactivated, invitation accepted), with the
/// language of their mails.
pub async fn staff(conn: &mut AnyConnection) -> Result<Vec<(EmailAddress, Locale)>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, locale FROM users WHERE role = $1 AND deactivated_at IS NULL \
         AND invited_at IS NULL ORDER BY id",
    )
    .bind(Role::Admin.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(email, locale)| {
            let email = EmailAddress::parse(&email).map_err(|_| DbError::Corrupt("users.email"))?;
            Ok((email, Locale::from_tag(&locale).unwrap_or_default()))
        })
        .collect()
}

/// The largest order (net, in cents) a company active by its customer number alone may
/// place before staff confirm it (the server puts it into the context).
#[derive(Clone, Copy, Debug)]
pub struct UnconfirmedOrderLimit(pub i64);

impl UnconfirmedOrderLimit {
    pub fn current() -> Result<UnconfirmedOrderLimit, crate::error::AppError> {
        leptos::prelude::use_context::<UnconfirmedOrderLimit>().ok_or_else(|| {
            tracing::error!("no order limit in the Leptos context");
            crate::error::AppError::Internal
        })
    }
}

/// Staff confirm a company that its customer number alone made active; false when there was
/// nothing to confirm (confirmed already, or not active).
pub async fn confirm_by_staff(
    conn: &mut AnyConnection,
    id: ResellerId,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE resellers SET confirmed_by_staff_at = $2 WHERE id = $1 AND status = 'active' \
         AND confirmed_by_staff_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the company is active by its customer number alone, with no confirmation by
/// staff yet (it orders only up to the set amount).
pub async fn awaits_staff_confirmation(db: &Database, id: ResellerId) -> Result<bool, DbError> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT confirmed_by_staff_at FROM resellers WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(matches!(row, Some((None,))))
}

pub async fn exists(conn: &mut AnyConnection, id: ResellerId) -> Result<bool, DbError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM resellers WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_some())
}

/// Locks or unlocks a company; false when it already was so.
pub async fn set_locked(
    conn: &mut AnyConnection,
    id: ResellerId,
    lock: bool,
    now: i64,
) -> Result<bool, DbError> {
    let query = if lock {
        sqlx::query("UPDATE resellers SET locked_at = $2 WHERE id = $1 AND locked_at IS NULL")
            .bind(id)
            .bind(now)
    } else {
        sqlx::query("UPDATE resellers SET locked_at = NULL WHERE id = $1 AND locked_at IS NOT NULL")
            .bind(id)
    };
    let changed = query.execute(&mut *conn).await?.rows_affected();
    Ok(changed == 1)
}
