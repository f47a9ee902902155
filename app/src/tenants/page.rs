//! `/customers/:id/tenant` ("Einstellungen für weitere Dienste"): an existing tenant's domain
//! to invite, or a new tenant's prefix with its live availability check and suggestions; then
//! the creation's progress or the invitation's (the page loads itself again while they may
//! change), and a new tenant's first admin login, shown until noted.

use super::actions::{
    check_prefix, load_tenant_settings, tenant_draft, AcknowledgePassword, ResendInvitation,
    RetryTenant, SetUpTenant,
};
use super::form::{parse_tenant_form, TenantField, TenantForm};
use super::{InitialPassword, PrefixCheck, Tenant, TenantSettings};
use crate::error::{AppError, FormError};
use crate::ui::form::{
    described_by, typed_before_hydration, Checkbox, FormField, FormState, Input, Labelled,
};
use crate::ui::{Refusal, ReloadWhileBusy};
use kontor_domain::CustomerId;
use kontor_domain::{TenantBrief, TenantFailure, TenantStatus, TENANT_DOMAIN_SUFFIX};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::time::Duration;

/// How long typing must pause before the prefix is checked.
const CHECK_DELAY: Duration = Duration::from_millis(350);

fn customer_id_param() -> impl Fn() -> Option<CustomerId> + Copy {
    let params = use_params_map();
    move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()))
}

/// Everything the page shows, loaded at once: resources created inside a `<Transition>`
/// that is itself resolving can deadlock the server's reactive graph while rendering.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Loaded {
    settings: TenantSettings,
    /// The form as it starts: kept after a refusal, or with a suggestion from the link.
    form: TenantForm,
    /// The availability of the form's prefix, when it has one.
    check: Option<PrefixCheck>,
}

#[component]
pub fn TenantPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.tenants;
    let id = customer_id_param();
    let query = use_query_map();
    // A suggestion is a link with `?prefix=…`: without JavaScript it fills the field this way.
    let suggested = move || query.with(|q| q.get("prefix"));
    let loaded = Resource::new(
        move || (id(), suggested()),
        |(id, suggested)| async move {
            let id = id.ok_or(AppError::NotFound)?;
            let settings = load_tenant_settings(id).await?;
            let form = match suggested {
                Some(prefix) => TenantForm {
                    prefix,
                    ..TenantForm::default()
                },
                None => tenant_draft(id).await?.unwrap_or_default(),
            };
            let check = if form.uses_existing() || form.prefix.trim().is_empty() {
                None
            } else {
                Some(check_prefix(id, form.prefix.clone()).await?)
            };
            Ok::<_, AppError>(Loaded {
                settings,
                form,
                check,
            })
        },
    );
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(loaded) => view! { <TenantSection loaded/> }.into_any(),
                Err(error) => view! {
                    <Refusal error forbidden=texts.customers.access_resellers_only/>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Title text=t.title/>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn TenantSection(loaded: Loaded) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().tenants;
    let Loaded {
        settings,
        form,
        check,
    } = loaded;
    let customer_id = settings.customer_id;
    let lost_prefix = settings
        .tenant
        .as_ref()
        .is_some_and(|t| t.failure == Some(TenantFailure::PrefixTaken));
    let content = match settings.tenant {
        Some(tenant) if !lost_prefix => view! { <TenantState customer_id tenant/> }.into_any(),
        _ => view! {
            {lost_prefix.then(|| view! { <p class="notice-box" role="alert">{t.failed_prefix_taken}</p> })}
            <NewTenantForm customer_id kept=form first_check=check/>
        }
        .into_any(),
    };
    view! {
        <p class="breadcrumb">
            <a href=format!("/customers/{customer_id}")>{settings.company_name.clone()}</a>
        </p>
        <h1>{t.title}</h1>
        {content}
    }
}

