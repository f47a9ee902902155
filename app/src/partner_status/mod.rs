//! "Microsoft-Kunden" (`/microsoft-customers`): the reseller's customers that have a tenant,
//! each with its partner status at Microsoft as a traffic light — green (linked to this
//! reseller as indirect reseller), orange (linked to another), red (linked to none) — and
//! "Vertriebspartnerschaft überprüfen" to check one again now.

mod actions;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{invite_partner, load_partner_customers, recheck_partner};
pub use page::PartnerCustomersPage;

use kontor_domain::CustomerId;
use kontor_domain::PartnerStatus;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCustomer {
    pub customer_id: CustomerId,
    pub company_name: String,
    pub domain: String,
    /// The colour of the last successful check; `None` before the first.
    pub status: Option<PartnerStatus>,
    pub checked_at: Option<i64>,
    /// A check that failed after the last successful one.
    pub failed_at: Option<i64>,
    /// When the last invitation ("Einladung senden") went out.
    pub invited_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCustomers {
    /// Without a stored MPN and Microsoft id there is nothing to check against.
    pub identity_missing: bool,
    pub customers: Vec<PartnerCustomer>,
}
