//! `/admin/orders`: every reseller's orders, newest first, filtered by reseller, customer,
//! status and days (a GET form, like the resellers' own list). A failed provisioning can be
//! started again from here.

use super::AdminNav;
use crate::error::AppError;
use crate::i18n::{format_date, format_money};
use crate::orders::list::{filter_of, filter_params, Filters};
use crate::orders::{AllOrders, AllOrdersFilter, StaffOrderRow, StatusBadge};
use crate::ui::{Pagination, Refusal};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/orders";

#[server(endpoint = "admin/orders")]
pub async fn admin_orders(
    #[server(default)] filter: AllOrdersFilter,
    page: u32,
) -> Result<AllOrders, AppError> {
    let staff = crate::auth::require_staff()?;
    let db = crate::platform::database()?;
    Ok(crate::orders::server::list_all(&db, &staff, &filter, page).await?)
}

/// Provisions a failed order once more (`K-2026-000123`); 404 unless it is failed.
#[server(endpoint = "admin/retry-order")]
pub async fn retry_order(number: String) -> Result<(), AppError> {
    use crate::audit::server::{self as audit, Actor};
    use crate::audit::AuditAction;
    use crate::orders::server as orders;
    use crate::platform::unix_now;
    let staff = crate::auth::require_staff()?;
    let number = kontor_domain::OrderNumber::parse(&number).ok_or(AppError::NotFound)?;
    let db = crate::platform::database()?;
    let now = unix_now();
    let mut tx = db.begin().await?;
    let Some((reseller_id, customer_id)) = orders::retry(&mut tx, number, now).await? else {
        return Err(crate::error::AppError::NotFound);
    };
    let action = AuditAction::OrderRetried {
        number: number.to_string(),
    };
    let actor = Actor::user(&staff);
    audit::record(
        &mut tx,
        reseller_id,
        Some(customer_id),
        &actor,
        &action,
        now,
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("{PATH}?status=in_progress"));
    Ok(())
}

#[component]
pub fn AllOrdersPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.admin;
    let query = use_query_map();
    let filter = move || {
        query.with(|q| AllOrdersFilter {
            reseller: q.get("reseller").and_then(|r| r.parse().ok()),
            orders: filter_of(q),
        })
    };
    let page = move || query.with(crate::ui::url::page_param);
    let retry = ServerAction::<RetryOrder>::new();
    let list = Resource::new(
        move || (filter(), page(), retry.version().get()),
        |(filter, page, _)| admin_orders(filter, page),
    );
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! { <OrderTable list filter=filter() retry/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    let retry_error = move || match retry.value().get() {
        Some(Err(error)) => Some(error.message(texts)),
        _ => None,
    };
    view! {
        <Title text=t.orders_title/>
        <AdminNav/>
        <h1>{t.orders_title}</h1>
        <p>{t.orders_intro}</p>
        <p class="form-error" role="alert">{retry_error}</p>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn OrderTable(
    list: AllOrders,
    filter: AllOrdersFilter,
    retry: ServerAction<RetryOrder>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let (t, o) = (texts.admin, texts.orders);
    let mut params = filter_params(&filter.orders);
    params.push((
        "reseller",
        filter.reseller.map(|r| r.to_string()).unwrap_or_default(),
    ));
    let filters = view! {
        <Filters
            path=PATH
            filter=filter.orders.clone()
            customers=list.customers
            resellers=(filter.reseller, list.resellers)
        />
    };
    if list.orders.is_empty() {
        let filtered = filter.reseller.is_some() || filter.orders != Default::default();
        let text = if filtered {
            o.none_match
        } else {
            t.orders_none
        };
        return view! { {filters}<p class="empty" id="order-count">{text}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .orders
        .into_iter()
        .map(|row| view! { <OrderRow row retry/> })
        .collect_view();
    view! {
        {filters}
        <p id="order-count">{(o.count)(total)}</p>
        <div class="table-scroll">
            <table class="table order-list" id="all-orders">
                <thead>
                    <tr>
                        <th scope="col">{o.number}</th>
                        <th scope="col">{t.nav_resellers}</th>
                        <th scope="col">{o.customer}</th>
                        <th scope="col">{o.name}</th>
                        <th scope="col">{o.placed_at}</th>
                        <th scope="col">{o.status}</th>
                        <th scope="col" class="amount">{o.gross}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination page pages path=PATH params/>
    }
    .into_any()
}

#[component]
fn OrderRow(row: StaffOrderRow, retry: ServerAction<RetryOrder>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.admin;
    let StaffOrderRow {
        summary,
        reseller: (reseller_id, reseller_name),
        failure,
        provider_error,
    } = row;
    let number = summary.number.to_string();
    // A failed order says why, for staff in the provider's words, and can be retried.
    let retried = number.clone();
    let failed = failure.map(move |failure| {
        view! {
            <br/>
            <span class="hint">{t.failure(failure)}{provider_error.map(|e| format!(": {e}"))}</span>
            <ActionForm action=retry attr:class="inline-form">
                <input type="hidden" name="number" value=retried/>
                <button type="submit" class="secondary">{t.retry}</button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            <th scope="row">{number}</th>
            <td><a href=format!("/admin/resellers/{reseller_id}")>{reseller_name}</a></td>
            <td>{summary.customer_name}</td>
            <td>{summary.name}</td>
            <td>{format_date(kontor_domain::german_date(summary.placed_at), locale)}</td>
            <td><StatusBadge status=summary.status/>{failed}</td>
            <td class="amount">{format_money(summary.gross_cents, locale)}</td>
        </tr>
    }
}
