//! The texts of "Microsoft MPN + MPA": `Texts::partner`.

type Text1 = fn(&str) -> String;
type Text2 = fn(&str, &str) -> String;

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
    /// MPN, the day it was accepted.
    pub mpa_accepted_on: Text2,
    pub mpa_accepted: Text1,
    pub mpa_not_accepted: Text1,
    pub mpa_unknown_mpn: Text1,
    /// When the provider was last asked.
    pub mpa_checked_at: Text1,
    pub audit_saved: Text2,
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
    mpa_accepted_on: |mpn, date| format!("Das MPA ist für die MPN {mpn} akzeptiert, seit {date}."),
    mpa_accepted: |mpn| format!("Das MPA ist für die MPN {mpn} akzeptiert."),
    mpa_not_accepted: |mpn| {
        format!(
            "Für die MPN {mpn} ist das MPA noch nicht akzeptiert. Bitte akzeptieren Sie es im \
             Microsoft Partner Center und prüfen Sie danach erneut."
        )
    },
    mpa_unknown_mpn: |mpn| {
        format!(
            "Microsoft kennt keine Partner mit der MPN {mpn}. Bitte prüfen Sie die Standort-MPN \
             im Profil des Handelspartners."
        )
    },
    mpa_checked_at: |at| format!("Geprüft am {at}."),
    audit_saved: |mpn, id| format!("Standort-MPN {mpn} und Microsoft-ID {id} gespeichert"),
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
    mpa_accepted_on: |mpn, date| format!("The MPA is accepted for MPN {mpn}, since {date}."),
    mpa_accepted: |mpn| format!("The MPA is accepted for MPN {mpn}."),
    mpa_not_accepted: |mpn| {
        format!(
            "The MPA is not accepted yet for MPN {mpn}. Please accept it in Microsoft Partner \
             Center, then check again."
        )
    },
    mpa_unknown_mpn: |mpn| {
        format!(
            "Microsoft knows no partner with MPN {mpn}. Please check the location MPN in the \
             reseller profile."
        )
    },
    mpa_checked_at: |at| format!("Checked on {at}."),
    audit_saved: |mpn, id| format!("Location MPN {mpn} and Microsoft id {id} saved"),
};
