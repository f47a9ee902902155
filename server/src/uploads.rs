//! Server functions that take a file upload (`MultipartFormData`) read the body's boundary with
//! `.expect(…)` inside server_fn 0.8: any other body sent to them panics, which the panic
//! layer turns into a 500. Such requests are answered here first — 415, the caller's mistake —
//! checked with the parser server_fn itself uses (multer), so the two cannot disagree.

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;

/// The addresses of the server functions that take uploads.
fn is_upload(path: &str) -> bool {
    path == <app::customer_numbers::ImportCustomerNumbers as ServerFn>::PATH
}

pub async fn refuse_what_is_no_upload(request: Request, next: Next) -> Response {
    if is_upload(request.uri().path()) {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if multer::parse_boundary(content_type).is_err() {
            return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
        }
    }
    next.run(request).await
}
