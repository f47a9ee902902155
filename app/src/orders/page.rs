//! `/orders/:number`: one order as placed, with the status of every line. While the provider
//! is still at work the page looks again every few seconds — by itself with JavaScript, by a
//! refresh in the page without.

use super::actions::load_order;
use super::{OrderDetail, StatusBadge};
use crate::cart::amount;
use crate::i18n::{format_date_time, format_money};
use crate::ui::{Refusal, ReloadWhileBusy};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrderPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").unwrap_or_default());
    let order = Resource::new(number, load_order);
    let body = move || {
        Suspend::new(async move {
            match order.await {
                Ok(order) => view! { <Order order/> }.into_any(),
                Err(error) => view! {
                    <Refusal error forbidden=texts.customers.access_resellers_only/>
                }
                .into_any(),
            }
        })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

#[component]
fn Order(order: OrderDetail) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.orders;
    let OrderDetail {
        summary,
        placed_by,
        totals,
        failure,
        completed_at,
        lines,
    } = order;
    let number = summary.number.to_string();
    let status = summary.status;
    let progress = if status.is_settled() {
        match failure {
            Some(failure) => {
                view! { <p class="status-box red" id="order-progress">{t.failure(failure)}</p> }
                    .into_any()
            }
            None => view! { <p class="status-box green" id="order-progress">{t.all_active}</p> }
                .into_any(),
        }
    } else {
        view! {
            <p class="notice-box" id="order-progress" aria-live="polite">
                {t.in_progress}" "<a href=summary.number.path()>{t.reload}</a>
            </p>
            <ReloadWhileBusy/>
        }
        .into_any()
    };
    let rows = lines
        .into_iter()
        .map(|line| {
            view! {
                <tr class:addon=line.parent_id.is_some() id=format!("order-line-{}", line.id)>
                    <th scope="row">
                        <a href=format!("/products/{}", line.sku)>{line.name.clone()}</a>
                        <br/><span class="hint">{line.sku.clone()}</span>
                    </th>
                    <td>{line.seats}</td>
                    <td class="amount">{amount(&line.pricing, line.cycle, line.charge, locale)}</td>
                    <td><StatusBadge status=line.status/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=number.clone()/>
        <h1>{t.order}" "{number.clone()}</h1>
        {progress}
        <dl class="details" id="order-details">
            <div><dt>{t.number}</dt><dd id="order-number">{number}</dd></div>
            <div><dt>{t.name}</dt><dd>{summary.name}</dd></div>
            <div>
                <dt>{t.customer}</dt>
                <dd><a href=format!("/customers/{}", summary.customer_id)>{summary.customer_name}</a></dd>
            </div>
            <div><dt>{t.placed_at}</dt><dd>{format_date_time(summary.placed_at, locale)}</dd></div>
            <div><dt>{t.placed_by}</dt><dd>{placed_by}</dd></div>
            <div><dt>{t.status}</dt><dd id="order-status"><StatusBadge status/></dd></div>
            {completed_at.map(|at| view! {
                <div><dt>{t.completed_at}</dt><dd>{format_date_time(at, locale)}</dd></div>
            })}
        </dl>
        <h2>{t.lines}</h2>
        <table class="table order-lines">
            <thead>
                <tr>
                    <th scope="col">{t.product}</th>
                    <th scope="col">{texts.cart.seats}</th>
                    <th scope="col" class="amount">{t.amount}</th>
                    <th scope="col">{t.status}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <dl class="details totals" id="order-totals">
            <div><dt>{texts.cart.net}</dt><dd>{format_money(totals.net, locale)}</dd></div>
            <div><dt>{texts.cart.vat}</dt><dd>{format_money(totals.vat, locale)}</dd></div>
            <div><dt>{texts.cart.gross}</dt><dd><strong>{format_money(totals.gross, locale)}</strong></dd></div>
        </dl>
        <p><a href="/orders">{t.title}</a></p>
    }
}
