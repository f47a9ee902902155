//! The simulated cloud vendor, so that the embedded default is a complete portal: a
//! [`Provider`] in process that behaves like Partner Center — domains taken worldwide,
//! tenants that take a few seconds to provision, relationships that change when a customer
//! accepts an invitation, carts whose checkout is idempotent, orders that provision over
//! time, subscriptions with the new-commerce rules (reduce or cancel only within 7 days of
//! purchase or renewal, never below the assigned licences), a request id that makes a repeat
//! answer the same, and refusals with Partner Center's codes. It keeps its state in tables of
//! its own (`store.rs`), so a restart keeps it.
//!
//! For tests and demos it can be slowed down, rate limited, and told to fail. Its customers'
//! pages (`pages.rs`) are where an invited tenant's admin accepts; its Partner Center face
//! (`partner_center_face.rs`) serves the same behaviour as Partner Center's REST API, so the
//! real adapter can be tested against it over HTTP.

pub mod pages;
pub mod partner_center_face;
pub mod rules;
mod store;

use kontor_provider::*;
use rand::Rng;
use sqlx::AnyPool;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::{CustomerRow, NewCustomerRow, OrderRow, SubscriptionRow};

/// A subscription a tenant has from before (`Simulator::arrange_subscription`).
#[derive(Clone, Debug)]
pub struct ArrangedSubscription {
    pub id: String,
    pub offer_id: String,
    pub quantity: u32,
    pub billing_cycle: BillingCycle,
    pub term: Term,
    pub started_at: i64,
}

/// What a failing call looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Unavailable (a 503 at the face).
    ServerError,
    /// Wait a second (a 429 with `Retry-After: 1` at the face).
    TooManyRequests,
    /// No answer for a minute: the caller's time limit ends it.
    Timeout,
}

#[derive(Clone, Debug)]
pub struct SimulatorSettings {
    /// Added to every answer.
    pub latency: Duration,
    /// How long a new tenant or an order takes to provision.
    pub provisioning: Duration,
    /// The next this many calls fail with `failure`.
    pub failing_calls: u32,
    /// This share of all calls (0–100 %) fails with `failure`, at random.
    pub failure_percent: u8,
    pub failure: Failure,
    /// The calls a second it allows (a burst of up to as many); more are told to wait a
    /// second. `None`: no limit.
    pub rate_limit: Option<u32>,
    /// The simulated vendor's clock runs this far ahead of the machine's (tests and demos
    /// look at subscriptions days later).
    pub clock_ahead: Duration,
}

impl Default for SimulatorSettings {
    fn default() -> Self {
        SimulatorSettings {
            latency: Duration::from_millis(150),
            provisioning: Duration::from_secs(3),
            failing_calls: 0,
            failure_percent: 0,
            failure: Failure::ServerError,
            rate_limit: None,
            clock_ahead: Duration::ZERO,
        }
    }
}

#[derive(Clone)]
pub struct Simulator(Arc<Inner>);

struct Inner {
    pool: AnyPool,
    /// Where browsers reach the simulator's pages (`…/provider-sim`).
    pages_url: String,
    settings: Mutex<SimulatorSettings>,
    limit: Mutex<TokenBucket>,
    /// How many calls were told to wait for going over the rate limit.
    throttled: AtomicU64,
}

/// The rate limit: a bucket of `rate` tokens that refills at `rate` a second.
struct TokenBucket {
    tokens: f64,
    filled_at: Instant,
}

impl TokenBucket {
    fn take(&mut self, rate: u32, now: Instant) -> bool {
        let rate = f64::from(rate);
        let refill = now.duration_since(self.filled_at).as_secs_f64() * rate;
        self.tokens = (self.tokens + refill).min(rate);
        self.filled_at = now;
        let allowed = self.tokens >= 1.0;
        if allowed {
            self.tokens -= 1.0;
        }
        allowed
    }
}

/// Where the simulator's pages are mounted in Kontor's router.
pub const MOUNT: &str = "/provider-sim";

