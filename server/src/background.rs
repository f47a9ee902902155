//! The background workers' loop: one pass per tick until the server shuts down. A failed pass
//! (database away) is logged and tried again on the next tick; a pass that panics is logged
//! and the loop goes on after a pause that grows with each panic in a row (1 s … 1 min), so
//! one bad record cannot end a worker for the rest of the process's life. Each finished pass
//! is a heartbeat: `/readyz` reports a worker whose last one is too long ago.

use app::platform::{unix_now, DbError};
use futures_util::FutureExt;
use std::fmt::Debug;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

const FIRST_PAUSE_AFTER_PANIC: Duration = Duration::from_secs(1);
const LONGEST_PAUSE_AFTER_PANIC: Duration = Duration::from_secs(60);

/// One worker's heartbeat: when its last pass ended, and how long a pass may take before the
/// worker counts as stuck.
#[derive(Clone, Debug)]
pub struct Heartbeat {
    name: &'static str,
    last_beat: Arc<AtomicI64>,
    stalled_after_secs: i64,
}

impl Heartbeat {
    fn beat(&self) {
        self.last_beat.store(unix_now(), Ordering::Relaxed);
    }

    /// Seconds since the last pass ended, when that is longer than a pass may take.
    fn stalled_for(&self, now: i64) -> Option<i64> {
        let quiet = now - self.last_beat.load(Ordering::Relaxed);
        (quiet > self.stalled_after_secs).then_some(quiet)
    }
}

/// The heartbeats of every worker this process runs (none in tests that start no workers).
#[derive(Clone, Debug, Default)]
pub struct WorkerHealth {
    beats: Arc<Mutex<Vec<Heartbeat>>>,
}

impl WorkerHealth {
    /// A worker's heartbeat, beating from now on.
    pub fn register(&self, name: &'static str, stalled_after: Duration) -> Heartbeat {
        let heartbeat = Heartbeat {
            name,
            last_beat: Arc::new(AtomicI64::new(unix_now())),
            stalled_after_secs: stalled_after.as_secs() as i64,
        };
        self.lock().push(heartbeat.clone());
        heartbeat
    }

    /// The workers whose last pass ended too long ago, with the seconds since.
    pub fn stalled(&self, now: i64) -> Vec<(&'static str, i64)> {
        self.lock()
            .iter()
            .filter_map(|beat| Some((beat.name, beat.stalled_for(now)?)))
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Heartbeat>> {
        self.beats.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Runs `pass` every `tick`; logs each report that is not the idle `R::default()`.
pub async fn repeat<R, F, Fut>(
    heartbeat: Heartbeat,
    tick: Duration,
    mut shutdown: watch::Receiver<bool>,
    mut pass: F,
) where
    R: Debug + Default + PartialEq,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<R, DbError>>,
{
    let name = heartbeat.name;
    let mut ticks = tokio::time::interval(tick);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pause_after_panic = FIRST_PAUSE_AFTER_PANIC;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = shutdown.changed() => break,
        }
        let outcome = AssertUnwindSafe(pass()).catch_unwind().await;
        heartbeat.beat();
        match outcome {
            Ok(Ok(report)) if report != R::default() => {
                tracing::info!(worker = name, ?report, "pass")
            }
            Ok(Ok(_)) => {}
            Ok(Err(error)) => tracing::error!(worker = name, %error, "pass failed"),
            Err(_panic) => {
                tracing::error!(worker = name, pause = ?pause_after_panic, "pass panicked; the worker goes on after a pause");
                tokio::select! {
                    _ = tokio::time::sleep(pause_after_panic) => {}
                    _ = shutdown.changed() => break,
                }
                pause_after_panic = (pause_after_panic * 2).min(LONGEST_PAUSE_AFTER_PANIC);
                continue;
            }
        }
        pause_after_panic = FIRST_PAUSE_AFTER_PANIC;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Report(u32);

    #[tokio::test(start_paused = true)]
    async fn a_panicking_pass_does_not_end_the_worker() {
        let health = WorkerHealth::default();
        let heartbeat = health.register("test", Duration::from_secs(60));
        let (stop, stopping) = watch::channel(false);
        let passes = Arc::new(AtomicI64::new(0));
        let counted = passes.clone();
        let worker = tokio::spawn(repeat(
            heartbeat,
            Duration::from_millis(10),
            stopping,
            move || {
                let n = counted.fetch_add(1, Ordering::SeqCst);
                async move {
                    if n < 3 {
                        panic!("pass {n} meets a bad record");
                    }
                    Ok::<_, DbError>(Report(1))
                }
            },
        ));
        tokio::time::sleep(Duration::from_secs(30)).await;
        assert!(
            passes.load(Ordering::SeqCst) > 5,
            "the worker went on after panics"
        );
        let _ = stop.send(true);
        worker
            .await
            .expect("the worker ends at shutdown, not by a panic");
    }

    #[test]
    fn a_worker_without_a_pass_for_too_long_is_reported() {
        let health = WorkerHealth::default();
        let beat = health.register("mail", Duration::from_secs(600));
        let now = unix_now();
        assert!(health.stalled(now).is_empty());
        beat.last_beat.store(now - 601, Ordering::Relaxed);
        assert_eq!(health.stalled(now), vec![("mail", 601)]);
    }
}
