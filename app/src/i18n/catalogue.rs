//! The translation catalogue. Every visible string lives here, once per language; a text
//! missing in one language is a compile error, not a blank on the page.

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub language_label: &'static str,
    /// The language's own name, shown on its button in the switch.
    pub language_name: &'static str,
    pub loading: &'static str,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_features_title: &'static str,
    pub home_features: [(&'static str, &'static str); 3],

    pub footer_note: &'static str,
    pub operating_since: fn(&str) -> String,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,

    pub error_title: &'static str,
    pub error_text: &'static str,
    pub error_bad_request: &'static str,
    pub error_too_large: &'static str,
    pub error_unavailable: &'static str,
    pub error_cross_site_title: &'static str,
    pub error_cross_site: &'static str,

    pub nav_login: &'static str,
    pub logout: &'static str,
    pub signed_in_as: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub field_email: &'static str,
    pub field_password: &'static str,
    pub login_submit: &'static str,
    pub login_failed: &'static str,
    pub login_too_many: fn(u64) -> String,
    pub email_invalid: &'static str,
    pub password_missing: &'static str,

    pub nav_admin: &'static str,
    pub admin_users: &'static str,
    pub admin_mails_waiting: &'static str,
    pub admin_mails_sent: &'static str,
    pub admin_mails_given_up: &'static str,
    pub access_login_first: &'static str,
    pub access_staff_only: &'static str,

    pub accounts: &'static super::accounts::AccountTexts,
    pub admin: &'static super::admin::AdminTexts,
    pub announcements: &'static super::announcements::AnnouncementTexts,
    pub dashboard: &'static super::dashboard::DashboardTexts,
    pub registry: &'static super::registry::RegistryTexts,
    pub catalog_admin: &'static super::catalog_admin::CatalogAdminTexts,
    pub audit_log: &'static super::audit_log::AuditLogTexts,
    pub customers: &'static super::customers::CustomerTexts,
    pub tenants: &'static super::tenants::TenantTexts,
    pub agreements: &'static super::agreements::AgreementTexts,
    pub products: &'static super::products::ProductTexts,
    pub cart: &'static super::cart::CartTexts,
    pub partner: &'static super::partner::PartnerTexts,
    pub orders: &'static super::orders::OrderTexts,
    pub provider: &'static super::provider::ProviderTexts,
    pub subscriptions: &'static super::subscriptions::SubscriptionTexts,
    /// What only mails say: kept out of the browser bundle.
    #[cfg(feature = "ssr")]
    pub mail: MailTexts,
}

/// What the mails of `Texts` say.
#[cfg(feature = "ssr")]
pub struct MailTexts {
    pub greeting: &'static str,
    pub sign_off: &'static str,
    pub sender: &'static str,
}

pub static DE: Texts = Texts {
    app_name: "Kontor",
    tagline: "Das Cloud-Portal für Fachhändler",
    skip_to_content: "Zum Inhalt springen",
    nav_label: "Hauptnavigation",
    nav_home: "Start",
    language_label: "Sprache",
    language_name: "Deutsch",
    loading: "Wird geladen …",

    home_title: "Willkommen bei Kontor",
    home_lead: "Legen Sie Ihre Endkunden an, holen Sie die Zustimmung zur Cloud-Vereinbarung ein, \
                bestellen Sie Lizenzen aus dem Katalog und behalten Sie den Partnerstatus jedes \
                Kunden im Blick.",
    home_features_title: "Was Kontor für Sie erledigt",
    home_features: [
        (
            "Endkunden und Tenants",
            "Kunden mit ihrer Microsoft-Domäne anlegen oder einen neuen Tenant mit eigenem \
             Domänen-Präfix erstellen.",
        ),
        (
            "Vereinbarung und Bestellung",
            "Die Cloud-Vereinbarung per E-Mail versenden oder bestätigen, dann Lizenzen über den \
             Warenkorb verbindlich bestellen.",
        ),
        (
            "Partnerstatus",
            "Auf einen Blick sehen, welche Kunden mit Ihnen verknüpft sind: grün, orange oder rot.",
        ),
    ],

    footer_note: "Ein Portal Ihres Cloud-Distributors",
    operating_since: |date| format!("In Betrieb seit {date}"),

    not_found_title: "Seite nicht gefunden",
    not_found_text: "Diese Adresse gibt es hier nicht. Vielleicht hat sich ein Tippfehler \
                     eingeschlichen, oder die Seite wurde verschoben.",
    back_home: "Zur Startseite",

    error_title: "Etwas ist schiefgegangen",
    error_text: "Die Seite konnte gerade nicht vollständig geladen werden. Bitte versuchen Sie es \
                 in einem Moment noch einmal.",
    error_bad_request: "Die Anfrage konnte nicht gelesen werden. Bitte prüfen Sie die Adresse \
                        oder senden Sie das Formular erneut.",
    error_too_large: "Die Anfrage ist zu groß. Bitte senden Sie weniger Daten.",
    error_unavailable: "Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich \
                        noch einmal.",
    error_cross_site_title: "Anfrage abgelehnt",
    error_cross_site: "Diese Anfrage wurde von einer anderen Website aus gesendet und deshalb \
                       zu Ihrem Schutz nicht ausgeführt. Bitte öffnen Sie Kontor direkt und \
                       versuchen Sie es dort noch einmal.",

    nav_login: "Anmelden",
    logout: "Abmelden",
    signed_in_as: "Angemeldet als",
    login_title: "Anmelden",
    login_intro: "Melden Sie sich mit der E-Mail-Adresse Ihres Kontos und Ihrem Kennwort an.",
    field_email: "E-Mail-Adresse",
    field_password: "Kennwort",
    login_submit: "Anmelden",
    login_failed: "E-Mail-Adresse oder Kennwort ist nicht richtig.",
    login_too_many: |minutes| {
        format!(
            "Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in {minutes} {} noch \
             einmal.",
            if minutes == 1 { "Minute" } else { "Minuten" }
        )
    },
    email_invalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@firma.de.",
    password_missing: "Bitte geben Sie Ihr Kennwort ein.",

    nav_admin: "Verwaltung",
    admin_users: "Benutzerkonten",
    admin_mails_waiting: "E-Mails in der Warteschlange",
    admin_mails_sent: "E-Mails zugestellt",
    admin_mails_given_up: "E-Mails aufgegeben",
    access_login_first: "Bitte melden Sie sich an, um diesen Bereich zu sehen.",
    access_staff_only: "Dieser Bereich ist den Mitarbeitern des Distributors vorbehalten.",

    accounts: &super::accounts::DE,
    admin: &super::admin::DE,
    announcements: &super::announcements::DE,
    dashboard: &super::dashboard::DE,
    registry: &super::registry::DE,
    catalog_admin: &super::catalog_admin::DE,
    audit_log: &super::audit_log::DE,
    customers: &super::customers::DE,
    tenants: &super::tenants::DE,
    agreements: &super::agreements::DE,
    products: &super::products::DE,
    cart: &super::cart::DE,
    partner: &super::partner::DE,
    orders: &super::orders::DE,
    provider: &super::provider::DE,
    subscriptions: &super::subscriptions::DE,
    #[cfg(feature = "ssr")]
    mail: MailTexts {
        greeting: "Guten Tag,",
        sign_off: "Mit freundlichen Grüßen",
        sender: "Ihr Kontor-Team",
    },
};

