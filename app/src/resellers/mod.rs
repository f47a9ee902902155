//! The reseller account: opened by signup, confirmed, approved or locked by staff. Its pages
//! live where they are used (`signup/`, `admin/`); this module holds its store.

#[cfg(feature = "ssr")]
pub mod server;
