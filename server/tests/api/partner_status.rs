use crate::support::{on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, reseller_with_customer, set_up, work_until_settled};
use app::backend::provider::simulator::Failure;

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

async fn recheck(app: &TestApp, cookie: &str, customer: i64) -> TestResponse {
    call(
        app,
        cookie,
        "/api/partner-status/recheck",
        &[("customer_id", &customer.to_string())],
    )
    .await
}

async fn link(app: &TestApp, domain: &str, microsoft_id: &str) {
    sqlx::query("INSERT INTO sim_indirect_resellers (domain, microsoft_id) VALUES ($1, $2)")
        .bind(domain)
        .bind(microsoft_id)
        .execute(app.db().pool())
        .await
        .unwrap();
}

/// A reseller with MPN and Microsoft id stored and one customer with a ready tenant: the
/// cookie, the customer's id and its tenant domain.
async fn reseller_with_tenant(app: &TestApp, email: &str, prefix: &str) -> (String, i64, String) {
    let (cookie, customer) = reseller_with_customer(app, email, "Bäckerei Sonnenhof").await;
    set_up(app, &cookie, customer, prefix).await;
    work_until_settled(app, &cookie, customer).await;
    (cookie, customer, format!("{prefix}.onmicrosoft.com"))
}

async fn store_identity(app: &TestApp, cookie: &str) {
    let saved = call(
        app,
        cookie,
        "/api/microsoft-partner/save",
        &[
            ("form[location_mpn]", "1234567"),
            ("form[microsoft_id]", OWN_ID),
        ],
    )
    .await;
    assert_eq!(saved.header("location"), Some("/settings/microsoft"));
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
        let checks: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM partner_checks")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(checks.0, 0);
    }
);