fn unavailable(error: sqlx::Error) -> ProviderError {
    tracing::error!(%error, "simulated provider: database error");
    ProviderError::Unavailable(format!("the simulated provider's store: {error}"))
}

fn not_found(what: &str) -> ProviderError {
    ProviderError::refused(
        RefusalReason::NotFound,
        Some(1000),
        &format!("{what} not found"),
    )
}

fn random_guid() -> String {
    let mut id = [0_u8; 16];
    rand::thread_rng().fill(&mut id);
    guid(&id)
}

impl Simulator {
    /// The simulator over `pool`, its tables created if they are missing. `public_url` is
    /// where customers' browsers reach Kontor (its pages are under [`MOUNT`]).
    pub async fn open(
        pool: AnyPool,
        public_url: &str,
        settings: SimulatorSettings,
    ) -> Result<Simulator, sqlx::Error> {
        store::create_tables(&pool).await?;
        Ok(Simulator(Arc::new(Inner {
            pool,
            pages_url: format!("{}{MOUNT}", public_url.trim_end_matches('/')),
            limit: Mutex::new(TokenBucket {
                tokens: f64::from(settings.rate_limit.unwrap_or(0)),
                filled_at: Instant::now(),
            }),
            settings: Mutex::new(settings),
            throttled: AtomicU64::new(0),
        })))
    }

    fn pool(&self) -> &AnyPool {
        &self.0.pool
    }

    /// Changes how the simulator behaves from the next call on.
    pub fn configure(&self, change: impl FnOnce(&mut SimulatorSettings)) {
        change(&mut self.0.settings.lock().unwrap_or_else(|p| p.into_inner()));
    }

