//! `/microsoft-customers`: the legend, a filter by colour (a GET form: works without
//! JavaScript and can be bookmarked), and a row per customer with its badge — colour, icon and
//! words, never colour alone — the time of the last check and of the last invitation,
//! "überprüfen" and "Einladung senden".

use super::actions::{load_partner_customers, InvitePartner, RecheckPartner};
use super::{PartnerCustomer, PartnerCustomers};
use crate::i18n::format_date_time;
use crate::ui::Refusal;
use kontor_domain::{CustomerId, PartnerStatus};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PartnerCustomersPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.partner;
    let query = use_query_map();
    let colour = move || query.with(|q| q.get("colour").unwrap_or_default());
    let invited = move || query.with(|q| q.get("invited").and_then(|id| id.parse().ok()));
    let actions = RowActions {
        recheck: ServerAction::new(),
        invite: ServerAction::new(),
    };
    let list = Resource::new(colour, load_partner_customers);
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! {
                    <Customers list actions colour=colour() invited=invited()/>
                }
                .into_any(),
                Err(error) => view! {
                    <Refusal error forbidden=texts.customers.access_resellers_only/>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Title text=t.customers_title/>
        <h1>{t.customers_title}</h1>
        <p>{t.customers_intro}</p>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

/// What each row can do.
#[derive(Clone, Copy)]
struct RowActions {
    recheck: ServerAction<RecheckPartner>,
    invite: ServerAction<InvitePartner>,
}

/// The words (with their icon) for a colour.
fn status_text(status: PartnerStatus, locale: crate::i18n::Locale) -> &'static str {
    let statuses = locale.texts().partner.statuses;
    match status {
        PartnerStatus::Linked => statuses[0],
        PartnerStatus::LinkedElsewhere => statuses[1],
        PartnerStatus::Unlinked => statuses[2],
    }
}

#[component]
fn Badge(status: PartnerStatus) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    view! {
        <span class=format!("partner-badge {}", status.as_str())>{status_text(status, locale)}</span>
    }
}

#[component]
fn Customers(
    list: PartnerCustomers,
    actions: RowActions,
    colour: String,
    /// The customer an invitation just went to.
    invited: Option<CustomerId>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.partner;
    if list.identity_missing {
        return view! {
            <p class="notice-box" id="identity-missing">{t.identity_missing}</p>
            <a href="/settings/microsoft">{t.identity_link}</a>
        }
        .into_any();
    }
    let legend = PartnerStatus::ALL
        .into_iter()
        .map(|status| view! { <li><Badge status/></li> })
        .collect_view();
    let options = PartnerStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.as_str() selected=colour == s.as_str()>
                    {status_text(s, locale)}
                </option>
            }
        })
        .collect_view();
    let refused = move || {
        let recheck = actions.recheck.value().get().and_then(Result::err);
        let invite = actions.invite.value().get().and_then(Result::err);
        recheck.or(invite).map(|error| error.message(texts))
    };
    let sent = list
        .customers
        .iter()
        .find(|c| Some(c.customer_id) == invited)
        .map(|c| (t.invitation_sent)(&c.company_name));
    let table = (!list.customers.is_empty()).then(|| {
        let rows = list
            .customers
            .into_iter()
            .map(|customer| view! { <Row customer actions/> })
            .collect_view();
        view! {
            <div class="table-scroll">
            <table class="partner-customers">
                <thead>
                    <tr>
                        <th>{t.column_customer}</th>
                        <th>{t.column_domain}</th>
                        <th>{t.column_status}</th>
                        <th>{t.column_checked}</th>
                        <th>{t.column_invited}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        }
    });
    let empty = table
        .is_none()
        .then(|| view! { <p class="empty">{t.empty}</p> });
    view! {
        <section class="legend" aria-label=t.legend>
            <h2>{t.legend}</h2>
            <ul class="partner-legend">{legend}</ul>
        </section>
        <form method="get" action="/microsoft-customers" class="filter-form" role="search">
            <label for="filter-colour">{t.filter_label}</label>
            <select id="filter-colour" name="colour">
                <option value="">{t.filter_all}</option>
                {options}
            </select>
            <button type="submit">{t.filter_submit}</button>
        </form>
        <p class="form-error" role="alert">{refused}</p>
        <p class="notice" role="status">{sent}</p>
        {table}
        {empty}
    }
    .into_any()
}

#[component]
fn Row(customer: PartnerCustomer, actions: RowActions) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().partner;
    let checked = match customer.checked_at {
        Some(at) => (t.checked_at)(&format_date_time(at, locale)),
        None => t.never_checked.to_owned(),
    };
    let failed = customer
        .failed_at
        .map(|at| view! { <p class="check-failed">{(t.check_failed)(&format_date_time(at, locale))}</p> });
    let invited = match customer.invited_at {
        Some(at) => (t.invited_at)(&format_date_time(at, locale)),
        None => t.never_invited.to_owned(),
    };
    // A customer linked to this reseller needs no invitation.
    let invite = (customer.status != Some(PartnerStatus::Linked)).then(|| {
        view! {
            <ActionForm action=actions.invite attr:class="inline-form">
                <input type="hidden" name="customer_id" value=customer.customer_id.to_string()/>
                <button type="submit">{t.invite}</button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            <td><a href=format!("/customers/{}", customer.customer_id)>{customer.company_name}</a></td>
            <td>{customer.domain}</td>
            <td>
                {customer.status.map(|status| view! { <Badge status/> })}
            </td>
            <td>{checked}{failed}</td>
            <td>{invited}</td>
            <td class="row-actions">
                <ActionForm action=actions.recheck attr:class="inline-form">
                    <input type="hidden" name="customer_id" value=customer.customer_id.to_string()/>
                    <button type="submit">{t.recheck}</button>
                </ActionForm>
                {invite}
            </td>
        </tr>
    }
}
