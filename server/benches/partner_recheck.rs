//! Benchmark (not a test): the background re-check of 10,000 customers' partner status
//! against the simulated provider answering after 100 ms and allowing 200 calls a second.
//! The limit sets the floor (10,000 / 200 = 50 s); the target is within 1.1 × of it (55 s)
//! with no storm of 429s. Prints the time, the 429s the provider sent and the client saw,
//! the colours, and the process's peak memory (the process is the server), on SQLite and
//! then on PostgreSQL.
//!
//!   cargo bench -p kontor --bench partner_recheck
//!   KONTOR_BENCH_CUSTOMERS=2000 cargo bench -p kontor --bench partner_recheck

mod common;

use app::partner_status::server::recheck::{recheck_due, Rechecker};
use app::platform::provider::Paced;
use app::platform::{unix_now, Database};
use kontor::startup::open_database;
use kontor_provider_sim::SimulatorSettings;
use std::time::{Duration, Instant};

const OWN_ID: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const OTHER_ID: &str = "9a7c1e52-0b6d-4c1e-8f3a-2d5b7e9c1a04";
const RATE_LIMIT: u32 = 200;
const LATENCY: Duration = Duration::from_millis(100);

#[tokio::main]
async fn main() {
    let customers = common::env_number("KONTOR_BENCH_CUSTOMERS", 10_000);
    common::on_both_backends(|backend, url| async move {
        let db = open_database(&url).await.expect("the database");
        let settings = SimulatorSettings {
            latency: LATENCY,
            rate_limit: Some(RATE_LIMIT),
            ..SimulatorSettings::default()
        };
        let served = common::serve_with(&db, settings).await;
        seed(&db, customers).await;
        let simulator = served.simulator;
        // As the server runs it, told the provider's limit (KONTOR_PROVIDER_RATE_LIMIT).
        let provider = Paced::new(
            std::sync::Arc::new(simulator.clone()),
            Some(RATE_LIMIT),
            Duration::from_secs(10),
        );
        let rechecker = Rechecker::new(
            std::sync::Arc::new(provider),
            Duration::from_secs(24 * 60 * 60),
        );

        let started = Instant::now();
        let report = recheck_due(&db, &rechecker, unix_now())
            .await
            .expect("a pass");
        let took = started.elapsed();

        let floor = customers as f64 / f64::from(RATE_LIMIT);
        println!(
            "{backend}: {customers} customers re-checked in {:.1} s (floor {floor:.0} s, \
             {:.2} × the floor); 429s sent by the provider: {}, seen by Kontor: {}; \
             failed checks: {}",
            took.as_secs_f64(),
            took.as_secs_f64() / floor,
            simulator.throttled_calls(),
            report.rate_limited,
            report.failed,
        );
        // Ids 1, 4, 7, … are linked to this reseller, 2, 5, 8, … to another, the rest to none.
        let colours = [
            ("green", customers.div_ceil(3)),
            ("orange", (customers + 1) / 3),
            ("red", customers / 3),
        ];
        let mut shown = Vec::new();
        for (colour, expected) in colours {
            let sql = format!("SELECT COUNT(*) FROM partner_checks WHERE status = '{colour}'");
            let n = common::count(&db, &sql).await;
            assert_eq!(n as usize, expected, "{colour}");
            shown.push(format!("{n} {colour}"));
        }
        println!("{backend}: colours {}", shown.join(", "));
        assert_eq!(report.checked, customers, "{report:?}");
        common::print_peak_memory();
    })
    .await;
}

/// One active reseller with its Microsoft id and `customers` customers with ready tenants:
/// the first of every three linked to it at the provider, the second to another reseller,
/// the third to none.
async fn seed(db: &Database, customers: usize) {
    let statements = [
        format!(
            "INSERT INTO resellers (company_name, created_at, location_mpn, microsoft_id) \
             VALUES ('Bench GmbH', 0, '1234567', '{OWN_ID}')"
        ),
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {customers}) \
             INSERT INTO customers (reseller_id, company_name, street, postal_code, city, \
               country, contact_first_name, contact_last_name, contact_email, locale, sort_name, \
               search_text, created_at, updated_at) \
             SELECT 1, 'Kunde ' || i, 'Weg 1', '80331', 'München', 'DE', 'A', 'B', \
               'a@b.example', 'de', 'kunde ' || i, 'kunde', 0, 0 FROM n"
        ),
        "INSERT INTO tenants (customer_id, kind, prefix, domain, status, provider_tenant_id, \
           created_at, updated_at) \
         SELECT id, 'new', 'kunde' || id, 'kunde' || id || '.onmicrosoft.com', 'ready', \
           'tenant-' || id, 0, 0 FROM customers"
            .to_owned(),
        // Straight into the simulator's own tables: ten thousand customers at once.
        "INSERT INTO provider_sim_customers (tenant_id, domain, company_name, created_at, \
           ready_at) SELECT provider_tenant_id, domain, domain, 0, 0 FROM tenants"
            .to_owned(),
        format!(
            "INSERT INTO provider_sim_relationships (tenant_id, partner_id) \
             SELECT provider_tenant_id, \
               CASE WHEN customer_id % 3 = 1 THEN '{OWN_ID}' ELSE '{OTHER_ID}' END \
             FROM tenants WHERE customer_id % 3 <> 0"
        ),
    ];
    for sql in statements {
        sqlx::query(&sql).execute(db.pool()).await.expect(&sql);
    }
}
