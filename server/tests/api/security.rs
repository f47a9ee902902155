use crate::support::{on_both_backends, TestApp};

on_both_backends!(
    a_cross_site_post_is_refused_with_a_clear_403,
    |app: TestApp| async move {
        for headers in [
            vec![("sec-fetch-site", "cross-site")],
            vec![("sec-fetch-site", "same-site")],
            vec![("origin", "https://evil.example"), ("host", "kontor.test")],
            vec![("origin", "null"), ("host", "kontor.test")],
        ] {
            let response = app
                .post_form_with("/language", "lang=en&next=%2F", &headers)
                .await;
            assert_eq!(response.status, 403, "{headers:?}");
            response.assert_contains("Anfrage abgelehnt");
            response.assert_contains("von einer anderen Website");
            assert!(response.header("set-cookie").is_none(), "nothing changed");
        }
        // Server functions are state-changing requests like any other.
        let response = app
            .post_form_with("/api/installation", "", &[("sec-fetch-site", "cross-site")])
            .await;
        assert_eq!(response.status, 403);
    }
);

on_both_backends!(
    a_post_from_our_own_pages_passes,
    |app: TestApp| async move {
        for headers in [
            vec![("sec-fetch-site", "same-origin")],
            vec![("origin", "http://kontor.test"), ("host", "kontor.test")],
            // No browser at all (curl, an API client): nothing ambient to abuse.
            vec![],
        ] {
            let response = app
                .post_form_with("/language", "lang=en&next=%2F", &headers)
                .await;
            assert_eq!(response.status, 303, "{headers:?}");
        }
    }
);

on_both_backends!(
    pages_carry_a_policy_with_their_own_script_nonce,
    |app: TestApp| async move {
        let page = app.get("/").await;
        let policy = page.header("content-security-policy").expect("a CSP");
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy");
        assert!(nonce.len() >= 16, "{nonce}");
        page.assert_contains(&format!("<script type=\"module\" nonce=\"{nonce}\">"));
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");

        let again = app.get("/").await;
        assert_ne!(
            again.header("content-security-policy"),
            Some(policy),
            "a new nonce for every response"
        );
    }
);

on_both_backends!(
    every_response_has_the_security_headers,
    |app: TestApp| async move {
        for path in ["/", "/healthz", "/gibt-es-nicht", "/pkg/missing.js"] {
            let response = app.get(path).await;
            assert!(
                response.header("content-security-policy").is_some(),
                "{path}"
            );
            assert_eq!(
                response.header("x-content-type-options"),
                Some("nosniff"),
                "{path}"
            );
            assert_eq!(response.header("x-frame-options"), Some("DENY"), "{path}");
            assert_eq!(
                response.header("referrer-policy"),
                Some("same-origin"),
                "{path}"
            );
            assert!(
                response.header("strict-transport-security").is_none(),
                "plain http: {path}"
            );
        }
        let probe = app.get("/healthz").await;
        assert!(probe
            .header("content-security-policy")
            .unwrap()
            .starts_with("default-src 'none'"));
    }
);

#[tokio::test]
async fn behind_https_browsers_are_told_to_stay_on_https() {
    let app = TestApp::sqlite_behind_https().await;
    let response = app.get("/").await;
    assert_eq!(
        response.header("strict-transport-security"),
        Some("max-age=63072000; includeSubDomains")
    );
}