    fn settings(&self) -> SimulatorSettings {
        self.0
            .settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The simulated vendor's time, in Unix seconds.
    pub fn now(&self) -> i64 {
        let machine = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        (machine + self.settings().clock_ahead).as_secs() as i64
    }

    /// How many calls were told to wait for going over the rate limit so far.
    pub fn throttled_calls(&self) -> u64 {
        self.0.throttled.load(Ordering::Relaxed)
    }

    /// What every call meets first: the latency, the rate limit, the configured failures.
    async fn gate(&self) -> Result<(), ProviderError> {
        let settings = self.settings();
        // Counted on arrival, as a real API gateway does.
        let within_limit = settings.rate_limit.filter(|r| *r > 0).is_none_or(|rate| {
            let allowed = self
                .0
                .limit
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take(rate, Instant::now());
            if !allowed {
                self.0.throttled.fetch_add(1, Ordering::Relaxed);
            }
            allowed
        });
        if !settings.latency.is_zero() {
            tokio::time::sleep(settings.latency).await;
        }
        if !within_limit {
            return Err(ProviderError::RateLimited(Duration::from_secs(1)));
        }
        match self.next_failure() {
            None => Ok(()),
            Some(Failure::ServerError) => Err(ProviderError::Unavailable(
                "the simulated provider is failing (503)".to_owned(),
            )),
            Some(Failure::TooManyRequests) => {
                Err(ProviderError::RateLimited(Duration::from_secs(1)))
            }
            Some(Failure::Timeout) => {
                tokio::time::sleep(Duration::from_secs(60)).await;
                Err(ProviderError::Unavailable(
                    "the simulated provider did not answer".to_owned(),
                ))
            }
        }
    }

    fn next_failure(&self) -> Option<Failure> {
        let mut settings = self.0.settings.lock().unwrap_or_else(|p| p.into_inner());
        if settings.failing_calls > 0 {
            settings.failing_calls -= 1;
            return Some(settings.failure);
        }
        let roll: u8 = rand::thread_rng().gen_range(0..100);
        (roll < settings.failure_percent).then_some(settings.failure)
    }

    fn provisioning_secs(&self) -> i64 {
        self.settings().provisioning.as_secs() as i64
    }

    /// The distributor's customer with this tenant id, provisioned or not.
    async fn customer(&self, tenant_id: &str) -> Result<CustomerRow, ProviderError> {
        store::customer_by(self.pool(), "tenant_id", tenant_id)
            .await
            .map_err(unavailable)?
            .ok_or_else(|| not_found("Customer"))
    }

    /// A customer that can be acted for (provisioned).
    async fn ready_customer(&self, tenant_id: &str) -> Result<CustomerRow, ProviderError> {
        let customer = self.customer(tenant_id).await?;
        if customer.ready_at > self.now() {
            return Err(not_found("Customer"));
        }
        Ok(customer)
    }

    /// Makes the tenant with this domain the distributor's customer (if it is not yet) and
    /// links the indirect reseller to it: what accepting an invitation does, and what the
    /// demo data starts with.
    pub async fn link_indirect_reseller(
        &self,
        domain: &str,
        partner_id: &str,
    ) -> Result<(), sqlx::Error> {
        let domain = domain.trim().to_ascii_lowercase();
        let now = self.now();
        store::insert_customer(
            self.pool(),
            NewCustomerRow {
                tenant_id: &random_guid(),
                domain: &domain,
                company_name: &domain,
                request_id: None,
                admin: None,
                now,
                ready_at: now,
            },
        )
        .await?;
        let customer = store::customer_by(self.pool(), "domain", &domain)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        store::link(self.pool(), &customer.tenant_id, partner_id).await
    }

    /// Arranges the world for a tenant that is not created yet (the demo data shows every
    /// partner status): when a customer with this domain is created, it is linked to these
    /// indirect resellers (by Microsoft id; none for an empty list) instead of the one it
    /// names.
    pub async fn arrange_relationships(
        &self,
        domain: &str,
        partners: &[&str],
    ) -> Result<(), sqlx::Error> {
        let partners: Vec<String> = partners.iter().map(|p| p.to_ascii_lowercase()).collect();
        store::arrange(
            self.pool(),
            &domain.to_ascii_lowercase(),
            &partners.join(","),
        )
        .await
    }

    /// Arranges a subscription the tenant with this domain has once it is created, bought at
    /// `started_at` (the demo data shows one whose change window has closed). Arranged once:
    /// the same id again changes nothing.
    pub async fn arrange_subscription(
        &self,
        domain: &str,
        arranged: &ArrangedSubscription,
    ) -> Result<(), sqlx::Error> {
        if store::subscription(self.pool(), &arranged.id)
            .await?
            .is_some()
        {
            return Ok(());
        }
        let row = SubscriptionRow {
            id: arranged.id.clone(),
            tenant_id: store::arranged_owner(&domain.to_ascii_lowercase()),
            order_id: None,
            offer_id: arranged.offer_id.clone(),
            quantity: i64::from(arranged.quantity),
            assigned: i64::from(rules::assigned_licences(arranged.quantity)),
            status: "active".to_owned(),
            auto_renew: 1,
            billing_cycle: partner_center::wire::billing_cycle(arranged.billing_cycle).to_owned(),
            term: Some(arranged.term.iso().to_owned()),
            term_started_at: arranged.started_at,
            term_ends_at: rules::term_end(arranged.started_at, arranged.term),
            renewal_quantity: None,
        };
        store::save_subscription(self.pool(), &row).await
    }

    /// The partners (Microsoft ids) the tenant with this domain is linked to.
    pub async fn partners_of(&self, domain: &str) -> Result<Vec<String>, sqlx::Error> {
        match store::customer_by(self.pool(), "domain", &domain.to_ascii_lowercase()).await? {
            Some(customer) => store::linked_partners(self.pool(), &customer.tenant_id).await,
            None => Ok(Vec::new()),
        }
    }

    /// The tenant's admin removes a partner (as the admin centre lets them).
    pub async fn unlink_indirect_reseller(
        &self,
        domain: &str,
        partner_id: &str,
    ) -> Result<(), sqlx::Error> {
        if let Some(customer) =
            store::customer_by(self.pool(), "domain", &domain.to_ascii_lowercase()).await?
        {
            store::unlink(
                self.pool(),
                &customer.tenant_id,
                &partner_id.to_ascii_lowercase(),
            )
            .await?;
        }
        Ok(())
    }

    /// Whether the tenant with this domain is the distributor's customer already.
    pub async fn is_customer(&self, domain: &str) -> Result<bool, sqlx::Error> {
        Ok(
            store::customer_by(self.pool(), "domain", &domain.to_ascii_lowercase())
                .await?
                .is_some(),
        )
    }

    /// The indirect reseller an invitation link names.
    pub async fn invited_reseller(&self, token: &str) -> Result<Option<String>, sqlx::Error> {
        store::invited_reseller(self.pool(), token).await
    }

    /// How many customers were created through the API (not by accepting an invitation).
    pub async fn customers_created(&self) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM provider_sim_customers WHERE request_id IS NOT NULL",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(n)
    }

