//! One contract, every implementation: each test below runs against the simulator in
//! process and against the real Partner Center adapter, which talks over HTTP (a loopback
//! port) to the simulator's Partner Center face — each on SQLite and on PostgreSQL. The
//! adapter and the simulator must give the same answers; where they disagree, a test fails.
//! The adapter's own concerns (tokens, headers, 401, 429) follow at the end.

use kontor_provider::partner_center::{PartnerCenter, PartnerCenterSettings};
use kontor_provider::*;
use kontor_provider_sim::partner_center_face::{FaceSettings, PartnerCenterFace};
use kontor_provider_sim::{ArrangedSubscription, Failure, Simulator, SimulatorSettings};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const RESELLER: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

/// What a contract test gets: the implementation under test, and the simulator behind it
/// (to set up, to make slow or failing, to inspect).
struct Subject {
    provider: Arc<dyn Provider>,
    sim: Simulator,
    face: Option<PartnerCenterFace>,
}

/// Held by the test until its end: dropping it removes the simulator's database.
#[allow(dead_code)]
enum Store {
    Sqlite(tempfile::TempDir),
    Postgres(PostgresDatabase),
}

impl Subject {
    async fn simulator(postgres: bool) -> (Subject, Store) {
        let (sim, store) = simulator(postgres).await;
        let subject = Subject {
            provider: Arc::new(sim.clone()),
            sim,
            face: None,
        };
        (subject, store)
    }

    async fn partner_center(postgres: bool) -> (Subject, Store) {
        let (sim, store) = simulator(postgres).await;
        let settings = FaceSettings::default();
        let face = PartnerCenterFace::new(sim.clone(), settings.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let router = face.router();
        tokio::spawn(async move { axum::serve(listener, router).await });
        let adapter = PartnerCenter::new(&PartnerCenterSettings {
            api_url: url.clone(),
            login_url: url,
            tenant_id: settings.tenant_id,
            application_id: settings.client_id,
            application_secret: settings.client_secret,
            timeout: Duration::from_secs(5),
        });
        let subject = Subject {
            provider: Arc::new(adapter),
            sim,
            face: Some(face),
        };
        (subject, store)
    }
}

async fn simulator(postgres: bool) -> (Simulator, Store) {
    sqlx::any::install_default_drivers();
    let (url, store) = if postgres {
        let database = PostgresDatabase::create().await;
        (database.url.clone(), Store::Postgres(database))
    } else {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("sim.db").display());
        (url, Store::Sqlite(dir))
    };
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await
        .expect("the simulator's database");
    let sim = Simulator::open(
        pool,
        "https://kontor.test",
        SimulatorSettings {
            latency: Duration::ZERO,
            provisioning: Duration::ZERO,
            ..SimulatorSettings::default()
        },
    )
    .await
    .expect("the simulator's tables");
    (sim, store)
}

/// Each contract test, on both implementations and both databases.
macro_rules! contract {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn simulator_sqlite() {
                let (subject, _store) = Subject::simulator(false).await;
                ($body)(subject).await
            }

            #[tokio::test]
            async fn simulator_postgres() {
                let (subject, _store) = Subject::simulator(true).await;
                ($body)(subject).await
            }

            #[tokio::test]
            async fn partner_center_sqlite() {
                let (subject, _store) = Subject::partner_center(false).await;
                ($body)(subject).await
            }

            #[tokio::test]
            async fn partner_center_postgres() {
                let (subject, _store) = Subject::partner_center(true).await;
                ($body)(subject).await
            }
        }
    };
}

fn new_customer(prefix: &str, reseller: Option<&str>) -> NewCustomer {
    NewCustomer {
        domain: format!("{prefix}.onmicrosoft.com"),
        company_name: "Bäckerei Sonnenschein GmbH".to_owned(),
        email: "it@baeckerei-sonnenschein.example".to_owned(),
        culture: "de-DE".to_owned(),
        language: "de".to_owned(),
        address: Address {
            country: "DE".to_owned(),
            city: "München".to_owned(),
            postal_code: "80331".to_owned(),
            address_line1: "Marktplatz 3".to_owned(),
            first_name: "Jonas".to_owned(),
            last_name: "Weber".to_owned(),
        },
        associated_partner_id: reseller.map(str::to_owned),
    }
}

