//! Security headers on every response, and a Content-Security-Policy that fits it.
//!
//! A page may run scripts only from this site or carrying the nonce Leptos writes on its
//! inline hydration scripts, and may compile WebAssembly; every other response (probes,
//! JSON) allows nothing but the stylesheet. No one may frame the portal. A page's policy is
//! set while it renders, from the nonce Leptos gave that page (`set_page_policy`): the
//! page is never read back to find it.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const STRICT_POLICY: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; \
                             form-action 'self'; frame-ancestors 'none'";

#[derive(Clone, Copy)]
pub struct Hsts(pub bool);

pub async fn add(State(Hsts(hsts)): State<Hsts>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(STRICT_POLICY));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Links in emails carry tokens in their path: never tell another site where we came from.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// Called in every page's context: the page's policy trusts the nonce Leptos writes on that
/// page's scripts. Server functions get no nonce and keep the strict policy.
pub fn set_page_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    if let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce.to_string())) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
    }
}

fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_trusts_only_the_pages_own_nonce_and_site() {
        let policy = page_policy("abc-123_X");
        assert!(policy.contains("script-src 'self' 'nonce-abc-123_X' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }
}
