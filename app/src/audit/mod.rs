//! The audit log: who changed what, when. Each change is one `AuditAction` (stored as JSON),
//! written in the transaction of the change itself; pages show a customer's history.

use crate::i18n::{format_date_time, Locale};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AuditAction {
    /// The agreement link was mailed to the customer's contact.
    AgreementSent {
        to: String,
    },
    /// The customer accepted on the linked page.
    AgreementAccepted {
        signer: String,
        email: String,
        version: String,
        ip: String,
    },
    /// A reseller user recorded and attested an acceptance.
    AgreementAttested {
        signer: String,
        email: String,
        /// `2026-11-23`.
        date: String,
        version: String,
    },
    /// The provider confirmed it has recorded the acceptance.
    AgreementReported,
    /// A reseller user placed a binding order.
    OrderPlaced {
        number: String,
        name: String,
        gross_cents: i64,
    },
    /// The provider set the order up.
    OrderActive {
        number: String,
    },
    /// Provisioning the order failed for good.
    OrderFailed {
        number: String,
        reason: String,
    },
    /// A reseller user stored the location MPN and the Microsoft id.
    MicrosoftPartnerSaved {
        location_mpn: String,
        microsoft_id: String,
    },
    /// A reseller user sent the invitation to link the customer to it as indirect reseller.
    PartnerInvitationSent {
        to: String,
    },
    /// Distributor staff approved a waiting signup.
    ResellerApproved,
    /// Distributor staff rejected a waiting signup.
    ResellerRejected,
    /// Distributor staff locked the reseller's account.
    ResellerLocked,
    ResellerUnlocked,
    /// Distributor staff published (`new`) or changed an announcement.
    AnnouncementSaved {
        id: i64,
        title: String,
        new: bool,
    },
    AnnouncementDeleted {
        id: i64,
        title: String,
    },
    /// Distributor staff changed the contact block on the resellers' start page.
    ContactAdded {
        team: String,
    },
    ContactDeleted {
        team: String,
    },
}

impl AuditAction {
    /// The short name stored next to the JSON, for queries and reports.
    pub fn code(&self) -> &'static str {
        match self {
            AuditAction::AgreementSent { .. } => "agreement_sent",
            AuditAction::AgreementAccepted { .. } => "agreement_accepted",
            AuditAction::AgreementAttested { .. } => "agreement_attested",
            AuditAction::AgreementReported => "agreement_reported",
            AuditAction::OrderPlaced { .. } => "order_placed",
            AuditAction::OrderActive { .. } => "order_active",
            AuditAction::OrderFailed { .. } => "order_failed",
            AuditAction::MicrosoftPartnerSaved { .. } => "microsoft_partner_saved",
            AuditAction::PartnerInvitationSent { .. } => "partner_invitation_sent",
            AuditAction::ResellerApproved => "reseller_approved",
            AuditAction::ResellerRejected => "reseller_rejected",
            AuditAction::ResellerLocked => "reseller_locked",
            AuditAction::ResellerUnlocked => "reseller_unlocked",
            AuditAction::AnnouncementSaved { .. } => "announcement_saved",
            AuditAction::AnnouncementDeleted { .. } => "announcement_deleted",
            AuditAction::ContactAdded { .. } => "contact_added",
            AuditAction::ContactDeleted { .. } => "contact_deleted",
        }
    }

    pub fn describe(&self, locale: Locale) -> String {
        let t = locale.texts().agreements;
        match self {
            AuditAction::AgreementSent { to } => (t.audit_sent)(to),
            AuditAction::AgreementAccepted { signer, email, .. } => {
                (t.audit_accepted)(signer, email)
            }
            AuditAction::AgreementAttested {
                signer,
                email,
                date,
                ..
            } => {
                let date = crate::domain::parse_date(date)
                    .map_or(date.clone(), |d| crate::i18n::format_date(d, locale));
                (t.audit_attested)(signer, email, &date)
            }
            AuditAction::AgreementReported => t.audit_reported.to_owned(),
            AuditAction::OrderPlaced {
                number,
                name,
                gross_cents,
            } => {
                let gross = crate::i18n::format_money(*gross_cents, locale);
                (locale.texts().orders.audit_placed)(number, name, &gross)
            }
            AuditAction::OrderActive { number } => (locale.texts().orders.audit_active)(number),
            AuditAction::OrderFailed { number, .. } => (locale.texts().orders.audit_failed)(number),
            AuditAction::MicrosoftPartnerSaved {
                location_mpn,
                microsoft_id,
            } => (locale.texts().partner.audit_saved)(location_mpn, microsoft_id),
            AuditAction::PartnerInvitationSent { to } => (locale.texts().partner.audit_invited)(to),
            AuditAction::ResellerApproved => locale.texts().admin.audit_approved.to_owned(),
            AuditAction::ResellerRejected => locale.texts().admin.audit_rejected.to_owned(),
            AuditAction::ResellerLocked => locale.texts().admin.audit_locked.to_owned(),
            AuditAction::ResellerUnlocked => locale.texts().admin.audit_unlocked.to_owned(),
            AuditAction::AnnouncementSaved { title, new, .. } => {
                let t = locale.texts().announcements;
                if *new {
                    (t.audit_published)(title)
                } else {
                    (t.audit_changed)(title)
                }
            }
            AuditAction::AnnouncementDeleted { title, .. } => {
                (locale.texts().announcements.audit_deleted)(title)
            }
            AuditAction::ContactAdded { team } => {
                (locale.texts().dashboard.audit_contact_added)(team)
            }
            AuditAction::ContactDeleted { team } => {
                (locale.texts().dashboard.audit_contact_deleted)(team)
            }
        }
    }
}

/// One line of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    /// A user's email, or the person who acted through an emailed link, or the system.
    pub actor: String,
    pub action: AuditAction,
}

/// A customer's history, newest first.
#[component]
pub fn History(entries: Vec<AuditEntry>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().agreements;
    if entries.is_empty() {
        return ().into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            view! {
                <tr>
                    <td>{format_date_time(entry.at, locale)}</td>
                    <td>{entry.actor}</td>
                    <td>{entry.action.describe(locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="history">
            <h2>{t.history_title}</h2>
            <table class="table" id="history">
                <thead>
                    <tr>
                        <th scope="col">{t.history_when}</th>
                        <th scope="col">{t.history_who}</th>
                        <th scope="col">{t.history_what}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
