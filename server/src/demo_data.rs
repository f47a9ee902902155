//! Demo records for trying the portal (`--demo-data true`, which `scripts/run` sets): a few
//! entries in the distributor's customer records, so that a newcomer can sign up with a valid
//! and with an invalid customer number, and an active demo reseller with a few customers to
//! log in as (the first has accepted the cloud agreement and gets a tenant at the simulated
//! provider a few seconds after the start, so licences can be ordered for it; two more get
//! tenants that the simulated provider links to the demo reseller and to another one, so the
//! partner status shows all three colours; the first also has a subscription bought ten days
//! ago, whose change window has closed), the example catalogue, and a start page: a few
//! announcements (one a maintenance tomorrow, so its banner shows) and the distributor's
//! contacts. Seeding again changes nothing.

use app::agreements::server as agreements;
use app::agreements::{parse_attestation, Attestation, AttestationForm};
use app::announcements::server as announcements;
use app::announcements::{parse_announcement, AnnouncementForm};
use app::audit::server::Actor;
use app::auth::server::users;
use app::catalog::server as catalog;
use app::contacts::server as contacts;
use app::customer_numbers::server as customer_registry;
use app::customer_numbers::RegistryRecord;
use app::customers::server as customers;
use app::customers::{parse_customer, CustomerForm};
use app::i18n::Locale;
use app::microsoft_partner::server as microsoft_partner;
use app::orders::server::{self as orders, CompletedOrder};
use app::platform::provider::{BillingCycle as ProviderCycle, Term};
use app::platform::sessions::{ResellerScope, SessionUser};
use app::platform::{passwords, unix_now, Database, DbError};
use app::resellers::server as resellers;
use app::signup::{parse_signup, SignupForm, PRIVACY_VERSION, TERMS_VERSION};
use app::tenants::server as tenants;
use kontor_domain::{
    german_date, german_date_time_value, iso_date, BillingCycle, EmailAddress, Role, TenantPrefix,
};
use kontor_domain::{LocationMpn, MicrosoftId, TENANT_DOMAIN_SUFFIX};
use kontor_provider_sim::{ArrangedSubscription, Simulator};

/// Customer number, company, postal code. Listed in the README.
pub const CUSTOMERS: [(&str, &str, &str); 3] = [
    ("100001", "Muster IT GmbH", "10115"),
    ("100002", "Alpen Systemhaus GmbH", "1010"),
    ("100003", "Nordlicht EDV KG", "20095"),
];

/// The demo reseller's login (README), and a colleague's (same password, staff role).
pub const RESELLER_EMAIL: &str = "demo@fachhandel.example";
pub const RESELLER_PASSWORD: &str = "Fachhandel#2026";
pub const COLLEAGUE_EMAIL: &str = "team@fachhandel.example";
const RESELLER_NUMBER: (&str, &str, &str) = ("100000", "Demo Systemhaus GmbH", "10117");

/// The demo reseller's Microsoft partner identity ("Microsoft MPN + MPA").
pub const RESELLER_MPN: &str = "1234567";
pub const RESELLER_MICROSOFT_ID: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
/// Another reseller's Microsoft id, to which one demo customer is linked at the provider.
const OTHER_RESELLER_MICROSOFT_ID: &str = "9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04";

/// The first customer's subscription bought ten days ago (its id at the simulated provider):
/// five users of Business Basic, monthly.
const EARLIER_SUBSCRIPTION: &str = "5c0f2a4e-7d8b-4e1a-9c3f-1b2d3e4f5a60";
const EARLIER_SKU: &str = "CFQ7TTC0LH18";
const EARLIER_SEATS: u32 = 5;
const EARLIER_DAYS: i64 = 10;

