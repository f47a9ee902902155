//! `/subscriptions/:id`: one subscription — its term, renewal and change window — the form
//! for more users (how many, within the product's bounds, checked while typing; what they
//! cost; the terms; "Zahlungspflichtig bestellen", with an idempotency key like the cart's
//! checkout) and its changes (`changes.rs`). While a change is with the provider the page
//! looks again every few seconds.

use super::actions::{load_subscription, AddSeats, KeptChanges, LoadedSubscription};
use super::{renewal_text, state_text, SubscriptionChanges, SubscriptionDetail};
use crate::error::FormError;
use crate::i18n::{format_date, format_money};
use crate::ui::form::{server_errors, Checkbox, FormField, FormState, Input};
use crate::ui::{Refusal, ReloadWhileBusy};
use kontor_domain::{seats, ticked, Collector, FieldErrors};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeatsForm {
    pub key: String,
    /// The price per user the reseller saw (cents): a different one now is a price change
    /// to confirm, never an order at a price nobody saw.
    pub unit_cents: String,
    pub added: String,
    pub accept_terms: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeatsField {
    Added,
    AcceptTerms,
}

impl FormField for SeatsField {
    type Form = SeatsForm;

    fn name(self) -> &'static str {
        match self {
            SeatsField::Added => "form[added]",
            SeatsField::AcceptTerms => "form[accept_terms]",
        }
    }

    fn value(self, form: &SeatsForm) -> &str {
        match self {
            SeatsField::Added => &form.added,
            SeatsField::AcceptTerms => form.accept_terms.as_deref().unwrap_or_default(),
        }
    }

    fn set(self, form: &mut SeatsForm, value: String) {
        match self {
            SeatsField::Added => form.added = value,
            SeatsField::AcceptTerms => form.accept_terms = (!value.is_empty()).then_some(value),
        }
    }
}

/// How many users to add to `current`, at most up to the product's `max`; the terms ticked.
pub fn parse_seats(
    form: &SeatsForm,
    current: u32,
    max: u32,
) -> Result<u32, FieldErrors<SeatsField>> {
    let mut errors = Collector::default();
    let added = errors.check(
        SeatsField::Added,
        seats(&form.added, 1, max.saturating_sub(current)),
    );
    errors.check(SeatsField::AcceptTerms, ticked(&form.accept_terms));
    errors.finish(added)
}

#[component]
pub fn SubscriptionPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let loaded = Resource::new(id, |id| async move {
        load_subscription(id.ok_or(crate::error::AppError::NotFound)?).await
    });
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(LoadedSubscription {
                    detail,
                    more_seats,
                    changes,
                }) => view! { <Subscription detail more_seats changes/> }.into_any(),
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
fn Subscription(
    detail: SubscriptionDetail,
    more_seats: SeatsForm,
    changes: KeptChanges,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.orders;
    let s = detail.subscription.clone();
    let cycle = match s.cycle {
        Some(kontor_domain::BillingCycle::Monthly) => texts.cart.cycle_monthly,
        Some(kontor_domain::BillingCycle::Annual) => texts.cart.cycle_annual,
        None => "–",
    };
    let day = move |d: super::Day| d.date().map(|d| format_date(d, locale)).unwrap_or_default();
    let renewal = renewal_text(&s, texts, locale);
    let renewal_seats = s
        .renewal_seats
        .map(|seats| (texts.subscriptions.renewal_scheduled)(&seats.to_string()));
    // While a change is under way its status says so, and nothing else is offered.
    let form = match (detail.increasable(), detail.busy()) {
        (_, true) if detail.increase_pending => view! {
            <p class="notice-box" role="status" id="increase-pending">
                {texts.subscriptions.increase_pending}
            </p>
            <ReloadWhileBusy/>
        }
        .into_any(),
        (_, true) => ().into_any(),
        (Some(cycle), false) => {
            view! { <MoreSeats detail=detail.clone() cycle kept=more_seats/> }.into_any()
        }
        (None, false) => {
            view! { <p class="hint" id="not-increasable">{t.not_increasable}</p> }.into_any()
        }
    };
    let customer = format!("/customers/{}", detail.customer_id);
    let of_customer = (t.subscription_of)(&detail.customer_name);
    view! {
        <Title text=s.name.clone()/>
        <h1>{s.name.clone()}</h1>
        <p><a href=customer>{of_customer}</a></p>
        <dl class="details" id="subscription-details">
            <div><dt>{t.product}</dt><dd>{s.sku}</dd></div>
            <div><dt>{texts.cart.seats}</dt><dd id="subscription-seats">{s.seats}</dd></div>
            <div><dt>{texts.cart.cycle}</dt><dd>{cycle}</dd></div>
            <div><dt>{t.started_on}</dt><dd>{day(s.started_on)}</dd></div>
            <div><dt>{t.renews_on}</dt><dd id="subscription-renewal">{renewal}" "{renewal_seats}</dd></div>
            <div><dt>{t.status}</dt><dd id="subscription-state">{state_text(s.state, texts)}</dd></div>
            <div><dt>{t.order}</dt><dd><a href=s.order.path()>{s.order.to_string()}</a></dd></div>
        </dl>
        {form}
        <SubscriptionChanges detail kept=changes/>
    }
}

/// An island: the users are checked, and their cost shown, as they are typed.
#[island(lazy)]
fn MoreSeats(
    detail: SubscriptionDetail,
    cycle: kontor_domain::BillingCycle,
    kept: SeatsForm,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.orders;
    let action = ServerAction::<AddSeats>::new();
    let (current, max) = (detail.subscription.seats, detail.max_seats);
    let key = kept.key.clone();
    let unit_cents = kept.unit_cents.clone();
    let state = FormState::new(
        kept,
        move |form| parse_seats(form, current, max).err().unwrap_or_default(),
        server_errors(move || action.value().get()),
    );
    let refusal = move || match action.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let pricing = detail.pricing;
    let cost = move || {
        let added = state.value(SeatsField::Added).trim().parse::<u32>().ok()?;
        let charge = pricing.charge(cycle, added)?;
        let unit = pricing.unit_cents(cycle)?;
        Some((t.add_seats_cost)(crate::i18n::SeatCost {
            unit: &format_money(unit, locale),
            period: &format_money(charge.per_period, locale),
        }))
    };
    view! {
        <section class="checkout" id="add-seats">
            <h2>{t.add_seats_title}</h2>
            <ActionForm action attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert" id="add-seats-error">{refusal}</p>
                <input type="hidden" name="id" value=detail.subscription.id/>
                <input type="hidden" name="form[key]" value=key/>
                <input type="hidden" name="form[unit_cents]" value=unit_cents/>
                <p class="hint">{(t.add_seats_hint)(&max.saturating_sub(current).to_string())}</p>
                <Input field=SeatsField::Added label=t.add_seats input_type="number" autocomplete="off"/>
                <p class="price" id="add-seats-cost" aria-live="polite">{cost}</p>
                <Checkbox field=SeatsField::AcceptTerms>
                    {t.accept_terms}" "<a href="/terms" target="_blank">{t.terms_link}</a>
                </Checkbox>
                <button type="submit" disabled=move || action.pending().get()>{t.place}</button>
            </ActionForm>
        </section>
    }
}
