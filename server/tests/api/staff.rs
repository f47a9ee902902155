//! The distributor's own accounts: an admin invites a colleague by mail (a link to choose a
//! password), and deactivates one, which ends their sessions.

use crate::support::{as_script, form_body, link_token, on_both_backends, TestApp};
use crate::tenants::{call, count};

async fn log_in(app: &TestApp, email: &str, password: &str) -> u16 {
    app.post_form_with(
        "/api/login",
        form_body(&[("email", email), ("password", password)]),
        &as_script(None),
    )
    .await
    .status
    .as_u16()
}

async fn invite(
    app: &TestApp,
    cookie: &str,
    email: &str,
    locale: &str,
) -> crate::support::TestResponse {
    call(
        app,
        cookie,
        "/api/admin/invite-admin",
        &[("form[email]", email), ("form[locale]", locale)],
    )
    .await
}

on_both_backends!(
    an_invited_admin_chooses_a_password_through_the_mailed_link,
    |app: TestApp| async move {
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let cookie = app.session_cookie(admin).await;

        let invited = invite(&app, &cookie, "Kollege@Distributor.example", "en").await;
        assert_eq!(invited.status, 200, "{}", invited.body);
        let again = invite(&app, &cookie, "kollege@distributor.example", "de").await;
        assert_eq!(again.status, 422);
        again.assert_contains("EmailInUse");
        let wrong = invite(&app, &cookie, "kein-Name", "fr").await;
        assert_eq!(wrong.status, 422);
        wrong.assert_contains("InvalidEmail");
        wrong.assert_contains("UnknownChoice");

        let mails = app.outbox().await;
        assert_eq!(
            mails.len(),
            1,
            "one invitation, nothing for the refused ones"
        );
        let (to, subject, body) = &mails[0];
        assert_eq!(to, "kollege@distributor.example");
        assert_eq!(subject, "Invitation to the Kontor administration");
        assert!(
            body.contains("chefin@distributor.example invites you"),
            "{body}"
        );
        let token = link_token(body, "/invitation/");
        // Until the link is used, no password opens the account.
        assert_eq!(
            log_in(&app, "kollege@distributor.example", "Fachhandel#2026").await,
            401
        );

        // The invitation is no reset link, and the reset page's default is the reset.
        let as_reset = app
            .post_form_with(
                "/api/password/check",
                form_body(&[("token", &token)]),
                &as_script(None),
            )
            .await;
        assert_ne!(as_reset.status, 200, "{}", as_reset.body);
        let checked = app
            .post_form_with(
                "/api/password/check",
                form_body(&[("token", &token), ("link", "Invitation")]),
                &as_script(None),
            )
            .await;
        assert_eq!(checked.status, 200, "{}", checked.body);
        let chosen = app
            .post_form_with(
                "/api/password/reset",
                form_body(&[
                    ("token", &token),
                    ("link", "Invitation"),
                    ("password", "Neues Kennwort 7!"),
                    ("password_confirmation", "Neues Kennwort 7!"),
                ]),
                &as_script(None),
            )
            .await;
        assert_eq!(chosen.status, 200, "{}", chosen.body);
        assert_eq!(
            log_in(&app, "kollege@distributor.example", "Neues Kennwort 7!").await,
            200
        );
        let still_invited = "SELECT COUNT(*) FROM users WHERE invited_at IS NOT NULL";
        assert_eq!(count(&app, still_invited).await, 0);
        let reused = app
            .post_form_with(
                "/api/password/reset",
                form_body(&[
                    ("token", &token),
                    ("link", "Invitation"),
                    ("password", "Noch ein Kennwort 8!"),
                    ("password_confirmation", "Noch ein Kennwort 8!"),
                ]),
                &as_script(None),
            )
            .await;
        assert_ne!(reused.status, 200, "the link works once");

        let staff = call(&app, &cookie, "/api/admin/staff", &[]).await;
        staff.assert_contains("kollege@distributor.example");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'admin_invited'"
            )
            .await,
            1
        );
    }
);

on_both_backends!(
    a_deactivated_admin_is_logged_out_at_once_and_nobody_deactivates_themselves,
    |app: TestApp| async move {
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let cookie = app.session_cookie(admin).await;
        let colleague = app
            .create_admin("kollege@distributor.example", "Fachhandel#2026")
            .await;
        let colleague_cookie = app.session_cookie(colleague).await;
        let reseller = app.create_reseller_admin("chef@muster-it.example").await;

        let own = call(
            &app,
            &cookie,
            "/api/admin/deactivate-admin",
            &[("user_id", &admin.to_string())],
        )
        .await;
        assert_eq!(own.status, 409, "{}", own.body);
        own.assert_contains("OwnAccount");
        // Reseller users are not the distributor's staff.
        let not_staff = call(
            &app,
            &cookie,
            "/api/admin/deactivate-admin",
            &[("user_id", &reseller.to_string())],
        )
        .await;
        assert_eq!(not_staff.status, 404, "{}", not_staff.body);

        let done = call(
            &app,
            &cookie,
            "/api/admin/deactivate-admin",
            &[("user_id", &colleague.to_string())],
        )
        .await;
        assert_eq!(done.status, 200, "{}", done.body);
        let viewer = app
            .post_form_with("/api/viewer", "", &as_script(Some(&colleague_cookie)))
            .await;
        assert!(
            !viewer.body.contains("kollege@distributor.example"),
            "{}",
            viewer.body
        );
        assert_eq!(
            log_in(&app, "kollege@distributor.example", "Fachhandel#2026").await,
            401
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM users WHERE deactivated_at IS NOT NULL"
            )
            .await,
            1
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'admin_deactivated'"
            )
            .await,
            1
        );
    }
);
