//! The customer-number registry: kept by hand and by CSV import, for staff only, every change
//! in the audit log, and a bad file never half-imported.

use crate::support::{as_script, on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, count};

const IMPORT: &str = "/api/admin/import-customer-numbers";

async fn staff(app: &TestApp) -> String {
    let admin = app
        .create_admin("chefin@distributor.example", "Fachhandel#2026")
        .await;
    app.session_cookie(admin).await
}

async fn import(app: &TestApp, cookie: &str, file: &[u8]) -> serde_json::Value {
    let response = app
        .post_file(IMPORT, "file", "kunden.csv", file, &as_script(Some(cookie)))
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// The registry, by number: number, company, postal code.
async fn registry(app: &TestApp) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT customer_number, company_name, postal_code FROM customer_registry \
         ORDER BY customer_number",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

fn entry(number: &str, company: &str, postal_code: &str) -> (String, String, String) {
    (number.into(), company.into(), postal_code.into())
}

async fn add(app: &TestApp, cookie: &str, number: &str, company: &str, plz: &str) -> TestResponse {
    call(
        app,
        cookie,
        "/api/admin/add-customer-number",
        &[
            ("form[customer_number]", number),
            ("form[company_name]", company),
            ("form[postal_code]", plz),
        ],
    )
    .await
}

on_both_backends!(
    staff_add_change_and_delete_numbers_and_each_change_is_logged,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        let added = add(&app, &cookie, "100001", "Berger IT GmbH", "10115").await;
        assert_eq!(added.status, 200, "{}", added.body);
        let again = add(&app, &cookie, "100001", "Jemand anderes", "80331").await;
        assert_eq!(again.status, 422, "{}", again.body);
        again.assert_contains("CustomerNumberListed");
        let wrong = add(&app, &cookie, "12", "", "0000").await;
        assert_eq!(wrong.status, 422);
        for error in ["InvalidCustomerNumber", "Missing", "PostalCodeFormat"] {
            wrong.assert_contains(error);
        }
        assert_eq!(
            registry(&app).await,
            [entry("100001", "Berger IT GmbH", "10115")]
        );

        let changed = call(
            &app,
            &cookie,
            "/api/admin/change-customer-number",
            &[
                ("form[customer_number]", "100001"),
                ("form[company_name]", "Berger IT AG"),
                ("form[postal_code]", "10117"),
            ],
        )
        .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(
            registry(&app).await,
            [entry("100001", "Berger IT AG", "10117")]
        );
        let unknown = call(
            &app,
            &cookie,
            "/api/admin/change-customer-number",
            &[
                ("form[customer_number]", "999999"),
                ("form[company_name]", "Niemand"),
                ("form[postal_code]", "10117"),
            ],
        )
        .await;
        assert_eq!(unknown.status, 404, "{}", unknown.body);

        let listed = call(
            &app,
            &cookie,
            "/api/admin/customer-numbers",
            &[("search", "berger"), ("page", "1")],
        )
        .await;
        listed.assert_contains("Berger IT AG");
        let none = call(
            &app,
            &cookie,
            "/api/admin/customer-numbers",
            &[("search", "müller"), ("page", "1")],
        )
        .await;
        assert!(!none.body.contains("Berger"), "{}", none.body);

        let deleted = call(
            &app,
            &cookie,
            "/api/admin/delete-customer-number",
            &[("number", "100001")],
        )
        .await;
        assert_eq!(deleted.status, 200, "{}", deleted.body);
        assert!(registry(&app).await.is_empty());

        let logged: Vec<(String,)> =
            sqlx::query_as("SELECT action FROM audit_log WHERE reseller_id IS NULL ORDER BY id")
                .fetch_all(app.db().pool())
                .await
                .unwrap();
        let logged: Vec<&str> = logged.iter().map(|(a,)| a.as_str()).collect();
        assert_eq!(
            logged,
            [
                "customer_number_added",
                "customer_number_changed",
                "customer_number_deleted"
            ]
        );
    }
);

on_both_backends!(
    a_number_a_reseller_signed_up_under_cannot_be_deleted,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        let reseller = app.create_reseller_admin("chef@berger-it.example").await;
        sqlx::query("UPDATE resellers SET customer_number = '100001' WHERE id = (SELECT reseller_id FROM users WHERE id = $1)")
            .bind(reseller)
            .execute(app.db().pool())
            .await
            .unwrap();
        let refused = call(
            &app,
            &cookie,
            "/api/admin/delete-customer-number",
            &[("number", "100001")],
        )
        .await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        refused.assert_contains("CustomerNumberInUse");
        assert_eq!(registry(&app).await.len(), 1);
        // The page names the account that uses the number.
        let entry = call(
            &app,
            &cookie,
            "/api/admin/customer-number",
            &[("number", "100001")],
        )
        .await;
        entry.assert_contains("Muster IT GmbH");
    }
);

on_both_backends!(
    an_import_adds_new_numbers_updates_listed_ones_and_reports_how_many,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        app.register_customer_number("200002", "Huber EDV", "1010")
            .await;
        let file = "\u{feff}Kundennummer;Firma;PLZ\r\n\
                    100001;Berger IT GmbH;10115\r\n\
                    200002;Huber EDV GmbH;1010\r\n\
                    300003;\"Müller & Söhne; Netzwerke\";80331\r\n";
        let outcome = import(&app, &cookie, file.as_bytes()).await;
        assert_eq!(
            outcome,
            serde_json::json!({"Imported": {"added": 1, "changed": 1, "unchanged": 1}})
        );
        assert_eq!(
            registry(&app).await,
            [
                entry("100001", "Berger IT GmbH", "10115"),
                entry("200002", "Huber EDV GmbH", "1010"),
                entry("300003", "Müller & Söhne; Netzwerke", "80331"),
            ]
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'customer_numbers_imported'"
            )
            .await,
            1
        );
        // The same file again changes nothing, and logs nothing.
        let again = import(&app, &cookie, file.as_bytes()).await;
        assert_eq!(
            again,
            serde_json::json!({"Imported": {"added": 0, "changed": 0, "unchanged": 3}})
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log").await, 1);
    }
);

