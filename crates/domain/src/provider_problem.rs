//! What the cloud provider refused, as the pages put it into words: the provider seam's
//! refusal reasons, in a form the browser knows too (the seam itself is server-only).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderProblem {
    DomainTaken,
    NotFound,
    PartnerIdUnknown,
    PartnerIdInvalid,
    RegionMismatch,
    NotALocation,
    PartnerAgreementNotSigned,
    NotIndirectReseller,
    NoRelationshipWithProvider,
    AgreementAlreadyConfirmed,
    CustomerAgreementMissing,
    QuantityOutOfRange,
    CancellationWindowClosed,
    BelowAssignedLicences,
    SubscriptionNotActive,
    /// Anything else, with the provider's error code when it sent one.
    Other {
        code: Option<i64>,
    },
}

impl ProviderProblem {
    /// As stored in the database: a word, or `other:<code>`.
    pub fn stored(self) -> String {
        let word = match self {
            ProviderProblem::DomainTaken => "domain_taken",
            ProviderProblem::NotFound => "not_found",
            ProviderProblem::PartnerIdUnknown => "partner_id_unknown",
            ProviderProblem::PartnerIdInvalid => "partner_id_invalid",
            ProviderProblem::RegionMismatch => "region_mismatch",
            ProviderProblem::NotALocation => "not_a_location",
            ProviderProblem::PartnerAgreementNotSigned => "partner_agreement_not_signed",
            ProviderProblem::NotIndirectReseller => "not_indirect_reseller",
            ProviderProblem::NoRelationshipWithProvider => "no_relationship_with_provider",
            ProviderProblem::AgreementAlreadyConfirmed => "agreement_already_confirmed",
            ProviderProblem::CustomerAgreementMissing => "customer_agreement_missing",
            ProviderProblem::QuantityOutOfRange => "quantity_out_of_range",
            ProviderProblem::CancellationWindowClosed => "cancellation_window_closed",
            ProviderProblem::BelowAssignedLicences => "below_assigned_licences",
            ProviderProblem::SubscriptionNotActive => "subscription_not_active",
            ProviderProblem::Other { code: Some(code) } => return format!("other:{code}"),
            ProviderProblem::Other { code: None } => "other",
        };
        word.to_owned()
    }

    pub fn from_stored(text: &str) -> Option<ProviderProblem> {
        Some(match text {
            "domain_taken" => ProviderProblem::DomainTaken,
            "not_found" => ProviderProblem::NotFound,
            "partner_id_unknown" => ProviderProblem::PartnerIdUnknown,
            "partner_id_invalid" => ProviderProblem::PartnerIdInvalid,
            "region_mismatch" => ProviderProblem::RegionMismatch,
            "not_a_location" => ProviderProblem::NotALocation,
            "partner_agreement_not_signed" => ProviderProblem::PartnerAgreementNotSigned,
            "not_indirect_reseller" => ProviderProblem::NotIndirectReseller,
            "no_relationship_with_provider" => ProviderProblem::NoRelationshipWithProvider,
            "agreement_already_confirmed" => ProviderProblem::AgreementAlreadyConfirmed,
            "customer_agreement_missing" => ProviderProblem::CustomerAgreementMissing,
            "quantity_out_of_range" => ProviderProblem::QuantityOutOfRange,
            "cancellation_window_closed" => ProviderProblem::CancellationWindowClosed,
            "below_assigned_licences" => ProviderProblem::BelowAssignedLicences,
            "subscription_not_active" => ProviderProblem::SubscriptionNotActive,
            "other" => ProviderProblem::Other { code: None },
            other => ProviderProblem::Other {
                code: Some(other.strip_prefix("other:")?.parse().ok()?),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_stored_and_read_back() {
        let all = [
            ProviderProblem::DomainTaken,
            ProviderProblem::NotFound,
            ProviderProblem::PartnerIdUnknown,
            ProviderProblem::PartnerIdInvalid,
            ProviderProblem::RegionMismatch,
            ProviderProblem::NotALocation,
            ProviderProblem::PartnerAgreementNotSigned,
            ProviderProblem::NotIndirectReseller,
            ProviderProblem::NoRelationshipWithProvider,
            ProviderProblem::AgreementAlreadyConfirmed,
            ProviderProblem::CustomerAgreementMissing,
            ProviderProblem::QuantityOutOfRange,
            ProviderProblem::CancellationWindowClosed,
            ProviderProblem::BelowAssignedLicences,
            ProviderProblem::SubscriptionNotActive,
            ProviderProblem::Other { code: None },
            ProviderProblem::Other { code: Some(4711) },
        ];
        for problem in all {
            assert_eq!(
                ProviderProblem::from_stored(&problem.stored()),
                Some(problem)
            );
        }
        assert_eq!(ProviderProblem::from_stored("other:x"), None);
        assert_eq!(ProviderProblem::from_stored("anything"), None);
    }
}
