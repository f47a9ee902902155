//! The audit log: who changed what, when. Each change is one `AuditAction` (stored as JSON),
//! written in the transaction of the change itself; pages show a customer's history.

#[cfg(feature = "ssr")]
pub mod server;

use crate::i18n::{format_date_time, AuditLogTexts, Locale};
use kontor_domain::Pricing;
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
    /// Distributor staff started a failed provisioning again.
    OrderRetried {
        number: String,
    },
    /// A reseller user asked for a change of a subscription.
    SubscriptionChangeRequested {
        subscription: String,
        change: kontor_domain::ChangeKind,
    },
    /// The provider made the change.
    SubscriptionChanged {
        subscription: String,
        change: kontor_domain::ChangeKind,
    },
    /// The provider refused the change, or could not be reached for too long.
    SubscriptionChangeFailed {
        subscription: String,
        change: kontor_domain::ChangeKind,
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
    /// Distributor staff confirmed a company its customer number alone made active.
    ResellerConfirmed,
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
    /// Distributor staff changed the customer-number registry.
    CustomerNumberAdded {
        number: String,
        company: String,
    },
    CustomerNumberChanged {
        number: String,
        company: String,
    },
    CustomerNumberDeleted {
        number: String,
    },
    CustomerNumbersImported {
        added: u64,
        changed: u64,
    },
    /// Distributor staff invited a colleague, or deactivated one.
    AdminInvited {
        email: String,
    },
    AdminDeactivated {
        email: String,
    },
    /// Distributor staff added a product to the catalogue.
    ProductAdded {
        sku: String,
        name: String,
    },
    /// Distributor staff changed a product: the prices before and after when they changed,
    /// and whether it is offered now when that changed.
    ProductChanged {
        sku: String,
        name: String,
        prices: Option<(Pricing, Pricing)>,
        offered: Option<bool>,
    },
    CategoryAdded {
        slug: String,
        name: String,
    },
    CategoryChanged {
        slug: String,
        name: String,
    },
}

/// What part of the portal a change is about: the audit log's filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditArea {
    Agreements,
    Orders,
    MicrosoftPartner,
    Resellers,
    Announcements,
    Contacts,
    CustomerNumbers,
    Staff,
    Catalog,
}

impl AuditArea {
    pub const ALL: [AuditArea; 9] = [
        AuditArea::Agreements,
        AuditArea::Orders,
        AuditArea::MicrosoftPartner,
        AuditArea::Resellers,
        AuditArea::Announcements,
        AuditArea::Contacts,
        AuditArea::CustomerNumbers,
        AuditArea::Staff,
        AuditArea::Catalog,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditArea::Agreements => "agreements",
            AuditArea::Orders => "orders",
            AuditArea::MicrosoftPartner => "microsoft_partner",
            AuditArea::Resellers => "resellers",
            AuditArea::Announcements => "announcements",
            AuditArea::Contacts => "contacts",
            AuditArea::CustomerNumbers => "customer_numbers",
            AuditArea::Staff => "staff",
            AuditArea::Catalog => "catalog",
        }
    }

    pub fn parse(value: &str) -> Option<AuditArea> {
        AuditArea::ALL.into_iter().find(|a| a.as_str() == value)
    }

    /// Its name in the filter, from the texts (kept in the order of `ALL`).
    pub fn label(self, texts: &AuditLogTexts) -> &'static str {
        let index = AuditArea::ALL
            .iter()
            .position(|a| *a == self)
            .unwrap_or_default();
        texts.areas[index]
    }
}

