use crate::agreements::attest;
use crate::support::{on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, count, reseller_with_customer, set_up, work_until_settled};
use app::platform::provider::{BillingCycle, CartLine, NewCart, RequestId, Term};
use app::platform::unix_now;
use kontor_jobs::JobKind;
use kontor_provider_sim::Failure;

const BASIC: &str = "CFQ7TTC0LH18";
const ARCHIVING: &str = "CFQ7TTC0LHS4";

/// A reseller whose customer may be ordered for (tenant ready, agreement attested), with the
/// example catalogue: the session cookie and the customer's id.
pub async fn orderable_customer(app: &TestApp, email: &str, prefix: &str) -> (String, i64) {
    app::catalog::server::seed_examples(app.db()).await.unwrap();
    let (cookie, customer) = reseller_with_customer(app, email, "Sonnenhof GmbH").await;
    assert_eq!(set_up(app, &cookie, customer, prefix).await.status, 200);
    work_until_settled(app, &cookie, customer).await;
    let attested = attest(app, &cookie, customer, &[]).await;
    assert_eq!(attested.status, 200, "{}", attested.body);
    (cookie, customer)
}

/// Ten users of Business Basic, billed annually, with the archiving add-on, for the customer.
pub async fn fill_cart(app: &TestApp, cookie: &str, customer: i64) {
    assert_eq!(
        call(app, cookie, "/api/cart/add", &[("sku", BASIC)])
            .await
            .status,
        200
    );
    let view = cart(app, cookie).await;
    let base = view["lines"][0]["id"].as_i64().unwrap().to_string();
    let saved = call(
        app,
        cookie,
        "/api/cart/line",
        &[
            ("line_id", &base),
            ("form[seats]", "10"),
            ("form[cycle]", "annual"),
        ],
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let added = call(
        app,
        cookie,
        "/api/cart/add-addon",
        &[("line_id", &base), ("sku", ARCHIVING)],
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let header = call(
        app,
        cookie,
        "/api/cart/header",
        &[
            ("form[order_name]", "Lizenzen Q4"),
            ("form[customer]", &customer.to_string()),
        ],
    )
    .await;
    assert_eq!(header.status, 200, "{}", header.body);
}

pub async fn cart(app: &TestApp, cookie: &str) -> serde_json::Value {
    let response = call(app, cookie, "/api/cart/load", &[]).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// The checkout form's key and digest as the cart page has them.
pub async fn checkout(app: &TestApp, cookie: &str) -> (String, String) {
    let view = cart(app, cookie).await;
    let field = |name: &str| view["checkout"][name].as_str().unwrap().to_owned();
    (field("key"), field("digest"))
}

pub async fn place(app: &TestApp, cookie: &str, key: &str, digest: &str) -> TestResponse {
    call(
        app,
        cookie,
        "/api/orders/place",
        &[
            ("form[key]", key),
            ("form[digest]", digest),
            ("form[accept_terms]", "on"),
        ],
    )
    .await
}

/// The order number a successful placement sent the browser to.
pub fn placed_number(response: &TestResponse) -> String {
    assert_eq!(response.status, 200, "{}", response.body);
    response
        .header("location")
        .and_then(|l| l.strip_prefix("/orders/"))
        .unwrap_or_else(|| panic!("a redirect to the order: {}", response.body))
        .to_owned()
}

async fn order(app: &TestApp, cookie: &str, number: &str) -> TestResponse {
    call(app, cookie, "/api/orders/detail", &[("number", number)]).await
}

pub async fn order_json(app: &TestApp, cookie: &str, number: &str) -> serde_json::Value {
    let response = order(app, cookie, number).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// Exactly one order with its two lines and one provider job.
async fn assert_one_order(app: &TestApp) {
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(app, "SELECT COUNT(*) FROM order_lines").await, 2);
    let jobs = "SELECT COUNT(*) FROM provider_jobs WHERE kind = 'provision_order'";
    assert_eq!(count(app, jobs).await, 1);
}

/// Runs the provider worker, minutes apart so that every backoff has passed, until every
/// order has settled.
pub async fn provision_all(app: &TestApp) {
    app.run_provider_jobs_until_none(
        "SELECT COUNT(*) FROM orders WHERE status IN ('received', 'provisioning')",
    )
    .await;
}

on_both_backends!(
    a_late_failure_report_does_not_undo_an_active_order,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof11").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        let number = placed_number(&place(&app, &cookie, &key, &digest).await);
        provision_all(&app).await;
        let mails_before = app.outbox().await.len();

        // A second instance whose claim on the job ran out reports a failure afterwards.
        let (id, customer_id, subject, request_id): (
            i64,
            kontor_domain::CustomerId,
            Option<i64>,
            String,
        ) = sqlx::query_as(
            "SELECT id, customer_id, subject_id, request_id FROM provider_jobs \
                 WHERE kind = 'provision_order'",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let job = kontor_jobs::Job {
            id,
            kind: app::orders::server::PROVISION_ORDER,
            customer_id,
            subject,
            request_id: app::platform::provider::RequestId::from_stored(request_id),
            attempts: 9,
        };
        let error = app::platform::provider::ProviderError::Unavailable("timed out".into());
        let mut tx = app.db().begin().await.unwrap();
        let provisioning = app::orders::server::OrderProvisioning {
            provider: app.provider().clone(),
            links: app.links(),
        };
        provisioning
            .failed(&mut tx, &job, &error, unix_now())
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let order = order_json(&app, &cookie, &number).await;
        assert_eq!(order["summary"]["status"], "Active");
        assert_eq!(app.outbox().await.len(), mails_before, "no failure mail");
    }
);

on_both_backends!(
    a_job_claimed_late_in_a_long_pass_is_not_claimed_by_another_instance,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof12").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        placed_number(&place(&app, &cookie, &key, &digest).await);
        let now = unix_now();
        let kinds = app.job_kinds();
        let first = kontor_jobs::claim_due(app.db(), &kinds, now - 600)
            .await
            .unwrap();
        assert!(!first.is_empty());
        let second = kontor_jobs::claim_due(app.db(), &kinds, now).await.unwrap();
        assert!(second.is_empty(), "the claim holds from when it was made");
    }
);

on_both_backends!(
    an_account_its_customer_number_alone_made_active_orders_big_only_once_confirmed,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof13").await;
        let reseller: (i64,) = sqlx::query_as("SELECT id FROM resellers")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        sqlx::query("UPDATE resellers SET confirmed_by_staff_at = NULL")
            .execute(app.db().pool())
            .await
            .unwrap();
        // 1,008.00 € net: above the 1,000 € an unconfirmed account may order.
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        let waiting = place(&app, &cookie, &key, &digest).await;
        assert_eq!(waiting.status, 422, "{}", waiting.body);
        waiting.assert_contains("AwaitingStaffConfirmation");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);

        // A reseller cannot confirm itself; staff can.
        let id = reseller.0.to_string();
        let own = call(
            &app,
            &cookie,
            "/api/admin/confirm-reseller",
            &[("reseller_id", &id)],
        )
        .await;
        assert_eq!(own.status, 403, "{}", own.body);
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let staff = app.session_cookie(admin).await;
        let detail = call(&app, &staff, "/api/admin/reseller", &[("id", &id)]).await;
        assert!(
            detail
                .body
                .contains(r#""awaits_staff_confirmation":100000"#),
            "{}",
            detail.body
        );
        let confirmed = call(
            &app,
            &staff,
            "/api/admin/confirm-reseller",
            &[("reseller_id", &id)],
        )
        .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        placed_number(&place(&app, &cookie, &key, &digest).await);
        let audit = "SELECT COUNT(*) FROM audit_log WHERE action = 'reseller_confirmed'";
        assert_eq!(count(&app, audit).await, 1);
    }
);

on_both_backends!(
    a_cart_becomes_one_order_however_often_it_is_sent,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof1").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;

        // The terms must be accepted.
        let refused = call(
            &app,
            &cookie,
            "/api/orders/place",
            &[("form[key]", &key), ("form[digest]", &digest)],
        )
        .await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("MustAccept"), "{}", refused.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);

        let number = placed_number(&place(&app, &cookie, &key, &digest).await);
        assert!(number.starts_with("K-20"), "{number}");
        // A double click, a reload, a retried request: the same order.
        for _ in 0..3 {
            assert_eq!(
                placed_number(&place(&app, &cookie, &key, &digest).await),
                number
            );
        }
        assert_one_order(&app).await;

        let placed = order_json(&app, &cookie, &number).await;
        assert_eq!(placed["summary"]["status"], "Received");
        assert_eq!(placed["summary"]["name"], "Lizenzen Q4");
        assert_eq!(placed["placed_by"], "chef@muster-it.example");
        // 10 × 5.60 € × 12 + 10 × 2.80 € × 12 = 1,008.00 € net, 191.52 € VAT.
        assert_eq!(
            placed["totals"],
            serde_json::json!({ "net": 100_800, "vat": 19_152, "gross": 119_952 })
        );
        assert_eq!(placed["lines"][1]["parent_id"], placed["lines"][0]["id"]);

        // The cart is empty, keeps its customer, and has a new key.
        let view = cart(&app, &cookie).await;
        assert_eq!(view["lines"], serde_json::json!([]));
        assert_eq!(view["header"]["order_name"], "");
        assert_eq!(view["header"]["customer"], customer.to_string());
        assert_ne!(view["checkout"]["key"], key.as_str());
        let mails = app.outbox().await;
        let confirmation = mails
            .iter()
            .find(|(to, subject, _)| to == "chef@muster-it.example" && subject.contains(&number))
            .expect("a confirmation mail");
        assert!(confirmation.1.contains("eingegangen"), "{}", confirmation.1);

        // The old key with another cart is refused, and places nothing.
        call(&app, &cookie, "/api/cart/add", &[("sku", BASIC)]).await;
        let (_, other_digest) = checkout(&app, &cookie).await;
        let reused = place(&app, &cookie, &key, &other_digest).await;
        assert_eq!(reused.status, 409, "{}", reused.body);
        assert!(reused.body.contains("KeyReused"), "{}", reused.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);

        provision_all(&app).await;
        let active = order_json(&app, &cookie, &number).await;
        assert_eq!(active["summary"]["status"], "Active");
        assert!(active["lines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["status"] == "Active"));
        assert_eq!(app.simulator().orders_placed().await.unwrap(), 1);
        let subscriptions = crate::tenants::customer_json(
            &app,
            &cookie,
            "/api/subscriptions/of-customer",
            customer,
        )
        .await;
        let subscriptions = subscriptions.as_array().unwrap();
        assert_eq!(subscriptions.len(), 2);
        assert!(subscriptions.iter().all(|s| s["seats"] == 10
            && s["cycle"] == "Annual"
            && s["state"] == "Active"
            && s["auto_renew"] == true
            && s["term_ends_on"]["year"].as_i64()
                == s["started_on"]["year"].as_i64().map(|y| y + 1)));
        let ready = app
            .outbox()
            .await
            .into_iter()
            .filter(|(_, subject, _)| subject.contains("Lizenzen bereit"))
            .count();
        assert_eq!(ready, 1);
    }
);

on_both_backends!(
    a_hundred_simultaneous_submissions_make_one_order,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof2").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        let submissions = (0..100).map(|_| place(&app, &cookie, &key, &digest));
        let answers = futures_util::future::join_all(submissions).await;
        let numbers: std::collections::HashSet<String> =
            answers.iter().map(placed_number).collect();
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        assert_one_order(&app).await;
        provision_all(&app).await;
        assert_eq!(app.simulator().orders_placed().await.unwrap(), 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM subscriptions").await, 2);
    }
);

on_both_backends!(
    changed_prices_and_ineligible_customers_are_refused_with_the_reason,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof3").await;
        fill_cart(&app, &cookie, customer).await;

        // A price changed since the reseller saw it: confirm first.
        sqlx::query("UPDATE products SET annual_cents = 600 WHERE sku = $1")
            .bind(BASIC)
            .execute(app.db().pool())
            .await
            .unwrap();
        let (key, digest) = checkout(&app, &cookie).await;
        let refused = place(&app, &cookie, &key, &digest).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(refused.body.contains("PricesChanged"), "{}", refused.body);
        assert_eq!(
            call(&app, &cookie, "/api/cart/confirm-prices", &[])
                .await
                .status,
            200
        );

        // The form shows the cart before the confirmation: that cart is gone.
        let stale = place(&app, &cookie, &key, &digest).await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        assert!(stale.body.contains("CartChanged"), "{}", stale.body);

        // The customer is no longer orderable (its acceptance was withdrawn).
        sqlx::query("DELETE FROM agreement_acceptances WHERE customer_id = $1")
            .bind(customer)
            .execute(app.db().pool())
            .await
            .unwrap();
        let (key, digest) = checkout(&app, &cookie).await;
        let refused = place(&app, &cookie, &key, &digest).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused
                .body
                .contains(r#"{"NotOrderable":"AgreementMissing"}"#),
            "{}",
            refused.body
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM cart_lines").await, 2);

        // An empty cart orders nothing.
        let (other, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        let (key, digest) = checkout(&app, &other).await;
        let empty = place(&app, &other, &key, &digest).await;
        assert_eq!(empty.status, 422, "{}", empty.body);
        assert!(empty.body.contains("EmptyCart"), "{}", empty.body);
    }
);

on_both_backends!(
    orders_are_their_resellers_alone,
    |app: TestApp| async move {
        let (owner, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof4").await;
        fill_cart(&app, &owner, customer).await;
        let (key, digest) = checkout(&app, &owner).await;
        let number = placed_number(&place(&app, &owner, &key, &digest).await);
        provision_all(&app).await;

        let (intruder, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        assert_eq!(order(&app, &intruder, &number).await.status, 404);
        let list = call(&app, &intruder, "/api/orders/list", &[("page", "1")]).await;
        assert_eq!(list.status, 200, "{}", list.body);
        assert!(list.body.contains(r#""orders":[]"#), "{}", list.body);
        // Naming the owner's customer in the filter does not widen the list.
        let customer_id = customer.to_string();
        let filtered = call(
            &app,
            &intruder,
            "/api/orders/list",
            &[("filter[customer]", &customer_id), ("page", "1")],
        )
        .await;
        assert_eq!(filtered.status, 200, "{}", filtered.body);
        assert!(
            filtered.body.contains(r#""orders":[]"#),
            "{}",
            filtered.body
        );
        let theirs = call(
            &app,
            &intruder,
            "/api/subscriptions/of-customer",
            &[("customer_id", &customer.to_string())],
        )
        .await;
        assert_eq!(theirs.status, 404);
        // The owner's key, sent by someone else, is just a key of theirs: their cart is empty.
        let replay = place(&app, &intruder, &key, &digest).await;
        assert!(replay.body.contains("EmptyCart"), "{}", replay.body);

        // Another year's number, or no number at all, finds nothing either.
        let (_, id) = number.rsplit_once('-').unwrap();
        assert_eq!(
            order(&app, &owner, &format!("K-1999-{id}")).await.status,
            404
        );
        assert_eq!(order(&app, &owner, "1").await.status, 404);
        assert_eq!(
            order_json(&app, &owner, &number).await["summary"]["status"],
            "Active"
        );
    }
);

on_both_backends!(
    the_history_filters_by_customer_status_and_day,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof5").await;
        for _ in 0..2 {
            fill_cart(&app, &cookie, customer).await;
            let (key, digest) = checkout(&app, &cookie).await;
            placed_number(&place(&app, &cookie, &key, &digest).await);
        }
        // The first is active, the second still received.
        let first: (i64,) = sqlx::query_as("SELECT MIN(id) FROM orders")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        sqlx::query("UPDATE orders SET status = 'active' WHERE id = $1")
            .bind(first.0)
            .execute(app.db().pool())
            .await
            .unwrap();
        let list = |fields: Vec<(&'static str, String)>| {
            let app = &app;
            let cookie = cookie.clone();
            async move {
                let mut form = vec![("page".to_owned(), "1".to_owned())];
                form.extend(fields.into_iter().map(|(k, v)| (format!("filter[{k}]"), v)));
                let fields: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let answer = call(app, &cookie, "/api/orders/list", &fields).await;
                assert_eq!(answer.status, 200, "{}", answer.body);
                let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
                json["total"].as_u64().unwrap()
            }
        };
        assert_eq!(list(vec![]).await, 2);
        assert_eq!(list(vec![("customer", customer.to_string())]).await, 2);
        assert_eq!(
            list(vec![("customer", (customer + 1000).to_string())]).await,
            0
        );
        assert_eq!(list(vec![("status", "active".into())]).await, 1);
        assert_eq!(list(vec![("status", "received".into())]).await, 1);
        // In progress: received or being set up, as the start page counts them.
        assert_eq!(list(vec![("status", "in_progress".into())]).await, 1);
        let counters = call(&app, &cookie, "/api/start-page", &[]).await;
        let counters: serde_json::Value = serde_json::from_str(&counters.body).unwrap();
        assert_eq!(counters["counters"]["orders_in_progress"], 1);
        let today = kontor_domain::iso_date(kontor_domain::german_date(unix_now()));
        assert_eq!(list(vec![("from", today.clone()), ("to", today)]).await, 2);
        assert_eq!(list(vec![("to", "2020-01-01".into())]).await, 0);
    }
);

on_both_backends!(
    a_provider_failing_a_third_of_calls_ends_every_order_active_or_failed_never_twice,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof6").await;
        app.simulator().configure(|s| s.failure_percent = 30);
        for round in 0..12 {
            app.simulator().configure(|s| {
                s.failure = if round % 2 == 0 {
                    Failure::ServerError
                } else {
                    Failure::TooManyRequests
                }
            });
            fill_cart(&app, &cookie, customer).await;
            let (key, digest) = checkout(&app, &cookie).await;
            placed_number(&place(&app, &cookie, &key, &digest).await);
        }
        provision_all(&app).await;
        app.simulator().configure(|s| s.failure_percent = 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 12);
        let settled = count(
            &app,
            "SELECT COUNT(*) FROM orders WHERE status = 'active' \
             OR (status = 'failed' AND failure IS NOT NULL)",
        )
        .await;
        assert_eq!(settled, 12);
        // Each order reached the provider at most once, whatever was retried.
        assert_eq!(
            app.simulator().orders_placed().await.unwrap(),
            count(
                &app,
                "SELECT COUNT(DISTINCT provider_order_id) FROM order_provider_orders"
            )
            .await
        );
        assert!(app.simulator().orders_placed().await.unwrap() <= 12);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM subscriptions").await,
            2 * count(&app, "SELECT COUNT(*) FROM orders WHERE status = 'active'").await
        );
    }
);

on_both_backends!(
    a_worker_that_died_after_the_provider_took_the_order_leaves_one_order,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof7").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        let number = placed_number(&place(&app, &cookie, &key, &digest).await);

        // The worker claimed the job and its call reached the provider; then the process died
        // before it wrote anything down.
        let now = unix_now();
        let (request_id,): (String,) =
            sqlx::query_as("SELECT request_id FROM provider_jobs WHERE kind = 'provision_order'")
                .fetch_one(app.db().pool())
                .await
                .unwrap();
        sqlx::query("UPDATE provider_jobs SET claimed_until = $1")
            .bind(now + 60)
            .execute(app.db().pool())
            .await
            .unwrap();
        // What the worker sends: a cart of the order's lines under the job's request id, then
        // its checkout under the job's second id.
        let lines: Vec<(i64, String, i64)> =
            sqlx::query_as("SELECT id, sku, seats FROM order_lines ORDER BY id")
                .fetch_all(app.db().pool())
                .await
                .unwrap();
        let cart = NewCart {
            lines: lines
                .into_iter()
                .map(|(id, sku, seats)| CartLine {
                    id,
                    catalog_item_id: sku,
                    quantity: seats as u32,
                    billing_cycle: BillingCycle::Annual,
                    term: Some(Term::OneYear),
                    add_ons: Vec::new(),
                })
                .collect(),
            reseller_partner_id: None,
        };
        let (tenant,): (String,) = sqlx::query_as("SELECT provider_tenant_id FROM tenants")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let request = RequestId::from_stored(request_id);
        let cart_id = app
            .provider()
            .create_cart(&request, &tenant, &cart)
            .await
            .unwrap();
        app.provider()
            .checkout(&request.step(1), &tenant, &cart_id)
            .await
            .unwrap();
        let placed = app.simulator().orders_placed().await.unwrap();

        // Nobody takes the job while the dead worker's claim lasts; then it is taken again.
        let report = app.run_provider_jobs(now + 30).await;
        assert_eq!(report.done + report.waiting + report.retrying, 0);
        app.run_provider_jobs(now + 61).await;
        provision_all(&app).await;
        assert_eq!(app.simulator().orders_placed().await.unwrap(), placed);
        assert_eq!(
            order_json(&app, &cookie, &number).await["summary"]["status"],
            "Active"
        );
    }
);

/// More users at the price the subscription's page shows now.
pub async fn add_seats(
    app: &TestApp,
    cookie: &str,
    id: i64,
    key: &str,
    added: &str,
) -> TestResponse {
    let unit_cents = seats_form(app, cookie, id).await.1;
    add_seats_at(app, cookie, id, key, added, &unit_cents).await
}

/// More users at the price per user the reseller saw (`unit_cents`).
async fn add_seats_at(
    app: &TestApp,
    cookie: &str,
    id: i64,
    key: &str,
    added: &str,
    unit_cents: &str,
) -> TestResponse {
    call(
        app,
        cookie,
        "/api/subscriptions/add-seats",
        &[
            ("id", &id.to_string()),
            ("form[key]", key),
            ("form[unit_cents]", unit_cents),
            ("form[added]", added),
            ("form[accept_terms]", "on"),
        ],
    )
    .await
}

/// The subscription page's form: a fresh key and the price per user shown.
async fn seats_form(app: &TestApp, cookie: &str, id: i64) -> (String, String) {
    let page = call(
        app,
        cookie,
        "/api/subscriptions/get",
        &[("id", &id.to_string())],
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let page: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    let field = |name: &str| page["more_seats"][name].as_str().unwrap().to_owned();
    (field("key"), field("unit_cents"))
}

pub async fn seats_key(app: &TestApp, cookie: &str, id: i64) -> String {
    seats_form(app, cookie, id).await.0
}

/// A reseller whose customer has the cart's subscriptions, active: the cookie and the id of
/// the Business Basic one (10 users).
pub async fn basic_subscription(app: &TestApp, email: &str, prefix: &str) -> (String, i64) {
    let (cookie, customer) = orderable_customer(app, email, prefix).await;
    fill_cart(app, &cookie, customer).await;
    let (key, digest) = checkout(app, &cookie).await;
    placed_number(&place(app, &cookie, &key, &digest).await);
    provision_all(app).await;
    let subscriptions =
        crate::tenants::customer_json(app, &cookie, "/api/subscriptions/of-customer", customer)
            .await;
    let basic = subscriptions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["sku"] == BASIC)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    (cookie, basic)
}

on_both_backends!(
    two_increases_at_once_are_one_order_and_a_refusal,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "sonnenhof9").await;
        let (first, unit) = seats_form(&app, &cookie, basic).await;
        let (second, _) = seats_form(&app, &cookie, basic).await;
        let (a, b) = tokio::join!(
            add_seats_at(&app, &cookie, basic, &first, "100", &unit),
            add_seats_at(&app, &cookie, basic, &second, "200", &unit),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "{} / {}", a.body, b.body);
        let refused = if a.status == 409 { &a } else { &b };
        refused.assert_contains("ChangePending");
        let pending = count(
            &app,
            "SELECT COUNT(*) FROM order_lines WHERE subscription_id IS NOT NULL",
        )
        .await;
        assert_eq!(pending, 1, "one increase, never base + both");
    }
);

on_both_backends!(
    an_increase_is_ordered_only_at_the_price_the_reseller_saw,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "sonnenhof10").await;
        let (key, unit) = seats_form(&app, &cookie, basic).await;
        assert_eq!(unit, "560");
        let stale = add_seats_at(&app, &cookie, basic, &key, "5", "450").await;
        assert_eq!(stale.status, 409, "{}", stale.body);
        stale.assert_contains("PricesChanged");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
        // What was confirmed is the order: the same key with another price is another order.
        placed_number(&add_seats_at(&app, &cookie, basic, &key, "5", &unit).await);
        let repeated = add_seats_at(&app, &cookie, basic, &key, "5", "450").await;
        assert_eq!(repeated.status, 409, "{}", repeated.body);
        repeated.assert_contains("KeyReused");
    }
);

