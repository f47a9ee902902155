//! A customer's Microsoft tenant ("Einstellungen für weitere Dienste"): a new tenant under a
//! prefix that is unique worldwide, checked while typing, created by the provider in the
//! background; and, once ready, its first admin login, shown until the reseller notes it.

mod actions;
mod form;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{
    acknowledge_password, check_prefix, load_tenant_settings, retry_tenant, set_up_tenant,
    tenant_draft, AcknowledgePassword, RetryTenant, SetUpTenant,
};
pub use form::{parse_tenant_form, TenantField, TenantForm, TenantRequest};
pub use page::{TenantPage, TenantSummary};

use kontor_domain::CustomerId;
use kontor_domain::{TenantFailure, TenantStatus};
use serde::{Deserialize, Serialize};

/// The tenant as the reseller sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub domain: String,
    /// An existing tenant, invited rather than created.
    pub existing: bool,
    pub status: TenantStatus,
    pub failure: Option<TenantFailure>,
    /// The admin centre login, once the provider created it.
    pub admin_user: Option<String>,
    /// The first password, until the reseller confirmed having noted it.
    pub initial_password: InitialPassword,
}

/// The tenant's first admin password, as far as Kontor still has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InitialPassword {
    /// Not (yet) there, or deleted once the reseller noted it.
    None,
    Shown(String),
    /// Stored, but this installation's key does not open it (another instance's key, or a
    /// key changed since): the page says so instead of failing.
    Unreadable,
}

/// Everything the tenant page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantSettings {
    pub customer_id: CustomerId,
    pub company_name: String,
    /// `None`: no tenant yet (or the prefix was lost at the provider), so the form shows.
    pub tenant: Option<Tenant>,
}

/// The answer to "is this prefix free?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrefixCheck {
    Free,
    /// Taken in Kontor or at the provider; free prefixes built from the customer's data.
    Taken {
        suggestions: Vec<String>,
    },
    /// Not a prefix at all (the field shows why).
    Invalid(kontor_domain::FieldError),
    /// The provider did not answer; the reservation checks again.
    Unchecked,
}
