//! `/admin/customer-numbers/:number`: change the company and postal code listed for a number,
//! or delete a number no reseller has signed up under.

use super::actions::{admin_customer_number, ChangeCustomerNumber, DeleteCustomerNumber};
use super::form::RegistryForm;
use super::page::{entry_form_state, EntryFields};
use super::RegistryEntry;
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CustomerNumberPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.registry;
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").unwrap_or_default());
    let loaded = Resource::new(number, admin_customer_number);
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((entry, form)) => view! { <Editor entry form/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.title/>
        <AdminNav/>
        <p class="breadcrumb"><a href="/admin/customer-numbers">{t.back}</a></p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

#[component]
fn Editor(entry: RegistryEntry, form: RegistryForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().registry;
    let number = entry.record.customer_number;
    let deletable = entry.reseller.is_none();
    let account = entry.reseller.map(|(id, company)| {
        view! {
            <p>
                {t.column_account}": "
                <a href=format!("/admin/resellers/{id}")>{company}</a>
            </p>
        }
    });
    view! {
        <h1>{(t.edit_title)(&number)}</h1>
        {account}
        <RegistryEntryEditor number form deletable/>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn RegistryEntryEditor(number: String, form: RegistryForm, deletable: bool) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.registry;
    let change = ServerAction::<ChangeCustomerNumber>::new();
    let delete = ServerAction::<DeleteCustomerNumber>::new();
    entry_form_state(form, move || change.value().get());
    let form_error = move || {
        let failed = match (change.value().get(), delete.value().get()) {
            (Some(Err(FormError::Failed(error))), _) | (_, Some(Err(error))) => Some(error),
            _ => None,
        };
        failed.map(|error| error.message(texts))
    };
    let deletable = deletable.then(|| number.clone());
    let delete_form = deletable.map(move |deletable| {
        view! {
            <ActionForm action=delete attr:class="inline-form">
                <input type="hidden" name="number" value=deletable/>
                <button type="submit" class="secondary">{t.delete}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="form-page">
            <ActionForm action=change attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <input type="hidden" name="form[customer_number]" value=number/>
                <p class="hint">{t.number_fixed}</p>
                <EntryFields new=false/>
                <div class="form-actions">
                    <button type="submit">{t.save}</button>
                </div>
            </ActionForm>
            {delete_form}
            <p class="hint">{t.delete_hint}</p>
        </section>
    }
}