/// An island: the prefix is checked as it is typed, and a suggestion fills the field.
#[island(lazy)]
fn NewTenantForm(
    customer_id: CustomerId,
    kept: TenantForm,
    first_check: Option<PrefixCheck>,
) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.tenants;
    let action = ServerAction::<SetUpTenant>::new();
    let answer = move || action.value().get().and_then(Result::err);
    let server_errors = crate::ui::form::server_errors(move || action.value().get());
    let state = FormState::new(
        kept,
        |form| parse_tenant_form(form).err().unwrap_or_default(),
        server_errors,
    );
    let field = TenantField::Prefix;
    let input = typed_before_hydration(state, field);

    // The prefix last checked, and the answer: first from the server, then from the check
    // that runs once typing pauses (browser only).
    let checked = RwSignal::new(state.value(field));
    let check = Action::new(move |prefix: &String| {
        let prefix = prefix.clone();
        async move { check_prefix(customer_id, prefix).await.ok() }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The prefix the server rendered the page with (and checked): typed before the island
    // woke up, another one is checked at once.
    let rendered = state.value_untracked(field);
    Effect::new(move |first: Option<()>| {
        let prefix = state.value(field);
        if first.is_none() && prefix == rendered {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // The form is gone (submitted before typing paused): nothing to check.
                if checked.try_set(prefix.clone()).is_some() {
                    return;
                }
                if !prefix.trim().is_empty() {
                    check.dispatch(prefix);
                }
            },
            CHECK_DELAY,
        )
        .ok();
        pending.set_value(handle);
    });
    let first_check = StoredValue::new(first_check);
    let answer_now = move || {
        if checked.with(|p| *p != state.value(field)) || checked.with(|p| p.trim().is_empty()) {
            return None;
        }
        match check.value().get() {
            Some(answer) => answer,
            None => first_check.get_value(),
        }
    };
    let taken = move || matches!(answer_now(), Some(PrefixCheck::Taken { .. }));
    let form_error = move || match answer() {
        Some(FormError::Failed(error)) => Some(error.message(texts)),
        _ => None,
    };
    // Only once hydrated may a section hide: without JavaScript nothing could show it again,
    // so both stay and the checkbox decides on the server.
    let uses_existing = move || state.draft.with(TenantForm::uses_existing);
    let hide_prefix = move || state.interactive.get() && uses_existing();
    let hide_domain = move || state.interactive.get() && !uses_existing();
    let availability = move || match answer_now() {
        Some(PrefixCheck::Free) => view! {
            <p class="availability free" id="prefix-availability">
                <span aria-hidden="true">"✓ "</span>
                {(t.prefix_free)(&format!(
                    "{}.{TENANT_DOMAIN_SUFFIX}",
                    checked.get().trim().to_lowercase()
                ))}
            </p>
        }
        .into_any(),
        Some(PrefixCheck::Taken { suggestions }) => {
            view! { <Suggestions customer_id suggestions state input/> }.into_any()
        }
        Some(PrefixCheck::Unchecked) => {
            view! { <p class="hint" id="prefix-availability">{t.prefix_unchecked}</p> }.into_any()
        }
        Some(PrefixCheck::Invalid(_)) | None => {
            view! { <p class="availability" id="prefix-availability"></p> }.into_any()
        }
    };
    view! {
        <p>{t.intro}</p>
        <ActionForm action attr:class="stacked-form tenant-form" attr:novalidate="">
            <p class="form-error" role="alert">{form_error}</p>
            <input type="hidden" name="customer_id" value=customer_id.to_string()/>
            <Checkbox field=TenantField::UseExisting>{t.field_use_existing}</Checkbox>
            <p class="hint">{t.use_existing_hint}</p>
            <div class:hidden=hide_domain>
                <Input field=TenantField::Domain label=t.field_domain hint=t.domain_hint autocomplete="off"/>
            </div>
            <div class:hidden=hide_prefix>
            <Labelled field label=t.field_prefix hint=Some(t.prefix_hint)>
                <div class="prefix-input">
                    <input
                        node_ref=input
                        id=field.id()
                        name=field.name()
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        maxlength="27"
                        value=state.value_untracked(field)
                        required=true
                        class:taken=taken
                        aria-invalid=move || (state.error(field).is_some() || taken()).to_string()
                        aria-describedby=format!("{} prefix-availability", described_by(field, Some("")))
                        on:input=move |ev| state.set(field, event_target_value(&ev))
                        on:blur=move |_| state.touch(field)
                    />
                    <span class="suffix">"."{TENANT_DOMAIN_SUFFIX}</span>
                </div>
            </Labelled>
            <div aria-live="polite">{availability}</div>
            </div>
            <button type="submit">{t.submit}</button>
        </ActionForm>
    }
}

