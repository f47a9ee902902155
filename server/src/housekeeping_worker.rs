//! Deletes old sessions, links, delivered mails and unconfirmed signups in the background
//! (`housekeeping`), once an hour, until the server shuts down.

use crate::background::{repeat, Heartbeat};
use app::platform::{housekeeping::purge, unix_now, Database};
use std::time::Duration;
use tokio::sync::watch;

const TICK: Duration = Duration::from_secs(60 * 60);

pub async fn run(db: Database, heartbeat: Heartbeat, shutdown: watch::Receiver<bool>) {
    repeat(heartbeat, TICK, shutdown, || purge(&db, unix_now())).await;
}