async fn customer(s: &Subject, prefix: &str) -> String {
    s.provider
        .create_customer(
            &RequestId::generate(),
            &new_customer(prefix, Some(RESELLER)),
        )
        .await
        .expect("a new customer")
        .tenant_id
}

fn reason<T: std::fmt::Debug>(result: Result<T, ProviderError>) -> RefusalReason {
    match result {
        Err(ProviderError::Refused(refusal)) => refusal.reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn line(id: i64, sku: &str, quantity: u32, cycle: BillingCycle, term: Term) -> CartLine {
    CartLine {
        id,
        catalog_item_id: sku.to_owned(),
        quantity,
        billing_cycle: cycle,
        term: Some(term),
        add_ons: Vec::new(),
    }
}

/// A customer with one placed order of 10 monthly licences; its tenant and subscription.
async fn subscribed(s: &Subject, prefix: &str) -> (String, Subscription) {
    let tenant = customer(s, prefix).await;
    let cart = NewCart {
        lines: vec![line(
            1,
            "M365-BP",
            10,
            BillingCycle::Monthly,
            Term::OneMonth,
        )],
        reseller_partner_id: Some("1234567".to_owned()),
    };
    let cart_id = s
        .provider
        .create_cart(&RequestId::generate(), &tenant, &cart)
        .await
        .unwrap();
    s.provider
        .checkout(&RequestId::generate(), &tenant, &cart_id)
        .await
        .unwrap();
    let subscription = s.provider.subscriptions(&tenant).await.unwrap().remove(0);
    (tenant, subscription)
}

contract!(
    a_domain_is_taken_worldwide_or_once_created,
    |s: Subject| async move {
        let p = &s.provider;
        assert!(p.domain_exists("contoso.onmicrosoft.com").await.unwrap());
        assert!(!p
            .domain_exists("sonnenschein.onmicrosoft.com")
            .await
            .unwrap());
        customer(&s, "sonnenschein").await;
        assert!(p
            .domain_exists("Sonnenschein.onmicrosoft.com")
            .await
            .unwrap());
    }
);

contract!(
    a_customer_is_created_once_per_request_and_never_on_a_taken_domain,
    |s: Subject| async move {
        let p = &s.provider;
        let request = RequestId::generate();
        let first = p
            .create_customer(&request, &new_customer("sonnenschein", Some(RESELLER)))
            .await
            .unwrap();
        let again = p
            .create_customer(&request, &new_customer("sonnenschein", Some(RESELLER)))
            .await
            .unwrap();
        assert_eq!(first, again, "the same request answers the same");
        assert_eq!(first.admin_user, "admin");
        assert_eq!(s.sim.customers_created().await.unwrap(), 1);
        for taken in ["sonnenschein", "contoso"] {
            let answer = p
                .create_customer(&RequestId::generate(), &new_customer(taken, None))
                .await;
            assert_eq!(reason(answer), RefusalReason::DomainTaken, "{taken}");
        }
        assert!(p.customer_ready(&first.tenant_id).await.unwrap());
        // Unknown is "not ready": the real API cannot tell it from a tenant just created.
        assert!(!p
            .customer_ready("00000000-0000-0000-0000-000000000000")
            .await
            .unwrap());
    }
);

contract!(
    a_new_tenant_is_not_ready_until_provisioned,
    |s: Subject| async move {
        s.sim
            .configure(|c| c.provisioning = Duration::from_secs(3600));
        let tenant = customer(&s, "spaeter").await;
        assert!(!s.provider.customer_ready(&tenant).await.unwrap());
        assert_eq!(
            s.provider
                .find_customer("spaeter.onmicrosoft.com")
                .await
                .unwrap(),
            None
        );
        s.sim
            .configure(|c| c.clock_ahead = Duration::from_secs(3601));
        assert!(s.provider.customer_ready(&tenant).await.unwrap());
    }
);

contract!(
    a_customer_is_found_by_its_domain_once_it_is_the_distributors,
    |s: Subject| async move {
        let p = &s.provider;
        assert_eq!(
            p.find_customer("kanzleiberg.onmicrosoft.com")
                .await
                .unwrap(),
            None
        );
        let tenant = customer(&s, "kanzleiberg").await;
        assert_eq!(
            p.find_customer("KanzleiBerg.onmicrosoft.com")
                .await
                .unwrap(),
            Some(tenant)
        );
        // Only the same domain, not one that starts like it.
        assert_eq!(
            p.find_customer("kanzlei.onmicrosoft.com").await.unwrap(),
            None
        );
        // An existing tenant becomes the distributor's by accepting an invitation.
        assert_eq!(p.find_customer("sonnenhof.de").await.unwrap(), None);
        s.sim
            .link_indirect_reseller("sonnenhof.de", RESELLER)
            .await
            .unwrap();
        assert!(p.find_customer("sonnenhof.de").await.unwrap().is_some());
    }
);

contract!(
    relationships_name_the_linked_indirect_resellers,
    |s: Subject| async move {
        let p = &s.provider;
        let with_reseller = customer(&s, "mitpartner").await;
        let linked = p.relationships(&with_reseller).await.unwrap();
        assert_eq!(indirect_resellers(&linked), [RESELLER]);
        let own = p
            .create_customer(&RequestId::generate(), &new_customer("ohnepartner", None))
            .await
            .unwrap();
        assert!(p.relationships(&own.tenant_id).await.unwrap().is_empty());
        let other = "9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04";
        s.sim
            .link_indirect_reseller("ohnepartner.onmicrosoft.com", &other.to_ascii_uppercase())
            .await
            .unwrap();
        assert_eq!(
            indirect_resellers(&p.relationships(&own.tenant_id).await.unwrap()),
            [other]
        );
        assert_eq!(
            reason(
                p.relationships("00000000-0000-0000-0000-000000000000")
                    .await
            ),
            RefusalReason::NotFound
        );
    }
);

contract!(
    the_invitation_link_is_one_per_indirect_reseller,
    |s: Subject| async move {
        let first = s.provider.invitation_link(RESELLER).await.unwrap();
        assert!(
            first.starts_with("https://kontor.test/provider-sim/invitations/"),
            "{first}"
        );
        assert_eq!(s.provider.invitation_link(RESELLER).await.unwrap(), first);
        let other = s
            .provider
            .invitation_link("9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04")
            .await
            .unwrap();
        assert_ne!(other, first);
    }
);

contract!(
    partner_checks_answer_by_the_partner_network,
    |s: Subject| async move {
        let p = &s.provider;
        assert_eq!(p.mpn_profile("1234567").await.unwrap().mpn_id, "1234567");
        assert!(p.partner_agreement_signed("1234567").await.unwrap());
        assert!(!p.partner_agreement_signed("1234560").await.unwrap());
        for (mpn, expected) in [
            ("9234567", RefusalReason::PartnerIdUnknown),
            ("8234567", RefusalReason::RegionMismatch),
            ("12ab567", RefusalReason::PartnerIdInvalid),
        ] {
            assert_eq!(reason(p.mpn_profile(mpn).await), expected, "{mpn}");
            assert_eq!(
                reason(p.partner_agreement_signed(mpn).await),
                expected,
                "{mpn}"
            );
        }
    }
);

contract!(
    an_acceptance_is_confirmed_once_per_contact,
    |s: Subject| async move {
        let p = &s.provider;
        let tenant = customer(&s, "sonnenschein").await;
        let template = p.customer_agreement_template().await.unwrap();
        let acceptance = AgreementAcceptance {
            first_name: "Jonas".to_owned(),
            last_name: "Weber".to_owned(),
            email: "it@baeckerei-sonnenschein.example".to_owned(),
            date_agreed: 1_795_392_000,
            template_id: template.clone(),
        };
        let request = RequestId::generate();
        p.confirm_customer_agreement(&request, &tenant, &acceptance)
            .await
            .unwrap();
        // A retry of the same request is the same success…
        p.confirm_customer_agreement(&request, &tenant, &acceptance)
            .await
            .unwrap();
        // …another request for the same contact is refused (600061).
        let twice = p
            .confirm_customer_agreement(&RequestId::generate(), &tenant, &acceptance)
            .await;
        assert_eq!(reason(twice), RefusalReason::AgreementAlreadyConfirmed);
        let recorded = s.sim.agreements().await.unwrap();
        assert_eq!(recorded, [(tenant, acceptance.clone())]);
        let unknown = p
            .confirm_customer_agreement(
                &RequestId::generate(),
                "00000000-0000-0000-0000-000000000000",
                &acceptance,
            )
            .await;
        assert_eq!(reason(unknown), RefusalReason::NotFound);
    }
);

contract!(
    a_checkout_places_one_order_per_billing_cycle_once,
    |s: Subject| async move {
        let p = &s.provider;
        let tenant = customer(&s, "sonnenschein").await;
        let mut base = line(41, "M365-BP", 5, BillingCycle::Monthly, Term::OneMonth);
        base.add_ons.push(line(
            42,
            "EXO-ARCHIVE",
            5,
            BillingCycle::Monthly,
            Term::OneMonth,
        ));
        let cart = NewCart {
            lines: vec![
                base,
                line(43, "VISIO-P2", 2, BillingCycle::Annual, Term::OneYear),
            ],
            reseller_partner_id: Some("1234567".to_owned()),
        };
        let request = RequestId::generate();
        let cart_id = p.create_cart(&request, &tenant, &cart).await.unwrap();
        assert_eq!(
            p.create_cart(&request, &tenant, &cart).await.unwrap(),
            cart_id
        );
        let orders = p
            .checkout(&RequestId::generate(), &tenant, &cart_id)
            .await
            .unwrap();
        assert_eq!(orders.len(), 2);
        let cycles: Vec<_> = orders.iter().map(|o| o.billing_cycle).collect();
        assert!(cycles.contains(&BillingCycle::Monthly) && cycles.contains(&BillingCycle::Annual));
        // Checking out again answers with the same orders; nothing is placed twice.
        let again = p
            .checkout(&RequestId::generate(), &tenant, &cart_id)
            .await
            .unwrap();
        assert_eq!(again, orders);
        assert_eq!(s.sim.orders_placed().await.unwrap(), 2);
        let monthly = orders
            .iter()
            .find(|o| o.billing_cycle == BillingCycle::Monthly)
            .unwrap();
        let placed = p.order(&tenant, &monthly.id).await.unwrap();
        assert_eq!(placed.status, OrderStatus::Completed);
        let numbers: Vec<_> = placed.lines.iter().map(|l| l.line_item_number).collect();
        assert_eq!(numbers, [41, 42]);
        assert!(placed.lines.iter().all(|l| l.subscription_id.is_some()));
        let provisioning = p.order_provisioning(&tenant, &monthly.id).await.unwrap();
        assert!(provisioning
            .iter()
            .all(|l| l.status == Fulfilment::Fulfilled));
        let subscriptions = p.subscriptions(&tenant).await.unwrap();
        assert_eq!(subscriptions.len(), 3);
        let visio = subscriptions
            .iter()
            .find(|s| s.offer_id == "VISIO-P2")
            .unwrap();
        assert_eq!((visio.quantity, visio.term), (2, Some(Term::OneYear)));
        assert!(visio.auto_renew && visio.status == SubscriptionStatus::Active);
        assert_eq!(
            reason(
                p.order(&tenant, "00000000-0000-0000-0000-000000000000")
                    .await
            ),
            RefusalReason::NotFound
        );
    }
);

contract!(
    an_order_is_pending_until_provisioned,
    |s: Subject| async move {
        let tenant = customer(&s, "sonnenschein").await;
        s.sim
            .configure(|c| c.provisioning = Duration::from_secs(60));
        let cart = NewCart {
            lines: vec![line(1, "M365-BP", 3, BillingCycle::Monthly, Term::OneMonth)],
            reseller_partner_id: None,
        };
        let p = &s.provider;
        let cart_id = p
            .create_cart(&RequestId::generate(), &tenant, &cart)
            .await
            .unwrap();
        let order = p
            .checkout(&RequestId::generate(), &tenant, &cart_id)
            .await
            .unwrap();
        let pending = p.order(&tenant, &order[0].id).await.unwrap();
        assert_eq!(pending.status, OrderStatus::Pending);
        assert!(pending.lines.iter().all(|l| l.subscription_id.is_none()));
        let lines = p.order_provisioning(&tenant, &order[0].id).await.unwrap();
        assert_eq!(lines[0].status, Fulfilment::PrefulfillmentPending);
        let subscriptions = p.subscriptions(&tenant).await.unwrap();
        assert_eq!(subscriptions[0].status, SubscriptionStatus::Pending);
        s.sim.configure(|c| c.clock_ahead = Duration::from_secs(61));
        let done = p.order(&tenant, &order[0].id).await.unwrap();
        assert_eq!(done.status, OrderStatus::Completed);
        assert_eq!(
            p.subscriptions(&tenant).await.unwrap()[0].status,
            SubscriptionStatus::Active
        );
    }
);

contract!(
    more_licences_any_time_fewer_only_within_seven_days_and_not_below_assigned,
    |s: Subject| async move {
        let p = &s.provider;
        let (tenant, subscription) = subscribed(&s, "sonnenschein").await;
        let id = &subscription.id;
        let request = RequestId::generate();
        let more = p.change_quantity(&request, &tenant, id, 12).await.unwrap();
        assert_eq!(more.quantity, 12);
        // The same request again changes nothing more.
        assert_eq!(
            p.change_quantity(&request, &tenant, id, 12).await.unwrap(),
            more
        );
        let fewer = p
            .change_quantity(&RequestId::generate(), &tenant, id, 6)
            .await
            .unwrap();
        assert_eq!(fewer.quantity, 6);
        // Half of the first ten are assigned to users.
        let below = p
            .change_quantity(&RequestId::generate(), &tenant, id, 4)
            .await;
        assert_eq!(reason(below), RefusalReason::BelowAssignedLicences);
        assert_eq!(
            reason(
                p.change_quantity(&RequestId::generate(), &tenant, id, 0)
                    .await
            ),
            RefusalReason::QuantityOutOfRange
        );
        // Eight days later the window is closed: fewer is refused, more is not.
        s.sim
            .configure(|c| c.clock_ahead = Duration::from_secs(8 * 86_400));
        let late = p
            .change_quantity(&RequestId::generate(), &tenant, id, 5)
            .await;
        assert_eq!(reason(late), RefusalReason::CancellationWindowClosed);
        assert_eq!(
            reason(
                p.cancel_subscription(&RequestId::generate(), &tenant, id)
                    .await
            ),
            RefusalReason::CancellationWindowClosed
        );
        let later_more = p
            .change_quantity(&RequestId::generate(), &tenant, id, 7)
            .await
            .unwrap();
        assert_eq!(later_more.quantity, 7);
    }
);

contract!(
    a_reduction_for_the_renewal_applies_when_the_term_renews,
    |s: Subject| async move {
        let p = &s.provider;
        let (tenant, subscription) = subscribed(&s, "sonnenschein").await;
        let id = &subscription.id;
        s.sim
            .configure(|c| c.clock_ahead = Duration::from_secs(10 * 86_400));
        let scheduled = p
            .schedule_renewal_quantity(&RequestId::generate(), &tenant, id, 6)
            .await
            .unwrap();
        assert_eq!(
            (scheduled.quantity, scheduled.renewal_quantity),
            (10, Some(6))
        );
        // A month and a day later it has renewed with six.
        s.sim
            .configure(|c| c.clock_ahead = Duration::from_secs(32 * 86_400));
        let renewed = p.subscriptions(&tenant).await.unwrap().remove(0);
        assert_eq!((renewed.quantity, renewed.renewal_quantity), (6, None));
        assert_eq!(renewed.term_started_at, subscription.term_ends_at);
        assert!(renewed.term_ends_at > renewed.term_started_at);
    }
);

contract!(
    auto_renew_off_lets_the_subscription_expire_and_cancel_ends_it,
    |s: Subject| async move {
        let p = &s.provider;
        let (tenant, subscription) = subscribed(&s, "sonnenschein").await;
        let off = p
            .set_auto_renew(&RequestId::generate(), &tenant, &subscription.id, false)
            .await
            .unwrap();
        assert!(!off.auto_renew);
        s.sim
            .configure(|c| c.clock_ahead = Duration::from_secs(40 * 86_400));
        let expired = p.subscriptions(&tenant).await.unwrap().remove(0);
        assert_eq!(expired.status, SubscriptionStatus::Expired);
        let changed = p
            .set_auto_renew(&RequestId::generate(), &tenant, &subscription.id, true)
            .await;
        assert_eq!(reason(changed), RefusalReason::SubscriptionNotActive);

        s.sim.configure(|c| c.clock_ahead = Duration::ZERO);
        let (tenant, subscription) = subscribed(&s, "zweiter").await;
        let cancelled = p
            .cancel_subscription(&RequestId::generate(), &tenant, &subscription.id)
            .await
            .unwrap();
        assert_eq!(cancelled.status, SubscriptionStatus::Deleted);
        assert!(!cancelled.auto_renew);
    }
);

contract!(
    a_failing_provider_is_unavailable_or_asks_to_wait,
    |s: Subject| async move {
        s.sim.configure(|c| {
            c.failing_calls = 1;
            c.failure = Failure::ServerError;
        });
        let failed = s.provider.domain_exists("frei.onmicrosoft.com").await;
        assert!(
            matches!(failed, Err(ProviderError::Unavailable(_))),
            "{failed:?}"
        );
        s.sim.configure(|c| {
            c.failing_calls = 1;
            c.failure = Failure::TooManyRequests;
        });
        let waited = s.provider.domain_exists("frei.onmicrosoft.com").await;
        assert_eq!(
            waited,
            Err(ProviderError::RateLimited(Duration::from_secs(1)))
        );
        assert!(!s
            .provider
            .domain_exists("frei.onmicrosoft.com")
            .await
            .unwrap());
    }
);

contract!(
    a_subscription_arranged_before_the_tenant_is_its_own_once_created,
    |s: Subject| async move {
        let ten_days_ago = now() - 10 * 86_400;
        let arranged = ArrangedSubscription {
            id: "5c0f2a4e-7d8b-4e1a-9c3f-1b2d3e4f5a60".to_owned(),
            offer_id: "M365-BP".to_owned(),
            quantity: 5,
            billing_cycle: BillingCycle::Monthly,
            term: Term::OneMonth,
            started_at: ten_days_ago,
        };
        let domain = "sonnenschein.onmicrosoft.com";
        s.sim.arrange_subscription(domain, &arranged).await.unwrap();
        // Arranged again (the demo seeded twice): still one.
        s.sim.arrange_subscription(domain, &arranged).await.unwrap();
        let tenant = customer(&s, "sonnenschein").await;
        let had = s.provider.subscriptions(&tenant).await.unwrap();
        assert_eq!(had.len(), 1, "{had:?}");
        assert_eq!(
            (had[0].id.as_str(), had[0].quantity),
            (arranged.id.as_str(), 5)
        );
        assert_eq!(had[0].term_started_at, ten_days_ago);
        // Bought ten days ago: too late for fewer users.
        let fewer = s
            .provider
            .change_quantity(&RequestId::generate(), &tenant, &arranged.id, 4)
            .await;
        assert_eq!(reason(fewer), RefusalReason::CancellationWindowClosed);
        // Another tenant has none of it.
        assert!(s
            .provider
            .subscriptions(&customer(&s, "anderer").await)
            .await
            .unwrap()
            .is_empty());
    }
);

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

// --- the adapter's own concerns ---------------------------------------------------------

async fn adapter() -> (Subject, PartnerCenterFace, Store) {
    let (subject, store) = Subject::partner_center(false).await;
    let face = subject.face.clone().expect("the adapter's face");
    (subject, face, store)
}

#[tokio::test]
async fn one_token_serves_every_caller_until_it_expires() {
    let (s, face, _store) = adapter().await;
    let calls: Vec<_> = (0..20)
        .map(|_| {
            let p = s.provider.clone();
            tokio::spawn(async move { p.domain_exists("frei.onmicrosoft.com").await })
        })
        .collect();
    for call in calls {
        assert!(!call.await.unwrap().unwrap());
    }
    assert_eq!(face.tokens_issued(), 1, "twenty callers, one token");
    // The token expires mid-run: the next call is refused (401), fetches a new token and
    // goes through under the same request id.
    face.expire_tokens();
    let request = RequestId::generate();
    s.provider
        .create_customer(&request, &new_customer("nachablauf", None))
        .await
        .unwrap();
    assert_eq!(face.tokens_issued(), 2);
    let attempts: Vec<_> = face
        .calls()
        .into_iter()
        .filter(|c| c.method == "POST" && c.path == "/v1/customers")
        .collect();
    assert_eq!(attempts.len(), 2, "refused once, then accepted");
    assert!(attempts
        .iter()
        .all(|c| c.request_id.as_deref() == Some(request.as_str())));
    assert!(face.calls().iter().all(|c| c.correlation_id.is_some()));
}

#[tokio::test]
async fn a_short_lived_token_is_fetched_again_before_it_runs_out() {
    let (s, face, _store) = adapter().await;
    face.configure(|f| f.token_lifetime = Duration::from_secs(2));
    s.provider
        .domain_exists("frei.onmicrosoft.com")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1900)).await;
    s.provider
        .domain_exists("frei.onmicrosoft.com")
        .await
        .unwrap();
    assert_eq!(face.tokens_issued(), 2);
    // Fetched ahead of time: no call was refused for an expired token.
    assert_eq!(face.calls().len(), 2);
}

