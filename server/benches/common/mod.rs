//! What the benchmarks share: the real router on a loopback port with the simulated provider
//! answering at once, a PostgreSQL database of their own, and the process's peak memory (the
//! process is the server).

// Each benchmark uses a part of this module.
#![allow(dead_code)]

use app::platform::provider::SharedProvider;
use app::platform::{request::LinkBase, sealing::SealingKey, sessions, unix_now, Database};
use kontor::router::{router, AppState, RouterSettings};
use kontor_jobs::JobKinds;
use kontor_provider_sim::{Simulator, SimulatorSettings};
use leptos::config::LeptosOptions;
use std::future::Future;
use std::time::Duration;

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `bench` on a fresh SQLite file, then on a PostgreSQL database of its own when
/// KONTOR_TEST_POSTGRES_URL (default: the local server) accepts connections.
pub async fn on_both_backends<F, Fut>(bench: F)
where
    F: Fn(&'static str, String) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    bench(
        "sqlite",
        format!("sqlite://{}", dir.path().join("bench.db").display()),
    )
    .await;
    let server =
        std::env::var("KONTOR_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into());
    let name = format!("kontor_bench_{}", std::process::id());
    if admin(&server, &format!("CREATE DATABASE {name}")).await {
        let (base, _) = server.rsplit_once('/').expect("a URL ending in /DB");
        bench("postgres", format!("{base}/{name}")).await;
        admin(
            &server,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    } else {
        println!("postgres: not reachable at {server}, skipped");
    }
}

async fn admin(server: &str, sql: &str) -> bool {
    use sqlx::Connection;
    let Ok(mut conn) = sqlx::PgConnection::connect(server).await else {
        return false;
    };
    sqlx::query(sql).execute(&mut conn).await.is_ok()
}

/// The process's peak resident memory so far (`VmHWM`).
pub fn print_peak_memory() {
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

/// A form POST to the server as a script would send it (same origin, JSON answer): the
/// status and the body.
pub async fn post(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let answer = http
        .post(format!("{base}{path}"))
        .header("accept", "application/json")
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .form(fields)
        .send()
        .await
        .expect("an answer");
    let status = answer.status().as_u16();
    (status, answer.text().await.expect("a body"))
}

pub async fn count(db: &Database, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(db.pool())
        .await
        .expect("a count");
    n
}

/// A session cookie for the user.
pub async fn session_cookie(db: &Database, user_id: kontor_domain::UserId) -> String {
    let token = sessions::start(db, user_id, None, unix_now())
        .await
        .expect("a session");
    format!("{}={}", sessions::COOKIE, token.expose())
}

/// A benchmark's server: the real router on a loopback port, with the simulator as provider.
pub struct Served {
    pub base: String,
    /// The provider, as the server uses it (paced).
    pub provider: SharedProvider,
    /// The provider worker's job kinds, as the server registers them.
    pub job_kinds: JobKinds,
    /// The simulator, to read its counts.
    pub simulator: Simulator,
}

/// The real router with the simulator at latency and provisioning 0.
pub async fn serve(db: &Database) -> Served {
    serve_with(
        db,
        SimulatorSettings {
            latency: Duration::ZERO,
            provisioning: Duration::ZERO,
            ..SimulatorSettings::default()
        },
    )
    .await
}

/// The same with the simulator set up as given.
pub async fn serve_with(db: &Database, settings: SimulatorSettings) -> Served {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("its address");
    let base = format!("http://{address}");
    let simulator = Simulator::open(db.pool().clone(), &base, settings)
        .await
        .expect("the simulator's tables");
    let site = tempfile::tempdir().expect("site dir").keep();
    let options = LeptosOptions::builder()
        .output_name("kontor")
        .site_root(site.to_string_lossy().into_owned())
        .build();
    let state = AppState::load(options, db.clone())
        .await
        .expect("the installation");
    let paced = app::platform::provider::Paced::new(
        std::sync::Arc::new(simulator.clone()),
        None,
        Duration::from_secs(5),
    );
    let provider = kontor::provider::Provider {
        health: paced.health(),
        shared: std::sync::Arc::new(paced),
        simulator: Some(simulator.clone()),
    };
    let key = SealingKey::from_hex(&SealingKey::generate_hex()).expect("a key");
    let job_kinds =
        kontor::provider_worker::job_kinds(&provider.shared, &key, &LinkBase(base.clone().into()));
    let app = router(
        state,
        RouterSettings {
            max_body_bytes: 1024 * 1024,
            body_read_timeout: kontor::serve::BODY_READ_TIMEOUT,
            signups_per_hour: kontor::config::DEFAULT_SIGNUPS_PER_HOUR,
            https: false,
            public_url: base.clone(),
            provider: provider.clone(),
            sealing_key: key,
            workers: Default::default(),
            trusted_proxies: Default::default(),
            unconfirmed_order_limit_cents: 100_000,
        },
    );
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    Served {
        base,
        provider: provider.shared,
        job_kinds,
        simulator,
    }
}

/// One reseller with one orderable customer (ready tenant, known at the provider, accepted
/// agreement), the example catalogue, and `carts` users, each with a cart of ten users of
/// Business Basic for that customer. Returns the users' ids. The simulator's tables must be
/// there (a served or started Kontor opens them); the benchmark writes its customer into
/// them directly.
pub async fn seed_carts(db: &Database, carts: usize) -> Vec<kontor_domain::UserId> {
    let pool = db.pool();
    app::catalog::server::seed_examples(db)
        .await
        .expect("catalogue");
    let now = unix_now();
    let statements = [
        "INSERT INTO resellers (company_name, created_at, confirmed_by_staff_at) \
         VALUES ('Bench GmbH', 0, 0)"
            .to_owned(),
        "INSERT INTO customers (reseller_id, company_name, street, postal_code, city, country, \
           contact_first_name, contact_last_name, contact_email, locale, sort_name, search_text, \
           created_at, updated_at) VALUES (1, 'Sonnenhof GmbH', 'Weg 1', '80331', 'München', \
           'DE', 'A', 'B', 'a@b.example', 'de', 'sonnenhof gmbh', 'sonnenhof', 0, 0)"
            .to_owned(),
        "INSERT INTO tenants (customer_id, kind, prefix, domain, status, provider_tenant_id, \
           created_at, updated_at) \
         VALUES (1, 'new', 'sonnenhof', 'sonnenhof.onmicrosoft.com', 'ready', 't1', 0, 0)"
            .to_owned(),
        "INSERT INTO provider_sim_customers (tenant_id, domain, company_name, request_id, \
           admin_user, admin_password, created_at, ready_at) \
         VALUES ('t1', 'sonnenhof.onmicrosoft.com', 'Sonnenhof GmbH', 'r1', 'admin', 'unused', 0, 0)"
            .to_owned(),
        format!(
            "INSERT INTO agreement_acceptances (customer_id, version, method, signer_first_name, \
               signer_last_name, signer_email, accepted_at, recorded_at) \
             VALUES (1, '2026-11', 'link', 'Jonas', 'Müller', 'jonas@kunde.example', {now}, {now})"
        ),
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {carts}) \
             INSERT INTO users (email, password_hash, role, reseller_id, created_at) \
             SELECT 'einkauf' || i || '@bench.example', 'unused', 'reseller_staff', 1, 0 FROM n"
        ),
        format!(
            "INSERT INTO carts (user_id, order_name, customer_id, updated_at) \
             SELECT id, 'Lizenzen ' || id, 1, {now} FROM users WHERE reseller_id = 1"
        ),
        format!(
            "INSERT INTO cart_lines (user_id, product_id, seats, cycle, price_cents, added_at) \
             SELECT u.id, p.id, 10, 'monthly', p.monthly_cents, {now} FROM users u \
             JOIN products p ON p.sku = 'CFQ7TTC0LH18' WHERE u.reseller_id = 1"
        ),
    ];
    for sql in statements {
        sqlx::query(&sql).execute(pool).await.expect(&sql);
    }
    if db.backend() == app::platform::Backend::Postgres {
        sqlx::query("ANALYZE").execute(pool).await.expect("analyze");
    }
    let ids: Vec<(kontor_domain::UserId,)> =
        sqlx::query_as("SELECT id FROM users WHERE reseller_id = 1 ORDER BY id")
            .fetch_all(pool)
            .await
            .expect("users");
    ids.into_iter().map(|(id,)| id).collect()
}
