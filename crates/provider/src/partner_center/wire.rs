//! The Partner Center REST resources as JSON (camelCase, documented field names), and their
//! conversion to and from the seam's records. Public for the simulator's Partner Center face,
//! which serves the same documents to the adapter's tests.

use crate::*;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// `{"totalCount": n, "items": […]}`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    #[serde(default)]
    pub total_count: usize,
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    #[serde(default = "Attributes::collection")]
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    pub fn of(items: Vec<T>) -> Collection<T> {
        Collection {
            total_count: items.len(),
            items,
            attributes: Attributes::collection(),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_type: Option<String>,
}

impl Attributes {
    fn collection() -> Attributes {
        Attributes::of("Collection")
    }

    pub fn of(object_type: &str) -> Attributes {
        Attributes {
            object_type: Some(object_type.to_owned()),
        }
    }
}

/// The error body of every 4xx and 5xx: `code` is a number, sent as one or as a string.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default, deserialize_with = "code_of")]
    pub code: Option<i64>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub data: Vec<serde_json::Value>,
    #[serde(default)]
    pub source: String,
}

fn code_of<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

// --- customers --------------------------------------------------------------------------

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub company_profile: CompanyProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_profile: Option<BillingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_to_partner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_credentials: Option<UserCredentials>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_partner_id: Option<String>,
    #[serde(default)]
    pub attributes: Attributes,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    pub domain: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: WireAddress,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireAddress {
    pub country: String,
    pub city: String,
    pub address_line1: String,
    pub postal_code: String,
    pub first_name: String,
    pub last_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    pub user_name: String,
    pub password: String,
}

impl std::fmt::Debug for UserCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UserCredentials {{ user_name: {:?}, … }}",
            self.user_name
        )
    }
}

impl Customer {
    pub fn to_create(customer: &NewCustomer) -> Customer {
        let a = &customer.address;
        Customer {
            company_profile: CompanyProfile {
                domain: customer.domain.clone(),
                ..CompanyProfile::default()
            },
            billing_profile: Some(BillingProfile {
                email: customer.email.clone(),
                culture: customer.culture.clone(),
                language: customer.language.clone(),
                company_name: customer.company_name.clone(),
                default_address: WireAddress {
                    country: a.country.clone(),
                    city: a.city.clone(),
                    address_line1: a.address_line1.clone(),
                    postal_code: a.postal_code.clone(),
                    first_name: a.first_name.clone(),
                    last_name: a.last_name.clone(),
                },
            }),
            associated_partner_id: customer.associated_partner_id.clone(),
            attributes: Attributes::of("Customer"),
            ..Customer::default()
        }
    }

    pub fn new_customer(&self) -> Option<NewCustomer> {
        let billing = self.billing_profile.as_ref()?;
        let a = &billing.default_address;
        Some(NewCustomer {
            domain: self.company_profile.domain.clone(),
            company_name: billing.company_name.clone(),
            email: billing.email.clone(),
            culture: billing.culture.clone(),
            language: billing.language.clone(),
            address: Address {
                country: a.country.clone(),
                city: a.city.clone(),
                postal_code: a.postal_code.clone(),
                address_line1: a.address_line1.clone(),
                first_name: a.first_name.clone(),
                last_name: a.last_name.clone(),
            },
            associated_partner_id: self.associated_partner_id.clone(),
        })
    }

    pub fn tenant_id(&self) -> Option<&str> {
        self.id
            .as_deref()
            .or(self.company_profile.tenant_id.as_deref())
    }

    pub fn created(&self) -> Option<CreatedCustomer> {
        let credentials = self.user_credentials.as_ref()?;
        Some(CreatedCustomer {
            tenant_id: self.tenant_id()?.to_owned(),
            admin_user: credentials.user_name.clone(),
            admin_password: credentials.password.clone(),
        })
    }
}

