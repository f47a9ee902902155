//! The language switch in the header posts here: the choice is remembered in a cookie and the
//! user goes back to the page they came from.

use app::i18n::Locale;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct LanguageChoice {
    lang: String,
    next: Option<String>,
}

pub async fn switch(Form(choice): Form<LanguageChoice>) -> Response {
    let Some(locale) = Locale::from_tag(&choice.lang) else {
        return (StatusCode::BAD_REQUEST, "unsupported language").into_response();
    };
    let target = choice
        .next
        .as_deref()
        .filter(|next| is_local_path(next))
        .and_then(|next| HeaderValue::from_str(next).ok())
        .unwrap_or(HeaderValue::from_static("/"));
    let cookie = HeaderValue::from_static(locale.cookie());
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, target), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// Only paths on this site: never `//host` or `/\host`, which browsers treat as another site.
fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/kunden?page=2"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("/\\evil.example/"));
        assert!(!is_local_path("/a\r\nSet-Cookie: x=y"));
        assert!(!is_local_path(""));
    }
}
