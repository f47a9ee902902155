//! `/customers/:id/agreement`: the customer's agreement, red or green. Red: mail the customer
//! the link, or record and attest an acceptance given elsewhere. Green: who accepted, when,
//! which version, how, and whether the provider has it. Below, the history.

use super::actions::{load_agreement, AttestAgreement, SendAgreement};
use super::form::{parse_attestation, AttestationField, AttestationForm};
use super::{Acceptance, AgreementSettings, ReportState, SentLink};
use crate::audit::History;
use crate::error::{AppError, FormError};
use crate::i18n::{format_date, format_date_time};
use crate::ui::form::{Checkbox, FormState, Input};
use crate::ui::Refusal;
use kontor_domain::CustomerId;
use kontor_domain::{german_date, parse_date, AcceptanceMethod};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AgreementPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()));
    let loaded = Resource::new(id, |id| async move {
        load_agreement(id.ok_or(AppError::NotFound)?).await
    });
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(settings) => view! { <AgreementSection settings/> }.into_any(),
                Err(error) => view! {
                    <Refusal error forbidden=texts.customers.access_resellers_only/>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Title text=texts.agreements.title/>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn AgreementSection(settings: AgreementSettings) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().agreements;
    let AgreementSettings {
        customer_id,
        company_name,
        contact_name,
        contact_email,
        acceptance,
        link,
        history,
        today,
        draft,
    } = settings;
    let content = match acceptance {
        Some(acceptance) => view! { <Accepted acceptance/> }.into_any(),
        None => view! {
            <p class="status-box red" id="agreement-status">
                <span aria-hidden="true">"✗ "</span>{t.status_open_long}
            </p>
            <SendLink customer_id contact_name contact_email link/>
            <Attest customer_id company_name=company_name.clone() kept=draft.unwrap_or_default() today/>
        }
        .into_any(),
    };
    view! {
        <p class="breadcrumb">
            <a href=format!("/customers/{customer_id}")>{company_name.clone()}</a>
        </p>
        <h1>{t.title}</h1>
        {content}
        <History entries=history/>
    }
}

#[component]
fn Accepted(acceptance: Acceptance) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().agreements;
    let (date, method) = match acceptance.method {
        AcceptanceMethod::Link => (
            format_date_time(acceptance.accepted_at, locale),
            (t.method_link)(acceptance.ip.as_deref().unwrap_or("?")),
        ),
        AcceptanceMethod::Attested => (
            format_date(german_date(acceptance.accepted_at), locale),
            (t.method_attested)(acceptance.attested_by.as_deref().unwrap_or("?")),
        ),
    };
    let report = match acceptance.report {
        ReportState::Pending => t.report_pending.to_owned(),
        ReportState::Reported { at } => (t.report_done)(&format_date_time(at, locale)),
        ReportState::Failed => t.report_failed.to_owned(),
    };
    let rows = [
        (
            t.signer,
            format!("{} <{}>", acceptance.signer_name, acceptance.signer_email),
        ),
        (t.accepted_at, date),
        (t.version, acceptance.version),
        (t.method, method),
        (t.report, report),
    ];
    view! {
        <p class="status-box green" id="agreement-status" role="status">
            <span aria-hidden="true">"✓ "</span>{t.status_accepted_long}
        </p>
        <dl class="details" id="agreement-details">
            {rows
                .into_iter()
                .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
    }
}

#[component]
fn SendLink(
    customer_id: CustomerId,
    contact_name: String,
    contact_email: String,
    link: Option<SentLink>,
) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.agreements;
    let action = ServerAction::<SendAgreement>::new();
    let error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.message(texts))
    };
    let sent = link.map(|link| {
        (t.link_open)(crate::i18n::LinkSent {
            sent: &format_date_time(link.sent_at, locale),
            until: &format_date(german_date(link.expires_at), locale),
        })
    });
    view! {
        <section class="agreement-send">
            <h2>{t.send_title}</h2>
            <p>{(t.send_intro)(crate::i18n::Recipient { name: &contact_name, email: &contact_email })}</p>
            {sent.map(|sent| view! { <p class="hint" id="agreement-link">{sent}</p> })}
            <ActionForm action>
                <p class="form-error" role="alert">{error}</p>
                <input type="hidden" name="customer_id" value=customer_id.to_string()/>
                <button type="submit">{if link.is_some() { t.send_again } else { t.send }}</button>
            </ActionForm>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn Attest(
    customer_id: CustomerId,
    company_name: String,
    kept: AttestationForm,
    today: String,
) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.agreements;
    let action = ServerAction::<AttestAgreement>::new();
    let answer = move || action.value().get().and_then(Result::err);
    let server_errors = crate::ui::form::server_errors(move || action.value().get());
    let latest = parse_date(&today).unwrap_or(time::Date::MIN);
    FormState::new(
        kept,
        move |form| parse_attestation(form, latest).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match answer() {
        Some(FormError::Failed(error)) => Some(error.message(texts)),
        _ => None,
    };
    view! {
        <section class="agreement-attest">
            <h2>{t.attest_title}</h2>
            <p>{t.attest_intro}</p>
            <ActionForm action attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <input type="hidden" name="customer_id" value=customer_id.to_string()/>
                <Input field=AttestationField::FirstName label=t.field_first_name autocomplete="off"/>
                <Input field=AttestationField::LastName label=t.field_last_name autocomplete="off"/>
                <Input field=AttestationField::Email label=t.field_email input_type="email" autocomplete="off"/>
                <Input field=AttestationField::Date label=t.field_date input_type="date" hint=t.date_hint/>
                <Checkbox field=AttestationField::Attest>{(t.attest_label)(&company_name)}</Checkbox>
                <button type="submit">{t.attest_submit}</button>
            </ActionForm>
        </section>
    }
}
