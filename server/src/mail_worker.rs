//! Delivers the outbox in the background: every second it sends what is due, until the server
//! shuts down.

use crate::background::{repeat, Heartbeat};
use app::platform::{mail::outbox::deliver_due, mail::MailTransport, unix_now, Database};
use std::time::Duration;
use tokio::sync::watch;

const TICK: Duration = Duration::from_secs(1);

pub async fn run(
    db: Database,
    transport: MailTransport,
    heartbeat: Heartbeat,
    shutdown: watch::Receiver<bool>,
) {
    repeat(heartbeat, TICK, shutdown, || {
        deliver_due(&db, &transport, unix_now())
    })
    .await;
}
