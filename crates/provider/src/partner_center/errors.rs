//! Partner Center's error codes and what they mean for Kontor. One table serves both
//! directions: the adapter reads a code into a [`RefusalReason`], the simulator's Partner
//! Center face writes a reason as its code.

use crate::{ProviderError, RefusalReason};

/// Known codes, their reason, the HTTP status they come with, and the description the
/// simulator's face sends.
///
/// 2200–2206 are the partner checks' answers (PartnerID unknown, not a number, another
/// region, a global instead of a location id, the Partner Agreement not signed, not enrolled
/// as indirect reseller, no relationship with the distributor), 600061 an acceptance
/// confirmed before, 13605 a purchase without the Customer Agreement. The new-commerce
/// refusals (after the cancellation window, below the assigned licences) vary between API
/// versions; besides the codes below they are recognised by their description.
pub const CODES: [(i64, RefusalReason, u16, &str); 16] = [
    (1000, RefusalReason::NotFound, 404, "Not found"),
    (20000, RefusalReason::NotFound, 404, "Order Id not found"),
    (
        20003,
        RefusalReason::NotFound,
        404,
        "Subscription not found",
    ),
    (60003, RefusalReason::NotFound, 404, "Tenant not found"),
    (
        1001,
        RefusalReason::DomainTaken,
        409,
        "The domain is already in use",
    ),
    (
        2200,
        RefusalReason::PartnerIdUnknown,
        400,
        "The PartnerID was not found",
    ),
    (
        2201,
        RefusalReason::PartnerIdInvalid,
        400,
        "The PartnerID must be numeric",
    ),
    (
        2202,
        RefusalReason::RegionMismatch,
        400,
        "The PartnerID belongs to another region",
    ),
    (
        2203,
        RefusalReason::NotALocation,
        400,
        "The PartnerID is not a location PartnerID",
    ),
    (
        2204,
        RefusalReason::PartnerAgreementNotSigned,
        400,
        "The Microsoft Partner Agreement is not signed",
    ),
    (
        2205,
        RefusalReason::NotIndirectReseller,
        400,
        "The partner is not enrolled as indirect reseller",
    ),
    (
        2206,
        RefusalReason::NoRelationshipWithProvider,
        400,
        "The indirect reseller has no relationship with this indirect provider",
    ),
    (
        600061,
        RefusalReason::AgreementAlreadyConfirmed,
        400,
        "An agreement for this contact has already been confirmed",
    ),
    (
        13605,
        RefusalReason::CustomerAgreementMissing,
        403,
        "The customer has not accepted the Microsoft Customer Agreement",
    ),
    (
        800071,
        RefusalReason::CancellationWindowClosed,
        400,
        "The cancellation window for this subscription has passed",
    ),
    (
        800072,
        RefusalReason::BelowAssignedLicences,
        400,
        "The quantity cannot be lower than the number of assigned licenses",
    ),
];

/// Codes that come with their own reason but no table row (several codes, one meaning).
const MORE: [(i64, RefusalReason); 3] = [
    (2002, RefusalReason::QuantityOutOfRange),
    (2001, RefusalReason::SubscriptionNotActive),
    (2011, RefusalReason::SubscriptionNotActive),
];

/// What a refused call means: by its code first, then by status and description.
pub fn reason_of(status: u16, code: Option<i64>, description: &str) -> RefusalReason {
    let by_code = code.and_then(|code| {
        CODES
            .iter()
            .map(|(c, reason, ..)| (*c, *reason))
            .chain(MORE)
            .find(|(c, _)| *c == code)
            .map(|(_, reason)| reason)
    });
    if let Some(reason) = by_code {
        return reason;
    }
    let text = description.to_ascii_lowercase();
    if text.contains("cancel") && text.contains("window") {
        RefusalReason::CancellationWindowClosed
    } else if text.contains("assigned") && text.contains("licen") {
        RefusalReason::BelowAssignedLicences
    } else if status == 404 {
        RefusalReason::NotFound
    } else {
        RefusalReason::Other
    }
}

/// The code, status and description the face answers a refusal with.
pub fn code_of(reason: RefusalReason) -> (Option<i64>, u16, &'static str) {
    CODES
        .iter()
        .find(|(_, r, ..)| *r == reason)
        .map(|(code, _, status, text)| (Some(*code), *status, *text))
        .unwrap_or(match reason {
            RefusalReason::QuantityOutOfRange => (Some(2002), 400, "Quantity out of range"),
            RefusalReason::SubscriptionNotActive => (Some(2011), 400, "Subscription not active"),
            _ => (None, 400, "Refused"),
        })
}

/// A refused call's error, from its status and body.
pub fn refusal(status: u16, body: &str) -> ProviderError {
    let parsed: Option<super::wire::ErrorBody> = serde_json::from_str(body).ok();
    let (code, description) = match parsed {
        Some(body) => (body.code, body.description),
        None => (None, body.chars().take(300).collect()),
    };
    let reason = reason_of(status, code, &description);
    ProviderError::refused(reason, code, &description)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_code_reads_back_as_its_reason() {
        for (code, reason, status, text) in CODES {
            assert_eq!(reason_of(status, Some(code), text), reason, "{code}");
            // Written as the first code that has this reason, and read back as the reason.
            let (written, status, text) = code_of(reason);
            assert_eq!(reason_of(status, written, text), reason, "{code}");
        }
    }

    #[test]
    fn an_unknown_code_keeps_its_number_and_words() {
        let error = refusal(
            400,
            r#"{"code":"4711","description":"Etwas Neues","source":"PartnerFD"}"#,
        );
        assert_eq!(
            error,
            ProviderError::refused(RefusalReason::Other, Some(4711), "Etwas Neues")
        );
        // Not JSON at all: the text is the description.
        let error = refusal(400, "Bad Request");
        assert_eq!(
            error,
            ProviderError::refused(RefusalReason::Other, None, "Bad Request")
        );
    }

    #[test]
    fn new_commerce_refusals_are_recognised_by_their_words_too() {
        assert_eq!(
            reason_of(
                400,
                Some(800002),
                "Subscription cannot be cancelled: the cancellation window has expired"
            ),
            RefusalReason::CancellationWindowClosed
        );
        assert_eq!(
            reason_of(
                400,
                None,
                "Cannot reduce below the number of assigned licenses (5)"
            ),
            RefusalReason::BelowAssignedLicences
        );
        assert_eq!(reason_of(404, None, ""), RefusalReason::NotFound);
    }
}
