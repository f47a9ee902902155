//! The texts of "Microsoft MPN + MPA": `Texts::partner`.

type Text1 = fn(&str) -> String;

text_args! {
    MpaAcceptedBy { mpn, name }
    MpaRefused { mpn, reason }
    PartnerIds { mpn, id }
}

pub struct PartnerTexts {
    pub title: &'static str,
    pub nav: &'static str,
    pub intro: &'static str,
    pub field_mpn: &'static str,
    pub mpn_hint: &'static str,
    pub field_microsoft_id: &'static str,
    pub microsoft_id_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub mpa_title: &'static str,
    pub mpa_intro: &'static str,
    pub check_mpa: &'static str,
    pub mpa_needs_mpn: &'static str,
    pub mpa_never_checked: &'static str,
    pub mpa_accepted_by: fn(MpaAcceptedBy<'_>) -> String,
    pub mpa_accepted: Text1,
    pub mpa_not_accepted: Text1,
    pub mpa_refused: fn(MpaRefused<'_>) -> String,
    /// When the provider was last asked.
    pub mpa_checked_at: Text1,
    pub audit_saved: fn(PartnerIds<'_>) -> String,
    pub customers_title: &'static str,
    pub customers_intro: &'static str,
    pub identity_missing: &'static str,
    pub identity_link: &'static str,
    pub legend: &'static str,
    /// Green, orange, red: the icon and words that go with each colour.
    pub statuses: [&'static str; 3],
    pub never_checked: &'static str,
    pub checked_at: Text1,
    pub check_failed: Text1,
    pub recheck: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_submit: &'static str,
    pub column_customer: &'static str,
    pub column_domain: &'static str,
    pub column_status: &'static str,
    pub column_checked: &'static str,
    pub empty: &'static str,
    pub column_invited: &'static str,
    pub invite: &'static str,
    pub never_invited: &'static str,
    /// When the last invitation went out.
    pub invited_at: Text1,
    /// The customer's name.
    pub invitation_sent: Text1,
    pub audit_invited: Text1,
    #[cfg(feature = "ssr")]
    pub mail_invitation: super::InvitationMailTexts,
}

pub const DE: PartnerTexts = PartnerTexts {
    title: "Microsoft MPN + MPA",
    nav: "Microsoft-Partner",
    intro: "Hinterlegen Sie die Standort-MPN, mit der Sie das Microsoft Partner Agreement (MPA) \
            akzeptiert haben, und Ihre Microsoft-ID. Beides finden Sie im Microsoft Partner \
            Center unter „Einstellungen“ › „Partnereinstellungen“: die MPN im „Profil des \
            Handelspartners“, die Microsoft-ID unter „Azure AD-Profil“ oder „Tenants“. Mit \
            ihnen gleichen wir den Partnerstatus Ihrer Kunden ab.",
    field_mpn: "Standort-MPN",
    mpn_hint: "7 Ziffern, z. B. 1234567",
    field_microsoft_id: "Microsoft-ID",
    microsoft_id_hint: "Eine GUID, z. B. 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    save: "Speichern",
    saved: "Gespeichert.",
    mpa_title: "Microsoft Partner Agreement",
    mpa_intro: "Fragt bei Microsoft nach, ob für Ihre Standort-MPN das MPA akzeptiert ist.",
    check_mpa: "MPA prüfen",
    mpa_needs_mpn: "Bitte speichern Sie zuerst Ihre Standort-MPN.",
    mpa_never_checked: "Noch nicht geprüft.",
    mpa_accepted_by: |MpaAcceptedBy { mpn, name }| {
        format!("Das MPA ist für die MPN {mpn} ({name}) akzeptiert.")
    },
    mpa_accepted: |mpn| format!("Das MPA ist für die MPN {mpn} akzeptiert."),
    mpa_not_accepted: |mpn| {
        format!(
            "Für die MPN {mpn} ist das MPA noch nicht akzeptiert. Bitte akzeptieren Sie es im \
             Microsoft Partner Center und prüfen Sie danach erneut."
        )
    },
    mpa_refused: |MpaRefused { mpn, reason }| format!("MPN {mpn}: {reason}"),
    mpa_checked_at: |at| format!("Geprüft am {at}."),
    audit_saved: |PartnerIds { mpn, id }| {
        format!("Standort-MPN {mpn} und Microsoft-ID {id} gespeichert")
    },
    customers_title: "Microsoft-Kunden",
    customers_intro: "Ihre Kunden mit Microsoft-Tenant und ihr Partnerstatus bei Microsoft: ob \
                      der Kunde Ihnen als indirektem Vertriebspartner zugeordnet ist.",
    identity_missing: "Für den Partnerstatus brauchen wir Ihre Standort-MPN und Ihre \
                       Microsoft-ID. Bitte hinterlegen Sie beide zuerst.",
    identity_link: "Zu „Microsoft MPN + MPA“",
    legend: "Legende",
    statuses: [
        "✓ Grün – Ihnen als Vertriebspartner zugeordnet",
        "◐ Orange – einem anderen Vertriebspartner zugeordnet",
        "✗ Rot – keinem Vertriebspartner zugeordnet",
    ],
    never_checked: "Noch nicht geprüft",
    checked_at: |at| format!("Geprüft am {at}"),
    check_failed: |at| {
        format!("Prüfung am {at} fehlgeschlagen; es gilt der zuletzt bekannte Stand.")
    },
    recheck: "Vertriebspartnerschaft überprüfen",
    filter_label: "Partnerstatus",
    filter_all: "Alle",
    filter_submit: "Anzeigen",
    column_customer: "Kunde",
    column_domain: "Microsoft-Domäne",
    column_status: "Partnerstatus",
    column_checked: "Letzte Prüfung",
    empty: "Keine Kunden mit Microsoft-Tenant (in dieser Auswahl).",
    column_invited: "Letzte Einladung",
    invite: "Einladung senden",
    never_invited: "Noch keine",
    invited_at: |at| format!("Gesendet am {at}"),
    invitation_sent: |customer| {
        format!(
            "Einladung an {customer} gesendet. Sobald der Kunde bestätigt hat, prüfen Sie mit \
             „Vertriebspartnerschaft überprüfen“."
        )
    },
    audit_invited: |to| format!("Einladung als indirekter Vertriebspartner an {to} gesendet"),
    #[cfg(feature = "ssr")]
    mail_invitation: super::InvitationMailTexts {
        subject: |reseller| format!("{reseller} bittet um Bestätigung als Vertriebspartner"),
        text: |super::Invitation { reseller, domain }| {
            format!(
                "{reseller} betreut Ihre Microsoft-Lizenzen für {domain} und möchte bei Microsoft \
                 als Ihr indirekter Vertriebspartner (indirekter Reseller) eingetragen werden. \
                 Dazu bestätigen Sie die Anfrage einmal beim Anbieter."
            )
        },
        action: "Vertriebspartner bestätigen",
        steps: "Melden Sie sich über den Link mit den Zugangsdaten eines globalen \
                Administrators an und bestätigen Sie die Anfrage. An Ihren Verträgen und \
                Lizenzen ändert sich dadurch nichts.",
    },
};

pub const EN: PartnerTexts = PartnerTexts {
    title: "Microsoft MPN + MPA",
    nav: "Microsoft partner",
    intro: "Enter the location MPN with which you accepted the Microsoft Partner Agreement \
            (MPA) and your Microsoft id. Both are in Microsoft Partner Center under \
            “Settings” › “Partner settings”: the MPN in the “Reseller profile”, the Microsoft \
            id under “Azure AD profile” or “Tenants”. We match your customers' partner status \
            against them.",
    field_mpn: "Location MPN",
    mpn_hint: "7 digits, e.g. 1234567",
    field_microsoft_id: "Microsoft id",
    microsoft_id_hint: "A GUID, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    save: "Save",
    saved: "Saved.",
    mpa_title: "Microsoft Partner Agreement",
    mpa_intro: "Asks Microsoft whether the MPA is accepted for your location MPN.",
    check_mpa: "Check MPA",
    mpa_needs_mpn: "Please save your location MPN first.",
    mpa_never_checked: "Not checked yet.",
    mpa_accepted_by: |MpaAcceptedBy { mpn, name }| {
        format!("The MPA is accepted for MPN {mpn} ({name}).")
    },
    mpa_accepted: |mpn| format!("The MPA is accepted for MPN {mpn}."),
    mpa_not_accepted: |mpn| {
        format!(
            "The MPA is not accepted yet for MPN {mpn}. Please accept it in Microsoft Partner \
             Center, then check again."
        )
    },
    mpa_refused: |MpaRefused { mpn, reason }| format!("MPN {mpn}: {reason}"),
    mpa_checked_at: |at| format!("Checked on {at}."),
    audit_saved: |PartnerIds { mpn, id }| format!("Location MPN {mpn} and Microsoft id {id} saved"),
    customers_title: "Microsoft customers",
    customers_intro: "Your customers with a Microsoft tenant and their partner status at \
                      Microsoft: whether the customer is linked to you as indirect reseller.",
    identity_missing: "The partner status needs your location MPN and your Microsoft id. \
                       Please enter both first.",
    identity_link: "To “Microsoft MPN + MPA”",
    legend: "Legend",
    statuses: [
        "✓ Green – linked to you as reseller",
        "◐ Orange – linked to another reseller",
        "✗ Red – linked to no reseller",
    ],
    never_checked: "Not checked yet",
    checked_at: |at| format!("Checked on {at}"),
    check_failed: |at| format!("The check on {at} failed; the last known status stands."),
    recheck: "Check reseller relationship",
    filter_label: "Partner status",
    filter_all: "All",
    filter_submit: "Show",
    column_customer: "Customer",
    column_domain: "Microsoft domain",
    column_status: "Partner status",
    column_checked: "Last check",
    empty: "No customers with a Microsoft tenant (in this selection).",
    column_invited: "Last invitation",
    invite: "Send invitation",
    never_invited: "None yet",
    invited_at: |at| format!("Sent on {at}"),
    invitation_sent: |customer| {
        format!(
            "Invitation sent to {customer}. Once the customer has confirmed, check with “Check \
             reseller relationship”."
        )
    },
    audit_invited: |to| format!("Invitation as indirect reseller sent to {to}"),
    #[cfg(feature = "ssr")]
    mail_invitation: super::InvitationMailTexts {
        subject: |reseller| format!("{reseller} asks you to confirm them as your reseller"),
        text: |super::Invitation { reseller, domain }| {
            format!(
                "{reseller} looks after your Microsoft licences for {domain} and would like to \
                 be recorded at Microsoft as your indirect reseller. To agree, confirm the \
                 request once at the provider."
            )
        },
        action: "Confirm the reseller",
        steps: "Sign in through the link with a global administrator's account and confirm the \
                request. Your contracts and licences stay as they are.",
    },
};
