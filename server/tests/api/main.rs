//! Integration tests of the whole router, in process, against SQLite and PostgreSQL.
//! One test binary (not one per file) keeps linking fast.

mod smtp;
mod support;
mod tenants;

mod admin;
mod agreements;
mod audit_log;
mod cart;
mod catalog;
mod catalog_admin;
mod customer_numbers;
mod customers;
mod email_tokens;
mod first_admin;
mod form_memory;
mod health;
mod housekeeping;
mod language;
mod limits;
mod login;
mod microsoft_partner;
mod orders;
mod outbox;
mod page_snapshots;
mod pages;
mod partner_status;
mod password_reset;
mod robustness;
mod schema;
mod security;
mod sessions;
mod signup;
mod staff;
mod start_page;
mod subscriptions;
