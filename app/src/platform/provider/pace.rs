//! The pace of the calls to the provider, shared by everything that calls it: at most the
//! provider's rate limit, evenly spaced (so a burst of work never sends a burst of calls),
//! and nothing at all while the provider has asked to wait (429 with `Retry-After`).
//!
//! Not a rate-limiting crate: those refuse or delay one caller, but a 429 must hold back every
//! caller at once, including the ones that already had their turn.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

#[derive(Debug)]
pub struct Pace {
    /// The time between two calls; zero without a limit.
    gap: Duration,
    turns: Mutex<Turns>,
}

#[derive(Debug)]
struct Turns {
    /// The earliest moment the next call may start.
    next: Instant,
    /// No call before this moment: the provider asked to wait.
    held_until: Instant,
}

impl Pace {
    /// `per_second` calls a second at most; `None` for no limit of our own (a 429 still holds
    /// every call back).
    pub fn new(per_second: Option<u32>) -> Pace {
        let gap = per_second
            .filter(|n| *n > 0)
            .map_or(Duration::ZERO, |n| Duration::from_secs(1) / n);
        let now = Instant::now();
        Pace {
            gap,
            turns: Mutex::new(Turns {
                next: now,
                held_until: now,
            }),
        }
    }

    fn turns(&self) -> std::sync::MutexGuard<'_, Turns> {
        self.turns.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for this call's turn.
    pub async fn wait_turn(&self) {
        loop {
            let slot = {
                let mut turns = self.turns();
                let slot = turns.next.max(turns.held_until).max(Instant::now());
                turns.next = slot + self.gap;
                slot
            };
            tokio::time::sleep_until(slot).await;
            // A 429 that came in while this call waited holds it back too.
            if Instant::now() >= self.turns().held_until {
                return;
            }
        }
    }

    /// The provider asked to wait `wait` before the next call.
    pub fn hold_off(&self, wait: Duration) {
        let mut turns = self.turns();
        // Saturating: no wait, however long, may overflow the clock.
        let until = Instant::now().checked_add(wait).unwrap_or(turns.held_until);
        turns.held_until = turns.held_until.max(until);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn calls_are_spaced_at_the_limit() {
        let pace = Pace::new(Some(200));
        let start = Instant::now();
        for _ in 0..201 {
            pace.wait_turn().await;
        }
        // The first call goes at once, then one every 5 ms.
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_limit_calls_go_at_once() {
        let pace = Pace::new(None);
        let start = Instant::now();
        for _ in 0..1000 {
            pace.wait_turn().await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_holds_back_every_caller_even_one_already_waiting() {
        let pace = std::sync::Arc::new(Pace::new(Some(10)));
        let start = Instant::now();
        pace.wait_turn().await;
        // This caller's turn is in 100 ms…
        let waiting = tokio::spawn({
            let pace = pace.clone();
            async move {
                pace.wait_turn().await;
                Instant::now()
            }
        });
        tokio::task::yield_now().await;
        // …but the provider asks everyone to wait two seconds.
        pace.hold_off(Duration::from_secs(2));
        let went_at = waiting.await.unwrap();
        assert!(
            went_at - start >= Duration::from_secs(2),
            "{:?}",
            went_at - start
        );
        pace.wait_turn().await;
        assert!(start.elapsed() >= Duration::from_secs(2) + Duration::from_millis(100));
    }
}
