//! Request bodies have a size limit and a time limit. Every body is read here, before its
//! handler runs: one announced too large is refused at once, and one that turns out too large
//! while it streams in is a 413 as well — never a failure inside a form handler or server
//! function. A body that does not arrive within the time limit is a 408: a client sending a
//! byte a minute holds its connection for seconds, not for good.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Clone, Copy)]
pub struct BodyLimit {
    pub max_bytes: usize,
    pub read_timeout: std::time::Duration,
}

pub async fn read_whole_body(
    State(BodyLimit {
        max_bytes: limit,
        read_timeout,
    }): State<BodyLimit>,
    request: Request,
    next: Next,
) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let Ok(read) = tokio::time::timeout(read_timeout, axum::body::to_bytes(body, limit)).await
    else {
        return StatusCode::REQUEST_TIMEOUT.into_response();
    };
    match read {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(error) if is_over_limit(&error) => StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        Err(_broken_off) => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn is_over_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}
