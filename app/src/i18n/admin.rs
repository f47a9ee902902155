//! The texts of the distributor's administration: `Texts::admin`.

type Count = fn(i64) -> String;

pub struct AdminTexts {
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub nav_resellers: &'static str,
    pub nav_announcements: &'static str,
    pub nav_contacts: &'static str,
    pub nav_orders: &'static str,
    pub nav_staff: &'static str,
    pub own_account: &'static str,
    pub staff_title: &'static str,
    pub staff_intro: &'static str,
    pub staff_since: &'static str,
    pub staff_active: &'static str,
    pub staff_invited: &'static str,
    pub staff_deactivate: &'static str,
    pub staff_invite_title: &'static str,
    pub staff_language: &'static str,
    pub staff_invite: &'static str,
    pub orders_title: &'static str,
    pub orders_intro: &'static str,
    pub orders_none: &'static str,
    /// Refused, unreachable: short, for staff.
    pub failures: [&'static str; 2],
    pub retry: &'static str,
    pub resellers_title: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_submit: &'static str,
    pub filter_status: &'static str,
    pub filter_all: &'static str,
    /// In the order of `ResellerStanding::ALL`.
    pub standings: [&'static str; 5],
    pub column_company: &'static str,
    pub column_place: &'static str,
    pub column_customer_number: &'static str,
    pub column_email: &'static str,
    pub column_status: &'static str,
    pub column_signed_up: &'static str,
    pub count: Count,
    pub empty: &'static str,
    pub back_to_list: &'static str,
    pub company_title: &'static str,
    pub field_address: &'static str,
    pub field_customer_number: &'static str,
    pub field_partner_id: &'static str,
    pub field_location_mpn: &'static str,
    pub field_signed_up: &'static str,
    pub field_locked_at: &'static str,
    pub field_customers: &'static str,
    pub field_orders: &'static str,
    pub none: &'static str,
    pub users_title: &'static str,
    pub column_name: &'static str,
    pub column_phone: &'static str,
    pub column_role: &'static str,
    /// Distributor admin, reseller admin, reseller staff.
    pub roles: [&'static str; 3],
    pub user_deactivated: &'static str,
    pub decide_title: &'static str,
    pub lock: &'static str,
    pub unlock: &'static str,
    pub lock_hint: &'static str,
    pub unlock_hint: &'static str,
    pub confirm_account: &'static str,
    pub confirm_hint: fn(&str) -> String,
    pub audit_approved: &'static str,
    pub audit_confirmed: &'static str,
    pub audit_rejected: &'static str,
    pub audit_locked: &'static str,
    pub audit_unlocked: &'static str,
    pub audit_invited: fn(&str) -> String,
    pub audit_deactivated: fn(&str) -> String,
}

pub const DE: AdminTexts = AdminTexts {
    nav_label: "Bereiche der Verwaltung",
    nav_overview: "Übersicht",
    nav_resellers: "Reseller",
    nav_announcements: "Mitteilungen",
    nav_contacts: "Ansprechpartner",
    nav_orders: "Bestellungen",
    nav_staff: "Mitarbeiter",
    own_account: "Ihr eigenes Konto können Sie nicht deaktivieren.",
    staff_title: "Mitarbeiter des Distributors",
    staff_intro: "Wer die Verwaltung benutzt. Eingeladene legen ihr Kennwort über den Link in \
        der Einladung fest (sieben Tage gültig; danach hilft „Kennwort vergessen“). \
        Deaktivieren beendet sofort alle Sitzungen des Kontos.",
    staff_since: "Seit",
    staff_active: "Aktiv",
    staff_invited: "Eingeladen",
    staff_deactivate: "Deaktivieren",
    staff_invite_title: "Mitarbeiter einladen",
    staff_language: "Sprache der E-Mails",
    staff_invite: "Einladung senden",
    orders_title: "Alle Bestellungen",
    orders_intro: "Die Bestellungen aller Reseller, die neuesten zuerst. Ist eine \
        Bereitstellung fehlgeschlagen, stoßen Sie sie hier erneut an – mit derselben \
        Anfrage-ID, sodass der Anbieter nichts doppelt anlegt.",
    orders_none: "Noch hat kein Reseller bestellt.",
    failures: ["Vom Anbieter abgelehnt", "Anbieter nicht erreichbar"],
    retry: "Erneut bereitstellen",
    resellers_title: "Reseller",
    search_label: "Reseller suchen",
    search_hint: "Firma, Kundennummer, PLZ, Ort oder E-Mail-Adresse",
    search_submit: "Suchen",
    filter_status: "Status",
    filter_all: "Alle",
    standings: [
        "Wartet auf E-Mail-Bestätigung",
        "Wartet auf Freigabe",
        "Aktiv",
        "Abgelehnt",
        "Gesperrt",
    ],
    column_company: "Firma",
    column_place: "Ort",
    column_customer_number: "Kundennummer",
    column_email: "E-Mail",
    column_status: "Status",
    column_signed_up: "Registriert am",
    count: |n| match n {
        1 => "1 Reseller".to_owned(),
        n => format!("{n} Reseller"),
    },
    empty: "Keine Reseller gefunden.",
    back_to_list: "Zurück zur Liste",
    company_title: "Firma",
    field_address: "Anschrift",
    field_customer_number: "Kundennummer",
    field_partner_id: "MPN (Registrierung)",
    field_location_mpn: "Standort-MPN",
    field_signed_up: "Registriert am",
    field_locked_at: "Gesperrt seit",
    field_customers: "Kunden",
    field_orders: "Bestellungen",
    none: "–",
    users_title: "Benutzer",
    column_name: "Name",
    column_phone: "Telefon",
    column_role: "Rolle",
    roles: ["Distributor-Admin", "Reseller-Admin", "Mitarbeiter"],
    user_deactivated: "deaktiviert",
    decide_title: "Konto",
    lock: "Sperren",
    unlock: "Entsperren",
    lock_hint: "Sperren beendet sofort alle Sitzungen der Benutzer dieses Resellers; bis zum \
                Entsperren kann sich niemand von ihm anmelden.",
    unlock_hint: "Nach dem Entsperren können sich die Benutzer wieder anmelden.",
    confirm_account: "Konto bestätigen",
    confirm_hint: |limit| {
        format!(
            "Nur über die Kundennummer freigeschaltet, ohne dass jemand von uns das Konto \
             geprüft hat: Bestellungen über {limit} netto nimmt Kontor erst an, wenn Sie es \
             bestätigen."
        )
    },
    audit_approved: "Registrierung freigegeben",
    audit_confirmed: "Konto bestätigt (über die Kundennummer freigeschaltet)",
    audit_rejected: "Registrierung abgelehnt",
    audit_locked: "Konto gesperrt",
    audit_unlocked: "Konto entsperrt",
    audit_invited: |email| format!("{email} in die Verwaltung eingeladen"),
    audit_deactivated: |email| format!("Konto {email} deaktiviert"),
};

pub const EN: AdminTexts = AdminTexts {
    nav_label: "Areas of the administration",
    nav_overview: "Overview",
    nav_resellers: "Resellers",
    nav_announcements: "Announcements",
    nav_contacts: "Contacts",
    nav_orders: "Orders",
    nav_staff: "Staff",
    own_account: "You cannot deactivate your own account.",
    staff_title: "The distributor's staff",
    staff_intro: "Who uses the administration. Invited people choose their password through \
        the link in the invitation (valid seven days; after that \"Forgot password\" helps). \
        Deactivating ends every session of the account at once.",
    staff_since: "Since",
    staff_active: "Active",
    staff_invited: "Invited",
    staff_deactivate: "Deactivate",
    staff_invite_title: "Invite a colleague",
    staff_language: "Language of the emails",
    staff_invite: "Send invitation",
    orders_title: "All orders",
    orders_intro: "Every reseller's orders, newest first. If provisioning failed, start it \
        again here – under the same request id, so the provider creates nothing twice.",
    orders_none: "No reseller has ordered yet.",
    failures: ["Refused by the provider", "Provider unreachable"],
    retry: "Provision again",
    resellers_title: "Resellers",
    search_label: "Search resellers",
    search_hint: "Company, customer number, postal code, city or email address",
    search_submit: "Search",
    filter_status: "Status",
    filter_all: "All",
    standings: [
        "Waiting for email confirmation",
        "Waiting for approval",
        "Active",
        "Rejected",
        "Locked",
    ],
    column_company: "Company",
    column_place: "City",
    column_customer_number: "Customer number",
    column_email: "Email",
    column_status: "Status",
    column_signed_up: "Signed up",
    count: |n| match n {
        1 => "1 reseller".to_owned(),
        n => format!("{n} resellers"),
    },
    empty: "No resellers found.",
    back_to_list: "Back to the list",
    company_title: "Company",
    field_address: "Address",
    field_customer_number: "Customer number",
    field_partner_id: "MPN (signup)",
    field_location_mpn: "Location MPN",
    field_signed_up: "Signed up",
    field_locked_at: "Locked since",
    field_customers: "Customers",
    field_orders: "Orders",
    none: "–",
    users_title: "Users",
    column_name: "Name",
    column_phone: "Phone",
    column_role: "Role",
    roles: ["Distributor admin", "Reseller admin", "Staff"],
    user_deactivated: "deactivated",
    decide_title: "Account",
    lock: "Lock",
    unlock: "Unlock",
    lock_hint: "Locking ends every session of this reseller's users at once; nobody of it can \
                log in until it is unlocked.",
    unlock_hint: "After unlocking, its users can log in again.",
    confirm_account: "Confirm account",
    confirm_hint: |limit| {
        format!(
            "Activated by its customer number alone, without anyone of us checking the \
             account: Kontor takes orders above {limit} net only once you confirm it."
        )
    },
    audit_approved: "Signup approved",
    audit_confirmed: "Account confirmed (activated by customer number)",
    audit_rejected: "Signup rejected",
    audit_locked: "Account locked",
    audit_unlocked: "Account unlocked",
    audit_invited: |email| format!("Invited {email} to the administration"),
    audit_deactivated: |email| format!("Deactivated the account {email}"),
};

impl AdminTexts {
    pub fn standing(&self, standing: kontor_domain::ResellerStanding) -> &'static str {
        use kontor_domain::{ResellerStanding, ResellerStatus};
        match standing {
            ResellerStanding::Status(ResellerStatus::Unconfirmed) => self.standings[0],
            ResellerStanding::Status(ResellerStatus::AwaitingApproval) => self.standings[1],
            ResellerStanding::Status(ResellerStatus::Active) => self.standings[2],
            ResellerStanding::Status(ResellerStatus::Rejected) => self.standings[3],
            ResellerStanding::Locked => self.standings[4],
        }
    }

    pub fn failure(&self, failure: kontor_domain::OrderFailure) -> &'static str {
        use kontor_domain::OrderFailure;
        match failure {
            OrderFailure::Refused => self.failures[0],
            OrderFailure::Unreachable => self.failures[1],
        }
    }

    pub fn role(&self, role: kontor_domain::Role) -> &'static str {
        use kontor_domain::Role;
        match role {
            Role::Admin => self.roles[0],
            Role::ResellerAdmin => self.roles[1],
            Role::ResellerStaff => self.roles[2],
        }
    }
}