    /// How many orders checkouts placed.
    pub async fn orders_placed(&self) -> Result<i64, sqlx::Error> {
        store::count(self.pool(), "provider_sim_orders").await
    }

    /// The first admin password of the customer with this domain.
    pub async fn initial_password(&self, domain: &str) -> Result<Option<String>, sqlx::Error> {
        Ok(store::customer_by(self.pool(), "domain", domain)
            .await?
            .and_then(|c| c.admin_password))
    }

    /// Every confirmed acceptance, by tenant id.
    pub async fn agreements(&self) -> Result<Vec<(String, AgreementAcceptance)>, sqlx::Error> {
        store::agreements(self.pool()).await
    }

    /// A subscription as it stands now: terms that ended have renewed (or expired).
    fn current(&self, mut row: SubscriptionRow) -> SubscriptionRow {
        let now = self.now();
        while row.status == "active" && now >= row.term_ends_at {
            let Some(term) = row.term.as_deref().and_then(Term::parse_iso) else {
                break;
            };
            if row.auto_renew == 0 {
                row.status = "expired".to_owned();
                break;
            }
            row.term_started_at = row.term_ends_at;
            row.term_ends_at = rules::term_end(row.term_started_at, term);
            row.quantity = row.renewal_quantity.take().unwrap_or(row.quantity);
        }
        row
    }

    fn model(&self, row: &SubscriptionRow) -> Subscription {
        let status = match row.status.as_str() {
            "active" if self.now() < row.term_started_at => SubscriptionStatus::Pending,
            "active" => SubscriptionStatus::Active,
            "suspended" => SubscriptionStatus::Suspended,
            "deleted" => SubscriptionStatus::Deleted,
            _ => SubscriptionStatus::Expired,
        };
        Subscription {
            id: row.id.clone(),
            offer_id: row.offer_id.clone(),
            quantity: row.quantity as u32,
            status,
            auto_renew: row.auto_renew != 0,
            billing_cycle: partner_center::wire::parse_billing_cycle(&row.billing_cycle)
                .unwrap_or(BillingCycle::None),
            term: row.term.as_deref().and_then(Term::parse_iso),
            term_started_at: row.term_started_at,
            term_ends_at: row.term_ends_at,
            renewal_quantity: row.renewal_quantity.map(|q| q as u32),
            order_id: row.order_id.clone(),
        }
    }

