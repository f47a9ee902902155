//! The demo catalogue the embedded default ships: real product names, SKUs in the vendor's
//! style, plausible example prices (net, cents, per user and month; annual billing about a
//! sixth cheaper than monthly), marked as examples on every page.

/// Slug, parent slug, German name, English name.
pub const CATEGORIES: [(&str, Option<&str>, &str, &str); 6] = [
    (
        "microsoft-global-csp",
        None,
        "Microsoft Global CSP",
        "Microsoft Global CSP",
    ),
    (
        "microsoft-csp",
        Some("microsoft-global-csp"),
        "Microsoft CSP",
        "Microsoft CSP",
    ),
    (
        "education",
        Some("microsoft-global-csp"),
        "Education",
        "Education",
    ),
    (
        "nonprofit",
        Some("microsoft-global-csp"),
        "NonProfit",
        "Non-profit",
    ),
    (
        "perpetual",
        None,
        "Kauflizenzen (Perpetual)",
        "Perpetual licences",
    ),
    ("azure", None, "Azure", "Azure"),
];

pub struct Example {
    pub sku: &'static str,
    pub category: &'static str,
    pub name: &'static str,
    pub description_de: &'static str,
    pub description_en: &'static str,
    pub monthly: Option<i64>,
    pub annual: Option<i64>,
    pub once: Option<i64>,
    pub seats: (i64, i64),
    /// SKUs of the products this one is an add-on to.
    pub addon_of: &'static [&'static str],
}

