//! The texts of the resellers' start page, its contact block and price list:
//! `Texts::dashboard`.

type Text1 = fn(&str) -> String;

pub struct DashboardTexts {
    pub title: &'static str,
    /// The company's name.
    pub welcome: Text1,
    pub counters_label: &'static str,
    pub counter_customers: &'static str,
    pub counter_agreements_open: &'static str,
    pub counter_partner_red: &'static str,
    pub counter_partner_orange: &'static str,
    pub counter_orders_in_progress: &'static str,
    pub no_announcements: &'static str,
    pub price_list_title: &'static str,
    pub price_list_text: &'static str,
    pub price_list_download: &'static str,
    /// The CSV's columns: SKU, product, category, billing, net price, minimum, maximum.
    #[cfg(feature = "ssr")]
    pub price_list_columns: [&'static str; 7],
    /// Monthly, annual, once.
    #[cfg(feature = "ssr")]
    pub price_list_billing: [&'static str; 3],
    pub price_list_file: &'static str,
    pub contacts_title: &'static str,
    pub contacts_admin_title: &'static str,
    pub contacts_admin_intro: &'static str,
    pub contacts_empty: &'static str,
    pub field_team: &'static str,
    pub team_hint: &'static str,
    pub field_email: &'static str,
    pub field_phone: &'static str,
    pub contact_new: &'static str,
    pub contact_add: &'static str,
    pub contact_delete: &'static str,
    pub audit_contact_added: Text1,
    pub audit_contact_deleted: Text1,
}

pub const DE: DashboardTexts = DashboardTexts {
    title: "Übersicht",
    welcome: |company| format!("Willkommen, {company}"),
    counters_label: "Auf einen Blick",
    counter_customers: "Kunden",
    counter_agreements_open: "Cloud-Vereinbarungen offen",
    counter_partner_red: "Partnerstatus rot",
    counter_partner_orange: "Partnerstatus orange",
    counter_orders_in_progress: "Bestellungen in Bearbeitung",
    no_announcements: "Derzeit gibt es keine Mitteilungen.",
    price_list_title: "Preisliste",
    price_list_text: "Alle aktiven Produkte mit Nettopreisen, als CSV-Datei für Excel.",
    price_list_download: "Preisliste herunterladen (CSV)",
    #[cfg(feature = "ssr")]
    price_list_columns: [
        "Artikelnummer",
        "Produkt",
        "Kategorie",
        "Abrechnung",
        "Nettopreis (EUR)",
        "Mindestmenge",
        "Höchstmenge",
    ],
    #[cfg(feature = "ssr")]
    price_list_billing: ["monatlich", "jährlich", "einmalig"],
    price_list_file: "preisliste.csv",
    contacts_title: "Ihre Ansprechpartner",
    contacts_admin_title: "Ansprechpartner",
    contacts_admin_intro: "Diese Kontakte sehen alle Reseller auf ihrer Startseite.",
    contacts_empty: "Noch keine Ansprechpartner eingetragen.",
    field_team: "Team",
    team_hint: "Zum Beispiel „Vertrieb“ oder „Technischer Support“.",
    field_email: "E-Mail-Adresse",
    field_phone: "Telefon",
    contact_new: "Ansprechpartner hinzufügen",
    contact_add: "Hinzufügen",
    contact_delete: "Entfernen",
    audit_contact_added: |team| format!("Ansprechpartner „{team}“ hinzugefügt"),
    audit_contact_deleted: |team| format!("Ansprechpartner „{team}“ entfernt"),
};

pub const EN: DashboardTexts = DashboardTexts {
    title: "Overview",
    welcome: |company| format!("Welcome, {company}"),
    counters_label: "At a glance",
    counter_customers: "Customers",
    counter_agreements_open: "Cloud agreements open",
    counter_partner_red: "Partner status red",
    counter_partner_orange: "Partner status orange",
    counter_orders_in_progress: "Orders in progress",
    no_announcements: "There are no announcements at the moment.",
    price_list_title: "Price list",
    price_list_text: "Every active product with net prices, as a CSV file for Excel.",
    price_list_download: "Download the price list (CSV)",
    #[cfg(feature = "ssr")]
    price_list_columns: [
        "SKU",
        "Product",
        "Category",
        "Billing",
        "Net price (EUR)",
        "Minimum",
        "Maximum",
    ],
    #[cfg(feature = "ssr")]
    price_list_billing: ["monthly", "annual", "once"],
    price_list_file: "price-list.csv",
    contacts_title: "Your contacts",
    contacts_admin_title: "Contacts",
    contacts_admin_intro: "Every reseller sees these contacts on its start page.",
    contacts_empty: "No contacts yet.",
    field_team: "Team",
    team_hint: "For example \"Sales\" or \"Technical support\".",
    field_email: "Email address",
    field_phone: "Phone",
    contact_new: "Add a contact",
    contact_add: "Add",
    contact_delete: "Remove",
    audit_contact_added: |team| format!("Added the contact \"{team}\""),
    audit_contact_deleted: |team| format!("Removed the contact \"{team}\""),
};
