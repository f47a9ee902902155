//! `/admin/catalog`: the category tree with the form for a new category, and the products,
//! offered or not, searchable (a GET form, so a search is a link).

use super::actions::{admin_catalog, AddCategory};
use super::category_editor::CategoryFields;
use super::form::CategoryForm;
use super::{CategoryEntry, ProductList};
use crate::admin::AdminNav;
use crate::error::FormError;
use crate::i18n::headline_price;
use crate::ui::{Pagination, Refusal};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/catalog";

/// A product's editing page.
pub fn product_path(sku: &str) -> String {
    format!("{PATH}/products/{}", crate::ui::url::query_value(sku))
}

#[component]
pub fn CatalogAdminPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.catalog_admin;
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(crate::ui::url::page_param);
    let loaded = Resource::new(
        move || (search(), page()),
        |(search, page)| admin_catalog(search, page),
    );
    let body = move || {
        Suspend::new(async move {
            match loaded.await {
                Ok((categories, products, form)) => view! {
                    <ProductTable list=products search=search()/>
                    <CategoryTable categories=categories.clone()/>
                    <NewCategory form=form.clone() categories=categories.clone()/>
                }
                .into_any(),
                Err(error) => {
                    view! { <Refusal error forbidden=texts.access_staff_only/> }.into_any()
                }
            }
        })
    };
    view! {
        <Title text=t.title/>
        <AdminNav/>
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p><a href=format!("{PATH}/new-product") class="button">{t.new_product}</a></p>
        <form method="get" action=PATH class="search-form" role="search">
            <label for="catalog-search">{t.search_label}</label>
            <input id="catalog-search" type="search" name="q" value=search/>
            <button type="submit">{texts.admin.search_submit}</button>
        </form>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn ProductTable(list: ProductList, search: String) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let texts = locale.texts();
    let t = texts.catalog_admin;
    if list.products.is_empty() {
        return view! { <p class="empty" id="product-count">{texts.products.none}</p> }.into_any();
    }
    let (total, page, pages) = (list.total, list.page, list.pages);
    let rows = list
        .products
        .into_iter()
        .map(|product| {
            let status = if product.offered { t.offered } else { t.withdrawn };
            let addon = product
                .is_addon
                .then(|| view! { " " <span class="tag">{texts.products.addon}</span> });
            view! {
                <tr class:muted=!product.offered>
                    <th scope="row"><a href=product_path(&product.sku)>{product.sku.clone()}</a></th>
                    <td>{product.name}{addon}</td>
                    <td>{product.category}</td>
                    <td>{headline_price(&product.pricing, locale)}</td>
                    <td>{(texts.products.seats_range)(crate::i18n::SeatRange { min: product.min_seats, max: product.max_seats })}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let [sku, name, category, price, seats, status] = t.product_columns;
    view! {
        <section class="catalog-section">
        <h2>{t.products_title}</h2>
        <p id="product-count">{(t.count)(total)}</p>
        <div class="table-scroll">
            <table class="table" id="catalog-products">
                <thead>
                    <tr>
                        <th scope="col">{sku}</th>
                        <th scope="col">{name}</th>
                        <th scope="col">{category}</th>
                        <th scope="col">{price}</th>
                        <th scope="col">{seats}</th>
                        <th scope="col">{status}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination page pages path=PATH params=vec![("q", search)]/>
        </section>
    }
    .into_any()
}

#[component]
fn CategoryTable(categories: Vec<CategoryEntry>) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().catalog_admin;
    let rows = categories
        .into_iter()
        .map(|category| {
            let edit = format!("{PATH}/categories/{}", category.slug);
            // The tree's depth as indentation by class (the content security policy allows no
            // inline style; a link's underline would show indenting spaces).
            let depth = format!("depth-{}", category.depth.min(4));
            view! {
                <tr>
                    <th scope="row" class=depth><a href=edit>{category.name}</a></th>
                    <td><code>{category.slug}</code></td>
                    <td>{category.products}</td>
                </tr>
            }
        })
        .collect_view();
    let [name, slug, products] = t.category_columns;
    view! {
        <section class="catalog-section">
        <h2>{t.categories_title}</h2>
        <div class="table-scroll">
            <table class="table" id="catalog-categories">
                <thead>
                    <tr>
                        <th scope="col">{name}</th>
                        <th scope="col">{slug}</th>
                        <th scope="col">{products}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        </section>
    }
}

/// An island: each field is checked as it is typed.
#[island(lazy)]
fn NewCategory(form: CategoryForm, categories: Vec<CategoryEntry>) -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let add = ServerAction::<AddCategory>::new();
    let t = texts.catalog_admin;
    super::category_editor::category_form_state(form, move || add.value().get());
    let form_error = move || match add.value().get() {
        Some(Err(FormError::Failed(error))) => Some(error.message(texts)),
        _ => None,
    };
    view! {
        <section class="form-page" aria-labelledby="new-category-title">
            <h2 id="new-category-title">{t.new_category}</h2>
            <ActionForm action=add attr:class="stacked-form" attr:novalidate="">
                <p class="form-error" role="alert">{form_error}</p>
                <CategoryFields new=true categories/>
                <div class="form-actions">
                    <button type="submit">{t.add_category}</button>
                </div>
            </ActionForm>
        </section>
    }
}