on_both_backends!(
    a_bad_file_is_refused_whole_with_its_reasons,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        let before = registry(&app).await;
        let cases: [(&str, &[u8], serde_json::Value); 5] = [
            ("empty file", b"", serde_json::json!({"Refused": "Empty"})),
            (
                "wrong columns",
                b"Nummer;Name;Ort\n400004;Keller;Berlin\n",
                serde_json::json!({"Refused": {"MissingColumns":
                    ["CustomerNumber", "CompanyName", "PostalCode"]}}),
            ),
            (
                "Windows-1252 instead of UTF-8",
                b"Kundennummer;Firma;PLZ\n400004;M\xFCller GmbH;80331\n",
                serde_json::json!({"Refused": {"NotUtf8": {"line": 2}}}),
            ),
            (
                "a number twice, next to good rows",
                b"Kundennummer;Firma;PLZ\n400004;Keller GmbH;80331\n500005;Lang KG;20095\n400004;Keller Zwei;80331\n",
                serde_json::json!({"Refused": {"Rows": {"errors": [
                    {"line": 4, "problem": {"Duplicate": {"first_line": 2}}}
                ], "more": 0}}}),
            ),
            (
                "a wrong row among good ones",
                b"Kundennummer;Firma;PLZ\n400004;Keller GmbH;80331\n100001;Berger IT AG;123\n",
                serde_json::json!({"Refused": {"Rows": {"errors": [
                    {"line": 3, "problem": {"Field": ["PostalCode", "PostalCodeFormat"]}}
                ], "more": 0}}}),
            ),
        ];
        for (case, file, expected) in cases {
            assert_eq!(import(&app, &cookie, file).await, expected, "{case}");
            assert_eq!(registry(&app).await, before, "{case}: nothing was stored");
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log").await, 0);
    }
);

on_both_backends!(
    without_javascript_the_import_leads_back_to_the_list_with_its_outcome,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        let posted = app
            .post_file(
                IMPORT,
                "file",
                "kunden.csv",
                b"Kundennummer;Firma;PLZ\n400004;Keller GmbH;80331\n",
                &[
                    ("accept", "text/html"),
                    ("sec-fetch-site", "same-origin"),
                    ("referer", "http://localhost/admin/customer-numbers"),
                    ("cookie", &cookie),
                ],
            )
            .await;
        assert!(posted.status.is_redirection(), "{}", posted.status);
        assert_eq!(posted.header("location"), Some("/admin/customer-numbers"));
        let kept = posted.cookie("kontor_form").expect("the outcome is kept");
        let page = app
            .get_with(
                "/admin/customer-numbers",
                &[("cookie", &format!("{cookie}; {kept}"))],
            )
            .await;
        page.assert_contains("Importiert: 1 neu, 0 geändert, 0 unverändert.");
        page.assert_contains("Keller GmbH");
        // Shown once: the next visit is the plain list.
        let again = app
            .get_with(
                "/admin/customer-numbers",
                &[("cookie", &format!("{cookie}; {kept}"))],
            )
            .await;
        assert!(!again.body.contains("Importiert:"));
    }
);

on_both_backends!(a_reseller_cannot_import, |app: TestApp| async move {
    let reseller = app.create_reseller_admin("chef@muster-it.example").await;
    let cookie = app.session_cookie(reseller).await;
    let refused = app
        .post_file(
            IMPORT,
            "file",
            "kunden.csv",
            b"Kundennummer;Firma;PLZ\n400004;Keller GmbH;80331\n",
            &as_script(Some(&cookie)),
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(registry(&app).await.is_empty());
});

on_both_backends!(
    an_entry_may_name_a_contact_who_hears_of_accounts_opened_under_it,
    |app: TestApp| async move {
        let cookie = staff(&app).await;
        let added = call(
            &app,
            &cookie,
            "/api/admin/add-customer-number",
            &[
                ("form[customer_number]", "100001"),
                ("form[company_name]", "Berger IT GmbH"),
                ("form[postal_code]", "10115"),
                ("form[contact_email]", "Buchhaltung@Berger-IT.example"),
            ],
        )
        .await;
        assert!(added.status.is_success(), "{}", added.body);
        let wrong = call(
            &app,
            &cookie,
            "/api/admin/add-customer-number",
            &[
                ("form[customer_number]", "100002"),
                ("form[company_name]", "Huber EDV"),
                ("form[postal_code]", "10115"),
                ("form[contact_email]", "buchhaltung"),
            ],
        )
        .await;
        assert_eq!(wrong.status, 422);
        wrong.assert_contains("InvalidEmail");
        // An import with the optional column sets it; one without leaves it out.
        import(
            &app,
            &cookie,
            b"Kundennummer;Firma;PLZ;E-Mail\n100003;Nordlicht EDV KG;20095;it@nordlicht.example\n",
        )
        .await;
        let contacts: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT customer_number, contact_email FROM customer_registry ORDER BY customer_number",
        )
        .fetch_all(app.db().pool())
        .await
        .unwrap();
        assert_eq!(
            contacts,
            [
                (
                    "100001".into(),
                    Some("buchhaltung@berger-it.example".into())
                ),
                ("100003".into(), Some("it@nordlicht.example".into())),
            ]
        );
    }
);