    /// One change to a subscription: under its request id once (a repeat answers the first
    /// answer), on the subscription as it stands now, checked and saved by `change`.
    async fn change_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        change: impl FnOnce(&mut SubscriptionRow, i64) -> Result<(), ProviderError>,
    ) -> Result<Subscription, ProviderError> {
        self.gate().await?;
        let pool = self.pool();
        if let Some(answer) = store::answer_of(pool, request).await.map_err(unavailable)? {
            return serde_json::from_str(&answer)
                .map_err(|e| ProviderError::Unavailable(e.to_string()));
        }
        let row = store::subscription(pool, subscription_id)
            .await
            .map_err(unavailable)?
            .filter(|s| s.tenant_id == tenant_id)
            .ok_or_else(|| not_found("Subscription"))?;
        let mut row = self.current(row);
        if row.status != "active" {
            return Err(ProviderError::refused(
                RefusalReason::SubscriptionNotActive,
                Some(2011),
                "the subscription is not active",
            ));
        }
        change(&mut row, self.now())?;
        store::save_subscription(pool, &row)
            .await
            .map_err(unavailable)?;
        let answer = self.model(&row);
        let json = serde_json::to_string(&answer).unwrap_or_default();
        store::remember_answer(pool, request, &json)
            .await
            .map_err(unavailable)?;
        Ok(answer)
    }

    /// A reduction or cancellation: only within the cancellation window.
    fn within_window(row: &SubscriptionRow, now: i64) -> Result<(), ProviderError> {
        if now >= row.term_started_at + rules::CANCELLATION_WINDOW_SECS {
            let (code, _, text) =
                partner_center::errors::code_of(RefusalReason::CancellationWindowClosed);
            return Err(ProviderError::refused(
                RefusalReason::CancellationWindowClosed,
                code,
                text,
            ));
        }
        Ok(())
    }

    fn placed_order(&self, row: &OrderRow) -> Result<PlacedOrder, ProviderError> {
        let lines: Vec<PlacedLine> = serde_json::from_str(&row.lines)
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        let completed = self.now() >= row.ready_at;
        Ok(PlacedOrder {
            id: row.order_id.clone(),
            status: if completed {
                OrderStatus::Completed
            } else {
                OrderStatus::Pending
            },
            billing_cycle: partner_center::wire::parse_billing_cycle(&row.billing_cycle)
                .unwrap_or(BillingCycle::None),
            lines: lines
                .into_iter()
                // Subscriptions are named once the order is completed.
                .map(|l| PlacedLine {
                    subscription_id: l.subscription_id.filter(|_| completed),
                    ..l
                })
                .collect(),
        })
    }
}

fn quantity_in_range(quantity: u32) -> Result<(), ProviderError> {
    if quantity == 0 || quantity > 10_000 {
        return Err(ProviderError::refused(
            RefusalReason::QuantityOutOfRange,
            Some(2002),
            "Subscription quantity is not within minimum and maximum allowed quantity",
        ));
    }
    Ok(())
}

#[async_trait::async_trait]
impl Provider for Simulator {
    async fn domain_exists(&self, domain: &str) -> Result<bool, ProviderError> {
        self.gate().await?;
        let domain = domain.to_ascii_lowercase();
        Ok(rules::taken_worldwide(&domain)
            || self.is_customer(&domain).await.map_err(unavailable)?)
    }

    async fn create_customer(
        &self,
        request: &RequestId,
        customer: &NewCustomer,
    ) -> Result<CreatedCustomer, ProviderError> {
        self.gate().await?;
        let pool = self.pool();
        let created = |row: CustomerRow| CreatedCustomer {
            tenant_id: row.tenant_id,
            admin_user: row.admin_user.unwrap_or_default(),
            admin_password: row.admin_password.unwrap_or_default(),
        };
        if let Some(row) = store::customer_by(pool, "request_id", request.as_str())
            .await
            .map_err(unavailable)?
        {
            return Ok(created(row));
        }
        let domain = customer.domain.to_ascii_lowercase();
        let taken = || {
            let (code, _, text) = partner_center::errors::code_of(RefusalReason::DomainTaken);
            ProviderError::refused(RefusalReason::DomainTaken, code, text)
        };
        if rules::taken_worldwide(&domain) {
            return Err(taken());
        }
        let now = self.now();
        let tenant_id = random_guid();
        let password = rules::initial_password();
        let inserted = store::insert_customer(
            pool,
            NewCustomerRow {
                tenant_id: &tenant_id,
                domain: &domain,
                company_name: &customer.company_name,
                request_id: Some(request.as_str()),
                admin: Some(("admin", &password)),
                now,
                ready_at: now + self.provisioning_secs(),
            },
        )
        .await
        .map_err(unavailable)?;
        if !inserted {
            // The same request a moment earlier, or another request for the domain.
            return match store::customer_by(pool, "request_id", request.as_str())
                .await
                .map_err(unavailable)?
            {
                Some(row) => Ok(created(row)),
                None => Err(taken()),
            };
        }
        let arranged = store::arranged(pool, &domain).await.map_err(unavailable)?;
        let partners: Vec<String> = match arranged {
            Some(partners) => partners
                .split(',')
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
            None => customer.associated_partner_id.iter().cloned().collect(),
        };
        for partner in partners {
            store::link(pool, &tenant_id, &partner)
                .await
                .map_err(unavailable)?;
        }
        store::adopt_arranged_subscriptions(pool, &domain, &tenant_id)
            .await
            .map_err(unavailable)?;
        Ok(CreatedCustomer {
            tenant_id,
            admin_user: "admin".to_owned(),
            admin_password: password,
        })
    }

