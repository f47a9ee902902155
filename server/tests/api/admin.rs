use crate::support::{as_script, form_body, on_both_backends, TestApp};

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

/// Every server function of the administration, with a body that would change something if
/// it were let through.
const ADMIN_FUNCTIONS: &[(&str, &str)] = &[
    ("/api/admin/overview", ""),
    ("/api/admin/pending-resellers", ""),
    ("/api/admin/decide-reseller", "reseller_id=1&approve=true"),
    ("/api/admin/resellers", "search=&status=&page=1"),
    ("/api/admin/reseller", "id=1"),
    ("/api/admin/lock-reseller", "reseller_id=1&lock=true"),
    ("/api/admin/announcements", ""),
    ("/api/admin/announcement", "id=1"),
    (
        "/api/admin/save-announcement",
        "form[kind]=news&form[title_de]=x&form[title_en]=x&form[body_de]=x&form[body_en]=x\
         &form[visible_from]=2026-12-01",
    ),
    ("/api/admin/delete-announcement", "id=1"),
    ("/api/admin/contacts", ""),
    (
        "/api/admin/add-contact",
        "form[team]=x&form[email]=x%40example.com&form[phone]=",
    ),
    ("/api/admin/delete-contact", "id=1"),
    ("/api/admin/customer-numbers", "search=&page=1"),
    ("/api/admin/customer-number", "number=100001"),
    (
        "/api/admin/add-customer-number",
        "form[customer_number]=100001&form[company_name]=x&form[postal_code]=10115",
    ),
    (
        "/api/admin/change-customer-number",
        "form[customer_number]=100001&form[company_name]=x&form[postal_code]=10115",
    ),
    ("/api/admin/delete-customer-number", "number=100001"),
    ("/api/admin/audit-log", "actor=&area=&from=&to=&page=1"),
    ("/api/admin/orders", "page=1"),
    ("/api/admin/retry-order", "number=K-2026-000001"),
    ("/api/admin/staff", ""),
    (
        "/api/admin/invite-admin",
        "form[email]=neu%40distributor.example&form[locale]=de",
    ),
    ("/api/admin/deactivate-admin", "user_id=1"),
    ("/api/admin/catalog", "search=&page=1"),
    ("/api/admin/catalog-product", "sku=CFQ7TTC0LH18"),
    ("/api/admin/add-product", PRODUCT),
    ("/api/admin/change-product", PRODUCT),
    ("/api/admin/catalog-category", "slug=microsoft-csp"),
    ("/api/admin/add-category", CATEGORY),
    ("/api/admin/change-category", CATEGORY),
];

const PRODUCT: &str = "form[sku]=CFQ7TTC0LH18&form[name]=x&form[category]=microsoft-csp\
    &form[description_de]=x&form[description_en]=x&form[monthly]=1&form[min_seats]=1\
    &form[max_seats]=2&form[offered]=on";
const CATEGORY: &str = "form[slug]=microsoft-csp&form[name_de]=x&form[name_en]=x";

