//! The catalogue ("Produktauswahl"): categories as a tree (Microsoft Global CSP with Microsoft
//! CSP, Education and NonProfit; perpetual licences; Azure), a product list with category
//! filter and search, and a page per product with its prices and add-ons.

mod actions;
mod list;
mod product;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{browse_catalog, find_product};
pub use list::CatalogPage;
pub use product::ProductPage;

use kontor_domain::{Pricing, ProductLink};
use serde::{Deserialize, Serialize};

/// A category with its subcategories, named in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub children: Vec<Category>,
}

/// A product as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub pricing: Pricing,
    /// The prices are examples (the demo catalogue).
    pub example_prices: bool,
    /// Bookable only with a base product.
    pub is_addon: bool,
}

/// A product as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub summary: ProductSummary,
    pub description: String,
    pub min_seats: u32,
    pub max_seats: u32,
    /// Its category and the categories above it, top first: (slug, name).
    pub path: Vec<(String, String)>,
    /// Add-ons that can be booked with it.
    pub addons: Vec<ProductLink>,
    /// For an add-on: the products it can be booked with.
    pub addon_of: Vec<ProductLink>,
    /// The viewer can put it into a cart: a reseller user, and not an add-on (those are
    /// booked in the cart, with their base product).
    pub can_add_to_cart: bool,
}

/// One look at the catalogue: the tree, the chosen category, and the products shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogView {
    pub categories: Vec<Category>,
    pub category: Option<Category>,
    pub products: Vec<ProductSummary>,
}
