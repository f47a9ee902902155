//! Announcements, contacts and the price list (staff), and the resellers' start page.

use crate::partner_status::{recheck, three_colours};
use crate::support::{as_script, on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, count};
use app::platform::unix_now;
use kontor_domain::{german_date, german_date_time_value, iso_date};

async fn staff(app: &TestApp) -> String {
    let admin = app
        .create_admin("chefin@distributor.example", "Fachhandel#2026")
        .await;
    app.session_cookie(admin).await
}

/// The German day `days` from today, as a date field sends it.
fn day(days: i64) -> String {
    iso_date(german_date(unix_now() + days * 24 * 3600))
}

/// `hours` from now, as a `datetime-local` field sends it.
fn moment(hours: i64) -> String {
    german_date_time_value(unix_now() + hours * 3600)
}

/// The fields of an announcement of `kind` called `title` (in both languages, `EN` appended
/// in English), shown from today on; `changes` replace or add fields.
fn announcement<'a>(
    kind: &'a str,
    title: &'a str,
    changes: &[(&'a str, String)],
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = vec![
        ("kind".into(), kind.into()),
        ("title_de".into(), title.into()),
        ("title_en".into(), format!("{title} EN")),
        ("body_de".into(), format!("Text zu {title}")),
        ("body_en".into(), format!("Text about {title}")),
        ("visible_from".into(), day(0)),
    ];
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push(((*name).into(), value.clone()));
    }
    fields
        .into_iter()
        .map(|(name, value)| (format!("form[{name}]"), value))
        .collect()
}

async fn publish(app: &TestApp, cookie: &str, fields: &[(String, String)]) -> TestResponse {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    call(app, cookie, "/api/admin/save-announcement", &fields).await
}

