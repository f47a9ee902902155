use crate::support::{as_script, form_body, on_both_backends, TestApp, TestResponse};

/// A complete customer form; `changes` replace fields.
pub fn customer_form(company: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("form[company_name]", company),
        ("form[street]", "Marktplatz 3"),
        ("form[postal_code]", "80331"),
        ("form[city]", "München"),
        ("form[country]", "DE"),
        ("form[contact_first_name]", "Jonas"),
        ("form[contact_last_name]", "Müller"),
        ("form[contact_email]", "jonas@baeckerei-mueller.example"),
        ("form[phone]", ""),
        ("form[language]", "de"),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v.to_owned()))
    .collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    fields
}

pub fn body(fields: &[(String, String)]) -> String {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    form_body(&pairs)
}

async fn save(app: &TestApp, cookie: &str, fields: &[(String, String)]) -> TestResponse {
    app.post_form_with(
        "/api/customers/save",
        body(fields),
        &as_script(Some(cookie)),
    )
    .await
}

/// The id of the customer a successful save sent the browser to.
pub fn saved_id(response: &TestResponse) -> i64 {
    let location = response
        .header("location")
        .unwrap_or_else(|| panic!("a redirect after saving: {}", response.body));
    location
        .strip_prefix("/customers/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a customer page, not {location}"))
}

async fn find(app: &TestApp, cookie: &str, id: i64) -> TestResponse {
    app.post_form_with(
        "/api/customers/get",
        form_body(&[("id", &id.to_string())]),
        &as_script(Some(cookie)),
    )
    .await
}

