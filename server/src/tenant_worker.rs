//! Drives the creation of customers' tenants at the provider in the background, a step every
//! half second, until the server shuts down. Work survives a restart: it lives in the
//! `provider_jobs` table, and a claimed job whose worker died is claimed again a minute later.

use crate::background::repeat;
use app::backend::provider::ProviderClient;
use app::backend::sealing::SealingKey;
use app::backend::tenants::{run_due_jobs, WORKER_PAUSE};
use app::backend::{unix_now, Database};
use tokio::sync::watch;

pub async fn run(
    db: Database,
    provider: ProviderClient,
    key: SealingKey,
    shutdown: watch::Receiver<bool>,
) {
    repeat("tenants", WORKER_PAUSE, shutdown, || {
        run_due_jobs(&db, &provider, &key, unix_now())
    })
    .await;
}