/// A demo customer: company, street, postal code, city, country, contact first and last name,
/// email; and, for some, a new tenant (its prefix) with the indirect reseller the simulated
/// provider links it to — so "Microsoft-Kunden" shows red, green and orange.
struct DemoCustomer {
    fields: [&'static str; 8],
    tenant: Option<(&'static str, Option<&'static str>)>,
}

/// The first has accepted the cloud agreement, so licences can be ordered for it.
const RESELLER_CUSTOMERS: [DemoCustomer; 5] = [
    DemoCustomer {
        fields: [
            "Bäckerei Sonnenschein GmbH",
            "Marktplatz 3",
            "80331",
            "München",
            "DE",
            "Jonas",
            "Weber",
            "it@baeckerei-sonnenschein.example",
        ],
        tenant: Some(("baeckereisonnenschein", None)),
    },
    DemoCustomer {
        fields: [
            "Kanzlei Berg & Partner",
            "Ringstraße 12",
            "1010",
            "Wien",
            "AT",
            "Eva",
            "Berg",
            "office@kanzlei-berg.example",
        ],
        tenant: None,
    },
    DemoCustomer {
        fields: [
            "Zahnarztpraxis Dr. Lind",
            "Seestrasse 8",
            "8002",
            "Zürich",
            "CH",
            "Lukas",
            "Lind",
            "praxis@dr-lind.example",
        ],
        tenant: None,
    },
    DemoCustomer {
        fields: [
            "Autohaus Kraft GmbH",
            "Industriestraße 5",
            "70173",
            "Stuttgart",
            "DE",
            "Petra",
            "Kraft",
            "it@autohaus-kraft.example",
        ],
        tenant: Some(("autohauskraft", Some(RESELLER_MICROSOFT_ID))),
    },
    DemoCustomer {
        fields: [
            "Hotel Seeblick",
            "Uferweg 2",
            "6900",
            "Bregenz",
            "AT",
            "Sarah",
            "Huber",
            "technik@hotel-seeblick.example",
        ],
        tenant: Some(("hotelseeblick", Some(OTHER_RESELLER_MICROSOFT_ID))),
    },
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("the demo data does not pass the portal's own rules: {0}")]
    Invalid(String),
    #[error("cannot hash the demo password: {0}")]
    Hash(#[from] passwords::HashError),
    #[error("the simulated provider: {0}")]
    Simulator(#[from] sqlx::Error),
}

/// `simulator`: the simulated provider, when it is the provider; its world is arranged so
/// that the demo tenants show every partner status.
pub async fn seed(db: &Database, simulator: Option<&Simulator>) -> Result<(), SeedError> {
    catalog::seed_examples(db).await?;
    let mut conn = db.pool().acquire().await.map_err(DbError::from)?;
    for (number, company, postal_code) in CUSTOMERS.into_iter().chain([RESELLER_NUMBER]) {
        let record = RegistryRecord {
            customer_number: number.to_owned(),
            company_name: company.to_owned(),
            postal_code: postal_code.to_owned(),
            contact_email: None,
        };
        customer_registry::add(&mut conn, &record).await?;
    }
    drop(conn);
    tracing::info!(
        numbers = ?CUSTOMERS.map(|(number, _, postal)| format!("{number} ({postal})")),
        "demo customer numbers ready for signup"
    );
    // The demo's earlier purchase, to the second the same in the portal and at the provider.
    let bought_at = unix_now() - EARLIER_DAYS * 24 * 60 * 60;
    if let Some(simulator) = simulator {
        arrange_provider_world(simulator, bought_at).await?;
    }
    let email =
        EmailAddress::parse(RESELLER_EMAIL).map_err(|e| SeedError::Invalid(e.to_string()))?;
    if users::find_by_email(db.pool(), &email).await?.is_none() {
        seed_reseller(db, bought_at).await?;
    }
    if announcements::all(db).await?.is_empty() {
        seed_start_page(db).await?;
    }
    tracing::info!(
        "demo reseller: log in as {RESELLER_EMAIL} (or the colleague {COLLEAGUE_EMAIL}) with \
         {RESELLER_PASSWORD}"
    );
    Ok(())
}

/// The demo reseller goes through the signup's own parsing and creation, and is confirmed
/// as if it had followed its mail.
async fn seed_reseller(db: &Database, bought_at: i64) -> Result<(), SeedError> {
    let (number, company, postal_code) = RESELLER_NUMBER;
    let form = SignupForm {
        email: RESELLER_EMAIL.into(),
        password: RESELLER_PASSWORD.into(),
        password_confirmation: RESELLER_PASSWORD.into(),
        salutation: "ms".into(),
        first_name: "Dana".into(),
        last_name: "Demo".into(),
        phone: "+49 30 1234567".into(),
        company_name: company.into(),
        street: "Friedrichstraße 1".into(),
        postal_code: postal_code.into(),
        city: "Berlin".into(),
        country: "DE".into(),
        federal_state: "BE".into(),
        customer_number: number.into(),
        accept_terms: Some("on".into()),
        accept_privacy: Some("on".into()),
        ..SignupForm::default()
    };
    let registration = parse_signup(&form).map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
    let hash = passwords::hash(&registration.password).await?;
    let now = unix_now();
    let mut tx = db.begin().await.map_err(DbError::from)?;
    let user_id = match resellers::create(
        &mut tx,
        &registration,
        &hash,
        Locale::De,
        now,
        (TERMS_VERSION, PRIVACY_VERSION),
    )
    .await
    {
        Ok(user_id) => user_id,
        // Another instance seeded it a moment ago.
        Err(resellers::CreateError::CustomerNumberTaken) => return Ok(()),
        Err(resellers::CreateError::Database(error)) => return Err(error.into()),
    };
    resellers::confirm_email(&mut tx, user_id).await?;
    let reseller_id = users::reseller_of(&mut tx, user_id).await?;
    // The demo's customers are entered as its admin would enter them.
    let admin = SessionUser {
        user_id,
        email: EmailAddress::parse(RESELLER_EMAIL)
            .map_err(|e| SeedError::Invalid(e.to_string()))?,
        role: Role::ResellerAdmin,
        reseller_id: Some(reseller_id),
    };
    let scope = ResellerScope::of(admin).ok_or(SeedError::Invalid("the demo admin".into()))?;
    // Known to the distributor: no order limit for the demo.
    resellers::confirm_by_staff(&mut tx, reseller_id, now).await?;
    let colleague =
        EmailAddress::parse(COLLEAGUE_EMAIL).map_err(|e| SeedError::Invalid(e.to_string()))?;
    users::create_member(
        &mut tx,
        reseller_id,
        &colleague,
        &hash,
        Role::ResellerStaff,
        now,
    )
    .await?;
    let actor = Actor {
        user_id: Some(user_id),
        label: RESELLER_EMAIL,
    };
    for (index, customer) in RESELLER_CUSTOMERS.iter().enumerate() {
        let [company_name, street, postal_code, city, country, first, last, email] =
            customer.fields;
        let form = CustomerForm {
            company_name: company_name.into(),
            street: street.into(),
            postal_code: postal_code.into(),
            city: city.into(),
            country: country.into(),
            contact_first_name: first.into(),
            contact_last_name: last.into(),
            contact_email: email.into(),
            phone: String::new(),
            language: "de".into(),
        };
        let details = parse_customer(&form).map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
        let customer_id = customers::create(&mut tx, &scope, &details, now).await?;
        if index == 0 {
            let attestation = signed_a_month_ago(&form, now)?;
            agreements::record_attestation(&mut tx, &scope, customer_id, &attestation, &actor, now)
                .await
                .map_err(|e| SeedError::Invalid(e.to_string()))?;
            let earlier = CompletedOrder {
                reseller: reseller_id,
                customer: customer_id,
                user: user_id,
                name: "Lizenzen Büro",
                sku: EARLIER_SKU,
                cycle: BillingCycle::Monthly,
                seats: EARLIER_SEATS,
                provider_subscription_id: EARLIER_SUBSCRIPTION,
            };
            orders::record_completed(&mut tx, &earlier, bought_at).await?;
        }
        if let Some((prefix, _)) = customer.tenant {
            let prefix =
                TenantPrefix::parse(prefix).map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
            tenants::reserve(&mut tx, &scope, customer_id, &prefix, now)
                .await
                .map_err(|e| match e {
                    tenants::ClaimError::Database(error) => SeedError::from(error),
                    _ => SeedError::Invalid(format!("the demo tenant {}", prefix.as_str())),
                })?;
        }
    }
    tx.commit().await.map_err(DbError::from)?;
    seed_partner_identity(db, &scope, &actor, now).await
}

/// The simulated provider's world once it has created the demo tenants: the indirect
/// resellers they are linked to (the demo reseller, another one, or none — every partner
/// status colour), and the first one's subscription bought at `bought_at`.
async fn arrange_provider_world(simulator: &Simulator, bought_at: i64) -> Result<(), SeedError> {
    let domain = |prefix: &str| format!("{prefix}.{TENANT_DOMAIN_SUFFIX}");
    for customer in &RESELLER_CUSTOMERS {
        if let Some((prefix, linked_to)) = customer.tenant {
            let partners: Vec<&str> = linked_to.into_iter().collect();
            simulator
                .arrange_relationships(&domain(prefix), &partners)
                .await?;
        }
    }
    if let Some((prefix, _)) = RESELLER_CUSTOMERS[0].tenant {
        let earlier = ArrangedSubscription {
            id: EARLIER_SUBSCRIPTION.to_owned(),
            offer_id: EARLIER_SKU.to_owned(),
            quantity: EARLIER_SEATS,
            billing_cycle: ProviderCycle::Monthly,
            term: Term::OneMonth,
            started_at: bought_at,
        };
        simulator
            .arrange_subscription(&domain(prefix), &earlier)
            .await?;
    }
    Ok(())
}

/// The demo reseller's MPN and Microsoft id.
async fn seed_partner_identity(
    db: &Database,
    scope: &ResellerScope,
    actor: &Actor<'_>,
    now: i64,
) -> Result<(), SeedError> {
    let mpn = LocationMpn::parse(RESELLER_MPN).map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
    let id = MicrosoftId::parse(RESELLER_MICROSOFT_ID)
        .map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
    microsoft_partner::save(db, scope, actor, &mpn, &id, now).await?;
    Ok(())
}

/// A month ago the customer's contact signed the agreement (and the demo reseller attests it).
fn signed_a_month_ago(customer: &CustomerForm, now: i64) -> Result<Attestation, SeedError> {
    const MONTH_SECS: i64 = 30 * 24 * 60 * 60;
    let form = AttestationForm {
        first_name: customer.contact_first_name.clone(),
        last_name: customer.contact_last_name.clone(),
        email: customer.contact_email.clone(),
        date: iso_date(german_date(now - MONTH_SECS)),
        attest: Some("on".into()),
    };
    parse_attestation(&form, german_date(now)).map_err(|e| SeedError::Invalid(format!("{e:?}")))
}

/// Kind, German title and text, English title and text, pinned.
const ANNOUNCEMENTS: [(&str, &str, &str, &str, &str, bool); 4] = [
    (
        "news",
        "Willkommen im neuen Partnerportal",
        "Kunden anlegen, **Cloud-Vereinbarung** einholen und Lizenzen bestellen: alles an einem \
         Ort. Fragen? Unsere Ansprechpartner stehen rechts.",
        "Welcome to the new partner portal",
        "Create customers, get the **cloud agreement** accepted and order licences: all in one \
         place. Questions? Our contacts are on the right.",
        true,
    ),
    (
        "promotion",
        "Aktion: Microsoft 365 Business Premium",
        "Bis Monatsende gelten für Neuabschlüsse mit jährlicher Abrechnung **Sonderkonditionen**. \
         Sprechen Sie uns an.",
        "Promotion: Microsoft 365 Business Premium",
        "Until the end of the month, new annual subscriptions get **special terms**. Talk to us.",
        false,
    ),
    (
        "guide",
        "Anleitung: Partnerstatus grün bekommen",
        "1. MPN und Microsoft-ID unter *Microsoft MPN + MPA* eintragen\n\
         2. Unter *Microsoft-Kunden* die Einladung senden\n\
         3. Der Kunde bestätigt im Microsoft 365 Admin Center",
        "Guide: turning the partner status green",
        "1. Enter MPN and Microsoft id under *Microsoft MPN + MPA*\n\
         2. Send the invitation under *Microsoft customers*\n\
         3. The customer confirms in the Microsoft 365 admin center",
        false,
    ),
    (
        "maintenance",
        "Wartung des Bestellsystems",
        "Während der Wartung werden Bestellungen angenommen und danach ausgeführt.",
        "Maintenance of the order system",
        "During the maintenance orders are accepted and carried out afterwards.",
        false,
    ),
];

/// Team, address, phone.
const CONTACTS: [(&str, &str, &str); 3] = [
    ("Vertrieb", "vertrieb@distributor.example", "+49 30 1234560"),
    (
        "Technischer Support",
        "support@distributor.example",
        "+49 30 1234561",
    ),
    (
        "Buchhaltung",
        "buchhaltung@distributor.example",
        "+49 30 1234562",
    ),
];

/// The announcements pass the form's own rules; the maintenance starts in 20 hours, so its
/// banner shows from the start.
async fn seed_start_page(db: &Database) -> Result<(), SeedError> {
    let now = unix_now();
    let mut tx = db.begin().await.map_err(DbError::from)?;
    for (kind, title_de, body_de, title_en, body_en, pinned) in ANNOUNCEMENTS {
        let maintenance = kind == "maintenance";
        let at = |hours: i64| {
            if maintenance {
                german_date_time_value(now + hours * 3600)
            } else {
                String::new()
            }
        };
        let form = AnnouncementForm {
            kind: kind.into(),
            title_de: title_de.into(),
            title_en: title_en.into(),
            body_de: body_de.into(),
            body_en: body_en.into(),
            visible_from: iso_date(german_date(now)),
            visible_until: String::new(),
            maintenance_from: at(20),
            maintenance_until: at(23),
            pinned: if pinned { "on".into() } else { String::new() },
        };
        let draft = parse_announcement(&form).map_err(|e| SeedError::Invalid(format!("{e:?}")))?;
        announcements::save(&mut tx, None, &draft, now).await?;
    }
    for (team, email, phone) in CONTACTS {
        let email = EmailAddress::parse(email).map_err(|e| SeedError::Invalid(e.to_string()))?;
        contacts::add(&mut tx, team, &email, Some(phone)).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}
