//! `/cart` ("Warenkorb"): the order's name and customer, each line with its own form (users,
//! monthly or annual billing) and its add-ons, and the totals. Every button is a form, so the
//! cart works without JavaScript; with it, fields are checked while typing. The checkout form
//! below the totals is the orders' (handed in by the routes as `checkout_form`).

use super::actions::{load_cart, AddAddon, ConfirmPrices, RemoveLine, SaveCartHeader, SaveLine};
use super::form::{parse_header, parse_line, HeaderField, LineBounds, LineField, LineForm};
use super::{CartLine, CartView, CheckoutView, CustomerChoice};
use crate::error::FormError;
use crate::i18n::{format_money, Locale};
use crate::ui::form::{
    chosen_before_hydration, described_by, server_errors, typed_before_hydration, FormField,
    FormState, Input, Labelled,
};
use crate::ui::Refusal;
use kontor_domain::{BillingCycle, Charge, CustomerId, Pricing};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CartPage(checkout_form: fn(CheckoutView) -> AnyView) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.cart;
    let cart = Resource::new(|| (), |_| load_cart());
    let body = move || {
        Suspend::new(async move {
            match cart.await {
                Ok(view) => view! { <Cart view checkout_form/> }.into_any(),
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

#[component]
fn Cart(view: CartView, checkout_form: fn(CheckoutView) -> AnyView) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().cart;
    let CartView {
        header,
        customers,
        lines,
        totals,
        checkout,
    } = view;
    let empty = lines.is_empty();
    let prices_changed = lines.iter().any(|l| l.price_change.is_some());
    let confirm = ServerAction::<ConfirmPrices>::new();
    let rows = lines
        .into_iter()
        .map(|line| view! { <Line line/> })
        .collect_view();
    view! {
        <CartHeader kept=header customers/>
        <section class="cart-lines">
            <h2>{t.lines_title}</h2>
            {if empty {
                view! {
                    <p id="cart-empty">{t.empty}" "<a href="/products">{locale.texts().products.title}</a></p>
                }
                .into_any()
            } else {
                view! {
                    {prices_changed.then(|| view! {
                        <div class="notice-box" role="alert" id="price-changes">
                            <p>{t.prices_changed}</p>
                            <ActionForm action=confirm>
                                <button type="submit">{t.confirm_prices}</button>
                            </ActionForm>
                        </div>
                    })}
                    <ul class="cart-list">{rows}</ul>
                    <dl class="details totals" id="cart-totals">
                        <div><dt>{t.net}</dt><dd>{format_money(totals.net, locale)}</dd></div>
                        <div><dt>{t.vat}</dt><dd>{format_money(totals.vat, locale)}</dd></div>
                        <div><dt>{t.gross}</dt><dd><strong>{format_money(totals.gross, locale)}</strong></dd></div>
                    </dl>
                    <p class="hint">{t.totals_hint}</p>
                    {checkout_form(checkout)}
                }
                .into_any()
            }}
        </section>
    }
}

/// An island: the order's name and customer are checked as they are chosen.
#[island(lazy)]
fn CartHeader(kept: super::HeaderForm, customers: Vec<CustomerChoice>) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.cart;
    let action = ServerAction::<SaveCartHeader>::new();
    let server_errors = server_errors(move || action.value().get());
    let choices = StoredValue::new(customers.clone());
    let state = FormState::new(
        kept,
        move |form| choices.with_value(|c| parse_header(form, c).err().unwrap_or_default()),
        server_errors,
    );
    let field = HeaderField::Customer;
    let chosen = move |id: CustomerId| state.draft.with(|d| d.customer == id.to_string());
    let options = customers
        .into_iter()
        .map(|c| {
            let label = match c.refusal {
                Some(refusal) => format!("{} – {}", c.name, texts.accounts.order_refusal(refusal)),
                None => c.name.clone(),
            };
            view! {
                <option value=c.id.to_string() disabled=c.refusal.is_some() selected=move || chosen(c.id)>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="cart-header">
            <h2>{t.header_title}</h2>
            <ActionForm action attr:class="stacked-form" attr:novalidate="">
                <Input field=HeaderField::OrderName label=t.order_name autocomplete="off"/>
                <Labelled field label=t.customer hint=Some(t.customer_hint)>
                    <select
                        node_ref=chosen_before_hydration(state, field)
                        id=field.id()
                        name=field.name()
                        aria-invalid=move || state.error(field).is_some().to_string()
                        aria-describedby=described_by(field, Some(""))
                        on:change=move |ev| state.set(field, event_target_value(&ev))
                        on:blur=move |_| state.touch(field)
                    >
                        <option value="" selected=move || state.draft.with(|d| d.customer.is_empty())>
                            {texts.accounts.choose}
                        </option>
                        {options}
                    </select>
                </Labelled>
                <button type="submit">{t.save}</button>
            </ActionForm>
        </section>
    }
}

/// What a line costs, in words (cart and order lines).
pub fn amount(
    pricing: &Pricing,
    cycle: BillingCycle,
    charge: Option<Charge>,
    locale: Locale,
) -> String {
    let t = locale.texts().cart;
    let money = |cents| format_money(cents, locale);
    match (pricing, charge) {
        (_, None) => String::new(),
        (Pricing::Usage, _) => locale.texts().products.usage.to_owned(),
        (Pricing::Perpetual { .. }, Some(c)) => (t.amount_once)(&money(c.per_period)),
        (Pricing::Subscription { .. }, Some(c)) => match cycle {
            BillingCycle::Monthly => (t.amount_month)(&money(c.per_period)),
            BillingCycle::Annual => (t.amount_year)(crate::i18n::YearlyAmount {
                year: &money(c.per_period),
                month: &money(c.per_month),
            }),
        },
    }
}

#[component]
fn Line(line: CartLine) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.cart;
    let remove = ServerAction::<RemoveLine>::new();
    let line_id = line.id;
    let addons = line
        .addons
        .into_iter()
        .map(|addon| {
            let add = ServerAction::<AddAddon>::new();
            view! {
                <ActionForm action=add attr:class="inline-form">
                    <input type="hidden" name="line_id" value=line_id/>
                    <input type="hidden" name="sku" value=addon.sku/>
                    <button type="submit" class="secondary">{(t.add_addon)(&addon.name)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    let kept = LineForm {
        seats: line.seats.to_string(),
        cycle: line.cycle.as_str().to_owned(),
    };
    view! {
        <li class="cart-line" class:addon=line.parent_id.is_some() id=format!("line-{}", line.id)>
            <div class="cart-line-head">
                <h3>
                    {line.parent_id.is_some().then(|| view! { <span class="tag">{texts.products.addon}</span>" " })}
                    <a href=format!("/products/{}", line.sku)>{line.name.clone()}</a>
                </h3>
                <p class="price line-amount">{amount(&line.pricing, line.cycle, line.charge, locale)}</p>
            </div>
            {line.charge.is_none().then(|| view! {
                <p class="price-change line-unavailable">{t.line_unavailable}</p>
            })}
            {line.price_change.map(|change| view! {
                <p class="price-change">
                    {(t.price_changed)(crate::i18n::PriceChange { before: &format_money(change.accepted, locale), now: &format_money(change.now, locale) })}
                </p>
            })}
            <LineEditor line_id bounds=line.bounds kept/>
            <div class="line-actions">
                {addons}
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="line_id" value=line.id/>
                    <button type="submit" class="secondary">{t.remove}</button>
                </ActionForm>
            </div>
        </li>
    }
}

/// An island: the users are checked against the product's bounds as they are typed.
#[island(lazy)]
fn LineEditor(line_id: i64, bounds: LineBounds, kept: LineForm) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.cart;
    let save = ServerAction::<SaveLine>::new();
    let server_errors = server_errors(move || save.value().get());
    let state = FormState::new(
        kept,
        move |form| parse_line(form, &bounds).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match save.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let seats_id = format!("seats-{line_id}");
    let cycles = bounds.cycles();
    let cycle_field = LineField::Cycle;
    let chosen = move |cycle: BillingCycle| state.draft.with(|d| d.cycle == cycle.as_str());
    let cycle_select = (!cycles.is_empty()).then(|| {
        let options = cycles
            .into_iter()
            .map(|cycle| {
                let label = match cycle {
                    BillingCycle::Monthly => t.cycle_monthly,
                    BillingCycle::Annual => t.cycle_annual,
                };
                view! { <option value=cycle.as_str() selected=move || chosen(cycle)>{label}</option> }
            })
            .collect_view();
        view! {
            <label>
                {t.cycle}
                <select
                    node_ref=chosen_before_hydration(state, cycle_field)
                    name=cycle_field.name()
                    on:change=move |ev| state.set(cycle_field, event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
        }
    });
    let seats_field = LineField::Seats;
    view! {
        <ActionForm action=save attr:class="line-form" attr:novalidate="">
            <p class="form-error" role="alert">{form_error}</p>
            <input type="hidden" name="line_id" value=line_id/>
            <label for=seats_id.clone()>{t.seats}</label>
            <input
                node_ref=typed_before_hydration(state, seats_field)
                id=seats_id.clone()
                name=seats_field.name()
                type="number"
                inputmode="numeric"
                min=bounds.min_seats
                max=bounds.max_seats
                value=state.value_untracked(seats_field)
                aria-invalid=move || state.error(seats_field).is_some().to_string()
                aria-describedby=format!("{seats_id}-error")
                on:input=move |ev| state.set(seats_field, event_target_value(&ev))
                on:blur=move |_| state.touch(seats_field)
            />
            {cycle_select}
            <button type="submit">{t.save}</button>
            <p class="field-error" id=format!("{seats_id}-error")>{move || state.message(seats_field)}</p>
        </ActionForm>
    }
}
