//! The catalogue's texts for the cloud agreement: `Texts::agreements`.

type Text1 = fn(&str) -> String;

text_args! {
    AcceptedOnBy { date, name }
    Recipient { name, email }
    LinkSent { sent, until }
    Signer { signer, email }
    Attestation { signer, email, date }
    AgreementParties { reseller, company }
    Acceptance { company, signer, at }
    #[cfg(feature = "ssr")]
    AcceptedBy { company, signer }
    AskReseller { company, reach }
}

pub struct AgreementTexts {
    pub title: &'static str,
    pub open_page: &'static str,
    pub status_accepted: &'static str,
    pub status_open: &'static str,
    pub status_accepted_long: &'static str,
    pub status_open_long: &'static str,
    pub accepted_on_by: fn(AcceptedOnBy<'_>) -> String,
    pub order_blocked: &'static str,
    pub already_accepted: &'static str,
    pub link_unusable: &'static str,

    pub overview_intro: &'static str,
    pub filter_only_open: &'static str,
    pub filter_submit: &'static str,
    pub none_open: &'static str,
    pub count: fn(i64) -> String,
    pub column_status: &'static str,
    pub column_accepted: &'static str,

    pub signer: &'static str,
    pub accepted_at: &'static str,
    pub version: &'static str,
    pub method: &'static str,
    pub method_link: Text1,
    pub method_attested: Text1,
    pub report: &'static str,
    pub report_pending: &'static str,
    pub report_done: Text1,
    pub report_failed: &'static str,

    pub send_title: &'static str,
    pub send_intro: fn(Recipient<'_>) -> String,
    pub link_open: fn(LinkSent<'_>) -> String,
    pub send: &'static str,
    pub send_again: &'static str,

    pub attest_title: &'static str,
    pub attest_intro: &'static str,
    pub field_first_name: &'static str,
    pub field_last_name: &'static str,
    pub field_email: &'static str,
    pub field_date: &'static str,
    pub date_hint: &'static str,
    pub attest_label: Text1,
    pub attest_submit: &'static str,

    pub history_title: &'static str,
    pub history_when: &'static str,
    pub history_who: &'static str,
    pub history_what: &'static str,
    pub audit_sent: Text1,
    pub audit_accepted: fn(Signer<'_>) -> String,
    pub audit_attested: fn(Attestation<'_>) -> String,
    pub audit_reported: &'static str,

    pub public_title: &'static str,
    pub public_heading: Text1,
    pub public_intro: fn(AgreementParties<'_>) -> String,
    pub public_version: Text1,
    pub accept_label: Text1,
    pub accept_submit: &'static str,
    pub public_accepted_title: &'static str,
    pub public_accepted_text: fn(Acceptance<'_>) -> String,
    pub link_problem_title: &'static str,
    pub link_unknown: &'static str,
    pub link_expired: &'static str,
    pub link_superseded: &'static str,
    pub link_used: &'static str,
    pub ask_reseller: fn(AskReseller<'_>) -> String,
    pub ask_reseller_unknown: &'static str,
    /// What only mails say: kept out of the browser bundle.
    #[cfg(feature = "ssr")]
    pub mail: AgreementMailTexts,
}

/// What the mails of `AgreementTexts` say.
#[cfg(feature = "ssr")]
pub struct AgreementMailTexts {
    pub link_subject: Text1,
    pub link_text: fn(AgreementParties<'_>) -> String,
    pub link_action: &'static str,
    pub link_expiry: Text1,
    pub accepted_subject: Text1,
    pub accepted_text: fn(AcceptedBy<'_>) -> String,
    pub accepted_action: &'static str,
}

pub static DE: AgreementTexts = AgreementTexts {
    title: "Cloud-Vereinbarung",
    open_page: "Cloud-Vereinbarung öffnen",
    status_accepted: "Akzeptiert",
    status_open: "Nicht akzeptiert",
    status_accepted_long: "Die Cloud-Vereinbarung ist akzeptiert. Für diesen Kunden kann bestellt \
                           werden.",
    status_open_long: "Die Cloud-Vereinbarung ist noch nicht akzeptiert. Bis dahin können für \
                       diesen Kunden keine Lizenzen bestellt werden.",
    accepted_on_by: |AcceptedOnBy { date, name }| format!("am {date} von {name}"),
    order_blocked: "Bis dahin können keine Lizenzen bestellt werden.",
    already_accepted: "Die Cloud-Vereinbarung ist für diesen Kunden bereits akzeptiert.",
    link_unusable: "Dieser Link funktioniert nicht mehr.",

    overview_intro: "Jeder Endkunde muss die Cloud-Vereinbarung akzeptieren, bevor Lizenzen für \
                     ihn bestellt werden können. Rot markierte Kunden haben das noch nicht getan.",
    filter_only_open: "Nur nicht akzeptierte (rote) Kunden",
    filter_submit: "Anzeigen",
    none_open: "Alle Kunden haben die Cloud-Vereinbarung akzeptiert.",
    count: |n| match n {
        1 => "1 Kunde".to_owned(),
        n => format!("{} Kunden", super::format_number(n, super::Locale::De)),
    },
    column_status: "Status",
    column_accepted: "Akzeptiert",

    signer: "Akzeptiert durch",
    accepted_at: "Akzeptiert am",
    version: "Fassung",
    method: "Weg",
    method_link: |ip| format!("über den per E-Mail gesendeten Link (IP-Adresse {ip})"),
    method_attested: |user| format!("manuell bestätigt von {user}"),
    report: "Meldung an Microsoft",
    report_pending: "ausstehend – wird übermittelt, sobald der Tenant des Kunden bereit ist",
    report_done: |at| format!("übermittelt am {at}"),
    report_failed: "vom Anbieter abgelehnt – bitte wenden Sie sich an den Distributor",

    send_title: "Per E-Mail senden",
    send_intro: |Recipient { name, email }| {
        format!(
            "Der Kunde erhält einen Link an {name} <{email}>, über den er die Vereinbarung selbst \
             akzeptiert. Der Link ist 14 Tage gültig und nur einmal verwendbar; ein neuer Link \
             ersetzt den alten."
        )
    },
    link_open: |LinkSent { sent, until }| {
        format!("Zuletzt gesendet am {sent}, gültig bis {until}.")
    },
    send: "Vereinbarung senden",
    send_again: "Erneut senden",

    attest_title: "Manuell bestätigen",
    attest_intro: "Hat der Kunde die Vereinbarung auf anderem Weg akzeptiert, erfassen Sie hier, \
                   wer sie wann unterzeichnet hat. Der Kunde ist dann sofort freigeschaltet.",
    field_first_name: "Vorname",
    field_last_name: "Nachname",
    field_email: "E-Mail-Adresse",
    field_date: "Datum der Annahme",
    date_hint: "Nicht in der Zukunft.",
    attest_label: |company| {
        format!(
            "Ich bestätige, dass {company} die Cloud-Vereinbarung an diesem Tag durch die genannte \
             Person akzeptiert hat und dass dies nachgewiesen werden kann."
        )
    },
    attest_submit: "Manuell bestätigen",

    history_title: "Verlauf",
    history_when: "Zeitpunkt",
    history_who: "Durch",
    history_what: "Vorgang",
    audit_sent: |to| format!("Vereinbarung per E-Mail an {to} gesendet"),
    audit_accepted: |Signer { signer, email }| {
        format!("Über den Link akzeptiert von {signer} <{email}>")
    },
    audit_attested: |Attestation {
                         signer,
                         email,
                         date,
                     }| {
        format!("Manuell bestätigt: akzeptiert von {signer} <{email}> am {date}")
    },
    audit_reported: "An Microsoft übermittelt",

    public_title: "Cloud-Vereinbarung akzeptieren",
    public_heading: |company| format!("Cloud-Vereinbarung für {company}"),
    public_intro: |AgreementParties { reseller, company }| {
        format!(
            "{reseller} stellt {company} Microsoft-Cloud-Dienste bereit. Bitte lesen Sie die \
             Vereinbarung und akzeptieren Sie sie im Namen Ihres Unternehmens."
        )
    },
    public_version: |version| format!("Fassung {version}"),
    accept_label: |company| {
        format!("Ich akzeptiere die Cloud-Vereinbarung im Namen von {company}.")
    },
    accept_submit: "Vereinbarung akzeptieren",
    public_accepted_title: "Vielen Dank",
    public_accepted_text: |Acceptance {
                               company,
                               signer,
                               at,
                           }| {
        format!("Die Cloud-Vereinbarung für {company} wurde am {at} von {signer} akzeptiert.")
    },
    link_problem_title: "Dieser Link funktioniert nicht mehr",
    link_unknown: "Dieser Link ist nicht bekannt; vielleicht wurde er beim Kopieren gekürzt.",
    link_expired: "Dieser Link ist abgelaufen (er galt 14 Tage).",
    link_superseded: "Inzwischen wurde ein neuerer Link gesendet; bitte verwenden Sie den aus \
                      der neuesten E-Mail.",
    link_used: "Dieser Link wurde bereits verwendet.",
    ask_reseller: |AskReseller { company, reach }| {
        if reach.is_empty() {
            format!("Einen neuen Link erhalten Sie von {company}.")
        } else {
            format!("Einen neuen Link erhalten Sie von {company} ({reach}).")
        }
    },
    ask_reseller_unknown: "Einen neuen Link erhalten Sie von Ihrem IT-Fachhändler.",
    #[cfg(feature = "ssr")]
    mail: AgreementMailTexts {
        link_subject: |company| format!("Cloud-Vereinbarung für {company} – bitte akzeptieren"),
        link_text: |AgreementParties { reseller, company }| {
            format!(
                "{reseller} stellt {company} Microsoft-Cloud-Dienste bereit. Bevor Lizenzen bestellt \
            werden können, muss Ihr Unternehmen die Cloud-Vereinbarung akzeptieren. Über den \
            folgenden Link lesen Sie die Vereinbarung und akzeptieren sie."
            )
        },
        link_action: "Vereinbarung lesen und akzeptieren",
        link_expiry: |until| {
            format!(
                "Der Link ist bis zum {until} gültig und kann einmal verwendet werden. Falls Sie diese \
            E-Mail nicht erwartet haben, können Sie sie ignorieren."
            )
        },
        accepted_subject: |company| format!("{company} hat die Cloud-Vereinbarung akzeptiert"),
        accepted_text: |AcceptedBy { company, signer }| {
            format!(
                "{signer} hat die Cloud-Vereinbarung für {company} akzeptiert. Sie können für diesen \
            Kunden jetzt Lizenzen bestellen."
            )
        },
        accepted_action: "Zum Kunden",
    },
};

pub static EN: AgreementTexts = AgreementTexts {
    title: "Cloud agreement",
    open_page: "Open the cloud agreement",
    status_accepted: "Accepted",
    status_open: "Not accepted",
    status_accepted_long: "The cloud agreement is accepted. Licences can be ordered for this \
                           customer.",
    status_open_long: "The cloud agreement has not been accepted yet. Until it is, no licences \
                       can be ordered for this customer.",
    accepted_on_by: |AcceptedOnBy { date, name }| format!("on {date} by {name}"),
    order_blocked: "Until then no licences can be ordered.",
    already_accepted: "This customer has accepted the cloud agreement already.",
    link_unusable: "This link no longer works.",

    overview_intro: "Every end-customer has to accept the cloud agreement before licences can \
                     be ordered for it. Customers marked red have not done so yet.",
    filter_only_open: "Only customers who have not accepted (red)",
    filter_submit: "Show",
    none_open: "Every customer has accepted the cloud agreement.",
    count: |n| match n {
        1 => "1 customer".to_owned(),
        n => format!("{} customers", super::format_number(n, super::Locale::En)),
    },
    column_status: "Status",
    column_accepted: "Accepted",

    signer: "Accepted by",
    accepted_at: "Accepted on",
    version: "Version",
    method: "How",
    method_link: |ip| format!("through the emailed link (IP address {ip})"),
    method_attested: |user| format!("confirmed manually by {user}"),
    report: "Reported to Microsoft",
    report_pending: "pending – it is sent once the customer's tenant is ready",
    report_done: |at| format!("sent on {at}"),
    report_failed: "refused by the provider – please contact the distributor",

    send_title: "Send by email",
    send_intro: |Recipient { name, email }| {
        format!(
            "The customer receives a link at {name} <{email}> to accept the agreement \
             themselves. The link is valid for 14 days and works once; a new link replaces the \
             old one."
        )
    },
    link_open: |LinkSent { sent, until }| format!("Last sent on {sent}, valid until {until}."),
    send: "Send the agreement",
    send_again: "Send again",

    attest_title: "Confirm manually",
    attest_intro: "If the customer accepted the agreement another way, record who signed it and \
                   when. The customer can order at once.",
    field_first_name: "First name",
    field_last_name: "Last name",
    field_email: "Email address",
    field_date: "Date of acceptance",
    date_hint: "Not in the future.",
    attest_label: |company| {
        format!(
            "I confirm that {company} accepted the cloud agreement on this day through the person \
             named, and that this can be proven."
        )
    },
    attest_submit: "Confirm manually",

    history_title: "History",
    history_when: "When",
    history_who: "By",
    history_what: "What",
    audit_sent: |to| format!("Agreement sent by email to {to}"),
    audit_accepted: |Signer { signer, email }| {
        format!("Accepted through the link by {signer} <{email}>")
    },
    audit_attested: |Attestation {
                         signer,
                         email,
                         date,
                     }| {
        format!("Confirmed manually: accepted by {signer} <{email}> on {date}")
    },
    audit_reported: "Reported to Microsoft",

    public_title: "Accept the cloud agreement",
    public_heading: |company| format!("Cloud agreement for {company}"),
    public_intro: |AgreementParties { reseller, company }| {
        format!(
            "{reseller} provides {company} with Microsoft cloud services. Please read the \
             agreement and accept it on behalf of your organisation."
        )
    },
    public_version: |version| format!("Version {version}"),
    accept_label: |company| format!("I accept the cloud agreement on behalf of {company}."),
    accept_submit: "Accept the agreement",
    public_accepted_title: "Thank you",
    public_accepted_text: |Acceptance {
                               company,
                               signer,
                               at,
                           }| {
        format!("The cloud agreement for {company} was accepted on {at} by {signer}.")
    },
    link_problem_title: "This link no longer works",
    link_unknown: "This link is not known; perhaps it was cut short when copied.",
    link_expired: "This link has expired (it was valid for 14 days).",
    link_superseded: "A newer link has been sent since; please use the one in the latest email.",
    link_used: "This link has been used already.",
    ask_reseller: |AskReseller { company, reach }| {
        if reach.is_empty() {
            format!("{company} can send you a new link.")
        } else {
            format!("{company} can send you a new link ({reach}).")
        }
    },
    ask_reseller_unknown: "Your IT reseller can send you a new link.",
    #[cfg(feature = "ssr")]
    mail: AgreementMailTexts {
        link_subject: |company| format!("Cloud agreement for {company} – please accept"),
        link_text: |AgreementParties { reseller, company }| {
            format!(
                "{reseller} provides {company} with Microsoft cloud services. Before licences can be \
            ordered, your organisation has to accept the cloud agreement. The link below lets \
            you read the agreement and accept it."
            )
        },
        link_action: "Read and accept the agreement",
        link_expiry: |until| {
            format!(
                "The link is valid until {until} and works once. If you did not expect this email, \
            you can ignore it."
            )
        },
        accepted_subject: |company| format!("{company} has accepted the cloud agreement"),
        accepted_text: |AcceptedBy { company, signer }| {
            format!(
                "{signer} has accepted the cloud agreement for {company}. You can now order \
            licences for this customer."
            )
        },
        accepted_action: "Go to the customer",
    },
};
