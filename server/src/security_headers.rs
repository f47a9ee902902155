//! Security headers on every response, and a Content-Security-Policy that fits it.
//!
//! A page may run scripts only from this site or carrying the nonce Leptos writes on its
//! inline hydration scripts, and may compile WebAssembly; every other response (probes,
//! JSON) allows nothing but the stylesheet. No one may frame the portal. The page's nonce is
//! read from the page itself, here, after rendering: one place that cannot disagree with
//! what the page contains.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const STRICT_POLICY: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; \
                             form-action 'self'; frame-ancestors 'none'";
/// Pages are rendered whole before they are sent; this bounds what is held in memory.
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Copy)]
pub struct Hsts(pub bool);

pub async fn add(State(Hsts(hsts)): State<Hsts>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let mut response = if is_html(&response) {
        with_page_policy(response).await
    } else {
        response
    };
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

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"))
}

async fn with_page_policy(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(html) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        tracing::error!("a page could not be read to set its security policy");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(policy) = HeaderValue::from_str(&page_policy(nonce_in(&html))) {
        parts
            .headers
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    Response::from_parts(parts, Body::from(html))
}

/// The nonce on the page's scripts (Leptos uses one per response).
fn nonce_in(html: &[u8]) -> Option<&str> {
    const MARK: &[u8] = b"nonce=\"";
    let start = html.windows(MARK.len()).position(|w| w == MARK)? + MARK.len();
    let len = html[start..].iter().position(|&b| b == b'"')?;
    let nonce = std::str::from_utf8(&html[start..start + len]).ok()?;
    let plausible = !nonce.is_empty()
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'='));
    plausible.then_some(nonce)
}

fn page_policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_trusts_only_the_pages_own_nonce_and_site() {
        let html = br#"<html><script type="module" nonce="abc-123_X">x</script>"#;
        let policy = page_policy(nonce_in(html));
        assert!(policy.contains("script-src 'self' 'nonce-abc-123_X' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn a_page_without_scripts_or_with_a_forged_nonce_gets_no_nonce() {
        assert_eq!(nonce_in(b"<p>no scripts</p>"), None);
        assert_eq!(nonce_in(br#"<script nonce="a'; script-src *">"#), None);
        assert!(!page_policy(None).contains("nonce"));
    }
}
