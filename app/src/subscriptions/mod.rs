//! Subscriptions ("Abonnements"): what a customer has, one per activated order line, listed on
//! the customer's page with product, users, billing, start and renewal. More users for a
//! subscription are a binding order through the same path as the cart's. Fewer users or a
//! cancellation are possible only within the change window (168 hours after purchase or
//! renewal, `domain::change_window`); a reduction can also wait for the renewal, and
//! automatic renewal can be switched off. Each such change is a job at the provider
//! (`changes.rs`, `server/`), in the audit log, and mailed to the user who asked.

mod actions;
mod changes;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{
    add_seats, load_subscription, load_subscriptions, AddSeats, CancelSubscription, KeptChanges,
    LoadedSubscription, ReduceSeats, ScheduleRenewalSeats, SwitchAutoRenew,
};
pub use changes::{
    parse_change, ChangeAsked, ChangeField, ChangeForm, ChangeRecord, ChangeStatus,
    SubscriptionChanges,
};
pub use page::{parse_seats, SeatsField, SeatsForm, SubscriptionPage};

use crate::i18n::format_date;
use kontor_domain::CustomerId;
use kontor_domain::{
    BillingCycle, ChangeKind, ChangeWindow, OrderNumber, Pricing, SubscriptionProblem, Term,
};
use leptos::prelude::*;
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
    /// The term it is in; its end is the renewal (or, without automatic renewal, the end).
    pub term: Term,
    /// The day the term ends (German calendar), when it has one.
    pub term_ends_on: Option<Day>,
    pub auto_renew: bool,
    /// The users it renews with, when a change waits for the renewal.
    pub renewal_seats: Option<u32>,
    pub state: SubscriptionState,
    /// The order it came from.
    pub order: OrderNumber,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionState {
    Active,
    Suspended,
    Cancelled,
    /// Automatic renewal was off and its last term is over.
    Ended,
}

impl Subscription {
    /// Changes (more or fewer users, cancelling, renewal settings) are possible.
    pub fn changeable(&self) -> bool {
        self.state == SubscriptionState::Active && self.cycle.is_some()
    }
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
    /// Whether fewer users or a cancellation are possible now (for what has a term).
    pub window: Option<ChangeWindow>,
    /// The latest change asked for, pending or settled.
    pub latest_change: Option<ChangeRecord>,
    /// An order for more users is under way.
    pub increase_pending: bool,
}

impl SubscriptionDetail {
    /// The billing cycle more users can be ordered in: a subscription's, while it is active.
    pub fn increasable(&self) -> Option<BillingCycle> {
        let s = &self.subscription;
        s.cycle.filter(|c| {
            s.changeable() && self.pricing.unit_cents(*c).is_some() && s.seats < self.max_seats
        })
    }

    /// A change is under way: nothing else can be asked for until it is settled.
    pub fn change_pending(&self) -> bool {
        self.latest_change
            .as_ref()
            .is_some_and(|c| c.status == ChangeStatus::Pending)
    }

    /// More users or a change are with the provider: the page looks again until they are
    /// settled.
    pub fn busy(&self) -> bool {
        self.increase_pending || self.change_pending()
    }

    /// Whether `change` can be asked for now: the subscription runs and has a term, nothing
    /// else is under way, and fewer users or a cancellation fall within the change window.
    pub fn allows(&self, change: ChangeKind) -> Result<(), SubscriptionProblem> {
        if !self.subscription.changeable() {
            return Err(SubscriptionProblem::NotChangeable);
        }
        if self.busy() {
            return Err(SubscriptionProblem::ChangePending);
        }
        let open = matches!(self.window, Some(ChangeWindow::Open { .. }));
        if change.needs_window() && !open {
            return Err(SubscriptionProblem::WindowClosed);
        }
        Ok(())
    }

    /// `change` is how the subscription stands already (a switch sent twice).
    pub fn already(&self, change: ChangeKind) -> bool {
        let s = &self.subscription;
        match change {
            ChangeKind::AutoRenew { on } => s.auto_renew == on,
            ChangeKind::RenewalSeats { seats } => s.renewal_seats == Some(seats),
            ChangeKind::Reduce { .. } | ChangeKind::Cancel => false,
        }
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
                    let renews = renewal_text(&s, texts, locale);
                    let status = state_text(s.state, texts);
                    let change = s.changeable().then(|| {
                        view! {
                            <a href=format!("/subscriptions/{}", s.id)>{t.manage_link}</a>
                        }
                    });
                    view! {
                        <tr>
                            <th scope="row">{s.name}<br/><span class="hint">{s.sku}</span></th>
                            <td>{s.seats}</td>
                            <td>{cycle}</td>
                            <td>{day(s.started_on)}</td>
                            <td>{renews}</td>
                            <td>{status}</td>
                            <td><a href=s.order.path()>{s.order.to_string()}</a></td>
                            <td>{change}</td>
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
                            <th scope="col"><span class="visually-hidden">{texts.subscriptions.changes_title}</span></th>
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
            <p><a href=format!("/orders?customer={customer_id}")>{t.orders_of_customer}</a></p>
        </section>
    }
}

/// When the subscription renews, or ends without renewal.
pub fn renewal_text(
    s: &Subscription,
    texts: &crate::i18n::Texts,
    locale: crate::i18n::Locale,
) -> String {
    let t = texts.subscriptions;
    let day = |d: Day| d.date().map(|d| format_date(d, locale)).unwrap_or_default();
    match (s.term_ends_on, s.state) {
        (Some(end), SubscriptionState::Active) if s.auto_renew => (t.renews_on)(&day(end)),
        (Some(end), SubscriptionState::Active) => (t.ends_on)(&day(end)),
        _ => texts.orders.no_renewal.to_owned(),
    }
}

pub fn state_text(state: SubscriptionState, texts: &crate::i18n::Texts) -> &'static str {
    let t = texts.subscriptions;
    match state {
        SubscriptionState::Active => texts.orders.subscription_active,
        SubscriptionState::Suspended => texts.orders.subscription_suspended,
        SubscriptionState::Cancelled => t.cancelled,
        SubscriptionState::Ended => t.ended,
    }
}
