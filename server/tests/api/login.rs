use crate::support::{on_both_backends, urlencode, TestApp, TestResponse};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use std::net::SocketAddr;

const EMAIL: &str = "chefin@distributor.example";
const PASSWORD: &str = "Fachhandel#2026";

fn form(email: &str, password: &str) -> String {
    format!(
        "email={}&password={}",
        urlencode(email),
        urlencode(password)
    )
}

/// As the hydrated page calls it: a script asking for JSON.
async fn login_as_script(
    app: &TestApp,
    body: &str,
    from: Option<&str>,
    cookie: Option<&str>,
) -> TestResponse {
    let mut request = Request::post("/api/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let mut request = request.body(Body::from(body.to_owned())).unwrap();
    if let Some(address) = from {
        let address: SocketAddr = format!("{address}:40000").parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(address));
    }
    app.send(request).await
}

on_both_backends!(
    the_right_password_starts_a_session,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let response = login_as_script(
            &app,
            &form(" Chefin@Distributor.example ", PASSWORD),
            None,
            None,
        )
        .await;
        assert!(
            response.status.is_success() || response.status.is_redirection(),
            "{} {}",
            response.status,
            response.body
        );
        let set_cookie = response.header("set-cookie").expect("a session cookie");
        for attribute in ["kontor_session=", "HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(
                set_cookie.contains(attribute),
                "{attribute} in {set_cookie}"
            );
        }
        assert!(!set_cookie.contains("Secure"), "plain http: {set_cookie}");

        let cookie = response.cookie("kontor_session").unwrap();
        let page = app.get_with("/", &[("cookie", &cookie)]).await;
        page.assert_contains(EMAIL);
        page.assert_contains("Abmelden");
        let anonymous = app.get("/").await;
        anonymous.assert_contains("Anmelden");
        assert!(!anonymous.body.contains(EMAIL));
    }
);

on_both_backends!(
    wrong_password_and_unknown_email_look_the_same,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let wrong_password = login_as_script(&app, &form(EMAIL, "Winter2026!"), None, None).await;
        let unknown_email = login_as_script(
            &app,
            &form("niemand@distributor.example", PASSWORD),
            None,
            None,
        )
        .await;
        assert_eq!(wrong_password.status, 401);
        assert_eq!(unknown_email.status, 401);
        assert_eq!(wrong_password.body, unknown_email.body);
        assert!(wrong_password.header("set-cookie").is_none());
    }
);

on_both_backends!(
    malformed_input_is_a_field_error,
    |app: TestApp| async move {
        let response = login_as_script(&app, &form("not-an-email", PASSWORD), None, None).await;
        assert_eq!(response.status, 422);
        assert!(response.body.contains("InvalidEmail"), "{}", response.body);
        let response = login_as_script(&app, &form(EMAIL, ""), None, None).await;
        assert_eq!(response.status, 422);
        assert!(
            response.body.contains("MissingPassword"),
            "{}",
            response.body
        );
        let response = login_as_script(&app, "email=only", None, None).await;
        assert!(response.status.is_client_error() || response.status.is_server_error());
        assert!(!response.status.is_success());
    }
);

on_both_backends!(
    repeated_failures_are_throttled_but_not_for_the_owner,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let attacker = Some("198.51.100.7");
        for _ in 0..5 {
            let response = login_as_script(&app, &form(EMAIL, "Falsch123!"), attacker, None).await;
            assert_eq!(response.status, 401);
        }
        let blocked = login_as_script(&app, &form(EMAIL, PASSWORD), attacker, None).await;
        assert_eq!(blocked.status, 429, "{}", blocked.body);
        let retry_after: u64 = blocked.header("retry-after").unwrap().parse().unwrap();
        assert!((60..=900).contains(&retry_after), "{retry_after}");
        assert!(
            blocked.header("set-cookie").is_none(),
            "even the right password waits"
        );

        // The owner, from their own address, is not locked out.
        let owner = login_as_script(&app, &form(EMAIL, PASSWORD), Some("192.0.2.1"), None).await;
        assert!(
            owner.cookie("kontor_session").is_some(),
            "{} {}",
            owner.status,
            owner.body
        );
    }
);

