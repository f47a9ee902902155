//! Reloading a page's data after one of its actions succeeded: with JavaScript, an action's
//! redirect to the page it came from changes nothing by itself (the router is there already),
//! so the page's resource tracks this counter instead. Without JavaScript the redirect is a
//! full page load anyway.

use leptos::prelude::*;

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
