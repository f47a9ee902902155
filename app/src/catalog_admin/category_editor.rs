//! `/admin/catalog/categories/:slug`: a category's names in both languages and its place in
//! the tree. The slug stays: links and bookmarks of resellers use it.

use super::actions::{admin_catalog_category, ChangeCategory};
use super::form::{parse_category, CategoryField, CategoryForm};
use super::CategoryEntry;
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::ui::form::{Choice, FormState, Input, Options};
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CategoryEditorPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.catalog_admin;
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let loaded = Resource::new(slug, admin_catalog_category);
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((form, categories)) => view! { <CategoryEditor form categories/> }.into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.edit_category/>
        <AdminNav/>
        <p class="breadcrumb"><a href="/admin/catalog">{t.back}</a></p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn CategoryEditor(form: CategoryForm, categories: Vec<CategoryEntry>) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.catalog_admin;
    let change = ServerAction::<ChangeCategory>::new();
    let slug = form.slug.clone();
    category_form_state(form, move || change.value().get());
    let form_error = move || match change.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    // A category cannot go below itself; the server also refuses its subcategories.
    let choices: Vec<CategoryEntry> = categories.into_iter().filter(|c| c.slug != slug).collect();
    view! {
        <section class="form-page">
            <h1>{t.edit_category}" "<code>{slug.clone()}</code></h1>
            <ActionForm action=change attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <input type="hidden" name="form[slug]" value=slug/>
                <p class="hint">{t.slug_fixed}</p>
                <CategoryFields new=false categories=choices/>
                <div class="form-actions">
                    <button type="submit">{t.save}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// Parses as staff type, and shows what the server refused.
pub(super) fn category_form_state<T: Clone + Send + Sync + 'static>(
    form: CategoryForm,
    answer: impl Fn() -> Option<Result<T, FormError<CategoryField>>> + Send + Sync + 'static,
) {
    FormState::new(
        form,
        |form| parse_category(form).err().unwrap_or_default(),
        crate::ui::form::server_errors(answer),
    );
}

/// The form's fields, shared by adding and editing: the slug only where it is new.
#[component]
pub(super) fn CategoryFields(new: bool, categories: Vec<CategoryEntry>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().catalog_admin;
    let parents: Options = categories
        .iter()
        .map(|c| (c.slug.clone(), c.label()))
        .collect();
    use CategoryField as F;
    view! {
        {new.then(|| view! {
            <Input field=F::Slug label=t.field_slug autocomplete="off" hint=t.slug_hint/>
        })}
        <Input field=F::NameDe label=t.field_name_de autocomplete="off"/>
        <Input field=F::NameEn label=t.field_name_en autocomplete="off"/>
        <Choice field=F::Parent label=t.field_parent options=parents none=t.top_level/>
    }
}
