//! The texts of keeping the catalogue: `Texts::catalog_admin`.

use super::{format_number, Locale};

text_args! {
    ProductNamed { sku, name }
    PricesBeforeAfter { before, after }
    CategoryNamed { slug, name }
}

pub struct CatalogAdminTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub search_label: &'static str,
    pub products_title: &'static str,
    pub count: fn(i64) -> String,
    /// SKU, name, category, price, users, status.
    pub product_columns: [&'static str; 6],
    pub offered: &'static str,
    pub withdrawn: &'static str,
    pub categories_title: &'static str,
    /// Name, slug, products.
    pub category_columns: [&'static str; 3],
    pub new_category: &'static str,
    pub add_category: &'static str,
    pub edit_category: &'static str,
    pub back: &'static str,
    pub save: &'static str,
    pub slug_fixed: &'static str,
    pub field_slug: &'static str,
    pub slug_hint: &'static str,
    pub field_name_de: &'static str,
    pub field_name_en: &'static str,
    pub field_parent: &'static str,
    pub top_level: &'static str,
    pub new_product: &'static str,
    pub edit_product: &'static str,
    pub view_product: &'static str,
    pub in_carts: fn(i64) -> String,
    pub field_sku: &'static str,
    pub sku_hint: &'static str,
    pub field_name: &'static str,
    pub field_category: &'static str,
    pub field_description_de: &'static str,
    pub field_description_en: &'static str,
    pub prices_legend: &'static str,
    pub prices_hint: &'static str,
    pub field_monthly: &'static str,
    pub field_annual: &'static str,
    pub field_once: &'static str,
    pub field_example_prices: &'static str,
    pub seats_legend: &'static str,
    pub field_min_seats: &'static str,
    pub field_max_seats: &'static str,
    pub field_addon_of: &'static str,
    pub addon_of_hint: &'static str,
    pub field_offered: &'static str,
    pub audit_product_added: fn(ProductNamed<'_>) -> String,
    pub audit_product_changed: fn(ProductNamed<'_>) -> String,
    pub audit_prices: fn(PricesBeforeAfter<'_>) -> String,
    pub audit_offered: &'static str,
    pub audit_withdrawn: &'static str,
    pub audit_category_added: fn(CategoryNamed<'_>) -> String,
    pub audit_category_changed: fn(CategoryNamed<'_>) -> String,
}

pub const DE: CatalogAdminTexts = CatalogAdminTexts {
    nav: "Katalog",
    title: "Katalog pflegen",
    intro: "Kategorien und Produkte mit ihren Nettopreisen. Eine Preisänderung gilt ab sofort: \
        Händler mit dem Produkt im Warenkorb sehen sie dort und bestätigen sie vor der \
        Bestellung. Aufgegebene Bestellungen behalten ihre Preise.",
    search_label: "Produkt suchen",
    products_title: "Produkte",
    count: |n| match n {
        1 => "1 Produkt".to_owned(),
        n => format!("{} Produkte", format_number(n, Locale::De)),
    },
    product_columns: [
        "Artikelnummer",
        "Name",
        "Kategorie",
        "Preis",
        "Benutzer",
        "Status",
    ],
    offered: "im Angebot",
    withdrawn: "nicht im Angebot",
    categories_title: "Kategorien",
    category_columns: ["Name", "Kurzname", "Produkte"],
    new_category: "Kategorie anlegen",
    add_category: "Anlegen",
    edit_category: "Kategorie",
    back: "Zurück zum Katalog",
    save: "Speichern",
    slug_fixed: "Der Kurzname bleibt fest: Händler verlinken Kategorien mit ihm.",
    field_slug: "Kurzname (für Links)",
    slug_hint: "Kleinbuchstaben, Ziffern und Bindestriche, etwa „microsoft-csp“.",
    field_name_de: "Name (Deutsch)",
    field_name_en: "Name (Englisch)",
    field_parent: "Übergeordnete Kategorie",
    top_level: "keine (oberste Ebene)",
    new_product: "Neues Produkt",
    edit_product: "Produkt",
    view_product: "So sehen Händler das Produkt",
    in_carts: |n| match n {
        1 => "Das Produkt liegt in 1 Warenkorb. Eine Preisänderung muss dort vor der \
            Bestellung bestätigt werden."
            .to_owned(),
        n => format!(
            "Das Produkt liegt in {} Warenkörben. Eine Preisänderung muss dort vor der \
             Bestellung bestätigt werden.",
            format_number(n, Locale::De)
        ),
    },
    field_sku: "Artikelnummer",
    sku_hint: "Wie beim Anbieter, etwa „CFQ7TTC0LH18“. Sie lässt sich später nicht ändern.",
    field_name: "Name",
    field_category: "Kategorie",
    field_description_de: "Beschreibung (Deutsch)",
    field_description_en: "Beschreibung (Englisch)",
    prices_legend: "Nettopreise in Euro",
    prices_hint: "Abonnements: je Benutzer und Monat, bei monatlicher und/oder jährlicher \
        Abrechnung. Kauflizenzen: nur der Einmalpreis je Lizenz. Ohne jeden Preis wird nach \
        Verbrauch abgerechnet (Azure). Schreibweise wie 12,50 oder 1.234,50.",
    field_monthly: "Monatliche Abrechnung (je Benutzer und Monat)",
    field_annual: "Jährliche Abrechnung (je Benutzer und Monat)",
    field_once: "Einmalpreis je Lizenz",
    field_example_prices: "Preise als Beispielpreise kennzeichnen",
    seats_legend: "Benutzer je Bestellung",
    field_min_seats: "Mindestens",
    field_max_seats: "Höchstens",
    field_addon_of: "Zusatzprodukt (Add-on) zu",
    addon_of_hint: "Artikelnummern der Produkte, mit denen es gebucht wird, durch Kommas \
        getrennt. Leer für ein eigenständiges Produkt.",
    field_offered: "Im Angebot: Händler sehen und bestellen es",
    audit_product_added: |ProductNamed { sku, name }| format!("Produkt {sku} angelegt: {name}"),
    audit_product_changed: |ProductNamed { sku, name }| format!("Produkt {sku} geändert: {name}"),
    audit_prices: |PricesBeforeAfter { before, after }| {
        format!(". Preise vorher: {before}. Jetzt: {after}")
    },
    audit_offered: ". Wieder im Angebot",
    audit_withdrawn: ". Nicht mehr im Angebot",
    audit_category_added: |CategoryNamed { slug, name }| {
        format!("Kategorie {slug} angelegt: {name}")
    },
    audit_category_changed: |CategoryNamed { slug, name }| {
        format!("Kategorie {slug} geändert: {name}")
    },
};

pub const EN: CatalogAdminTexts = CatalogAdminTexts {
    nav: "Catalogue",
    title: "Manage the catalogue",
    intro: "Categories and products with their net prices. A price change applies at once: \
        resellers with the product in their cart see it there and confirm it before they \
        order. Placed orders keep their prices.",
    search_label: "Find a product",
    products_title: "Products",
    count: |n| match n {
        1 => "1 product".to_owned(),
        n => format!("{} products", format_number(n, Locale::En)),
    },
    product_columns: ["SKU", "Name", "Category", "Price", "Users", "Status"],
    offered: "offered",
    withdrawn: "not offered",
    categories_title: "Categories",
    category_columns: ["Name", "Short name", "Products"],
    new_category: "Add a category",
    add_category: "Add",
    edit_category: "Category",
    back: "Back to the catalogue",
    save: "Save",
    slug_fixed: "The short name stays: resellers link to categories by it.",
    field_slug: "Short name (for links)",
    slug_hint: "Lower-case letters, digits and hyphens, like \"microsoft-csp\".",
    field_name_de: "Name (German)",
    field_name_en: "Name (English)",
    field_parent: "Parent category",
    top_level: "none (top level)",
    new_product: "New product",
    edit_product: "Product",
    view_product: "How resellers see the product",
    in_carts: |n| match n {
        1 => "The product is in 1 cart. A price change must be confirmed there before \
            ordering."
            .to_owned(),
        n => format!(
            "The product is in {} carts. A price change must be confirmed there before \
             ordering.",
            format_number(n, Locale::En)
        ),
    },
    field_sku: "SKU",
    sku_hint: "As the provider has it, like \"CFQ7TTC0LH18\". It cannot be changed later.",
    field_name: "Name",
    field_category: "Category",
    field_description_de: "Description (German)",
    field_description_en: "Description (English)",
    prices_legend: "Net prices in euros",
    prices_hint: "Subscriptions: per user and month, for monthly and/or annual billing. \
        Perpetual licences: only the one-time price per licence. Without any price, usage is \
        billed (Azure). Written German style: 12,50 or 1.234,50.",
    field_monthly: "Monthly billing (per user and month)",
    field_annual: "Annual billing (per user and month)",
    field_once: "One-time price per licence",
    field_example_prices: "Mark the prices as examples",
    seats_legend: "Users per order",
    field_min_seats: "At least",
    field_max_seats: "At most",
    field_addon_of: "Add-on to",
    addon_of_hint: "SKUs of the products it is booked with, separated by commas. Empty for a \
        product of its own.",
    field_offered: "Offered: resellers see and order it",
    audit_product_added: |ProductNamed { sku, name }| format!("Product {sku} added: {name}"),
    audit_product_changed: |ProductNamed { sku, name }| format!("Product {sku} changed: {name}"),
    audit_prices: |PricesBeforeAfter { before, after }| {
        format!(". Prices before: {before}. Now: {after}")
    },
    audit_offered: ". Offered again",
    audit_withdrawn: ". No longer offered",
    audit_category_added: |CategoryNamed { slug, name }| format!("Category {slug} added: {name}"),
    audit_category_changed: |CategoryNamed { slug, name }| {
        format!("Category {slug} changed: {name}")
    },
};
