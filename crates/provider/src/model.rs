//! What crosses the seam: requests and answers in the vendor's terms (tenant ids,
//! subscription ids, billing cycles), with times as Unix seconds.

use serde::{Deserialize, Serialize};

/// `<prefix>.onmicrosoft.com`, or a customer's own domain.
pub type Domain = String;

/// A customer tenant to create.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCustomer {
    pub domain: Domain,
    pub company_name: String,
    /// The billing contact's address.
    pub email: String,
    /// `de-DE` or `en-US`.
    pub culture: String,
    /// `de` or `en`.
    pub language: String,
    pub address: Address,
    /// The indirect reseller (its Microsoft id) the customer belongs to; without one the
    /// customer is the distributor's own.
    pub associated_partner_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// ISO 3166 alpha-2.
    pub country: String,
    pub city: String,
    pub postal_code: String,
    pub address_line1: String,
    pub first_name: String,
    pub last_name: String,
}

/// The new tenant and its first admin login.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCustomer {
    pub tenant_id: String,
    pub admin_user: String,
    pub admin_password: String,
}

impl std::fmt::Debug for CreatedCustomer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedCustomer")
            .field("tenant_id", &self.tenant_id)
            .field("admin_user", &self.admin_user)
            .field("admin_password", &"…")
            .finish()
    }
}

/// What a customer's relationship to an indirect reseller is called.
pub const INDIRECT_RESELLER: &str = "is_indirect_cloud_solution_provider_of";

/// A partner a customer is linked to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRelationship {
    /// The partner's Microsoft id (its tenant id), lower case.
    pub id: String,
    pub name: String,
    pub relationship_type: String,
    pub mpn_id: Option<String>,
}

impl PartnerRelationship {
    pub fn is_indirect_reseller(&self) -> bool {
        self.relationship_type == INDIRECT_RESELLER
    }
}

/// The Microsoft ids of the indirect resellers among a customer's relationships.
pub fn indirect_resellers(relationships: &[PartnerRelationship]) -> Vec<String> {
    relationships
        .iter()
        .filter(|r| r.is_indirect_reseller())
        .map(|r| r.id.to_ascii_lowercase())
        .collect()
}

/// A partner by its PartnerID (MPN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpnProfile {
    pub mpn_id: String,
    pub partner_name: String,
}

/// A customer's acceptance of the Microsoft Customer Agreement, to confirm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAcceptance {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// The day it was accepted (midnight UTC), as Unix seconds.
    pub date_agreed: i64,
    pub template_id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingCycle {
    Monthly,
    Annual,
    /// A perpetual licence, paid once.
    OneTime,
    /// Billed by use.
    None,
}

/// How long a subscription's term runs before it renews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Term {
    /// `P1M`.
    OneMonth,
    /// `P1Y`.
    OneYear,
}

impl Term {
    pub fn iso(self) -> &'static str {
        match self {
            Term::OneMonth => "P1M",
            Term::OneYear => "P1Y",
        }
    }

    pub fn parse_iso(text: &str) -> Option<Term> {
        match text {
            "P1M" => Some(Term::OneMonth),
            "P1Y" => Some(Term::OneYear),
            _ => None,
        }
    }
}

/// An order to place: its lines, and the indirect reseller it is placed for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCart {
    pub lines: Vec<CartLine>,
    /// The indirect reseller's PartnerID (MPN), the transaction's reseller.
    pub reseller_partner_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    /// Unique within the cart; Kontor uses its order line's id, and finds the line again by
    /// it in the placed orders.
    pub id: i64,
    /// The catalogue item (Kontor's SKU).
    pub catalog_item_id: String,
    pub quantity: u32,
    pub billing_cycle: BillingCycle,
    pub term: Option<Term>,
    /// Add-ons bought with this line.
    pub add_ons: Vec<CartLine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
    Pending,
    Completed,
    Cancelled,
}

/// An order as the vendor has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub id: String,
    pub status: OrderStatus,
    pub billing_cycle: BillingCycle,
    pub lines: Vec<PlacedLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedLine {
    /// The cart line's id.
    pub line_item_number: i64,
    pub offer_id: String,
    pub quantity: u32,
    /// Known once the order is completed.
    pub subscription_id: Option<String>,
}

/// How far one line of an order is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fulfilment {
    Fulfilled,
    Unfulfilled,
    PrefulfillmentPending,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProvisioning {
    pub line_item_number: i64,
    pub status: Fulfilment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionStatus {
    Active,
    Pending,
    Suspended,
    Deleted,
    Expired,
}

/// A subscription as the vendor has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: String,
    pub offer_id: String,
    pub quantity: u32,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    pub billing_cycle: BillingCycle,
    pub term: Option<Term>,
    /// When the current term began (purchase or last renewal).
    pub term_started_at: i64,
    /// When the current term ends (the next renewal).
    pub term_ends_at: i64,
    /// The quantity it renews with, when a change is scheduled for the renewal.
    pub renewal_quantity: Option<u32>,
    pub order_id: Option<String>,
}
