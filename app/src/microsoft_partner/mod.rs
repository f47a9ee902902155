//! "Microsoft MPN + MPA" (`/settings/microsoft`): the reseller stores the location MPN with
//! which it accepted the Microsoft Partner Agreement and its Microsoft id (which its
//! customers' partner status is checked against), and asks the provider whether the agreement
//! is accepted for that MPN ("MPA prüfen").

mod actions;
mod form;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{check_mpa, load_microsoft_partner, save_microsoft_partner};
pub use form::{parse_microsoft_partner, MicrosoftPartnerField, MicrosoftPartnerForm};
pub use page::MicrosoftPartnerPage;

use serde::{Deserialize, Serialize};

/// What the reseller has stored, and the provider's answer to the last "MPA prüfen".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MicrosoftPartner {
    pub location_mpn: Option<String>,
    pub microsoft_id: Option<String>,
    pub mpa: Option<MpaCheck>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpaCheck {
    pub answer: MpaAnswer,
    /// Unix seconds.
    pub checked_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MpaAnswer {
    /// Accepted, by the partner of this name (as Microsoft has it).
    Accepted {
        partner_name: Option<String>,
    },
    NotAccepted,
    /// Microsoft refused the MPN: unknown, another region, not a location, not an indirect
    /// reseller…
    Refused(kontor_domain::ProviderProblem),
}

impl MpaAnswer {
    /// The stored value (`resellers.mpa_status`; `unknown_mpn` stands for any refusal, whose
    /// reason is in `mpa_refusal`).
    pub fn code(&self) -> &'static str {
        match self {
            MpaAnswer::Accepted { .. } => "accepted",
            MpaAnswer::NotAccepted => "not_accepted",
            MpaAnswer::Refused(_) => "unknown_mpn",
        }
    }

    pub fn from_stored(
        code: &str,
        partner_name: Option<String>,
        refusal: Option<&str>,
    ) -> Option<MpaAnswer> {
        use kontor_domain::ProviderProblem;
        match code {
            "accepted" => Some(MpaAnswer::Accepted { partner_name }),
            "not_accepted" => Some(MpaAnswer::NotAccepted),
            "unknown_mpn" => Some(MpaAnswer::Refused(refusal.map_or(
                Some(ProviderProblem::PartnerIdUnknown),
                ProviderProblem::from_stored,
            )?)),
            _ => None,
        }
    }
}
