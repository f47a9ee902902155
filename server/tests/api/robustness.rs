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
            // Each error type of its own: a link's, the login's, the signup's, the reset's.
            ("/api/signup/check", ""),
            ("/api/signup/confirm", "tokens=abc"),
            ("/api/login", "email=a%40b.de"),
            ("/api/signup", "form=1"),
            ("/api/password/reset", "token=abc&password=x"),
        ] {
            let response = app.post_form_with(path, body, &script).await;
            assert_eq!(response.status, 400, "{path}: {}", response.body);
        }
    }
);

on_both_backends!(
    a_link_that_was_never_issued_is_not_found,
    |app: TestApp| async move {
        let script = crate::support::as_script(None);
        for token in ["abc", "", "%00%01", &"x".repeat(5000)] {
            let response = app
                .post_form_with("/api/signup/check", format!("token={token}"), &script)
                .await;
            assert_eq!(response.status, 404, "{token:?}: {}", response.body);
            assert_eq!(response.body, r#""Unknown""#);
        }
    }
);

on_both_backends!(
    anything_but_an_upload_sent_to_the_import_is_refused_not_a_panic,
    |app: TestApp| async move {
        let staff = app
            .create_admin("admin@kontor.example", "Verwaltung#2026")
            .await;
        let cookie = app.session_cookie(staff).await;
        let path = "/api/admin/import-customer-numbers";
        let send = |content_type: &'static str| {
            let request = Request::post(path)
                .header("content-type", content_type)
                .header("sec-fetch-site", "same-origin")
                .header("cookie", &cookie)
                .body(Body::from("Kundennummer;Firma;PLZ"))
                .unwrap();
            app.send(request)
        };
        for no_upload in [
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "text/csv",
        ] {
            let response = send(no_upload).await;
            assert_eq!(response.status, 415, "{no_upload}: {}", response.body);
        }
        // An upload whose body is not what its header announces: unreadable, 400.
        let broken = send("multipart/form-data; boundary=").await;
        assert_eq!(broken.status, 400, "{}", broken.body);
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

#[tokio::test]
async fn a_body_that_stalls_is_answered_408_after_the_time_limit() {
    let app = TestApp::sqlite().await;
    // One chunk, then nothing: a slowloris body.
    let chunk = futures_util::stream::once(async {
        Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"email=a%40b.de"))
    });
    let stalled = futures_util::StreamExt::chain(chunk, futures_util::stream::pending());
    let request = axum::http::Request::post("/api/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from_stream(stalled))
        .unwrap();
    let started = std::time::Instant::now();
    let answer = app.send(request).await;
    assert_eq!(answer.status, 408);
    assert!(started.elapsed() < crate::support::BODY_READ_TIMEOUT * 4);
}

/// A server on a loopback port with short connection limits.
async fn served_with_short_limits() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
    let limits = kontor::serve::ServeLimits {
        header_read: std::time::Duration::from_millis(300),
        shutdown_grace: std::time::Duration::from_millis(300),
    };
    tokio::spawn(kontor::serve::serve(
        listener,
        app,
        limits,
        std::future::pending(),
    ));
    address
}

/// Reads until the server closes the connection; what it sent.
async fn read_until_closed(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut seen = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut seen),
    )
    .await
    .expect("the server closes the connection")
    .ok();
    String::from_utf8_lossy(&seen).into_owned()
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use tokio::io::AsyncWriteExt;
    let address = served_with_short_limits().await;
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: kontor.test\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut slow).await;
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    use tokio::io::AsyncWriteExt;
    let address = served_with_short_limits().await;
    let mut idle = tokio::net::TcpStream::connect(address).await.unwrap();
    idle.write_all(b"GET / HTTP/1.1\r\nHost: kontor.test\r\n\r\n")
        .await
        .unwrap();
    // The answer comes; then the connection, kept alive and unused, is closed.
    let answer = read_until_closed(&mut idle).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
}
