use crate::support::{form_body, link_token, on_both_backends, TestApp, TestResponse};
use crate::tenants::work_until_settled;
use crate::tenants::{add_customer, call, count, reseller_with_customer, set_up};
use app::partner_status::server::recheck::{recheck_due, RecheckReport, Rechecker};
use app::platform::provider::Provider as _;
use app::platform::unix_now;
use kontor_provider_sim::Failure;
use std::time::Duration;

const OWN_ID: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const OTHER_ID: &str = "9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04";

async fn list(app: &TestApp, cookie: &str, colour: &str) -> serde_json::Value {
    let response = call(
        app,
        cookie,
        "/api/partner-status/list",
        &[("colour", colour)],
    )
    .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// `/api/partner-status/{what}` for one customer.
async fn on_customer(app: &TestApp, cookie: &str, what: &str, customer: i64) -> TestResponse {
    let endpoint = format!("/api/partner-status/{what}");
    let customer = customer.to_string();
    call(app, cookie, &endpoint, &[("customer_id", &customer)]).await
}

pub async fn recheck(app: &TestApp, cookie: &str, customer: i64) -> TestResponse {
    on_customer(app, cookie, "recheck", customer).await
}

async fn invite(app: &TestApp, cookie: &str, customer: i64) -> TestResponse {
    on_customer(app, cookie, "invite", customer).await
}

async fn link(app: &TestApp, domain: &str, microsoft_id: &str) {
    app.simulator()
        .link_indirect_reseller(domain, microsoft_id)
        .await
        .unwrap();
}

/// A reseller with one customer with a ready tenant: the cookie, the customer's id and its
/// tenant domain.
async fn reseller_with_tenant(app: &TestApp, email: &str, prefix: &str) -> (String, i64, String) {
    let (cookie, customer) = reseller_with_customer(app, email, "Bäckerei Sonnenhof").await;
    let domain = tenant(app, &cookie, customer, prefix).await;
    (cookie, customer, domain)
}

/// Sets up a new tenant for the customer and waits until it is ready; its domain.
async fn tenant(app: &TestApp, cookie: &str, customer: i64, prefix: &str) -> String {
    set_up(app, cookie, customer, prefix).await;
    work_until_settled(app, cookie, customer).await;
    format!("{prefix}.onmicrosoft.com")
}

async fn store_identity(app: &TestApp, cookie: &str) {
    crate::tenants::store_identity(app, cookie, OWN_ID).await;
}

fn status_of(list: &serde_json::Value) -> serde_json::Value {
    list["customers"][0]["status"].clone()
}

on_both_backends!(
    the_colour_follows_the_provider_and_a_failed_check_never_changes_it,
    |app: TestApp| async move {
        let (cookie, customer, domain) =
            reseller_with_tenant(&app, "chef@muster-it.example", "sonnenhofgruen").await;

        // Without MPN and Microsoft id the list explains what to enter; nothing is checked.
        assert_eq!(list(&app, &cookie, "").await["identity_missing"], true);
        let refused = recheck(&app, &cookie, customer).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("MicrosoftIdMissing");
        store_identity(&app, &cookie).await;

        let shown = list(&app, &cookie, "").await;
        assert_eq!(shown["identity_missing"], false);
        assert_eq!(shown["customers"][0]["domain"], domain.as_str());
        assert_eq!(status_of(&shown), serde_json::Value::Null, "never checked");

        let checked = recheck(&app, &cookie, customer).await;
        assert_eq!(checked.header("location"), Some("/microsoft-customers"));
        assert_eq!(status_of(&list(&app, &cookie, "").await), "Unlinked");

        link(&app, &domain, OTHER_ID).await;
        recheck(&app, &cookie, customer).await;
        assert_eq!(status_of(&list(&app, &cookie, "").await), "LinkedElsewhere");

        // Linked to this reseller too (the provider writes the id in capitals): green.
        link(&app, &domain, &OWN_ID.to_ascii_uppercase()).await;
        recheck(&app, &cookie, customer).await;
        let green = list(&app, &cookie, "green").await;
        assert_eq!(status_of(&green), "Linked");
        assert!(green["customers"][0]["checked_at"].is_i64());
        assert_eq!(
            list(&app, &cookie, "red").await["customers"],
            serde_json::json!([])
        );

        // The provider fails: still green, and the list says when the check failed.
        for failure in [Failure::ServerError, Failure::TooManyRequests] {
            app.simulator().configure(|s| {
                s.failing_calls = 1;
                s.failure = failure;
            });
            let failed = recheck(&app, &cookie, customer).await;
            assert_eq!(failed.status, 503, "{}", failed.body);
            let after = list(&app, &cookie, "").await;
            assert_eq!(status_of(&after), "Linked");
            assert!(after["customers"][0]["failed_at"].is_i64());
        }
        // The next good check clears the failure.
        recheck(&app, &cookie, customer).await;
        assert!(list(&app, &cookie, "").await["customers"][0]["failed_at"].is_null());
    }
);

on_both_backends!(
    another_reseller_can_neither_see_nor_check_the_customer,
    |app: TestApp| async move {
        let (_, customer, _) =
            reseller_with_tenant(&app, "chef@muster-it.example", "sonnenhoffremd").await;
        let other = app.create_reseller_admin("chefin@andere-it.example").await;
        let other = app.session_cookie(other).await;
        store_identity(&app, &other).await;
        assert_eq!(
            list(&app, &other, "").await["customers"],
            serde_json::json!([])
        );
        let refused = recheck(&app, &other, customer).await;
        assert_eq!(refused.status, 404, "{}", refused.body);
        let refused = invite(&app, &other, customer).await;
        assert_eq!(refused.status, 404, "{}", refused.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM partner_checks").await, 0);
        assert!(app.outbox().await.is_empty(), "no invitation went out");
    }
);

on_both_backends!(
    an_invitation_mails_the_providers_link_and_accepting_it_turns_the_customer_green,
    |app: TestApp| async move {
        let (cookie, customer, domain) =
            reseller_with_tenant(&app, "chef@muster-it.example", "sonnenhofrot").await;
        let refused = invite(&app, &cookie, customer).await;
        assert_eq!(
            refused.status, 422,
            "without a Microsoft id: {}",
            refused.body
        );
        store_identity(&app, &cookie).await;
        recheck(&app, &cookie, customer).await;
        assert_eq!(status_of(&list(&app, &cookie, "").await), "Unlinked");

        // The provider does not answer: no mail, no time of an invitation.
        app.simulator().configure(|s| s.failing_calls = 1);
        let failed = invite(&app, &cookie, customer).await;
        assert_eq!(failed.status, 503, "{}", failed.body);
        assert!(app.outbox().await.is_empty());
        assert!(list(&app, &cookie, "").await["customers"][0]["invited_at"].is_null());

        let sent = invite(&app, &cookie, customer).await;
        let back = format!("/microsoft-customers?invited={customer}");
        assert_eq!(sent.header("location"), Some(back.as_str()));
        let mails = app.outbox().await;
        assert_eq!(mails.len(), 1);
        let (to, subject, body) = &mails[0];
        assert_eq!(to, "jonas@kunde.example");
        assert_eq!(
            subject,
            "Muster IT GmbH bittet um Bestätigung als Vertriebspartner"
        );
        assert!(body.contains(&domain), "{body}");
        assert!(list(&app, &cookie, "").await["customers"][0]["invited_at"].is_i64());
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'partner_invitation_sent'"
            )
            .await,
            1
        );

        // One per customer in a quarter of an hour: the second is refused, with the wait.
        let again = invite(&app, &cookie, customer).await;
        assert_eq!(again.status, 429, "{}", again.body);
        let wait: u64 = again.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=900).contains(&wait), "{wait}");
        assert_eq!(app.outbox().await.len(), 1);

        // The customer's admin follows the link to the provider's page (it names this
        // reseller), signs in and confirms.
        let token = link_token(body, "/provider-sim/invitations/");
        let page = app.get(&format!("/provider-sim/invitations/{token}")).await;
        assert_eq!(page.status, 200);
        page.assert_contains(OWN_ID);
        let signed_in = app
            .post_form(
                &format!("/provider-sim/invitations/{token}"),
                form_body(&[
                    ("email", "admin@sonnenhofrot.onmicrosoft.com"),
                    ("password", "x"),
                ]),
            )
            .await;
        signed_in.assert_contains("Indirekten Reseller bestätigen");
        let confirmed = app
            .accept_invitation(body, "admin@sonnenhofrot.onmicrosoft.com")
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        confirmed.assert_contains("Bestätigt");

        recheck(&app, &cookie, customer).await;
        assert_eq!(status_of(&list(&app, &cookie, "").await), "Linked");
    }
);

