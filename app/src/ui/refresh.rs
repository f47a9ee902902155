//! Showing what is now true. A page's data is rendered on the server only: after one of its
//! actions succeeded, the server function's redirect loads the page again (in an island too:
//! see `hydrate`). While the provider is at work on what a page shows, the page loads itself
//! again every few seconds, with or without JavaScript.

use leptos::prelude::*;

/// Loads the page again, in the browser: what it shows changed on the server.
pub fn reload_page() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Some(window) = web_sys::window() {
        _ = window.location().reload();
    }
}

/// The page loads itself again after a few seconds: put in while the provider is at work.
#[component]
pub fn ReloadWhileBusy() -> impl IntoView {
    view! { <meta http-equiv="refresh" content="3"/> }
}
