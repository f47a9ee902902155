//! `/admin/audit`: the whole audit log, newest first, filtered by actor, area and days. The
//! filter is a GET form: a filtered view is a link, and it works without JavaScript.

use super::AdminNav;
use crate::audit::{AuditArea, LoggedChanges};
use crate::error::AppError;
use crate::i18n::format_date_time;
use crate::ui::{Pagination, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/audit";

#[server(endpoint = "admin/audit-log")]
pub async fn admin_audit_log(
    actor: String,
    area: String,
    from: String,
    to: String,
    page: u32,
) -> Result<LoggedChanges, AppError> {
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    let filter = crate::audit::AuditLogFilter::parse(&actor, &area, &from, &to);
    Ok(crate::audit::server::search(&db, &staff, &filter, page).await?)
}

/// The page's query: actor, area, first and last day.
type Query = (String, String, String, String);

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.audit_log;
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let filter = move || -> Query { (param("actor"), param("area"), param("from"), param("to")) };
    let page = move || query.with(crate::ui::url::page_param);
    let log = Resource::new(
        move || (filter(), page()),
        |((actor, area, from, to), page)| admin_audit_log(actor, area, from, to, page),
    );
    let body = move || {
        Suspend::new(async move {
            match log.await {
                Ok(log) => view! { <LogTable log filter=filter()/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    let areas = move || {
        let chosen = param("area");
        AuditArea::ALL
            .into_iter()
            .map(|a| {
                view! {
                    <option value=a.as_str() selected=chosen == a.as_str()>{a.label(t)}</option>
                }
            })
            .collect_view()
    };
    view! {
        <Title text=t.title/>
        <AdminNav/>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form method="get" action=PATH class="filter-form" role="search">
            <label for="audit-actor">{t.filter_actor}</label>
            <input
                id="audit-actor"
                type="search"
                name="actor"
                value=move || param("actor")
                aria-describedby="audit-actor-hint"
            />
            <label for="audit-area">{t.filter_area}</label>
            <select id="audit-area" name="area">
                <option value="">{t.all_areas}</option>
                {areas}
            </select>
            <label for="audit-from">{t.filter_from}</label>
            <input id="audit-from" type="date" name="from" value=move || param("from")/>
            <label for="audit-to">{t.filter_to}</label>
            <input id="audit-to" type="date" name="to" value=move || param("to")/>
            <button type="submit">{t.filter_submit}</button>
            <p class="hint" id="audit-actor-hint">{t.actor_hint}</p>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn LogTable(log: LoggedChanges, filter: Query) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().audit_log;
    if log.changes.is_empty() {
        return view! { <p class="empty" id="audit-count">{t.empty}</p> }.into_any();
    }
    let (total, page, pages) = (log.total, log.page, log.pages);
    let rows = log
        .changes
        .into_iter()
        .map(|change| {
            let reseller = change.reseller.map(|(id, company)| {
                view! { <a href=format!("/admin/resellers/{id}")>{company}</a> }
            });
            let customer = change
                .customer
                .map(|name| view! { <br/>{(t.customer)(&name)} });
            let from = change
                .client_address
                .unwrap_or_else(|| t.by_kontor.to_owned());
            view! {
                <tr>
                    <td>{format_date_time(change.entry.at, locale)}</td>
                    <td>{change.entry.actor}</td>
                    <td>{change.entry.action.describe(locale)}</td>
                    <td>{reseller}{customer}</td>
                    <td>{from}</td>
                </tr>
            }
        })
        .collect_view();
    let (actor, area, from, to) = filter;
    view! {
        <p id="audit-count">{(t.count)(total)}</p>
        <div class="table-scroll">
            <table class="table" id="audit-log">
                <thead>
                    <tr>
                        <th scope="col">{t.column_when}</th>
                        <th scope="col">{t.column_who}</th>
                        <th scope="col">{t.column_what}</th>
                        <th scope="col">{t.column_concerns}</th>
                        <th scope="col">{t.column_from}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination
            page
            pages
            path=PATH
            params=vec![("actor", actor), ("area", area), ("from", from), ("to", to)]
        />
    }
    .into_any()
}
