//! Benchmark (not a test): the server-side availability check of a tenant prefix with
//! 1,000,000 prefixes stored, on SQLite and on PostgreSQL, through the real router over
//! loopback HTTP, with the simulated provider answering at once (latency 0).
//!
//!   cargo bench -p kontor --bench prefix_check
//!   KONTOR_BENCH_PREFIXES=100000 KONTOR_BENCH_CHECKS=2000 cargo bench -p kontor --bench prefix_check
//!
//! PostgreSQL is measured when KONTOR_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)
//! accepts connections; a database of its own is created and dropped. Prints p50, p99 and
//! max per kind of answer (free, taken with suggestions), and the process's peak memory —
//! the process is the server.

use app::backend::provider::simulator::{Simulator, SimulatorSettings, MOUNT};
use app::backend::provider::ProviderClient;
use app::backend::sealing::SealingKey;
use app::backend::{sessions, Database};
use kontor::router::{router, AppState, RouterSettings};
use kontor::startup::open_database;
use leptos::config::LeptosOptions;
use std::time::{Duration, Instant};

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Measured one client at a time (latency), then with concurrent clients (under load).
const CLIENTS: [usize; 2] = [1, 4];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let prefixes = env_number("KONTOR_BENCH_PREFIXES", 1_000_000);
    let checks = env_number("KONTOR_BENCH_CHECKS", 4_000);
    println!(
        "prefix availability check: {prefixes} prefixes stored, {checks} checks per kind and load"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = format!("sqlite://{}", dir.path().join("bench.db").display());
    bench("sqlite", &sqlite, prefixes, checks).await;

    let server =
        std::env::var("KONTOR_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into());
    let name = format!("kontor_bench_{}", std::process::id());
    if admin(&server, &format!("CREATE DATABASE {name}")).await {
        let (base, _) = server.rsplit_once('/').expect("a URL ending in /DB");
        bench("postgres", &format!("{base}/{name}"), prefixes, checks).await;
        admin(
            &server,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    } else {
        println!("postgres: not reachable at {server}, skipped");
    }
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .unwrap_or_default();
    println!("peak RSS of the server process: {} MiB", peak / 1024);
}

async fn admin(server: &str, sql: &str) -> bool {
    use sqlx::Connection;
    let Ok(mut conn) = sqlx::PgConnection::connect(server).await else {
        return false;
    };
    sqlx::query(sql).execute(&mut conn).await.is_ok()
}

async fn bench(label: &str, url: &str, prefixes: usize, checks: usize) {
    let db = open_database(url).await.expect("open the database");
    let started = Instant::now();
    let (cookie, customer) = seed(&db, prefixes).await;
    println!(
        "{label}: seeded {prefixes} tenants in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let base = serve(&db).await;
    let client = reqwest::Client::new();
    let ask = move |prefix: String| {
        let (client, cookie, base) = (client.clone(), cookie.clone(), base.clone());
        async move {
            let started = Instant::now();
            let answer = client
                .post(format!("{base}/api/tenants/check-prefix"))
                .header("accept", "application/json")
                .header("sec-fetch-site", "same-origin")
                .header("cookie", cookie)
                .form(&[("customer_id", customer.to_string()), ("prefix", prefix)])
                .send()
                .await
                .expect("an answer");
            assert!(answer.status().is_success(), "{}", answer.status());
            let body = answer.text().await.expect("a body");
            (started.elapsed(), body)
        }
    };
    // Warm up connections and caches.
    for n in 0..200 {
        ask(format!("frei{n}")).await;
    }
    for (clients, kind) in CLIENTS
        .into_iter()
        .flat_map(|c| [(c, "free"), (c, "taken")])
    {
        let mut tasks = tokio::task::JoinSet::new();
        for client_no in 0..clients {
            let ask = ask.clone();
            tasks.spawn(async move {
                let mut times = Vec::new();
                for n in (client_no..checks).step_by(clients) {
                    // Spread over the whole index: a stored prefix, or one that is not.
                    let spread = n * 7919 % prefixes.max(1);
                    let prefix = match kind {
                        "free" => format!("frei{spread}"),
                        _ => format!("p{spread}"),
                    };
                    let (time, body) = ask(prefix).await;
                    let expected = if kind == "free" { "\"Free\"" } else { "Taken" };
                    assert!(body.contains(expected), "{kind}: {body}");
                    times.push(time);
                }
                times
            });
        }
        let mut times: Vec<Duration> = Vec::new();
        while let Some(part) = tasks.join_next().await {
            times.extend(part.expect("a client"));
        }
        times.sort();
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "{label}: {clients} client(s), {kind:5}  p50 {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms   ({} checks)",
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
            times.last().expect("checks").as_secs_f64() * 1000.0,
            times.len()
        );
    }
    db.close().await;
}

/// `prefixes` customers, each with a tenant `p0`, `p1`, …, generated by the database itself;
/// and one reseller with a customer to check for. Returns its session cookie and customer.
async fn seed(db: &Database, prefixes: usize) -> (String, i64) {
    let pool = db.pool();
    sqlx::query("INSERT INTO resellers (company_name, created_at) VALUES ('Bench GmbH', 0)")
        .execute(pool)
        .await
        .expect("reseller");
    sqlx::query(
        "INSERT INTO users (email, password_hash, role, reseller_id, created_at) \
         VALUES ('bench@haendler.example', 'unused', 'reseller_admin', 1, 0)",
    )
    .execute(pool)
    .await
    .expect("user");
    let batch = 100_000;
    let mut from = 0;
    while from < prefixes {
        let to = (from + batch).min(prefixes);
        sqlx::query(&format!(
            "WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {to}) \
             INSERT INTO customers (id, reseller_id, company_name, street, postal_code, city, \
               country, contact_first_name, contact_last_name, contact_email, locale, sort_name, \
               search_text, created_at, updated_at) \
             SELECT i + 1, 1, 'Kunde', 'Weg 1', '10115', 'Berlin', 'DE', 'A', 'B', \
               'a@b.example', 'de', 'kunde', 'kunde', 0, 0 FROM n"
        ))
        .execute(pool)
        .await
        .expect("customers");
        sqlx::query(&format!(
            "INSERT INTO tenants (customer_id, kind, prefix, domain, status, created_at, updated_at) \
             SELECT id, 'new', 'p' || (id - 1), 'p' || (id - 1) || '.onmicrosoft.com', 'ready', 0, 0 \
             FROM customers WHERE id > {from} AND id <= {to}"
        ))
        .execute(pool)
        .await
        .expect("tenants");
        from = to;
    }
    let (customer,): (i64,) = sqlx::query_as(
        "INSERT INTO customers (id, reseller_id, company_name, street, postal_code, city, country, \
           contact_first_name, contact_last_name, contact_email, locale, sort_name, search_text, \
           created_at, updated_at) \
         VALUES ($1, 1, 'Sonnenhof GmbH', 'Weg 1', '80331', 'München', 'DE', 'A', 'B', \
           'a@b.example', 'de', 'sonnenhof gmbh', 'sonnenhof', 0, 0) RETURNING id",
    )
    .bind(prefixes as i64 + 1)
    .fetch_one(pool)
    .await
    .expect("the customer to check for");
    if db.backend() == app::backend::Backend::Postgres {
        // Explicit ids were inserted: move the sequence past them.
        sqlx::query("SELECT setval('customers_id_seq', (SELECT MAX(id) FROM customers))")
            .execute(pool)
            .await
            .expect("sequence");
        sqlx::query("ANALYZE").execute(pool).await.expect("analyze");
    }
    let token = sessions::start(db, 1, None, app::backend::unix_now())
        .await
        .expect("a session");
    (format!("{}={}", sessions::COOKIE, token.expose()), customer)
}

/// The real router (with the simulator mounted, latency 0) on a loopback port.
async fn serve(db: &Database) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("its address");
    let base = format!("http://{address}");
    let token = "bench-provider-token";
    let simulator = Simulator::new(
        db.clone(),
        token,
        &base,
        SimulatorSettings {
            latency: Duration::ZERO,
            provisioning: Duration::ZERO,
            ..SimulatorSettings::default()
        },
    );
    let site = tempfile::tempdir().expect("site dir").keep();
    let state = AppState {
        leptos_options: LeptosOptions::builder()
            .output_name("kontor")
            .site_root(site.to_string_lossy().into_owned())
            .build(),
        db: db.clone(),
    };
    let app = router(
        state,
        RouterSettings {
            max_body_bytes: 1024 * 1024,
            https: false,
            public_url: base.clone(),
            provider: ProviderClient::new(&format!("{base}{MOUNT}"), token, Duration::from_secs(5)),
            simulator: Some(simulator),
            sealing_key: SealingKey::from_hex(&SealingKey::generate_hex()).expect("a key"),
        },
    );
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    base
}
