//! A subscription's lifecycle: fewer users and cancelling within the change window (168 hours
//! after purchase or renewal), users for the renewal, automatic renewal; each change a job at
//! the provider, refused there or made, in the audit log and mailed.

use crate::orders::{add_seats, basic_subscription, provision_all, seats_key};
use crate::support::{on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, count, reseller_with_customer};
use app::platform::unix_now;
use kontor_domain::CHANGE_WINDOW_SECS;

async fn change(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    id: i64,
    fields: &[(&str, &str)],
) -> TestResponse {
    let id = id.to_string();
    let mut all = vec![("id", id.as_str())];
    all.extend_from_slice(fields);
    call(app, cookie, &format!("/api/subscriptions/{endpoint}"), &all).await
}

async fn reduce(app: &TestApp, cookie: &str, id: i64, seats: &str) -> TestResponse {
    change(app, cookie, "reduce", id, &[("form[seats]", seats)]).await
}

async fn subscription(app: &TestApp, cookie: &str, id: i64) -> serde_json::Value {
    let page = call(
        app,
        cookie,
        "/api/subscriptions/get",
        &[("id", &id.to_string())],
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    serde_json::from_str::<serde_json::Value>(&page.body).unwrap()["detail"].clone()
}

async fn settle_changes(app: &TestApp) {
    app.run_provider_jobs_until_none(
        "SELECT COUNT(*) FROM subscription_changes WHERE status = 'pending'",
    )
    .await;
}

/// The changes asked for, and the jobs that carry them to the provider.
async fn changes_asked(app: &TestApp) -> (i64, i64) {
    let changes = count(app, "SELECT COUNT(*) FROM subscription_changes").await;
    let jobs = "SELECT COUNT(*) FROM provider_jobs WHERE kind = 'change_subscription'";
    (changes, count(app, jobs).await)
}

/// Moves the subscription's purchase `secs` into the past (and a renewal scheduled with it).
async fn age(app: &TestApp, id: i64, secs: i64) {
    sqlx::query(
        "UPDATE subscriptions SET started_at = started_at - $2, \
         renewal_seats_from = renewal_seats_from - $2 WHERE id = $1",
    )
    .bind(id)
    .bind(secs)
    .execute(app.db().pool())
    .await
    .unwrap();
}

async fn seats(app: &TestApp, id: i64) -> i64 {
    let (seats,): (i64,) = sqlx::query_as("SELECT seats FROM subscriptions WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    seats
}

async fn audit_entries(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    n
}

on_both_backends!(
    fewer_users_within_the_window_are_made_at_the_provider_and_mailed,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus1").await;
        let detail = subscription(&app, &cookie, basic).await;
        let remaining = detail["window"]["Open"]["remaining_secs"].as_i64().unwrap();
        assert!(
            remaining > CHANGE_WINDOW_SECS - 120 && remaining <= CHANGE_WINDOW_SECS,
            "{detail}"
        );

        // Fewer than now, at least one: checked before anything is asked.
        for wrong in ["10", "0", "elf"] {
            let refused = reduce(&app, &cookie, basic, wrong).await;
            assert_eq!(refused.status, 422, "{wrong}: {}", refused.body);
        }
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM subscription_changes").await,
            0
        );

        let asked = reduce(&app, &cookie, basic, "6").await;
        assert_eq!(asked.status, 200, "{}", asked.body);
        let pending = subscription(&app, &cookie, basic).await;
        assert_eq!(pending["latest_change"]["status"], "Pending");
        assert_eq!(
            pending["subscription"]["seats"], 10,
            "not before the provider made it"
        );
        // A second change waits for the first.
        let second = reduce(&app, &cookie, basic, "7").await;
        assert_eq!(second.status, 409, "{}", second.body);
        second.assert_contains("ChangePending");

        settle_changes(&app).await;
        let done = subscription(&app, &cookie, basic).await;
        assert_eq!(done["latest_change"]["status"], "Done", "{done}");
        assert_eq!(done["subscription"]["seats"], 6);
        let (tenant,): (String,) = sqlx::query_as("SELECT provider_tenant_id FROM tenants")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let at_provider = app.provider().subscriptions(&tenant).await.unwrap();
        assert!(
            at_provider.iter().any(|s| s.quantity == 6),
            "{at_provider:?}"
        );
        assert_eq!(
            audit_entries(&app, "subscription_change_requested").await,
            1
        );
        assert_eq!(audit_entries(&app, "subscription_changed").await, 1);
        let mails = app.outbox().await;
        let (to, subject, text) = mails.last().unwrap();
        assert_eq!(to, "chef@muster-it.example");
        assert!(subject.starts_with("Abonnement geändert"), "{subject}");
        assert!(text.contains("Reduzierung auf 6 Benutzer"), "{text}");
    }
);