/// "bereits vergeben", and free prefixes to take instead: links, so that they work without
/// JavaScript; with it, a click fills the field in place.
#[component]
fn Suggestions(
    customer_id: CustomerId,
    suggestions: Vec<String>,
    state: FormState<TenantField>,
    /// The prefix's input, which a suggestion fills.
    input: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().tenants;
    let links = suggestions
        .into_iter()
        .map(|prefix| {
            let href = format!(
                "/customers/{customer_id}/tenant?prefix={}",
                crate::ui::url::query_value(&prefix)
            );
            let chosen = prefix.clone();
            view! {
                <li>
                    <a
                        href=href
                        on:click=move |ev| {
                            ev.prevent_default();
                            if let Some(input) = input.get() {
                                input.set_value(&chosen);
                            }
                            state.set(TenantField::Prefix, chosen.clone());
                        }
                    >
                        {prefix.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="availability taken" id="prefix-availability">
            <p><span aria-hidden="true">"✗ "</span>{t.prefix_taken}</p>
            <p>{t.suggestions_intro}</p>
            <ul class="suggestions">{links}</ul>
        </div>
    }
}

/// The tenant once reserved: its progress, its failure with the way out, or its login.
#[component]
fn TenantState(customer_id: CustomerId, tenant: Tenant) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().tenants;
    let retry = ServerAction::<RetryTenant>::new();
    let resend = ServerAction::<ResendInvitation>::new();
    let acknowledge = ServerAction::<AcknowledgePassword>::new();
    let resend_error = move || {
        resend
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.message(crate::i18n::use_locale().texts()))
    };
    let domain = tenant.domain.clone();
    let busy = tenant.status.may_change();
    let body = match tenant.status {
        TenantStatus::Waiting | TenantStatus::Creating => view! {
            <p class="progress" role="status">
                {if tenant.status == TenantStatus::Waiting { t.status_waiting } else { t.status_creating }}
            </p>
        }
        .into_any(),
        TenantStatus::Failed => view! {
            <p class="notice-box" role="alert">
                {match tenant.failure {
                    Some(TenantFailure::Refused) => t.failed_refused,
                    _ => t.failed_unavailable,
                }}
            </p>
            <ActionForm action=retry>
                <input type="hidden" name="customer_id" value=customer_id.to_string()/>
                <button type="submit">{t.retry}</button>
            </ActionForm>
        }
        .into_any(),
        TenantStatus::Invited => view! {
            <p class="progress" role="status">{t.status_invited}</p>
            <ActionForm action=resend>
                <p class="form-error" role="alert">{resend_error}</p>
                <input type="hidden" name="customer_id" value=customer_id.to_string()/>
                <button type="submit">{t.resend}</button>
            </ActionForm>
        }
        .into_any(),
        TenantStatus::Authorised => view! {
            <p class="ready" role="status"><span aria-hidden="true">"✓ "</span>{t.status_authorised}</p>
        }
        .into_any(),
        TenantStatus::Ready => {
            let password = tenant.initial_password.clone();
            view! {
                <p class="ready" role="status"><span aria-hidden="true">"✓ "</span>{t.status_ready}</p>
                <dl class="details">
                    <div><dt>{t.admin_user}</dt><dd><code id="admin-user">{tenant.admin_user.clone()}</code></dd></div>
                    {match password {
                        InitialPassword::Shown(password) => view! {
                            <div>
                                <dt>{t.initial_password}</dt>
                                <dd><code id="initial-password">{password}</code></dd>
                            </div>
                        }
                        .into_any(),
                        InitialPassword::Unreadable => view! {
                            <div>
                                <dt>{t.initial_password}</dt>
                                <dd id="initial-password-unreadable">{t.password_unreadable}</dd>
                            </div>
                        }
                        .into_any(),
                        InitialPassword::None => view! {
                            <div><dt>{t.initial_password}</dt><dd>{t.password_forgotten}</dd></div>
                        }
                        .into_any(),
                    }}
                </dl>
                {(tenant.initial_password != InitialPassword::None).then(|| view! {
                    <p class="hint">{t.password_once}</p>
                    <ActionForm action=acknowledge>
                        <input type="hidden" name="customer_id" value=customer_id.to_string()/>
                        <button type="submit">{t.acknowledge}</button>
                    </ActionForm>
                })}
            }
            .into_any()
        }
    };
    // While the tenant is on its way, or waits for the customer's confirmation, look again.
    view! {
        {busy.then(|| view! { <ReloadWhileBusy/> })}
        <p>{t.domain_label}" "<strong id="tenant-domain">{domain}</strong></p>
        {body}
    }
}

/// One line on the customer's page: where the tenant stands, and the way to its settings.
#[component]
pub fn TenantSummary(customer_id: CustomerId, tenant: Option<TenantBrief>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().tenants;
    let text = tenant.map_or(t.summary_none.to_owned(), |tenant| t.describe(&tenant));
    view! {
        <section class="tenant-summary">
            <h2>{t.summary_title}</h2>
            <p id="tenant-summary">{text}</p>
            <a href=format!("/customers/{customer_id}/tenant") class="button">{t.title}</a>
        </section>
    }
}