    /// A tenant id the vendor does not know (yet) is not ready: Partner Center answers a
    /// tenant created a moment ago with 404 too.
    async fn customer_ready(&self, tenant_id: &str) -> Result<bool, ProviderError> {
        self.gate().await?;
        let customer = store::customer_by(self.pool(), "tenant_id", tenant_id)
            .await
            .map_err(unavailable)?;
        Ok(customer.is_some_and(|c| c.ready_at <= self.now()))
    }

    async fn find_customer(&self, domain: &str) -> Result<Option<String>, ProviderError> {
        self.gate().await?;
        let found = store::customer_by(self.pool(), "domain", &domain.to_ascii_lowercase())
            .await
            .map_err(unavailable)?;
        Ok(found
            .filter(|c| c.ready_at <= self.now())
            .map(|c| c.tenant_id))
    }

    async fn invitation_link(&self, indirect_reseller: &str) -> Result<String, ProviderError> {
        self.gate().await?;
        let token = store::invitation_token(
            self.pool(),
            &indirect_reseller.to_ascii_lowercase(),
            &random_guid(),
            self.now(),
        )
        .await
        .map_err(unavailable)?;
        Ok(format!("{}/invitations/{token}", self.0.pages_url))
    }

    async fn relationships(
        &self,
        tenant_id: &str,
    ) -> Result<Vec<PartnerRelationship>, ProviderError> {
        self.gate().await?;
        self.ready_customer(tenant_id).await?;
        let partners = store::linked_partners(self.pool(), tenant_id)
            .await
            .map_err(unavailable)?;
        Ok(partners
            .into_iter()
            .map(|id| PartnerRelationship {
                name: format!("Partner {}", &id[..8.min(id.len())]),
                id,
                relationship_type: INDIRECT_RESELLER.to_owned(),
                mpn_id: None,
            })
            .collect())
    }

    async fn mpn_profile(&self, mpn: &str) -> Result<MpnProfile, ProviderError> {
        self.gate().await?;
        rules::partner(mpn)?;
        Ok(MpnProfile {
            mpn_id: mpn.to_owned(),
            partner_name: format!("Partner {mpn}"),
        })
    }

    async fn partner_agreement_signed(&self, mpn: &str) -> Result<bool, ProviderError> {
        self.gate().await?;
        rules::partner(mpn)?;
        Ok(rules::partner_agreement_signed(mpn))
    }

    async fn customer_agreement_template(&self) -> Result<String, ProviderError> {
        self.gate().await?;
        Ok(rules::CUSTOMER_AGREEMENT_TEMPLATE.to_owned())
    }