/// A reseller with its Microsoft id and three customers with ready tenants, linked at the
/// provider to it (green), to another reseller (orange) and to none (red): the cookie and
/// the customers' ids in that order.
pub async fn three_colours(app: &TestApp) -> (String, [i64; 3]) {
    let (cookie, green) = reseller_with_customer(app, "chef@muster-it.example", "Grün AG").await;
    let orange = add_customer(app, &cookie, "Orange AG").await;
    let red = add_customer(app, &cookie, "Rot AG").await;
    store_identity(app, &cookie).await;
    for (customer, prefix, linked) in [
        (green, "kundegruen", Some(OWN_ID)),
        (orange, "kundeorange", Some(OTHER_ID)),
        (red, "kunderot", None),
    ] {
        // The provider links the new tenants so (not to the reseller that creates them).
        let domain = format!("{prefix}.onmicrosoft.com");
        let partners: Vec<&str> = linked.into_iter().collect();
        app.simulator()
            .arrange_relationships(&domain, &partners)
            .await
            .unwrap();
        tenant(app, &cookie, customer, prefix).await;
    }
    (cookie, [green, orange, red])
}

/// The colours of the reseller's customers, by name.
async fn colours(app: &TestApp, cookie: &str) -> Vec<(String, String)> {
    let shown = list(app, cookie, "").await;
    shown["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let name = c["company_name"].as_str().unwrap().to_owned();
            (name, c["status"].as_str().unwrap_or("never").to_owned())
        })
        .collect()
}

