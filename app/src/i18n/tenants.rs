//! The catalogue's texts for a customer's Microsoft tenant: `Texts::tenants`.

use kontor_domain::{TenantBrief, TenantFailure, TenantStatus};

pub struct TenantTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub field_prefix: &'static str,
    pub prefix_hint: &'static str,
    pub prefix_free: fn(&str) -> String,
    pub prefix_taken: &'static str,
    pub suggestions_intro: &'static str,
    pub prefix_unchecked: &'static str,
    pub submit: &'static str,
    pub field_use_existing: &'static str,
    pub use_existing_hint: &'static str,
    pub field_domain: &'static str,
    pub domain_hint: &'static str,
    pub provider_unavailable: &'static str,
    pub status_invited: &'static str,
    pub status_authorised: &'static str,
    pub resend: &'static str,
    #[cfg(feature = "ssr")]
    pub mail_invitation: super::InvitationMailTexts,

    pub domain_label: &'static str,
    pub status_waiting: &'static str,
    pub status_creating: &'static str,
    pub status_ready: &'static str,
    pub failed_prefix_taken: &'static str,
    pub failed_unavailable: &'static str,
    pub failed_refused: &'static str,
    pub retry: &'static str,
    pub admin_user: &'static str,
    pub initial_password: &'static str,
    pub password_once: &'static str,
    pub acknowledge: &'static str,
    pub password_forgotten: &'static str,
    pub password_unreadable: &'static str,

    pub summary_title: &'static str,
    pub summary_none: &'static str,
    pub summary_in_progress: &'static str,
    pub summary_ready: &'static str,
    pub summary_failed: &'static str,
    pub summary_prefix_lost: &'static str,
    pub summary_invited: &'static str,
    pub summary_authorised: &'static str,
}

pub static DE: TenantTexts = TenantTexts {
    title: "Einstellungen für weitere Dienste",
    intro: "Für einen Office-365-Neukunden legt Kontor einen Microsoft-Tenant an. Das \
            Domänenpräfix wird zum Benutzernamen im Admin Center und muss weltweit eindeutig \
            sein – etwa der Firmenname, klein und zusammengeschrieben.",
    field_prefix: "Domänenpräfix",
    prefix_hint: "Nur Buchstaben und Ziffern, höchstens 27 Zeichen.",
    prefix_free: |domain| format!("{domain} ist frei."),
    prefix_taken: "Bereits vergeben.",
    suggestions_intro: "Diese Präfixe sind frei:",
    prefix_unchecked: "Die Verfügbarkeit lässt sich gerade nicht prüfen; beim Absenden wird \
                       erneut geprüft.",
    submit: "Einrichten",
    field_use_existing: "Microsoft-Domäne verwenden",
    use_existing_hint: "Ankreuzen, wenn der Kunde Office 365 schon nutzt: Dann hat er einen \
                        Tenant, und Kontor lädt ihn ein, Sie als Partner zu autorisieren.",
    field_domain: "Standarddomäne des Kunden",
    domain_hint: "Die Domäne, die im Admin Center des Kunden unter Setup → Domänen als \
                  (Standard) gekennzeichnet ist – nicht unbedingt die onmicrosoft-Domäne.",
    provider_unavailable: "Der Anbieter ist gerade nicht erreichbar; es wurde nichts \
                           gespeichert. Bitte versuchen Sie es in ein paar Minuten erneut.",
    status_invited: "Einladung gesendet. Sobald der Kunde sich über den Link anmeldet und \
                     „CSP autorisieren“ bestätigt, sind Sie sein Partner.",
    status_authorised: "Der Kunde hat Sie als Partner autorisiert.",
    resend: "Einladung erneut senden",
    #[cfg(feature = "ssr")]
    mail_invitation: super::InvitationMailTexts {
        subject: |reseller| format!("{reseller} bittet um Ihre Autorisierung"),
        text: |super::Invitation { reseller, domain }| {
            format!(
                "{reseller} möchte Ihre Microsoft-Lizenzen für {domain} als Partner betreuen. \
                 Dazu bestätigen Sie die Partnerschaft und die delegierte Administration beim \
                 Anbieter."
            )
        },
        action: "Partnerschaft bestätigen",
        steps: "Melden Sie sich über den Link mit den Zugangsdaten eines globalen \
                                Administrators an und bestätigen Sie mit „CSP autorisieren“.",
    },

    domain_label: "Domäne:",
    status_waiting: "Der Tenant ist reserviert und wird gleich beim Anbieter angelegt …",
    status_creating: "Der Anbieter richtet den Tenant ein. Das dauert einen kurzen Moment …",
    status_ready: "Der Tenant ist bereit.",
    failed_prefix_taken: "Das Präfix wurde inzwischen beim Anbieter vergeben. Bitte wählen Sie \
                          ein anderes.",
    failed_unavailable: "Der Anbieter war nicht erreichbar; der Tenant wurde noch nicht \
                         angelegt. Versuchen Sie es erneut.",
    failed_refused: "Der Anbieter hat die Anlage abgelehnt. Bitte prüfen Sie die Kundendaten \
                     und versuchen Sie es erneut.",
    retry: "Erneut versuchen",
    admin_user: "Benutzername im Admin Center",
    initial_password: "Erstkennwort",
    password_once: "Notieren Sie das Erstkennwort jetzt: Nach der Bestätigung löscht Kontor \
                    es endgültig.",
    acknowledge: "Notiert – Kennwort löschen",
    password_forgotten: "gelöscht, nachdem Sie es notiert haben",
    password_unreadable: "Kontor kann es nicht entschlüsseln: Der Schlüssel dieser Installation \
        ist nicht der, mit dem es gespeichert wurde. Setzen Sie das Kennwort im Admin Center \
        zurück, oder bitten Sie uns, den Schlüssel zu prüfen.",

    summary_title: "Microsoft-Tenant",
    summary_none: "Noch kein Tenant eingerichtet.",
    summary_in_progress: "wird angelegt",
    summary_ready: "bereit",
    summary_failed: "Anlage fehlgeschlagen",
    summary_prefix_lost: "Präfix vergeben, bitte ein neues wählen",
    summary_invited: "eingeladen, Autorisierung steht aus",
    summary_authorised: "autorisiert",
};

