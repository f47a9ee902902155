use crate::support::{as_script, form_body, on_both_backends, TestApp};

async fn logged_in(app: &TestApp) -> String {
    app::catalog::server::seed_examples(app.db()).await.unwrap();
    let user = app.create_reseller_admin("chef@muster-it.example").await;
    app.session_cookie(user).await
}

async fn browse(
    app: &TestApp,
    cookie: &str,
    category: &str,
    search: &str,
) -> (u16, serde_json::Value) {
    let response = app
        .post_form_with(
            "/api/catalog/browse",
            form_body(&[("category", category), ("search", search)]),
            &as_script(Some(cookie)),
        )
        .await;
    let json = serde_json::from_str(&response.body).unwrap_or_default();
    (response.status.as_u16(), json)
}

fn names(view: &serde_json::Value) -> Vec<String> {
    view["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends!(
    the_catalogue_is_a_tree_with_filter_and_search,
    |app: TestApp| async move {
        let cookie = logged_in(&app).await;
        // Seeding again changes nothing.
        app::catalog::server::seed_examples(app.db()).await.unwrap();

        let (status, all) = browse(&app, &cookie, "", "").await;
        assert_eq!(status, 200);
        assert_eq!(names(&all).len(), 15);
        let top: Vec<&str> = all["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["slug"].as_str().unwrap())
            .collect();
        assert_eq!(top, ["microsoft-global-csp", "perpetual", "azure"]);
        assert_eq!(
            all["categories"][0]["children"].as_array().unwrap().len(),
            3
        );

        // A category includes its subcategories.
        let (_, global) = browse(&app, &cookie, "microsoft-global-csp", "").await;
        assert_eq!(names(&global).len(), 13);
        assert!(names(&global).contains(&"Office 365 A1".to_owned()));
        assert!(!names(&global).iter().any(|n| n.contains("Windows Server")));
        let (_, education) = browse(&app, &cookie, "education", "").await;
        assert_eq!(
            names(&education),
            ["Microsoft 365 A3 für Lehrkräfte", "Office 365 A1"]
        );

        // The search looks at names, SKUs and descriptions; wildcards are literal.
        let (_, windows) = browse(&app, &cookie, "", "windows SERVER").await;
        assert_eq!(names(&windows), ["Windows Server 2025 Standard – 16 Core"]);
        assert_eq!(
            windows["products"][0]["pricing"],
            serde_json::json!({ "Perpetual": { "once": 98000 } })
        );
        let (_, sku) = browse(&app, &cookie, "microsoft-csp", "cfq7ttc0lh18").await;
        assert_eq!(names(&sku), ["Microsoft 365 Business Basic"]);
        assert!(names(&browse(&app, &cookie, "", "%").await.1).is_empty());

        let (status, _) = browse(&app, &cookie, "no-such-category", "").await;
        assert_eq!(status, 404);
    }
);

on_both_backends!(
    a_product_shows_its_prices_bounds_and_addons,
    |app: TestApp| async move {
        let cookie = logged_in(&app).await;
        let product = |sku: &'static str| {
            let cookie = cookie.clone();
            let app = &app;
            async move {
                let response = app
                    .post_form_with(
                        "/api/catalog/product",
                        form_body(&[("sku", sku)]),
                        &as_script(Some(&cookie)),
                    )
                    .await;
                (
                    response.status,
                    serde_json::from_str::<serde_json::Value>(&response.body).unwrap_or_default(),
                )
            }
        };
        let (status, basic) = product("CFQ7TTC0LH18").await;
        assert_eq!(status, 200);
        assert_eq!(
            basic["summary"]["pricing"],
            serde_json::json!({ "Subscription": { "monthly": 672, "annual": 560 } })
        );
        assert_eq!(
            (basic["min_seats"].as_u64(), basic["max_seats"].as_u64()),
            (Some(1), Some(300))
        );
        let addons: Vec<&str> = basic["addons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            addons,
            ["Exchange Online Archiving", "Microsoft Teams Premium"]
        );
        assert_eq!(basic["summary"]["is_addon"], false);
        assert_eq!(basic["path"][0][0], "microsoft-global-csp");

        let (_, archiving) = product("CFQ7TTC0LHS4").await;
        assert_eq!(archiving["summary"]["is_addon"], true);
        assert_eq!(archiving["addon_of"].as_array().unwrap().len(), 3);

        assert_eq!(product("NO-SUCH-SKU").await.0, 404);
    }
);

on_both_backends!(
    the_catalogue_needs_a_login_and_speaks_the_readers_language,
    |app: TestApp| async move {
        let cookie = logged_in(&app).await;
        let anonymous = app
            .post_form_with(
                "/api/catalog/browse",
                form_body(&[("category", ""), ("search", "")]),
                &as_script(None),
            )
            .await;
        assert_eq!(anonymous.status, 401);
        let mut headers = as_script(Some(&cookie));
        headers.push(("accept-language", "en"));
        let english = app
            .post_form_with(
                "/api/catalog/browse",
                form_body(&[("category", "perpetual"), ("search", "")]),
                &headers,
            )
            .await;
        let view: serde_json::Value = serde_json::from_str(&english.body).unwrap();
        assert_eq!(view["category"]["name"], "Perpetual licences");
    }
);