fn coloured(expected: [&str; 3]) -> Vec<(String, String)> {
    ["Grün AG", "Orange AG", "Rot AG"]
        .into_iter()
        .zip(expected)
        .map(|(name, status)| (name.to_owned(), status.to_owned()))
        .collect()
}

on_both_backends!(
    the_background_recheck_rides_out_429s_and_errors_and_never_flips_a_colour,
    |app: TestApp| async move {
        let (cookie, [_, _, red]) = three_colours(&app).await;
        let rechecker = Rechecker {
            backoff: Duration::from_millis(10),
            ..Rechecker::new(app.provider().clone(), Duration::from_secs(24 * 60 * 60))
        };
        let now = unix_now();
        // A day and a minute on: the checks above ran a second or two after `now`.
        let next_day = now + 24 * 60 * 60 + 60;

        // Two 429s: every call waits as asked, then all three get their colour.
        app.simulator().configure(|s| {
            s.failing_calls = 2;
            s.failure = Failure::TooManyRequests;
        });
        let report = recheck_due(app.db(), &rechecker, now).await.unwrap();
        let expected = RecheckReport {
            checked: 3,
            changed: 3,
            failed: 0,
            rate_limited: 2,
        };
        assert_eq!(report, expected);
        let linked = ["Linked", "LinkedElsewhere", "Unlinked"];
        assert_eq!(colours(&app, &cookie).await, coloured(linked));
        // Checked a moment ago: nothing is due.
        let idle = recheck_due(app.db(), &rechecker, now).await.unwrap();
        assert_eq!(idle, RecheckReport::default());

        // A day later the red customer has accepted, but the provider fails every call:
        // every check fails after its retries, and every colour stays as it was.
        let domain = list(&app, &cookie, "red").await["customers"][0]["domain"]
            .as_str()
            .unwrap()
            .to_owned();
        link(&app, &domain, OWN_ID).await;
        app.simulator().configure(|s| {
            s.failure_percent = 100;
            s.failure = Failure::ServerError;
        });
        let report = recheck_due(app.db(), &rechecker, next_day).await.unwrap();
        assert_eq!(report.failed, 3, "{report:?}");
        assert_eq!(report.checked, 0, "{report:?}");
        assert_eq!(colours(&app, &cookie).await, coloured(linked));
        assert!(list(&app, &cookie, "").await["customers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["failed_at"].is_i64()));

        // A failed check is tried again after ten minutes, not a day: the provider is back,
        // and the customer that accepted turns green.
        app.simulator().configure(|s| s.failure_percent = 0);
        let soon = recheck_due(app.db(), &rechecker, next_day + 60)
            .await
            .unwrap();
        assert_eq!(soon, RecheckReport::default(), "not yet");
        let report = recheck_due(app.db(), &rechecker, next_day + 11 * 60)
            .await
            .unwrap();
        assert_eq!((report.checked, report.changed), (3, 1), "{report:?}");
        assert_eq!(
            colours(&app, &cookie).await,
            coloured(["Linked", "LinkedElsewhere", "Linked"])
        );
        let cleared = list(&app, &cookie, "green").await;
        assert!(cleared["customers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["customer_id"] == red && c["failed_at"].is_null()));
    }
);

on_both_backends!(
    the_client_keeps_to_the_providers_rate_limit,
    |app: TestApp| async move {
        app.simulator().configure(|s| s.rate_limit = Some(20));
        // Past the allowed burst, a caller without a pace of its own is told to wait…
        let unpaced = app.simulator().clone();
        let burst = futures_util::future::join_all(
            (0..40).map(|_| async { unpaced.domain_exists("x.onmicrosoft.com").await }),
        )
        .await;
        let refused = burst.iter().filter(|answer| answer.is_err()).count();
        assert!(refused > 0, "the simulator limits");
        assert_eq!(app.simulator().throttled_calls(), refused as u64);

        // …one paced at the limit meets none, and takes as long as the limit says.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let paced = app::platform::provider::Paced::new(
            std::sync::Arc::new(app.simulator().clone()),
            Some(20),
            Duration::from_secs(10),
        );
        let started = std::time::Instant::now();
        let answers = futures_util::future::join_all(
            (0..40).map(|_| async { paced.domain_exists("x.onmicrosoft.com").await }),
        )
        .await;
        assert!(answers.iter().all(Result::is_ok));
        assert_eq!(app.simulator().throttled_calls(), refused as u64);
        assert!(
            started.elapsed() >= Duration::from_millis(1900),
            "{:?}",
            started.elapsed()
        );
    }
);

on_both_backends!(
    a_customer_another_instance_is_checking_is_left_to_it,
    |app: TestApp| async move {
        let (_, [green, _, _]) = three_colours(&app).await;
        let green = kontor_domain::CustomerId(green);
        let rechecker = Rechecker::new(app.provider().clone(), Duration::from_secs(24 * 60 * 60));
        let now = unix_now();
        // Another instance has just claimed the green customer's check.
        assert!(
            app::partner_status::server::claim_check(app.db(), green, now, 300)
                .await
                .unwrap()
        );
        assert!(
            !app::partner_status::server::claim_check(app.db(), green, now, 300)
                .await
                .unwrap()
        );
        let report = recheck_due(app.db(), &rechecker, now).await.unwrap();
        assert_eq!(report.checked, 2, "{report:?}");
        // Its outcome ends the claim; the next pass may check it again.
        app::partner_status::server::record(app.db(), green, None, now)
            .await
            .unwrap();
        assert!(
            app::partner_status::server::claim_check(app.db(), green, now, 300)
                .await
                .unwrap()
        );
    }
);
