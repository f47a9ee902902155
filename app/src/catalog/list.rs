//! `/products` ("Produktauswahl"): the category tree beside the products of the chosen
//! category (and its subcategories), with a search. Categories are links and the search is a
//! GET form, so everything works without JavaScript and can be bookmarked.

use super::actions::browse_catalog;
use super::{CatalogView, Category, ProductSummary};
use crate::ui::Refusal;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let texts = crate::i18n::use_locale().texts();
    let t = texts.products;
    let query = use_query_map();
    let category = move || query.with(|q| q.get("category").unwrap_or_default());
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let view = Resource::new(
        move || (category(), search()),
        |(category, search)| browse_catalog(category, search),
    );
    let body = move || {
        Suspend::new(async move {
            match view.await {
                Ok(view) => view! { <Catalog view search=search()/> }.into_any(),
                Err(error) => view! { <Refusal error forbidden=t.title/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=t.title/>
        <h1>{t.title}</h1>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn Catalog(view: CatalogView, search: String) -> impl IntoView {
    let t = crate::i18n::use_locale().texts().products;
    let chosen = view.category.as_ref().map(|c| c.slug.clone());
    let heading = view
        .category
        .as_ref()
        .map_or(t.all_products.to_owned(), |c| c.name.clone());
    let empty = view.products.is_empty();
    let count = (t.count)(view.products.len());
    let cards = view
        .products
        .into_iter()
        .map(|product| view! { <ProductCard product/> })
        .collect_view();
    view! {
        <div class="catalog">
            <nav class="categories" aria-label=t.categories>
                <ul>
                    <li>
                        <a href="/products" aria-current=chosen.is_none().then_some("page")>
                            {t.all_products}
                        </a>
                    </li>
                    <CategoryLinks categories=view.categories chosen=chosen.clone()/>
                </ul>
            </nav>
            <div class="catalog-main">
                <h2>{heading}</h2>
                <form method="get" action="/products" class="search-form" role="search">
                    <input type="hidden" name="category" value=chosen.unwrap_or_default()/>
                    <label for="product-search">{t.search_label}</label>
                    <input id="product-search" type="search" name="q" value=search/>
                    <button type="submit">{t.search_submit}</button>
                </form>
                <p id="product-count">{if empty { t.none.to_owned() } else { count }}</p>
                <ul class="product-list">{cards}</ul>
            </div>
        </div>
    }
}

#[component]
fn CategoryLinks(categories: Vec<Category>, chosen: Option<String>) -> impl IntoView {
    categories
        .into_iter()
        .map(|category| {
            let current = (chosen.as_deref() == Some(category.slug.as_str())).then_some("page");
            let href = format!(
                "/products?category={}",
                crate::ui::url::query_value(&category.slug)
            );
            let children = (!category.children.is_empty()).then(|| {
                view! {
                    <ul>
                        <CategoryLinks categories=category.children chosen=chosen.clone()/>
                    </ul>
                }
                .into_any()
            });
            view! {
                <li>
                    <a href=href aria-current=current>{category.name}</a>
                    {children}
                </li>
            }
        })
        .collect_view()
}

#[component]
fn ProductCard(product: ProductSummary) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().products;
    let price = crate::i18n::headline_price(&product.pricing, locale);
    view! {
        <li class="product-card">
            <h3><a href=format!("/products/{}", product.sku)>{product.name}</a></h3>
            <p class="hint">
                {product.category}
                {product.is_addon.then(|| view! { " · " <span class="tag">{t.addon}</span> })}
            </p>
            <p class="price">{price}</p>
            {product.example_prices.then(|| view! { <p class="example-price">{t.example_price}</p> })}
        </li>
    }
}
