use crate::support::{as_script, form_body, link_token, on_both_backends, TestApp};

const EMAIL: &str = "chefin@distributor.example";
const OLD: &str = "Fachhandel#2026";
const NEW: &str = "Neues Kennwort 9!";

async fn request_link(app: &TestApp, email: &str) -> crate::support::TestResponse {
    app.post_form_with(
        "/api/mail/request-link",
        form_body(&[("kind", "PasswordReset"), ("email", email)]),
        &as_script(None),
    )
    .await
}

async fn login(app: &TestApp, password: &str) -> crate::support::TestResponse {
    let body = form_body(&[("email", EMAIL), ("password", password)]);
    app.post_form_with("/api/login", body, &as_script(None))
        .await
}

on_both_backends!(
    a_reset_sets_the_new_password_and_ends_every_session,
    |app: TestApp| async move {
        let user = app.create_admin(EMAIL, OLD).await;
        let laptop = app.session_cookie(user).await;
        let phone = app.session_cookie(user).await;

        let asked = request_link(&app, EMAIL).await;
        assert_eq!(asked.header("location"), Some("/password/forgot/done"));
        let (to, subject, body) = app.outbox().await.pop().expect("a mail");
        assert_eq!(
            (to.as_str(), subject.as_str()),
            (EMAIL, "Kennwort zurücksetzen")
        );
        let token = link_token(&body, "/password/reset/");

        // The landing page asks for the password; opening it changes nothing.
        let page = app.get(&format!("/password/reset/{token}")).await;
        page.assert_contains("Neues Kennwort festlegen");

        let weak = app
            .post_form_with(
                "/api/password/reset",
                form_body(&[
                    ("token", &token),
                    ("password", "kurz"),
                    ("password_confirmation", "kurz"),
                ]),
                &as_script(None),
            )
            .await;
        assert_eq!(weak.status, 422);
        assert!(weak.body.contains("WeakPassword"), "{}", weak.body);

        let done = app
            .post_form_with(
                "/api/password/reset",
                form_body(&[
                    ("token", &token),
                    ("password", NEW),
                    ("password_confirmation", NEW),
                ]),
                &as_script(Some(&laptop)),
            )
            .await;
        assert_eq!(
            done.header("location"),
            Some("/password/reset/done"),
            "{}",
            done.body
        );
        for cookie in [&laptop, &phone] {
            let page = app.get_with("/", &[("cookie", cookie)]).await;
            assert!(!page.body.contains(EMAIL), "the session has ended");
        }
        let (sessions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(sessions, 0);

        assert_eq!(login(&app, OLD).await.status, 401);
        assert!(login(&app, NEW).await.cookie("kontor_session").is_some());

        // The link worked once.
        let again = app
            .post_form_with(
                "/api/password/reset",
                form_body(&[
                    ("token", &token),
                    ("password", OLD),
                    ("password_confirmation", OLD),
                ]),
                &as_script(None),
            )
            .await;
        assert!(again.body.contains("Used"), "{}", again.body);
    }
);

on_both_backends!(
    asking_for_an_unknown_address_looks_the_same_and_sends_nothing,
    |app: TestApp| async move {
        app.create_admin(EMAIL, OLD).await;
        let known = request_link(&app, EMAIL).await;
        let unknown = request_link(&app, "niemand@nirgends.example").await;
        assert_eq!(known.status, unknown.status);
        assert_eq!(known.body, unknown.body);
        assert_eq!(app.outbox().await.len(), 1);
    }
);

#[tokio::test]
async fn reset_mails_are_rate_limited_per_recipient() {
    let app = TestApp::sqlite().await;
    app.create_admin(EMAIL, OLD).await;
    for _ in 0..3 {
        assert!(request_link(&app, EMAIL).await.status.is_success());
    }
    let refused = request_link(&app, EMAIL).await;
    assert_eq!(refused.status, 429);
    assert_eq!(app.outbox().await.len(), 3);
}

async fn reset(
    app: &TestApp,
    token: &str,
    link: &str,
    password: &str,
) -> crate::support::TestResponse {
    app.post_form_with(
        "/api/password/reset",
        form_body(&[
            ("token", token),
            ("link", link),
            ("password", password),
            ("password_confirmation", password),
        ]),
        &as_script(None),
    )
    .await
}

on_both_backends!(
    a_link_that_does_not_work_is_refused_before_anything_else,
    |app: TestApp| async move {
        // Even a weak password hears about the link first: nothing was hashed for it.
        let unknown = reset(
            &app,
            "k3nnt-n1emand-k3nnt-n1emand-k3nnt-n1",
            "Reset",
            "kurz",
        )
        .await;
        assert_eq!(unknown.status, 404, "{}", unknown.body);
        unknown.assert_contains("Unknown");
    }
);

#[tokio::test]
async fn attempts_at_the_new_password_form_are_throttled() {
    let app = TestApp::sqlite().await;
    for attempt in 0..20 {
        let refused = reset(
            &app,
            &format!("geraten-{attempt:02}-xxxxxxxxxxxxxxxxxxxxxxx"),
            "Reset",
            NEW,
        )
        .await;
        assert_eq!(refused.status, 404, "{attempt}: {}", refused.body);
    }
    let throttled = reset(&app, "geraten-20-xxxxxxxxxxxxxxxxxxxxxxx", "Reset", NEW).await;
    assert_eq!(throttled.status, 429, "{}", throttled.body);
    assert!(throttled.header("retry-after").is_some());
}

on_both_backends!(
    a_password_chosen_by_reset_ends_an_open_invitation,
    |app: TestApp| async move {
        let admin = app.create_admin(EMAIL, OLD).await;
        let cookie = app.session_cookie(admin).await;
        let invited = crate::tenants::call(
            &app,
            &cookie,
            "/api/admin/invite-admin",
            &[
                ("form[email]", "kollege@distributor.example"),
                ("form[locale]", "de"),
            ],
        )
        .await;
        assert_eq!(invited.status, 200, "{}", invited.body);
        let invitation = link_token(&app.outbox().await[0].2, "/invitation/");

        // The colleague uses "forgot password" instead of the invitation.
        assert!(request_link(&app, "kollege@distributor.example")
            .await
            .status
            .is_success());
        let (_, _, body) = app.outbox().await.pop().unwrap();
        let reset_token = link_token(&body, "/password/reset/");
        assert_eq!(reset(&app, &reset_token, "Reset", NEW).await.status, 200);

        // The invitation no longer sets a password.
        let late = reset(&app, &invitation, "Invitation", "Ein anderes 9!").await;
        assert_eq!(late.status, 410, "{}", late.body);
        late.assert_contains("Superseded");
    }
);
