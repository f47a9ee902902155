use crate::support::{as_script, form_body, link_token, on_both_backends, TestApp, TestResponse};
use crate::tenants::{
    add_customer, call, count, customer_json, reseller_with_customer, set_up, work_until_settled,
};
use app::platform::unix_now;

const CONTACT: &str = "jonas@kunde.example";

async fn settings(app: &TestApp, cookie: &str, customer: i64) -> serde_json::Value {
    customer_json(app, cookie, "/api/agreements/settings", customer).await
}

async fn send(app: &TestApp, cookie: &str, customer: i64) -> TestResponse {
    call(
        app,
        cookie,
        "/api/agreements/send",
        &[("customer_id", &customer.to_string())],
    )
    .await
}

/// Sends the agreement and returns the token of the link in the newest mail to the contact.
async fn send_link(app: &TestApp, cookie: &str, customer: i64) -> String {
    let sent = send(app, cookie, customer).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let outbox = app.outbox().await;
    let (_, _, body) = outbox
        .iter()
        .rev()
        .find(|(to, subject, _)| to == CONTACT && subject.contains("Cloud-Vereinbarung"))
        .expect("the agreement mail");
    link_token(body, "/agreement/")
}

async fn open(app: &TestApp, token: &str) -> serde_json::Value {
    let response = app
        .post_form_with(
            "/api/agreements/open",
            form_body(&[("token", token)]),
            &as_script(None),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

fn acceptance(token: &str) -> Vec<(&str, &str)> {
    vec![
        ("token", token),
        ("form[first_name]", "Jonas"),
        ("form[last_name]", "Müller"),
        ("form[email]", "jonas@kunde.example"),
        ("form[accept]", "on"),
    ]
}

async fn accept(app: &TestApp, fields: &[(&str, &str)]) -> TestResponse {
    app.post_form_with(
        "/api/agreements/accept",
        form_body(fields),
        &[
            ("accept", "application/json"),
            ("sec-fetch-site", "same-origin"),
            ("user-agent", "Testbrowser/1.0"),
        ],
    )
    .await
}

/// Attests the customer's acceptance (Jonas Müller, 15 Jan 2026), with `changes` to the form.
pub async fn attest(
    app: &TestApp,
    cookie: &str,
    customer: i64,
    changes: &[(&str, &str)],
) -> TestResponse {
    let customer = customer.to_string();
    let mut fields = vec![
        ("customer_id", customer.as_str()),
        ("form[first_name]", "Jonas"),
        ("form[last_name]", "Müller"),
        ("form[email]", "jonas@kunde.example"),
        ("form[date]", "2026-01-15"),
        ("form[attest]", "on"),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    call(app, cookie, "/api/agreements/attest", &fields).await
}

/// A 422 naming exactly these fields and errors.
fn assert_refused(response: &TestResponse, fields: serde_json::Value) {
    assert_eq!(response.status, 422, "{}", response.body);
    let errors: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(errors, serde_json::json!({ "Invalid": fields }));
}

async fn acceptances(app: &TestApp) -> i64 {
    count(app, "SELECT COUNT(*) FROM agreement_acceptances").await
}

on_both_backends!(
    the_customer_accepts_through_the_emailed_link_once,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        assert_eq!(
            settings(&app, &cookie, customer).await["acceptance"],
            serde_json::Value::Null
        );

        let token = send_link(&app, &cookie, customer).await;
        // Only the digest is stored.
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM email_tokens WHERE digest = '{token}'")
            )
            .await,
            0
        );
        let state = settings(&app, &cookie, customer).await;
        assert!(state["link"]["expires_at"].as_i64().unwrap() >= unix_now() + 14 * 24 * 3600 - 5);

        let opened = open(&app, &token).await;
        assert_eq!(opened["Open"]["company_name"], "Sonnenhof GmbH");
        assert_eq!(opened["Open"]["form"]["email"], CONTACT);
        assert!(opened["Open"]["text"].as_str().unwrap().contains("2026-11"));

        // Bad input: every field says why, nothing is recorded and the link still works.
        let refused = accept(
            &app,
            &[
                ("token", &token),
                ("form[first_name]", " "),
                ("form[last_name]", "Müller"),
                ("form[email]", "jonas@"),
            ],
        )
        .await;
        assert_refused(
            &refused,
            serde_json::json!([
                ["FirstName", "Missing"],
                ["Email", "InvalidEmail"],
                ["Accept", "MustAccept"]
            ]),
        );
        assert_eq!(acceptances(&app).await, 0);

        let accepted = accept(&app, &acceptance(&token)).await;
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        let state = settings(&app, &cookie, customer).await;
        let accepted_row = &state["acceptance"];
        assert_eq!(accepted_row["method"], "Link");
        assert_eq!(accepted_row["signer_name"], "Jonas Müller");
        assert_eq!(accepted_row["version"], "2026-11");
        assert_eq!(accepted_row["report"], "Pending");
        assert!(accepted_row["ip"].is_string());
        let (agent,): (Option<String>,) =
            sqlx::query_as("SELECT user_agent FROM agreement_acceptances")
                .fetch_one(app.db().pool())
                .await
                .unwrap();
        assert_eq!(agent.as_deref(), Some("Testbrowser/1.0"));
        // The reseller hears of it; the history says who did what.
        assert!(app.outbox().await.iter().any(|(to, subject, _)| {
            to == "chef@muster-it.example"
                && subject.contains("Sonnenhof GmbH hat die Cloud-Vereinbarung akzeptiert")
        }));
        let actions: Vec<&str> = state["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"]["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["agreement_accepted", "agreement_sent"]);
        assert_eq!(state["history"][1]["actor"], "chef@muster-it.example");
        assert_eq!(state["history"][0]["actor"], CONTACT);

        // Used: a second attempt changes nothing; the page now says it is accepted.
        let again = accept(&app, &acceptance(&token)).await;
        assert_eq!(again.status, 410, "{}", again.body);
        assert_eq!(acceptances(&app).await, 1);
        assert_eq!(
            open(&app, &token).await["Accepted"]["signer_name"],
            "Jonas Müller"
        );
        // Nothing more to send.
        assert_eq!(send(&app, &cookie, customer).await.status, 409);
    }
);

on_both_backends!(
    sending_again_replaces_the_older_link,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        let first = send_link(&app, &cookie, customer).await;
        let second = send_link(&app, &cookie, customer).await;
        assert_ne!(first, second);
        let opened = open(&app, &first).await;
        assert_eq!(opened["Unusable"]["problem"], "Superseded");
        assert_eq!(
            opened["Unusable"]["reseller"]["email"],
            "chef@muster-it.example"
        );
        assert_eq!(accept(&app, &acceptance(&first)).await.status, 410);
        assert_eq!(acceptances(&app).await, 0);
        assert_eq!(accept(&app, &acceptance(&second)).await.status, 200);
        assert_eq!(acceptances(&app).await, 1);
    }
);

