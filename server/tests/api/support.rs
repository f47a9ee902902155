//! `TestApp`: the real router over a fresh database of its own, called in process.

use app::auth::server::users;
use app::platform::passwords;
use app::platform::provider::{Paced, SharedProvider};
use app::platform::{sealing::SealingKey, sessions, Database};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kontor::provider::Provider;
use kontor::router::{router, AppState, RouterSettings};
use kontor::startup::open_database;
use kontor_domain::{EmailAddress, Password, UserId};
use kontor_provider_sim::{Simulator, SimulatorSettings};
use leptos::config::LeptosOptions;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

/// The server a test talks to; PostgreSQL tests need `KONTOR_TEST_POSTGRES_URL` (or the
/// default below) to reach a server where they may create and drop databases.
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Short, so that the test of a stalled body does not wait long.
pub const BODY_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(500);
pub const PUBLIC_URL: &str = "https://kontor.test";

pub struct TestApp {
    router: Router,
    db: Database,
    url: String,
    simulator: Simulator,
    provider: SharedProvider,
    sealing_key: SealingKey,
    _store: Store,
    _site: tempfile::TempDir,
}

/// The stylesheet in each test app's site folder, as `cargo leptos build` would write it.
pub const STYLESHEET: &str = "body { margin: 0 }";

/// Held only so that dropping the app removes its database.
#[allow(dead_code)]
enum Store {
    Sqlite(tempfile::TempDir),
    Postgres(PostgresDatabase),
    /// Another process's: the first app on the database holds it.
    Shared,
}

/// Runs a test body once on SQLite and once on PostgreSQL.
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                $crate::support::within_a_minute(($body)($crate::support::TestApp::sqlite().await))
                    .await
            }

            #[tokio::test]
            async fn postgres() {
                $crate::support::within_a_minute(($body)(
                    $crate::support::TestApp::postgres().await,
                ))
                .await
            }
        }
    };
}
pub(crate) use on_both_backends;

