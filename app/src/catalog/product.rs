//! `/products/:sku`: one product with its description, its prices for each way of billing,
//! how many users it takes, and its add-ons (or what it is an add-on to).

use super::actions::find_product;
use super::Product;
use crate::cart::AddToCart;
use crate::error::AppError;
use crate::i18n::price_rows;
use crate::ui::Refusal;
use kontor_domain::ProductLink;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let t = crate::i18n::use_locale().texts().products;
    let params = use_params_map();
    let sku = move || params.with(|p| p.get("sku").unwrap_or_default());
    let product = Resource::new(sku, |sku| async move {
        if sku.is_empty() {
            return Err(AppError::NotFound);
        }
        find_product(sku).await
    });
    let body = move || {
        Suspend::new(async move {
            match product.await {
                Ok(product) => view! { <ProductView product/> }.into_any(),
                Err(error) => view! { <Refusal error forbidden=t.title/> }.into_any(),
            }
        })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

#[component]
fn ProductView(product: Product) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts().products;
    let Product {
        summary,
        description,
        min_seats,
        max_seats,
        path,
        addons,
        addon_of,
        can_add_to_cart,
    } = product;
    let add = ServerAction::<AddToCart>::new();
    let sku = summary.sku.clone();
    let add_form = can_add_to_cart.then(|| {
        view! {
            <ActionForm action=add attr:class="add-to-cart">
                <input type="hidden" name="sku" value=sku/>
                <button type="submit">{locale.texts().cart.add}</button>
            </ActionForm>
        }
    });
    let crumbs = path
        .into_iter()
        .map(|(slug, name)| {
            view! {
                " › "
                <a href=format!("/products?category={}", crate::ui::url::query_value(&slug))>{name}</a>
            }
        })
        .collect_view();
    let prices = price_rows(&summary.pricing, locale);
    let rows = prices
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! {
        <Title text=summary.name.clone()/>
        <p class="breadcrumb"><a href="/products">{t.title}</a>{crumbs}</p>
        <h1>{summary.name.clone()}</h1>
        <p class="hint">"SKU "<code>{summary.sku.clone()}</code></p>
        <p>{description}</p>
        <dl class="details" id="prices">
            {rows}
            <div><dt>{t.seats}</dt><dd>{(t.seats_range)(crate::i18n::SeatRange { min: min_seats, max: max_seats })}</dd></div>
        </dl>
        <p class="hint">{t.net_prices}</p>
        {summary.example_prices.then(|| view! { <p class="example-price">{t.example_price}</p> })}
        {add_form}
        <Links title=t.addons links=addons/>
        <Links title=t.addon_of links=addon_of/>
    }
}

#[component]
fn Links(title: &'static str, links: Vec<ProductLink>) -> impl IntoView {
    if links.is_empty() {
        return ().into_any();
    }
    let items = links
        .into_iter()
        .map(|link| view! { <li><a href=format!("/products/{}", link.sku)>{link.name}</a></li> })
        .collect_view();
    view! {
        <section class="product-links">
            <h2>{title}</h2>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}