on_both_backends!(
    an_expired_or_forged_link_explains_itself_and_records_nothing,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        let token = send_link(&app, &cookie, customer).await;
        sqlx::query("UPDATE email_tokens SET expires_at = $1")
            .bind(unix_now() - 1)
            .execute(app.db().pool())
            .await
            .unwrap();
        let opened = open(&app, &token).await;
        assert_eq!(opened["Unusable"]["problem"], "Expired");
        assert!(opened["Unusable"]["reseller"]["company_name"].is_string());
        assert_eq!(accept(&app, &acceptance(&token)).await.status, 410);

        let forged = app_token();
        assert_eq!(
            open(&app, &forged).await,
            serde_json::json!({ "Unusable": { "problem": "Unknown", "reseller": null } })
        );
        assert_eq!(accept(&app, &acceptance(&forged)).await.status, 410);
        assert_eq!(accept(&app, &acceptance("not-a-token")).await.status, 410);
        assert_eq!(acceptances(&app).await, 0);
        assert_eq!(
            settings(&app, &cookie, customer).await["link"],
            serde_json::Value::Null
        );
    }
);

/// A well-formed token that was never issued.
fn app_token() -> String {
    app::platform::secret_token::SecretToken::generate()
        .expose()
        .to_owned()
}

on_both_backends!(
    a_link_only_ever_accepts_for_its_own_customer,
    |app: TestApp| async move {
        let (cookie, first) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        let second = add_customer(&app, &cookie, "Bergblick AG").await;
        let token = send_link(&app, &cookie, first).await;
        send(&app, &cookie, second).await;
        assert_eq!(accept(&app, &acceptance(&token)).await.status, 200);
        assert!(settings(&app, &cookie, first).await["acceptance"].is_object());
        assert!(settings(&app, &cookie, second).await["acceptance"].is_null());
        // The overview: only the second is still red.
        let overview = call(
            &app,
            &cookie,
            "/api/agreements/overview",
            &[("search", ""), ("only_open", "true"), ("page", "1")],
        )
        .await;
        let list: serde_json::Value = serde_json::from_str(&overview.body).unwrap();
        assert_eq!(list["total"], 1);
        assert_eq!(list["customers"][0]["company_name"], "Bergblick AG");
    }
);

on_both_backends!(
    another_reseller_can_neither_see_nor_send_nor_confirm,
    |app: TestApp| async move {
        let (owner, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        let (intruder, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        let mails = app.outbox().await.len();
        let id = customer.to_string();
        for endpoint in ["/api/agreements/settings", "/api/agreements/send"] {
            let response = call(&app, &intruder, endpoint, &[("customer_id", &id)]).await;
            assert_eq!(response.status, 404, "{endpoint}: {}", response.body);
        }
        assert_eq!(attest(&app, &intruder, customer, &[]).await.status, 404);
        assert_eq!(acceptances(&app).await, 0);
        assert_eq!(app.outbox().await.len(), mails);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM email_tokens").await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log").await, 0);
        let overview = call(
            &app,
            &intruder,
            "/api/agreements/overview",
            &[("search", ""), ("only_open", "false"), ("page", "1")],
        )
        .await;
        assert!(!overview.body.contains("Sonnenhof"), "{}", overview.body);
        // The owner still can.
        assert_eq!(attest(&app, &owner, customer, &[]).await.status, 200);
    }
);

