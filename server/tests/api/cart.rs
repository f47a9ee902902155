use crate::support::{as_script, form_body, on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, reseller_with_customer, set_up, work_until_settled};

const BASIC: &str = "CFQ7TTC0LH18";
const ARCHIVING: &str = "CFQ7TTC0LHS4";

async fn cart(app: &TestApp, cookie: &str) -> serde_json::Value {
    let response = call(app, cookie, "/api/cart/load", &[]).await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

async fn save_line(
    app: &TestApp,
    cookie: &str,
    line: i64,
    seats: &str,
    cycle: &str,
) -> TestResponse {
    let line = line.to_string();
    call(
        app,
        cookie,
        "/api/cart/line",
        &[
            ("line_id", &line),
            ("form[seats]", seats),
            ("form[cycle]", cycle),
        ],
    )
    .await
}

fn line_ids(view: &serde_json::Value) -> Vec<i64> {
    view["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_i64().unwrap())
        .collect()
}

async fn catalogue_and_reseller(app: &TestApp, email: &str) -> (String, i64) {
    app::catalog::server::seed_examples(app.db()).await.unwrap();
    reseller_with_customer(app, email, "Sonnenhof GmbH").await
}

on_both_backends!(
    lines_are_configured_within_bounds_with_addons_and_totals,
    |app: TestApp| async move {
        let (cookie, _) = catalogue_and_reseller(&app, "chef@muster-it.example").await;
        assert_eq!(
            call(&app, &cookie, "/api/cart/add", &[("sku", BASIC)])
                .await
                .status,
            200
        );
        let view = cart(&app, &cookie).await;
        let base = line_ids(&view)[0];
        assert_eq!(view["lines"][0]["seats"], 1);
        assert_eq!(view["lines"][0]["cycle"], "Monthly");
        assert_eq!(view["lines"][0]["addons"].as_array().unwrap().len(), 2);

        assert_eq!(
            save_line(&app, &cookie, base, "10", "annual").await.status,
            200
        );
        let added = call(
            &app,
            &cookie,
            "/api/cart/add-addon",
            &[("line_id", &base.to_string()), ("sku", ARCHIVING)],
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let view = cart(&app, &cookie).await;
        let addon = &view["lines"][1];
        assert_eq!(addon["parent_id"], base);
        assert_eq!(
            (addon["seats"].as_u64(), addon["cycle"].as_str()),
            (Some(10), Some("Annual"))
        );
        assert_eq!(view["lines"][0]["addons"].as_array().unwrap().len(), 1);
        // 10 × 5.60 € × 12 + 10 × 2.80 € × 12 = 1,008.00 € net; 19 % VAT = 191.52 €.
        assert_eq!(
            view["totals"],
            serde_json::json!({ "net": 100_800, "vat": 19_152, "gross": 119_952 })
        );

        // An add-on never has more users than its base line.
        let addon_id = addon["id"].as_i64().unwrap();
        let refused = save_line(&app, &cookie, addon_id, "11", "").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused
                .body
                .contains(r#"{"SeatsOutOfRange":{"min":1,"max":10}}"#),
            "{}",
            refused.body
        );
        assert_eq!(
            save_line(&app, &cookie, base, "301", "weekly").await.status,
            422
        );
        assert_eq!(
            save_line(&app, &cookie, base, "4", "monthly").await.status,
            200
        );
        let view = cart(&app, &cookie).await;
        assert_eq!(view["lines"][1]["seats"], 4);
        assert_eq!(view["lines"][1]["cycle"], "Monthly");

        // Removing the base line removes its add-on.
        let removed = call(
            &app,
            &cookie,
            "/api/cart/remove",
            &[("line_id", &base.to_string())],
        )
        .await;
        assert_eq!(removed.status, 200);
        assert!(line_ids(&cart(&app, &cookie).await).is_empty());
    }
);

on_both_backends!(
    only_an_orderable_customer_can_be_chosen,
    |app: TestApp| async move {
        let (cookie, customer) = catalogue_and_reseller(&app, "chef@muster-it.example").await;
        let header = |customer: String| {
            let cookie = cookie.clone();
            let app = &app;
            async move {
                call(
                    app,
                    &cookie,
                    "/api/cart/header",
                    &[
                        ("form[order_name]", "Lizenzen Q4"),
                        ("form[customer]", &customer),
                    ],
                )
                .await
            }
        };
        let view = cart(&app, &cookie).await;
        assert_eq!(view["customers"][0]["refusal"], "TenantNotReady");
        let refused = header(customer.to_string()).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused
                .body
                .contains(r#"{"NotOrderable":"TenantNotReady"}"#),
            "{}",
            refused.body
        );

        assert_eq!(
            set_up(&app, &cookie, customer, "sonnenhof9").await.status,
            200
        );
        work_until_settled(&app, &cookie, customer).await;
        let refused = header(customer.to_string()).await;
        assert!(
            refused
                .body
                .contains(r#"{"NotOrderable":"AgreementMissing"}"#),
            "{}",
            refused.body
        );

        let attested = crate::agreements::attest(&app, &cookie, customer, &[]).await;
        assert_eq!(attested.status, 200);
        assert_eq!(header(customer.to_string()).await.status, 200);
        let view = cart(&app, &cookie).await;
        assert_eq!(view["header"]["order_name"], "Lizenzen Q4");
        assert_eq!(view["header"]["customer"], customer.to_string());
        assert_eq!(view["customers"][0]["refusal"], serde_json::Value::Null);

        // Another reseller's customer is not among the choices.
        let (_, foreign) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        let refused = header(foreign.to_string()).await;
        assert!(refused.body.contains("UnknownChoice"), "{}", refused.body);
    }
);

on_both_backends!(a_cart_is_its_users_alone, |app: TestApp| async move {
    let (owner, _) = catalogue_and_reseller(&app, "chef@muster-it.example").await;
    let (intruder, _) = reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
    call(&app, &owner, "/api/cart/add", &[("sku", BASIC)]).await;
    let line = line_ids(&cart(&app, &owner).await)[0].to_string();

    assert!(line_ids(&cart(&app, &intruder).await).is_empty());
    assert_eq!(
        save_line(&app, &intruder, line.parse().unwrap(), "5", "monthly")
            .await
            .status,
        404
    );
    assert_eq!(
        call(&app, &intruder, "/api/cart/remove", &[("line_id", &line)])
            .await
            .status,
        404
    );
    assert_eq!(
        call(
            &app,
            &intruder,
            "/api/cart/add-addon",
            &[("line_id", &line), ("sku", ARCHIVING)]
        )
        .await
        .status,
        404
    );
    assert_eq!(cart(&app, &owner).await["lines"][0]["seats"], 1);

    // Add-ons go with their base line; unknown products and staff get nowhere.
    assert_eq!(
        call(&app, &owner, "/api/cart/add", &[("sku", ARCHIVING)])
            .await
            .status,
        404
    );
    assert_eq!(
        call(&app, &owner, "/api/cart/add", &[("sku", "NOPE")])
            .await
            .status,
        404
    );
    let admin = app
        .create_admin("admin@kontor.example", "Verwaltung#2026")
        .await;
    let staff = app.session_cookie(admin).await;
    assert_eq!(
        call(&app, &staff, "/api/cart/add", &[("sku", BASIC)])
            .await
            .status,
        403
    );
    let anonymous = app
        .post_form_with("/api/cart/load", form_body(&[]), &as_script(None))
        .await;
    assert_eq!(anonymous.status, 401);
});

on_both_backends!(
    a_changed_price_is_shown_until_the_reseller_confirms_it,
    |app: TestApp| async move {
        let (cookie, _) = catalogue_and_reseller(&app, "chef@muster-it.example").await;
        call(&app, &cookie, "/api/cart/add", &[("sku", BASIC)]).await;
        assert_eq!(
            cart(&app, &cookie).await["lines"][0]["price_change"],
            serde_json::Value::Null
        );

        sqlx::query("UPDATE products SET monthly_cents = 700 WHERE sku = $1")
            .bind(BASIC)
            .execute(app.db().pool())
            .await
            .unwrap();
        let view = cart(&app, &cookie).await;
        assert_eq!(
            view["lines"][0]["price_change"],
            serde_json::json!({ "accepted": 672, "now": 700 })
        );
        // The amounts are always today's prices.
        assert_eq!(view["totals"]["net"], 700);

        let confirmed = call(&app, &cookie, "/api/cart/confirm-prices", &[]).await;
        assert_eq!(confirmed.status, 200);
        assert_eq!(
            cart(&app, &cookie).await["lines"][0]["price_change"],
            serde_json::Value::Null
        );

        // Switching the cycle takes that cycle's price, as the page showed it.
        let line = line_ids(&cart(&app, &cookie).await)[0];
        assert_eq!(
            save_line(&app, &cookie, line, "3", "annual").await.status,
            200
        );
        let view = cart(&app, &cookie).await;
        assert_eq!(view["lines"][0]["price_change"], serde_json::Value::Null);
        assert_eq!(view["totals"]["net"], 3 * 560 * 12);
    }
);