pub static EN: TenantTexts = TenantTexts {
    title: "Settings for further services",
    intro: "For a customer new to Office 365, Kontor creates a Microsoft tenant. The domain \
            prefix becomes the user name in the admin centre and must be unique worldwide – \
            for example the company name, in lower case and without spaces.",
    field_prefix: "Domain prefix",
    prefix_hint: "Letters and digits only, at most 27 characters.",
    prefix_free: |domain| format!("{domain} is free."),
    prefix_taken: "Already taken.",
    suggestions_intro: "These prefixes are free:",
    prefix_unchecked: "Availability cannot be checked right now; it is checked again when you \
                       submit.",
    submit: "Set up",
    field_use_existing: "Use a Microsoft domain",
    use_existing_hint: "Tick this if the customer already uses Office 365: they have a tenant, \
                        and Kontor invites them to authorise you as their partner.",
    field_domain: "Customer's default domain",
    domain_hint: "The domain marked (Default) under Setup → Domains in the customer's admin \
                  centre – not necessarily the onmicrosoft domain.",
    provider_unavailable: "The provider cannot be reached right now; nothing was saved. Please \
                           try again in a few minutes.",
    status_invited: "Invitation sent. As soon as the customer signs in through the link and \
                     confirms “CSP autorisieren”, you are their partner.",
    status_authorised: "The customer has authorised you as their partner.",
    resend: "Send the invitation again",
    #[cfg(feature = "ssr")]
    mail_invitation: super::InvitationMailTexts {
        subject: |reseller| format!("{reseller} asks for your authorisation"),
        text: |super::Invitation { reseller, domain }| {
            format!(
                "{reseller} would like to look after your Microsoft licences for {domain} as your \
                 partner. To agree, confirm the partnership and delegated administration at the \
                 provider."
            )
        },
        action: "Confirm the partnership",
        steps: "Sign in through the link with a global administrator's account and \
                                confirm with “CSP autorisieren”.",
    },

    domain_label: "Domain:",
    status_waiting: "The tenant is reserved and will be created at the provider shortly …",
    status_creating: "The provider is setting up the tenant. This takes a moment …",
    status_ready: "The tenant is ready.",
    failed_prefix_taken: "The prefix was taken at the provider in the meantime. Please choose \
                          another one.",
    failed_unavailable: "The provider could not be reached; the tenant has not been created \
                         yet. Please try again.",
    failed_refused: "The provider refused to create the tenant. Please check the customer's \
                     details and try again.",
    retry: "Try again",
    admin_user: "Admin centre user name",
    initial_password: "Initial password",
    password_once: "Note the initial password now: once you confirm, Kontor deletes it for \
                    good.",
    acknowledge: "Noted – delete the password",
    password_forgotten: "deleted after you noted it",
    password_unreadable: "Kontor cannot decrypt it: this installation's key is not the one it \
        was stored with. Reset the password in the admin centre, or ask us to check the key.",

    summary_title: "Microsoft tenant",
    summary_none: "No tenant set up yet.",
    summary_in_progress: "being created",
    summary_ready: "ready",
    summary_failed: "creation failed",
    summary_prefix_lost: "prefix taken, please choose a new one",
    summary_invited: "invited, authorisation pending",
    summary_authorised: "authorised",
};

impl TenantTexts {
    /// "domain – state", in the reader's language.
    pub fn describe(&self, tenant: &TenantBrief) -> String {
        let state = match (tenant.status, tenant.failure) {
            (_, Some(TenantFailure::PrefixTaken)) => self.summary_prefix_lost,
            (TenantStatus::Ready, _) => self.summary_ready,
            (TenantStatus::Invited, _) => self.summary_invited,
            (TenantStatus::Authorised, _) => self.summary_authorised,
            (TenantStatus::Failed, _) => self.summary_failed,
            (TenantStatus::Waiting | TenantStatus::Creating, _) => self.summary_in_progress,
        };
        format!("{} – {state}", tenant.domain)
    }
}