on_both_backends!(
    fewer_users_after_the_window_are_refused_and_can_wait_for_the_renewal,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus2").await;
        age(&app, basic, CHANGE_WINDOW_SECS + 1).await;
        let detail = subscription(&app, &cookie, basic).await;
        assert!(detail["window"]["Closed"].is_object(), "{detail}");

        let refused = reduce(&app, &cookie, basic, "6").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("WindowClosed");
        let cancel = change(&app, &cookie, "cancel", basic, &[("form[confirm]", "on")]).await;
        assert_eq!(cancel.status, 422, "{}", cancel.body);
        assert_eq!(changes_asked(&app).await, (0, 0));

        // Scheduled for the renewal instead: the count stays until then.
        let scheduled = change(
            &app,
            &cookie,
            "schedule-renewal",
            basic,
            &[("form[seats]", "7")],
        )
        .await;
        assert_eq!(scheduled.status, 200, "{}", scheduled.body);
        settle_changes(&app).await;
        let detail = subscription(&app, &cookie, basic).await;
        assert_eq!(detail["latest_change"]["status"], "Done", "{detail}");
        assert_eq!(detail["subscription"]["seats"], 10);
        assert_eq!(detail["subscription"]["renewal_seats"], 7);

        // A minute after the renewal (a year after the purchase) it has 7 users, and the
        // window is open again.
        age(&app, basic, 365 * 24 * 60 * 60 - CHANGE_WINDOW_SECS + 60).await;
        let renewed = subscription(&app, &cookie, basic).await;
        assert_eq!(renewed["subscription"]["seats"], 7, "{renewed}");
        assert!(renewed["subscription"]["renewal_seats"].is_null());
        assert!(renewed["window"]["Open"].is_object(), "{renewed}");
        // The housekeeping writes what the pages read already.
        assert_eq!(seats(&app, basic).await, 10);
        let report = kontor::housekeeping_worker::purge(app.db(), unix_now())
            .await
            .unwrap();
        assert_eq!(report.renewals, 1);
        assert_eq!(seats(&app, basic).await, 7);
    }
);

on_both_backends!(
    a_reduction_the_provider_refuses_leaves_the_subscription_and_says_why,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus3").await;
        // The simulated tenant has assigned half of the ten licences to users.
        assert_eq!(reduce(&app, &cookie, basic, "4").await.status, 200);
        settle_changes(&app).await;
        let detail = subscription(&app, &cookie, basic).await;
        assert_eq!(
            detail["latest_change"]["status"]["Failed"], "BelowAssignedLicences",
            "{detail}"
        );
        assert_eq!(detail["subscription"]["seats"], 10);
        assert_eq!(seats(&app, basic).await, 10);
        assert_eq!(audit_entries(&app, "subscription_change_failed").await, 1);
        let mails = app.outbox().await;
        let (_, subject, _) = mails.last().unwrap();
        assert!(
            subject.starts_with("Änderung nicht übernommen"),
            "{subject}"
        );
        // The next change may be asked for.
        assert_eq!(reduce(&app, &cookie, basic, "5").await.status, 200);
    }
);