async fn list(app: &TestApp, cookie: &str, search: &str, page: u32) -> serde_json::Value {
    let response = app
        .post_form_with(
            "/api/customers/list",
            form_body(&[("search", search), ("page", &page.to_string())]),
            &as_script(Some(cookie)),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

fn names(list: &serde_json::Value) -> Vec<String> {
    list["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["company_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn count_customers(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM customers")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    n
}

/// A logged-in reseller admin: the session cookie.
async fn reseller(app: &TestApp, email: &str) -> String {
    let user = app.create_reseller_admin(email).await;
    app.session_cookie(user).await
}

on_both_backends!(
    a_reseller_creates_views_and_edits_a_customer,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        let created = save(&app, &cookie, &customer_form("Bäckerei Müller GmbH", &[])).await;
        let id = saved_id(&created);

        let found = find(&app, &cookie, id).await;
        assert_eq!(found.status, 200, "{}", found.body);
        let json: serde_json::Value = serde_json::from_str(&found.body).unwrap();
        assert_eq!(json["company_name"], "Bäckerei Müller GmbH");
        assert_eq!(json["contact_email"], "jonas@baeckerei-mueller.example");
        assert_eq!(json["phone"], serde_json::Value::Null);

        let mut changed = customer_form(
            "Bäckerei Müller & Söhne GmbH",
            &[("form[phone]", "+49 89 123456"), ("form[language]", "en")],
        );
        changed.push(("id".into(), id.to_string()));
        let updated = save(&app, &cookie, &changed).await;
        assert_eq!(saved_id(&updated), id);
        let json: serde_json::Value =
            serde_json::from_str(&find(&app, &cookie, id).await.body).unwrap();
        assert_eq!(json["company_name"], "Bäckerei Müller & Söhne GmbH");
        assert_eq!(json["phone"], "+49 89 123456");
        assert_eq!(json["locale"], "en");

        let page = app
            .get_with(&format!("/customers/{id}"), &[("cookie", &cookie)])
            .await;
        assert_eq!(page.status, 200);
        page.assert_contains("Bäckerei Müller &amp; Söhne GmbH");
        page.assert_contains("+49 89 123456");
    }
);

on_both_backends!(
    a_bad_customer_form_names_every_field_and_stores_nothing,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        let refused = save(
            &app,
            &cookie,
            &customer_form(
                "  ",
                &[
                    ("form[postal_code]", "8033"),
                    ("form[contact_email]", "jonas@"),
                    ("form[country]", "FR"),
                ],
            ),
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        for field in ["CompanyName", "Country", "ContactEmail"] {
            refused.assert_contains(field);
        }
        assert_eq!(count_customers(&app).await, 0);
    }
);

on_both_backends!(
    without_javascript_a_refused_form_comes_back_filled_in,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        let fields = customer_form("Bäckerei Müller GmbH", &[("form[postal_code]", "8033")]);
        let refused = app
            .post_form_with(
                "/api/customers/save",
                body(&fields),
                &[
                    ("accept", "text/html"),
                    ("sec-fetch-site", "same-origin"),
                    ("cookie", &cookie),
                    ("referer", "https://kontor.test/customers/new"),
                ],
            )
            .await;
        assert!(refused.status.is_redirection(), "{}", refused.status);
        let kept = refused.cookie("kontor_form").expect("the form is kept");
        let page = app
            .get_with(
                "/customers/new",
                &[("cookie", &format!("{cookie}; {kept}"))],
            )
            .await;
        page.assert_contains("value=\"Bäckerei Müller GmbH\"");
        page.assert_contains("value=\"8033\"");
        assert_eq!(count_customers(&app).await, 0);
    }
);

on_both_backends!(
    the_list_is_sorted_by_name_searchable_and_paged,
    |app: TestApp| async move {
        let cookie = reseller(&app, "chef@muster-it.example").await;
        // 25 customers, entered in reverse order, one of them with a lower-case name.
        for n in (1..=25).rev() {
            let name = if n == 7 {
                "ärztehaus 07".to_owned()
            } else {
                format!("Firma {n:02}")
            };
            saved_id(&save(&app, &cookie, &customer_form(&name, &[])).await);
        }
        let first = list(&app, &cookie, "", 1).await;
        assert_eq!(first["total"], 25);
        assert_eq!(first["pages"], 2);
        let first_names = names(&first);
        assert_eq!(first_names.len(), 20);
        assert_eq!(first_names[0], "Firma 01");
        assert!(first_names
            .windows(2)
            .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
        let second = names(&list(&app, &cookie, "", 2).await);
        assert_eq!(second.len(), 5);
        assert_eq!(
            second.last().unwrap(),
            "ärztehaus 07",
            "sorted ignoring case"
        );

        assert_eq!(names(&list(&app, &cookie, "FIRMA 1", 1).await).len(), 10);
        assert_eq!(
            names(&list(&app, &cookie, "ÄRZTE", 1).await),
            ["ärztehaus 07"]
        );
        assert_eq!(list(&app, &cookie, "80331", 1).await["total"], 25);
        // Wildcards are literal: no customer has a "%" in its data.
        assert_eq!(list(&app, &cookie, "%", 1).await["total"], 0);
        // A page beyond the end is empty, not an error.
        assert_eq!(names(&list(&app, &cookie, "", 9).await).len(), 0);
    }
);

on_both_backends!(
    a_reseller_never_reaches_another_resellers_customer,
    |app: TestApp| async move {
        let owner = reseller(&app, "chef@muster-it.example").await;
        let other = reseller(&app, "chef@andere-it.example").await;
        let id = saved_id(&save(&app, &owner, &customer_form("Bäckerei Müller GmbH", &[])).await);

        let read = find(&app, &other, id).await;
        assert_eq!(read.status, 404, "{}", read.body);
        assert!(!read.body.contains("Müller"));

        let mut takeover = customer_form("Übernommen GmbH", &[]);
        takeover.push(("id".into(), id.to_string()));
        let write = save(&app, &other, &takeover).await;
        assert_eq!(write.status, 404, "{}", write.body);
        let json: serde_json::Value =
            serde_json::from_str(&find(&app, &owner, id).await.body).unwrap();
        assert_eq!(json["company_name"], "Bäckerei Müller GmbH", "unchanged");

        assert_eq!(list(&app, &other, "", 1).await["total"], 0);
        for path in [format!("/customers/{id}"), format!("/customers/{id}/edit")] {
            let page = app.get_with(&path, &[("cookie", &other)]).await;
            assert_eq!(page.status, 404, "{path}");
            assert!(!page.body.contains("Müller"), "{path}");
        }
        // An id that exists nowhere looks the same.
        assert_eq!(find(&app, &owner, id + 1000).await.status, 404);
    }
);

on_both_backends!(customers_need_a_reseller_login, |app: TestApp| async move {
    let anonymous = app
        .post_form_with(
            "/api/customers/list",
            form_body(&[("search", ""), ("page", "1")]),
            &as_script(None),
        )
        .await;
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    let staff = app
        .create_admin("chefin@distributor.example", "Fachhandel#2026")
        .await;
    let staff_cookie = app.session_cookie(staff).await;
    let refused = save(
        &app,
        &staff_cookie,
        &customer_form("Bäckerei Müller GmbH", &[]),
    )
    .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert_eq!(count_customers(&app).await, 0);
    let page = app
        .get_with("/customers", &[("cookie", &staff_cookie)])
        .await;
    page.assert_contains("für Fachhändler");
});
