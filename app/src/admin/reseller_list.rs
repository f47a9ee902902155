//! `/admin/resellers`: every reseller company, searchable and filtered by standing. The
//! search is a GET form: a search is a link, and it works without JavaScript.

use super::resellers::admin_resellers;
use super::AdminNav;
use crate::i18n::format_day;
use crate::resellers::ResellerList;
use crate::ui::{Pagination, Refusal};
use kontor_domain::ResellerStanding;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResellersPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.admin;
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let status = move || query.with(|q| q.get("status").unwrap_or_default());
    let page = move || query.with(crate::ui::url::page_param);
    let list = Resource::new(
        move || (search(), status(), page()),
        |(search, status, page)| admin_resellers(search, status, page),
    );
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => {
                    view! { <ResellerTable list search=search() status=status()/> }.into_any()
                }
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    let options = move || {
        let chosen = status();
        ResellerStanding::ALL
            .into_iter()
            .map(|s| {
                view! {
                    <option value=s.as_str() selected=chosen == s.as_str()>{t.standing(s)}</option>
                }
            })
            .collect_view()
    };
    view! {
        <Title text=t.resellers_title/>
        <AdminNav/>
        <h1>{t.resellers_title}</h1>
        <form method="get" action="/admin/resellers" class="search-form" role="search">
            <label for="reseller-search">{t.search_label}</label>
            <input
                id="reseller-search"
                type="search"
                name="q"
                value=search
                aria-describedby="reseller-search-hint"
            />
            <label for="reseller-status">{t.filter_status}</label>
            <select id="reseller-status" name="status">
                <option value="">{t.filter_all}</option>
                {options}
            </select>
            <button type="submit">{t.search_submit}</button>
            <p class="hint" id="reseller-search-hint">{t.search_hint}</p>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn ResellerTable(list: ResellerList, search: String, status: String) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().admin;
    if list.resellers.is_empty() {
        return view! { <p class="empty" id="reseller-count">{t.empty}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .resellers
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">
                        <a href=format!("/admin/resellers/{}", r.id)>{r.company_name}</a>
                    </th>
                    <td>{format!("{} {}", r.postal_code, r.city)}</td>
                    <td>{r.customer_number.unwrap_or_else(|| t.none.to_owned())}</td>
                    <td>{r.email}</td>
                    <td><StandingBadge standing=r.standing/></td>
                    <td>{format_day(r.signed_up_at, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p id="reseller-count">{(t.count)(total)}</p>
        <div class="table-scroll">
            <table class="table reseller-list">
                <thead>
                    <tr>
                        <th scope="col">{t.column_company}</th>
                        <th scope="col">{t.column_place}</th>
                        <th scope="col">{t.column_customer_number}</th>
                        <th scope="col">{t.column_email}</th>
                        <th scope="col">{t.column_status}</th>
                        <th scope="col">{t.column_signed_up}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination page pages path="/admin/resellers" params=vec![("q", search), ("status", status)]/>
    }
    .into_any()
}

/// The standing as a coloured label: green when active, red when locked or rejected.
#[component]
pub fn StandingBadge(standing: ResellerStanding) -> impl IntoView {
    use kontor_domain::ResellerStatus;
    let t = crate::i18n::use_locale().texts().admin;
    let colour = match standing {
        ResellerStanding::Status(ResellerStatus::Active) => "status-badge green",
        ResellerStanding::Locked | ResellerStanding::Status(ResellerStatus::Rejected) => {
            "status-badge red"
        }
        ResellerStanding::Status(_) => "status-badge amber",
    };
    view! { <span class=colour data-standing=standing.as_str()>{t.standing(standing)}</span> }
}
