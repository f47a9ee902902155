//! Refused forms (JavaScript off) are kept in the database for whichever process shows the
//! form again, sealed, and what strangers post cannot fill it.

use crate::customers::{body, customer_form};
use crate::signup::signup_form;
use crate::support::{on_both_backends, TestApp, TestResponse};
use app::platform::form_memory::{MAX_FORM_BYTES, MAX_TOTAL_BYTES};

/// A plain form post from the browser, as without JavaScript.
async fn plain_post(app: &TestApp, path: &str, body: String, cookie: Option<&str>) -> TestResponse {
    let mut headers = vec![("accept", "text/html"), ("sec-fetch-site", "same-origin")];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    app.post_form_with(path, body, &headers).await
}

on_both_backends!(
    a_form_refused_for_want_of_a_login_is_not_kept,
    |app: TestApp| async move {
        let fields = customer_form("Bäckerei Müller GmbH", &[("form[postal_code]", "8033")]);
        let refused = plain_post(&app, "/api/customers/save", body(&fields), None).await;
        assert!(refused.cookie("kontor_form").is_none(), "{}", refused.body);
        // A reseller's own refused form still comes back (the kept path works).
        let user = app.create_reseller_admin("chef@muster-it.example").await;
        let cookie = app.session_cookie(user).await;
        let own = plain_post(&app, "/api/customers/save", body(&fields), Some(&cookie)).await;
        assert!(own.cookie("kontor_form").is_some());
    }
);

#[tokio::test]
async fn a_form_larger_than_anyone_types_is_not_kept() {
    let app = TestApp::sqlite().await;
    let huge = "x".repeat(MAX_FORM_BYTES + 1);
    let refused = plain_post(
        &app,
        "/api/signup",
        signup_form(&[("form[company_name]", &huge)]),
        None,
    )
    .await;
    assert!(refused.status.is_redirection(), "{}", refused.status);
    assert!(refused.cookie("kontor_form").is_none());
    // The login keeps only what can be an address.
    let login = plain_post(
        &app,
        "/api/login",
        crate::support::form_body(&[("email", &huge), ("password", "x")]),
        None,
    )
    .await;
    assert!(login.cookie("kontor_form").is_none());
}

#[tokio::test]
async fn kept_forms_together_stay_within_their_bound() {
    let app = TestApp::sqlite().await;
    // Refused signups (a name too long) of just under the size of one kept form each.
    let big = "x".repeat(MAX_FORM_BYTES - 2_000);
    let fits = MAX_TOTAL_BYTES / MAX_FORM_BYTES;
    let posted = fits + fits / 4;
    let mut kept = 0;
    for _ in 0..posted {
        let refused = plain_post(
            &app,
            "/api/signup",
            signup_form(&[("form[company_name]", &big)]),
            None,
        )
        .await;
        assert!(refused.status.is_redirection(), "{}", refused.status);
        kept += usize::from(refused.cookie("kontor_form").is_some());
    }
    // Stored sealed (a nonce, a tag, base64): a third more than typed.
    assert!(kept >= fits * 2 / 3, "{kept} of {fits} kept");
    assert!(kept < posted, "the kept forms stopped at their bound");
}

on_both_backends!(
    a_refused_form_comes_back_from_another_process_and_is_stored_sealed,
    |app: TestApp| async move {
        let refused = plain_post(
            &app,
            "/api/signup",
            signup_form(&[("form[company_name]", ""), ("form[city]", "Großenhain")]),
            None,
        )
        .await;
        let cookie = refused.cookie("kontor_form").expect("kept");
        let stored: Vec<String> = sqlx::query_scalar("SELECT sealed FROM refused_forms")
            .fetch_all(app.db().pool())
            .await
            .unwrap();
        assert_eq!(stored.len(), 1);
        assert!(
            !stored[0].contains("Gro"),
            "sealed, not readable: {}",
            stored[0]
        );
        // The page a second process serves: it reads the same database.
        let second = app.another_process().await;
        let page = second.get_with("/signup", &[("cookie", &cookie)]).await;
        page.assert_contains("Großenhain");
    }
);
