//! The cloud provider, as every capability reaches it: the seam of crate `kontor-provider`
//! (its trait, records and errors), chosen and put into the context by the server.

pub use kontor_provider::*;

use kontor_domain::ProviderProblem;

/// A refusal as the pages name it.
pub fn problem(refusal: &Refusal) -> ProviderProblem {
    match refusal.reason {
        RefusalReason::DomainTaken => ProviderProblem::DomainTaken,
        RefusalReason::NotFound => ProviderProblem::NotFound,
        RefusalReason::PartnerIdUnknown => ProviderProblem::PartnerIdUnknown,
        RefusalReason::PartnerIdInvalid => ProviderProblem::PartnerIdInvalid,
        RefusalReason::RegionMismatch => ProviderProblem::RegionMismatch,
        RefusalReason::NotALocation => ProviderProblem::NotALocation,
        RefusalReason::PartnerAgreementNotSigned => ProviderProblem::PartnerAgreementNotSigned,
        RefusalReason::NotIndirectReseller => ProviderProblem::NotIndirectReseller,
        RefusalReason::NoRelationshipWithProvider => ProviderProblem::NoRelationshipWithProvider,
        RefusalReason::AgreementAlreadyConfirmed => ProviderProblem::AgreementAlreadyConfirmed,
        RefusalReason::CustomerAgreementMissing => ProviderProblem::CustomerAgreementMissing,
        RefusalReason::QuantityOutOfRange => ProviderProblem::QuantityOutOfRange,
        RefusalReason::CancellationWindowClosed => ProviderProblem::CancellationWindowClosed,
        RefusalReason::BelowAssignedLicences => ProviderProblem::BelowAssignedLicences,
        RefusalReason::SubscriptionNotActive => ProviderProblem::SubscriptionNotActive,
        RefusalReason::Other => ProviderProblem::Other { code: refusal.code },
    }
}
