use crate::support::{on_both_backends, TestApp};

on_both_backends!(liveness_is_plain_ok, |app: TestApp| async move {
    let response = app.get("/healthz").await;
    assert_eq!(response.status, 200);
    assert_eq!(response.body, "ok");
});

on_both_backends!(
    readiness_names_the_reachable_database,
    |app: TestApp| async move {
        let response = app.get("/readyz").await;
        assert_eq!(response.status, 200);
        let json: serde_json::Value = serde_json::from_str(&response.body).unwrap();
        assert_eq!(json["status"], "ready");
        assert_eq!(json["database"], app.db().backend().name());
    }
);

on_both_backends!(
    readiness_fails_when_the_database_is_gone,
    |app: TestApp| async move {
        app.db().close().await;
        let response = app.get("/readyz").await;
        assert_eq!(response.status, 503);
        let json: serde_json::Value = serde_json::from_str(&response.body).unwrap();
        assert_eq!(json["status"], "unavailable");
        // Liveness is about the process, not the database.
        assert_eq!(app.get("/healthz").await.status, 200);
    }
);