    async fn confirm_customer_agreement(
        &self,
        request: &RequestId,
        tenant_id: &str,
        acceptance: &AgreementAcceptance,
    ) -> Result<(), ProviderError> {
        self.gate().await?;
        self.ready_customer(tenant_id).await?;
        let first = store::insert_agreement(self.pool(), request, tenant_id, acceptance)
            .await
            .map_err(unavailable)?;
        match first {
            // A retry of the request that confirmed it: the same answer.
            Some(first) if first != request.as_str() => {
                let (code, _, text) =
                    partner_center::errors::code_of(RefusalReason::AgreementAlreadyConfirmed);
                Err(ProviderError::refused(
                    RefusalReason::AgreementAlreadyConfirmed,
                    code,
                    text,
                ))
            }
            _ => Ok(()),
        }
    }

    async fn create_cart(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart: &NewCart,
    ) -> Result<String, ProviderError> {
        self.gate().await?;
        self.ready_customer(tenant_id).await?;
        if cart.lines.is_empty() {
            return Err(ProviderError::refused(
                RefusalReason::Other,
                Some(800002),
                "Invalid request input: a cart needs line items",
            ));
        }
        let lines = cart
            .lines
            .iter()
            .flat_map(|l| std::iter::once(l).chain(&l.add_ons));
        for line in lines {
            quantity_in_range(line.quantity)?;
        }
        let json =
            serde_json::to_string(cart).map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        store::insert_cart(self.pool(), &random_guid(), tenant_id, request, &json)
            .await
            .map_err(unavailable)?;
        let cart = store::cart_by(self.pool(), "request_id", request.as_str())
            .await
            .map_err(unavailable)?
            .ok_or_else(|| not_found("Cart"))?;
        Ok(cart.cart_id)
    }

    async fn checkout(
        &self,
        _request: &RequestId,
        tenant_id: &str,
        cart_id: &str,
    ) -> Result<Vec<PlacedOrder>, ProviderError> {
        self.gate().await?;
        let pool = self.pool();
        let cart = store::cart_by(pool, "cart_id", cart_id)
            .await
            .map_err(unavailable)?
            .filter(|c| c.tenant_id == tenant_id)
            .ok_or_else(|| not_found("Cart"))?;
        if cart.checked_out_at.is_none() {
            let new: NewCart = serde_json::from_str(&cart.cart)
                .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
            let now = self.now();
            let ready_at = now + self.provisioning_secs();
            let mut by_cycle: Vec<(BillingCycle, Vec<PlacedLine>)> = Vec::new();
            let mut subscriptions = Vec::new();
            let lines = new
                .lines
                .iter()
                .flat_map(|l| std::iter::once(l).chain(&l.add_ons));
            for line in lines {
                let subscription_id = random_guid();
                let order = match by_cycle.iter_mut().find(|(c, _)| *c == line.billing_cycle) {
                    Some((_, lines)) => lines,
                    None => {
                        by_cycle.push((line.billing_cycle, Vec::new()));
                        &mut by_cycle.last_mut().expect("just pushed").1
                    }
                };
                order.push(PlacedLine {
                    line_item_number: line.id,
                    offer_id: line.catalog_item_id.clone(),
                    quantity: line.quantity,
                    subscription_id: Some(subscription_id.clone()),
                });
                let term_ends_at = line.term.map_or(ready_at, |t| rules::term_end(ready_at, t));
                subscriptions.push((
                    line.billing_cycle,
                    SubscriptionRow {
                        id: subscription_id,
                        tenant_id: tenant_id.to_owned(),
                        order_id: None,
                        offer_id: line.catalog_item_id.clone(),
                        quantity: i64::from(line.quantity),
                        assigned: i64::from(rules::assigned_licences(line.quantity)),
                        status: "active".to_owned(),
                        auto_renew: i64::from(line.term.is_some()),
                        billing_cycle: partner_center::wire::billing_cycle(line.billing_cycle)
                            .to_owned(),
                        term: line.term.map(|t| t.iso().to_owned()),
                        term_started_at: ready_at,
                        term_ends_at,
                        renewal_quantity: None,
                    },
                ));
            }
            let mut orders = Vec::new();
            for (cycle, lines) in by_cycle {
                let order_id = random_guid();
                for (_, row) in subscriptions.iter_mut().filter(|(c, _)| *c == cycle) {
                    row.order_id = Some(order_id.clone());
                }
                orders.push((
                    OrderRow {
                        order_id,
                        tenant_id: tenant_id.to_owned(),
                        billing_cycle: partner_center::wire::billing_cycle(cycle).to_owned(),
                        lines: serde_json::to_string(&lines)
                            .map_err(|e| ProviderError::Unavailable(e.to_string()))?,
                        ready_at,
                    },
                    cart_id.to_owned(),
                ));
            }
            let subscriptions: Vec<SubscriptionRow> =
                subscriptions.into_iter().map(|(_, row)| row).collect();
            // A checkout that raced this one wins; both answer with its orders.
            store::record_checkout(pool, cart_id, now, &orders, &subscriptions)
                .await
                .map_err(unavailable)?;
        }
        let orders = store::orders_of_cart(pool, cart_id)
            .await
            .map_err(unavailable)?;
        orders.iter().map(|o| self.placed_order(o)).collect()
    }

