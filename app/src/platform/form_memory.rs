//! Without JavaScript a refused form post is answered with a redirect back to the form, and
//! the browser forgets what was typed. The server keeps it here (never passwords), for a few
//! minutes, under a random key in a cookie, so that the form comes back filled in. In memory
//! only: nothing typed into a refused form is written to disk. Bounded in bytes, per form and
//! in all, so that what anyone posts cannot fill the server's memory.

use crate::error::{AppError, FormError};
use crate::platform::{request, secret_token::SecretToken};
use leptos::prelude::use_context;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const COOKIE: &str = "kontor_form";
const KEEP: Duration = Duration::from_secs(10 * 60);
/// The largest form kept: far more than anyone types into a form; a larger one is not kept.
pub const MAX_FORM_BYTES: usize = 64 * 1024;
/// What all kept forms may take together. Beyond it a refused form is not kept (it comes
/// back empty), rather than the server's memory growing with what strangers post.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

#[derive(Clone, Default)]
pub struct FormMemory {
    forms: Arc<Mutex<Forms>>,
}

#[derive(Default)]
struct Forms {
    kept: HashMap<String, (Instant, String)>,
    bytes: usize,
}

impl Forms {
    fn forget_expired(&mut self, now: Instant) {
        let bytes = &mut self.bytes;
        self.kept.retain(|key, (at, json)| {
            let keep = now.duration_since(*at) < KEEP;
            if !keep {
                *bytes -= key.len() + json.len();
            }
            keep
        });
    }

    fn remove(&mut self, key: &str) {
        if let Some((_, json)) = self.kept.remove(key) {
            self.bytes -= key.len() + json.len();
        }
    }
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
        if json.len() > MAX_FORM_BYTES {
            return;
        }
        let key = SecretToken::generate();
        let entry = format!("{form_name}:{}", key.digest());
        let now = Instant::now();
        {
            let mut forms = self.forms.lock().unwrap_or_else(|p| p.into_inner());
            forms.forget_expired(now);
            let size = entry.len() + json.len();
            if forms.bytes + size > MAX_TOTAL_BYTES {
                tracing::warn!("the memory of refused forms is full; this one is not kept");
                return;
            }
            forms.bytes += size;
            forms.kept.insert(entry, (now, json));
        }
        request::set_private_cookie(COOKIE, key.expose(), KEEP.as_secs() as i64);
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
        let (at, json) = forms.kept.get(&format!("{form_name}:{}", key.digest()))?;
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
/// JavaScript is off), and wrong fields are a 422 for script callers. A form refused because
/// the sender may not use it (not logged in, another role, not theirs) is not kept: it was
/// never the sender's form to get back.
pub fn keep_refused<F, T: Serialize>(error: &FormError<F>, name: &str, form: &T) {
    let unauthorised = matches!(
        error,
        FormError::Failed(
            AppError::NotLoggedIn
                | AppError::Forbidden
                | AppError::NotFound
                | AppError::Transport(_)
        )
    );
    if let (false, Some(memory)) = (unauthorised, use_context::<FormMemory>()) {
        memory.remember(name, form);
    }
}

/// The answer of a form that goes on to `page` once saved (forgetting any refused draft) and
/// keeps a refused one for the form page.
pub fn settle<F, T: Serialize>(
    result: &Result<(), FormError<F>>,
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
