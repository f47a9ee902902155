//! Probes for load balancers and orchestrators.

use crate::background::WorkerHealth;
use app::platform::provider::ProviderHealth;
use app::platform::{unix_now, Database};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use std::time::Duration;

/// The process is up and answering.
pub async fn live() -> &'static str {
    "ok"
}

/// What readiness looks at.
#[derive(Clone)]
pub struct Probed {
    pub db: Database,
    pub workers: WorkerHealth,
    pub provider: ProviderHealth,
}

/// Ready while the database answers within a second, its writer runs (SQLite), and every
/// background worker has finished a pass lately: an instance whose mail or provider worker
/// is stuck should leave the load balancer, not go on taking orders it never provisions.
/// Whether the cloud provider answers is reported too.
pub async fn ready(State(probed): State<Probed>) -> (StatusCode, Json<Value>) {
    let db = &probed.db;
    match tokio::time::timeout(Duration::from_secs(1), db.ping()).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            return unavailable(json!({ "status": "unavailable", "database": "error" }));
        }
        Err(_elapsed) => {
            tracing::warn!("readiness check timed out");
            return unavailable(json!({ "status": "unavailable", "database": "timeout" }));
        }
    }
    if !db.writer_running() {
        tracing::error!("readiness check: the database writer has stopped");
        return unavailable(json!({ "status": "unavailable", "database": "writer stopped" }));
    }
    let stalled = probed.workers.stalled(unix_now());
    if !stalled.is_empty() {
        let workers: serde_json::Map<String, Value> = stalled
            .iter()
            .map(|(name, secs)| ((*name).to_owned(), json!({ "last_pass_secs_ago": secs })))
            .collect();
        tracing::error!(?stalled, "readiness check: a background worker has stalled");
        return unavailable(json!({ "status": "unavailable", "stalled_workers": workers }));
    }
    (
        StatusCode::OK,
        Json(json!({
            "status": "ready",
            "database": db.backend().name(),
            "provider": provider_answers(&probed.provider),
        })),
    )
}

/// Whether the cloud provider answered its last call. Reported, not a reason to leave the
/// load balancer: every instance shares the one provider, and the pages say when it is away.
fn provider_answers(health: &ProviderHealth) -> Value {
    match health.last() {
        None => json!("not asked yet"),
        Some((answered, at)) => {
            let secs_ago = at.elapsed().unwrap_or_default().as_secs();
            json!({
                "answers": answered,
                "last_call_secs_ago": secs_ago,
            })
        }
    }
}

fn unavailable(body: Value) -> (StatusCode, Json<Value>) {
    (StatusCode::SERVICE_UNAVAILABLE, Json(body))
}
