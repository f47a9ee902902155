//! Binding orders ("Bestellungen"): placed from the cart with "Zahlungspflichtig bestellen"
//! (once per idempotency key, whatever is sent again), set up at the provider by a job, shown
//! with a status per line that updates itself, and listed with filters.

mod actions;
mod checkout;
pub(crate) mod list;
#[cfg(feature = "ssr")]
pub mod mails;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "ssr")]
pub(crate) use actions::ssr::{refuse, submit};
pub use actions::{load_order, load_orders, place_order, PlaceOrder};
pub use checkout::{parse_checkout, Checkout, CheckoutField, CheckoutForm};
pub use list::OrdersPage;
pub use page::OrderPage;

use kontor_domain::{
    BillingCycle, Charge, OrderFailure, OrderNumber, OrderStatus, Pricing, Totals,
};
use kontor_domain::{CustomerId, ResellerId};
use serde::{Deserialize, Serialize};

/// One order in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub number: OrderNumber,
    pub name: String,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub placed_at: i64,
    pub status: OrderStatus,
    pub gross_cents: i64,
}

/// An order with its lines, as placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub summary: OrderSummary,
    /// Who placed it (address).
    pub placed_by: String,
    pub totals: Totals,
    pub failure: Option<OrderFailure>,
    pub completed_at: Option<i64>,
    pub lines: Vec<OrderLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub sku: String,
    pub name: String,
    pub seats: u32,
    pub cycle: BillingCycle,
    pub pricing: Pricing,
    pub charge: Option<Charge>,
    pub status: OrderStatus,
}

/// The history's status filter: one status, or every order not settled yet (received or
/// being set up), which the start page counts as "in Bearbeitung". Carried as its name in the
/// address (`?status=in_progress`) and to the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum StatusFilter {
    Is(OrderStatus),
    InProgress,
}

impl StatusFilter {
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::Is(status) => status.as_str(),
            StatusFilter::InProgress => "in_progress",
        }
    }

    pub fn parse(text: &str) -> Option<StatusFilter> {
        match text {
            "in_progress" => Some(StatusFilter::InProgress),
            other => OrderStatus::parse(other).map(StatusFilter::Is),
        }
    }
}

impl TryFrom<String> for StatusFilter {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        StatusFilter::parse(&text).ok_or_else(|| format!("no such order status: {text}"))
    }
}

impl From<StatusFilter> for String {
    fn from(filter: StatusFilter) -> String {
        filter.as_str().to_owned()
    }
}

/// The history's filters, as the address carries them (`?customer=3&status=active&from=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderFilter {
    pub customer: Option<CustomerId>,
    pub status: Option<StatusFilter>,
    /// German calendar days, both included (`YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The administration's filter: the reseller's filters, and which reseller (all if none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AllOrdersFilter {
    pub reseller: Option<ResellerId>,
    pub orders: OrderFilter,
}

/// An order in the administration's list: with its reseller and, if it failed, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOrderRow {
    pub summary: OrderSummary,
    pub reseller: (ResellerId, String),
    pub failure: Option<OrderFailure>,
    /// The provider's last answer, for staff only.
    pub provider_error: Option<String>,
}

/// One page of every reseller's orders, with what the filters offer (customers once a
/// reseller is chosen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllOrders {
    pub orders: Vec<StaffOrderRow>,
    pub resellers: Vec<(ResellerId, String)>,
    pub customers: Vec<(CustomerId, String)>,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

/// One page of the history, with what the filters offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderList {
    pub orders: Vec<OrderSummary>,
    pub customers: Vec<(CustomerId, String)>,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

/// A status as colour, icon and word.
#[leptos::component]
pub fn StatusBadge(status: OrderStatus) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let t = crate::i18n::use_locale().texts().orders;
    let (class, icon) = match status {
        OrderStatus::Received => ("status-badge grey", "○"),
        OrderStatus::Provisioning => ("status-badge amber", "◔"),
        OrderStatus::Active => ("status-badge green", "✓"),
        OrderStatus::Failed => ("status-badge red", "✗"),
    };
    view! {
        <span class=class data-status=status.as_str()>
            <span aria-hidden="true">{icon}" "</span>{t.status(status)}
        </span>
    }
}
