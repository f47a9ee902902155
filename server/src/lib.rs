//! The Kontor server: configuration, the HTTP router and its middleware, and start-up.
//! The pages, server functions and data layer live in the `app` crate.

pub mod assets;
pub mod background;
pub mod body_limit;
pub mod config;
pub mod cross_site;
pub mod current_session;
pub mod demo_data;
pub mod error_pages;
pub mod first_admin;
pub mod health;
pub mod housekeeping_worker;
pub mod language;
pub mod mail_worker;
pub mod partner_worker;
pub mod price_list;
pub mod provider;
pub mod provider_worker;
pub mod router;
pub mod secret_key;
pub mod security_headers;
pub mod serve;
pub mod startup;
pub mod telemetry;
pub mod uploads;