#[tokio::test]
async fn no_token_no_call_and_nothing_done() {
    let (s, face, _store) = adapter().await;
    face.configure(|f| f.token_endpoint_down = true);
    let answer = s
        .provider
        .create_customer(&RequestId::generate(), &new_customer("ohnetoken", None))
        .await;
    assert!(
        matches!(answer, Err(ProviderError::Unavailable(_))),
        "{answer:?}"
    );
    face.configure(|f| {
        f.token_endpoint_down = false;
        f.client_secret = "ein anderes".to_owned();
    });
    let answer = s.provider.domain_exists("frei.onmicrosoft.com").await;
    assert!(
        matches!(answer, Err(ProviderError::Unavailable(_))),
        "{answer:?}"
    );
    assert!(
        face.calls().is_empty(),
        "without a token no API call is made"
    );
    assert_eq!(s.sim.customers_created().await.unwrap(), 0);
}

#[tokio::test]
async fn a_429_is_read_with_its_wait() {
    let (s, _face, _store) = adapter().await;
    s.sim.configure(|c| c.rate_limit = Some(1));
    // The bucket fills at one a second.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    s.provider
        .domain_exists("frei.onmicrosoft.com")
        .await
        .unwrap();
    let waited = s.provider.domain_exists("frei.onmicrosoft.com").await;
    assert_eq!(
        waited,
        Err(ProviderError::RateLimited(Duration::from_secs(1)))
    );
    assert_eq!(s.sim.throttled_calls(), 1);
}

