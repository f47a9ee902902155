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
    let (customers, agreements_open, partner_orange, partner_red, orders_in_progress): (
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM customers WHERE reseller_id = $1), \
           (SELECT COUNT(*) FROM customers c WHERE c.reseller_id = $1 AND NOT EXISTS \
              (SELECT 1 FROM agreement_acceptances x WHERE x.customer_id = c.id)), \
           (SELECT COUNT(*) FROM partner_checks p JOIN customers c ON c.id = p.customer_id \
              JOIN tenants t ON t.customer_id = c.id WHERE c.reseller_id = $1 \
              AND t.status IN ('ready', 'authorised') AND p.status = 'orange'), \
           (SELECT COUNT(*) FROM partner_checks p JOIN customers c ON c.id = p.customer_id \
              JOIN tenants t ON t.customer_id = c.id WHERE c.reseller_id = $1 \
              AND t.status IN ('ready', 'authorised') AND p.status = 'red'), \
           (SELECT COUNT(*) FROM orders WHERE reseller_id = $1 \
              AND status IN ('received', 'provisioning'))",
    )
    .bind(scope.reseller())
    .fetch_one(db.pool())
    .await?;
    Ok(Counters {
        customers,
        agreements_open,
        partner_orange,
        partner_red,
        orders_in_progress,
    })
}
