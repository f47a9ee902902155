use crate::support::{as_script, form_body, on_both_backends, TestApp, TestResponse};
use app::platform::provider::{Address, NewCustomer, RequestId};
use app::platform::unix_now;
use kontor_provider_sim::Failure;

/// A reseller with one customer: the session cookie and the customer's id.
pub async fn reseller_with_customer(app: &TestApp, email: &str, company: &str) -> (String, i64) {
    let user = app.create_reseller_admin(email).await;
    let cookie = app.session_cookie(user).await;
    let customer = add_customer(app, &cookie, company).await;
    (cookie, customer)
}

/// Another customer of the logged-in reseller, with the contact jonas@kunde.example.
pub async fn add_customer(app: &TestApp, cookie: &str, company: &str) -> i64 {
    let form =
        crate::customers::customer_form(company, &[("form[contact_email]", "jonas@kunde.example")]);
    let saved = app
        .post_form_with(
            "/api/customers/save",
            crate::customers::body(&form),
            &as_script(Some(cookie)),
        )
        .await;
    crate::customers::saved_id(&saved)
}

pub async fn call(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    app.post_form_with(endpoint, form_body(fields), &as_script(Some(cookie)))
        .await
}

async fn check(app: &TestApp, cookie: &str, customer: i64, prefix: &str) -> serde_json::Value {
    let response = call(
        app,
        cookie,
        "/api/tenants/check-prefix",
        &[("customer_id", &customer.to_string()), ("prefix", prefix)],
    )
    .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

pub async fn set_up(app: &TestApp, cookie: &str, customer: i64, prefix: &str) -> TestResponse {
    call(
        app,
        cookie,
        "/api/tenants/set-up",
        &[
            ("customer_id", &customer.to_string()),
            ("form[prefix]", prefix),
        ],
    )
    .await
}

/// A server function's JSON answer about one customer, which must be a success.
pub async fn customer_json(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    customer: i64,
) -> serde_json::Value {
    let response = call(
        app,
        cookie,
        endpoint,
        &[("customer_id", &customer.to_string())],
    )
    .await;
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

async fn settings(app: &TestApp, cookie: &str, customer: i64) -> serde_json::Value {
    customer_json(app, cookie, "/api/tenants/settings", customer).await
}

/// Runs the tenant worker, a few minutes apart so that every backoff has passed, until the
/// customer's tenant is no longer on its way.
pub async fn work_until_settled(app: &TestApp, cookie: &str, customer: i64) -> serde_json::Value {
    let mut now = unix_now();
    for _ in 0..20 {
        app.run_provider_jobs(now).await;
        let state = settings(app, cookie, customer).await;
        let status = state["tenant"]["status"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if status != "Waiting" && status != "Creating" {
            return state;
        }
        now += 400;
    }
    panic!("the tenant did not settle");
}

/// Stores the reseller's location MPN and Microsoft id, which invitations name.
pub async fn store_identity(app: &TestApp, cookie: &str, microsoft_id: &str) {
    let saved = call(
        app,
        cookie,
        "/api/microsoft-partner/save",
        &[
            ("form[location_mpn]", "1234567"),
            ("form[microsoft_id]", microsoft_id),
        ],
    )
    .await;
    assert_eq!(saved.header("location"), Some("/settings/microsoft?saved"));
}

const RESELLER_ID: &str = "5b0c3c4e-7d21-4a8e-9f0e-1c2d3e4f5a6b";
const OTHER_RESELLER_ID: &str = "8e9f0a1b-2c3d-4e5f-8a7b-6c5d4e3f2a1b";

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    n
}

on_both_backends!(
    a_taken_prefix_is_answered_with_free_suggestions,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Muster GmbH").await;
        assert_eq!(check(&app, &cookie, customer, "baeckerei7").await, "Free");
        assert_eq!(
            check(&app, &cookie, customer, "muster it").await,
            serde_json::json!({ "Invalid": "PrefixCharacters" })
        );

        // Taken worldwide at the provider.
        let taken = check(&app, &cookie, customer, "Muster").await;
        let suggestions: Vec<String> =
            serde_json::from_value(taken["Taken"]["suggestions"].clone())
                .unwrap_or_else(|_| panic!("taken with suggestions: {taken}"));
        assert!(!suggestions.is_empty());
        assert!(suggestions.len() <= 3);
        for suggestion in &suggestions {
            assert!(suggestion.starts_with("muster"), "{suggestion}");
            assert_eq!(
                check(&app, &cookie, customer, suggestion).await,
                "Free",
                "{suggestion}"
            );
        }

        // Taken in Kontor, by another reseller's customer.
        let (other, other_customer) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        assert_eq!(
            set_up(&app, &other, other_customer, "baeckerei7")
                .await
                .status,
            200
        );
        assert!(check(&app, &cookie, customer, "Baeckerei7")
            .await
            .get("Taken")
            .is_some());
    }
);

on_both_backends!(
    fifty_resellers_claiming_one_prefix_at_once_leave_exactly_one_winner,
    |app: TestApp| async move {
        let mut claimants = Vec::new();
        for n in 0..50 {
            claimants.push(
                reseller_with_customer(&app, &format!("chef{n}@haendler.example"), "Sonne GmbH")
                    .await,
            );
        }
        let app = &app;
        let answers = futures_util::future::join_all(
            claimants
                .iter()
                .map(|(cookie, customer)| set_up(app, cookie, *customer, "sonnenschein")),
        )
        .await;
        let winners = answers.iter().filter(|a| a.status == 200).count();
        let taken = answers
            .iter()
            .filter(|a| a.status == 422 && a.body.contains("PrefixTaken"))
            .count();
        assert_eq!(
            (winners, taken),
            (1, 49),
            "{:?}",
            answers
                .iter()
                .map(|a| (a.status, &a.body))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            count(
                app,
                "SELECT COUNT(*) FROM tenants WHERE prefix = 'sonnenschein'"
            )
            .await,
            1
        );
        assert_eq!(count(app, "SELECT COUNT(*) FROM provider_jobs").await, 1);
    }
);

on_both_backends!(
    a_failing_provider_that_recovers_creates_the_tenant_exactly_once,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        assert_eq!(
            set_up(&app, &cookie, customer, "sonne80331").await.status,
            200
        );
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Waiting"
        );

        // Two 503s, then a 429, then a call that never answers; then the provider is back.
        app.simulator().configure(|s| {
            s.failing_calls = 2;
            s.failure = Failure::ServerError;
        });
        let now = unix_now();
        assert_eq!(app.run_provider_jobs(now).await.retrying, 1);
        assert_eq!(app.run_provider_jobs(now + 400).await.retrying, 1);
        app.simulator().configure(|s| {
            s.failing_calls = 1;
            s.failure = Failure::TooManyRequests;
        });
        assert_eq!(app.run_provider_jobs(now + 800).await.retrying, 1);
        app.simulator().configure(|s| {
            s.failing_calls = 1;
            s.failure = Failure::Timeout;
        });
        assert_eq!(app.run_provider_jobs(now + 1200).await.retrying, 1);
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Waiting"
        );

        let state = work_until_settled(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["status"], "Ready", "{state}");
        assert_eq!(
            state["tenant"]["admin_user"],
            "admin@sonne80331.onmicrosoft.com"
        );
        assert_eq!(app.simulator().customers_created().await.unwrap(), 1);
        // The customer list shows where the tenant stands.
        let list = call(
            &app,
            &cookie,
            "/api/customers/list",
            &[("search", ""), ("page", "1")],
        )
        .await;
        let list: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        assert_eq!(
            list["customers"][0]["tenant"]["domain"],
            "sonne80331.onmicrosoft.com"
        );
        assert_eq!(list["customers"][0]["tenant"]["status"], "Ready");
        // Nothing is left to do, and doing it again changes nothing.
        assert_eq!(
            app.run_provider_jobs(now + 99_999).await,
            Default::default()
        );
        assert_eq!(app.simulator().customers_created().await.unwrap(), 1);
    }
);

