//! The distributor's contact block: the teams a reseller can turn to, with address and phone,
//! kept by staff at `/admin/contacts` and shown on every reseller's start page.

mod actions;
mod form;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use actions::{AddContact, DeleteContact};
pub use form::{parse_contact, ContactField, ContactForm};
pub use page::ContactsPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: i64,
    pub team: String,
    pub email: String,
    pub phone: Option<String>,
}

/// The block as resellers see it.
#[component]
pub fn ContactList(contacts: Vec<Contact>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().dashboard;
    // No block at all rather than a heading over nothing.
    if contacts.is_empty() {
        return ().into_any();
    }
    let entries = contacts
        .into_iter()
        .map(|c| {
            let phone = c.phone.map(|phone| {
                let dial: String = phone
                    .chars()
                    .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                    .collect();
                view! { <br/><a href=format!("tel:{dial}")>{phone}</a> }
            });
            view! {
                <div>
                    <dt>{c.team}</dt>
                    <dd>
                        <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>
                        {phone}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t.contacts_title}</h2>
            <dl>{entries}</dl>
        </section>
    }
    .into_any()
}