/// The filter of `GET /v1/customers?filter=…`: a domain starting with the value.
#[derive(Debug, Serialize, Deserialize)]
pub struct CustomerFilter {
    #[serde(rename = "Field")]
    pub field: String,
    #[serde(rename = "Value")]
    pub value: String,
    #[serde(rename = "Operator")]
    pub operator: String,
}

impl CustomerFilter {
    pub fn domain(domain: &str) -> CustomerFilter {
        CustomerFilter {
            field: "Domain".to_owned(),
            value: domain.to_owned(),
            operator: "starts_with".to_owned(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipRequest {
    pub url: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireRelationship {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub relationship_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpn_id: Option<String>,
}

impl From<WireRelationship> for PartnerRelationship {
    fn from(r: WireRelationship) -> Self {
        PartnerRelationship {
            id: r.id.to_ascii_lowercase(),
            name: r.name,
            relationship_type: r.relationship_type,
            mpn_id: r.mpn_id,
        }
    }
}

impl From<&PartnerRelationship> for WireRelationship {
    fn from(r: &PartnerRelationship) -> Self {
        WireRelationship {
            id: r.id.clone(),
            name: r.name.clone(),
            relationship_type: r.relationship_type.clone(),
            mpn_id: r.mpn_id.clone(),
        }
    }
}

// --- partner checks ---------------------------------------------------------------------

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireMpnProfile {
    pub partner_name: String,
    pub mpn_id: String,
    #[serde(default)]
    pub profile_type: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementStatus {
    pub is_agreement_signed: bool,
}

// --- agreements -------------------------------------------------------------------------

pub const MICROSOFT_CUSTOMER_AGREEMENT: &str = "MicrosoftCustomerAgreement";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementMetaData {
    pub template_id: String,
    pub agreement_type: String,
    #[serde(default)]
    pub agreement_link: Option<String>,
    #[serde(default)]
    pub version_rank: Option<i64>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub primary_contact: Contact,
    pub template_id: String,
    pub date_agreed: String,
    #[serde(rename = "type")]
    pub agreement_type: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

impl Agreement {
    pub fn of(acceptance: &AgreementAcceptance) -> Agreement {
        Agreement {
            primary_contact: Contact {
                first_name: acceptance.first_name.clone(),
                last_name: acceptance.last_name.clone(),
                email: acceptance.email.clone(),
            },
            template_id: acceptance.template_id.clone(),
            date_agreed: format_time(acceptance.date_agreed),
            agreement_type: MICROSOFT_CUSTOMER_AGREEMENT.to_owned(),
        }
    }

    pub fn acceptance(&self) -> Option<AgreementAcceptance> {
        Some(AgreementAcceptance {
            first_name: self.primary_contact.first_name.clone(),
            last_name: self.primary_contact.last_name.clone(),
            email: self.primary_contact.email.clone(),
            date_agreed: parse_time(&self.date_agreed)?,
            template_id: self.template_id.clone(),
        })
    }
}

// --- carts and orders -------------------------------------------------------------------

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub line_items: Vec<CartLineItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartLineItem {
    pub id: i64,
    pub catalog_item_id: String,
    pub quantity: u32,
    pub billing_cycle: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_on_items: Vec<CartLineItem>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Participant {
    pub key: String,
    pub value: String,
}

/// The participant that names the indirect reseller of a transaction.
pub const TRANSACTION_RESELLER: &str = "transaction_reseller";

impl Cart {
    pub fn of(cart: &NewCart) -> Cart {
        fn item(line: &CartLine, reseller: Option<&String>) -> CartLineItem {
            CartLineItem {
                id: line.id,
                catalog_item_id: line.catalog_item_id.clone(),
                quantity: line.quantity,
                billing_cycle: billing_cycle(line.billing_cycle).to_owned(),
                term_duration: line.term.map(|t| t.iso().to_owned()),
                participants: reseller
                    .map(|mpn| Participant {
                        key: TRANSACTION_RESELLER.to_owned(),
                        value: mpn.clone(),
                    })
                    .into_iter()
                    .collect(),
                add_on_items: line.add_ons.iter().map(|a| item(a, reseller)).collect(),
            }
        }
        Cart {
            id: None,
            line_items: cart
                .lines
                .iter()
                .map(|l| item(l, cart.reseller_partner_id.as_ref()))
                .collect(),
            status: None,
        }
    }

    /// The cart as the seam has it; `None` for a line the seam cannot read.
    pub fn new_cart(&self) -> Option<NewCart> {
        fn line(item: &CartLineItem) -> Option<CartLine> {
            Some(CartLine {
                id: item.id,
                catalog_item_id: item.catalog_item_id.clone(),
                quantity: item.quantity,
                billing_cycle: parse_billing_cycle(&item.billing_cycle)?,
                term: match &item.term_duration {
                    Some(term) => Some(Term::parse_iso(term)?),
                    None => None,
                },
                add_ons: item.add_on_items.iter().map(line).collect::<Option<_>>()?,
            })
        }
        let reseller = self
            .line_items
            .iter()
            .flat_map(|i| &i.participants)
            .find(|p| p.key == TRANSACTION_RESELLER)
            .map(|p| p.value.clone());
        Some(NewCart {
            lines: self.line_items.iter().map(line).collect::<Option<_>>()?,
            reseller_partner_id: reseller,
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartCheckoutResult {
    pub orders: Vec<Order>,
    #[serde(default)]
    pub order_errors: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: String,
    #[serde(default)]
    pub reference_customer_id: Option<String>,
    pub billing_cycle: String,
    pub line_items: Vec<OrderLineItem>,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    pub line_item_number: i64,
    pub offer_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    pub quantity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
}

impl Order {
    pub fn of(order: &PlacedOrder) -> Order {
        Order {
            id: order.id.clone(),
            reference_customer_id: None,
            billing_cycle: billing_cycle(order.billing_cycle).to_owned(),
            line_items: order
                .lines
                .iter()
                .map(|l| OrderLineItem {
                    line_item_number: l.line_item_number,
                    offer_id: l.offer_id.clone(),
                    subscription_id: l.subscription_id.clone(),
                    quantity: l.quantity,
                    term_duration: None,
                })
                .collect(),
            status: match order.status {
                OrderStatus::Pending => "pending",
                OrderStatus::Completed => "completed",
                OrderStatus::Cancelled => "cancelled",
            }
            .to_owned(),
            creation_date: None,
        }
    }

    pub fn placed(&self) -> Option<PlacedOrder> {
        Some(PlacedOrder {
            id: self.id.clone(),
            status: match self.status.to_ascii_lowercase().as_str() {
                "pending" | "none" => OrderStatus::Pending,
                "completed" => OrderStatus::Completed,
                "cancelled" => OrderStatus::Cancelled,
                _ => return None,
            },
            billing_cycle: parse_billing_cycle(&self.billing_cycle)?,
            lines: self
                .line_items
                .iter()
                .map(|l| PlacedLine {
                    line_item_number: l.line_item_number,
                    offer_id: l.offer_id.clone(),
                    quantity: l.quantity,
                    subscription_id: l.subscription_id.clone(),
                })
                .collect(),
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisioningStatus {
    pub line_item_number: i64,
    pub status: String,
}

impl ProvisioningStatus {
    pub fn of(line: &LineProvisioning) -> ProvisioningStatus {
        ProvisioningStatus {
            line_item_number: line.line_item_number,
            status: match line.status {
                Fulfilment::Fulfilled => "fulfilled",
                Fulfilment::Unfulfilled => "unfulfilled",
                Fulfilment::PrefulfillmentPending => "prefulfillmentPending",
            }
            .to_owned(),
        }
    }

    pub fn line(&self) -> Option<LineProvisioning> {
        Some(LineProvisioning {
            line_item_number: self.line_item_number,
            status: match self.status.to_ascii_lowercase().as_str() {
                "fulfilled" => Fulfilment::Fulfilled,
                "unfulfilled" => Fulfilment::Unfulfilled,
                "prefulfillmentpending" => Fulfilment::PrefulfillmentPending,
                _ => return None,
            },
        })
    }
}

// --- subscriptions ----------------------------------------------------------------------

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireSubscription {
    pub id: String,
    pub offer_id: String,
    #[serde(default)]
    pub friendly_name: Option<String>,
    pub quantity: u32,
    pub status: String,
    pub auto_renew_enabled: bool,
    pub billing_cycle: String,
    #[serde(default)]
    pub term_duration: Option<String>,
    #[serde(default)]
    pub creation_date: Option<String>,
    pub effective_start_date: String,
    pub commitment_end_date: String,
    #[serde(default)]
    pub order_id: Option<String>,
    #[serde(default)]
    pub scheduled_next_term_instructions: Option<NextTermInstructions>,
    #[serde(default)]
    pub attributes: Attributes,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextTermInstructions {
    pub quantity: u32,
}

impl WireSubscription {
    pub fn of(s: &Subscription) -> WireSubscription {
        WireSubscription {
            id: s.id.clone(),
            offer_id: s.offer_id.clone(),
            friendly_name: None,
            quantity: s.quantity,
            status: match s.status {
                SubscriptionStatus::Active => "active",
                SubscriptionStatus::Pending => "pending",
                SubscriptionStatus::Suspended => "suspended",
                SubscriptionStatus::Deleted => "deleted",
                SubscriptionStatus::Expired => "expired",
            }
            .to_owned(),
            auto_renew_enabled: s.auto_renew,
            billing_cycle: billing_cycle(s.billing_cycle).to_owned(),
            term_duration: s.term.map(|t| t.iso().to_owned()),
            creation_date: None,
            effective_start_date: format_time(s.term_started_at),
            commitment_end_date: format_time(s.term_ends_at),
            order_id: s.order_id.clone(),
            scheduled_next_term_instructions: s
                .renewal_quantity
                .map(|quantity| NextTermInstructions { quantity }),
            attributes: Attributes::of("Subscription"),
        }
    }

    pub fn subscription(&self) -> Option<Subscription> {
        Some(Subscription {
            id: self.id.clone(),
            offer_id: self.offer_id.clone(),
            quantity: self.quantity,
            status: match self.status.to_ascii_lowercase().as_str() {
                "active" => SubscriptionStatus::Active,
                "pending" => SubscriptionStatus::Pending,
                "suspended" => SubscriptionStatus::Suspended,
                "deleted" => SubscriptionStatus::Deleted,
                "expired" => SubscriptionStatus::Expired,
                _ => return None,
            },
            auto_renew: self.auto_renew_enabled,
            billing_cycle: parse_billing_cycle(&self.billing_cycle)?,
            term: match &self.term_duration {
                Some(term) => Some(Term::parse_iso(term)?),
                None => None,
            },
            term_started_at: parse_time(&self.effective_start_date)?,
            term_ends_at: parse_time(&self.commitment_end_date)?,
            renewal_quantity: self
                .scheduled_next_term_instructions
                .as_ref()
                .map(|n| n.quantity),
            order_id: self.order_id.clone(),
        })
    }
}

// --- shared values ----------------------------------------------------------------------

pub fn billing_cycle(cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => "monthly",
        BillingCycle::Annual => "annual",
        BillingCycle::OneTime => "one_time",
        BillingCycle::None => "none",
    }
}

pub fn parse_billing_cycle(text: &str) -> Option<BillingCycle> {
    match text.to_ascii_lowercase().as_str() {
        "monthly" => Some(BillingCycle::Monthly),
        "annual" => Some(BillingCycle::Annual),
        "one_time" | "onetime" => Some(BillingCycle::OneTime),
        "none" | "unknown" => Some(BillingCycle::None),
        _ => None,
    }
}

/// Unix seconds as the API writes times: `2026-11-23T00:00:00Z`.
pub fn format_time(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// An RFC 3339 time (with or without fractions, any offset) as Unix seconds.
pub fn parse_time(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}
