//! The catalogue's texts for signing up, confirming, resetting a password and approving
//! resellers: `Texts::accounts`.

use kontor_domain::{FieldError, IbanProblem, PasswordRule};

text_args! {
    #[cfg(feature = "ssr")]
    NewAccount { company, number, email }
}

pub struct AccountTexts {
    pub nav_signup: &'static str,
    pub login_new_here: &'static str,
    pub login_signup_link: &'static str,
    pub login_forgot_link: &'static str,
    pub login_unconfirmed: &'static str,
    pub login_awaiting_approval: &'static str,
    pub login_rejected: &'static str,
    pub login_locked: &'static str,

    pub signup_title: &'static str,
    pub signup_intro: &'static str,
    pub section_login: &'static str,
    pub section_contact: &'static str,
    pub section_company: &'static str,
    pub section_customer_number: &'static str,
    pub customer_number_hint: &'static str,
    pub section_bank: &'static str,
    pub bank_hint: &'static str,
    pub section_partner: &'static str,
    pub section_terms: &'static str,
    pub optional: &'static str,
    pub choose: &'static str,

    pub field_password_confirmation: &'static str,
    pub field_salutation: &'static str,
    /// Ms, Mr, neutral.
    pub salutations: [&'static str; 3],
    pub field_first_name: &'static str,
    pub field_last_name: &'static str,
    pub field_phone: &'static str,
    pub field_company: &'static str,
    pub field_street: &'static str,
    pub field_postal_code: &'static str,
    pub field_city: &'static str,
    pub field_country: &'static str,
    /// Germany, Austria, Switzerland.
    pub countries: [&'static str; 3],
    pub field_federal_state: &'static str,
    pub federal_state_hint: &'static str,
    pub field_customer_number: &'static str,
    pub field_account_holder: &'static str,
    pub field_iban: &'static str,
    pub field_bic: &'static str,
    pub field_partner_id: &'static str,
    pub partner_id_hint: &'static str,
    pub accept_terms: (&'static str, &'static str, &'static str),
    pub accept_privacy: (&'static str, &'static str, &'static str),
    pub password_rules_title: &'static str,
    /// In the order of `PasswordRule::ALL`.
    pub password_rules: [&'static str; 7],
    pub strength: &'static str,
    pub strength_levels: [&'static str; 5],
    pub signup_submit: &'static str,

    pub signup_sent_title: &'static str,
    pub signup_sent_text: &'static str,
    pub signup_sent_hint: &'static str,

    pub confirm_title: &'static str,
    pub confirm_text: &'static str,
    pub confirm_button: &'static str,
    pub confirmed_active_title: &'static str,
    pub confirmed_active_text: &'static str,
    pub confirmed_waiting_title: &'static str,
    pub confirmed_waiting_text: &'static str,
    pub link_problem_title: &'static str,
    pub link_unknown: &'static str,
    pub link_used: &'static str,
    pub link_expired: &'static str,
    pub link_superseded: &'static str,
    pub request_new_confirmation: &'static str,
    pub request_new_reset: &'static str,

    pub resend_title: &'static str,
    pub resend_intro: &'static str,
    pub resend_submit: &'static str,
    pub resend_done: &'static str,
    pub too_many_requests: fn(u64) -> String,

    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_done: &'static str,
    pub reset_title: &'static str,
    pub reset_intro: &'static str,
    pub field_new_password: &'static str,
    pub reset_submit: &'static str,
    pub invitation_title: &'static str,
    pub invitation_intro: &'static str,
    pub invitation_submit: &'static str,
    pub reset_done_title: &'static str,
    pub reset_done_text: &'static str,

    pub approvals_title: &'static str,
    pub approvals_intro: &'static str,
    pub approvals_empty: &'static str,
    pub approvals_company: &'static str,
    pub approvals_contact: &'static str,
    pub approvals_signed_up: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub approvals_decided: &'static str,

    pub terms_title: &'static str,
    pub terms_body: [&'static str; 3],
    pub privacy_title: &'static str,
    pub privacy_body: [&'static str; 3],
    pub document_version: &'static str,

    pub error_email_in_use: &'static str,

    pub error_missing: &'static str,
    pub error_too_long: fn(usize) -> String,
    pub error_control_characters: &'static str,
    pub error_weak_password: &'static str,
    pub error_password_mismatch: &'static str,
    pub error_phone: &'static str,
    pub error_choice: &'static str,
    pub error_postal_code: &'static str,
    pub error_postal_code_format: &'static str,
    pub error_iban_format: &'static str,
    pub error_iban_country: &'static str,
    pub error_iban_country_format: &'static str,
    pub error_iban_checksum: &'static str,
    pub error_bic: &'static str,
    pub error_partner_id: &'static str,
    pub error_location_mpn: &'static str,
    pub error_microsoft_id: &'static str,
    pub error_customer_number: &'static str,
    pub error_customer_number_not_confirmed: &'static str,
    pub error_customer_number_listed: &'static str,
    pub error_must_accept: &'static str,
    pub error_prefix_characters: &'static str,
    pub error_prefix_taken: &'static str,
    pub error_domain: &'static str,
    pub error_domain_in_use: &'static str,
    pub error_date: &'static str,
    pub error_date_in_future: &'static str,
    pub error_date_too_early: &'static str,
    pub error_end_before_start: &'static str,
    pub error_only_for_maintenance: &'static str,
    pub error_seats: fn(super::products::SeatRange) -> String,
    pub error_price_format: &'static str,
    pub error_price_too_high: &'static str,
    pub error_once_with_subscription: &'static str,
    pub error_sku: &'static str,
    pub error_sku_taken: &'static str,
    pub error_slug: &'static str,
    pub error_slug_taken: &'static str,
    pub error_unknown_products: fn(&str) -> String,
    pub error_addon_of_itself: &'static str,
    pub error_addon_of_addon: fn(&str) -> String,
    pub error_addon_with_addons: &'static str,
    pub error_category_cycle: &'static str,
    pub error_tenant_not_ready: &'static str,
    pub error_agreement_missing: &'static str,
    /// What only mails say: kept out of the browser bundle.
    #[cfg(feature = "ssr")]
    pub mail: AccountMailTexts,
}

/// What the mails of `AccountTexts` say.
#[cfg(feature = "ssr")]
pub struct AccountMailTexts {
    pub confirm_subject: &'static str,
    pub confirm_text: &'static str,
    pub confirm_action: &'static str,
    pub confirm_expiry: &'static str,
    pub exists_subject: &'static str,
    pub exists_text: &'static str,
    pub exists_action: &'static str,
    pub exists_reset: &'static str,
    pub approved_subject: &'static str,
    pub approved_text: &'static str,
    pub approved_action: &'static str,
    pub rejected_subject: &'static str,
    pub rejected_text: &'static str,
    /// To staff: a company became active by its customer number alone (company, number).
    pub vouched_subject: fn(&str) -> String,
    pub vouched_text: fn(NewAccount<'_>) -> String,
    pub vouched_action: &'static str,
    /// To the registry's contact for a number: an account was opened under it.
    pub opened_subject: &'static str,
    pub opened_text: fn(NewAccount<'_>) -> String,
    pub opened_not_you: &'static str,
    pub reset_subject: &'static str,
    pub reset_text: &'static str,
    pub reset_action: &'static str,
    pub ignore: &'static str,
    pub invitation_subject: &'static str,
    /// Who invites.
    pub invitation_text: fn(&str) -> String,
    pub invitation_action: &'static str,
}

impl AccountTexts {
    /// The sentence shown next to a refused field; `email_invalid` is shared with the login.
    pub fn field_error(&self, error: &FieldError, email_invalid: &str) -> String {
        match error {
            FieldError::Missing => self.error_missing.to_owned(),
            FieldError::TooLong { max_chars } => (self.error_too_long)(*max_chars),
            FieldError::ControlCharacters => self.error_control_characters.to_owned(),
            FieldError::InvalidEmail => email_invalid.to_owned(),
            FieldError::WeakPassword(missed) => {
                let rules: Vec<&str> = missed.iter().map(|r| self.password_rule(*r)).collect();
                format!("{} {}", self.error_weak_password, rules.join(", "))
            }
            FieldError::PasswordMismatch => self.error_password_mismatch.to_owned(),
            FieldError::InvalidPhone => self.error_phone.to_owned(),
            FieldError::UnknownChoice => self.error_choice.to_owned(),
            FieldError::InvalidPostalCode => self.error_postal_code.to_owned(),
            FieldError::PostalCodeFormat => self.error_postal_code_format.to_owned(),
            FieldError::InvalidIban(problem) => match problem {
                IbanProblem::Format => self.error_iban_format,
                IbanProblem::UnknownCountry => self.error_iban_country,
                IbanProblem::CountryFormat => self.error_iban_country_format,
                IbanProblem::Checksum => self.error_iban_checksum,
            }
            .to_owned(),
            FieldError::InvalidBic => self.error_bic.to_owned(),
            FieldError::InvalidPartnerId => self.error_partner_id.to_owned(),
            FieldError::InvalidLocationMpn => self.error_location_mpn.to_owned(),
            FieldError::InvalidMicrosoftId => self.error_microsoft_id.to_owned(),
            FieldError::InvalidCustomerNumber => self.error_customer_number.to_owned(),
            FieldError::CustomerNumberNotConfirmed => {
                self.error_customer_number_not_confirmed.to_owned()
            }
            FieldError::CustomerNumberListed => self.error_customer_number_listed.to_owned(),
            FieldError::EmailInUse => self.error_email_in_use.to_owned(),
            FieldError::MustAccept => self.error_must_accept.to_owned(),
            FieldError::PrefixCharacters => self.error_prefix_characters.to_owned(),
            FieldError::PrefixTaken => self.error_prefix_taken.to_owned(),
            FieldError::InvalidDomain => self.error_domain.to_owned(),
            FieldError::DomainInUse => self.error_domain_in_use.to_owned(),
            FieldError::InvalidDate => self.error_date.to_owned(),
            FieldError::DateInFuture => self.error_date_in_future.to_owned(),
            FieldError::DateTooEarly => self.error_date_too_early.to_owned(),
            FieldError::EndBeforeStart => self.error_end_before_start.to_owned(),
            FieldError::OnlyForMaintenance => self.error_only_for_maintenance.to_owned(),
            FieldError::SeatsOutOfRange { min, max } => {
                (self.error_seats)(crate::i18n::SeatRange {
                    min: *min,
                    max: *max,
                })
            }
            FieldError::PriceFormat => self.error_price_format.to_owned(),
            FieldError::PriceTooHigh => self.error_price_too_high.to_owned(),
            FieldError::OnceWithSubscription => self.error_once_with_subscription.to_owned(),
            FieldError::InvalidSku => self.error_sku.to_owned(),
            FieldError::SkuTaken => self.error_sku_taken.to_owned(),
            FieldError::InvalidSlug => self.error_slug.to_owned(),
            FieldError::SlugTaken => self.error_slug_taken.to_owned(),
            FieldError::UnknownProducts(skus) => (self.error_unknown_products)(&skus.join(", ")),
            FieldError::AddonOfItself => self.error_addon_of_itself.to_owned(),
            FieldError::AddonOfAddon(skus) => (self.error_addon_of_addon)(&skus.join(", ")),
            FieldError::AddonWithAddons => self.error_addon_with_addons.to_owned(),
            FieldError::CategoryCycle => self.error_category_cycle.to_owned(),
            FieldError::NotOrderable(refusal) => self.order_refusal(*refusal).to_owned(),
        }
    }

    pub fn order_refusal(&self, refusal: kontor_domain::OrderRefusal) -> &'static str {
        match refusal {
            kontor_domain::OrderRefusal::TenantNotReady => self.error_tenant_not_ready,
            kontor_domain::OrderRefusal::AgreementMissing => self.error_agreement_missing,
        }
    }

    pub fn password_rule(&self, rule: PasswordRule) -> &'static str {
        let index = PasswordRule::ALL
            .iter()
            .position(|r| *r == rule)
            .unwrap_or_default();
        self.password_rules[index]
    }
}

pub static DE: AccountTexts = AccountTexts {
    nav_signup: "Registrieren",
    login_new_here: "Neu hier?",
    login_signup_link: "Jetzt registrieren!",
    login_forgot_link: "Kennwort vergessen?",
    login_unconfirmed: "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer \
                        E-Mail. Keine E-Mail bekommen? Fordern Sie eine neue an.",
    login_awaiting_approval: "Ihre Registrierung ist bestätigt und wartet auf die Freigabe durch \
                              den Distributor. Bis dahin können Sie noch nicht bestellen; wir \
                              schreiben Ihnen, sobald Ihr Konto freigeschaltet ist.",
    login_rejected: "Ihre Registrierung wurde vom Distributor nicht freigegeben. Bitte wenden Sie \
                     sich an Ihren Ansprechpartner beim Distributor.",
    login_locked: "Das Konto Ihres Unternehmens ist gesperrt. Bitte wenden Sie sich an Ihren \
                   Ansprechpartner beim Distributor.",

    signup_title: "Konto erstellen",
    signup_intro: "Registrieren Sie Ihr Unternehmen als Fachhändler. Felder ohne den Zusatz \
                   „optional“ sind Pflichtfelder.",
    section_login: "Zugangsdaten",
    section_contact: "Ansprechpartner",
    section_company: "Unternehmen",
    section_customer_number: "Kundennummer beim Distributor",
    customer_number_hint: "Sind Sie bereits Kunde des Distributors? Dann geben Sie Ihre \
                           Kundennummer an: Wir gleichen sie mit der Postleitzahl ab, und Ihr \
                           Konto ist nach der Bestätigung sofort aktiv. Eine Bankverbindung \
                           brauchen wir dann nicht.",
    section_bank: "Bankverbindung",
    bank_hint: "Ohne Kundennummer benötigen wir Ihre Bankverbindung; der Distributor prüft \
                Ihre Registrierung dann vor der Freigabe.",
    section_partner: "Microsoft-Partner",
    section_terms: "Bedingungen",
    optional: "optional",
    choose: "Bitte wählen",

    field_password_confirmation: "Kennwort wiederholen",
    field_salutation: "Anrede",
    salutations: ["Frau", "Herr", "Keine Angabe"],
    field_first_name: "Vorname",
    field_last_name: "Nachname",
    field_phone: "Telefon",
    field_company: "Firmenname",
    field_street: "Straße und Hausnummer",
    field_postal_code: "Postleitzahl",
    field_city: "Ort",
    field_country: "Land",
    countries: ["Deutschland", "Österreich", "Schweiz"],
    field_federal_state: "Bundesland",
    federal_state_hint: "Nur für Unternehmen in Deutschland.",
    field_customer_number: "Kundennummer",
    field_account_holder: "Kontoinhaber",
    field_iban: "IBAN",
    field_bic: "BIC",
    field_partner_id: "Microsoft-Partner-ID (MPN-ID)",
    partner_id_hint: "Nur Ziffern, z. B. 1234567.",
    accept_terms: (
        "Ich akzeptiere die ",
        "Allgemeinen Geschäftsbedingungen",
        ".",
    ),
    accept_privacy: ("Ich habe die ", "Datenschutzerklärung", " gelesen."),
    password_rules_title: "Ihr Kennwort braucht:",
    password_rules: [
        "mindestens 8 Zeichen",
        "höchstens 1024 Zeichen",
        "einen Großbuchstaben",
        "einen Kleinbuchstaben",
        "eine Ziffer",
        "ein Sonderzeichen (auch Leerzeichen und Umlaute zählen mit)",
        "kein häufig benutztes Kennwort",
    ],
    strength: "Stärke",
    strength_levels: ["sehr schwach", "schwach", "mittel", "stark", "sehr stark"],
    signup_submit: "Konto erstellen",

    signup_sent_title: "Fast geschafft",
    signup_sent_text: "Wir haben Ihnen eine E-Mail geschickt. Bitte öffnen Sie den Link darin \
                       innerhalb von 48 Stunden, um Ihre E-Mail-Adresse zu bestätigen.",
    signup_sent_hint: "Keine E-Mail bekommen? Sehen Sie im Spam-Ordner nach, oder fordern Sie \
                       eine neue an.",

    confirm_title: "E-Mail-Adresse bestätigen",
    confirm_text: "Bitte bestätigen Sie mit einem Klick, dass diese E-Mail-Adresse Ihnen gehört.",
    confirm_button: "Jetzt bestätigen",
    confirmed_active_title: "E-Mail-Adresse bestätigt",
    confirmed_active_text: "Vielen Dank! Ihr Konto ist aktiv. Sie können sich jetzt anmelden.",
    confirmed_waiting_title: "E-Mail-Adresse bestätigt",
    confirmed_waiting_text: "Vielen Dank! Der Distributor prüft nun Ihre Registrierung. Sobald \
                             Ihr Konto freigegeben ist, bekommen Sie eine E-Mail.",
    link_problem_title: "Dieser Link funktioniert nicht mehr",
    link_unknown: "Diesen Link kennen wir nicht. Bitte kopieren Sie ihn vollständig aus der \
                   E-Mail.",
    link_used: "Dieser Link wurde bereits benutzt. Sie können sich anmelden.",
    link_expired: "Dieser Link ist abgelaufen.",
    link_superseded: "Inzwischen haben wir Ihnen einen neueren Link geschickt; bitte benutzen \
                      Sie den aus der neuesten E-Mail.",
    request_new_confirmation: "Neue Bestätigungs-E-Mail anfordern",
    request_new_reset: "Neuen Link zum Zurücksetzen anfordern",

    resend_title: "Bestätigungs-E-Mail erneut senden",
    resend_intro: "Geben Sie die E-Mail-Adresse Ihrer Registrierung an.",
    resend_submit: "E-Mail senden",
    resend_done: "Wenn zu dieser Adresse eine unbestätigte Registrierung gehört, ist eine neue \
                  E-Mail unterwegs.",
    too_many_requests: |minutes| {
        format!(
            "Zu viele Anfragen. Bitte versuchen Sie es in {minutes} {} noch einmal.",
            if minutes == 1 { "Minute" } else { "Minuten" }
        )
    },

    forgot_title: "Kennwort vergessen",
    forgot_intro: "Geben Sie die E-Mail-Adresse Ihres Kontos an. Wir schicken Ihnen einen Link, \
                   mit dem Sie ein neues Kennwort festlegen.",
    forgot_submit: "Link anfordern",
    forgot_done: "Wenn zu dieser Adresse ein Konto gehört, ist eine E-Mail mit einem Link \
                  unterwegs. Er gilt eine Stunde.",
    reset_title: "Neues Kennwort festlegen",
    reset_intro: "Danach sind Sie auf allen Geräten abgemeldet und melden sich mit dem neuen \
                  Kennwort an.",
    field_new_password: "Neues Kennwort",
    reset_submit: "Kennwort speichern",
    invitation_title: "Willkommen in der Verwaltung",
    invitation_intro: "Legen Sie Ihr Kennwort fest; danach melden Sie sich mit Ihrer \
        E-Mail-Adresse und diesem Kennwort an.",
    invitation_submit: "Kennwort festlegen",
    reset_done_title: "Kennwort geändert",
    reset_done_text: "Ihr neues Kennwort gilt ab sofort; alle anderen Sitzungen sind beendet.",

    approvals_title: "Registrierungen zur Freigabe",
    approvals_intro: "Diese Fachhändler haben sich ohne Kundennummer registriert und ihre \
                      E-Mail-Adresse bestätigt.",
    approvals_empty: "Keine Registrierung wartet auf Freigabe.",
    approvals_company: "Unternehmen",
    approvals_contact: "Ansprechpartner",
    approvals_signed_up: "Registriert am",
    approve: "Freigeben",
    reject: "Ablehnen",
    approvals_decided: "Über diese Registrierung wurde bereits entschieden.",

    terms_title: "Allgemeine Geschäftsbedingungen",
    terms_body: [
        "Diese Bedingungen regeln die Nutzung des Portals durch registrierte Fachhändler.",
        "Bestellungen über das Portal sind verbindlich. Preise verstehen sich zuzüglich der \
         gesetzlichen Umsatzsteuer.",
        "Der Fachhändler sorgt dafür, dass seine Endkunden der Cloud-Vereinbarung des \
         Herstellers zugestimmt haben, bevor er für sie bestellt.",
    ],
    privacy_title: "Datenschutzerklärung",
    privacy_body: [
        "Wir verarbeiten die Angaben Ihrer Registrierung, um Ihr Konto zu führen und Ihre \
         Bestellungen abzuwickeln.",
        "Bankdaten werden ausschließlich für die Abrechnung verwendet und nie protokolliert.",
        "Sie können jederzeit Auskunft über Ihre gespeicherten Daten verlangen.",
    ],
    document_version: "Fassung",

    error_email_in_use: "Zu dieser E-Mail-Adresse gibt es bereits ein Konto.",

    error_missing: "Bitte füllen Sie dieses Feld aus.",
    error_too_long: |max| format!("Bitte höchstens {max} Zeichen."),
    error_control_characters: "Bitte ohne Zeilenumbrüche, Tabulatoren oder Steuerzeichen.",
    error_weak_password: "Dem Kennwort fehlt:",
    error_password_mismatch: "Die beiden Kennwörter stimmen nicht überein.",
    error_phone: "Bitte eine Telefonnummer mit mindestens 6 Ziffern, z. B. +49 30 1234567.",
    error_choice: "Bitte wählen Sie einen Eintrag aus der Liste.",
    error_postal_code_format: "Eine Postleitzahl hat 5 Ziffern (Deutschland) oder 4 \
        (Österreich, Schweiz).",
    error_postal_code: "Diese Postleitzahl passt nicht zum gewählten Land (Deutschland: 5 \
                        Ziffern, Österreich und Schweiz: 4 Ziffern).",
    error_iban_format: "Eine IBAN beginnt mit dem Ländercode und zwei Prüfziffern, z. B. DE89 \
                        3704 0044 0532 0130 00.",
    error_iban_country: "Dieses Länderkennzeichen gibt es für IBANs nicht.",
    error_iban_country_format: "Länge oder Aufbau passen nicht zu einer IBAN dieses Landes.",
    error_iban_checksum: "Die Prüfziffern stimmen nicht: Bitte prüfen Sie die IBAN auf \
                          Tippfehler.",
    error_bic: "Ein BIC hat 8 oder 11 Zeichen, z. B. COBADEFFXXX.",
    error_partner_id: "Die Partner-ID besteht aus 6 bis 10 Ziffern.",
    error_location_mpn: "Die Standort-MPN besteht aus genau 7 Ziffern.",
    error_microsoft_id: "Die Microsoft-ID ist eine GUID wie 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
    error_customer_number: "Die Kundennummer besteht aus 5 bis 10 Ziffern.",
    error_customer_number_not_confirmed: "Diese Kundennummer können wir mit dieser \
        Postleitzahl nicht bestätigen. Prüfen Sie beide Angaben, oder lassen Sie das Feld leer \
        und geben Sie Ihre Bankverbindung an.",
    error_customer_number_listed: "Diese Kundennummer steht schon im Verzeichnis. \
        Zum Ändern öffnen Sie sie in der Liste.",
    error_must_accept: "Bitte stimmen Sie zu, um fortzufahren.",
    error_prefix_characters: "Nur Buchstaben (a–z) und Ziffern, ohne Leer- oder Sonderzeichen \
                              und ohne Umlaute.",
    error_prefix_taken: "Dieses Präfix ist bereits vergeben.",
    error_domain_in_use: "Für diese Domäne gibt es in Kontor bereits einen Kunden. Ist es \
        Ihrer, wenden Sie sich bitte an uns.",
    error_domain: "Bitte geben Sie eine Domäne wie muster-it.de oder \
                   muster.onmicrosoft.com ein.",
    error_date: "Bitte geben Sie ein Datum wie 23.11.2026 ein.",
    error_date_in_future: "Das Datum darf nicht in der Zukunft liegen.",
    error_date_too_early: "Die Cloud-Vereinbarung gibt es erst seit dem 22.03.2019.",
    error_end_before_start: "Das Ende muss nach dem Beginn liegen.",
    error_only_for_maintenance: "Ein Wartungsfenster gibt es nur bei der Art „Wartung“.",
    error_seats: |super::products::SeatRange { min, max }| {
        format!("Bitte eine ganze Zahl von {min} bis {max} eingeben.")
    },
    error_price_format: "Bitte einen Betrag in Euro angeben, etwa 12,50 oder 1.234,50.",
    error_price_too_high: "Höchstens 1.000.000,00 € je Einheit.",
    error_once_with_subscription: "Ein Einmalpreis gilt nur für Kauflizenzen: bitte entweder \
        einen Einmalpreis oder Monats- bzw. Jahrespreise angeben.",
    error_sku: "Höchstens 40 Zeichen: Buchstaben, Ziffern, „-“, „_“, „.“ und „:“.",
    error_sku_taken: "Ein Produkt mit dieser Artikelnummer gibt es schon.",
    error_slug: "Kleinbuchstaben und Ziffern, Wörter mit Bindestrich getrennt (etwa \
        „microsoft-csp“), höchstens 40 Zeichen.",
    error_slug_taken: "Eine Kategorie mit diesem Kurznamen gibt es schon.",
    error_unknown_products: |skus| format!("Diese Artikelnummern gibt es im Katalog nicht: {skus}"),
    error_addon_of_itself: "Ein Produkt kann kein Zusatzprodukt zu sich selbst sein.",
    error_addon_of_addon: |skus| {
        format!("Diese Produkte sind selbst Zusatzprodukte und können keine haben: {skus}")
    },
    error_addon_with_addons: "Dieses Produkt hat eigene Zusatzprodukte und kann deshalb \
        keines sein.",
    error_category_cycle: "Eine Kategorie kann nicht unter sich selbst oder einer ihrer \
        Unterkategorien stehen.",
    error_tenant_not_ready: "Für diesen Kunden ist noch kein Microsoft-Tenant bereit.",
    error_agreement_missing: "Dieser Kunde hat die Cloud-Vereinbarung noch nicht akzeptiert.",
    #[cfg(feature = "ssr")]
    mail: AccountMailTexts {
        confirm_subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        confirm_text: "vielen Dank für Ihre Registrierung bei Kontor. Bitte bestätigen Sie Ihre \
                       E-Mail-Adresse über den folgenden Link.",
        confirm_action: "E-Mail-Adresse bestätigen",
        confirm_expiry: "Der Link gilt 48 Stunden und nur einmal.",
        exists_subject: "Sie haben bereits ein Konto",
        exists_text: "jemand hat versucht, mit dieser E-Mail-Adresse ein neues Konto bei Kontor \
                      anzulegen. Zu dieser Adresse gibt es bereits ein Konto.",
        exists_action: "Zur Anmeldung",
        exists_reset: "Falls Sie Ihr Kennwort vergessen haben, können Sie es auf der \
                       Anmeldeseite zurücksetzen. Waren Sie das nicht, können Sie diese E-Mail \
                       ignorieren.",
        approved_subject: "Ihr Konto ist freigeschaltet",
        approved_text: "der Distributor hat Ihre Registrierung freigegeben. Sie können sich ab \
                        sofort anmelden und bestellen.",
        approved_action: "Zur Anmeldung",
        rejected_subject: "Ihre Registrierung",
        rejected_text: "der Distributor hat Ihre Registrierung leider nicht freigegeben. Bei \
                        Fragen wenden Sie sich bitte an Ihren Ansprechpartner beim Distributor.",
        vouched_subject: |company| format!("Neues Händlerkonto über Kundennummer: {company}"),
        vouched_text: |NewAccount {
                           company,
                           number,
                           email,
                       }| {
            format!(
                "{company} hat sich mit der Kundennummer {number} registriert und die Adresse \
            {email} bestätigt; das Konto ist damit aktiv, ohne dass jemand es geprüft hat. \
            Größere Bestellungen nimmt Kontor erst an, wenn Sie das Konto bestätigen. Kennt \
            der Kunde die Registrierung nicht, sperren Sie es."
            )
        },
        vouched_action: "Konto ansehen",
        opened_subject: "Neues Händlerkonto unter Ihrer Kundennummer",
        opened_text: |NewAccount {
                          company: number,
                          number: company,
                          email,
                      }| {
            format!(
                "unter Ihrer Kundennummer {number} wurde soeben ein Händlerkonto im Portal eröffnet: \
            {company}, Anmeldung {email}."
            )
        },
        opened_not_you: "Waren Sie das nicht, melden Sie sich bitte umgehend bei uns: Wir \
       sperren das Konto, bevor darüber bestellt wird.",
        reset_subject: "Kennwort zurücksetzen",
        reset_text: "Sie haben einen Link angefordert, um Ihr Kennwort zurückzusetzen. Er gilt \
                     eine Stunde und nur einmal.",
        reset_action: "Neues Kennwort festlegen",
        ignore: "Haben Sie das nicht angefordert? Dann können Sie diese E-Mail ignorieren.",
        invitation_subject: "Einladung in die Verwaltung von Kontor",
        invitation_text: |by| {
            format!(
                "{by} lädt Sie in die Verwaltung des Reseller-Portals ein. Legen Sie über den \
            folgenden Link Ihr Kennwort fest; er gilt sieben Tage und nur einmal."
            )
        },
        invitation_action: "Kennwort festlegen",
    },
};

pub static EN: AccountTexts = AccountTexts {
    nav_signup: "Sign up",
    login_new_here: "New here?",
    login_signup_link: "Sign up now!",
    login_forgot_link: "Forgot your password?",
    login_unconfirmed: "Please confirm your email address first, using the link in our email. \
                        No email? Request a new one.",
    login_awaiting_approval: "Your signup is confirmed and waits for the distributor's \
                              approval. Until then you cannot order; we will write to you as \
                              soon as your account is approved.",
    login_rejected: "The distributor did not approve your signup. Please contact your \
                     distributor.",
    login_locked: "Your company's account is locked. Please contact your distributor.",

    signup_title: "Create an account",
    signup_intro: "Register your company as a reseller. Fields not marked \"optional\" are \
                   required.",
    section_login: "Login",
    section_contact: "Contact person",
    section_company: "Company",
    section_customer_number: "Customer number at the distributor",
    customer_number_hint: "Are you a customer of the distributor already? Then enter your \
                           customer number: we match it against your postal code, and your \
                           account is active right after confirmation. We then need no bank \
                           details.",
    section_bank: "Bank details",
    bank_hint: "Without a customer number we need your bank details; the distributor then \
                reviews your signup before approving it.",
    section_partner: "Microsoft partner",
    section_terms: "Terms",
    optional: "optional",
    choose: "Please choose",

    field_password_confirmation: "Repeat password",
    field_salutation: "Salutation",
    salutations: ["Ms", "Mr", "Not specified"],
    field_first_name: "First name",
    field_last_name: "Last name",
    field_phone: "Phone",
    field_company: "Company name",
    field_street: "Street and number",
    field_postal_code: "Postal code",
    field_city: "City",
    field_country: "Country",
    countries: ["Germany", "Austria", "Switzerland"],
    field_federal_state: "Federal state",
    federal_state_hint: "Only for companies in Germany.",
    field_customer_number: "Customer number",
    field_account_holder: "Account holder",
    field_iban: "IBAN",
    field_bic: "BIC",
    field_partner_id: "Microsoft partner id (MPN id)",
    partner_id_hint: "Digits only, e.g. 1234567.",
    accept_terms: ("I accept the ", "terms and conditions", "."),
    accept_privacy: ("I have read the ", "privacy policy", "."),
    password_rules_title: "Your password needs:",
    password_rules: [
        "at least 8 characters",
        "at most 1024 characters",
        "an upper-case letter",
        "a lower-case letter",
        "a digit",
        "a special character (spaces and umlauts count too)",
        "not to be a commonly used password",
    ],
    strength: "Strength",
    strength_levels: ["very weak", "weak", "fair", "strong", "very strong"],
    signup_submit: "Create account",

    signup_sent_title: "Almost done",
    signup_sent_text: "We have sent you an email. Please open the link in it within 48 hours \
                       to confirm your email address.",
    signup_sent_hint: "No email? Look in your spam folder, or request a new one.",

    confirm_title: "Confirm your email address",
    confirm_text: "Please confirm with one click that this email address is yours.",
    confirm_button: "Confirm now",
    confirmed_active_title: "Email address confirmed",
    confirmed_active_text: "Thank you! Your account is active. You can log in now.",
    confirmed_waiting_title: "Email address confirmed",
    confirmed_waiting_text: "Thank you! The distributor now reviews your signup. You will get \
                             an email as soon as your account is approved.",
    link_problem_title: "This link no longer works",
    link_unknown: "We do not know this link. Please copy it completely from the email.",
    link_used: "This link has been used already. You can log in.",
    link_expired: "This link has expired.",
    link_superseded: "We have sent you a newer link since; please use the one from the latest \
                      email.",
    request_new_confirmation: "Request a new confirmation email",
    request_new_reset: "Request a new reset link",

    resend_title: "Send the confirmation email again",
    resend_intro: "Enter the email address you signed up with.",
    resend_submit: "Send email",
    resend_done: "If an unconfirmed signup belongs to this address, a new email is on its way.",
    too_many_requests: |minutes| {
        format!(
            "Too many requests. Please try again in {minutes} minute{}.",
            if minutes == 1 { "" } else { "s" }
        )
    },

    forgot_title: "Forgot your password",
    forgot_intro: "Enter your account's email address. We will send you a link to choose a new \
                   password.",
    forgot_submit: "Request link",
    forgot_done: "If an account belongs to this address, an email with a link is on its way. \
                  It is valid for one hour.",
    reset_title: "Choose a new password",
    reset_intro: "Afterwards you are logged out everywhere and log in with the new password.",
    field_new_password: "New password",
    reset_submit: "Save password",
    invitation_title: "Welcome to the administration",
    invitation_intro: "Choose your password; then log in with your email address and it.",
    invitation_submit: "Set password",
    reset_done_title: "Password changed",
    reset_done_text: "Your new password is in effect; all other sessions have ended.",

    approvals_title: "Signups awaiting approval",
    approvals_intro: "These resellers signed up without a customer number and confirmed their \
                      email address.",
    approvals_empty: "No signup is waiting for approval.",
    approvals_company: "Company",
    approvals_contact: "Contact",
    approvals_signed_up: "Signed up",
    approve: "Approve",
    reject: "Reject",
    approvals_decided: "This signup has been decided already.",

    terms_title: "Terms and conditions",
    terms_body: [
        "These terms govern the use of the portal by registered resellers.",
        "Orders placed through the portal are binding. Prices are exclusive of VAT.",
        "The reseller makes sure that its end-customers have accepted the vendor's cloud \
         agreement before ordering for them.",
    ],
    privacy_title: "Privacy policy",
    privacy_body: [
        "We process the details of your signup to keep your account and handle your orders.",
        "Bank details are used for billing only and are never logged.",
        "You may ask at any time what data we hold about you.",
    ],
    document_version: "Version",

    error_email_in_use: "An account with this email address exists already.",

    error_missing: "Please fill in this field.",
    error_too_long: |max| format!("Please use at most {max} characters."),
    error_control_characters: "Please leave out line breaks, tabs and control characters.",
    error_weak_password: "The password lacks:",
    error_password_mismatch: "The two passwords do not match.",
    error_phone: "Please enter a phone number with at least 6 digits, e.g. +49 30 1234567.",
    error_choice: "Please choose an entry from the list.",
    error_postal_code_format: "A postal code has 5 digits (Germany) or 4 (Austria, \
        Switzerland).",
    error_postal_code: "This postal code does not fit the chosen country (Germany: 5 digits, \
                        Austria and Switzerland: 4 digits).",
    error_iban_format: "An IBAN starts with the country code and two check digits, e.g. DE89 \
                        3704 0044 0532 0130 00.",
    error_iban_country: "There are no IBANs with this country code.",
    error_iban_country_format: "Length or layout do not fit an IBAN of this country.",
    error_iban_checksum: "The check digits do not match: please look for a typo in the IBAN.",
    error_bic: "A BIC has 8 or 11 characters, e.g. COBADEFFXXX.",
    error_partner_id: "The partner id has 6 to 10 digits.",
    error_location_mpn: "The location MPN has exactly 7 digits.",
    error_microsoft_id: "The Microsoft id is a GUID like 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
    error_customer_number: "The customer number has 5 to 10 digits.",
    error_customer_number_not_confirmed: "We cannot confirm this customer number with this \
        postal code. Please check both, or leave the field empty and enter your bank details.",
    error_customer_number_listed: "This customer number is in the registry already. \
        Open it in the list to change it.",
    error_must_accept: "Please agree to continue.",
    error_prefix_characters: "Letters (a–z) and digits only, no spaces, special characters or \
                              umlauts.",
    error_prefix_taken: "This prefix is already taken.",
    error_domain_in_use: "Kontor already has a customer with this domain. If it is yours, \
        please contact us.",
    error_domain: "Please enter a domain such as muster-it.de or muster.onmicrosoft.com.",
    error_date: "Please enter a date such as 23/11/2026.",
    error_date_in_future: "The date must not be in the future.",
    error_date_too_early: "The cloud agreement has only existed since 22 March 2019.",
    error_end_before_start: "The end must come after the start.",
    error_only_for_maintenance: "Only the kind \"Maintenance\" has a maintenance window.",
    error_seats: |super::products::SeatRange { min, max }| {
        format!("Please enter a whole number from {min} to {max}.")
    },
    error_price_format: "Please enter an amount in euros, German style: 12,50 or 1.234,50.",
    error_price_too_high: "At most €1,000,000.00 per unit.",
    error_once_with_subscription: "A one-time price is for perpetual licences only: please \
        enter either a one-time price or monthly/annual prices.",
    error_sku: "At most 40 characters: letters, digits, \"-\", \"_\", \".\" and \":\".",
    error_sku_taken: "A product with this SKU exists already.",
    error_slug: "Lower-case letters and digits, words joined by hyphens (like \
        \"microsoft-csp\"), at most 40 characters.",
    error_slug_taken: "A category with this short name exists already.",
    error_unknown_products: |skus| format!("The catalogue has no products with these SKUs: {skus}"),
    error_addon_of_itself: "A product cannot be an add-on to itself.",
    error_addon_of_addon: |skus| {
        format!("These products are add-ons themselves and cannot have add-ons: {skus}")
    },
    error_addon_with_addons: "This product has add-ons of its own, so it cannot be one.",
    error_category_cycle: "A category cannot be placed below itself or one of its \
        subcategories.",
    error_tenant_not_ready: "This customer has no ready Microsoft tenant yet.",
    error_agreement_missing: "This customer has not accepted the cloud agreement yet.",
    #[cfg(feature = "ssr")]
    mail: AccountMailTexts {
        confirm_subject: "Please confirm your email address",
        confirm_text: "thank you for signing up with Kontor. Please confirm your email address \
                       with the link below.",
        confirm_action: "Confirm email address",
        confirm_expiry: "The link is valid for 48 hours and works once.",
        exists_subject: "You already have an account",
        exists_text: "someone tried to create a new Kontor account with this email address. \
                      An account with this address exists already.",
        exists_action: "Log in",
        exists_reset: "If you have forgotten your password, you can reset it on the login page. \
                       If this was not you, you can ignore this email.",
        approved_subject: "Your account is approved",
        approved_text: "the distributor has approved your signup. You can log in and order \
                        from now on.",
        approved_action: "Log in",
        rejected_subject: "Your signup",
        rejected_text: "unfortunately the distributor did not approve your signup. If you have \
                        questions, please contact your distributor.",
        vouched_subject: |company| format!("New reseller account by customer number: {company}"),
        vouched_text: |NewAccount {
                           company,
                           number,
                           email,
                       }| {
            format!(
                "{company} signed up with the customer number {number} and confirmed the address \
            {email}; the account is active without anyone having checked it. Kontor takes \
            larger orders only once you confirm the account. If the customer does not know \
            of the signup, lock it."
            )
        },
        vouched_action: "View the account",
        opened_subject: "New reseller account under your customer number",
        opened_text: |NewAccount {
                          company: number,
                          number: company,
                          email,
                      }| {
            format!(
                "a reseller account was just opened in the portal under your customer number \
            {number}: {company}, login {email}."
            )
        },
        opened_not_you: "If this was not you, please tell us at once: we lock the account \
       before anything is ordered through it.",
        reset_subject: "Reset your password",
        reset_text: "You asked for a link to reset your password. It is valid for one hour and \
                     works once.",
        reset_action: "Choose a new password",
        ignore: "Did not ask for this? Then you can ignore this email.",
        invitation_subject: "Invitation to the Kontor administration",
        invitation_text: |by| {
            format!(
                "{by} invites you to the administration of the reseller portal. Choose your \
            password through the following link; it is valid for seven days and once."
            )
        },
        invitation_action: "Choose a password",
    },
};
