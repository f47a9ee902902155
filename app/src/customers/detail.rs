//! `/customers/:id`: one customer's data, with the way to change it. Below it, what the other
//! capabilities keep about the customer (tenant, agreement, subscriptions): the routes hand
//! those in as `facets`, so customers import none of them.

use super::actions::find_customer;
use super::Customer;
use crate::error::AppError;
use crate::i18n::{format_day, Locale};
use crate::ui::Refusal;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CustomerDetailPage(facets: fn(&Customer) -> AnyView) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().customers;
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()));
    let loaded = Resource::new(id, |id| async move {
        find_customer(id.ok_or(AppError::NotFound)?).await
    });
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(customer) => view! { <CustomerView customer facets/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=t.access_resellers_only/> }.into_any()
                }
            }
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}

#[component]
fn CustomerView(customer: Customer, facets: fn(&Customer) -> AnyView) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let (t, a) = (texts.customers, texts.accounts);
    let country = kontor_domain::Country::ALL
        .iter()
        .zip(a.countries)
        .find(|(c, _)| c.code() == customer.country)
        .map_or(customer.country.clone(), |(_, name)| name.to_owned());
    let language = Locale::ALL
        .iter()
        .zip(t.languages)
        .find(|(l, _)| l.code() == customer.locale)
        .map_or(customer.locale.clone(), |(_, name)| name.to_owned());
    let created = format_day(customer.created_at, locale);
    let rows = [
        (a.field_street, customer.street.clone()),
        (
            a.field_city,
            format!("{} {}", customer.postal_code, customer.city),
        ),
        (a.field_country, country),
        (t.section_contact, customer.contact_name()),
        (t.field_contact_email, customer.contact_email.clone()),
        (
            a.field_phone,
            customer.phone.clone().unwrap_or(t.phone_none.to_owned()),
        ),
        (t.field_language, language),
        (t.created_on, created),
    ];
    view! {
        <Title text=customer.company_name.clone()/>
        <p class="breadcrumb"><a href="/customers">{t.back_to_list}</a></p>
        <div class="page-heading">
            <h1>{customer.company_name.clone()}</h1>
            <a href=format!("/customers/{}/edit", customer.id) class="button">{t.edit}</a>
        </div>
        <dl class="details">
            {rows
                .into_iter()
                .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
        {facets(&customer)}
    }
}
