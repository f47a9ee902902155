use crate::support::{as_script, form_body, link_token, on_both_backends, TestApp, TestResponse};

const EMAIL: &str = "anna.berger@berger-it.example";
const PASSWORD: &str = "Kanzlei-Netz 7ä!";

/// A complete signup of a Berlin reseller; `changes` replace or add fields.
pub fn signup_form(changes: &[(&str, &str)]) -> String {
    let mut fields: Vec<(&str, &str)> = vec![
        ("form[email]", EMAIL),
        ("form[password]", PASSWORD),
        ("form[password_confirmation]", PASSWORD),
        ("form[salutation]", "ms"),
        ("form[first_name]", "Anna"),
        ("form[last_name]", "Berger"),
        ("form[phone]", "+49 30 1234567"),
        ("form[company_name]", "Berger IT GmbH"),
        ("form[street]", "Hauptstraße 1"),
        ("form[postal_code]", "10115"),
        ("form[city]", "Berlin"),
        ("form[country]", "DE"),
        ("form[federal_state]", "BE"),
        ("form[customer_number]", ""),
        ("form[account_holder]", "Berger IT GmbH"),
        ("form[iban]", "DE89 3704 0044 0532 0130 00"),
        ("form[bic]", ""),
        ("form[partner_id]", "1234567"),
        ("form[accept_terms]", "on"),
        ("form[accept_privacy]", "on"),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    form_body(&fields)
}

async fn sign_up(app: &TestApp, changes: &[(&str, &str)]) -> TestResponse {
    app.post_form_with("/api/signup", signup_form(changes), &as_script(None))
        .await
}

async fn login(app: &TestApp, email: &str, password: &str) -> TestResponse {
    app.post_form_with(
        "/api/login",
        form_body(&[("email", email), ("password", password)]),
        &as_script(None),
    )
    .await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    n
}

async fn reseller_status(app: &TestApp, email: &str) -> String {
    let (status,): (String,) = sqlx::query_as(
        "SELECT r.status FROM resellers r JOIN users u ON u.reseller_id = r.id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_one(app.db().pool())
    .await
    .unwrap();
    status
}

/// The token in the newest mail to `email` linking to `path_prefix`.
async fn token_mailed_to(app: &TestApp, email: &str, path_prefix: &str) -> String {
    let mails = app.outbox().await;
    let (_, _, body) = mails
        .iter()
        .rev()
        .find(|(to, _, _)| to == email)
        .expect("a mail to the address");
    link_token(body, path_prefix)
}

async fn confirm(app: &TestApp, token: &str) -> TestResponse {
    app.post_form_with(
        "/api/signup/confirm",
        form_body(&[("token", token)]),
        &as_script(None),
    )
    .await
}

on_both_backends!(
    a_signup_without_customer_number_is_confirmed_then_approved,
    |app: TestApp| async move {
        let response = sign_up(&app, &[]).await;
        assert!(
            response.status.is_success(),
            "{} {}",
            response.status,
            response.body
        );
        assert_eq!(response.header("location"), Some("/signup/sent"));
        assert_eq!(reseller_status(&app, EMAIL).await, "unconfirmed");

        // The right password, but the address is not confirmed: the answer says so.
        let refused = login(&app, EMAIL, PASSWORD).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("Unconfirmed"));

        let mails = app.outbox().await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].0, EMAIL);
        assert_eq!(mails[0].1, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;

        // Opening the link (as a mail scanner would) shows a button and uses nothing up.
        let landing = app.get(&format!("/signup/confirm/{token}")).await;
        assert_eq!(landing.status, 200);
        landing.assert_contains("Jetzt bestätigen");
        assert_eq!(reseller_status(&app, EMAIL).await, "unconfirmed");

        let confirmed = confirm(&app, &token).await;
        assert_eq!(confirmed.header("location"), Some("/signup/waiting"));
        assert_eq!(reseller_status(&app, EMAIL).await, "awaiting_approval");
        let waiting = login(&app, EMAIL, PASSWORD).await;
        assert!(
            waiting.body.contains("AwaitingApproval"),
            "{}",
            waiting.body
        );

        // The distributor approves; the reseller is told and may log in.
        let admin = app
            .create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let admin_cookie = app.session_cookie(admin).await;
        let list = app
            .post_form_with(
                "/api/admin/pending-resellers",
                "",
                &as_script(Some(&admin_cookie)),
            )
            .await;
        assert!(list.body.contains("Berger IT GmbH"), "{}", list.body);
        let json: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        let id = json[0]["id"].as_i64().unwrap();
        let decided = app
            .post_form_with(
                "/api/admin/decide-reseller",
                format!("reseller_id={id}&approve=true"),
                &as_script(Some(&admin_cookie)),
            )
            .await;
        assert_eq!(decided.status, 200, "{}", decided.body);
        assert_eq!(reseller_status(&app, EMAIL).await, "active");
        let last = app.outbox().await.pop().unwrap();
        assert_eq!(
            (last.0.as_str(), last.1.as_str()),
            (EMAIL, "Ihr Konto ist freigeschaltet")
        );
        let welcome = login(&app, EMAIL, PASSWORD).await;
        assert!(
            welcome.cookie("kontor_session").is_some(),
            "{}",
            welcome.body
        );

        // Deciding again changes nothing and mails no one.
        let mails_before = app.outbox().await.len();
        app.post_form_with(
            "/api/admin/decide-reseller",
            format!("reseller_id={id}&approve=false"),
            &as_script(Some(&admin_cookie)),
        )
        .await;
        assert_eq!(reseller_status(&app, EMAIL).await, "active");
        assert_eq!(app.outbox().await.len(), mails_before);
    }
);