async fn start_page(app: &TestApp, cookie: &str, language: &str) -> serde_json::Value {
    let mut headers = as_script(Some(cookie));
    headers.push(("accept-language", language));
    let answer = app.post_form_with("/api/start-page", "", &headers).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

fn titles(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends!(
    resellers_see_announcements_in_their_window_pinned_first_and_maintenance_as_banner,
    |app: TestApp| async move {
        let admin = staff(&app).await;
        let published = [
            announcement("news", "Älter", &[("visible_from", day(-3))]),
            announcement("news", "Neu", &[]),
            announcement(
                "guide",
                "Angeheftet",
                &[("visible_from", day(-10)), ("pinned", "on".into())],
            ),
            announcement(
                "news",
                "Abgelaufen",
                &[("visible_from", day(-5)), ("visible_until", day(-1))],
            ),
            announcement("promotion", "Später", &[("visible_from", day(2))]),
            announcement(
                "maintenance",
                "Wartung morgen",
                &[
                    ("maintenance_from", moment(20)),
                    ("maintenance_until", moment(22)),
                ],
            ),
            // In three days: listed, but no banner yet; shown only from next week on, yet its
            // banner comes a day before it starts all the same.
            announcement(
                "maintenance",
                "Wartung bald",
                &[
                    ("maintenance_from", moment(72)),
                    ("maintenance_until", moment(74)),
                ],
            ),
        ];
        for fields in &published {
            let answer = publish(&app, &admin, fields).await;
            assert_eq!(answer.status, 200, "{}", answer.body);
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM announcements").await, 7);
        let entries = "SELECT COUNT(*) FROM audit_log WHERE action = 'announcement_saved' \
                       AND reseller_id IS NULL";
        assert_eq!(
            count(&app, entries).await,
            7,
            "each change is in the audit log"
        );

        let (reseller, _) =
            crate::tenants::reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof")
                .await;
        let page = start_page(&app, &reseller, "de").await;
        assert_eq!(page["company_name"], "Muster IT GmbH");
        assert_eq!(
            titles(&page["published"]["announcements"]),
            [
                "Angeheftet",
                "Wartung bald",
                "Wartung morgen",
                "Neu",
                "Älter"
            ]
        );
        assert_eq!(titles(&page["published"]["banners"]), ["Wartung morgen"]);
        let english = start_page(&app, &reseller, "en").await;
        assert_eq!(
            titles(&english["published"]["banners"]),
            ["Wartung morgen EN"]
        );
        assert_eq!(
            english["published"]["announcements"][0]["body_html"],
            "<p>Text about Angeheftet</p>\n"
        );

        // Staff see every one of them in their list; a visitor's start page has none.
        let list = call(&app, &admin, "/api/admin/announcements", &[]).await;
        let list: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 7);
        let visitor = app
            .post_form_with("/api/start-page", "", &as_script(None))
            .await;
        assert_eq!(visitor.body, "null");
    }
);

on_both_backends!(
    markdown_injection_renders_harmless_in_the_page,
    |app: TestApp| async move {
        let admin = staff(&app).await;
        let attack = "Hallo <script>alert('xss')</script> <img src=x onerror=alert(2)> \
                      [klick](javascript:alert(3)) **fett**";
        let answer = publish(
            &app,
            &admin,
            &announcement("news", "Angriff", &[("body_de", attack.into())]),
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        let (reseller, _) =
            crate::tenants::reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof")
                .await;
        let page = app.get_with("/", &[("cookie", &reseller)]).await;
        page.assert_contains("<strong>fett</strong>");
        for danger in ["<script>alert", "onerror", "javascript:alert", "alert(2)"] {
            assert!(!page.body.contains(danger), "{danger} in\n{}", page.body);
        }
    }
);

on_both_backends!(
    a_refused_announcement_names_each_field_and_stores_nothing,
    |app: TestApp| async move {
        let admin = staff(&app).await;
        let wrong = announcement(
            "news",
            "",
            &[
                ("visible_until", day(-1)),
                ("maintenance_from", moment(1)),
                ("maintenance_until", moment(2)),
            ],
        );
        let answer = publish(&app, &admin, &wrong).await;
        assert_eq!(answer.status, 422, "{}", answer.body);
        for expected in [
            "TitleDe",
            "Missing",
            "VisibleUntil",
            "EndBeforeStart",
            "OnlyForMaintenance",
        ] {
            answer.assert_contains(expected);
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM announcements").await, 0);
        // Changing one that does not exist is a 404, not a new one.
        let mut fields = announcement("news", "Geist", &[]);
        fields.push(("id".into(), "999".into()));
        assert_eq!(publish(&app, &admin, &fields).await.status, 404);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM announcements").await, 0);
    }
);

on_both_backends!(
    staff_change_and_delete_an_announcement,
    |app: TestApp| async move {
        let admin = staff(&app).await;
        publish(&app, &admin, &announcement("news", "Erst", &[])).await;
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM announcements")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let mut fields = announcement("update", "Dann", &[("visible_until", day(3))]);
        fields.push(("id".into(), id.to_string()));
        assert_eq!(publish(&app, &admin, &fields).await.status, 200);
        let loaded = call(
            &app,
            &admin,
            "/api/admin/announcement",
            &[("id", &id.to_string())],
        )
        .await;
        let form: serde_json::Value = serde_json::from_str(&loaded.body).unwrap();
        assert_eq!(form["kind"], "update");
        assert_eq!(form["title_de"], "Dann");
        assert_eq!(form["visible_from"], day(0));
        assert_eq!(
            form["visible_until"],
            day(3),
            "the last day reads back as typed"
        );
        let deleted = call(
            &app,
            &admin,
            "/api/admin/delete-announcement",
            &[("id", &id.to_string())],
        )
        .await;
        assert!(deleted.status.is_success(), "{}", deleted.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM announcements").await, 0);
        let actions: Vec<(String,)> = sqlx::query_as("SELECT action FROM audit_log ORDER BY id")
            .fetch_all(app.db().pool())
            .await
            .unwrap();
        let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
        assert_eq!(
            actions,
            [
                "announcement_saved",
                "announcement_saved",
                "announcement_deleted"
            ]
        );
    }
);

on_both_backends!(
    the_counters_match_the_lists_they_link_to,
    |app: TestApp| async move {
        let (cookie, [green, orange, red]) = three_colours(&app).await;
        for customer in [green, orange, red] {
            assert_eq!(recheck(&app, &cookie, customer).await.status, 200);
        }
        // One of the three has accepted the agreement.
        crate::agreements::attest(&app, &cookie, green, &[]).await;
        let page = start_page(&app, &cookie, "de").await;
        let counters = &page["counters"];
        assert_eq!(counters["customers"], 3);
        assert_eq!(counters["agreements_open"], 2);
        assert_eq!(counters["partner_red"], 1);
        assert_eq!(counters["partner_orange"], 1);
        assert_eq!(counters["orders_in_progress"], 0);
        let open = call(
            &app,
            &cookie,
            "/api/agreements/overview",
            &[("search", ""), ("only_open", "true"), ("page", "1")],
        )
        .await;
        let open: serde_json::Value = serde_json::from_str(&open.body).unwrap();
        assert_eq!(open["total"], 2);

        // Another reseller's start page counts nothing of this one's.
        let (other, _) =
            crate::tenants::reseller_with_customer(&app, "chefin@andere.example", "Andere").await;
        let theirs = start_page(&app, &other, "de").await;
        assert_eq!(theirs["counters"]["customers"], 1);
        assert_eq!(theirs["counters"]["partner_red"], 0);
    }
);

on_both_backends!(
    staff_keep_the_contact_block_that_resellers_see,
    |app: TestApp| async move {
        let admin = staff(&app).await;
        let refused = call(
            &app,
            &admin,
            "/api/admin/add-contact",
            &[
                ("form[team]", ""),
                ("form[email]", "kaputt"),
                ("form[phone]", ""),
            ],
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("InvalidEmail");
        for (team, email) in [
            ("Vertrieb", "vertrieb@distributor.example"),
            ("Support", "support@distributor.example"),
        ] {
            let added = call(
                &app,
                &admin,
                "/api/admin/add-contact",
                &[
                    ("form[team]", team),
                    ("form[email]", email),
                    ("form[phone]", "+49 30 123"),
                ],
            )
            .await;
            assert_eq!(added.status, 200, "{}", added.body);
        }
        let (reseller, _) =
            crate::tenants::reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof")
                .await;
        let page = start_page(&app, &reseller, "de").await;
        let teams: Vec<&str> = page["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["team"].as_str().unwrap())
            .collect();
        assert_eq!(teams, ["Vertrieb", "Support"]);
        let first = page["contacts"][0]["id"].as_i64().unwrap().to_string();
        call(&app, &admin, "/api/admin/delete-contact", &[("id", &first)]).await;
        let page = start_page(&app, &reseller, "de").await;
        assert_eq!(page["contacts"].as_array().unwrap().len(), 1);
        let html = app.get_with("/", &[("cookie", &reseller)]).await;
        html.assert_contains("mailto:support@distributor.example");
        html.assert_contains("tel:+4930123");
    }
);

on_both_backends!(
    the_price_list_is_csv_in_german_number_format_for_logged_in_users,
    |app: TestApp| async move {
        app::catalog::server::seed_examples(app.db()).await.unwrap();
        let visitor = app.get("/price-list.csv").await;
        assert_eq!(visitor.status, 303);
        assert_eq!(visitor.header("location"), Some("/login"));

        let (reseller, _) =
            crate::tenants::reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof")
                .await;
        let csv = app
            .get_with(
                "/price-list.csv",
                &[("cookie", &reseller), ("accept-language", "de")],
            )
            .await;
        assert_eq!(csv.status, 200);
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(csv
            .header("content-disposition")
            .unwrap()
            .contains("preisliste.csv"));
        let mut lines = csv.body.lines();
        assert_eq!(
            lines.next(),
            Some("\u{feff}Artikelnummer;Produkt;Kategorie;Abrechnung;Nettopreis (EUR);Mindestmenge;Höchstmenge")
        );
        let (sku, cents): (String, i64) = sqlx::query_as(
            "SELECT sku, monthly_cents FROM products WHERE monthly_cents IS NOT NULL \
             AND retired_at IS NULL ORDER BY id LIMIT 1",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let price = format!("{},{:02}", cents / 100, cents % 100);
        assert!(
            csv.body.lines().any(|l| l.starts_with(&format!("{sku};"))
                && l.contains(";monatlich;")
                && l.contains(&format!(";{price};"))),
            "{}",
            csv.body
        );
        let rows = csv.body.lines().count() - 1;
        let (prices,): (i64,) = sqlx::query_as(
            "SELECT COUNT(monthly_cents) + COUNT(annual_cents) + COUNT(once_cents) FROM products \
             WHERE retired_at IS NULL",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(
            rows as i64, prices,
            "one line per price of each active product"
        );
    }
);