/// A test that hangs fails with its name instead of stalling the whole run.
pub async fn within_a_minute(test: impl std::future::Future<Output = ()>) {
    tokio::time::timeout(std::time::Duration::from_secs(60), test)
        .await
        .expect("the test should finish within a minute");
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        TestApp::sqlite_with(false).await
    }

    /// As if deployed behind HTTPS.
    pub async fn sqlite_behind_https() -> TestApp {
        TestApp::sqlite_with(true).await
    }

    async fn sqlite_with(https: bool) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("kontor.db").display());
        TestApp::start(&url, Store::Sqlite(dir), https).await
    }

    pub async fn postgres() -> TestApp {
        let database = PostgresDatabase::create().await;
        let url = database.url.clone();
        TestApp::start(&url, Store::Postgres(database), false).await
    }

    async fn start(url: &str, store: Store, https: bool) -> TestApp {
        let sealing_key = SealingKey::from_hex(&SealingKey::generate_hex()).expect("a key");
        TestApp::start_with(url, store, https, sealing_key).await
    }

    /// A second Kontor process on this app's database, with the same secret key, as behind a
    /// load balancer. This app must outlive it: it holds the database.
    pub async fn another_process(&self) -> TestApp {
        TestApp::start_with(&self.url, Store::Shared, false, self.sealing_key.clone()).await
    }

    async fn start_with(url: &str, store: Store, https: bool, sealing_key: SealingKey) -> TestApp {
        let db = open_database(url).await.expect("open the test database");
        let site = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(site.path().join("pkg")).expect("pkg folder");
        std::fs::write(site.path().join("pkg/kontor.css"), STYLESHEET).expect("stylesheet");
        let options = LeptosOptions::builder()
            .output_name("kontor")
            .site_root(site.path().to_string_lossy().into_owned())
            .build();
        let state = AppState::load(options, db.clone())
            .await
            .expect("the installation");
        let (simulator, provider) = simulated_provider(&db).await;
        let shared = provider.shared.clone();
        let router = router(
            state,
            RouterSettings {
                max_body_bytes: MAX_BODY_BYTES,
                body_read_timeout: BODY_READ_TIMEOUT,
                signups_per_hour: kontor::config::DEFAULT_SIGNUPS_PER_HOUR,
                https,
                public_url: PUBLIC_URL.to_owned(),
                provider,
                sealing_key: sealing_key.clone(),
                workers: Default::default(),
                trusted_proxies: Default::default(),
                unconfirmed_order_limit_cents: 100_000,
            },
        );
        TestApp {
            router,
            db,
            url: url.to_owned(),
            simulator,
            provider: shared,
            sealing_key,
            _store: store,
            _site: site,
        }
    }

    /// A method, not a public field: a test body that used only the field would capture just
    /// that (Rust 2021 closures capture fields) and drop the app — and its database — early.
    pub fn db(&self) -> &Database {
        &self.db
    }

    /// The simulated provider, to make it slow or failing.
    pub fn simulator(&self) -> &Simulator {
        &self.simulator
    }

    /// The provider, as the server uses it (paced).
    pub fn provider(&self) -> &SharedProvider {
        &self.provider
    }

    /// Where users reach the portal, for links in mails.
    pub fn links(&self) -> app::platform::request::LinkBase {
        app::platform::request::LinkBase(PUBLIC_URL.into())
    }

    /// The job kinds the provider worker carries out, as the server registers them.
    pub fn job_kinds(&self) -> kontor_jobs::JobKinds {
        kontor::provider_worker::job_kinds(&self.provider, &self.sealing_key, &self.links())
    }

    /// One pass of the provider worker, as if it ran at `now`.
    pub async fn run_provider_jobs(&self, now: i64) -> kontor_jobs::JobReport {
        kontor_jobs::run_due_jobs(&self.db, &self.job_kinds(), now)
            .await
            .expect("a worker pass")
    }

    /// Passes of the provider worker, the clock moving on a few minutes each, until `open` (a
    /// `COUNT(*)`) finds nothing left to do.
    pub async fn run_provider_jobs_until_none(&self, open: &str) {
        let mut now = app::platform::unix_now();
        for _ in 0..40 {
            self.run_provider_jobs(now).await;
            let (left,): (i64,) = sqlx::query_as(open)
                .fetch_one(self.db.pool())
                .await
                .expect("the count");
            if left == 0 {
                return;
            }
            now += 400;
        }
        panic!("still open after 40 passes: {open}");
    }

    /// A distributor admin with a real (Argon2id) password hash; returns the user id.
    pub async fn create_admin(&self, email: &str, password: &str) -> UserId {
        let email = EmailAddress::parse(email).expect("a valid email");
        let password = Password::parse(password).expect("a valid password");
        let hash = passwords::hash(&password).await.expect("hash");
        assert!(users::create_admin(&self.db, &email, &hash, 0)
            .await
            .expect("insert"));
        users::find_by_email(self.db.pool(), &email)
            .await
            .expect("select")
            .expect("the new admin")
            .id
    }

    /// A reseller company with its admin user; returns the user id.
    pub async fn create_reseller_admin(&self, email: &str) -> UserId {
        let (reseller_id,): (i64,) = sqlx::query_as(
            "INSERT INTO resellers (company_name, created_at, confirmed_by_staff_at) \
             VALUES ('Muster IT GmbH', 0, 0) RETURNING id",
        )
        .fetch_one(self.db.pool())
        .await
        .expect("insert reseller");
        let (user_id,): (UserId,) = sqlx::query_as(
            "INSERT INTO users (email, password_hash, role, reseller_id, created_at) \
             VALUES ($1, 'unused', 'reseller_admin', $2, 0) RETURNING id",
        )
        .bind(email)
        .bind(reseller_id)
        .fetch_one(self.db.pool())
        .await
        .expect("insert reseller admin");
        user_id
    }

    /// A `Cookie` header value with a live session for the user.
    pub async fn session_cookie(&self, user_id: UserId) -> String {
        let token = sessions::start(&self.db, user_id, None, app::platform::unix_now())
            .await
            .expect("start a session");
        format!("{}={}", sessions::COOKIE, token.expose())
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("read the body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// Like a browser on our own page: with a `Content-Length` and same-origin metadata.
    pub async fn post_form(&self, path: &str, body: impl Into<Vec<u8>>) -> TestResponse {
        self.post_form_with(path, body, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn post_form_with(
        &self,
        path: &str,
        body: impl Into<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = body.into();
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("request"))
            .await
    }
}

impl TestApp {
    /// A file upload as a browser sends it: one `multipart/form-data` field `field` holding
    /// `content` as `file_name`.
    pub async fn post_file(
        &self,
        path: &str,
        field: &str,
        file_name: &str,
        content: &[u8],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        const BOUNDARY: &str = "----KontorTestBoundary7MA4YWxkTrZu0gW";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; \
             filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let mut request = Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("content-length", body.len());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("request"))
            .await
    }
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `name=value` part of the Set-Cookie for `name`, ready for a `Cookie` header.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
    }

    #[track_caller]
    pub fn assert_contains(&self, text: &str) {
        assert!(
            self.body.contains(text),
            "expected {text:?} in the {} response:\n{}",
            self.status,
            self.body
        );
    }
}

