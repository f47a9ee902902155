//! Subscriptions ("Abonnements"): what a customer has, one per activated order line, listed on
//! the customer's page with product, users, billing, start and renewal.

use crate::domain::{BillingCycle, OrderNumber};
use crate::error::AppError;
use crate::i18n::format_date;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: i64,
    pub sku: String,
    pub name: String,
    /// Monthly or annual; none for a perpetual licence or a usage plan.
    pub cycle: Option<BillingCycle>,
    pub seats: u32,
    pub started_on: Day,
    /// None: it does not renew.
    pub renews_on: Option<Day>,
    pub active: bool,
    /// The order it came from.
    pub order: OrderNumber,
}

/// A calendar day, as it crosses to the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl From<time::Date> for Day {
    fn from(date: time::Date) -> Day {
        Day {
            year: date.year(),
            month: u8::from(date.month()),
            day: date.day(),
        }
    }
}

impl Day {
    fn date(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.month).ok()?;
        time::Date::from_calendar_date(self.year, month, self.day).ok()
    }
}

#[server(endpoint = "subscriptions/of-customer")]
pub async fn load_subscriptions(customer_id: i64) -> Result<Vec<Subscription>, AppError> {
    let (_, reseller_id) = crate::auth::require_reseller()?;
    let db = crate::backend::database()?;
    if !crate::backend::customers::belongs_to(&db, reseller_id, customer_id).await? {
        return Err(crate::backend::request::not_found());
    }
    Ok(crate::backend::subscriptions::for_customer(&db, reseller_id, customer_id).await?)
}

/// On the customer's page: the customer's subscriptions, and the way to its orders.
#[component]
pub fn CustomerSubscriptions(customer_id: i64) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.orders;
    let subscriptions = Resource::new(move || customer_id, load_subscriptions);
    let day = move |d: Day| d.date().map(|d| format_date(d, locale)).unwrap_or_default();
    let body = move || {
        Suspend::new(async move {
            let list = subscriptions.await.unwrap_or_default();
            if list.is_empty() {
                return view! { <p id="no-subscriptions">{t.no_subscriptions}</p> }.into_any();
            }
            let rows = list
                .into_iter()
                .map(|s| {
                    let cycle = match s.cycle {
                        Some(BillingCycle::Monthly) => texts.cart.cycle_monthly,
                        Some(BillingCycle::Annual) => texts.cart.cycle_annual,
                        None => "–",
                    };
                    let renews = s.renews_on.map_or(t.no_renewal.to_owned(), day);
                    let status = if s.active {
                        t.subscription_active
                    } else {
                        t.subscription_suspended
                    };
                    view! {
                        <tr>
                            <th scope="row">{s.name}<br/><span class="hint">{s.sku}</span></th>
                            <td>{s.seats}</td>
                            <td>{cycle}</td>
                            <td>{day(s.started_on)}</td>
                            <td>{renews}</td>
                            <td>{status}</td>
                            <td><A href=s.order.path()>{s.order.to_string()}</A></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="table subscription-list" id="subscriptions">
                    <thead>
                        <tr>
                            <th scope="col">{t.product}</th>
                            <th scope="col">{texts.cart.seats}</th>
                            <th scope="col">{texts.cart.cycle}</th>
                            <th scope="col">{t.started_on}</th>
                            <th scope="col">{t.renews_on}</th>
                            <th scope="col">{t.status}</th>
                            <th scope="col">{t.order}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <section class="subscriptions">
            <h2>{t.subscriptions_title}</h2>
            <Transition fallback=|| ()>{body}</Transition>
            <p><A href=format!("/orders?customer={customer_id}")>{t.orders_of_customer}</A></p>
        </section>
    }
}
