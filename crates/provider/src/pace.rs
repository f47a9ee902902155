//! The pace of the calls to the provider, shared by everything that calls it: at most the
//! provider's rate limit, evenly spaced (so a burst of work never sends a burst of calls),
//! nothing at all while the provider has asked to wait (429 with `Retry-After`), and no call
//! that takes longer than the time limit. [`Paced`] puts any [`Provider`] under that pace.
//!
//! Not a rate-limiting crate: those refuse or delay one caller, but a 429 must hold back every
//! caller at once, including the ones that already had their turn.

use crate::*;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

#[derive(Debug)]
struct Pace {
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
    fn new(per_second: Option<u32>) -> Pace {
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
    async fn wait_turn(&self) {
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
    fn hold_off(&self, wait: Duration) {
        let mut turns = self.turns();
        // Saturating: no wait, however long, may overflow the clock.
        let until = Instant::now().checked_add(wait).unwrap_or(turns.held_until);
        turns.held_until = turns.held_until.max(until);
    }
}

/// A provider under one pace, a time limit per call, and a record of its last answer (for
/// `/readyz`). Clones share all three.
#[derive(Clone)]
pub struct Paced {
    inner: SharedProvider,
    pace: Arc<Pace>,
    timeout: Duration,
    health: ProviderHealth,
}

impl Paced {
    /// At most `per_second` calls a second (`None`: only the provider's 429s hold calls
    /// back); a call that takes longer than `timeout` is unavailable.
    pub fn new(inner: SharedProvider, per_second: Option<u32>, timeout: Duration) -> Paced {
        Paced {
            inner,
            pace: Arc::new(Pace::new(per_second)),
            timeout,
            health: ProviderHealth::default(),
        }
    }

    /// How the provider answered lately.
    pub fn health(&self) -> ProviderHealth {
        self.health.clone()
    }

    async fn call<T>(
        &self,
        call: impl Future<Output = Result<T, ProviderError>>,
    ) -> Result<T, ProviderError> {
        self.pace.wait_turn().await;
        let answer = tokio::time::timeout(self.timeout, call)
            .await
            .unwrap_or_else(|_| {
                Err(ProviderError::Unavailable(format!(
                    "no answer within {} s",
                    self.timeout.as_secs_f32()
                )))
            });
        if let Err(ProviderError::RateLimited(wait)) = &answer {
            self.pace.hold_off(*wait);
        }
        self.health.record(answer.as_ref().err());
        answer
    }
}

/// Whether the provider answered the last call (an answer may be a refusal or a 429: it
/// answered), and when that was.
#[derive(Clone, Debug, Default)]
pub struct ProviderHealth(Arc<Mutex<Option<(bool, std::time::SystemTime)>>>);

impl ProviderHealth {
    fn record(&self, error: Option<&ProviderError>) {
        let answered = !matches!(error, Some(ProviderError::Unavailable(_)));
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((answered, std::time::SystemTime::now()));
    }

    /// `None` before the first call.
    pub fn last(&self) -> Option<(bool, std::time::SystemTime)> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[async_trait::async_trait]
impl Provider for Paced {
    async fn domain_exists(&self, domain: &str) -> Result<bool, ProviderError> {
        self.call(self.inner.domain_exists(domain)).await
    }

    async fn create_customer(
        &self,
        request: &RequestId,
        customer: &NewCustomer,
    ) -> Result<CreatedCustomer, ProviderError> {
        self.call(self.inner.create_customer(request, customer))
            .await
    }

    async fn customer_ready(&self, tenant_id: &str) -> Result<bool, ProviderError> {
        self.call(self.inner.customer_ready(tenant_id)).await
    }

    async fn find_customer(&self, domain: &str) -> Result<Option<String>, ProviderError> {
        self.call(self.inner.find_customer(domain)).await
    }

    async fn invitation_link(&self, indirect_reseller: &str) -> Result<String, ProviderError> {
        self.call(self.inner.invitation_link(indirect_reseller))
            .await
    }

    async fn relationships(
        &self,
        tenant_id: &str,
    ) -> Result<Vec<PartnerRelationship>, ProviderError> {
        self.call(self.inner.relationships(tenant_id)).await
    }

    async fn mpn_profile(&self, mpn: &str) -> Result<MpnProfile, ProviderError> {
        self.call(self.inner.mpn_profile(mpn)).await
    }

    async fn partner_agreement_signed(&self, mpn: &str) -> Result<bool, ProviderError> {
        self.call(self.inner.partner_agreement_signed(mpn)).await
    }

    async fn customer_agreement_template(&self) -> Result<String, ProviderError> {
        self.call(self.inner.customer_agreement_template()).await
    }

    async fn confirm_customer_agreement(
        &self,
        request: &RequestId,
        tenant_id: &str,
        acceptance: &AgreementAcceptance,
    ) -> Result<(), ProviderError> {
        self.call(
            self.inner
                .confirm_customer_agreement(request, tenant_id, acceptance),
        )
        .await
    }

    async fn create_cart(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart: &NewCart,
    ) -> Result<String, ProviderError> {
        self.call(self.inner.create_cart(request, tenant_id, cart))
            .await
    }

    async fn checkout(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart_id: &str,
    ) -> Result<Vec<PlacedOrder>, ProviderError> {
        self.call(self.inner.checkout(request, tenant_id, cart_id))
            .await
    }

    async fn order(&self, tenant_id: &str, order_id: &str) -> Result<PlacedOrder, ProviderError> {
        self.call(self.inner.order(tenant_id, order_id)).await
    }

    async fn order_provisioning(
        &self,
        tenant_id: &str,
        order_id: &str,
    ) -> Result<Vec<LineProvisioning>, ProviderError> {
        self.call(self.inner.order_provisioning(tenant_id, order_id))
            .await
    }

    async fn subscriptions(&self, tenant_id: &str) -> Result<Vec<Subscription>, ProviderError> {
        self.call(self.inner.subscriptions(tenant_id)).await
    }

    async fn change_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.call(
            self.inner
                .change_quantity(request, tenant_id, subscription_id, quantity),
        )
        .await
    }

    async fn cancel_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
    ) -> Result<Subscription, ProviderError> {
        self.call(
            self.inner
                .cancel_subscription(request, tenant_id, subscription_id),
        )
        .await
    }

    async fn set_auto_renew(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        on: bool,
    ) -> Result<Subscription, ProviderError> {
        self.call(
            self.inner
                .set_auto_renew(request, tenant_id, subscription_id, on),
        )
        .await
    }

    async fn schedule_renewal_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.call(self.inner.schedule_renewal_quantity(
            request,
            tenant_id,
            subscription_id,
            quantity,
        ))
        .await
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
