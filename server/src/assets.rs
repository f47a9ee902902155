//! The files `cargo leptos build` writes next to the binary: the wasm bundle, its script and the
//! stylesheet under `/pkg/`, and `robots.txt`. Served here, apart from the pages, so that a
//! missing or revalidated file is a plain 404 or 304, never a page standing in for a script.

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

pub fn router<S: Clone + Send + Sync + 'static>(site_root: &str) -> Router<S> {
    let root = Path::new(site_root);
    // The bundle keeps its name across releases: browsers must ask again each time, and get a
    // cheap 304 when nothing changed.
    let revalidate = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    );
    let pkg = ServeDir::new(root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", ServiceBuilder::new().layer(revalidate).service(pkg))
        .route_service("/robots.txt", ServeFile::new(root.join("robots.txt")))
}
