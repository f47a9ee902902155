//! Snapshots of a few server-rendered pages, so that a move of code or texts that changes what
//! a page says or how it is built shows up as a diff. Only the markup a reader sees is kept:
//! scripts (hydration data, the bundle's file names), hydration markers and the per-response
//! values (nonce, CSRF token, today's date) are taken out. `cargo insta review` accepts a
//! change that was meant.

use crate::support::TestApp;
use regex::Regex;

/// One element per line; scripts, comments and per-response values replaced.
fn readable(html: &str) -> String {
    let rules = [
        (r"(?s)<script\b.*?</script>", ""),
        (r"(?s)<!--.*?-->|<!>", ""),
        // Leptos writes the nonce into the preload links' `crossorigin` too.
        (r#"(nonce|crossorigin)="[^"]*""#, r#"$1="[nonce]""#),
        (
            r#"name="csrf_token" value="[^"]*""#,
            r#"name="csrf_token" value="[csrf]""#,
        ),
        // An island's name carries a hash of its source, which changes with every edit.
        (r#"data-component="(\w+?)_\d+""#, r#"data-component="$1""#),
        (r"\b\d{2}\.\d{2}\.\d{4}\b", "[date]"),
        (r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", "[date]"),
        (r"><", ">\n<"),
    ];
    rules
        .iter()
        .fold(html.to_owned(), |page, (pattern, replacement)| {
            Regex::new(pattern)
                .expect("a valid pattern")
                .replace_all(&page, *replacement)
                .into_owned()
        })
}

async fn snapshot(app: &TestApp, name: &str, path: &str, headers: &[(&str, &str)]) {
    let page = app.get_with(path, headers).await;
    insta::assert_snapshot!(name, format!("{}\n{}", page.status, readable(&page.body)));
}

#[tokio::test]
async fn public_pages_read_as_before() {
    let app = TestApp::sqlite().await;
    snapshot(&app, "start_page_de", "/", &[]).await;
    snapshot(&app, "login_en", "/login", &[("cookie", "kontor_lang=en")]).await;
    snapshot(&app, "signup_de", "/signup", &[]).await;
    snapshot(&app, "not_found_de", "/gibt-es-nicht", &[]).await;
}

#[tokio::test]
async fn signed_in_pages_read_as_before() {
    let app = TestApp::sqlite().await;
    let reseller = app.create_reseller_admin("inhaber@muster-it.example").await;
    let reseller = app.session_cookie(reseller).await;
    snapshot(&app, "customers_de", "/customers", &[("cookie", &reseller)]).await;
    snapshot(&app, "cart_de", "/cart", &[("cookie", &reseller)]).await;
    let staff = app
        .create_admin("chefin@distributor.example", "Fachhandel#2026")
        .await;
    let staff = app.session_cookie(staff).await;
    snapshot(&app, "administration_de", "/admin", &[("cookie", &staff)]).await;
}

#[test]
fn the_reading_keeps_text_and_drops_what_changes_per_response() {
    let html = r#"<p nonce="abc">In Betrieb seit 07.12.2026<!--hk=1--></p><script nonce="x">var a = 1;</script><input type="hidden" name="csrf_token" value="t0k3n"/>"#;
    assert_eq!(
        readable(html),
        "<p nonce=\"[nonce]\">In Betrieb seit [date]</p>\n<input type=\"hidden\" name=\"csrf_token\" value=\"[csrf]\"/>"
    );
}