on_both_backends!(
    a_matching_customer_number_makes_the_account_active_on_confirmation,
    |app: TestApp| async move {
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        app.create_admin("chefin@distributor.example", "Fachhandel#2026")
            .await;
        let contact =
            "UPDATE customer_registry SET contact_email = 'buchhaltung@berger-it.example'";
        sqlx::query(contact).execute(app.db().pool()).await.unwrap();
        // Bank fields sent anyway (a browser without JavaScript) are ignored.
        let response = sign_up(
            &app,
            &[
                ("form[customer_number]", "100001"),
                ("form[iban]", "kaputt"),
            ],
        )
        .await;
        assert!(response.status.is_success(), "{}", response.body);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM resellers WHERE iban IS NULL AND customer_number = '100001'"
            )
            .await,
            1
        );
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;
        let confirmed = confirm(&app, &token).await;
        assert_eq!(confirmed.header("location"), Some("/signup/confirmed"));
        assert_eq!(reseller_status(&app, EMAIL).await, "active");
        // Nobody at the distributor looked at it: its staff hear of it, and so does the
        // contact the registry lists for the number.
        let mails = app.outbox().await;
        let to = |address: &str| mails.iter().find(|(to, _, _)| to == address).cloned();
        let (_, subject, body) = to("chefin@distributor.example").expect("a mail to staff");
        assert_eq!(
            subject,
            "Neues Händlerkonto über Kundennummer: Berger IT GmbH"
        );
        assert!(body.contains("100001") && body.contains(EMAIL), "{body}");
        let (_, subject, body) = to("buchhaltung@berger-it.example").expect("to the contact");
        assert_eq!(subject, "Neues Händlerkonto unter Ihrer Kundennummer");
        assert!(body.contains("Waren Sie das nicht"), "{body}");
        assert!(login(&app, EMAIL, PASSWORD)
            .await
            .cookie("kontor_session")
            .is_some());
    }
);

