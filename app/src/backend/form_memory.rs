//! Without JavaScript a refused form post is answered with a redirect back to the form, and
//! the browser forgets what was typed. The server keeps it here (never passwords), for a few
//! minutes, under a random key in a cookie, so that the form comes back filled in. In memory
//! only: nothing typed into a refused form is written to disk.

use super::request;
use super::secret_token::SecretToken;
use axum::http::{header, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const COOKIE: &str = "kontor_form";
const KEEP: Duration = Duration::from_secs(10 * 60);
const MAX_FORMS: usize = 10_000;

#[derive(Clone, Default)]
pub struct FormMemory {
    forms: Arc<Mutex<HashMap<String, (Instant, String)>>>,
}

impl FormMemory {
    /// Keeps `form` (already stripped of secrets) for the next page this browser loads, when
    /// the request is a plain form post; script callers keep their form themselves.
    pub fn remember<T: Serialize>(&self, form_name: &str, form: &T) {
        if !request::is_plain_form_post() {
            return;
        }
        let Ok(json) = serde_json::to_string(form) else {
            return;
        };
        let key = SecretToken::generate();
        let now = Instant::now();
        let mut forms = self.forms.lock().unwrap_or_else(|p| p.into_inner());
        forms.retain(|_, (at, _)| now.duration_since(*at) < KEEP);
        if forms.len() >= MAX_FORMS {
            return;
        }
        forms.insert(format!("{form_name}:{}", key.digest()), (now, json));
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax",
            key.expose(),
            KEEP.as_secs()
        );
        if let (Some(response), Ok(cookie)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&cookie),
        ) {
            response.append_header(header::SET_COOKIE, cookie);
        }
    }

    pub fn forget(&self, form_name: &str) {
        if let Some(key) = request::cookie(COOKIE).and_then(|v| SecretToken::from_presented(&v)) {
            let mut forms = self.forms.lock().unwrap_or_else(|p| p.into_inner());
            forms.remove(&format!("{form_name}:{}", key.digest()));
        }
    }

    /// The form this browser last had refused, if it is still kept.
    pub fn recall<T: DeserializeOwned>(&self, form_name: &str) -> Option<T> {
        let key = request::cookie(COOKIE).and_then(|v| SecretToken::from_presented(&v))?;
        let forms = self.forms.lock().unwrap_or_else(|p| p.into_inner());
        let (at, json) = forms.get(&format!("{form_name}:{}", key.digest()))?;
        if at.elapsed() >= KEEP {
            return None;
        }
        serde_json::from_str(json).ok()
    }
}

/// The form of this name this browser last had refused (JavaScript off), if it is still kept:
/// what a form page loads instead of the stored record.
pub fn recall_refused<T: DeserializeOwned>(name: &str) -> Option<T> {
    use_context::<FormMemory>().and_then(|memory| memory.recall(name))
}

/// What a form's server function does after saving, when it shows the same page again: the
/// refused form kept before would otherwise come back instead of what was saved.
pub fn forget_refused(name: &str) {
    if let Some(memory) = use_context::<FormMemory>() {
        memory.forget(name);
    }
}

/// What a form's server function does with a refusal: the form is kept for the page (when
/// JavaScript is off), and wrong fields are a 422 for script callers.
pub fn keep_refused<F, T: Serialize>(error: &crate::error::FormError<F>, name: &str, form: &T) {
    if let Some(memory) = use_context::<FormMemory>() {
        memory.remember(name, form);
    }
    if matches!(error, crate::error::FormError::Invalid(_)) {
        request::set_error_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
}

/// The answer of a form that goes on to `page` once saved (forgetting any refused draft) and
/// keeps a refused one for the form page.
pub fn settle<F, T: Serialize>(
    result: &Result<(), crate::error::FormError<F>>,
    name: &str,
    form: &T,
    page: &str,
) {
    match result {
        Ok(()) => {
            forget_refused(name);
            leptos_axum::redirect(page);
        }
        Err(error) => keep_refused(error, name, form),
    }
}
