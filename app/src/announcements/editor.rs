//! `/admin/announcements/new` and `/admin/announcements/:id`: an announcement's form, checked
//! as staff type; without JavaScript a refused form comes back filled in, each error next to
//! its field.

use super::actions::{load_announcement, SaveAnnouncement};
use super::form::{parse_announcement, AnnouncementField, AnnouncementForm};
use crate::admin::AdminNav;
use crate::error::{AppError, FormError};
use crate::ui::form::{Checkbox, Choice, FormState, Input, TextArea};
use crate::ui::Refusal;
use kontor_domain::AnnouncementKind;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AnnouncementEditorPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.announcements;
    let params = use_params_map();
    // `/admin/announcements/new` for a new one (`None`); a path that is not a number finds
    // nothing.
    let id = move || {
        params.with(|p| match p.get("id").as_deref() {
            Some("new") | None => None,
            Some(id) => Some(id.parse::<i64>().ok()),
        })
    };
    let loaded = Resource::new(id, |id| async move {
        match id {
            Some(None) => Err(AppError::NotFound),
            Some(Some(id)) => load_announcement(Some(id))
                .await
                .map(|form| (Some(id), form)),
            None => load_announcement(None).await.map(|form| (None, form)),
        }
    });
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((id, form)) => view! { <Editor id form/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <AdminNav/>
        <p class="breadcrumb"><a href="/admin/announcements">{t.back_to_list}</a></p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

#[component]
fn Editor(id: Option<i64>, form: AnnouncementForm) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().announcements;
    let title = if id.is_some() {
        t.edit_title
    } else {
        t.new_title
    };
    view! {
        <Title text=title/>
        <section class="form-page">
            <h1>{title}</h1>
            <AnnouncementEditorForm id form/>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn AnnouncementEditorForm(id: Option<i64>, form: AnnouncementForm) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.announcements;
    let save = ServerAction::<SaveAnnouncement>::new();
    let server_errors = crate::ui::form::server_errors(move || save.value().get());
    FormState::new(
        form,
        |form| parse_announcement(form).err().unwrap_or_default(),
        server_errors,
    );
    let form_error = move || match save.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let kinds = AnnouncementKind::ALL
        .into_iter()
        .map(|kind| (kind.as_str(), t.kind(kind)))
        .collect();
    use AnnouncementField as F;
    view! {
        <ActionForm action=save attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                {id.map(|id| view! { <input type="hidden" name="id" value=id/> })}
                <Choice field=F::Kind label=t.field_kind options=kinds/>
                <Input field=F::TitleDe label=t.field_title_de autocomplete="off"/>
                <TextArea field=F::BodyDe label=t.field_body_de hint=t.body_hint/>
                <Input field=F::TitleEn label=t.field_title_en autocomplete="off"/>
                <TextArea field=F::BodyEn label=t.field_body_en hint=t.body_hint/>
                <Input field=F::VisibleFrom label=t.field_visible_from input_type="date"/>
                <Input
                    field=F::VisibleUntil
                    label=t.field_visible_until
                    input_type="date"
                    hint=t.visible_until_hint
                    optional=true
                />
                <fieldset>
                    <legend>{t.maintenance_legend}</legend>
                    <p class="hint">{t.maintenance_hint}</p>
                    <Input
                        field=F::MaintenanceFrom
                        label=t.field_maintenance_from
                        input_type="datetime-local"
                        optional=true
                    />
                    <Input
                        field=F::MaintenanceUntil
                        label=t.field_maintenance_until
                        input_type="datetime-local"
                        optional=true
                    />
                </fieldset>
                <Checkbox field=F::Pinned>{t.field_pinned}</Checkbox>
                <div class="form-actions">
                    <button type="submit">{t.publish}</button>
                </div>
            </ActionForm>
    }
}
