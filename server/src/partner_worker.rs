//! Re-checks the customers' partner status in the background: a pass every minute checks
//! the customers that are due (see `partner_recheck`), until the server shuts down. A pass
//! under way stops at shutdown; each check records on its own, so nothing is half-written.
//! A pass that asked the provider nothing asks it something cheap, so that `/readyz` knows
//! whether it answers.

use crate::background::{repeat, Heartbeat};
use crate::provider::Provider;
use app::partner_status::server::recheck::{recheck_due, RecheckReport, Rechecker};
use app::platform::{unix_now, Database};
use std::time::Duration;
use tokio::sync::watch;

const TICK: Duration = Duration::from_secs(60);

pub async fn run(
    db: Database,
    rechecker: Rechecker,
    provider: Provider,
    heartbeat: Heartbeat,
    shutdown: watch::Receiver<bool>,
) {
    let stopping = shutdown.clone();
    repeat(heartbeat, TICK, shutdown, || {
        let (db, rechecker, mut stopping) = (db.clone(), rechecker.clone(), stopping.clone());
        let provider = provider.clone();
        async move {
            let report = tokio::select! {
                report = recheck_due(&db, &rechecker, unix_now()) => report,
                _ = stopping.changed() => Ok(RecheckReport::default()),
            };
            provider.probe_when_idle().await;
            report
        }
    })
    .await;
}
