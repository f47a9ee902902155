//! The distributor's administration: for distributor staff only. It opens with the state of
//! the portal itself (accounts, and mail that is waiting, delivered or given up) and the
//! signups waiting for approval; each area has its own page under `/admin`.

mod approvals;
mod audit_log;
mod orders;
mod reseller_detail;
mod reseller_list;
mod resellers;
mod staff;

#[cfg(feature = "ssr")]
pub mod server;

pub use approvals::{Approvals, DecideReseller};
pub use audit_log::AuditLogPage;
pub use orders::{AllOrdersPage, RetryOrder};
pub use reseller_detail::ResellerPage;
pub use reseller_list::ResellersPage;
pub use resellers::LockReseller;
pub use staff::{parse_invite, InviteField, InviteForm, StaffMember, StaffPage};

use crate::error::AppError;
use crate::i18n::format_number;
use crate::ui::{NavLink, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalStatus {
    pub users: i64,
    pub mails_waiting: i64,
    pub mails_sent: i64,
    pub mails_given_up: i64,
}

#[server(endpoint = "admin/overview")]
pub async fn admin_overview() -> Result<PortalStatus, AppError> {
    crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let users = crate::auth::server::users::count(&db).await?;
    let mail = crate::platform::mail::outbox::counts(&db).await?;
    Ok(PortalStatus {
        users,
        mails_waiting: mail.waiting,
        mails_sent: mail.sent,
        mails_given_up: mail.given_up,
    })
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts();
    let overview = Resource::new(|| (), |()| admin_overview());
    let body = move || {
        Suspend::new(async move {
            match overview.await {
                Ok(o) => {
                    let rows = [
                        (t.admin_users, o.users),
                        (t.admin_mails_waiting, o.mails_waiting),
                        (t.admin_mails_sent, o.mails_sent),
                        (t.admin_mails_given_up, o.mails_given_up),
                    ];
                    view! {
                        <dl class="stats">
                            {rows
                                .into_iter()
                                .map(|(label, value)| {
                                    view! {
                                        <div class="stat">
                                            <dt>{label}</dt>
                                            <dd>{format_number(value, locale)}</dd>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                    }
                    .into_any()
                }
                Err(error) => view! { <Refusal error forbidden=t.access_staff_only/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=t.nav_admin/>
        <AdminNav/>
        <h1>{t.nav_admin}</h1>
        <Suspense fallback=|| ()>{body}</Suspense>
        <Approvals/>
    }
}

/// The areas of the administration, above each of its pages: for staff only, like the
/// header's link to it.
#[component]
pub fn AdminNav() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().admin;
    let texts = crate::i18n::use_locale().texts();
    let (registry, audit_log) = (texts.registry.nav, texts.audit_log.nav);
    let catalog = texts.catalog_admin.nav;
    let staff = crate::auth::viewer().is_some_and(|v| v.role.is_distributor_staff());
    staff.then(|| {
        view! {
            <nav class="sub-nav" aria-label=t.nav_label>
                <ul>
                    <li><NavLink href="/admin" exact=true>{t.nav_overview}</NavLink></li>
                    <li><NavLink href="/admin/resellers">{t.nav_resellers}</NavLink></li>
                    <li><NavLink href="/admin/customer-numbers">{registry}</NavLink></li>
                    <li><NavLink href="/admin/catalog">{catalog}</NavLink></li>
                    <li><NavLink href="/admin/orders">{t.nav_orders}</NavLink></li>
                    <li><NavLink href="/admin/announcements">{t.nav_announcements}</NavLink></li>
                    <li><NavLink href="/admin/contacts">{t.nav_contacts}</NavLink></li>
                    <li><NavLink href="/admin/staff">{t.nav_staff}</NavLink></li>
                    <li><NavLink href="/admin/audit">{audit_log}</NavLink></li>
                </ul>
            </nav>
        }
    })
}