#[tokio::test]
async fn paced_calls_keep_to_the_limit_and_a_429_holds_everyone_back() {
    let (s, _face, _store) = adapter().await;
    let paced = Paced::new(s.provider.clone(), Some(20), Duration::from_secs(5));
    let start = std::time::Instant::now();
    for _ in 0..11 {
        paced.domain_exists("frei.onmicrosoft.com").await.unwrap();
    }
    assert!(
        start.elapsed() >= Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
    s.sim.configure(|c| {
        c.failing_calls = 1;
        c.failure = Failure::TooManyRequests;
    });
    let _ = paced.domain_exists("frei.onmicrosoft.com").await;
    let held = std::time::Instant::now();
    paced.domain_exists("frei.onmicrosoft.com").await.unwrap();
    assert!(
        held.elapsed() >= Duration::from_millis(900),
        "{:?}",
        held.elapsed()
    );
    assert!(paced.health().last().is_some_and(|(answered, _)| answered));
}

#[tokio::test]
async fn a_call_that_takes_too_long_is_unavailable_and_marks_the_provider_so() {
    let (sim, _store) = simulator(false).await;
    sim.configure(|c| {
        c.failing_calls = 1;
        c.failure = Failure::Timeout;
    });
    let paced = Paced::new(Arc::new(sim), None, Duration::from_millis(200));
    let answer = paced.domain_exists("frei.onmicrosoft.com").await;
    assert!(
        matches!(answer, Err(ProviderError::Unavailable(_))),
        "{answer:?}"
    );
    assert!(paced.health().last().is_some_and(|(answered, _)| !answered));
}

// --- PostgreSQL -------------------------------------------------------------------------

/// A database of its own on the PostgreSQL server, dropped when the test ends.
struct PostgresDatabase {
    server: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    async fn create() -> PostgresDatabase {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let server = std::env::var("KONTOR_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
        let name = format!(
            "kontor_sim_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        admin(&server, &format!("DROP DATABASE IF EXISTS {name}")).await;
        admin(&server, &format!("CREATE DATABASE {name}")).await;
        let (base, _) = server
            .rsplit_once('/')
            .expect("a database URL ends in /NAME");
        let url = format!("{base}/{name}");
        PostgresDatabase { server, name, url }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime")
                .block_on(admin(&server, &sql));
        })
        .join()
        .expect("drop the test database");
    }
}

async fn admin(server: &str, sql: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(server)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {server} is needed for these tests: {e}"));
    sqlx::query(sql)
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}
