//! Reloading a page's data after one of its actions succeeded: with JavaScript, an action's
//! redirect to the page it came from changes nothing by itself (the router is there already),
//! so the page's resource tracks this counter instead. Without JavaScript the redirect is a
//! full page load anyway. While the provider is at work on what a page shows, the page looks
//! again every few seconds: by itself with JavaScript, by a refresh in the page without.

use leptos::prelude::*;
use std::time::Duration;

/// How often a page looks again while the provider is at work.
const POLL_EVERY: Duration = Duration::from_secs(2);

#[derive(Clone, Copy)]
pub struct Refresh(RwSignal<u32>);

impl Refresh {
    /// A new counter, provided as context for the page's sections.
    pub fn provide() -> Refresh {
        let refresh = Refresh(RwSignal::new(0));
        provide_context(refresh);
        refresh
    }

    /// For the page's resource to track.
    pub fn track(self) -> u32 {
        self.0.get()
    }

    pub fn now(self) {
        self.0.update(|n| *n += 1);
    }

    /// Reloads every few seconds while `busy` (browser only).
    pub fn poll_while(self, busy: impl Fn() -> bool + 'static) {
        Effect::new(move |_| {
            if busy() {
                set_timeout(move || self.now(), POLL_EVERY);
            }
        });
    }

    /// Reloads whenever `succeeded` turns true (an action's answer was a success); a refusal
    /// keeps the form as it is, with its errors.
    pub fn after(self, succeeded: impl Fn() -> bool + 'static) {
        Effect::new(move |_| {
            if succeeded() {
                self.now();
            }
        });
    }
}

/// Without JavaScript, the page reloads itself after a few seconds. Put in as inner HTML:
/// with JavaScript a `<noscript>` holds text, which hydration must not walk.
#[component]
pub fn ReloadWithoutScript() -> impl IntoView {
    view! { <noscript inner_html=r#"<meta http-equiv="refresh" content="3">"#></noscript> }
}
