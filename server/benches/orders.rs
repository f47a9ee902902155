//! Benchmark (not a test): binding orders per second through the real order path — the
//! checkout form's POST to the real router over loopback HTTP, every check and the whole
//! transaction — on SQLite and on PostgreSQL; then provisioning all of them through the
//! provider worker against the simulated provider at latency 0.
//!
//!   cargo bench -p kontor --bench orders
//!   KONTOR_BENCH_ORDERS=20000 KONTOR_BENCH_CLIENTS=64 cargo bench -p kontor --bench orders
//!
//! Every form is sent once (a new order each), then all again (a retry or reload, which
//! must find its order); the bench fails unless each cart made exactly one order and one
//! provider order. Prints orders per second, request latency p50/p99, provisioning per
//! second, and the process's peak memory (the process is the server).

mod common;

use app::platform::{unix_now, Database};
use kontor::startup::open_database;
use kontor_jobs::{run_due_jobs, JobKinds};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let orders = common::env_number("KONTOR_BENCH_ORDERS", 5_000);
    let clients = common::env_number("KONTOR_BENCH_CLIENTS", 32);
    println!("binding orders: {orders} carts, {clients} clients");
    common::on_both_backends(|label, url| bench(label, url, orders, clients)).await;
    common::print_peak_memory();
}

async fn bench(label: &str, url: String, orders: usize, clients: usize) {
    let db = open_database(&url).await.expect("open the database");
    let started = Instant::now();
    let served = common::serve(&db).await;
    let users = common::seed_carts(&db, orders).await;
    let base = served.base;
    let http = reqwest::Client::new();
    let mut forms = Vec::with_capacity(users.len());
    for user in users {
        let cookie = common::session_cookie(&db, user).await;
        let cart: serde_json::Value = common::post(&http, &base, "/api/cart/load", &cookie, &[])
            .await
            .1
            .parse::<serde_json::Value>()
            .expect("the cart as JSON");
        let field = |name: &str| cart["checkout"][name].as_str().expect(name).to_owned();
        forms.push((cookie, field("key"), field("digest")));
    }
    println!(
        "{label}: seeded {orders} carts in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Every cart's form once (each a new order), then every form again, as a retry or a
    // reload does (each must find its order).
    let forms = std::sync::Arc::new(forms);
    for pass in ["placed", "sent again"] {
        let started = Instant::now();
        let mut times = send_all(&http, &base, &forms, clients).await;
        let elapsed = started.elapsed();
        times.sort();
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "{label}: {orders} orders {pass} in {:.2} s: {:.0}/s   p50 {:.2} ms   p99 {:.2} ms",
            elapsed.as_secs_f64(),
            orders as f64 / elapsed.as_secs_f64(),
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
        );
    }
    let placed = common::count(&db, "SELECT COUNT(*) FROM orders").await;
    let jobs = common::count(
        &db,
        "SELECT COUNT(*) FROM provider_jobs WHERE kind = 'provision_order'",
    )
    .await;
    assert_eq!(
        (placed, jobs),
        (orders as i64, orders as i64),
        "one order per cart"
    );

    let started = Instant::now();
    provision(&db, &served.job_kinds).await;
    let elapsed = started.elapsed();
    let at_provider = common::count(&db, "SELECT COUNT(*) FROM provider_sim_orders").await;
    let active = common::count(&db, "SELECT COUNT(*) FROM orders WHERE status = 'active'").await;
    assert_eq!((at_provider, active), (orders as i64, orders as i64));
    println!(
        "{label}: provisioned {orders} orders in {:.2} s: {:.0} orders/s; duplicates at the provider: {}",
        elapsed.as_secs_f64(),
        orders as f64 / elapsed.as_secs_f64(),
        at_provider - orders as i64
    );
    db.close().await;
}

/// Sends every checkout form from `clients` concurrent clients; the answers' times.
async fn send_all(
    http: &reqwest::Client,
    base: &str,
    forms: &std::sync::Arc<Vec<(String, String, String)>>,
    clients: usize,
) -> Vec<Duration> {
    let mut tasks = tokio::task::JoinSet::new();
    for client in 0..clients {
        let (forms, http, base) = (forms.clone(), http.clone(), base.to_owned());
        tasks.spawn(async move {
            let mut times = Vec::new();
            for (cookie, key, digest) in forms.iter().skip(client).step_by(clients) {
                let fields = [
                    ("form[key]", key.as_str()),
                    ("form[digest]", digest.as_str()),
                    ("form[accept_terms]", "on"),
                ];
                let sent = Instant::now();
                let (status, body) =
                    common::post(&http, &base, "/api/orders/place", cookie, &fields).await;
                assert_eq!(status, 200, "{body}");
                times.push(sent.elapsed());
            }
            times
        });
    }
    let mut times = Vec::new();
    while let Some(part) = tasks.join_next().await {
        times.extend(part.expect("a client"));
    }
    times
}

/// Runs the provider worker until no order waits.
async fn provision(db: &Database, kinds: &JobKinds) {
    loop {
        run_due_jobs(db, kinds, unix_now())
            .await
            .expect("a worker pass");
        let open = common::count(
            db,
            "SELECT COUNT(*) FROM orders WHERE status IN ('received', 'provisioning')",
        )
        .await;
        if open == 0 {
            return;
        }
    }
}
