//! The background workers' loop: one pass per tick until the server shuts down. A failed pass
//! (database away) is logged and tried again on the next tick.

use app::backend::DbError;
use std::fmt::Debug;
use std::future::Future;
use std::time::Duration;
use tokio::sync::watch;

/// Runs `pass` every `tick`; logs each report that is not the idle `R::default()`.
pub async fn repeat<R, F, Fut>(
    name: &'static str,
    tick: Duration,
    mut shutdown: watch::Receiver<bool>,
    mut pass: F,
) where
    R: Debug + Default + PartialEq,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<R, DbError>>,
{
    let mut ticks = tokio::time::interval(tick);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = shutdown.changed() => break,
        }
        match pass().await {
            Ok(report) if report != R::default() => tracing::info!(worker = name, ?report, "pass"),
            Ok(_) => {}
            Err(error) => tracing::error!(worker = name, %error, "pass failed"),
        }
    }
}
