//! `/admin/contacts`: the contact block as resellers see it, a line to delete per team, and the
//! form to add one.

use super::actions::{admin_contacts, AddContact, DeleteContact};
use super::form::{parse_contact, ContactField, ContactForm};
use super::Contact;
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::ui::form::{FormState, Input};
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.dashboard;
    let delete = ServerAction::<DeleteContact>::new();
    let loaded = Resource::new(|| (), |_| admin_contacts());
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((contacts, form)) => view! {
                    <ContactTable contacts delete/>
                    <NewContact form=form.clone()/>
                }
                .into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.contacts_admin_title/>
        <AdminNav/>
        <h1>{t.contacts_admin_title}</h1>
        <p>{t.contacts_admin_intro}</p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

#[component]
fn ContactTable(contacts: Vec<Contact>, delete: ServerAction<DeleteContact>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().dashboard;
    if contacts.is_empty() {
        return view! { <p class="empty">{t.contacts_empty}</p> }.into_any();
    }
    let rows = contacts
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.team}</th>
                    <td>{c.email}</td>
                    <td>{c.phone}</td>
                    <td>
                        <ActionForm action=delete attr:class="inline-form">
                            <input type="hidden" name="id" value=c.id/>
                            <button type="submit" class="secondary">{t.contact_delete}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" id="contacts">
            <thead>
                <tr>
                    <th scope="col">{t.field_team}</th>
                    <th scope="col">{t.field_email}</th>
                    <th scope="col">{t.field_phone}</th>
                    <th scope="col"><span class="visually-hidden">{t.contact_delete}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn NewContact(form: ContactForm) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let add = ServerAction::<AddContact>::new();
    let t = texts.dashboard;
    let server_errors = crate::ui::form::server_errors(move || add.value().get());
    FormState::new(
        form,
        |form| parse_contact(form).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match add.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    use ContactField as F;
    view! {
        <section class="form-page" aria-labelledby="new-contact-title">
            <h2 id="new-contact-title">{t.contact_new}</h2>
            <ActionForm action=add attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <Input field=F::Team label=t.field_team autocomplete="off" hint=t.team_hint/>
                <Input field=F::Email label=t.field_email input_type="email" autocomplete="off"/>
                <Input field=F::Phone label=t.field_phone input_type="tel" autocomplete="off" optional=true/>
                <div class="form-actions">
                    <button type="submit">{t.contact_add}</button>
                </div>
            </ActionForm>
        </section>
    }
}