on_both_backends!(
    a_password_sealed_under_another_key_is_explained_not_a_500,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        set_up(&app, &cookie, customer, "sonne80333").await;
        work_until_settled(&app, &cookie, customer).await;
        // Sealed by another instance's key.
        let other = app::platform::sealing::SealingKey::from_hex(
            &app::platform::sealing::SealingKey::generate_hex(),
        )
        .unwrap();
        sqlx::query("UPDATE tenants SET admin_password_sealed = $1")
            .bind(other.seal("Geheim#1"))
            .execute(app.db().pool())
            .await
            .unwrap();
        let state = settings(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["initial_password"], "Unreadable");
        let page = app
            .get_with(
                &format!("/customers/{customer}/tenant"),
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(page.status, 200);
        page.assert_contains("nicht entschlüsseln");
    }
);

on_both_backends!(
    the_first_admin_password_is_stored_encrypted_and_shown_until_noted,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        assert_eq!(
            set_up(&app, &cookie, customer, "sonne80331").await.status,
            200
        );
        let state = work_until_settled(&app, &cookie, customer).await;
        let password = state["tenant"]["initial_password"]["Shown"]
            .as_str()
            .expect("shown")
            .to_owned();
        let (stored,): (String,) = sqlx::query_as("SELECT admin_password_sealed FROM tenants")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let real = app
            .simulator()
            .initial_password("sonne80331.onmicrosoft.com")
            .await
            .unwrap()
            .expect("the provider's password");
        assert_eq!(password, real);
        assert!(!stored.contains(&real), "encrypted at rest");

        let page = app
            .get_with(
                &format!("/customers/{customer}/tenant"),
                &[("cookie", &cookie)],
            )
            .await;
        page.assert_contains(&real);

        let noted = call(
            &app,
            &cookie,
            "/api/tenants/acknowledge-password",
            &[("customer_id", &customer.to_string())],
        )
        .await;
        assert!(
            noted.status.is_success() || noted.status.is_redirection(),
            "{}",
            noted.body
        );
        let state = settings(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["initial_password"], "None");
        assert_eq!(
            state["tenant"]["admin_user"],
            "admin@sonne80331.onmicrosoft.com"
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM tenants WHERE admin_password_sealed IS NULL"
            )
            .await,
            1
        );
        let page = app
            .get_with(
                &format!("/customers/{customer}/tenant"),
                &[("cookie", &cookie)],
            )
            .await;
        assert!(!page.body.contains(&real), "gone for good");
    }
);

