//! Probes for load balancers and orchestrators.

use app::backend::Database;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use std::time::Duration;

/// The process is up and answering.
pub async fn live() -> &'static str {
    "ok"
}

/// The database answers within a second.
pub async fn ready(State(db): State<Database>) -> (StatusCode, Json<Value>) {
    match tokio::time::timeout(Duration::from_secs(1), db.ping()).await {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "database": db.backend().name() })),
        ),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            unavailable()
        }
        Err(_elapsed) => {
            tracing::warn!("readiness check timed out");
            unavailable()
        }
    }
}

fn unavailable() -> (StatusCode, Json<Value>) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "status": "unavailable" })),
    )
}
