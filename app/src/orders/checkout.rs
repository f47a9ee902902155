//! The cart's last step: accept the terms, "Zahlungspflichtig bestellen". The form carries the
//! cart's idempotency key and the digest of the cart as shown, so a repeated post finds the
//! order it made and a post for a cart that changed meanwhile is refused.

use super::actions::PlaceOrder;
use crate::cart::CheckoutView;
use crate::error::FormError;
use crate::ui::form::{server_errors, Checkbox, FormField, FormState};
use kontor_domain::{ticked, Collector, FieldErrors};
use leptos::form::ActionForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckoutForm {
    pub key: String,
    pub digest: String,
    pub accept_terms: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckoutField {
    AcceptTerms,
}

impl FormField for CheckoutField {
    type Form = CheckoutForm;

    fn name(self) -> &'static str {
        "form[accept_terms]"
    }

    fn value(self, form: &CheckoutForm) -> &str {
        form.accept_terms.as_deref().unwrap_or_default()
    }

    fn set(self, form: &mut CheckoutForm, value: String) {
        form.accept_terms = (!value.is_empty()).then_some(value);
    }
}

/// The terms must be accepted.
pub fn parse_checkout(form: &CheckoutForm) -> Result<(), FieldErrors<CheckoutField>> {
    let mut errors = Collector::default();
    let accepted = errors.check(CheckoutField::AcceptTerms, ticked(&form.accept_terms));
    errors.finish(accepted)
}

/// An island: the order cannot be placed twice by a double click, and the terms are checked
/// before anything is sent.
#[island(lazy)]
pub fn Checkout(view: CheckoutView) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.orders;
    let action = ServerAction::<PlaceOrder>::new();
    let kept = CheckoutForm {
        key: view.key.clone(),
        digest: view.digest.clone(),
        accept_terms: None,
    };
    FormState::new(
        kept,
        |form| parse_checkout(form).err().unwrap_or_default(),
        server_errors(move || action.value().get()),
    );
    let ready = view.ready;
    let refusal = move || match action.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    view! {
        <section class="checkout" id="checkout">
            <h2>{t.checkout_title}</h2>
            {(!ready).then(|| view! { <p class="hint">{t.checkout_needs_header}</p> })}
            {view.customer_name.filter(|_| ready).map(|customer| view! {
                <p id="checkout-for">{(t.checkout_for)(crate::i18n::OrderFor { name: &view.order_name, customer: &customer })}</p>
            })}
            <ActionForm action attr:novalidate="">
                <p class="form-error" role="alert" id="checkout-error">{refusal}</p>
                <input type="hidden" name="form[key]" value=view.key/>
                <input type="hidden" name="form[digest]" value=view.digest/>
                <Checkbox field=CheckoutField::AcceptTerms>
                    {t.accept_terms}" "<a href="/terms" target="_blank">{t.terms_link}</a>
                </Checkbox>
                <p class="hint">{t.checkout_hint}</p>
                <button type="submit" id="place-order" disabled=move || !ready || action.pending().get()>
                    {t.place}
                </button>
            </ActionForm>
        </section>
    }
}