pub static EN: Texts = Texts {
    app_name: "Kontor",
    tagline: "The cloud portal for resellers",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_home: "Home",
    language_label: "Language",
    language_name: "English",
    loading: "Loading …",

    home_title: "Welcome to Kontor",
    home_lead: "Create your end-customers, get the cloud agreement accepted, order licences from \
                the catalogue and keep an eye on each customer's partner status.",
    home_features_title: "What Kontor does for you",
    home_features: [
        (
            "End-customers and tenants",
            "Add customers with their Microsoft domain, or create a new tenant with a domain \
             prefix of its own.",
        ),
        (
            "Agreement and orders",
            "Send the cloud agreement by email or confirm it, then place binding licence orders \
             through the cart.",
        ),
        (
            "Partner status",
            "See at a glance which customers are linked to you: green, orange or red.",
        ),
    ],

    footer_note: "A portal run by your cloud distributor",
    operating_since: |date| format!("In operation since {date}"),

    not_found_title: "Page not found",
    not_found_text: "There is nothing at this address. Perhaps a typo slipped in, or the page \
                     has moved.",
    back_home: "Back to the start page",

    error_title: "Something went wrong",
    error_text: "The page could not be loaded completely just now. Please try again in a moment.",
    error_bad_request: "The request could not be read. Please check the address or send the \
                        form again.",
    error_too_large: "The request is too large. Please send less data.",
    error_unavailable: "The service is not reachable right now. Please try again shortly.",
    error_cross_site_title: "Request refused",
    error_cross_site: "This request was sent from another website and was not carried out, \
                       for your protection. Please open Kontor directly and try again there.",

    nav_login: "Log in",
    logout: "Log out",
    signed_in_as: "Logged in as",
    login_title: "Log in",
    login_intro: "Log in with your account's email address and your password.",
    field_email: "Email address",
    field_password: "Password",
    login_submit: "Log in",
    login_failed: "The email address or password is not correct.",
    login_too_many: |minutes| {
        format!(
            "Too many failed attempts. Please try again in {minutes} minute{}.",
            if minutes == 1 { "" } else { "s" }
        )
    },
    email_invalid: "Please enter a valid email address, e.g. name@company.com.",
    password_missing: "Please enter your password.",

    nav_admin: "Administration",
    admin_users: "User accounts",
    admin_mails_waiting: "Emails waiting",
    admin_mails_sent: "Emails delivered",
    admin_mails_given_up: "Emails given up",
    access_login_first: "Please log in to see this area.",
    access_staff_only: "This area is reserved for the distributor's staff.",

    accounts: &super::accounts::EN,
    admin: &super::admin::EN,
    announcements: &super::announcements::EN,
    dashboard: &super::dashboard::EN,
    registry: &super::registry::EN,
    catalog_admin: &super::catalog_admin::EN,
    audit_log: &super::audit_log::EN,
    customers: &super::customers::EN,
    tenants: &super::tenants::EN,
    agreements: &super::agreements::EN,
    products: &super::products::EN,
    cart: &super::cart::EN,
    partner: &super::partner::EN,
    orders: &super::orders::EN,
    provider: &super::provider::EN,
    subscriptions: &super::subscriptions::EN,
    #[cfg(feature = "ssr")]
    mail: MailTexts {
        greeting: "Hello,",
        sign_off: "Kind regards",
        sender: "Your Kontor team",
    },
};