    async fn order(&self, tenant_id: &str, order_id: &str) -> Result<PlacedOrder, ProviderError> {
        self.gate().await?;
        let row = store::order(self.pool(), order_id)
            .await
            .map_err(unavailable)?
            .filter(|o| o.tenant_id == tenant_id)
            .ok_or_else(|| not_found("Order"))?;
        self.placed_order(&row)
    }

    async fn order_provisioning(
        &self,
        tenant_id: &str,
        order_id: &str,
    ) -> Result<Vec<LineProvisioning>, ProviderError> {
        let order = Provider::order(self, tenant_id, order_id).await?;
        let status = match order.status {
            OrderStatus::Completed => Fulfilment::Fulfilled,
            _ => Fulfilment::PrefulfillmentPending,
        };
        Ok(order
            .lines
            .iter()
            .map(|l| LineProvisioning {
                line_item_number: l.line_item_number,
                status,
            })
            .collect())
    }

    async fn subscriptions(&self, tenant_id: &str) -> Result<Vec<Subscription>, ProviderError> {
        self.gate().await?;
        self.customer(tenant_id).await?;
        let rows = store::subscriptions(self.pool(), tenant_id)
            .await
            .map_err(unavailable)?;
        Ok(rows
            .into_iter()
            .map(|row| self.model(&self.current(row)))
            .collect())
    }

    async fn change_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.change_subscription(request, tenant_id, subscription_id, |row, now| {
            quantity_in_range(quantity)?;
            if i64::from(quantity) < row.quantity {
                Simulator::within_window(row, now)?;
                if i64::from(quantity) < row.assigned {
                    let (code, _, text) =
                        partner_center::errors::code_of(RefusalReason::BelowAssignedLicences);
                    return Err(ProviderError::refused(
                        RefusalReason::BelowAssignedLicences,
                        code,
                        &format!("{text} ({})", row.assigned),
                    ));
                }
            }
            row.quantity = i64::from(quantity);
            Ok(())
        })
        .await
    }

    async fn cancel_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
    ) -> Result<Subscription, ProviderError> {
        self.change_subscription(request, tenant_id, subscription_id, |row, now| {
            Simulator::within_window(row, now)?;
            row.status = "deleted".to_owned();
            row.auto_renew = 0;
            Ok(())
        })
        .await
    }

    async fn set_auto_renew(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        on: bool,
    ) -> Result<Subscription, ProviderError> {
        self.change_subscription(request, tenant_id, subscription_id, |row, _| {
            row.auto_renew = i64::from(on);
            Ok(())
        })
        .await
    }

    async fn schedule_renewal_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.change_subscription(request, tenant_id, subscription_id, |row, _| {
            quantity_in_range(quantity)?;
            row.renewal_quantity = Some(i64::from(quantity));
            Ok(())
        })
        .await
    }
}
