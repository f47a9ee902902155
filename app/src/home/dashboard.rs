//! The reseller's dashboard: one view of what the start-page server function loaded.

use crate::announcements::{Announcement, Banner, Published};
use crate::contacts::{Contact, ContactList};
use crate::i18n::{format_date_time, format_day, format_number};
use kontor_domain::AnnouncementKind;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// How many of the reseller's records need a look, each leading to its list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Counters {
    pub customers: i64,
    /// Customers who have not accepted the cloud agreement (red).
    pub agreements_open: i64,
    pub partner_orange: i64,
    pub partner_red: i64,
    /// Orders received or being set up by the provider.
    pub orders_in_progress: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub company_name: String,
    pub published: Published,
    pub counters: Counters,
    pub contacts: Vec<Contact>,
}

#[component]
pub fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().dashboard;
    let Dashboard {
        company_name,
        published,
        counters,
        contacts,
    } = dashboard;
    view! {
        <Title text=t.title/>
        <Banners banners=published.banners/>
        <h1>{(t.welcome)(&company_name)}</h1>
        <CounterList counters/>
        <div class="dashboard">
            <Announcements announcements=published.announcements/>
            <aside class="dashboard-side">
                <section aria-labelledby="price-list-title">
                    <h2 id="price-list-title">{t.price_list_title}</h2>
                    <p>{t.price_list_text}</p>
                    <a class="button" href="/price-list.csv" download="">{t.price_list_download}</a>
                </section>
                <ContactList contacts/>
            </aside>
        </div>
    }
}

#[component]
fn Banners(banners: Vec<Banner>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().announcements;
    banners
        .into_iter()
        .map(|banner| {
            let text = (t.banner)(crate::i18n::MaintenanceBanner {
                title: &banner.title,
                starts: &format_date_time(banner.starts, locale),
                ends: &format_date_time(banner.ends, locale),
            });
            view! { <p class="maintenance-banner" role="status">{text}</p> }
        })
        .collect_view()
}

#[component]
fn CounterList(counters: Counters) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().dashboard;
    let items = [
        (counters.customers, t.counter_customers, "/customers", ""),
        (
            counters.agreements_open,
            t.counter_agreements_open,
            "/agreements?only=open",
            "red",
        ),
        (
            counters.partner_red,
            t.counter_partner_red,
            "/microsoft-customers?colour=red",
            "red",
        ),
        (
            counters.partner_orange,
            t.counter_partner_orange,
            "/microsoft-customers?colour=orange",
            "orange",
        ),
        (
            counters.orders_in_progress,
            t.counter_orders_in_progress,
            "/orders?status=in_progress",
            "",
        ),
    ];
    let items = items
        .into_iter()
        .map(|(count, label, href, colour)| {
            // A colour only when there is something to do.
            let class = if count > 0 && !colour.is_empty() {
                format!("counter {colour}")
            } else {
                "counter".to_owned()
            };
            view! {
                <li>
                    <a class=class href=href>
                        <span class="count">{format_number(count, locale)}</span>
                        <span class="label">{label}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=t.counters_label>
            <ul class="counters">{items}</ul>
        </nav>
    }
}

#[component]
fn Announcements(announcements: Vec<Announcement>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts();
    if announcements.is_empty() {
        return view! {
            <section class="announcements"><p class="empty">{t.dashboard.no_announcements}</p></section>
        }
        .into_any();
    }
    // Grouped by kind; within a kind in the order loaded (pinned first, then the newest).
    let groups = AnnouncementKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let items: Vec<_> = announcements
                .iter()
                .filter(|a| a.kind == kind)
                .cloned()
                .collect();
            (!items.is_empty()).then(|| {
                let id = format!("announcements-{}", kind.as_str());
                view! {
                    <section aria-labelledby=id.clone()>
                        <h2 id=id.clone()>{t.announcements.kind(kind)}</h2>
                        {items
                            .into_iter()
                            .map(|a| view! { <AnnouncementCard announcement=a/> })
                            .collect_view()}
                    </section>
                }
            })
        })
        .collect_view();
    view! { <div class="announcements">{groups}</div> }.into_any()
}

#[component]
fn AnnouncementCard(announcement: Announcement) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().announcements;
    let window = announcement.maintenance.map(|(starts, ends)| {
        let text = (t.maintenance_window)(crate::i18n::MaintenanceWindow {
            starts: &format_date_time(starts, locale),
            ends: &format_date_time(ends, locale),
        });
        view! { <p class="maintenance-window">{text}</p> }
    });
    let class = if announcement.pinned {
        "announcement pinned"
    } else {
        "announcement"
    };
    view! {
        <article class=class>
            <h3>{announcement.title}</h3>
            <p class="meta">
                <time>{format_day(announcement.published_at, locale)}</time>
                {announcement.pinned.then(|| view! { " · " {t.pinned} })}
            </p>
            {window}
            // Rendered from Markdown and cleaned by the server: only harmless HTML is left.
            <div class="announcement-body" inner_html=announcement.body_html></div>
        </article>
    }
}