on_both_backends!(
    a_manual_confirmation_needs_a_signer_a_past_date_and_the_attestation,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        let tomorrow = kontor_domain::iso_date(
            kontor_domain::german_date(unix_now()) + time::Duration::days(1),
        );
        let refused = attest(
            &app,
            &cookie,
            customer,
            &[
                ("form[last_name]", ""),
                ("form[email]", "kein-at-zeichen"),
                ("form[date]", &tomorrow),
                ("form[attest]", ""),
            ],
        )
        .await;
        assert_refused(
            &refused,
            serde_json::json!([
                ["LastName", "Missing"],
                ["Email", "InvalidEmail"],
                ["Date", "DateInFuture"],
                ["Attest", "MustAccept"]
            ]),
        );
        assert_eq!(acceptances(&app).await, 0);

        let token = send_link(&app, &cookie, customer).await;
        assert_eq!(attest(&app, &cookie, customer, &[]).await.status, 200);
        let state = settings(&app, &cookie, customer).await;
        assert_eq!(state["acceptance"]["method"], "Attested");
        assert_eq!(state["acceptance"]["attested_by"], "chef@muster-it.example");
        assert_eq!(state["history"][0]["action"]["date"], "2026-01-15");
        // Green at once: the open link stops working, and a second confirmation is refused.
        assert_eq!(
            open(&app, &token).await["Accepted"]["signer_name"],
            "Jonas Müller"
        );
        assert_eq!(accept(&app, &acceptance(&token)).await.status, 410);
        assert_eq!(attest(&app, &cookie, customer, &[]).await.status, 409);
        assert_eq!(acceptances(&app).await, 1);
    }
);

on_both_backends!(
    the_provider_gets_the_acceptance_once_the_tenant_is_ready,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonnenhof GmbH").await;
        assert_eq!(attest(&app, &cookie, customer, &[]).await.status, 200);
        // No tenant yet: the report waits.
        let report = app.run_provider_jobs(unix_now()).await;
        assert_eq!(report.waiting, 1);
        assert!(app.simulator().agreements().await.unwrap().is_empty());

        assert_eq!(
            set_up(&app, &cookie, customer, "sonnenhof7").await.status,
            200
        );
        work_until_settled(&app, &cookie, customer).await;
        // The waiting report's next turn.
        assert_eq!(app.run_provider_jobs(unix_now() + 3600).await.done, 1);
        let state = settings(&app, &cookie, customer).await;
        assert!(
            state["acceptance"]["report"]["Reported"]["at"].is_i64(),
            "{state}"
        );
        let (tenant,): (String,) = sqlx::query_as("SELECT provider_tenant_id FROM tenants")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let confirmed = app.simulator().agreements().await.unwrap();
        assert_eq!(confirmed.len(), 1);
        let (at, acceptance) = &confirmed[0];
        assert_eq!(at, &tenant);
        // The provider's own template, and the day as the API takes it (midnight UTC).
        assert_eq!(
            acceptance.template_id,
            kontor_provider_sim::rules::CUSTOMER_AGREEMENT_TEMPLATE
        );
        assert_eq!(
            app::platform::provider::partner_center::wire::format_time(acceptance.date_agreed),
            "2026-01-15T00:00:00Z"
        );
        assert_eq!(
            state["history"][0]["action"]["action"],
            "agreement_reported"
        );
        assert_eq!(app.simulator().agreements().await.unwrap().len(), 1);
    }
);

on_both_backends!(
    strangers_asking_for_resets_do_not_use_up_the_resellers_mails_to_its_customer,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        // Anyone may ask for a reset link to the contact's address, until its limit.
        for _ in 0..4 {
            app.post_form_with(
                "/api/mail/request-link",
                form_body(&[("kind", "PasswordReset"), ("email", CONTACT)]),
                &as_script(None),
            )
            .await;
        }
        // The reseller's own mail to the contact has an allowance of its own.
        send_link(&app, &cookie, customer).await;
    }
);

on_both_backends!(
    two_agreement_links_sent_at_once_leave_one_that_works,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        let (a, b) = tokio::join!(send(&app, &cookie, customer), send(&app, &cookie, customer));
        assert_eq!((a.status.as_u16(), b.status.as_u16()), (200, 200));
        let open_links = count(
            &app,
            "SELECT COUNT(*) FROM email_tokens WHERE purpose = 'accept_agreement' \
             AND used_at IS NULL AND superseded_at IS NULL",
        )
        .await;
        assert_eq!(open_links, 1);
    }
);
