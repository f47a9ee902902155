use crate::support::{as_script, form_body, on_both_backends, TestApp, TestResponse};
use kontor_provider_sim::Failure;

const ID: &str = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";

async fn reseller(app: &TestApp, email: &str) -> String {
    let user = app.create_reseller_admin(email).await;
    app.session_cookie(user).await
}

async fn save(app: &TestApp, cookie: &str, mpn: &str, id: &str) -> TestResponse {
    app.post_form_with(
        "/api/microsoft-partner/save",
        form_body(&[("form[location_mpn]", mpn), ("form[microsoft_id]", id)]),
        &as_script(Some(cookie)),
    )
    .await
}

async fn load(app: &TestApp, cookie: &str) -> serde_json::Value {
    let response = app
        .post_form_with("/api/microsoft-partner/load", "", &as_script(Some(cookie)))
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str::<serde_json::Value>(&response.body).unwrap()[0].clone()
}

async fn check(app: &TestApp, cookie: &str) -> TestResponse {
    app.post_form_with(
        "/api/microsoft-partner/check-mpa",
        "",
        &as_script(Some(cookie)),
    )
    .await
}

on_both_backends!(
    the_mpn_and_microsoft_id_are_stored_normalised_and_bad_ones_refused_per_field,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        let refused = save(&app, &cookie, "123456", "not-a-guid").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("InvalidLocationMpn");
        refused.assert_contains("InvalidMicrosoftId");
        assert_eq!(
            load(&app, &cookie).await["location_mpn"],
            serde_json::Value::Null
        );

        let saved = save(&app, &cookie, " 1234567 ", &format!("{{{ID}}}")).await;
        assert_eq!(saved.header("location"), Some("/settings/microsoft?saved"));
        let stored = load(&app, &cookie).await;
        assert_eq!(stored["location_mpn"], "1234567");
        assert_eq!(stored["microsoft_id"], ID.to_ascii_lowercase());

        // Another reseller sees and changes only its own.
        let other = reseller(&app, "chefin@andere-it.example").await;
        assert_eq!(
            load(&app, &other).await["location_mpn"],
            serde_json::Value::Null
        );
        let audit: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'microsoft_partner_saved'",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(audit.0, 1);
    }
);

on_both_backends!(
    mpa_check_answers_accepted_not_accepted_or_why_microsoft_refuses_and_keeps_the_answer,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        let before = check(&app, &cookie).await;
        assert_eq!(before.status, 422, "{}", before.body);
        before.assert_contains("MpnMissing");

        // The simulator's rule: ending in 0 = not accepted, starting with 9 = unknown,
        // with 8 = another region.
        for (mpn, answer) in [
            (
                "1234567",
                serde_json::json!({ "Accepted": { "partner_name": "Partner 1234567" } }),
            ),
            ("1234560", serde_json::json!("NotAccepted")),
            (
                "9234567",
                serde_json::json!({ "Refused": "PartnerIdUnknown" }),
            ),
            (
                "8234567",
                serde_json::json!({ "Refused": "RegionMismatch" }),
            ),
        ] {
            save(&app, &cookie, mpn, ID).await;
            let checked = check(&app, &cookie).await;
            assert_eq!(checked.header("location"), Some("/settings/microsoft"));
            let mpa = &load(&app, &cookie).await["mpa"];
            assert_eq!(mpa["answer"], answer, "{mpn}");
        }
        // A new MPN forgets the answer about the old one.
        save(&app, &cookie, "7654321", ID).await;
        assert_eq!(load(&app, &cookie).await["mpa"], serde_json::Value::Null);

        // A provider that does not answer: a clear refusal, the last answer stays.
        check(&app, &cookie).await;
        app.simulator().configure(|s| {
            s.failing_calls = 1;
            s.failure = Failure::ServerError;
        });
        let down = check(&app, &cookie).await;
        assert_eq!(down.status, 503, "{}", down.body);
        down.assert_contains("ProviderUnavailable");
        assert!(load(&app, &cookie).await["mpa"]["answer"]
            .get("Accepted")
            .is_some());
    }
);

on_both_backends!(
    distributor_staff_and_strangers_have_no_microsoft_partner_settings,
    |app: TestApp| async move {
        let none = app
            .post_form_with("/api/microsoft-partner/load", "", &as_script(None))
            .await;
        assert_eq!(none.status, 401);
        let admin = app
            .create_admin("team@distributor.example", "Sicheres-Passwort-42")
            .await;
        let staff = app.session_cookie(admin).await;
        let refused = save(&app, &staff, "1234567", ID).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
    }
);
