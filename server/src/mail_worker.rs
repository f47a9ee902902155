//! Delivers the outbox in the background: every second it sends what is due, until the server
//! shuts down. A failed pass (database away) is logged and tried again on the next tick.

use app::backend::mail::outbox::deliver_due;
use app::backend::mail::MailTransport;
use app::backend::{unix_now, Database};
use std::time::Duration;
use tokio::sync::watch;

const TICK: Duration = Duration::from_secs(1);

pub async fn run(db: Database, transport: MailTransport, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.changed() => break,
        }
        match deliver_due(&db, &transport, unix_now()).await {
            Ok(report) if report.sent + report.retrying + report.given_up > 0 => {
                tracing::info!(?report, "outbox pass");
            }
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "outbox pass failed"),
        }
    }
}
