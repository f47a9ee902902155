//! The distributor's administration: for distributor staff only. It opens with the state of
//! the portal itself (accounts, and mail that is waiting, delivered or given up); the areas for
//! resellers, catalogue, orders and announcements join it.

mod approvals;

pub use approvals::{Approvals, DecideReseller, PendingReseller};

use crate::error::AppError;
use crate::i18n::format_number;
use crate::ui::Refusal;
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
    let db = crate::backend::database()?;
    let users = crate::backend::users::count(&db).await?;
    let mail = crate::backend::mail::outbox::counts(&db).await?;
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
        <h1>{t.nav_admin}</h1>
        <Suspense fallback=|| ()>{body}</Suspense>
        <Approvals/>
    }
}