on_both_backends!(
    a_prefix_lost_at_the_provider_is_freed_and_another_can_be_chosen,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        assert_eq!(
            set_up(&app, &cookie, customer, "sonnenhof").await.status,
            200
        );
        // Someone outside Kontor takes the domain before the job runs.
        let outsider = NewCustomer {
            domain: "sonnenhof.onmicrosoft.com".into(),
            company_name: "Fremd".into(),
            email: "it@fremd.example".into(),
            culture: "de-DE".into(),
            language: "de".into(),
            address: Address {
                country: "DE".into(),
                city: "München".into(),
                postal_code: "80331".into(),
                address_line1: "Marktplatz 3".into(),
                first_name: "Eva".into(),
                last_name: "Fremd".into(),
            },
            associated_partner_id: None,
        };
        app.provider()
            .create_customer(&RequestId::generate(), &outsider)
            .await
            .unwrap();
        let state = work_until_settled(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["status"], "Failed");
        assert_eq!(state["tenant"]["failure"], "PrefixTaken");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM tenants WHERE prefix IS NOT NULL"
            )
            .await,
            0
        );

        assert_eq!(
            set_up(&app, &cookie, customer, "sonnenhof2").await.status,
            200
        );
        let state = work_until_settled(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["status"], "Ready");
        assert_eq!(state["tenant"]["domain"], "sonnenhof2.onmicrosoft.com");
    }
);