on_both_backends!(
    every_admin_function_refuses_a_reseller_session,
    |app: TestApp| async move {
        let reseller = app.create_reseller_admin("chef@muster-it.example").await;
        let cookie = app.session_cookie(reseller).await;
        for (path, body) in ADMIN_FUNCTIONS {
            let anonymous = app.post_form_with(path, *body, &as_script(None)).await;
            assert_eq!(anonymous.status, 401, "{path}: {}", anonymous.body);
            let refused = app
                .post_form_with(path, *body, &as_script(Some(&cookie)))
                .await;
            assert_eq!(refused.status, 403, "{path}: {}", refused.body);
            assert!(
                refused.body.contains("Forbidden"),
                "{path}: {}",
                refused.body
            );
        }
        let (locked,): (Option<i64>,) = sqlx::query_as("SELECT locked_at FROM resellers")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(locked, None, "the refused lock changed nothing");
        for table in [
            "announcements",
            "distributor_contacts",
            "customer_registry",
            "audit_log",
            "products",
            "product_categories",
        ] {
            let (rows,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(app.db().pool())
                .await
                .unwrap();
            assert_eq!(rows, 0, "nothing was written to {table}");
        }
        let deactivated = "SELECT COUNT(*) FROM users WHERE deactivated_at IS NOT NULL";
        assert_eq!(crate::tenants::count(&app, deactivated).await, 0);
        assert_eq!(app.outbox().await.len(), 0, "no invitation went out");
        // The reseller's own session survived its attempts.
        let viewer = app
            .post_form_with("/api/viewer", "", &as_script(Some(&cookie)))
            .await;
        viewer.assert_contains("chef@muster-it.example");
    }
);

/// A company in the given status, with its admin; returns the company's id.
async fn reseller(app: &TestApp, company: &str, status: &str, email: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO resellers (company_name, created_at, status, postal_code, city, \
           customer_number) VALUES ($1, 0, $2, '10115', 'Berlin', $3) RETURNING id",
    )
    .bind(company)
    .bind(status)
    .bind(format!("K-{company}"))
    .fetch_one(app.db().pool())
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO users (email, password_hash, role, reseller_id, created_at, first_name, \
           last_name) VALUES ($1, 'unused', 'reseller_admin', $2, 0, 'Erika', 'Muster')",
    )
    .bind(email)
    .bind(id)
    .execute(app.db().pool())
    .await
    .unwrap();
    id
}