/// The simulated provider over the test's own database, with no latency and instant
/// provisioning unless a test says otherwise, paced as the server paces it.
async fn simulated_provider(db: &Database) -> (Simulator, Provider) {
    let simulator = Simulator::open(
        db.pool().clone(),
        PUBLIC_URL,
        SimulatorSettings {
            latency: std::time::Duration::ZERO,
            provisioning: std::time::Duration::ZERO,
            ..SimulatorSettings::default()
        },
    )
    .await
    .expect("the simulator's tables");
    let paced = Paced::new(
        std::sync::Arc::new(simulator.clone()),
        None,
        std::time::Duration::from_secs(2),
    );
    let provider = Provider {
        health: paced.health(),
        shared: std::sync::Arc::new(paced),
        simulator: Some(simulator.clone()),
    };
    (simulator, provider)
}

/// A database of its own on the PostgreSQL server, dropped when the test ends.
struct PostgresDatabase {
    server: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    async fn create() -> PostgresDatabase {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let server = std::env::var("KONTOR_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
        let name = format!(
            "kontor_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        admin(&server, &format!("DROP DATABASE IF EXISTS {name}")).await;
        admin(&server, &format!("CREATE DATABASE {name}")).await;
        let (base, _) = server
            .rsplit_once('/')
            .expect("a database URL ends in /NAME");
        let url = format!("{base}/{name}");
        PostgresDatabase { server, name, url }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Drop runs inside the test's runtime, which cannot block on itself: use a thread.
        std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime")
                .block_on(admin(&server, &sql));
        })
        .join()
        .expect("drop the test database");
    }
}

async fn admin(server: &str, sql: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(server)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {server} is needed for these tests: {e}"));
    sqlx::query(sql)
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A form body from its fields, as a browser encodes it.
pub fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", urlencode(name), urlencode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The headers of a call from the hydrated page: a script asking for JSON.
pub fn as_script(cookie: Option<&str>) -> Vec<(&str, &str)> {
    let mut headers = vec![
        ("accept", "application/json"),
        ("sec-fetch-site", "same-origin"),
    ];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    headers
}

impl TestApp {
    /// Lists a number in the distributor's customer-number registry.
    pub async fn register_customer_number(&self, number: &str, company: &str, postal_code: &str) {
        let record = app::customer_numbers::RegistryRecord {
            customer_number: number.to_owned(),
            company_name: company.to_owned(),
            postal_code: postal_code.to_owned(),
            contact_email: None,
        };
        let mut conn = self.db.pool().acquire().await.expect("a connection");
        assert!(app::customer_numbers::server::add(&mut conn, &record)
            .await
            .expect("insert"));
    }

    /// The mails in the outbox, oldest first: recipient, subject, plain-text body.
    pub async fn outbox(&self) -> Vec<(String, String, String)> {
        sqlx::query_as("SELECT recipient, subject, body_text FROM outbox ORDER BY id")
            .fetch_all(self.db().pool())
            .await
            .expect("read the outbox")
    }
}

impl TestApp {
    /// The invited tenant's admin follows the invitation in the mail, signs in on the
    /// simulated provider's page as `admin` (whose domain is the tenant) and accepts.
    pub async fn accept_invitation(&self, mail_body: &str, admin: &str) -> TestResponse {
        let token = link_token(mail_body, "/provider-sim/invitations/");
        let path = format!("/provider-sim/invitations/{token}");
        let page = self.get(&path).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let signed_in = self
            .post_form(
                &path,
                form_body(&[("email", admin), ("password", "geheim")]),
            )
            .await;
        assert_eq!(signed_in.status, 200, "{}", signed_in.body);
        let domain = admin.split_once('@').map_or("", |(_, d)| d);
        signed_in.assert_contains(domain);
        self.post_form(
            &path,
            form_body(&[("email", admin), ("password", "geheim"), ("accept", "1")]),
        )
        .await
    }
}

/// The token of the first link to `path_prefix` (e.g. `/signup/confirm/`) in a mail body.
pub fn link_token(body: &str, path_prefix: &str) -> String {
    let start = body
        .find(&format!("{PUBLIC_URL}{path_prefix}"))
        .unwrap_or_else(|| panic!("a link to {path_prefix} in {body}"))
        + PUBLIC_URL.len()
        + path_prefix.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
