//! The cloud agreement ("Cloud-Vereinbarung"): every end-customer has to accept it before
//! licences can be ordered for it. The reseller sees who has (green) and who has not (red),
//! mails a customer a single-use link to a public page where the customer accepts, or records
//! an acceptance given elsewhere and attests it. Each acceptance is reported to the provider
//! through the job queue and written to the audit log.

mod actions;
mod form;
#[cfg(feature = "ssr")]
pub(crate) mod mails;
mod overview;
mod page;
mod public;
#[cfg(feature = "ssr")]
pub mod server;
mod status;
#[cfg(feature = "ssr")]
pub(crate) mod text;

pub use actions::{
    accept_agreement, agreement_overview, attest_agreement, load_agreement, open_agreement,
    send_agreement,
};
pub use form::{
    parse_acceptance, parse_attestation, AcceptanceField, AcceptanceForm, Attestation,
    AttestationField, AttestationForm,
};
pub use overview::AgreementOverviewPage;
pub use page::AgreementPage;
pub use public::PublicAgreementPage;
pub use status::AgreementSummary;

use crate::audit::AuditEntry;
use crate::resellers::ResellerContact;
use kontor_domain::AcceptanceMethod;
use kontor_domain::CustomerId;
use serde::{Deserialize, Serialize};

/// The version of the agreement text Kontor ships (`text/<version>.<language>.txt`); an
/// acceptance records the version that was shown.
pub const AGREEMENT_VERSION: &str = "2026-11";

/// Whether the provider has the acceptance yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportState {
    Pending,
    Reported {
        at: i64,
    },
    /// The provider refused it for good (retries did not help).
    Failed,
}

/// A recorded acceptance, as the customer's agreement page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub version: String,
    pub method: AcceptanceMethod,
    pub signer_name: String,
    pub signer_email: String,
    pub accepted_at: i64,
    /// Link acceptances: where it came from.
    pub ip: Option<String>,
    /// Attested acceptances: the reseller user who attested it.
    pub attested_by: Option<String>,
    pub report: ReportState,
}

/// The agreement link last mailed, while it is still open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentLink {
    pub sent_at: i64,
    pub expires_at: i64,
}

/// Everything the customer's agreement page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementSettings {
    pub customer_id: CustomerId,
    pub company_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub acceptance: Option<Acceptance>,
    pub link: Option<SentLink>,
    pub history: Vec<AuditEntry>,
    /// German today (`2026-11-23`): the latest date an attestation may name.
    pub today: String,
    /// The attestation as this browser last had it refused (JavaScript off).
    pub draft: Option<AttestationForm>,
}

/// Why an agreement link does not open the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkProblem {
    Unknown,
    Expired,
    Superseded,
    Used,
}

/// What an emailed agreement link opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenedLink {
    /// The agreement to read and the form to accept it.
    Open {
        company_name: String,
        reseller: ResellerContact,
        version: String,
        text: String,
        form: AcceptanceForm,
    },
    /// The customer has accepted (perhaps just now).
    Accepted {
        company_name: String,
        signer_name: String,
        accepted_at: i64,
    },
    Unusable {
        problem: LinkProblem,
        reseller: Option<ResellerContact>,
    },
}
