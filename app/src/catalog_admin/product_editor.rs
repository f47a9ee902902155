//! `/admin/catalog/new-product` and `/admin/catalog/products/:sku`: a product's form, checked
//! as staff type; without JavaScript a refused form comes back filled in, each error next to
//! its field. The SKU of a stored product stays: orders and carts refer to it.

use super::actions::{admin_catalog_product, AddProduct, ChangeProduct};
use super::form::{parse_product, ProductField, ProductForm};
use super::ProductEditor;
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::ui::form::{Checkbox, Choice, FormState, Input, Options, TextArea};
use crate::ui::Refusal;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductEditorPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.catalog_admin;
    let params = use_params_map();
    // No SKU in the path: `/admin/catalog/new-product`.
    let sku = move || params.with(|p| p.get("sku"));
    let loaded = Resource::new(sku, admin_catalog_product);
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok(editor) => match sku() {
                    Some(_) => view! { <Change editor/> }.into_any(),
                    None => view! { <Add editor/> }.into_any(),
                },
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <AdminNav/>
        <p class="breadcrumb"><a href="/admin/catalog">{t.back}</a></p>
        <Suspense fallback=|| ()>{body}</Suspense>
    }
}

#[component]
fn Add(editor: ProductEditor) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().catalog_admin;
    view! {
        <Title text=t.new_product/>
        <section class="form-page">
            <h1>{t.new_product}</h1>
            <NewProductForm editor/>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn NewProductForm(editor: ProductEditor) -> impl IntoView {
    let add = ServerAction::<AddProduct>::new();
    view! {
        <ActionForm action=add attr:class="stacked-form" attr:novalidate="">
            <ProductFields editor new=true answer=move || add.value().get()/>
        </ActionForm>
    }
}

#[component]
fn Change(editor: ProductEditor) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().catalog_admin;
    let sku = editor.form.sku.clone();
    let in_carts = (editor.in_carts > 0).then(|| {
        view! { <p class="notice">{(t.in_carts)(editor.in_carts)}</p> }
    });
    view! {
        <Title text=t.edit_product/>
        <section class="form-page">
            <h1>{t.edit_product}" "<code>{sku.clone()}</code></h1>
            <p><a href=format!("/products/{}", crate::ui::url::query_value(&sku))>{t.view_product}</a></p>
            {in_carts}
            <ProductChangeForm editor/>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn ProductChangeForm(editor: ProductEditor) -> impl IntoView {
    let change = ServerAction::<ChangeProduct>::new();
    let sku = editor.form.sku.clone();
    view! {
        <ActionForm action=change attr:class="stacked-form" attr:novalidate="">
            <input type="hidden" name="form[sku]" value=sku/>
            <ProductFields editor new=false answer=move || change.value().get()/>
        </ActionForm>
    }
}

/// Everything inside the form but the SKU of a stored product.
#[component]
fn ProductFields<A>(editor: ProductEditor, new: bool, answer: A) -> impl IntoView
where
    A: Fn() -> Option<Result<(), FormError<ProductField>>> + Copy + Send + Sync + 'static,
{
    let texts = crate::i18n::use_locale().texts();
    let t = texts.catalog_admin;
    FormState::new(
        editor.form,
        |form: &ProductForm| parse_product(form).err().unwrap_or_default(),
        crate::ui::form::server_errors(answer),
    );
    let form_error = move || match answer() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    let categories: Options = editor
        .categories
        .iter()
        .map(|c| (c.slug.clone(), c.label()))
        .collect();
    use ProductField as F;
    view! {
        <p class="form-error" role="alert">{form_error}</p>
        {new.then(|| view! { <Input field=F::Sku label=t.field_sku autocomplete="off" hint=t.sku_hint/> })}
        <Input field=F::Name label=t.field_name autocomplete="off"/>
        <Choice field=F::Category label=t.field_category options=categories/>
        <TextArea field=F::DescriptionDe label=t.field_description_de/>
        <TextArea field=F::DescriptionEn label=t.field_description_en/>
        <fieldset>
            <legend>{t.prices_legend}</legend>
            <p class="hint">{t.prices_hint}</p>
            <Input field=F::Monthly label=t.field_monthly autocomplete="off" optional=true/>
            <Input field=F::Annual label=t.field_annual autocomplete="off" optional=true/>
            <Input field=F::Once label=t.field_once autocomplete="off" optional=true/>
            <Checkbox field=F::ExamplePrices>{t.field_example_prices}</Checkbox>
        </fieldset>
        <fieldset>
            <legend>{t.seats_legend}</legend>
            <Input field=F::MinSeats label=t.field_min_seats input_type="number"/>
            <Input field=F::MaxSeats label=t.field_max_seats input_type="number"/>
        </fieldset>
        <Input field=F::AddonOf label=t.field_addon_of autocomplete="off" hint=t.addon_of_hint optional=true/>
        <Checkbox field=F::Offered>{t.field_offered}</Checkbox>
        <div class="form-actions">
            <button type="submit">{t.save}</button>
        </div>
    }
}
