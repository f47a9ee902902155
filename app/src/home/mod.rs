//! The start page. Visitors and distributor staff see what Kontor is; a reseller sees its
//! dashboard: the maintenance banner, counters that lead to what needs attention, the
//! distributor's announcements by kind, its contacts, and the price list.

mod dashboard;
#[cfg(feature = "ssr")]
pub mod server;

pub use dashboard::{Counters, Dashboard};

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// The reseller's dashboard, or `None` for anyone who is not logged in as a reseller.
#[server(endpoint = "start-page")]
pub async fn start_page() -> Result<Option<Dashboard>, AppError> {
    use crate::home::server as dashboard;
    use crate::platform::{request, unix_now};
    let Some(session) = request::current_session() else {
        return Ok(None);
    };
    let Some(scope) = crate::platform::sessions::ResellerScope::of(session.user) else {
        return Ok(None);
    };
    let db = crate::platform::database()?;
    let locale = crate::i18n::current_locale();
    Ok(Some(
        dashboard::load(&db, &scope, unix_now(), locale).await?,
    ))
}

#[component]
pub fn HomePage() -> impl IntoView {
    let page = Resource::new(|| (), |()| start_page());
    let body = move || {
        Suspend::new(async move {
            match page.await {
                Ok(Some(dashboard)) => view! { <dashboard::DashboardView dashboard/> }.into_any(),
                // An error here is ours; the visitor's start page is still worth showing.
                Ok(None) | Err(_) => view! { <Welcome/> }.into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}

/// What Kontor is, for visitors.
#[component]
fn Welcome() -> impl IntoView {
    let t = crate::i18n::use_locale().texts();
    let features = t
        .home_features
        .iter()
        .map(|(title, text)| {
            view! {
                <li class="card">
                    <h3>{*title}</h3>
                    <p>{*text}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
        </section>
        <section aria-labelledby="features-title">
            <h2 id="features-title">{t.home_features_title}</h2>
            <ul class="cards">{features}</ul>
        </section>
    }
}
