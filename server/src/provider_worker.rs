//! Carries out the queued provider calls (creating tenants, reporting accepted agreements,
//! provisioning orders) in the background, a pass every half second, until the server shuts
//! down. Work survives a restart: it lives in the `provider_jobs` table, and a claimed job whose worker died is
//! claimed again a minute later.

use crate::background::{repeat, Heartbeat};
use app::platform::jobs::{run_due_jobs, Worker, WORKER_PAUSE};
use app::platform::{unix_now, Database};
use tokio::sync::watch;

pub async fn run(
    db: Database,
    worker: Worker,
    heartbeat: Heartbeat,
    shutdown: watch::Receiver<bool>,
) {
    repeat(heartbeat, WORKER_PAUSE, shutdown, || {
        run_due_jobs(&db, &worker, unix_now())
    })
    .await;
}
