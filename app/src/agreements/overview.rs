//! `/agreements` ("Cloud-Vereinbarung"): every customer of the reseller with the agreement's
//! status, red or green; a search and "only red" narrow it. The filter is a GET form, so it
//! is a link and works without JavaScript.

use super::actions::agreement_overview;
use super::status::accepted_line;
use crate::customers::CustomerList;
use crate::ui::AgreementBadge;
use crate::ui::{Pagination, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The filter's query parameter and value: `?only=open`.
const ONLY: (&str, &str) = ("only", "open");

#[component]
pub fn AgreementOverviewPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.agreements;
    let query = use_query_map();
    let only_open = move || query.with(|q| q.get(ONLY.0).as_deref() == Some(ONLY.1));
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(crate::ui::url::page_param);
    let list = Resource::new(
        move || (search(), only_open(), page()),
        |(search, only_open, page)| agreement_overview(search, only_open, page),
    );
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! {
                    <OverviewTable list search=search() only_open=only_open()/>
                }
                .into_any(),
                Err(error) => view! {
                    <Refusal error forbidden=texts.customers.access_resellers_only/>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Title text=t.title/>
        <h1>{t.title}</h1>
        <p>{t.overview_intro}</p>
        <form method="get" action="/agreements" class="filter-form" role="search">
            <label for="agreement-search">{texts.customers.search_label}</label>
            <input id="agreement-search" type="search" name="q" value=search/>
            <div class="field checkbox">
                <input
                    type="checkbox"
                    id="only-open"
                    name=ONLY.0
                    value=ONLY.1
                    checked=only_open
                />
                <label for="only-open">{t.filter_only_open}</label>
            </div>
            <button type="submit">{t.filter_submit}</button>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn OverviewTable(list: CustomerList, search: String, only_open: bool) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let (t, customers) = (locale.texts().agreements, locale.texts().customers);
    if list.customers.is_empty() {
        let text = if !search.trim().is_empty() {
            (customers.no_match)(search.trim())
        } else if only_open {
            t.none_open.to_owned()
        } else {
            customers.empty.to_owned()
        };
        return view! { <p class="empty" id="agreement-count">{text}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .customers
        .into_iter()
        .map(|c| {
            let detail = c
                .agreement
                .as_ref()
                .map_or(String::new(), |a| accepted_line(a, locale));
            let href = format!("/customers/{}/agreement", c.id);
            let status_class = if c.agreement.is_some() {
                "green"
            } else {
                "red"
            };
            view! {
                <tr class=status_class>
                    <th scope="row"><a href=href>{c.company_name}</a></th>
                    <td><AgreementBadge agreement=c.agreement/></td>
                    <td>{detail}</td>
                </tr>
            }
        })
        .collect_view();
    let params = vec![(
        ONLY.0,
        if only_open {
            ONLY.1.to_owned()
        } else {
            String::new()
        },
    )];
    view! {
        <p id="agreement-count">{(t.count)(total)}</p>
        <table class="table agreement-list">
            <thead>
                <tr>
                    <th scope="col">{customers.column_company}</th>
                    <th scope="col">{t.column_status}</th>
                    <th scope="col">{t.column_accepted}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <Pagination page pages path="/agreements" params/>
    }
    .into_any()
}
