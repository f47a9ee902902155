//! Why a call to the vendor gave no answer Kontor can use.

use std::time::Duration;

/// The longest wait a 429 may ask for: a `Retry-After` of years (or one that overflows the
/// clock) holds calls back for an hour, then the next answer says again.
pub const MAX_RETRY_AFTER_SECS: u64 = 60 * 60;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// No answer, a 5xx, an unreadable answer, or no access token: try again later with the
    /// same request id.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
    /// 429: try again after this long.
    #[error("the provider asks to wait {0:?}")]
    RateLimited(Duration),
    /// The vendor said no: the same request will not do better.
    #[error("the provider refused: {0}")]
    Refused(Refusal),
}

impl ProviderError {
    /// Worth retrying with the same request id.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ProviderError::Unavailable(_) | ProviderError::RateLimited(_)
        )
    }

    /// The refusal's reason, if it is one.
    pub fn reason(&self) -> Option<RefusalReason> {
        match self {
            ProviderError::Refused(refusal) => Some(refusal.reason),
            _ => None,
        }
    }

    pub fn refused(reason: RefusalReason, code: Option<i64>, description: &str) -> ProviderError {
        ProviderError::Refused(Refusal {
            reason,
            code,
            description: description.chars().take(300).collect(),
        })
    }
}

/// A refusal: what it means for Kontor, and the vendor's own code and words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{reason:?} (code {code:?}): {description}")]
pub struct Refusal {
    pub reason: RefusalReason,
    /// The vendor's error code (`code` in its error body), when it sent one.
    pub code: Option<i64>,
    /// The vendor's description, shortened.
    pub description: String,
}

/// What a refusal means, as far as Kontor can act on it. The vendor's error codes map onto
/// these (`partner_center::errors`); Kontor puts each into plain words, and shows any other
/// with the vendor's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefusalReason {
    /// The domain exists already (a new tenant's prefix is taken).
    DomainTaken,
    /// No such customer, order or subscription (for this partner).
    NotFound,
    /// 2200: no partner has this PartnerID.
    PartnerIdUnknown,
    /// 2201: not a PartnerID (digits only).
    PartnerIdInvalid,
    /// 2202: the PartnerID belongs to another region than the distributor's.
    RegionMismatch,
    /// 2203: the PartnerID is the partner's global one, not its location's.
    NotALocation,
    /// 2204: the partner has not accepted the Microsoft Partner Agreement.
    PartnerAgreementNotSigned,
    /// 2205: the partner is not enrolled as indirect reseller.
    NotIndirectReseller,
    /// 2206: the indirect reseller has no relationship with the distributor.
    NoRelationshipWithProvider,
    /// 600061: this contact's acceptance was confirmed already.
    AgreementAlreadyConfirmed,
    /// 13605: the customer has not accepted the Microsoft Customer Agreement.
    CustomerAgreementMissing,
    /// The quantity is outside what the offer allows.
    QuantityOutOfRange,
    /// A reduction or cancellation after the cancellation window (7 days after purchase or
    /// renewal) has closed.
    CancellationWindowClosed,
    /// A reduction below the licences assigned to users.
    BelowAssignedLicences,
    /// The subscription is not active (suspended, deleted, expired).
    SubscriptionNotActive,
    /// Anything else: shown with the vendor's code and description.
    Other,
}
