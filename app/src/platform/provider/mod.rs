//! The cloud vendor: the adapter Kontor calls (`client.rs`) and the simulated vendor the
//! embedded default runs (`simulator.rs`). What crosses between them is shaped after the
//! Microsoft Partner Center REST API.

mod client;
mod pace;
pub mod simulator;

pub use client::{ProviderClient, ProviderError};

use serde::{Deserialize, Serialize};

/// The `MS-RequestId` of one logical request: generated once, stored with the job that makes
/// the call, and sent again with every retry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestId(String);

impl RequestId {
    pub fn generate() -> RequestId {
        use rand::RngCore;
        let mut bytes = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        RequestId(guid(&bytes))
    }

    pub fn from_stored(stored: String) -> RequestId {
        RequestId(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// 16 bytes in the GUID layout the vendor uses for ids (`8-4-4-4-12` hex digits).
pub fn guid(bytes: &[u8; 16]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A customer tenant to create: `POST /v1/customers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewTenant {
    pub company_profile: CompanyProfile,
    pub billing_profile: BillingProfile,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    pub company_name: String,
    /// `<prefix>.onmicrosoft.com`.
    pub domain: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    pub email: String,
    /// `de-DE` or `en-US`.
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: Address,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub country: String,
    pub city: String,
    pub postal_code: String,
    pub address_line1: String,
    pub first_name: String,
    pub last_name: String,
}

/// The vendor's answer to a creation: the tenant's id and its first admin login.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedTenant {
    pub id: String,
    pub user_credentials: UserCredentials,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    pub user_name: String,
    pub password: String,
}

impl std::fmt::Debug for UserCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserCredentials")
            .field("user_name", &self.user_name)
            .field("password", &"…")
            .finish()
    }
}

/// How far a new tenant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProvisioningState {
    Pending,
    Succeeded,
    Failed,
}

/// An acceptance of the cloud agreement to record: `POST /v1/customers/{domain}/agreements`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementAcceptance {
    pub primary_contact: Contact,
    /// `2026-11-23`.
    pub date_agreed: String,
    /// The version of the text the customer accepted.
    pub template_id: String,
    /// Always `MicrosoftCloudAgreement`.
    pub agreement_type: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// An order for a customer: `POST /v1/customers/{domain}/orders`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewOrder {
    pub line_items: Vec<OrderLineItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    /// Kontor's id of the order line, to match the answer's line items.
    pub line_item_number: i64,
    /// The product's SKU.
    pub offer_id: String,
    pub quantity: u32,
    /// `monthly`, `annual`, or `none` for a perpetual licence or a usage plan.
    pub billing_cycle: String,
    /// The line item of the base product an add-on belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_line_item_number: Option<i64>,
    /// Set by the provider: the subscription the line item became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
}

/// An order as the provider has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedOrder {
    pub id: String,
    pub status: PlacedOrderStatus,
    pub line_items: Vec<OrderLineItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlacedOrderStatus {
    Pending,
    Completed,
}

/// Whether a partner (by location MPN) accepted the Microsoft Partner Agreement:
/// `GET /v1/partners/{mpn}/mpa`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MpaStatus {
    pub mpn_id: String,
    pub accepted: bool,
    /// `2025-03-14`, when accepted.
    #[serde(default)]
    pub accepted_on: Option<String>,
}

/// The relationship type of an indirect reseller in a customer's relationships.
pub const INDIRECT_RESELLER: &str = "IsIndirectResellerOf";

/// A customer's partner relationships: `GET /v1/customers/{domain}/relationships`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relationships {
    pub items: Vec<Relationship>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    /// The partner's Microsoft id.
    pub id: String,
    pub relationship_type: String,
}