async fn user_id(app: &TestApp, email: &str) -> kontor_domain::UserId {
    let (user,): (kontor_domain::UserId,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    user
}

async fn staff_cookie(app: &TestApp) -> String {
    let admin = app
        .create_admin("chefin@distributor.example", "Fachhandel#2026")
        .await;
    app.session_cookie(admin).await
}

async fn list(app: &TestApp, cookie: &str, search: &str, status: &str) -> Vec<String> {
    let response = app
        .post_form_with(
            "/api/admin/resellers",
            form_body(&[("search", search), ("status", status), ("page", "1")]),
            &as_script(Some(cookie)),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    let json: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    json["resellers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["company_name"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends!(
    staff_find_resellers_by_search_and_standing,
    |app: TestApp| async move {
        reseller(&app, "Berger IT", "active", "berger@example.com").await;
        reseller(
            &app,
            "Adler Systeme",
            "awaiting_approval",
            "adler@example.com",
        )
        .await;
        reseller(&app, "Cäsar 100% Net", "unconfirmed", "caesar@example.com").await;
        let locked = reseller(&app, "Dorn EDV", "active", "dorn@example.com").await;
        sqlx::query("UPDATE resellers SET locked_at = 1 WHERE id = $1")
            .bind(locked)
            .execute(app.db().pool())
            .await
            .unwrap();
        let cookie = staff_cookie(&app).await;

        let all = list(&app, &cookie, "", "").await;
        assert_eq!(
            all,
            ["Adler Systeme", "Berger IT", "Cäsar 100% Net", "Dorn EDV"]
        );
        assert_eq!(list(&app, &cookie, "BERGER", "").await, ["Berger IT"]);
        assert_eq!(list(&app, &cookie, "adler@", "").await, ["Adler Systeme"]);
        assert_eq!(list(&app, &cookie, "100%", "").await, ["Cäsar 100% Net"]);
        assert!(
            list(&app, &cookie, "%", "").await.len() == 1,
            "% is meant literally"
        );
        assert_eq!(list(&app, &cookie, "", "locked").await, ["Dorn EDV"]);
        // A locked company counts as locked, not as active.
        assert_eq!(list(&app, &cookie, "", "active").await, ["Berger IT"]);
        assert_eq!(
            list(&app, &cookie, "", "awaiting_approval").await,
            ["Adler Systeme"]
        );
        assert_eq!(
            list(&app, &cookie, "", "unconfirmed").await,
            ["Cäsar 100% Net"]
        );
        assert_eq!(list(&app, &cookie, "", "nonsense").await.len(), 4);
    }
);

on_both_backends!(
    the_detail_shows_the_company_its_users_and_counts,
    |app: TestApp| async move {
        let id = reseller(&app, "Berger IT", "active", "berger@example.com").await;
        let cookie = staff_cookie(&app).await;
        let found = app
            .post_form_with(
                "/api/admin/reseller",
                format!("id={id}"),
                &as_script(Some(&cookie)),
            )
            .await;
        assert_eq!(found.status, 200, "{}", found.body);
        let json: serde_json::Value = serde_json::from_str(&found.body).unwrap();
        assert_eq!(json["company_name"], "Berger IT");
        assert_eq!(json["customer_number"], "K-Berger IT");
        assert_eq!(json["users"][0]["email"], "berger@example.com");
        assert_eq!(json["users"][0]["name"], "Erika Muster");
        assert_eq!(json["customers"], 0);
        assert_eq!(json["orders"], 0);

        let missing = app
            .post_form_with(
                "/api/admin/reseller",
                format!("id={}", id + 100),
                &as_script(Some(&cookie)),
            )
            .await;
        assert_eq!(missing.status, 404, "{}", missing.body);

        let page = app
            .get_with(&format!("/admin/resellers/{id}"), &[("cookie", &cookie)])
            .await;
        page.assert_contains("Berger IT");
        page.assert_contains("berger@example.com");
        page.assert_contains("Sperren");
    }
);

async fn lock(app: &TestApp, cookie: &str, id: i64, lock: bool) -> crate::support::TestResponse {
    app.post_form_with(
        "/api/admin/lock-reseller",
        format!("reseller_id={id}&lock={lock}"),
        &as_script(Some(cookie)),
    )
    .await
}

async fn log_in(app: &TestApp, email: &str) -> crate::support::TestResponse {
    app.post_form_with(
        "/api/login",
        form_body(&[("email", email), ("password", PASSWORD)]),
        &as_script(None),
    )
    .await
}

const PASSWORD: &str = "Fachhandel#2026";

on_both_backends!(
    locking_ends_every_session_and_keeps_the_company_out,
    |app: TestApp| async move {
        let id = reseller(&app, "Berger IT", "active", "berger@example.com").await;
        let other = reseller(&app, "Adler Systeme", "active", "adler@example.com").await;
        let hash =
            app::platform::passwords::hash(&kontor_domain::Password::parse(PASSWORD).unwrap())
                .await
                .unwrap();
        sqlx::query("UPDATE users SET password_hash = $1")
            .bind(hash.as_str())
            .execute(app.db().pool())
            .await
            .unwrap();
        let berger = user_id(&app, "berger@example.com").await;
        let (phone, laptop) = (
            app.session_cookie(berger).await,
            app.session_cookie(berger).await,
        );
        let adler = app
            .session_cookie(user_id(&app, "adler@example.com").await)
            .await;
        let staff = staff_cookie(&app).await;

        let locked = lock(&app, &staff, id, true).await;
        assert_eq!(locked.status, 200, "{}", locked.body);
        for cookie in [&phone, &laptop] {
            let viewer = app
                .post_form_with("/api/viewer", "", &as_script(Some(cookie)))
                .await;
            assert_eq!(viewer.body, "null", "the session ended");
        }
        let untouched = app
            .post_form_with("/api/viewer", "", &as_script(Some(&adler)))
            .await;
        untouched.assert_contains("adler@example.com");
        let refused = log_in(&app, "berger@example.com").await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        refused.assert_contains("Locked");
        assert!(refused.cookie("kontor_session").is_none());

        // Locking twice records it once; the history names who did it.
        lock(&app, &staff, id, true).await;
        lock(&app, &staff, id, false).await;
        let welcome = log_in(&app, "berger@example.com").await;
        assert!(
            welcome.cookie("kontor_session").is_some(),
            "{}",
            welcome.body
        );
        let detail = app
            .post_form_with(
                "/api/admin/reseller",
                format!("id={id}"),
                &as_script(Some(&staff)),
            )
            .await;
        let json: serde_json::Value = serde_json::from_str(&detail.body).unwrap();
        let history: Vec<_> = json["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["actor"].as_str().unwrap(),
                    e["action"]["action"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            history,
            [
                ("chefin@distributor.example", "reseller_unlocked"),
                ("chefin@distributor.example", "reseller_locked"),
            ]
        );
        let unknown = lock(&app, &staff, other + id + 100, true).await;
        assert_eq!(unknown.status, 404, "{}", unknown.body);
    }
);
