//! The catalogue's texts for the reseller's end-customers: `Texts::customers`. Address and
//! contact field labels are shared with the signup (`Texts::accounts`).

/// The named arguments of `page_of`.
pub struct PageOf {
    pub page: u32,
    pub pages: u32,
}

pub struct CustomerTexts {
    pub nav_customers: &'static str,
    pub access_resellers_only: &'static str,

    pub list_title: &'static str,
    pub new_customer: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_submit: &'static str,
    pub column_company: &'static str,
    pub column_city: &'static str,
    pub column_contact: &'static str,
    pub column_email: &'static str,
    pub empty: &'static str,
    pub no_match: fn(&str) -> String,
    pub count: fn(i64) -> String,
    pub pages_label: &'static str,
    pub page_of: fn(PageOf) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,

    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub form_intro: &'static str,
    pub section_address: &'static str,
    pub section_contact: &'static str,
    pub field_contact_email: &'static str,
    pub contact_email_hint: &'static str,
    pub field_language: &'static str,
    /// German, English: in the order of `Locale::ALL`.
    pub languages: [&'static str; 2],
    pub submit_create: &'static str,
    pub submit_update: &'static str,
    pub cancel: &'static str,

    pub edit: &'static str,
    pub back_to_list: &'static str,
    pub created_on: &'static str,
    pub phone_none: &'static str,
}

pub static DE: CustomerTexts = CustomerTexts {
    nav_customers: "Kunden",
    access_resellers_only: "Die Kundenverwaltung ist für Fachhändler.",

    list_title: "Kunden",
    new_customer: "Neuen Kunden anlegen",
    search_label: "Kunden suchen",
    search_hint: "Firma, Ort, Postleitzahl, Ansprechpartner oder E-Mail",
    search_submit: "Suchen",
    column_company: "Firma",
    column_city: "Ort",
    column_contact: "Ansprechpartner",
    column_email: "E-Mail",
    empty: "Sie haben noch keine Kunden angelegt. Legen Sie Ihren ersten Kunden an, um für ihn \
            Microsoft-Lizenzen zu bestellen.",
    no_match: |search| format!("Kein Kunde passt zu „{search}“."),
    count: |n| match n {
        1 => "1 Kunde".to_owned(),
        n => format!("{} Kunden", super::format_number(n, super::Locale::De)),
    },
    pages_label: "Seiten",
    page_of: |PageOf { page, pages }| format!("Seite {page} von {pages}"),
    previous_page: "Zurück",
    next_page: "Weiter",

    new_title: "Neuen Kunden anlegen",
    edit_title: "Kunden bearbeiten",
    form_intro: "Felder ohne den Zusatz „optional“ sind Pflichtfelder.",
    section_address: "Unternehmen und Anschrift",
    section_contact: "Ansprechpartner beim Kunden",
    field_contact_email: "E-Mail des Ansprechpartners",
    contact_email_hint: "An diese Adresse schickt Kontor die Einladungen und die \
                         Cloud-Vereinbarung.",
    field_language: "Sprache der E-Mails",
    languages: ["Deutsch", "Englisch"],
    submit_create: "Kunden anlegen",
    submit_update: "Änderungen speichern",
    cancel: "Abbrechen",

    edit: "Bearbeiten",
    back_to_list: "Zur Kundenliste",
    created_on: "Angelegt am",
    phone_none: "keine Telefonnummer",
};

pub static EN: CustomerTexts = CustomerTexts {
    nav_customers: "Customers",
    access_resellers_only: "Customer management is for resellers.",

    list_title: "Customers",
    new_customer: "Add a customer",
    search_label: "Search customers",
    search_hint: "Company, city, postal code, contact or email",
    search_submit: "Search",
    column_company: "Company",
    column_city: "City",
    column_contact: "Contact",
    column_email: "Email",
    empty: "You have no customers yet. Add your first customer to order Microsoft licences \
            for them.",
    no_match: |search| format!("No customer matches “{search}”."),
    count: |n| match n {
        1 => "1 customer".to_owned(),
        n => format!("{} customers", super::format_number(n, super::Locale::En)),
    },
    pages_label: "Pages",
    page_of: |PageOf { page, pages }| format!("Page {page} of {pages}"),
    previous_page: "Previous",
    next_page: "Next",

    new_title: "Add a customer",
    edit_title: "Edit customer",
    form_intro: "Fields not marked “optional” are required.",
    section_address: "Company and address",
    section_contact: "Contact at the customer",
    field_contact_email: "Contact's email",
    contact_email_hint: "Kontor sends invitations and the cloud agreement to this address.",
    field_language: "Language of the emails",
    languages: ["German", "English"],
    submit_create: "Add customer",
    submit_update: "Save changes",
    cancel: "Cancel",

    edit: "Edit",
    back_to_list: "Back to the customers",
    created_on: "Added on",
    phone_none: "no phone number",
};
