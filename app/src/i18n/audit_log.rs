//! The texts of the administration's audit log: `Texts::audit_log`.

use super::{format_number, Locale};

pub struct AuditLogTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub filter_actor: &'static str,
    pub actor_hint: &'static str,
    pub filter_area: &'static str,
    pub all_areas: &'static str,
    /// In the order of `audit::AuditArea::ALL`.
    pub areas: [&'static str; 9],
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub filter_submit: &'static str,
    pub column_when: &'static str,
    pub column_who: &'static str,
    pub column_what: &'static str,
    pub column_concerns: &'static str,
    pub column_from: &'static str,
    /// Where Kontor itself acted (the worker), not a request.
    pub by_kontor: &'static str,
    pub customer: fn(&str) -> String,
    pub count: fn(i64) -> String,
    pub empty: &'static str,
}

pub const DE: AuditLogTexts = AuditLogTexts {
    nav: "Protokoll",
    title: "Protokoll",
    intro: "Jede Änderung im Portal, von wem, woran, wann und von welcher Adresse aus – \
        geschrieben in derselben Transaktion wie die Änderung selbst.",
    filter_actor: "Wer",
    actor_hint: "Teil der E-Mail-Adresse oder des Namens",
    filter_area: "Bereich",
    all_areas: "Alle Bereiche",
    areas: [
        "Microsoft-Kundenvereinbarung",
        "Bestellungen",
        "Microsoft-Partner",
        "Reseller-Konten",
        "Mitteilungen",
        "Ansprechpartner",
        "Kundennummern",
        "Mitarbeiter des Distributors",
        "Katalog",
    ],
    filter_from: "Von (Tag)",
    filter_to: "Bis (Tag)",
    filter_submit: "Filtern",
    column_when: "Wann",
    column_who: "Wer",
    column_what: "Was",
    column_concerns: "Betrifft",
    column_from: "Von wo",
    by_kontor: "Kontor selbst",
    customer: |name| format!("Kunde {name}"),
    count: |n| match n {
        1 => "1 Eintrag".to_owned(),
        n => format!("{} Einträge", format_number(n, Locale::De)),
    },
    empty: "Keine Einträge für diese Auswahl.",
};

pub const EN: AuditLogTexts = AuditLogTexts {
    nav: "Audit log",
    title: "Audit log",
    intro: "Every change in the portal: by whom, to what, when and from which address – \
        written in the same transaction as the change itself.",
    filter_actor: "Who",
    actor_hint: "Part of the email address or name",
    filter_area: "Area",
    all_areas: "All areas",
    areas: [
        "Microsoft Customer Agreement",
        "Orders",
        "Microsoft partner",
        "Reseller accounts",
        "Announcements",
        "Contacts",
        "Customer numbers",
        "Distributor staff",
        "Catalogue",
    ],
    filter_from: "From (day)",
    filter_to: "To (day)",
    filter_submit: "Filter",
    column_when: "When",
    column_who: "Who",
    column_what: "What",
    column_concerns: "Concerns",
    column_from: "From where",
    by_kontor: "Kontor itself",
    customer: |name| format!("Customer {name}"),
    count: |n| match n {
        1 => "1 entry".to_owned(),
        n => format!("{} entries", format_number(n, Locale::En)),
    },
    empty: "No entries for this selection.",
};
