use crate::support::{on_both_backends, TestApp};

async fn overview(app: &TestApp, cookie: Option<&str>) -> crate::support::TestResponse {
    let mut headers = vec![
        ("accept", "application/json"),
        ("sec-fetch-site", "same-origin"),
    ];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    app.post_form_with("/api/admin/overview", "", &headers)
        .await
}

on_both_backends!(
    only_distributor_staff_reach_the_administration,
    |app: TestApp| async move {
        let anonymous = overview(&app, None).await;
        assert_eq!(anonymous.status, 401, "{}", anonymous.body);
        assert!(anonymous.body.contains("NotLoggedIn"));

        let reseller = app.create_reseller_admin("chef@muster-it.example").await;
        let reseller_cookie = app.session_cookie(reseller).await;
        let refused = overview(&app, Some(&reseller_cookie)).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("Forbidden"));
        assert!(
            !refused.body.contains("users"),
            "no data leaks with the refusal"
        );

        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let admin_cookie = app.session_cookie(admin).await;
        let allowed = overview(&app, Some(&admin_cookie)).await;
        assert_eq!(allowed.status, 200, "{}", allowed.body);
        let json: serde_json::Value = serde_json::from_str(&allowed.body).unwrap();
        assert_eq!(json["users"], 2);
        assert_eq!(json["mails_waiting"], 0);
    }
);

on_both_backends!(
    the_admin_page_and_link_show_for_staff_only,
    |app: TestApp| async move {
        let anonymous = app.get("/admin").await;
        anonymous.assert_contains("Bitte melden Sie sich an");
        assert!(
            !anonymous.body.contains(r#"href="/admin""#),
            "no admin link for visitors"
        );

        let reseller = app.create_reseller_admin("chef@muster-it.example").await;
        let reseller_cookie = app.session_cookie(reseller).await;
        let page = app
            .get_with("/admin", &[("cookie", &reseller_cookie)])
            .await;
        page.assert_contains("Mitarbeitern des Distributors vorbehalten");
        assert!(
            !page.body.contains(r#"href="/admin""#),
            "no admin link for resellers"
        );

        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let admin_cookie = app.session_cookie(admin).await;
        let page = app.get_with("/admin", &[("cookie", &admin_cookie)]).await;
        page.assert_contains(r#"href="/admin""#);
        page.assert_contains("E-Mails in der Warteschlange");
        page.assert_contains("Benutzerkonten");
    }
);
