use crate::error::AppError;
use crate::i18n::format_date;
use leptos::prelude::*;
use time::OffsetDateTime;

/// When this installation first started, as Unix seconds (read once when the server started).
#[server(endpoint = "installation")]
pub async fn installed_at() -> Result<i64, AppError> {
    use crate::platform::installation::InstalledAt;
    let InstalledAt(seconds) = use_context().ok_or_else(|| {
        tracing::error!("no installation date in the Leptos context");
        AppError::Internal
    })?;
    Ok(seconds)
}

#[component]
pub fn Footer() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = locale.texts();
    let installed = Resource::new(|| (), |()| installed_at());
    let operating_since = move || {
        let seconds = installed.get()?.ok()?;
        let date = OffsetDateTime::from_unix_timestamp(seconds).ok()?.date();
        Some(view! { <p>{(t.operating_since)(&format_date(date, locale))}</p> })
    };
    view! {
        <footer class="site-footer">
            <p>{t.footer_note}</p>
            // A failure is logged on the server; the footer then just leaves the line out.
            <Suspense fallback=|| ()>{operating_since}</Suspense>
        </footer>
    }
}