impl AuditAction {
    pub fn area(&self) -> AuditArea {
        match self {
            AuditAction::AgreementSent { .. }
            | AuditAction::AgreementAccepted { .. }
            | AuditAction::AgreementAttested { .. }
            | AuditAction::AgreementReported => AuditArea::Agreements,
            AuditAction::OrderPlaced { .. }
            | AuditAction::OrderActive { .. }
            | AuditAction::OrderFailed { .. }
            | AuditAction::OrderRetried { .. }
            | AuditAction::SubscriptionChangeRequested { .. }
            | AuditAction::SubscriptionChanged { .. }
            | AuditAction::SubscriptionChangeFailed { .. } => AuditArea::Orders,
            AuditAction::MicrosoftPartnerSaved { .. }
            | AuditAction::PartnerInvitationSent { .. } => AuditArea::MicrosoftPartner,
            AuditAction::ResellerApproved
            | AuditAction::ResellerRejected
            | AuditAction::ResellerLocked
            | AuditAction::ResellerUnlocked
            | AuditAction::ResellerConfirmed => AuditArea::Resellers,
            AuditAction::AnnouncementSaved { .. } | AuditAction::AnnouncementDeleted { .. } => {
                AuditArea::Announcements
            }
            AuditAction::ContactAdded { .. } | AuditAction::ContactDeleted { .. } => {
                AuditArea::Contacts
            }
            AuditAction::CustomerNumberAdded { .. }
            | AuditAction::CustomerNumberChanged { .. }
            | AuditAction::CustomerNumberDeleted { .. }
            | AuditAction::CustomerNumbersImported { .. } => AuditArea::CustomerNumbers,
            AuditAction::AdminInvited { .. } | AuditAction::AdminDeactivated { .. } => {
                AuditArea::Staff
            }
            AuditAction::ProductAdded { .. }
            | AuditAction::ProductChanged { .. }
            | AuditAction::CategoryAdded { .. }
            | AuditAction::CategoryChanged { .. } => AuditArea::Catalog,
        }
    }

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
            AuditAction::OrderRetried { .. } => "order_retried",
            AuditAction::SubscriptionChangeRequested { .. } => "subscription_change_requested",
            AuditAction::SubscriptionChanged { .. } => "subscription_changed",
            AuditAction::SubscriptionChangeFailed { .. } => "subscription_change_failed",
            AuditAction::MicrosoftPartnerSaved { .. } => "microsoft_partner_saved",
            AuditAction::PartnerInvitationSent { .. } => "partner_invitation_sent",
            AuditAction::ResellerApproved => "reseller_approved",
            AuditAction::ResellerRejected => "reseller_rejected",
            AuditAction::ResellerLocked => "reseller_locked",
            AuditAction::ResellerUnlocked => "reseller_unlocked",
            AuditAction::ResellerConfirmed => "reseller_confirmed",
            AuditAction::AnnouncementSaved { .. } => "announcement_saved",
            AuditAction::AnnouncementDeleted { .. } => "announcement_deleted",
            AuditAction::ContactAdded { .. } => "contact_added",
            AuditAction::ContactDeleted { .. } => "contact_deleted",
            AuditAction::CustomerNumberAdded { .. } => "customer_number_added",
            AuditAction::CustomerNumberChanged { .. } => "customer_number_changed",
            AuditAction::CustomerNumberDeleted { .. } => "customer_number_deleted",
            AuditAction::CustomerNumbersImported { .. } => "customer_numbers_imported",
            AuditAction::AdminInvited { .. } => "admin_invited",
            AuditAction::AdminDeactivated { .. } => "admin_deactivated",
            AuditAction::ProductAdded { .. } => "product_added",
            AuditAction::ProductChanged { .. } => "product_changed",
            AuditAction::CategoryAdded { .. } => "category_added",
            AuditAction::CategoryChanged { .. } => "category_changed",
        }
    }

    pub fn describe(&self, locale: Locale) -> String {
        let t = locale.texts().agreements;
        match self {
            AuditAction::AgreementSent { to } => (t.audit_sent)(to),
            AuditAction::AgreementAccepted { signer, email, .. } => {
                (t.audit_accepted)(crate::i18n::Signer { signer, email })
            }
            AuditAction::AgreementAttested {
                signer,
                email,
                date,
                ..
            } => {
                let date = kontor_domain::parse_date(date)
                    .map_or(date.clone(), |d| crate::i18n::format_date(d, locale));
                (t.audit_attested)(crate::i18n::Attestation {
                    signer,
                    email,
                    date: &date,
                })
            }
            AuditAction::AgreementReported => t.audit_reported.to_owned(),
            AuditAction::OrderPlaced {
                number,
                name,
                gross_cents,
            } => {
                let gross = crate::i18n::format_money(*gross_cents, locale);
                (locale.texts().orders.audit_placed)(crate::i18n::PlacedOrderAudit {
                    number,
                    name,
                    gross: &gross,
                })
            }
            AuditAction::OrderActive { number } => (locale.texts().orders.audit_active)(number),
            AuditAction::OrderFailed { number, .. } => (locale.texts().orders.audit_failed)(number),
            AuditAction::OrderRetried { number } => (locale.texts().orders.audit_retried)(number),
            AuditAction::SubscriptionChangeRequested {
                subscription,
                change,
            } => {
                let t = locale.texts().subscriptions;
                (t.audit_requested)(crate::i18n::SubscriptionChange {
                    subscription,
                    change: &t.change(*change),
                })
            }
            AuditAction::SubscriptionChanged {
                subscription,
                change,
            } => {
                let t = locale.texts().subscriptions;
                (t.audit_changed)(crate::i18n::SubscriptionChange {
                    subscription,
                    change: &t.change(*change),
                })
            }
            AuditAction::SubscriptionChangeFailed {
                subscription,
                change,
                ..
            } => {
                let t = locale.texts().subscriptions;
                (t.audit_failed)(crate::i18n::SubscriptionChange {
                    subscription,
                    change: &t.change(*change),
                })
            }
            AuditAction::MicrosoftPartnerSaved {
                location_mpn,
                microsoft_id,
            } => (locale.texts().partner.audit_saved)(crate::i18n::PartnerIds {
                mpn: location_mpn,
                id: microsoft_id,
            }),
            AuditAction::PartnerInvitationSent { to } => (locale.texts().partner.audit_invited)(to),
            AuditAction::ResellerApproved => locale.texts().admin.audit_approved.to_owned(),
            AuditAction::ResellerRejected => locale.texts().admin.audit_rejected.to_owned(),
            AuditAction::ResellerLocked => locale.texts().admin.audit_locked.to_owned(),
            AuditAction::ResellerUnlocked => locale.texts().admin.audit_unlocked.to_owned(),
            AuditAction::ResellerConfirmed => locale.texts().admin.audit_confirmed.to_owned(),
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
            AuditAction::CustomerNumberAdded { number, company } => {
                (locale.texts().registry.audit_added)(crate::i18n::RegistryEntry {
                    number,
                    company,
                })
            }
            AuditAction::CustomerNumberChanged { number, company } => {
                (locale.texts().registry.audit_changed)(crate::i18n::RegistryEntry {
                    number,
                    company,
                })
            }
            AuditAction::CustomerNumberDeleted { number } => {
                (locale.texts().registry.audit_deleted)(number)
            }
            AuditAction::CustomerNumbersImported { added, changed } => {
                (locale.texts().registry.audit_imported)(crate::i18n::ImportedEntries {
                    added: *added,
                    changed: *changed,
                })
            }
            AuditAction::AdminInvited { email } => (locale.texts().admin.audit_invited)(email),
            AuditAction::AdminDeactivated { email } => {
                (locale.texts().admin.audit_deactivated)(email)
            }
            AuditAction::ProductAdded { sku, name } => {
                (locale.texts().catalog_admin.audit_product_added)(crate::i18n::ProductNamed {
                    sku,
                    name,
                })
            }
            AuditAction::ProductChanged {
                sku,
                name,
                prices,
                offered,
            } => {
                let t = locale.texts().catalog_admin;
                let mut text = (t.audit_product_changed)(crate::i18n::ProductNamed { sku, name });
                if let Some((before, after)) = prices {
                    let price = |p| crate::i18n::price_summary(p, locale);
                    text.push_str(&(t.audit_prices)(crate::i18n::PricesBeforeAfter {
                        before: &price(before),
                        after: &price(after),
                    }));
                }
                match offered {
                    Some(true) => text.push_str(t.audit_offered),
                    Some(false) => text.push_str(t.audit_withdrawn),
                    None => {}
                }
                text
            }
            AuditAction::CategoryAdded { slug, name } => {
                (locale.texts().catalog_admin.audit_category_added)(crate::i18n::CategoryNamed {
                    slug,
                    name,
                })
            }
            AuditAction::CategoryChanged { slug, name } => {
                (locale.texts().catalog_admin.audit_category_changed)(crate::i18n::CategoryNamed {
                    slug,
                    name,
                })
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

/// The administration's view of an entry: with whom it concerns and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedChange {
    pub entry: AuditEntry,
    /// The reseller's id and company name.
    pub reseller: Option<(i64, String)>,
    /// The customer's company name.
    pub customer: Option<String>,
    /// `None` for what Kontor did by itself.
    pub client_address: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedChanges {
    pub changes: Vec<LoggedChange>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

/// The audit log's filter, read from the page's query: a part that does not parse (an
/// unknown area, a date the calendar lacks) does not narrow the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditLogFilter {
    /// Part of the actor's name or address.
    pub actor: String,
    pub area: Option<AuditArea>,
    pub from: Option<time::Date>,
    /// The last day shown, inclusive.
    pub to: Option<time::Date>,
}

impl AuditLogFilter {
    pub fn parse(actor: &str, area: &str, from: &str, to: &str) -> AuditLogFilter {
        AuditLogFilter {
            actor: actor.trim().to_owned(),
            area: AuditArea::parse(area),
            from: kontor_domain::parse_date(from),
            to: kontor_domain::parse_date(to),
        }
    }

    /// The span of time to show, `[from, until)` in unix seconds, by German days.
    pub fn span(&self) -> (i64, i64) {
        let from = self.from.map_or(i64::MIN, kontor_domain::german_day_start);
        let until = self
            .to
            .and_then(|to| to.next_day())
            .map_or(i64::MAX, kontor_domain::german_day_start);
        (from, until)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_keeps_what_parses_and_spans_whole_german_days() {
        let filter =
            AuditLogFilter::parse(" chefin ", "customer_numbers", "2026-12-01", "01.12.2026");
        assert_eq!(filter.actor, "chefin");
        assert_eq!(filter.area, Some(AuditArea::CustomerNumbers));
        // 1 December 2026 in Berlin: 23:00 UTC the evening before to 23:00 UTC on the day.
        assert_eq!(filter.span(), (1_796_079_600, 1_796_166_000));

        let loose = AuditLogFilter::parse("", "everything", "31.02.2026", "");
        assert_eq!(loose.area, None);
        assert_eq!(loose.span(), (i64::MIN, i64::MAX));
    }

    #[test]
    fn areas_round_trip_by_name() {
        for area in AuditArea::ALL {
            assert_eq!(AuditArea::parse(area.as_str()), Some(area));
        }
    }
}
