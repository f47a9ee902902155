//! Binding orders: their numbers, the states an order line goes through, why an order is
//! refused, and when a subscription renews.

use super::{BillingCycle, OrderId, OrderRefusal, Pricing};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The number a reseller quotes: `K-2026-000123` (the year it was placed, German time, and
/// the order's id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderNumber {
    pub year: i32,
    pub id: OrderId,
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "K-{}-{:06}", self.year, self.id)
    }
}

impl OrderNumber {
    pub fn placed(id: OrderId, placed_at: i64) -> OrderNumber {
        OrderNumber {
            year: super::german_date(placed_at).year(),
            id,
        }
    }

    /// `K-2026-000123`, in any letter case; nothing else.
    pub fn parse(text: &str) -> Option<OrderNumber> {
        let rest = text.trim().strip_prefix(['K', 'k'])?.strip_prefix('-')?;
        let (year, id) = rest.split_once('-')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || id.len() < 6 || !digits(id) {
            return None;
        }
        Some(OrderNumber {
            year: year.parse().ok()?,
            id: OrderId(id.parse().ok()?),
        })
    }

    pub fn path(&self) -> String {
        format!("/orders/{self}")
    }
}

/// Where an order (and each of its lines) stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    /// Placed in Kontor, not yet with the provider.
    Received,
    /// The provider has it and is setting it up.
    Provisioning,
    /// The licences are there.
    Active,
    /// The provider refused it or could not be reached for too long.
    Failed,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 4] = [
        OrderStatus::Received,
        OrderStatus::Provisioning,
        OrderStatus::Active,
        OrderStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Received => "received",
            OrderStatus::Provisioning => "provisioning",
            OrderStatus::Active => "active",
            OrderStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Nothing will change any more by itself.
    pub fn is_settled(self) -> bool {
        matches!(self, OrderStatus::Active | OrderStatus::Failed)
    }
}

/// Why provisioning failed, as the reseller is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderFailure {
    /// The provider refused the order (it will not take it as it is).
    Refused,
    /// The provider could not be reached for about half an hour of retries.
    Unreachable,
}

impl OrderFailure {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderFailure::Refused => "refused",
            OrderFailure::Unreachable => "unreachable",
        }
    }

    pub fn parse(text: &str) -> Option<OrderFailure> {
        [OrderFailure::Refused, OrderFailure::Unreachable]
            .into_iter()
            .find(|f| f.as_str() == text)
    }
}

/// Why a cart is not ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OrderProblem {
    #[error("the cart is empty")]
    EmptyCart,
    /// The order's name or customer has not been saved.
    #[error("the order has no name or customer")]
    HeaderMissing,
    #[error("nothing may be ordered for the customer: {0}")]
    NotOrderable(OrderRefusal),
    /// A price changed since the reseller saw it: confirm first.
    #[error("prices changed")]
    PricesChanged,
    /// A line's billing is no longer offered.
    #[error("a line cannot be priced")]
    LineUnavailable,
    /// The cart changed since the page was shown (another tab, a colleague's change).
    #[error("the cart changed")]
    CartChanged,
    /// More users for this subscription are on their way already.
    #[error("a change of the subscription is under way")]
    ChangePending,
    /// The account is active by its customer number alone, and the order is above what such
    /// an account may order before staff confirm it.
    #[error("the order waits for the account's confirmation by staff")]
    AwaitingStaffConfirmation,
    /// The form's key placed an order with other contents already.
    #[error("the idempotency key was used for another order")]
    KeyReused,
}

impl OrderProblem {
    /// Refused because something changed meanwhile (a conflict with the state, 409), not
    /// because of what was asked for (422).
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            OrderProblem::KeyReused
                | OrderProblem::CartChanged
                | OrderProblem::PricesChanged
                | OrderProblem::ChangePending
        )
    }
}

/// The key a checkout form carries so that sending it again finds the order it made: up to
/// 64 letters, digits, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(text: &str) -> Option<IdempotencyKey> {
        let text = text.trim();
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        (!text.is_empty() && text.len() <= 64 && text.bytes().all(allowed))
            .then(|| IdempotencyKey(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How an order line was priced, as stored with it.
pub fn pricing_kind(pricing: &Pricing) -> &'static str {
    match pricing {
        Pricing::Subscription { .. } => "subscription",
        Pricing::Perpetual { .. } => "perpetual",
        Pricing::Usage => "usage",
    }
}

/// A stored line's pricing back: its unit price in its cycle.
pub fn pricing_of(kind: &str, cycle: BillingCycle, unit_cents: i64) -> Option<Pricing> {
    match kind {
        "subscription" => Some(match cycle {
            BillingCycle::Monthly => Pricing::Subscription {
                monthly: Some(unit_cents),
                annual: None,
            },
            BillingCycle::Annual => Pricing::Subscription {
                monthly: None,
                annual: Some(unit_cents),
            },
        }),
        "perpetual" => Some(Pricing::Perpetual { once: unit_cents }),
        "usage" => Some(Pricing::Usage),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_read_back() {
        let number = OrderNumber {
            year: 2026,
            id: OrderId(123),
        };
        assert_eq!(number.to_string(), "K-2026-000123");
        assert_eq!(OrderNumber::parse("K-2026-000123"), Some(number));
        assert_eq!(OrderNumber::parse("k-2026-000123"), Some(number));
        let big = OrderNumber {
            year: 2027,
            id: OrderId(12_345_678),
        };
        assert_eq!(OrderNumber::parse(&big.to_string()), Some(big));
        for bad in [
            "",
            "K-2026-123",
            "K-26-000123",
            "X-2026-000123",
            "K-2026-00012a",
            "123",
        ] {
            assert_eq!(OrderNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_year_is_the_german_one() {
        // 31 Dec 2026 23:30 UTC is already 2027 in Germany.
        let new_year = 1_798_759_800;
        assert_eq!(OrderNumber::placed(OrderId(5), new_year).year, 2027);
    }

    #[test]
    fn statuses_round_trip() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(OrderStatus::parse("lost"), None);
        assert!(OrderStatus::Failed.is_settled() && !OrderStatus::Provisioning.is_settled());
    }

    #[test]
    fn keys_are_short_and_plain() {
        assert!(IdempotencyKey::parse("b1c2-d3_e4").is_some());
        assert!(IdempotencyKey::parse(&"a".repeat(64)).is_some());
        assert!(IdempotencyKey::parse(&"a".repeat(65)).is_none());
        assert!(IdempotencyKey::parse("").is_none());
        assert!(IdempotencyKey::parse("a b").is_none());
        assert!(IdempotencyKey::parse("a'--").is_none());
    }

    #[test]
    fn stored_pricing_reads_back() {
        for (pricing, cycle) in [
            (
                Pricing::Subscription {
                    monthly: Some(560),
                    annual: None,
                },
                BillingCycle::Monthly,
            ),
            (
                Pricing::Subscription {
                    monthly: None,
                    annual: Some(470),
                },
                BillingCycle::Annual,
            ),
            (Pricing::Perpetual { once: 99_900 }, BillingCycle::Monthly),
            (Pricing::Usage, BillingCycle::Monthly),
        ] {
            let unit = pricing.unit_cents(cycle).unwrap();
            assert_eq!(
                pricing_of(pricing_kind(&pricing), cycle, unit),
                Some(pricing)
            );
        }
        assert_eq!(pricing_of("barter", BillingCycle::Monthly, 1), None);
    }
}
