//! `/customers`: the reseller's customers, sorted by name, searchable, twenty to a page. The
//! search is a GET form, so a search is a link that can be bookmarked and works without
//! JavaScript.

use super::actions::list_customers;
use super::CustomerList;
use crate::ui::{AgreementBadge, Pagination, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().customers;
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(crate::ui::url::page_param);
    let list = Resource::new(
        move || (search(), page()),
        |(search, page)| list_customers(search, page),
    );
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! { <CustomerTable list search=search()/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=t.access_resellers_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.list_title/>
        <div class="page-heading">
            <h1>{t.list_title}</h1>
            <a href="/customers/new" class="button">{t.new_customer}</a>
        </div>
        <form method="get" action="/customers" class="search-form" role="search">
            <label for="customer-search">{t.search_label}</label>
            <input
                id="customer-search"
                type="search"
                name="q"
                value=search
                aria-describedby="customer-search-hint"
            />
            <button type="submit">{t.search_submit}</button>
            <p class="hint" id="customer-search-hint">{t.search_hint}</p>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn CustomerTable(list: CustomerList, search: String) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let (t, tenants) = (texts.customers, texts.tenants);
    if list.customers.is_empty() {
        let text = if search.trim().is_empty() {
            t.empty.to_owned()
        } else {
            (t.no_match)(search.trim())
        };
        return view! { <p class="empty" id="customer-count">{text}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .customers
        .into_iter()
        .map(|c| {
            let (href, place, contact) = (
                format!("/customers/{}", c.id),
                format!("{} {}", c.postal_code, c.city),
                c.contact_name(),
            );
            let tenant = c
                .tenant
                .as_ref()
                .map_or(String::new(), |b| tenants.describe(b));
            view! {
                <tr>
                    <th scope="row"><a href=href>{c.company_name}</a></th>
                    <td>{place}</td>
                    <td>{contact}</td>
                    <td>{c.contact_email}</td>
                    <td>{tenant}</td>
                    <td><AgreementBadge agreement=c.agreement/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p id="customer-count">{(t.count)(total)}</p>
        <table class="table customer-list">
            <thead>
                <tr>
                    <th scope="col">{t.column_company}</th>
                    <th scope="col">{t.column_city}</th>
                    <th scope="col">{t.column_contact}</th>
                    <th scope="col">{t.column_email}</th>
                    <th scope="col">{tenants.summary_title}</th>
                    <th scope="col">{texts.agreements.title}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <Pagination page pages path="/customers" params=vec![("q", search)]/>
    }
    .into_any()
}
