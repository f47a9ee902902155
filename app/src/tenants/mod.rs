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

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantStatus {
    /// Reserved in Kontor; the creation is queued.
    Waiting,
    /// The provider has accepted it and is provisioning.
    Creating,
    Ready,
    Failed,
    /// An existing tenant: its contact was mailed the provider's invitation.
    Invited,
    /// An existing tenant that accepted this reseller ("CSP autorisieren").
    Authorised,
}

impl TenantStatus {
    pub const ALL: [TenantStatus; 6] = [
        TenantStatus::Waiting,
        TenantStatus::Creating,
        TenantStatus::Ready,
        TenantStatus::Failed,
        TenantStatus::Invited,
        TenantStatus::Authorised,
    ];

    /// As stored in `tenants.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Waiting => "waiting",
            TenantStatus::Creating => "creating",
            TenantStatus::Ready => "ready",
            TenantStatus::Failed => "failed",
            TenantStatus::Invited => "invited",
            TenantStatus::Authorised => "authorised",
        }
    }

    pub fn parse(stored: &str) -> Option<TenantStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }

    /// Still on its way: the page keeps asking.
    pub fn is_in_progress(self) -> bool {
        matches!(self, TenantStatus::Waiting | TenantStatus::Creating)
    }

    /// The customer can use it: created and provisioned, or an existing tenant that
    /// authorised the reseller. Licences can be ordered into it.
    pub fn is_usable(self) -> bool {
        matches!(self, TenantStatus::Ready | TenantStatus::Authorised)
    }

    /// Waiting for the provider or the customer: the page with JavaScript looks again.
    pub fn may_change(self) -> bool {
        self.is_in_progress() || self == TenantStatus::Invited
    }
}

/// Why a tenant could not be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TenantFailure {
    /// Someone outside Kontor took the prefix at the provider meanwhile: choose another.
    PrefixTaken,
    /// The provider did not answer after every retry: try again later.
    Unavailable,
    /// The provider refused the request.
    Refused,
}

impl TenantFailure {
    pub const ALL: [TenantFailure; 3] = [
        TenantFailure::PrefixTaken,
        TenantFailure::Unavailable,
        TenantFailure::Refused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TenantFailure::PrefixTaken => "prefix_taken",
            TenantFailure::Unavailable => "unavailable",
            TenantFailure::Refused => "refused",
        }
    }

    pub fn parse(stored: &str) -> Option<TenantFailure> {
        Self::ALL.into_iter().find(|s| s.as_str() == stored)
    }
}

/// Where a customer's tenant stands, for lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantBrief {
    pub domain: String,
    pub status: TenantStatus,
    pub failure: Option<TenantFailure>,
}

impl TenantBrief {
    /// "domain – state", in the reader's language.
    pub fn describe(&self, t: &crate::i18n::TenantTexts) -> String {
        let state = match (self.status, self.failure) {
            (_, Some(TenantFailure::PrefixTaken)) => t.summary_prefix_lost,
            (TenantStatus::Ready, _) => t.summary_ready,
            (TenantStatus::Invited, _) => t.summary_invited,
            (TenantStatus::Authorised, _) => t.summary_authorised,
            (TenantStatus::Failed, _) => t.summary_failed,
            (TenantStatus::Waiting | TenantStatus::Creating, _) => t.summary_in_progress,
        };
        format!("{} – {state}", self.domain)
    }
}

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
    pub customer_id: i64,
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
    Invalid(crate::domain::FieldError),
    /// The provider did not answer; the reservation checks again.
    Unchecked,
}
