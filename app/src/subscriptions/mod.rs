//! Subscriptions ("Abonnements"): what a customer has, one per activated order line, listed on
//! the customer's page with product, users, billing, start and renewal. More users for a
//! subscription are a binding order through the same path as the cart's.

mod actions;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{add_seats, load_subscription, load_subscriptions, AddSeats};
pub use page::{parse_seats, SeatsField, SeatsForm, SubscriptionPage};

use crate::domain::CustomerId;
use crate::domain::{BillingCycle, OrderNumber, Pricing};
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
    pub fn date(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.month).ok()?;
        time::Date::from_calendar_date(self.year, month, self.day).ok()
    }
}

/// A subscription with what more users for it need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDetail {
    pub subscription: Subscription,
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The product's most users.
    pub max_seats: u32,
    /// The catalogue's prices today.
    pub pricing: Pricing,
}

impl SubscriptionDetail {
    /// The billing cycle more users can be ordered in: a subscription's, while it is active.
    pub fn increasable(&self) -> Option<BillingCycle> {
        let s = &self.subscription;
        s.cycle.filter(|c| {
            s.active && self.pricing.unit_cents(*c).is_some() && s.seats < self.max_seats
        })
    }
}

/// On the customer's page: the customer's subscriptions, and the way to its orders.
#[component]
pub fn CustomerSubscriptions(customer_id: CustomerId) -> impl IntoView {
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
                            <td>
                                {(s.active && s.cycle.is_some()).then(|| view! {
                                    <A href=format!("/subscriptions/{}", s.id)>{t.increase_link}</A>
                                })}
                            </td>
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
                            <th scope="col"><span class="visually-hidden">{t.add_seats_title}</span></th>
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
