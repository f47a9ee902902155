//! The administration's audit log: every change with who, what, which record and from where,
//! filtered by actor, area and days. (Refusing resellers: `admin::ADMIN_FUNCTIONS`.)

use crate::support::{on_both_backends, TestApp};
use crate::tenants::call;
use app::audit::server::{self as audit, Actor};
use app::audit::AuditAction;
use app::platform::unix_now;
use kontor_domain::{german_date, iso_date};

async fn log(app: &TestApp, cookie: &str, filter: &[(&str, &str)]) -> serde_json::Value {
    let mut fields = vec![
        ("actor", ""),
        ("area", ""),
        ("from", ""),
        ("to", ""),
        ("page", "1"),
    ];
    for (name, value) in filter {
        if let Some(field) = fields.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        }
    }
    let response = call(app, cookie, "/api/admin/audit-log", &fields).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// The logged actions' codes, newest first.
fn actions(log: &serde_json::Value) -> Vec<String> {
    log["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["entry"]["action"]["action"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends!(
    staff_see_every_change_with_its_record_and_address_and_filter_it,
    |app: TestApp| async move {
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let cookie = app.session_cookie(admin).await;
        let reseller_user = app.create_reseller_admin("chef@muster-it.example").await;
        let (reseller,): (i64,) = sqlx::query_as("SELECT reseller_id FROM users WHERE id = $1")
            .bind(reseller_user)
            .fetch_one(app.db().pool())
            .await
            .unwrap();

        let reseller_id = reseller.to_string();
        let locked = call(
            &app,
            &cookie,
            "/api/admin/lock-reseller",
            &[("reseller_id", &reseller_id), ("lock", "true")],
        )
        .await;
        assert_eq!(locked.status, 200, "{}", locked.body);
        let added = call(
            &app,
            &cookie,
            "/api/admin/add-customer-number",
            &[
                ("form[customer_number]", "100001"),
                ("form[company_name]", "Berger IT GmbH"),
                ("form[postal_code]", "10115"),
            ],
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        // Kontor's worker acts outside any request: no address.
        let mut conn = app.db().pool().acquire().await.unwrap();
        let action = AuditAction::ContactDeleted {
            team: "Vertrieb".into(),
        };
        audit::record_portal(&mut conn, &Actor::SYSTEM, &action, unix_now())
            .await
            .unwrap();
        drop(conn);

        let all = log(&app, &cookie, &[]).await;
        assert_eq!(all["total"], 3);
        assert_eq!(
            actions(&all),
            [
                "contact_deleted",
                "customer_number_added",
                "reseller_locked"
            ]
        );
        let [worker, number, lock] = all["changes"].as_array().unwrap().as_slice() else {
            panic!("three entries: {all}");
        };
        assert_eq!(worker["entry"]["actor"], "Kontor");
        assert_eq!(worker["client_address"], serde_json::Value::Null);
        assert_eq!(number["entry"]["actor"], "chefin@distributor.example");
        assert!(number["client_address"].is_string(), "{number}");
        assert_eq!(
            lock["reseller"],
            serde_json::json!([reseller, "Muster IT GmbH"])
        );

        let by_area = log(&app, &cookie, &[("area", "customer_numbers")]).await;
        assert_eq!(actions(&by_area), ["customer_number_added"]);
        let by_actor = log(&app, &cookie, &[("actor", "CHEFIN")]).await;
        assert_eq!(by_actor["total"], 2);
        let today = iso_date(german_date(unix_now()));
        let yesterday = iso_date(german_date(unix_now() - 86_400));
        let from_today = log(&app, &cookie, &[("from", &today), ("to", &today)]).await;
        assert_eq!(from_today["total"], 3);
        let until_yesterday = log(&app, &cookie, &[("to", &yesterday)]).await;
        assert_eq!(until_yesterday["total"], 0);

        let page = app
            .get_with("/admin/audit?area=customer_numbers", &[("cookie", &cookie)])
            .await;
        page.assert_contains("Kundennummer 100001 (Berger IT GmbH) hinzugefügt");
        assert!(!page.body.contains("Konto gesperrt"));
    }
);