on_both_backends!(
    more_users_for_a_subscription_are_an_order_through_the_same_path,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "sonnenhof8").await;

        // Within the product's bounds (300 users), with the terms accepted.
        let key = seats_key(&app, &cookie, basic).await;
        let too_many = add_seats(&app, &cookie, basic, &key, "291").await;
        assert_eq!(too_many.status, 422, "{}", too_many.body);
        assert!(
            too_many
                .body
                .contains(r#"{"SeatsOutOfRange":{"min":1,"max":290}}"#),
            "{}",
            too_many.body
        );
        let unticked = call(
            &app,
            &cookie,
            "/api/subscriptions/add-seats",
            &[
                ("id", &basic.to_string()),
                ("form[key]", &key),
                ("form[added]", "5"),
            ],
        )
        .await;
        assert!(unticked.body.contains("MustAccept"), "{}", unticked.body);

        // Sent twice: one order. Another increase waits until this one is active.
        let number = placed_number(&add_seats(&app, &cookie, basic, &key, "5").await);
        assert_eq!(
            placed_number(&add_seats(&app, &cookie, basic, &key, "5").await),
            number
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 2);
        let other = seats_key(&app, &cookie, basic).await;
        let busy = add_seats(&app, &cookie, basic, &other, "1").await;
        assert_eq!(busy.status, 409, "{}", busy.body);
        assert!(busy.body.contains("ChangePending"), "{}", busy.body);
        let increase = order_json(&app, &cookie, &number).await;
        // 5 × 5.60 € × 12 = 336.00 € net.
        assert_eq!(increase["totals"]["net"], 33_600);
        assert_eq!(increase["lines"][0]["seats"], 5);

        provision_all(&app).await;
        assert_eq!(
            order_json(&app, &cookie, &number).await["summary"]["status"],
            "Active"
        );
        let seats: (i64,) = sqlx::query_as("SELECT seats FROM subscriptions WHERE id = $1")
            .bind(basic)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(seats.0, 15);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM subscriptions").await, 2);
        // At the provider the increase is the subscription's new quantity, not an order.
        assert_eq!(app.simulator().orders_placed().await.unwrap(), 1);
        let (tenant,): (String,) = sqlx::query_as("SELECT provider_tenant_id FROM tenants")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let at_provider = app.provider().subscriptions(&tenant).await.unwrap();
        assert!(
            at_provider.iter().any(|s| s.quantity == 15),
            "{at_provider:?}"
        );

        // Another reseller finds nothing under the id.
        let (intruder, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        let theirs = call(
            &app,
            &intruder,
            "/api/subscriptions/get",
            &[("id", &basic.to_string())],
        )
        .await;
        assert_eq!(theirs.status, 404);
        assert_eq!(
            add_seats_at(&app, &intruder, basic, &other, "1", "560")
                .await
                .status,
            404
        );
    }
);

