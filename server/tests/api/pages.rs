use crate::support::{on_both_backends, TestApp, STYLESHEET};
use app::i18n::{format_date, Locale};
use time::OffsetDateTime;

on_both_backends!(
    the_start_page_speaks_german_by_default,
    |app: TestApp| async move {
        let page = app.get("/").await;
        assert_eq!(page.status, 200);
        page.assert_contains(r#"<html lang="de""#);
        page.assert_contains("Willkommen bei Kontor");
        page.assert_contains("<title>Kontor</title>");
        // The footer's date comes from the database through a server function: the whole stack.
        let today = format_date(OffsetDateTime::now_utc().date(), Locale::De);
        page.assert_contains(&format!("In Betrieb seit {today}"));
    }
);

on_both_backends!(
    the_browser_language_is_honoured,
    |app: TestApp| async move {
        let page = app
            .get_with("/", &[("accept-language", "en-GB,en;q=0.9,de;q=0.5")])
            .await;
        assert_eq!(page.status, 200);
        page.assert_contains(r#"<html lang="en""#);
        page.assert_contains("Welcome to Kontor");
        let today = format_date(OffsetDateTime::now_utc().date(), Locale::En);
        page.assert_contains(&format!("In operation since {today}"));
    }
);

on_both_backends!(
    a_chosen_language_beats_the_browser,
    |app: TestApp| async move {
        let page = app
            .get_with(
                "/",
                &[("accept-language", "en"), ("cookie", "kontor_lang=de")],
            )
            .await;
        page.assert_contains("Willkommen bei Kontor");
    }
);

on_both_backends!(
    an_unknown_path_is_a_translated_404,
    |app: TestApp| async move {
        let page = app.get("/gibt-es-nicht").await;
        assert_eq!(page.status, 404);
        page.assert_contains("Seite nicht gefunden");
        page.assert_contains("Seite nicht gefunden · Kontor");
        // The frame around it works as on every page (its footer reads the database).
        page.assert_contains("In Betrieb seit");
        let page = app
            .get_with("/does/not/exist", &[("cookie", "kontor_lang=en")])
            .await;
        assert_eq!(page.status, 404);
        page.assert_contains("Page not found");
    }
);

on_both_backends!(
    the_server_function_answers_from_the_database,
    |app: TestApp| async move {
        let response = app.post_form("/api/installation", "").await;
        assert_eq!(response.status, 200, "{}", response.body);
        let installed_at: i64 = response.body.parse().expect("a number of seconds");
        let now = OffsetDateTime::now_utc().unix_timestamp();
        assert!(
            (now - 600..=now).contains(&installed_at),
            "{installed_at} vs {now}"
        );
    }
);

#[tokio::test]
async fn the_stylesheet_is_served_as_css_and_revalidated_cheaply() {
    let app = TestApp::sqlite().await;
    let css = app.get("/pkg/kontor.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.body, STYLESHEET);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert_eq!(css.header("cache-control"), Some("no-cache"));
    let stamp = css.header("last-modified").expect("a Last-Modified date");
    let again = app
        .get_with("/pkg/kontor.css", &[("if-modified-since", stamp)])
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
}

#[tokio::test]
async fn a_missing_asset_is_a_plain_404_not_a_page() {
    let app = TestApp::sqlite().await;
    let missing = app.get("/pkg/missing.js").await;
    assert_eq!(missing.status, 404);
    assert!(!missing
        .header("content-type")
        .is_some_and(|ct| ct.starts_with("text/html")));
}