on_both_backends!(
    a_customer_number_must_exist_fit_the_postal_code_and_be_free,
    |app: TestApp| async move {
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        let unknown = sign_up(&app, &[("form[customer_number]", "999999")]).await;
        assert_eq!(unknown.status, 422);
        unknown.assert_contains("CustomerNumberNotConfirmed");

        let mismatch = sign_up(
            &app,
            &[
                ("form[customer_number]", "100001"),
                ("form[postal_code]", "10117"),
            ],
        )
        .await;

        let first = sign_up(&app, &[("form[customer_number]", "100001")]).await;
        assert!(first.status.is_success(), "{}", first.body);
        let taken = sign_up(
            &app,
            &[
                ("form[customer_number]", "100001"),
                ("form[email]", "zweite@andere-it.example"),
            ],
        )
        .await;
        // One answer for an unknown number, another postal code and a number in use: the
        // form tells a stranger nothing about the registry.
        for refused in [&mismatch, &taken] {
            assert_eq!(refused.status, unknown.status);
            assert_eq!(refused.body, unknown.body);
        }
        // Nothing half-written: one company, one user, one mail.
        assert_eq!(count(&app, "SELECT COUNT(*) FROM resellers").await, 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM users").await, 1);
        assert_eq!(app.outbox().await.len(), 1);
    }
);

on_both_backends!(
    signing_up_again_with_a_known_address_looks_the_same_and_mails_the_owner,
    |app: TestApp| async move {
        let first = sign_up(&app, &[]).await;
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;
        confirm(&app, &token).await;
        let again = sign_up(&app, &[("form[company_name]", "Fremde GmbH")]).await;
        assert_eq!(again.status, first.status);
        assert_eq!(again.body, first.body);
        assert_eq!(again.header("location"), first.header("location"));
        assert_eq!(count(&app, "SELECT COUNT(*) FROM users").await, 1);
        let last = app.outbox().await.pop().unwrap();
        assert_eq!(
            (last.0.as_str(), last.1.as_str()),
            (EMAIL, "Sie haben bereits ein Konto")
        );
    }
);

on_both_backends!(
    a_confirmation_link_works_once_and_not_after_48_hours,
    |app: TestApp| async move {
        sign_up(&app, &[]).await;
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;
        assert!(confirm(&app, &token).await.status.is_success());
        let again = confirm(&app, &token).await;
        assert!(again.body.contains("Used"), "{}", again.body);
        let landing = app.get(&format!("/signup/confirm/{token}")).await;
        landing.assert_contains("bereits benutzt");

        sign_up(&app, &[("form[email]", "spaet@berger-it.example")]).await;
        let late = token_mailed_to(&app, "spaet@berger-it.example", "/signup/confirm/").await;
        sqlx::query("UPDATE email_tokens SET expires_at = created_at + 48 * 3600 - 7 * 24 * 3600")
            .execute(app.db().pool())
            .await
            .unwrap();
        let landing = app.get(&format!("/signup/confirm/{late}")).await;
        landing.assert_contains("abgelaufen");
        landing.assert_contains(r#"href="/signup/resend""#);
        assert!(confirm(&app, &late).await.body.contains("Expired"));
        assert_eq!(
            reseller_status(&app, "spaet@berger-it.example").await,
            "unconfirmed"
        );

        // A new mail brings a new link; only it works.
        let resent = app
            .post_form_with(
                "/api/mail/request-link",
                form_body(&[
                    ("kind", "Confirmation"),
                    ("email", "spaet@berger-it.example"),
                ]),
                &as_script(None),
            )
            .await;
        assert_eq!(resent.header("location"), Some("/signup/resend/done"));
        let fresh = token_mailed_to(&app, "spaet@berger-it.example", "/signup/confirm/").await;
        assert_ne!(fresh, late);
        assert!(confirm(&app, &fresh).await.status.is_success());
    }
);

on_both_backends!(
    bad_input_is_a_field_error_and_writes_nothing,
    |app: TestApp| async move {
        let long = "x".repeat(5000);
        let response = sign_up(
            &app,
            &[
                ("form[city]", "Berlin\r\nBcc: spam@example.com"),
                ("form[company_name]", &long),
                ("form[federal_state]", "Bavaria"),
                ("form[iban]", "DE89 3704 0044 0532 0130 01"),
                ("form[password_confirmation]", "anders"),
                ("form[accept_terms]", ""),
            ],
        )
        .await;
        assert_eq!(response.status, 422, "{}", response.body);
        for error in [
            "ControlCharacters",
            "TooLong",
            "UnknownChoice",
            "Checksum",
            "PasswordMismatch",
        ] {
            assert!(
                response.body.contains(error),
                "{error} in {}",
                response.body
            );
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM resellers").await, 0);
        assert!(app.outbox().await.is_empty());
    }
);

on_both_backends!(
    without_javascript_a_refused_form_comes_back_filled_in_but_without_passwords,
    |app: TestApp| async move {
        let response = app
            .post_form_with(
                "/api/signup",
                signup_form(&[
                    ("form[iban]", "DE00 1234"),
                    ("form[company_name]", "Müller & Söhne <GmbH>"),
                ]),
                &[
                    ("accept", "text/html"),
                    ("referer", "http://kontor.test/signup"),
                    ("sec-fetch-site", "same-origin"),
                ],
            )
            .await;
        assert_eq!(response.status, 302);
        let back = response.header("location").unwrap();
        let path = back.trim_start_matches("http://kontor.test").to_owned();
        let memory = response.cookie("kontor_form").expect("the form is kept");
        let page = app.get_with(&path, &[("cookie", &memory)]).await;
        page.assert_contains("Müller &amp; Söhne &lt;GmbH&gt;");
        page.assert_contains("Die Prüfziffern stimmen nicht");
        assert!(
            !page.body.contains(PASSWORD),
            "passwords are never written back"
        );
        // Another browser sees an empty form.
        let other = app.get("/signup").await;
        assert!(!other.body.contains("Müller"));
    }
);

on_both_backends!(
    a_new_signup_for_an_unconfirmed_address_replaces_the_first,
    |app: TestApp| async move {
        // Someone signs up with the address first (and cannot confirm it).
        let squatter = sign_up(
            &app,
            &[
                ("form[company_name]", "Falsche Firma GmbH"),
                ("form[password]", "Fremdes Kennwort 1!"),
                ("form[password_confirmation]", "Fremdes Kennwort 1!"),
            ],
        )
        .await;
        assert!(squatter.status.is_success(), "{}", squatter.body);
        // The address's owner signs up: their data and password, not the first ones.
        assert!(sign_up(&app, &[]).await.status.is_success());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM resellers").await, 1);
        let (company,): (String,) = sqlx::query_as("SELECT company_name FROM resellers")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(company, "Berger IT GmbH");
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;
        assert!(confirm(&app, &token).await.header("location").is_some());
        let approved = "UPDATE resellers SET status = 'active'";
        sqlx::query(approved)
            .execute(app.db().pool())
            .await
            .unwrap();
        assert_eq!(login(&app, EMAIL, "Fremdes Kennwort 1!").await.status, 401);
        assert!(login(&app, EMAIL, PASSWORD)
            .await
            .cookie("kontor_session")
            .is_some());
    }
);

on_both_backends!(
    a_signup_left_unconfirmed_for_two_days_frees_its_customer_number,
    |app: TestApp| async move {
        app.register_customer_number("100001", "Berger IT GmbH", "10115")
            .await;
        let squatter = sign_up(
            &app,
            &[
                ("form[customer_number]", "100001"),
                ("form[email]", "besetzer@fremd.example"),
            ],
        )
        .await;
        assert!(squatter.status.is_success(), "{}", squatter.body);
        let refused = sign_up(&app, &[("form[customer_number]", "100001")]).await;
        assert_eq!(
            refused.status, 422,
            "in use while the first may still confirm"
        );
        let two_days_ago = app::platform::unix_now() - 48 * 60 * 60 - 1;
        sqlx::query("UPDATE resellers SET created_at = $1")
            .bind(two_days_ago)
            .execute(app.db().pool())
            .await
            .unwrap();
        let owner = sign_up(&app, &[("form[customer_number]", "100001")]).await;
        assert!(owner.status.is_success(), "{}", owner.body);
        let left = "SELECT COUNT(*) FROM users WHERE email = 'besetzer@fremd.example'";
        assert_eq!(count(&app, left).await, 0);
    }
);

#[tokio::test]
async fn signup_mails_to_one_address_are_limited() {
    let app = TestApp::sqlite().await;
    for attempt in 0..3 {
        let response = sign_up(&app, &[]).await;
        assert!(response.status.is_success(), "{attempt}: {}", response.body);
    }
    let refused = sign_up(&app, &[]).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert_eq!(app.outbox().await.len(), 3);
}

#[tokio::test]
async fn signups_are_rate_limited_per_client_address() {
    let app = TestApp::sqlite().await;
    for i in 0..10 {
        let email = format!("haendler{i}@example.com");
        let response = sign_up(&app, &[("form[email]", &email)]).await;
        assert!(response.status.is_success(), "{i}: {}", response.body);
    }
    let refused = sign_up(&app, &[("form[email]", "elf@example.com")]).await;
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").is_some());
}

on_both_backends!(
    only_staff_decide_about_resellers,
    |app: TestApp| async move {
        sign_up(&app, &[]).await;
        let token = token_mailed_to(&app, EMAIL, "/signup/confirm/").await;
        confirm(&app, &token).await;
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM resellers")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let other = app.create_reseller_admin("chef@muster-it.example").await;
        let cookie = app.session_cookie(other).await;
        for cookie in [None, Some(cookie.as_str())] {
            let response = app
                .post_form_with(
                    "/api/admin/decide-reseller",
                    format!("reseller_id={id}&approve=true"),
                    &as_script(cookie),
                )
                .await;
            assert!(
                matches!(response.status.as_u16(), 401 | 403),
                "{}",
                response.status
            );
            let list = app
                .post_form_with("/api/admin/pending-resellers", "", &as_script(cookie))
                .await;
            assert!(!list.body.contains("Berger"), "{}", list.body);
        }
        assert_eq!(reseller_status(&app, EMAIL).await, "awaiting_approval");
    }
);

#[tokio::test]
async fn the_terms_and_privacy_pages_show_their_version() {
    let app = TestApp::sqlite().await;
    let terms = app.get("/terms").await;
    terms.assert_contains("Allgemeine Geschäftsbedingungen");
    terms.assert_contains(app::signup::TERMS_VERSION);
    let privacy = app
        .get_with("/privacy", &[("cookie", "kontor_lang=en")])
        .await;
    privacy.assert_contains("Privacy policy");
}

on_both_backends!(
    the_mail_speaks_the_language_the_signup_was_made_in,
    |app: TestApp| async move {
        let mut headers = as_script(None);
        headers.push(("cookie", "kontor_lang=en"));
        let response = app
            .post_form_with("/api/signup", signup_form(&[]), &headers)
            .await;
        assert!(response.status.is_success(), "{}", response.body);
        let (_, subject, body) = app.outbox().await.pop().unwrap();
        assert_eq!(subject, "Please confirm your email address");
        assert!(body.starts_with("Hello,"), "{body}");
        let (locale,): (String,) = sqlx::query_as("SELECT locale FROM users WHERE email = $1")
            .bind(EMAIL)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(locale, "en");
    }
);