on_both_backends!(
    a_reseller_never_reaches_another_resellers_tenant,
    |app: TestApp| async move {
        let (owner, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        let (other, _) =
            reseller_with_customer(&app, "chef@andere-it.example", "Andere GmbH").await;
        let id = customer.to_string();
        for (endpoint, fields) in [
            ("/api/tenants/settings", vec![("customer_id", id.as_str())]),
            (
                "/api/tenants/check-prefix",
                vec![("customer_id", id.as_str()), ("prefix", "frei")],
            ),
            (
                "/api/tenants/set-up",
                vec![("customer_id", id.as_str()), ("form[prefix]", "gekapert")],
            ),
            (
                "/api/tenants/acknowledge-password",
                vec![("customer_id", id.as_str())],
            ),
            ("/api/tenants/retry", vec![("customer_id", id.as_str())]),
        ] {
            let response = call(&app, &other, endpoint, &fields).await;
            assert_eq!(response.status, 404, "{endpoint}: {}", response.body);
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM tenants").await, 0);
        let page = app
            .get_with(
                &format!("/customers/{customer}/tenant"),
                &[("cookie", &other)],
            )
            .await;
        assert_eq!(page.status, 404);
        assert!(!page.body.contains("Sonne"));
        // The owner is unaffected.
        assert_eq!(
            set_up(&app, &owner, customer, "sonnenhof").await.status,
            200
        );
    }
);

async fn invite(app: &TestApp, cookie: &str, customer: i64, domain: &str) -> TestResponse {
    call(
        app,
        cookie,
        "/api/tenants/set-up",
        &[
            ("customer_id", &customer.to_string()),
            ("form[use_existing]", "on"),
            ("form[domain]", domain),
            ("form[prefix]", ""),
        ],
    )
    .await
}

on_both_backends!(
    an_existing_tenant_is_invited_by_mail_and_authorises_on_the_providers_page,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        // The invitation names the reseller, so it needs the reseller's Microsoft id.
        let anonymous = invite(&app, &cookie, customer, "sonnenhof.de").await;
        assert_eq!(anonymous.status, 422, "{}", anonymous.body);
        anonymous.assert_contains("MicrosoftIdMissing");
        store_identity(&app, &cookie, RESELLER_ID).await;
        let refused = invite(&app, &cookie, customer, "sonnenhof").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        refused.assert_contains("InvalidDomain");

        // The provider is down: nothing is stored, nothing mailed, and the form says why.
        app.simulator().configure(|s| s.failing_calls = 1);
        let down = invite(&app, &cookie, customer, "Sonnenhof.de").await;
        assert_eq!(down.status, 503, "{}", down.body);
        down.assert_contains("ProviderUnavailable");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM tenants").await, 0);
        assert!(app.outbox().await.is_empty());

        assert_eq!(
            invite(&app, &cookie, customer, "Sonnenhof.de").await.status,
            200
        );
        let state = settings(&app, &cookie, customer).await;
        assert_eq!(state["tenant"]["status"], "Invited");
        assert_eq!(state["tenant"]["domain"], "sonnenhof.de");
        let mails = app.outbox().await;
        assert_eq!(mails.len(), 1);
        let (to, subject, body) = &mails[0];
        assert_eq!(to, "jonas@kunde.example");
        assert_eq!(subject, "Muster IT GmbH bittet um Ihre Autorisierung");
        let accepted = app.accept_invitation(body, "admin@sonnenhof.de").await;
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        accepted.assert_contains("Autorisiert");
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Authorised"
        );
    }
);

