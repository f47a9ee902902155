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
    leptos::mount::hydrate_lazy(App);
}