async fn all_orders(app: &TestApp, cookie: &str, filter: &[(&str, &str)]) -> serde_json::Value {
    let mut fields = filter.to_vec();
    fields.push(("page", "1"));
    let response = call(app, cookie, "/api/admin/orders", &fields).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

on_both_backends!(
    staff_see_every_order_and_provision_a_failed_one_again,
    |app: TestApp| async move {
        let (cookie, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof9").await;
        fill_cart(&app, &cookie, customer).await;
        let (key, digest) = checkout(&app, &cookie).await;
        let number = placed_number(&place(&app, &cookie, &key, &digest).await);
        app.simulator().configure(|s| s.failure_percent = 100);
        provision_all(&app).await;
        assert_eq!(
            order_json(&app, &cookie, &number).await["summary"]["status"],
            "Failed"
        );

        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let staff = app.session_cookie(admin).await;
        let (reseller,): (i64,) = sqlx::query_as("SELECT reseller_id FROM orders")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let failed = all_orders(
            &app,
            &staff,
            &[
                ("filter[reseller]", &reseller.to_string()),
                ("filter[orders][status]", "failed"),
            ],
        )
        .await;
        assert_eq!(failed["total"], 1, "{failed}");
        let row = &failed["orders"][0];
        assert_eq!(row["summary"]["customer_name"], "Sonnenhof GmbH");
        assert_eq!(row["reseller"][1], "Muster IT GmbH");
        assert_eq!(row["failure"], "Unreachable");
        assert!(row["provider_error"].is_string(), "{row}");
        assert_eq!(failed["customers"][0][1], "Sonnenhof GmbH");
        let other = all_orders(&app, &staff, &[("filter[reseller]", "999999")]).await;
        assert_eq!(other["total"], 0);

        app.simulator().configure(|s| s.failure_percent = 0);
        let retried = call(
            &app,
            &staff,
            "/api/admin/retry-order",
            &[("number", &number)],
        )
        .await;
        assert_eq!(retried.status, 200, "{}", retried.body);
        // Once: the order is no longer failed.
        let again = call(
            &app,
            &staff,
            "/api/admin/retry-order",
            &[("number", &number)],
        )
        .await;
        assert_eq!(again.status, 404, "{}", again.body);
        provision_all(&app).await;
        let detail = order_json(&app, &cookie, &number).await;
        assert_eq!(detail["summary"]["status"], "Active");
        assert_eq!(detail["failure"], serde_json::Value::Null);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM subscriptions").await, 2);
        assert_eq!(app.simulator().orders_placed().await.unwrap(), 1);
        let logged = "SELECT COUNT(*) FROM audit_log WHERE action = 'order_retried' \
                      AND user_id IS NOT NULL AND customer_id IS NOT NULL";
        assert_eq!(count(&app, logged).await, 1);
    }
);