on_both_backends!(
    a_cancellation_is_confirmed_and_ends_every_change,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus4").await;
        let unconfirmed = change(&app, &cookie, "cancel", basic, &[]).await;
        assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.body);
        unconfirmed.assert_contains("MustAccept");

        let cancelled = change(&app, &cookie, "cancel", basic, &[("form[confirm]", "on")]).await;
        assert_eq!(cancelled.status, 200, "{}", cancelled.body);
        settle_changes(&app).await;
        let detail = subscription(&app, &cookie, basic).await;
        assert_eq!(detail["subscription"]["state"], "Cancelled", "{detail}");
        assert!(detail["window"].is_null());
        let again = change(&app, &cookie, "auto-renew", basic, &[("on", "true")]).await;
        assert_eq!(again.status, 409, "{}", again.body);
        again.assert_contains("NotChangeable");
        // No more users for a cancelled subscription either.
        let key = seats_key(&app, &cookie, basic).await;
        let more = add_seats(&app, &cookie, basic, &key, "1").await;
        assert_eq!(more.status, 422, "{}", more.body);
        more.assert_contains("LineUnavailable");
    }
);

on_both_backends!(
    automatic_renewal_off_ends_the_subscription_with_its_term,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus5").await;
        let off = change(&app, &cookie, "auto-renew", basic, &[("on", "false")]).await;
        assert_eq!(off.status, 200, "{}", off.body);
        // Sent twice (a form submitted again): one change.
        settle_changes(&app).await;
        assert_eq!(
            change(&app, &cookie, "auto-renew", basic, &[("on", "false")])
                .await
                .status,
            200
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM subscription_changes").await,
            1
        );
        let detail = subscription(&app, &cookie, basic).await;
        assert_eq!(detail["subscription"]["auto_renew"], false, "{detail}");
        assert!(detail["window"]["Open"]["closes_at"].is_i64(), "{detail}");

        age(&app, basic, 366 * 24 * 60 * 60).await;
        let ended = subscription(&app, &cookie, basic).await;
        assert_eq!(ended["subscription"]["state"], "Ended", "{ended}");
        assert!(ended["window"].is_null());
    }
);

on_both_backends!(
    two_changes_at_once_are_one_change_and_a_refusal,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus6").await;
        let (a, b) = tokio::join!(
            reduce(&app, &cookie, basic, "8"),
            change(&app, &cookie, "cancel", basic, &[("form[confirm]", "on")]),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "{} / {}", a.body, b.body);
        assert_eq!(changes_asked(&app).await, (1, 1));
    }
);

on_both_backends!(
    another_reseller_changes_nothing_whatever_id_it_sends,
    |app: TestApp| async move {
        let (_, basic) = basic_subscription(&app, "chef@muster-it.example", "lebenszyklus7").await;
        let (intruder, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        for (endpoint, fields) in [
            ("reduce", vec![("form[seats]", "1")]),
            ("schedule-renewal", vec![("form[seats]", "1")]),
            ("cancel", vec![("form[confirm]", "on")]),
            ("auto-renew", vec![("on", "false")]),
        ] {
            let refused = change(&app, &intruder, endpoint, basic, &fields).await;
            assert_eq!(refused.status, 404, "{endpoint}: {}", refused.body);
        }
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM subscription_changes").await,
            0
        );
    }
);

on_both_backends!(
    a_change_waits_while_more_users_are_on_their_way,
    |app: TestApp| async move {
        let (cookie, basic) =
            basic_subscription(&app, "chef@muster-it.example", "lebenszyklus8").await;
        let key = seats_key(&app, &cookie, basic).await;
        assert_eq!(add_seats(&app, &cookie, basic, &key, "5").await.status, 200);
        let refused = reduce(&app, &cookie, basic, "6").await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        refused.assert_contains("ChangePending");
        assert_eq!(
            subscription(&app, &cookie, basic).await["increase_pending"],
            true
        );
        provision_all(&app).await;
        assert_eq!(reduce(&app, &cookie, basic, "12").await.status, 200);
    }
);