pub const PRODUCTS: [Example; 15] = [
    Example {
        sku: "CFQ7TTC0LH18",
        category: "microsoft-csp",
        name: "Microsoft 365 Business Basic",
        description_de: "Exchange-Postfach mit 50 GB, Teams, OneDrive mit 1 TB und die \
                         Office-Apps im Browser und auf Mobilgeräten. Für Unternehmen bis 300 \
                         Benutzer.",
        description_en: "50 GB Exchange mailbox, Teams, 1 TB OneDrive and the Office apps in the \
                         browser and on mobile devices. For organisations up to 300 users.",
        monthly: Some(672),
        annual: Some(560),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LDPB",
        category: "microsoft-csp",
        name: "Microsoft 365 Business Standard",
        description_de: "Alles aus Business Basic, dazu die Office-Desktop-Apps (Word, Excel, \
                         PowerPoint, Outlook) auf bis zu fünf PCs oder Macs je Benutzer.",
        description_en: "Everything in Business Basic plus the Office desktop apps (Word, Excel, \
                         PowerPoint, Outlook) on up to five PCs or Macs per user.",
        monthly: Some(1404),
        annual: Some(1170),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LCHC",
        category: "microsoft-csp",
        name: "Microsoft 365 Business Premium",
        description_de: "Alles aus Business Standard, dazu Intune, Defender for Business und \
                         bedingter Zugriff: Geräte und Daten zentral verwaltet und geschützt.",
        description_en: "Everything in Business Standard plus Intune, Defender for Business and \
                         conditional access: devices and data managed and protected centrally.",
        monthly: Some(2472),
        annual: Some(2060),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LF8Q",
        category: "microsoft-csp",
        name: "Office 365 E1",
        description_de: "Postfach, Teams, SharePoint und OneDrive mit den Office-Apps im Browser, \
                         ohne Obergrenze der Benutzerzahl.",
        description_en: "Mailbox, Teams, SharePoint and OneDrive with the Office apps in the \
                         browser, with no limit on the number of users.",
        monthly: Some(1116),
        annual: Some(930),
        once: None,
        seats: (1, 10_000),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LF8R",
        category: "microsoft-csp",
        name: "Office 365 E3",
        description_de: "Alles aus E1, dazu die Office-Desktop-Apps, Postfächer mit 100 GB und \
                         unbegrenzter Archivierung sowie Compliance-Funktionen.",
        description_en: "Everything in E1 plus the Office desktop apps, 100 GB mailboxes with \
                         unlimited archiving, and compliance features.",
        monthly: Some(2604),
        annual: Some(2170),
        once: None,
        seats: (1, 10_000),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LH16",
        category: "microsoft-csp",
        name: "Exchange Online (Plan 1)",
        description_de: "Geschäftliche E-Mail mit 50-GB-Postfach, Kalender und Kontakten.",
        description_en: "Business email with a 50 GB mailbox, calendar and contacts.",
        monthly: Some(444),
        annual: Some(370),
        once: None,
        seats: (1, 10_000),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0QW5P",
        category: "microsoft-csp",
        name: "Microsoft Teams Essentials",
        description_de: "Besprechungen, Chat und Dateiablage für kleine Unternehmen, ohne \
                         Postfach.",
        description_en: "Meetings, chat and file storage for small businesses, without a \
                         mailbox.",
        monthly: Some(444),
        annual: Some(370),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LHS4",
        category: "microsoft-csp",
        name: "Exchange Online Archiving",
        description_de: "Add-on: unbegrenztes Archiv und Aufbewahrungsrichtlinien für \
                         vorhandene Postfächer.",
        description_en: "Add-on: unlimited archive and retention policies for existing \
                         mailboxes.",
        monthly: Some(336),
        annual: Some(280),
        once: None,
        seats: (1, 10_000),
        addon_of: &["CFQ7TTC0LH16", "CFQ7TTC0LH18", "CFQ7TTC0LDPB"],
    },
    Example {
        sku: "CFQ7TTC0RM8K",
        category: "microsoft-csp",
        name: "Microsoft Teams Premium",
        description_de: "Add-on: Besprechungen mit KI-Zusammenfassung, Wasserzeichen und \
                         eigenem Branding.",
        description_en: "Add-on: meetings with AI recaps, watermarking and custom branding.",
        monthly: Some(1116),
        annual: Some(930),
        once: None,
        seats: (1, 10_000),
        addon_of: &[
            "CFQ7TTC0LH18",
            "CFQ7TTC0LDPB",
            "CFQ7TTC0LCHC",
            "CFQ7TTC0LF8R",
        ],
    },
    Example {
        sku: "CFQ7TTC0LH3N",
        category: "education",
        name: "Microsoft 365 A3 für Lehrkräfte",
        description_de: "Für Schulen und Hochschulen: Office-Desktop-Apps, Teams für den \
                         Unterricht und Geräteverwaltung. Nur für berechtigte \
                         Bildungseinrichtungen.",
        description_en: "For schools and universities: Office desktop apps, Teams for classes \
                         and device management. Only for eligible educational institutions.",
        monthly: Some(300),
        annual: Some(250),
        once: None,
        seats: (1, 10_000),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LH2H",
        category: "education",
        name: "Office 365 A1",
        description_de: "Kostenlos für berechtigte Bildungseinrichtungen: Office im Browser, \
                         Teams und Postfach.",
        description_en: "Free for eligible educational institutions: Office in the browser, \
                         Teams and mailbox.",
        monthly: None,
        annual: Some(0),
        once: None,
        seats: (1, 10_000),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LHPN",
        category: "nonprofit",
        name: "Microsoft 365 Business Basic (Non-Profit-Spende)",
        description_de: "Bis zu 300 Lizenzen kostenlos für anerkannte gemeinnützige \
                         Organisationen.",
        description_en: "Up to 300 licences free of charge for recognised non-profit \
                         organisations.",
        monthly: None,
        annual: Some(0),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "CFQ7TTC0LHPP",
        category: "nonprofit",
        name: "Microsoft 365 Business Premium (Non-Profit)",
        description_de: "Business Premium zum vergünstigten Preis für anerkannte gemeinnützige \
                         Organisationen.",
        description_en: "Business Premium at a reduced price for recognised non-profit \
                         organisations.",
        monthly: Some(612),
        annual: Some(510),
        once: None,
        seats: (1, 300),
        addon_of: &[],
    },
    Example {
        sku: "DG7GMGF0D65N",
        category: "perpetual",
        name: "Windows Server 2025 Standard – 16 Core",
        description_de: "Kauflizenz für 16 Prozessorkerne, zeitlich unbegrenzt nutzbar; \
                         Clientzugriffslizenzen werden gesondert benötigt.",
        description_en: "Perpetual licence for 16 processor cores; client access licences are \
                         needed separately.",
        monthly: None,
        annual: None,
        once: Some(98_000),
        seats: (1, 100),
        addon_of: &[],
    },
    Example {
        sku: "DZH318Z0BPS6",
        category: "azure",
        name: "Azure-Plan",
        description_de: "Azure-Dienste nach Verbrauch: abgerechnet wird monatlich, was der Kunde \
                         genutzt hat. Ein Plan je Kunde.",
        description_en: "Azure services by consumption: each month what the customer used is \
                         billed. One plan per customer.",
        monthly: None,
        annual: None,
        once: None,
        seats: (1, 1),
        addon_of: &[],
    },
];
