//! Keeping the catalogue: staff add and change categories and products (prices German style,
//! seat bounds, add-on relations, offered or not); a price change reaches carts as a change
//! to confirm and never touches a placed order; a withdrawn product cannot be ordered.

use crate::orders::{
    cart, checkout, fill_cart, order_json, orderable_customer, place, placed_number,
};
use crate::support::{on_both_backends, TestApp, TestResponse};
use crate::tenants::{call, count};

const BASIC: &str = "CFQ7TTC0LH18";
const ARCHIVING: &str = "CFQ7TTC0LHS4";

async fn staff(app: &TestApp) -> String {
    let admin = app
        .create_admin("katalog@distributor.example", "Fachhandel#2026")
        .await;
    app.session_cookie(admin).await
}

/// The stored form of a product, as its editing page loads it.
async fn product_form(app: &TestApp, cookie: &str, sku: &str) -> Vec<(String, String)> {
    let response = call(app, cookie, "/api/admin/catalog-product", &[("sku", sku)]).await;
    assert_eq!(response.status, 200, "{}", response.body);
    let editor: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    editor["form"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (format!("form[{k}]"), v.as_str().unwrap().to_owned()))
        .collect()
}

/// Saves the product's stored form with `changes` (`form[…]` names) applied.
async fn change(app: &TestApp, cookie: &str, sku: &str, changes: &[(&str, &str)]) -> TestResponse {
    let mut form = product_form(app, cookie, sku).await;
    for (name, value) in changes {
        match form.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => form.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    let fields: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    call(app, cookie, "/api/admin/change-product", &fields).await
}

fn new_product<'a>(sku: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("form[sku]", sku),
        ("form[name]", "Kontor Backup Pro"),
        ("form[category]", "microsoft-csp"),
        ("form[description_de]", "Sicherung für Postfächer."),
        ("form[description_en]", "Backup for mailboxes."),
        ("form[monthly]", "12,50"),
        ("form[annual]", "1.000,00"),
        ("form[once]", ""),
        ("form[min_seats]", "5"),
        ("form[max_seats]", "500"),
        ("form[addon_of]", ""),
        ("form[offered]", "on"),
    ];
    for (name, value) in changes {
        match form.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

async fn prices(app: &TestApp, sku: &str) -> (Option<i64>, Option<i64>, Option<i64>) {
    sqlx::query_as("SELECT monthly_cents, annual_cents, once_cents FROM products WHERE sku = $1")
        .bind(sku)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn logged(app: &TestApp) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE area = 'catalog' ORDER BY id")
            .fetch_all(app.db().pool())
            .await
            .unwrap();
    rows.into_iter().map(|(a,)| a).collect()
}

on_both_backends!(
    staff_add_and_change_products_with_german_prices_and_each_change_is_logged,
    |app: TestApp| async move {
        app::catalog::server::seed_examples(app.db()).await.unwrap();
        let cookie = staff(&app).await;
        let products = count(&app, "SELECT COUNT(*) FROM products").await;

        let added = call(
            &app,
            &cookie,
            "/api/admin/add-product",
            &new_product("KB-PRO-1", &[]),
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        assert_eq!(
            prices(&app, "KB-PRO-1").await,
            (Some(1_250), Some(100_000), None)
        );
        let listed = call(
            &app,
            &cookie,
            "/api/catalog/product",
            &[("sku", "KB-PRO-1")],
        )
        .await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        let found = call(
            &app,
            &cookie,
            "/api/catalog/browse",
            &[("category", ""), ("search", "backup pro")],
        )
        .await;
        found.assert_contains("KB-PRO-1");

        // Refused: each error by its field, and nothing written.
        let again = call(
            &app,
            &cookie,
            "/api/admin/add-product",
            &new_product("KB-PRO-1", &[]),
        )
        .await;
        assert_eq!(again.status, 422, "{}", again.body);
        again.assert_contains("SkuTaken");
        let wrong = call(
            &app,
            &cookie,
            "/api/admin/add-product",
            &new_product(
                "KB-PRO-2",
                &[
                    ("form[monthly]", "6.72"),
                    ("form[once]", "99"),
                    ("form[annual]", "5,60"),
                    ("form[category]", "gibt-es-nicht"),
                    ("form[addon_of]", "NOPE-1"),
                    ("form[max_seats]", "2"),
                ],
            ),
        )
        .await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        for error in ["PriceFormat", "OnceWithSubscription", "SeatsOutOfRange"] {
            wrong.assert_contains(error);
        }
        let unknown = call(
            &app,
            &cookie,
            "/api/admin/add-product",
            &new_product(
                "KB-PRO-2",
                &[
                    ("form[category]", "gibt-es-nicht"),
                    ("form[addon_of]", "NOPE-1"),
                ],
            ),
        )
        .await;
        assert_eq!(unknown.status, 422, "{}", unknown.body);
        unknown.assert_contains("UnknownChoice");
        unknown.assert_contains("NOPE-1");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM products").await,
            products + 1
        );

        // A new price and the product withdrawn: resellers no longer find it.
        let changed = change(
            &app,
            &cookie,
            "KB-PRO-1",
            &[("form[monthly]", "13"), ("form[offered]", "")],
        )
        .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(
            prices(&app, "KB-PRO-1").await,
            (Some(1_300), Some(100_000), None)
        );
        let gone = call(
            &app,
            &cookie,
            "/api/catalog/product",
            &[("sku", "KB-PRO-1")],
        )
        .await;
        assert_eq!(gone.status, 404, "{}", gone.body);
        // Back on offer, as a perpetual licence now.
        let perpetual = change(
            &app,
            &cookie,
            "KB-PRO-1",
            &[
                ("form[monthly]", ""),
                ("form[annual]", ""),
                ("form[once]", "1.234,5"),
                ("form[offered]", "on"),
            ],
        )
        .await;
        assert_eq!(perpetual.status, 200, "{}", perpetual.body);
        assert_eq!(prices(&app, "KB-PRO-1").await, (None, None, Some(123_450)));
        let missing = call(
            &app,
            &cookie,
            "/api/admin/change-product",
            &new_product("KEIN-PRODUKT", &[]),
        )
        .await;
        assert_eq!(missing.status, 404, "{}", missing.body);

        assert_eq!(
            logged(&app).await,
            ["product_added", "product_changed", "product_changed"]
        );
        let (details,): (String,) = sqlx::query_as(
            "SELECT details FROM audit_log WHERE action = 'product_changed' ORDER BY id LIMIT 1",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let details: serde_json::Value = serde_json::from_str(&details).unwrap();
        assert_eq!(details["offered"], false);
        assert_eq!(details["prices"][0]["Subscription"]["monthly"], 1_250);
        assert_eq!(details["prices"][1]["Subscription"]["monthly"], 1_300);
    }
);

on_both_backends!(
    categories_are_added_renamed_and_moved_but_never_below_themselves,
    |app: TestApp| async move {
        app::catalog::server::seed_examples(app.db()).await.unwrap();
        let cookie = staff(&app).await;
        let category = |slug: &'static str, parent: &'static str, name: &'static str| {
            vec![
                ("form[slug]", slug),
                ("form[parent]", parent),
                ("form[name_de]", name),
                ("form[name_en]", name),
            ]
        };
        let add = |form: Vec<(&'static str, &'static str)>| {
            let (app, cookie) = (&app, &cookie);
            async move { call(app, cookie, "/api/admin/add-category", &form).await }
        };
        assert_eq!(
            add(category("security", "microsoft-csp", "Sicherheit"))
                .await
                .status,
            200
        );
        assert_eq!(
            add(category("endpoint", "security", "Endgeräte"))
                .await
                .status,
            200
        );
        let taken = add(category("security", "", "Doppelt")).await;
        assert_eq!(taken.status, 422);
        taken.assert_contains("SlugTaken");
        let bad = add(category("Sicher heit", "", "")).await;
        assert_eq!(bad.status, 422);
        bad.assert_contains("InvalidSlug");
        bad.assert_contains("Missing");

        let below_own_child = call(
            &app,
            &cookie,
            "/api/admin/change-category",
            &category("security", "endpoint", "Sicherheit"),
        )
        .await;
        assert_eq!(below_own_child.status, 422);
        below_own_child.assert_contains("CategoryCycle");
        let moved = call(
            &app,
            &cookie,
            "/api/admin/change-category",
            &category("security", "", "IT-Sicherheit"),
        )
        .await;
        assert_eq!(moved.status, 200, "{}", moved.body);
        let (parent, name): (Option<i64>, String) = sqlx::query_as(
            "SELECT parent_id, name_de FROM product_categories WHERE slug = 'security'",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!((parent, name.as_str()), (None, "IT-Sicherheit"));
        let tree = call(
            &app,
            &cookie,
            "/api/admin/catalog",
            &[("search", ""), ("page", "1")],
        )
        .await;
        assert_eq!(tree.status, 200);
        tree.assert_contains("IT-Sicherheit");
        assert_eq!(
            logged(&app).await,
            ["category_added", "category_added", "category_changed"]
        );
    }
);

on_both_backends!(addons_stay_one_level_deep, |app: TestApp| async move {
    app::catalog::server::seed_examples(app.db()).await.unwrap();
    let cookie = staff(&app).await;
    // Business Basic has add-ons of its own; the archiving add-on is one.
    let basic_as_addon = change(&app, &cookie, BASIC, &[("form[addon_of]", "CFQ7TTC0LDPB")]).await;
    assert_eq!(basic_as_addon.status, 422, "{}", basic_as_addon.body);
    basic_as_addon.assert_contains("AddonWithAddons");
    let onto_an_addon = call(
        &app,
        &cookie,
        "/api/admin/add-product",
        &new_product("KB-ADDON", &[("form[addon_of]", ARCHIVING)]),
    )
    .await;
    assert_eq!(onto_an_addon.status, 422, "{}", onto_an_addon.body);
    onto_an_addon.assert_contains("AddonOfAddon");
    let itself = change(&app, &cookie, ARCHIVING, &[("form[addon_of]", ARCHIVING)]).await;
    itself.assert_contains("AddonOfItself");
    let fine = call(
        &app,
        &cookie,
        "/api/admin/add-product",
        &new_product(
            "KB-ADDON",
            &[("form[addon_of]", &format!("{BASIC}, {BASIC}"))],
        ),
    )
    .await;
    assert_eq!(fine.status, 200, "{}", fine.body);
    let product = call(&app, &cookie, "/api/catalog/product", &[("sku", BASIC)]).await;
    product.assert_contains("KB-ADDON");
});

on_both_backends!(
    a_price_change_reaches_carts_to_confirm_and_never_a_placed_order,
    |app: TestApp| async move {
        let (reseller, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof").await;
        let cookie = staff(&app).await;
        fill_cart(&app, &reseller, customer).await;
        let (key, digest) = checkout(&app, &reseller).await;
        let number = placed_number(&place(&app, &reseller, &key, &digest).await);
        let before = order_json(&app, &reseller, &number).await;

        fill_cart(&app, &reseller, customer).await;
        let changed = change(&app, &cookie, BASIC, &[("form[annual]", "6,00")]).await;
        assert_eq!(changed.status, 200, "{}", changed.body);

        // The placed order keeps its prices.
        assert_eq!(order_json(&app, &reseller, &number).await, before);
        // The cart shows the change and must confirm it.
        let view = cart(&app, &reseller).await;
        assert_eq!(
            view["lines"][0]["price_change"],
            serde_json::json!({ "accepted": 560, "now": 600 })
        );
        let (key, digest) = checkout(&app, &reseller).await;
        let refused = place(&app, &reseller, &key, &digest).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        refused.assert_contains("PricesChanged");
        assert_eq!(
            call(&app, &reseller, "/api/cart/confirm-prices", &[])
                .await
                .status,
            200
        );
        let (key, digest) = checkout(&app, &reseller).await;
        let second = placed_number(&place(&app, &reseller, &key, &digest).await);
        let placed = order_json(&app, &reseller, &second).await;
        assert_eq!(placed["lines"][0]["pricing"]["Subscription"]["annual"], 600);
    }
);

on_both_backends!(
    a_withdrawn_product_or_an_ended_addon_relation_cannot_be_ordered,
    |app: TestApp| async move {
        let (reseller, customer) =
            orderable_customer(&app, "chef@muster-it.example", "sonnenhof").await;
        let cookie = staff(&app).await;
        fill_cart(&app, &reseller, customer).await;

        // The archiving add-on is no longer booked with Business Basic.
        let bases = product_form(&app, &cookie, ARCHIVING).await;
        let others: Vec<&str> = bases
            .iter()
            .find(|(n, _)| n == "form[addon_of]")
            .map(|(_, v)| v.split(", ").filter(|s| *s != BASIC).collect())
            .unwrap();
        let ended = change(
            &app,
            &cookie,
            ARCHIVING,
            &[("form[addon_of]", &others.join(", "))],
        )
        .await;
        assert_eq!(ended.status, 200, "{}", ended.body);
        let view = cart(&app, &reseller).await;
        assert!(view["lines"][0]["charge"].is_object());
        assert_eq!(view["lines"][1]["charge"], serde_json::Value::Null);
        let (key, digest) = checkout(&app, &reseller).await;
        let refused = place(&app, &reseller, &key, &digest).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("LineUnavailable");

        // Business Basic withdrawn: its line cannot be ordered either, and nothing was.
        let withdrawn = change(&app, &cookie, BASIC, &[("form[offered]", "")]).await;
        assert_eq!(withdrawn.status, 200, "{}", withdrawn.body);
        let view = cart(&app, &reseller).await;
        assert_eq!(view["lines"][0]["charge"], serde_json::Value::Null);
        assert_eq!(view["lines"][0]["price_change"], serde_json::Value::Null);
        let (key, digest) = checkout(&app, &reseller).await;
        assert_eq!(place(&app, &reseller, &key, &digest).await.status, 422);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
    }
);
