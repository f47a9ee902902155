//! `/settings/microsoft`: the form for the location MPN and the Microsoft id (checked as the
//! user types; without JavaScript a refused form comes back filled in with each error next to
//! its field), and "MPA prüfen" with the provider's last answer.

use super::actions::{load_microsoft_partner, CheckMpa, SaveMicrosoftPartner};
use super::form::{parse_microsoft_partner, MicrosoftPartnerField, MicrosoftPartnerForm};
use super::{MicrosoftPartner, MpaAnswer, MpaCheck};
use crate::error::FormError;
use crate::i18n::format_date_time;
use crate::ui::form::{FormState, Input};
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MicrosoftPartnerPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.partner;
    let check = ServerAction::<CheckMpa>::new();
    // A save leads back here, with `?saved`.
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    let loaded = Resource::new(|| (), |_| load_microsoft_partner());
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((stored, form)) => view! {
                    <PartnerForm form saved/>
                    <MpaSection check stored/>
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
        <Title text=t.title/>
        <section class="form-page">
            <h1>{t.title}</h1>
            <p>{t.intro}</p>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn PartnerForm(form: MicrosoftPartnerForm, saved: bool) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.partner;
    let save = ServerAction::<SaveMicrosoftPartner>::new();
    let server_errors = crate::ui::form::server_errors(move || save.value().get());
    FormState::new(
        form,
        |form| parse_microsoft_partner(form).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match save.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let saved = move || (saved && save.value().with(Option::is_none)).then_some(t.saved);
    use MicrosoftPartnerField as F;
    view! {
        <ActionForm action=save attr:class="stacked-form" attr:novalidate="">
            <p class="form-error" role="alert">{form_error}</p>
            <p class="notice" role="status">{saved}</p>
            <Input field=F::LocationMpn label=t.field_mpn autocomplete="off" hint=t.mpn_hint/>
            <Input
                field=F::MicrosoftId
                label=t.field_microsoft_id
                autocomplete="off"
                hint=t.microsoft_id_hint
            />
            <div class="form-actions">
                <button type="submit">{t.save}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn MpaSection(check: ServerAction<CheckMpa>, stored: MicrosoftPartner) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.partner;
    let refused = move || {
        check
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| error.message(texts))
    };
    let answer = match (&stored.location_mpn, &stored.mpa) {
        (None, _) => view! { <p>{t.mpa_needs_mpn}</p> }.into_any(),
        (Some(_), None) => view! { <p>{t.mpa_never_checked}</p> }.into_any(),
        (Some(mpn), Some(MpaCheck { answer, checked_at })) => {
            let (class, text) = match answer {
                MpaAnswer::Accepted {
                    partner_name: Some(name),
                } => (
                    "mpa ok",
                    (t.mpa_accepted_by)(crate::i18n::MpaAcceptedBy { mpn, name }),
                ),
                MpaAnswer::Accepted { partner_name: None } => ("mpa ok", (t.mpa_accepted)(mpn)),
                MpaAnswer::NotAccepted => ("mpa missing", (t.mpa_not_accepted)(mpn)),
                MpaAnswer::Refused(problem) => (
                    "mpa missing",
                    (t.mpa_refused)(crate::i18n::MpaRefused {
                        mpn,
                        reason: &(texts.provider.problem)(*problem),
                    }),
                ),
            };
            let when = (t.mpa_checked_at)(&format_date_time(*checked_at, locale));
            view! {
                <p class=class id="mpa-answer">{text}</p>
                <p class="hint">{when}</p>
            }
            .into_any()
        }
    };
    view! {
        <section class="mpa">
            <h2>{t.mpa_title}</h2>
            <p>{t.mpa_intro}</p>
            {answer}
            <p class="form-error" role="alert">{refused}</p>
            <ActionForm action=check>
                <button type="submit" disabled=stored.location_mpn.is_none()>
                    {t.check_mpa}
                </button>
            </ActionForm>
        </section>
    }
}
