//! The cart's texts: `Texts::cart`.

text_args! {
    YearlyAmount { year, month }
    PriceChange { before, now }
}

pub struct CartTexts {
    pub title: &'static str,
    pub add: &'static str,
    pub header_title: &'static str,
    pub order_name: &'static str,
    pub customer: &'static str,
    pub customer_hint: &'static str,
    pub save: &'static str,
    pub lines_title: &'static str,
    pub empty: &'static str,
    pub seats: &'static str,
    pub cycle: &'static str,
    pub cycle_monthly: &'static str,
    pub cycle_annual: &'static str,
    pub add_addon: fn(&str) -> String,
    pub remove: &'static str,
    pub amount_month: fn(&str) -> String,
    pub amount_year: fn(YearlyAmount<'_>) -> String,
    pub amount_once: fn(&str) -> String,
    pub net: &'static str,
    pub vat: &'static str,
    pub gross: &'static str,
    pub totals_hint: &'static str,
    pub prices_changed: &'static str,
    pub confirm_prices: &'static str,
    pub price_changed: fn(PriceChange<'_>) -> String,
    /// A line the catalogue no longer prices as it stands.
    pub line_unavailable: &'static str,
}

pub static DE: CartTexts = CartTexts {
    title: "Warenkorb",
    add: "In den Warenkorb",
    header_title: "Bestellung",
    order_name: "Bestellname",
    customer: "Kunde",
    customer_hint: "Bestellen lässt sich nur für Kunden mit bereitem Tenant und akzeptierter \
                    Cloud-Vereinbarung.",
    save: "Speichern",
    lines_title: "Konfiguration",
    empty: "Der Warenkorb ist leer. Produkte finden Sie in der",
    seats: "Anzahl Benutzer",
    cycle: "Abrechnung",
    cycle_monthly: "monatlich",
    cycle_annual: "jährlich",
    add_addon: |name| format!("+ {name}"),
    remove: "Entfernen",
    amount_month: |amount| format!("{amount} pro Monat"),
    amount_year: |YearlyAmount { year, month }| format!("{year} pro Jahr ({month} pro Monat)"),
    amount_once: |amount| format!("{amount} einmalig"),
    net: "Summe netto",
    vat: "Umsatzsteuer 19 %",
    gross: "Summe brutto",
    totals_hint: "Je Position die erste Abrechnung: ein Monat, ein Jahr oder einmalig.",
    prices_changed: "Seit Sie Produkte in den Warenkorb gelegt haben, haben sich Preise geändert. \
                     Bitte prüfen Sie die markierten Positionen; bestellt wird erst zu \
                     bestätigten Preisen.",
    confirm_prices: "Neue Preise übernehmen",
    price_changed: |PriceChange { before, now }| {
        format!("Preis geändert: bisher {before}, jetzt {now}.")
    },
    line_unavailable: "So nicht mehr bestellbar: Das Produkt ist nicht mehr im Angebot, wird \
        so nicht mehr abgerechnet oder verlangt eine andere Benutzerzahl. Bitte ändern oder \
        entfernen Sie die Position.",
};

pub static EN: CartTexts = CartTexts {
    title: "Cart",
    add: "Add to cart",
    header_title: "Order",
    order_name: "Order name",
    customer: "Customer",
    customer_hint: "Orders are possible only for customers with a ready tenant and an \
                    accepted cloud agreement.",
    save: "Save",
    lines_title: "Configuration",
    empty: "The cart is empty. Find products under",
    seats: "Number of users",
    cycle: "Billing",
    cycle_monthly: "monthly",
    cycle_annual: "annual",
    add_addon: |name| format!("+ {name}"),
    remove: "Remove",
    amount_month: |amount| format!("{amount} per month"),
    amount_year: |YearlyAmount { year, month }| format!("{year} per year ({month} per month)"),
    amount_once: |amount| format!("{amount} once"),
    net: "Total net",
    vat: "VAT 19 %",
    gross: "Total gross",
    totals_hint: "For each line the first billing: a month, a year, or once.",
    prices_changed: "Prices have changed since you put products into the cart. Please check \
                     the marked lines; orders are placed only at confirmed prices.",
    confirm_prices: "Accept the new prices",
    price_changed: |PriceChange { before, now }| format!("Price changed: was {before}, now {now}."),
    line_unavailable: "Cannot be ordered like this any more: the product is no longer \
        offered, not billed this way any more, or takes another number of users. Please \
        change or remove the line.",
};
