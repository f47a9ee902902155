//! What a reseller's start page shows, loaded for one reseller.

use crate::home::{Counters, Dashboard};
use crate::i18n::Locale;
use crate::platform::sessions::ResellerScope;
use crate::platform::{Database, DbError};

pub async fn load(
    db: &Database,
    scope: &ResellerScope,
    now: i64,
    locale: Locale,
) -> Result<Dashboard, DbError> {
    Ok(Dashboard {
        company_name: crate::resellers::server::company_name(db, scope.reseller()).await?,
        published: crate::announcements::server::published(db, now, locale).await?,
        counters: counters(db, scope).await?,
        contacts: crate::contacts::server::all(db).await?,
    })
}

/// Each count matches what its list shows under the filter the counter links to.
pub async fn counters(db: &Database, scope: &ResellerScope) -> Result<Counters, DbError> {
    sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM customers WHERE reseller_id = $1) AS customers, \
           (SELECT COUNT(*) FROM customers c WHERE c.reseller_id = $1 AND NOT EXISTS \
              (SELECT 1 FROM agreement_acceptances x WHERE x.customer_id = c.id)) \
              AS agreements_open, \
           (SELECT COUNT(*) FROM partner_checks p JOIN customers c ON c.id = p.customer_id \
              JOIN tenants t ON t.customer_id = c.id WHERE c.reseller_id = $1 \
              AND t.status IN ('ready', 'authorised') AND p.status = 'orange') AS partner_orange, \
           (SELECT COUNT(*) FROM partner_checks p JOIN customers c ON c.id = p.customer_id \
              JOIN tenants t ON t.customer_id = c.id WHERE c.reseller_id = $1 \
              AND t.status IN ('ready', 'authorised') AND p.status = 'red') AS partner_red, \
           (SELECT COUNT(*) FROM orders WHERE reseller_id = $1 \
              AND status IN ('received', 'provisioning')) AS orders_in_progress",
    )
    .bind(scope.reseller())
    .fetch_one(db.pool())
    .await
    .map_err(DbError::from)
}
