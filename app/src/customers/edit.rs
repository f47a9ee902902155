//! `/customers/new` and `/customers/:id/edit`: one form for creating and changing a customer.
//! With JavaScript each field is checked as the user leaves or changes it; without, a refused
//! form comes back filled in with each error next to its field.

use super::actions::{customer_draft, find_customer, SaveCustomer};
use super::form::{parse_customer, CustomerField, CustomerForm};
use crate::error::{AppError, FormError};
use crate::i18n::Locale;
use crate::ui::form::{Choice, FormState, Input};
use crate::ui::Refusal;
use kontor_domain::{Country, CustomerId};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().customers;
    let draft = Resource::new(|| (), |_| customer_draft(None));
    let body = move || {
        Suspend::new(async move {
            match draft.await {
                Ok(kept) => {
                    let kept = kept.unwrap_or_else(CustomerForm::new_customer);
                    view! { <CustomerFormView id=None kept/> }.into_any()
                }
                Err(error) => {
                    view! { <Refusal error forbidden=t.access_resellers_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.new_title/>
        <section class="form-page wide">
            <h1>{t.new_title}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

#[component]
pub fn EditCustomerPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().customers;
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()));
    let loaded = Resource::new(id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let stored = find_customer(id).await?;
        let kept = customer_draft(Some(id)).await?;
        Ok::<_, AppError>((id, kept.unwrap_or_else(|| stored.to_form())))
    });
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((id, kept)) => view! { <CustomerFormView id=Some(id) kept/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=t.access_resellers_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.edit_title/>
        <section class="form-page wide">
            <h1>{t.edit_title}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn CustomerFormView(id: Option<CustomerId>, kept: CustomerForm) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let (t, a) = (texts.customers, texts.accounts);
    let action = ServerAction::<SaveCustomer>::new();
    let answer = move || action.value().get().and_then(Result::err);
    let server_errors = crate::ui::form::server_errors(move || action.value().get());
    FormState::new(
        kept,
        |form| parse_customer(form).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match answer() {
        Some(FormError::Failed(error)) => Some(error.message(texts)),
        _ => None,
    };
    let cancel = match id {
        Some(id) => format!("/customers/{id}"),
        None => "/customers".to_owned(),
    };
    use CustomerField as F;
    view! {
        <p>{t.form_intro}</p>
        <ActionForm action attr:class="stacked-form customer-form" attr:novalidate="">
            <p class="form-error" role="alert" id="customer-error">{form_error}</p>
            {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
            <fieldset>
                <legend>{t.section_address}</legend>
                <Input field=F::CompanyName label=a.field_company autocomplete="off"/>
                <Input field=F::Street label=a.field_street autocomplete="off"/>
                <Input field=F::PostalCode label=a.field_postal_code autocomplete="off"/>
                <Input field=F::City label=a.field_city autocomplete="off"/>
                <Choice
                    field=F::Country
                    label=a.field_country
                    options=Country::ALL.iter().zip(a.countries).map(|(c, l)| (c.code(), l)).collect()
                />
            </fieldset>
            <fieldset>
                <legend>{t.section_contact}</legend>
                <Input field=F::ContactFirstName label=a.field_first_name autocomplete="off"/>
                <Input field=F::ContactLastName label=a.field_last_name autocomplete="off"/>
                <Input
                    field=F::ContactEmail
                    label=t.field_contact_email
                    input_type="email"
                    autocomplete="off"
                    hint=t.contact_email_hint
                />
                <Input field=F::Phone label=a.field_phone input_type="tel" autocomplete="off" optional=true/>
                <Choice
                    field=F::Language
                    label=t.field_language
                    options=Locale::ALL.iter().zip(t.languages).map(|(l, n)| (l.code(), n)).collect()
                />
            </fieldset>
            <div class="form-actions">
                <button type="submit">
                    {if id.is_some() { t.submit_update } else { t.submit_create }}
                </button>
                <a href=cancel>{t.cancel}</a>
            </div>
        </ActionForm>
    }
}