on_both_backends!(
    a_domain_kontor_knows_is_no_other_resellers_to_take,
    |app: TestApp| async move {
        // Reseller A: one customer with a new tenant, one with an existing one.
        let (owner, created) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        store_identity(&app, &owner, RESELLER_ID).await;
        assert_eq!(set_up(&app, &owner, created, "sonnenhof").await.status, 200);
        work_until_settled(&app, &owner, created).await;
        let existing = add_customer(&app, &owner, "Mond KG").await;
        assert_eq!(invite(&app, &owner, existing, "mond.de").await.status, 200);

        // Reseller B names both domains (in any case) for customers of its own.
        let user = app.create_reseller_admin("chef@fremd-it.example").await;
        let intruder = app.session_cookie(user).await;
        store_identity(&app, &intruder, OTHER_RESELLER_ID).await;
        for domain in ["sonnenhof.onmicrosoft.com", "MOND.de"] {
            let mine = add_customer(&app, &intruder, "Fremd GmbH").await;
            let refused = invite(&app, &intruder, mine, domain).await;
            assert_eq!(refused.status, 422, "{domain}: {}", refused.body);
            refused.assert_contains("DomainInUse");
            // Nothing about the owner: neither its name nor its customer's.
            for secret in ["Muster", "Sonne", "Mond KG"] {
                assert!(!refused.body.contains(secret), "{domain}: {}", refused.body);
            }
            assert!(settings(&app, &intruder, mine).await["tenant"].is_null());
        }
        // A prefix whose domain an existing tenant holds is taken too.
        let mine = add_customer(&app, &intruder, "Fremd GmbH").await;
        let taken = set_up(&app, &intruder, mine, "sonnenhof").await;
        assert_eq!(taken.status, 422, "{}", taken.body);
        taken.assert_contains("PrefixTaken");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM tenants").await, 2);
    }
);

on_both_backends!(
    a_tenant_is_authorised_only_when_the_provider_names_this_reseller,
    |app: TestApp| async move {
        // The tenant is the distributor's customer already (through a reseller outside
        // Kontor): that alone authorises nobody.
        app.simulator()
            .link_indirect_reseller("fremd.de", "0c0ffee0-1111-2222-3333-444455556666")
            .await
            .unwrap();
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Fremd GmbH").await;
        store_identity(&app, &cookie, RESELLER_ID).await;
        assert_eq!(
            invite(&app, &cookie, customer, "fremd.de").await.status,
            200
        );
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Invited"
        );
        // Linked to another indirect reseller: still not this one's.
        app.simulator()
            .link_indirect_reseller("fremd.de", OTHER_RESELLER_ID)
            .await
            .unwrap();
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Invited"
        );
        // The customer's admin follows this reseller's link: now it is.
        let (_, _, body) = app.outbox().await.pop().unwrap();
        let accepted = app.accept_invitation(&body, "admin@fremd.de").await;
        assert_eq!(accepted.status, 200, "{}", accepted.body);
        accepted.assert_contains("Bestätigt");
        assert_eq!(
            settings(&app, &cookie, customer).await["tenant"]["status"],
            "Authorised"
        );
    }
);

on_both_backends!(
    invitations_to_one_contact_are_limited,
    |app: TestApp| async move {
        let (cookie, customer) =
            reseller_with_customer(&app, "chef@muster-it.example", "Sonne GmbH").await;
        store_identity(&app, &cookie, RESELLER_ID).await;
        assert_eq!(
            invite(&app, &cookie, customer, "sonnenhof.de").await.status,
            200
        );
        let id = customer.to_string();
        let fields = [("customer_id", id.as_str())];
        let resend = || call(&app, &cookie, "/api/tenants/resend-invitation", &fields);
        assert_eq!(resend().await.status, 200);
        assert_eq!(resend().await.status, 200);
        let limited = resend().await;
        assert_eq!(limited.status, 429, "{}", limited.body);
        assert!(limited.header("retry-after").is_some());
        assert_eq!(app.outbox().await.len(), 3);
    }
);
