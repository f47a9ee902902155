//! Logs through `tracing`: readable lines by default, JSON for log collectors. Every request
//! gets an `x-request-id` (kept if the caller sent one) that appears in its log lines and in
//! the response.

use crate::config::LogFormat;
use app::platform::secret_token::SecretToken;
use axum::http::{HeaderName, Request};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, MakeSpan, TraceLayer};
use tracing::Level;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn init(format: LogFormat, filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|error| {
        eprintln!("kontor: log filter {filter:?} is invalid ({error}); using \"info\"");
        EnvFilter::new("info")
    });
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        LogFormat::Pretty => registry.with(tracing_subscriber::fmt::layer()).init(),
        LogFormat::Json => registry
            .with(tracing_subscriber::fmt::layer().json().flatten_event(true))
            .init(),
    }
}

pub fn set_request_id() -> SetRequestIdLayer<MakeRequestUuid> {
    SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid)
}

pub fn propagate_request_id() -> PropagateRequestIdLayer {
    PropagateRequestIdLayer::new(REQUEST_ID)
}

/// The path only: query strings may carry tokens, which never belong in a log. Neither do the
/// tokens of emailed links, which travel as a path segment (`/agreement/{token}`): any
/// segment that has a secret token's shape is logged as `***`.
#[derive(Clone, Copy)]
pub struct RequestSpan;

fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    let is_token = |segment: &str| SecretToken::from_presented(segment).is_some();
    if !path.split('/').any(is_token) {
        return path.into();
    }
    path.split('/')
        .map(|segment| if is_token(segment) { "***" } else { segment })
        .collect::<Vec<_>>()
        .join("/")
        .into()
}

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> tracing::Span {
        let request_id = request
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-");
        tracing::info_span!(
            "request",
            method = %request.method(),
            path = %loggable_path(request.uri().path()),
            request_id,
        )
    }
}

pub fn trace() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    RequestSpan,
> {
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn emailed_link_tokens_never_reach_the_log() {
        let token = app::platform::secret_token::SecretToken::generate();
        assert_eq!(
            loggable_path(&format!("/agreement/{}", token.expose())),
            "/agreement/***"
        );
        assert_eq!(
            loggable_path(&format!("/signup/confirm/{}", token.expose())),
            "/signup/confirm/***"
        );
        assert_eq!(
            loggable_path("/customers/12/agreement"),
            "/customers/12/agreement"
        );
        assert_eq!(loggable_path("/"), "/");
    }
}
