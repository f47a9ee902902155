//! CSRF defence for every state-changing request, in one place: server functions and forms do
//! not check it themselves. A browser tells us where a request comes from; one sent on behalf
//! of another site is refused with a 403 page.
//!
//! The rule is the Fetch-Metadata check that Go's `http.CrossOriginProtection` also uses:
//! `Sec-Fetch-Site` decides when present; otherwise an `Origin` must name this host; a request
//! with neither comes from no browser (every current browser sends `Origin` on a POST), so it
//! carries no ambient cookies to abuse.

use crate::error_pages;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if is_cross_site(request.method(), request.headers()) {
        tracing::warn!("refused a cross-site request");
        let locale = app::i18n::locale_of_headers(request.headers());
        let t = locale.texts();
        return error_pages::page(
            StatusCode::FORBIDDEN,
            locale,
            t.error_cross_site_title,
            t.error_cross_site,
        );
    }
    next.run(request).await
}

pub fn is_cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none`: the user's own action, such as a bookmark.
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .map(|(_scheme, host)| host);
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    origin_host.is_none() || origin_host != host
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.parse().unwrap(), value.parse().unwrap()))
            .collect()
    }

    #[test]
    fn reading_is_never_refused() {
        let cross = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(!is_cross_site(&Method::GET, &cross));
        assert!(!is_cross_site(&Method::HEAD, &cross));
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        for (site, refused) in [
            ("same-origin", false),
            ("none", false),
            ("same-site", true),
            ("cross-site", true),
        ] {
            let h = headers(&[
                ("sec-fetch-site", site),
                ("origin", "http://kontor.test"),
                ("host", "kontor.test"),
            ]);
            assert_eq!(is_cross_site(&Method::POST, &h), refused, "{site}");
        }
    }

    #[test]
    fn otherwise_the_origin_must_be_this_host() {
        let same = headers(&[
            ("origin", "https://kontor.test:8443"),
            ("host", "kontor.test:8443"),
        ]);
        assert!(!is_cross_site(&Method::POST, &same));
        let other = headers(&[("origin", "https://evil.test"), ("host", "kontor.test")]);
        assert!(is_cross_site(&Method::POST, &other));
        let other_port = headers(&[("origin", "http://kontor.test:1"), ("host", "kontor.test")]);
        assert!(is_cross_site(&Method::DELETE, &other_port));
        let opaque = headers(&[("origin", "null"), ("host", "kontor.test")]);
        assert!(is_cross_site(&Method::POST, &opaque));
    }

    #[test]
    fn requests_from_no_browser_pass() {
        assert!(!is_cross_site(
            &Method::POST,
            &headers(&[("host", "kontor.test")])
        ));
    }
}
