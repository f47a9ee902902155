//! The cart ("Warenkorb"), one per reseller user and kept until ordered: the order's name and
//! customer (only customers with a ready tenant and an accepted agreement can be chosen;
//! the others are listed with the reason), and its lines, each configured and saved: number
//! of users within the product's bounds, monthly or annual billing, add-ons. Totals net, VAT
//! and gross.

mod actions;
mod form;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{
    add_addon, add_to_cart, confirm_prices, load_cart, remove_line, save_cart_header, save_line,
    AddToCart,
};
pub use form::{
    parse_header, parse_line, HeaderField, HeaderForm, LineBounds, LineField, LineForm,
};
pub use page::{amount, CartPage};

use kontor_domain::ProductLink;
use kontor_domain::{BillingCycle, Charge, OrderRefusal, Pricing, Totals};
use serde::{Deserialize, Serialize};

/// One line: a product (or an add-on to the line `parent_id`), as configured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub sku: String,
    pub name: String,
    pub seats: u32,
    pub cycle: BillingCycle,
    pub pricing: Pricing,
    pub bounds: LineBounds,
    /// What the line costs as configured.
    pub charge: Option<Charge>,
    /// Add-ons of the product not yet in the cart for this line.
    pub addons: Vec<ProductLink>,
    /// The catalogue's unit price changed since the reseller last saw the line.
    pub price_change: Option<PriceChange>,
}

/// A unit price (cents per user and month, or once) as accepted and as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceChange {
    pub accepted: i64,
    pub now: i64,
}

/// A customer the order may be for, or why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerChoice {
    pub id: kontor_domain::CustomerId,
    pub name: String,
    pub refusal: Option<OrderRefusal>,
}

/// What the checkout form below the cart needs: the order key and digest it posts, and
/// whether the cart is ready to be ordered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutView {
    pub key: String,
    pub digest: String,
    /// The order's name and customer are saved.
    pub ready: bool,
    /// What the order will be, as saved: its name and its customer's (what the button
    /// orders, whatever the header's fields show while being changed).
    pub order_name: String,
    pub customer_name: Option<String>,
}

/// Everything the cart page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub header: HeaderForm,
    pub customers: Vec<CustomerChoice>,
    pub lines: Vec<CartLine>,
    /// The first billing of every line: a month, a year, or once.
    pub totals: Totals,
    pub checkout: CheckoutView,
}
