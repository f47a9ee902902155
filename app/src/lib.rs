//! Kontor's web application: compiled for the server (`ssr`) and for the browser (`hydrate`).
// Leptos's nested view types: the release build of the browser bundle computes their layout
// deeper than the default 128 allows (the partner-status table).
#![recursion_limit = "256"]

pub mod admin;
pub mod agreements;
pub mod announcements;
pub mod audit;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod catalog_admin;
pub mod contacts;
pub mod cookies;
pub mod customer_numbers;
pub mod customers;
pub mod email_links;
pub mod error;
pub mod home;
pub mod i18n;
pub mod microsoft_partner;
pub mod orders;
pub mod partner_status;
pub mod password_reset;
pub mod resellers;
pub mod routes;
pub mod signup;
pub mod subscriptions;
pub mod tenants;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod platform;

pub use routes::{shell, App};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // A form in an island posts with `fetch`; a server function that answers with a redirect
    // (saved: go on to the next page) then loads that page, as the form's plain post would.
    _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        if let Some(window) = web_sys::window() {
            _ = window.location().assign(location);
        }
    });
    leptos::mount::hydrate_islands();
    provide_refusal_from_url();
}

/// A form posted plainly (without JavaScript, or before its island woke up) comes back with
/// the server function's refusal in the URL, and the server rendered the page with it: the
/// islands start from the same answer, as the router provides it on the server. Otherwise an
/// island's errors would differ from its HTML, which hydration cannot mend.
#[cfg(feature = "hydrate")]
fn provide_refusal_from_url() {
    let params = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    if let Some(params) = params {
        if let (Some(error), Some(path)) = (params.get("__err"), params.get("__path")) {
            leptos::prelude::provide_context(leptos::server::ServerActionError::new(&path, &error));
        }
    }
}
