//! `/orders` ("Bestellungen"): the reseller's orders, newest first, filtered by customer,
//! status and a span of days. The filter is a GET form: a link, bookmarkable, working without
//! JavaScript.

use super::actions::load_orders;
use super::{OrderFilter, OrderList, StatusBadge, StatusFilter};
use crate::i18n::{format_date, format_money};
use crate::ui::{Pagination, Refusal};
use kontor_domain::{german_date, parse_date, CustomerId, OrderStatus, ResellerId};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The filter as the address has it; anything unreadable counts as not set.
pub(crate) fn filter_of(query: &ParamsMap) -> OrderFilter {
    let day = |name: &str| {
        query
            .get(name)
            .filter(|d| parse_date(d).is_some())
            .map(|d| d.trim().to_owned())
    };
    OrderFilter {
        customer: query.get("customer").and_then(|c| c.parse().ok()),
        status: query.get("status").as_deref().and_then(StatusFilter::parse),
        from: day("from"),
        to: day("to"),
    }
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.orders;
    let query = use_query_map();
    let filter = move || query.with(filter_of);
    let page = move || query.with(crate::ui::url::page_param);
    let list = Resource::new(
        move || (filter(), page()),
        |(filter, page)| load_orders(filter, page),
    );
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! { <Orders list filter=filter()/> }.into_any(),
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
        <Transition fallback=|| ()>{body}</Transition>
    }
}

/// The filter as address parameters, for the pages' links.
pub(crate) fn filter_params(filter: &OrderFilter) -> Vec<(&'static str, String)> {
    vec![
        (
            "customer",
            filter.customer.map(|c| c.to_string()).unwrap_or_default(),
        ),
        (
            "status",
            filter
                .status
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("from", filter.from.clone().unwrap_or_default()),
        ("to", filter.to.clone().unwrap_or_default()),
    ]
}

/// The administration's reseller filter: the chosen reseller, and the choices.
pub(crate) type ResellerChoice = (Option<ResellerId>, Vec<(ResellerId, String)>);

/// The filter form of an order list at `path`. The administration's adds the reseller
/// (`resellers`: the chosen one, and the choices); customers are offered once there are any.
#[component]
pub(crate) fn Filters(
    path: &'static str,
    filter: OrderFilter,
    customers: Vec<(CustomerId, String)>,
    #[prop(optional)] resellers: Option<ResellerChoice>,
) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.orders;
    let reseller_select = resellers.map(|(chosen, resellers)| {
        let options = resellers
            .into_iter()
            .map(|(id, name)| {
                view! { <option value=id.to_string() selected=chosen == Some(id)>{name}</option> }
            })
            .collect_view();
        view! {
            <label for="filter-reseller">{texts.admin.nav_resellers}</label>
            <select id="filter-reseller" name="reseller">
                <option value="">{texts.admin.filter_all}</option>
                {options}
            </select>
        }
    });
    let has_customers = !customers.is_empty() || filter.customer.is_some();
    let customer_options = customers
        .into_iter()
        .map(|(id, name)| {
            view! { <option value=id.to_string() selected=filter.customer == Some(id)>{name}</option> }
        })
        .collect_view();
    let status_options = [(StatusFilter::InProgress, t.filter_in_progress)]
        .into_iter()
        .chain(OrderStatus::ALL.map(|s| (StatusFilter::Is(s), t.status(s))))
        .map(|(s, label)| {
            view! { <option value=s.as_str() selected=filter.status == Some(s)>{label}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=path class="filter-form" role="search">
            {reseller_select}
            {has_customers.then(|| view! {
                <label for="filter-customer">{t.filter_customer}</label>
                <select id="filter-customer" name="customer">
                    <option value="">{t.all_customers}</option>
                    {customer_options}
                </select>
            })}
            <label for="filter-status">{t.status}</label>
            <select id="filter-status" name="status">
                <option value="">{t.all_statuses}</option>
                {status_options}
            </select>
            <label for="filter-from">{t.from}</label>
            <input id="filter-from" type="date" name="from" value=filter.from.clone().unwrap_or_default()/>
            <label for="filter-to">{t.to}</label>
            <input id="filter-to" type="date" name="to" value=filter.to.clone().unwrap_or_default()/>
            <button type="submit">{t.apply}</button>
            <a href=path>{t.reset}</a>
        </form>
    }
}

#[component]
fn Orders(list: OrderList, filter: OrderFilter) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().orders;
    let filtered = filter != OrderFilter::default();
    let params = filter_params(&filter);
    let filters = view! { <Filters path="/orders" filter customers=list.customers/> };
    if list.orders.is_empty() {
        let text = if filtered { t.none_match } else { t.none_yet };
        return view! { {filters}<p class="empty" id="order-count">{text}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .orders
        .into_iter()
        .map(|o| {
            view! {
                <tr>
                    <th scope="row"><a href=o.number.path()>{o.number.to_string()}</a></th>
                    <td>{o.name}</td>
                    <td><a href=format!("/customers/{}", o.customer_id)>{o.customer_name}</a></td>
                    <td>{format_date(german_date(o.placed_at), locale)}</td>
                    <td><StatusBadge status=o.status/></td>
                    <td class="amount">{format_money(o.gross_cents, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {filters}
        <p id="order-count">{(t.count)(total)}</p>
        <table class="table order-list">
            <thead>
                <tr>
                    <th scope="col">{t.number}</th>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.customer}</th>
                    <th scope="col">{t.placed_at}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col" class="amount">{t.gross}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <Pagination page pages path="/orders" params/>
    }
    .into_any()
}
