use crate::support::{on_both_backends, TestApp, MAX_BODY_BYTES};
use axum::body::Body;
use axum::http::Request;

const TEN_MB: usize = 10 * 1024 * 1024;

on_both_backends!(
    a_10_mb_body_is_refused_with_a_clear_413,
    |app: TestApp| async move {
        let response = app.post_form("/language", vec![b'a'; TEN_MB]).await;
        assert_eq!(response.status, 413);
        response.assert_contains("Die Anfrage ist zu groß");

        let response = app.post_form("/api/installation", vec![b'a'; TEN_MB]).await;
        assert_eq!(response.status, 413);

        // Without a Content-Length the limit still holds while the body streams in.
        for path in ["/language", "/api/installation"] {
            let chunks = (0..10).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 1024 * 1024]));
            let request = Request::post(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from_stream(futures_util::stream::iter(chunks)))
                .unwrap();
            let response = app.send(request).await;
            assert_eq!(response.status, 413, "{path}: {}", response.body);
        }
    }
);

on_both_backends!(a_body_under_the_limit_is_read, |app: TestApp| async move {
    let padding = "x".repeat(MAX_BODY_BYTES / 2);
    let response = app
        .post_form("/language", format!("lang=en&next=%2F&pad={padding}"))
        .await;
    assert_eq!(response.status, 303);
});

on_both_backends!(
    arguments_that_do_not_parse_are_a_bad_request,
    |app: TestApp| async move {
        let script = crate::support::as_script(None);
        for (path, body) in [
            // A required argument missing, a number that is none, a form of the wrong shape.
            ("/api/catalog/product", ""),
            ("/api/admin/orders", "page=eins"),
            ("/api/admin/add-product", "form=%%%"),
        ] {
            let response = app.post_form_with(path, body, &script).await;
            assert_eq!(response.status, 400, "{path}: {}", response.body);
        }
    }
);

on_both_backends!(
    a_malformed_query_is_never_a_server_error,
    |app: TestApp| async move {
        for path in [
            "/?%zz=%%",
            "/?next=%E0%A4%A",
            "/gibt-es-nicht?%",
            "/?a=1&&&b",
        ] {
            let response = app.get(path).await;
            assert!(
                !response.status.is_server_error(),
                "{path}: {}",
                response.status
            );
        }
    }
);

on_both_backends!(
    every_response_carries_a_request_id,
    |app: TestApp| async move {
        let response = app.get("/healthz").await;
        let generated = response.header("x-request-id").expect("an id");
        assert_eq!(generated.len(), 36, "a UUID: {generated}");

        let response = app
            .get_with("/healthz", &[("x-request-id", "trace-me-123")])
            .await;
        assert_eq!(response.header("x-request-id"), Some("trace-me-123"));
    }
);