on_both_backends!(
    parallel_guesses_get_no_more_tries_than_one_after_the_other,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        // Twelve wrong passwords at once: each waits for its hash, none is answered yet when
        // the others are checked. Only five may reach a password check.
        let guess = form(EMAIL, "Falsch123!");
        let guesses = (0..12).map(|_| login_as_script(&app, &guess, Some("198.51.100.7"), None));
        let answers = futures_util::future::join_all(guesses).await;
        let checked = answers.iter().filter(|a| a.status == 401).count();
        let throttled = answers.iter().filter(|a| a.status == 429).count();
        assert_eq!((checked, throttled), (5, 7));
    }
);

on_both_backends!(
    an_ipv6_client_cannot_escape_the_throttle_by_hopping_through_its_slash_64,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        for host in 1..=5 {
            let from = format!("[2001:db8:1:2::{host}]");
            let response =
                login_as_script(&app, &form(EMAIL, "Falsch123!"), Some(&from), None).await;
            assert_eq!(response.status, 401);
        }
        let hop = login_as_script(
            &app,
            &form(EMAIL, PASSWORD),
            Some("[2001:db8:1:2::99]"),
            None,
        )
        .await;
        assert_eq!(hop.status, 429, "{}", hop.body);
    }
);

on_both_backends!(
    logging_in_replaces_the_browsers_old_session,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let first = login_as_script(&app, &form(EMAIL, PASSWORD), None, None).await;
        let old = first.cookie("kontor_session").unwrap();
        let second = login_as_script(&app, &form(EMAIL, PASSWORD), None, Some(&old)).await;
        let new = second.cookie("kontor_session").unwrap();
        assert_ne!(old, new);
        assert!(!app
            .get_with("/", &[("cookie", &old)])
            .await
            .body
            .contains(EMAIL));
        assert!(app
            .get_with("/", &[("cookie", &new)])
            .await
            .body
            .contains(EMAIL));
    }
);

on_both_backends!(
    logout_ends_the_session_on_the_server,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let login = login_as_script(&app, &form(EMAIL, PASSWORD), None, None).await;
        let cookie = login.cookie("kontor_session").unwrap();
        let logout = app
            .post_form_with(
                "/api/logout",
                "",
                &[("cookie", &cookie), ("sec-fetch-site", "same-origin")],
            )
            .await;
        let cleared = logout.header("set-cookie").expect("the cookie is cleared");
        assert!(
            cleared.starts_with("kontor_session=;") && cleared.contains("Max-Age=0"),
            "{cleared}"
        );
        // Replaying the old cookie gets nowhere: the session is gone, not just the cookie.
        assert!(!app
            .get_with("/", &[("cookie", &cookie)])
            .await
            .body
            .contains(EMAIL));
    }
);

on_both_backends!(
    without_javascript_errors_come_back_to_the_form,
    |app: TestApp| async move {
        app.create_admin(EMAIL, PASSWORD).await;
        let response = app
            .post_form_with(
                "/api/login",
                form(EMAIL, "Falsch123!"),
                &[
                    ("accept", "text/html"),
                    ("referer", "http://kontor.test/login"),
                    ("sec-fetch-site", "same-origin"),
                ],
            )
            .await;
        assert_eq!(response.status, 302);
        let back = response.header("location").unwrap().to_owned();
        assert!(back.starts_with("http://kontor.test/login?"), "{back}");
        let path = back.trim_start_matches("http://kontor.test");
        let kept = response.cookie("kontor_form").expect("the address is kept");
        let page = app.get_with(path, &[("cookie", &kept)]).await;
        page.assert_contains("E-Mail-Adresse oder Kennwort ist nicht richtig.");
        page.assert_contains(&format!(r#"value="{EMAIL}""#));
        assert!(!page.body.contains("Falsch123!"));

        let response = app
            .post_form_with(
                "/api/login",
                form(EMAIL, PASSWORD),
                &[
                    ("accept", "text/html"),
                    ("referer", "http://kontor.test/login"),
                    ("sec-fetch-site", "same-origin"),
                ],
            )
            .await;
        assert_eq!(response.status, 302);
        assert_eq!(response.header("location"), Some("/"));
        assert!(response.cookie("kontor_session").is_some());
    }
);

#[tokio::test]
async fn behind_https_the_session_cookie_is_secure() {
    let app = TestApp::sqlite_behind_https().await;
    app.create_admin(EMAIL, PASSWORD).await;
    let response = login_as_script(&app, &form(EMAIL, PASSWORD), None, None).await;
    assert!(response.header("set-cookie").unwrap().contains("; Secure"));
}
