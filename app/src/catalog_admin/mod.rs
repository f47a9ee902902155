//! Keeping the catalogue, for distributor staff (`/admin/catalog`): categories and products
//! with their prices, seat bounds, add-on relations and whether they are offered. A price
//! change reaches carts as a change the reseller confirms before ordering; placed orders keep
//! the prices they were placed at (their lines carry their own copy).

mod actions;
mod category_editor;
mod form;
mod overview;
mod product_editor;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{AddCategory, AddProduct, ChangeCategory, ChangeProduct};
pub use category_editor::CategoryEditorPage;
pub use form::{
    parse_category, parse_product, CategoryDraft, CategoryField, CategoryForm, ProductDraft,
    ProductField, ProductForm,
};
pub use overview::CatalogAdminPage;
pub use product_editor::ProductEditorPage;

use kontor_domain::Pricing;
use serde::{Deserialize, Serialize};

/// A category in the tree's order (each followed by those below it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEntry {
    pub slug: String,
    /// In the reader's language.
    pub name: String,
    /// 0 at the top level.
    pub depth: u32,
    /// Products in it (offered or not), not counting its subcategories'.
    pub products: i64,
}

impl CategoryEntry {
    /// The name indented by its depth, for a list of choices.
    pub fn label(&self) -> String {
        format!(
            "{}{}",
            "\u{a0}\u{a0}\u{a0}".repeat(self.depth as usize),
            self.name
        )
    }
}

/// A product as the staff list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEntry {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub pricing: Pricing,
    pub min_seats: u32,
    pub max_seats: u32,
    /// Resellers see and order it.
    pub offered: bool,
    pub is_addon: bool,
}

/// One page of the products that match a search, with how many match in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductList {
    pub products: Vec<ProductEntry>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

/// A product's form with what the page needs around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditor {
    pub form: ProductForm,
    pub categories: Vec<CategoryEntry>,
    /// Carts the product is in now (a price change asks their users to confirm).
    pub in_carts: i64,
}
