//! Errors raised below the pages — a body over the limit, an unreadable form, a panic — reach
//! the user as a short page in their language instead of a bare status line. Server-function
//! answers (`/api/…`), static files (`/pkg/…`) and JSON keep their own bodies: their callers
//! read them, and a stylesheet answered with a page would only confuse the browser.

use app::i18n::{locale_of_headers, Locale};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use std::any::Any;

pub async fn friendly(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_machine_read = path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with(kontor_provider_sim::MOUNT);
    let locale = locale_of_headers(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if is_machine_read
        || !(status.is_client_error() || status.is_server_error())
        || has_own_body(&response)
    {
        return response;
    }
    let t = locale.texts();
    let (title, message) = match status {
        StatusCode::NOT_FOUND => (t.not_found_title, t.not_found_text),
        StatusCode::PAYLOAD_TOO_LARGE => (t.error_title, t.error_too_large),
        s if s.is_server_error() => (t.error_title, t.error_unavailable),
        _ => (t.error_title, t.error_bad_request),
    };
    page(status, locale, title, message)
}

/// A panic must never take the connection down with it; the page says what went wrong.
pub fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// HTML pages and JSON already speak to their reader; plain-text rejections do not.
fn has_own_body(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"))
}

/// A short page in the user's language; `title` and `message` come from the catalogue.
pub fn page(status: StatusCode, locale: Locale, title: &str, message: &str) -> Response {
    let t = locale.texts();
    // Every text comes from the catalogue, none from the request: nothing to escape.
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · {app}</title><link rel=\"stylesheet\" href=\"/pkg/kontor.css\"></head>\
         <body><main id=\"main\" class=\"message-page\"><p class=\"status-code\">{code}</p>\
         <h1>{title}</h1><p>{message}</p><a class=\"button\" href=\"/\">{home}</a></main>\
         </body></html>",
        lang = locale.code(),
        app = t.app_name,
        code = status.as_u16(),
        home = t.back_home,
    );
    (status, Html(html)).into_response()
}
