//! `/agreement/:token`: the page the emailed link opens, without login. It shows the agreement
//! and asks who accepts on behalf of the company; only the form's POST uses the link up, so a
//! mail scanner opening it changes nothing. A link that no longer works says why and whom to
//! ask for a new one; once accepted, the page says so.

use super::actions::{open_agreement, AcceptAgreement};
use super::form::{parse_acceptance, AcceptanceField, AcceptanceForm};
use super::{LinkProblem, OpenedLink};
use crate::error::FormError;
use crate::i18n::format_date_time;
use crate::resellers::ResellerContact;
use crate::ui::form::{server_errors, Checkbox, FormState, Input};
use crate::ui::{reload_page, Notice};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PublicAgreementPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let opened = Resource::new(token, open_agreement);
    let body = move || {
        Suspend::new(async move {
            match opened.await {
                Ok(OpenedLink::Open {
                    company_name,
                    reseller,
                    version,
                    text,
                    form,
                }) => view! {
                    <AgreementForm token=token() company_name reseller version text kept=form/>
                }
                .into_any(),
                Ok(OpenedLink::Accepted {
                    company_name,
                    signer_name,
                    accepted_at,
                }) => {
                    let t = locale.texts().agreements;
                    let text = (t.public_accepted_text)(crate::i18n::Acceptance {
                        company: &company_name,
                        signer: &signer_name,
                        at: &format_date_time(accepted_at, locale),
                    });
                    view! { <Notice title=t.public_accepted_title text/> }.into_any()
                }
                Ok(OpenedLink::Unusable { problem, reseller }) => {
                    view! { <Unusable problem reseller/> }.into_any()
                }
                Err(error) => {
                    #[cfg(feature = "ssr")]
                    crate::error::set_page_status(&error);
                    let texts = locale.texts();
                    view! { <Notice title=texts.error_title text=error.message(texts)/> }.into_any()
                }
            }
        })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

#[component]
fn Unusable(problem: LinkProblem, reseller: Option<ResellerContact>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().agreements;
    let reason = match problem {
        LinkProblem::Unknown => t.link_unknown,
        LinkProblem::Expired => t.link_expired,
        LinkProblem::Superseded => t.link_superseded,
        LinkProblem::Used => t.link_used,
    };
    let ask = reseller.map_or(t.ask_reseller_unknown.to_owned(), |r| {
        let reach: Vec<String> = [r.email, r.phone].into_iter().flatten().collect();
        (t.ask_reseller)(crate::i18n::AskReseller {
            company: &r.company_name,
            reach: &reach.join(", "),
        })
    });
    view! { <Notice title=t.link_problem_title text=format!("{reason} {ask}")/> }
}

#[component]
fn AgreementForm(
    token: String,
    company_name: String,
    reseller: ResellerContact,
    version: String,
    text: String,
    kept: AcceptanceForm,
) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().agreements;
    let paragraphs = text
        .split("\n\n")
        .map(|p| view! { <p>{p.trim().to_owned()}</p> })
        .collect_view();
    view! {
        <Title text=t.public_title/>
        <section class="agreement-public">
            <h1>{(t.public_heading)(&company_name)}</h1>
            <p>{(t.public_intro)(crate::i18n::AgreementParties { reseller: &reseller.company_name, company: &company_name })}</p>
            <article class="agreement-text" tabindex="0" aria-label=t.title>{paragraphs}</article>
            <p class="hint">{(t.public_version)(&version)}</p>
            <AcceptForm token company_name kept/>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn AcceptForm(token: String, company_name: String, kept: AcceptanceForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().agreements;
    let action = ServerAction::<AcceptAgreement>::new();
    // The link stopped working meanwhile: the page shows why.
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Err(FormError::Failed(_)))) {
            reload_page();
        }
    });
    FormState::new(
        kept,
        |form| parse_acceptance(form).err().unwrap_or_default(),
        server_errors(move || action.value().get()),
    );
    view! {
        <ActionForm action attr:class="stacked-form" attr:novalidate="">
            <input type="hidden" name="token" value=token/>
            <Input field=AcceptanceField::FirstName label=t.field_first_name autocomplete="given-name"/>
            <Input field=AcceptanceField::LastName label=t.field_last_name autocomplete="family-name"/>
            <Input field=AcceptanceField::Email label=t.field_email input_type="email" autocomplete="email"/>
            <Checkbox field=AcceptanceField::Accept>{(t.accept_label)(&company_name)}</Checkbox>
            <button type="submit">{t.accept_submit}</button>
        </ActionForm>
    }
}
