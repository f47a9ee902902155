//! Reliability run (not a test, and not a speed figure): the real server binary is killed
//! with SIGKILL while orders are provisioning, then started again on the same database. It
//! passes when every order ends active exactly once: one order at the provider, one
//! subscription, one "licences ready" mail per order — nothing lost, nothing doubled.
//!
//!   cargo bench -p kontor --bench crash_recovery
//!   KONTOR_BENCH_ORDERS=500 cargo bench -p kontor --bench crash_recovery
//!
//! The simulated provider answers after 200 ms and completes an order after 3 s, so that
//! the kill finds orders received, at the provider, and done. A job the dead server had
//! claimed is taken again when its claim (a minute) has run out.

mod common;

use app::platform::Database;
use kontor::startup::open_database;
use std::process::{Child, Command};

/// The server process; killed when dropped, so a failed run leaves no server behind.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let orders = common::env_number("KONTOR_BENCH_ORDERS", 200);
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = format!("sqlite://{}", dir.path().join("kontor.db").display());
    let port = common::env_number("KONTOR_BENCH_PORT", 3250);
    let base = format!("http://127.0.0.1:{port}");

    let mut server = start(dir.path(), &database_url, &base, port).await;
    let db = open_database(&database_url)
        .await
        .expect("the server's database");
    let users = common::seed_carts(&db, orders).await;
    let http = reqwest::Client::new();
    let mut placing = tokio::task::JoinSet::new();
    for user in users {
        let (http, base, cookie) = (
            http.clone(),
            base.clone(),
            common::session_cookie(&db, user).await,
        );
        placing.spawn(async move { place(&http, &base, &cookie).await });
    }
    while let Some(placed) = placing.join_next().await {
        placed.expect("an order placed");
    }
    println!("{orders} orders placed; the worker is provisioning them");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.0.kill().expect("SIGKILL");
    server.0.wait().expect("the server gone");
    println!(
        "killed with SIGKILL; orders by status: {}",
        statuses(&db).await
    );

    let restarted = Instant::now();
    let server = start(dir.path(), &database_url, &base, port).await;
    let deadline = Instant::now() + Duration::from_secs(240);
    while common::count(&db, "SELECT COUNT(*) FROM orders WHERE status <> 'active'").await > 0 {
        assert!(
            Instant::now() < deadline,
            "orders did not settle: {}",
            statuses(&db).await
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let settled = restarted.elapsed();
    drop(server);

    let n = orders as i64;
    let checks = [
        ("orders", "SELECT COUNT(*) FROM orders"),
        (
            "active orders",
            "SELECT COUNT(*) FROM orders WHERE status = 'active'",
        ),
        (
            "orders at the provider",
            "SELECT COUNT(*) FROM provider_sim_orders",
        ),
        ("subscriptions", "SELECT COUNT(*) FROM subscriptions"),
        (
            "'licences ready' mails",
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%Lizenzen bereit%'",
        ),
    ];
    for (what, sql) in checks {
        let found = common::count(&db, sql).await;
        println!("{what}: {found} (expected {n})");
        assert_eq!(found, n, "{what}");
    }
    println!(
        "after the restart every order was active within {:.1} s; nothing lost, nothing doubled",
        settled.as_secs_f64()
    );
}

/// The release binary on the database, ready to answer.
async fn start(dir: &std::path::Path, database_url: &str, base: &str, port: usize) -> Server {
    let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_kontor"))
            .current_dir(workspace)
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", dir)
            .env("KONTOR_PUBLIC_URL", base)
            .env("KONTOR_SECRET_KEY_FILE", dir.join("kontor.key"))
            .env("KONTOR_MAIL_DIR", dir.join("mail"))
            .env("KONTOR_ADMIN_PASSWORD", "Crash#Recovery2026")
            .env("KONTOR_PROVIDER_SIM_LATENCY_MS", "200")
            .env("KONTOR_PROVIDER_SIM_PROVISIONING_SECS", "3")
            .env("RUST_LOG", "error")
            .spawn()
            .expect("the server binary"),
    );
    let http = reqwest::Client::new();
    for _ in 0..100 {
        if http
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not become ready");
}

async fn place(http: &reqwest::Client, base: &str, cookie: &str) {
    let cart: serde_json::Value = send(http, base, "/api/cart/load", cookie, &[]).await;
    let field = |name: &str| cart["checkout"][name].as_str().expect(name).to_owned();
    let (key, digest) = (field("key"), field("digest"));
    let fields = [
        ("form[key]", key.as_str()),
        ("form[digest]", digest.as_str()),
        ("form[accept_terms]", "on"),
    ];
    send::<serde_json::Value>(http, base, "/api/orders/place", cookie, &fields).await;
}

async fn send<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> T {
    let (status, body) = common::post(http, base, path, cookie, fields).await;
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).expect("JSON")
}

async fn statuses(db: &Database) -> String {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status")
            .fetch_all(db.pool())
            .await
            .expect("statuses");
    rows.iter()
        .map(|(status, n)| format!("{status} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
