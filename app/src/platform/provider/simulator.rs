//! The simulated cloud vendor, so that the embedded default is a complete portal: it answers
//! the adapter's HTTP calls under `/provider-sim/v1/…` like the real vendor would — domains
//! that are taken worldwide, tenants that take a few seconds to provision, idempotent
//! creation by request id — and keeps its state in the database, so a restart keeps it. For
//! tests it can be slowed down and made to fail (5xx, 429 with `Retry-After`, timeouts).

use crate::domain::TENANT_DOMAIN_SUFFIX;
use crate::platform::mail::letter::escape;
use crate::platform::provider::{
    guid, AgreementAcceptance, CreatedTenant, MpaStatus, NewOrder, NewTenant, OrderLineItem,
    PlacedOrder, PlacedOrderStatus, ProvisioningState, Relationship, Relationships,
    UserCredentials, INDIRECT_RESELLER,
};
use crate::platform::{unix_now, Database, DbError};
use axum::extract::{Form, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::Rng;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where the simulator is mounted in Kontor's router.
pub const MOUNT: &str = "/provider-sim";

/// Prefixes every real vendor has long given away; everything the simulator created joins
/// them.
pub const TAKEN_WORLDWIDE: [&str; 16] = [
    "contoso",
    "fabrikam",
    "microsoft",
    "test",
    "northwind",
    "adatum",
    "litware",
    "tailspin",
    "wingtiptoys",
    "woodgrove",
    "admin",
    "office",
    "azure",
    "outlook",
    "muster",
    "demo",
];

/// What a failing call looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// 503 Service Unavailable.
    ServerError,
    /// 429 with `Retry-After: 1`.
    TooManyRequests,
    /// No answer for a minute: the caller's timeout ends it.
    Timeout,
}

#[derive(Clone, Debug)]
pub struct SimulatorSettings {
    /// Added to every answer.
    pub latency: Duration,
    /// How long a new tenant stays `pending`.
    pub provisioning: Duration,
    /// The next this many calls fail with `failure`.
    pub failing_calls: u32,
    /// This share of all calls (0–100 %) fails with `failure`, at random.
    pub failure_percent: u8,
    pub failure: Failure,
    /// The calls a second it allows (a burst of up to as many); more get 429 with
    /// `Retry-After: 1`. `None`: no limit.
    pub rate_limit: Option<u32>,
}

impl Default for SimulatorSettings {
    fn default() -> Self {
        SimulatorSettings {
            latency: Duration::from_millis(150),
            provisioning: Duration::from_secs(3),
            failing_calls: 0,
            failure_percent: 0,
            failure: Failure::ServerError,
            rate_limit: None,
        }
    }
}

#[derive(Clone)]
pub struct Simulator {
    db: Database,
    token: Arc<str>,
    /// Where browsers reach the simulator's pages (Kontor's public URL and `MOUNT`).
    pages_url: Arc<str>,
    settings: Arc<Mutex<SimulatorSettings>>,
    limit: Arc<Mutex<TokenBucket>>,
    /// How many calls got 429 for going over the rate limit.
    throttled: Arc<AtomicU64>,
}

/// The rate limit: a bucket of `rate` tokens that refills at `rate` a second.
struct TokenBucket {
    tokens: f64,
    filled_at: Instant,
}

impl TokenBucket {
    fn take(&mut self, rate: u32, now: Instant) -> bool {
        let rate = f64::from(rate);
        let refill = now.duration_since(self.filled_at).as_secs_f64() * rate;
        self.tokens = (self.tokens + refill).min(rate);
        self.filled_at = now;
        let allowed = self.tokens >= 1.0;
        if allowed {
            self.tokens -= 1.0;
        }
        allowed
    }
}

impl Simulator {
    pub fn new(
        db: Database,
        token: &str,
        public_url: &str,
        settings: SimulatorSettings,
    ) -> Simulator {
        Simulator {
            db,
            token: token.into(),
            pages_url: format!("{}{MOUNT}", public_url.trim_end_matches('/')).into(),
            limit: Arc::new(Mutex::new(TokenBucket {
                tokens: f64::from(settings.rate_limit.unwrap_or(0)),
                filled_at: Instant::now(),
            })),
            settings: Arc::new(Mutex::new(settings)),
            throttled: Arc::default(),
        }
    }

    /// How many calls got 429 for going over the rate limit so far.
    pub fn throttled_calls(&self) -> u64 {
        self.throttled.load(Ordering::Relaxed)
    }

    /// Whether the rate limit lets one more call in now.
    fn within_limit(&self, rate: Option<u32>) -> bool {
        let Some(rate) = rate.filter(|r| *r > 0) else {
            return true;
        };
        let allowed = self
            .limit
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take(rate, Instant::now());
        if !allowed {
            self.throttled.fetch_add(1, Ordering::Relaxed);
        }
        allowed
    }

    /// Changes how the simulator behaves from the next call on (tests).
    pub fn configure(&self, change: impl FnOnce(&mut SimulatorSettings)) {
        change(&mut self.settings.lock().unwrap_or_else(|p| p.into_inner()));
    }

    fn settings(&self) -> SimulatorSettings {
        self.settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The failure this call gets, if any.
    fn next_failure(&self) -> Option<Failure> {
        let mut settings = self.settings.lock().unwrap_or_else(|p| p.into_inner());
        if settings.failing_calls > 0 {
            settings.failing_calls -= 1;
            return Some(settings.failure);
        }
        let roll: u8 = rand::thread_rng().gen_range(0..100);
        (roll < settings.failure_percent).then_some(settings.failure)
    }

    /// The simulator's API (behind the token) and the pages customers see, to be nested
    /// under `MOUNT` in a router of any state.
    pub fn router<S: Clone + Send + Sync + 'static>(self) -> Router<S> {
        let api = Router::new()
            .route("/v1/domains/{domain}", get(domain_exists))
            .route("/v1/partners/{mpn}/mpa", get(mpa_status))
            .route("/v1/customers", post(create_tenant))
            .route("/v1/customers/relationshiprequests", get(invitation_link))
            .route("/v1/customers/{tenant_id}", get(tenant))
            .route("/v1/customers/{domain}/agreements", post(record_agreement))
            .route("/v1/customers/{domain}/relationships", get(relationships))
            .route("/v1/customers/{domain}/orders", post(create_order))
            .route("/v1/customers/{domain}/orders/{order_id}", get(order))
            .layer(axum::middleware::from_fn_with_state(self.clone(), gate));
        let pages =
            Router::new().route("/invitations/{token}", get(invitation_page).post(authorise));
        api.merge(pages).with_state(self)
    }
}

/// Every call: the bearer token, then the configured latency and failures.
async fn gate(State(sim): State<Simulator>, request: Request, next: Next) -> Response {
    let authorised = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|token| token == &*sim.token);
    if !authorised {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let settings = sim.settings();
    // Counted on arrival, as a real API gateway does.
    let within_limit = sim.within_limit(settings.rate_limit);
    if !settings.latency.is_zero() {
        tokio::time::sleep(settings.latency).await;
    }
    if !within_limit {
        return too_many_requests();
    }
    match sim.next_failure() {
        None => next.run(request).await,
        Some(Failure::ServerError) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        Some(Failure::TooManyRequests) => too_many_requests(),
        Some(Failure::Timeout) => {
            tokio::time::sleep(Duration::from_secs(60)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
    }
}

fn too_many_requests() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, HeaderValue::from_static("1"))],
    )
        .into_response()
}

fn internal(error: DbError) -> Response {
    tracing::error!(%error, "simulated provider: database error");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

async fn is_taken(db: &Database, domain: &str) -> Result<bool, DbError> {
    let worldwide = domain
        .strip_suffix(TENANT_DOMAIN_SUFFIX)
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|prefix| TAKEN_WORLDWIDE.contains(&prefix));
    if worldwide {
        return Ok(true);
    }
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM sim_tenants WHERE domain = $1")
        .bind(domain)
        .fetch_optional(db.pool())
        .await?;
    Ok(found.is_some())
}

/// `HEAD /v1/domains/{domain}`: 200 when the domain exists, 404 when it is free.
async fn domain_exists(State(sim): State<Simulator>, Path(domain): Path<String>) -> Response {
    match is_taken(&sim.db, &domain.to_ascii_lowercase()).await {
        Ok(true) => StatusCode::OK.into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => internal(error),
    }
}

/// The simulated partner network, by rule instead of records: a location MPN that starts
/// with 9 is unknown, one that ends in 0 has not accepted the Microsoft Partner Agreement, and
/// every other one accepted it on a day between 2024 and 2025 that follows from its digits.
pub fn simulated_mpa(mpn: &str) -> Option<MpaStatus> {
    let digits = mpn.len() == 7 && mpn.bytes().all(|b| b.is_ascii_digit());
    if !digits || mpn.starts_with('9') {
        return None;
    }
    let accepted = !mpn.ends_with('0');
    let number: i64 = mpn.parse().ok()?;
    const FIRST_DAY: i64 = 1_704_067_200; // 2024-01-01
    let day = FIRST_DAY + (number % 600) * 86_400;
    Some(MpaStatus {
        mpn_id: mpn.to_owned(),
        accepted,
        accepted_on: accepted.then(|| crate::domain::iso_date(crate::domain::german_date(day))),
    })
}

async fn relationships(State(sim): State<Simulator>, Path(domain): Path<String>) -> Response {
    let linked: Result<Vec<(String,)>, sqlx::Error> = sqlx::query_as(
        "SELECT microsoft_id FROM sim_indirect_resellers WHERE domain = $1 ORDER BY microsoft_id",
    )
    .bind(domain.to_ascii_lowercase())
    .fetch_all(sim.db.pool())
    .await;
    match linked {
        Ok(linked) => Json(Relationships {
            items: linked
                .into_iter()
                .map(|(id,)| Relationship {
                    id,
                    relationship_type: INDIRECT_RESELLER.to_owned(),
                })
                .collect(),
        })
        .into_response(),
        Err(error) => internal(error.into()),
    }
}

async fn mpa_status(Path(mpn): Path<String>) -> Response {
    match simulated_mpa(&mpn) {
        Some(status) => Json(status).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("MS-RequestId")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64)
        .map(str::to_owned)
}

type TenantRow = (String, String, String);

async fn created_by(db: &Database, request_id: &str) -> Result<Option<TenantRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, admin_user, admin_password FROM sim_tenants WHERE request_id = $1",
    )
    .bind(request_id)
    .fetch_optional(db.pool())
    .await?)
}

fn created_answer((id, user_name, password): TenantRow) -> Response {
    (
        StatusCode::CREATED,
        Json(CreatedTenant {
            id,
            user_credentials: UserCredentials {
                user_name,
                password,
            },
        }),
    )
        .into_response()
}

/// `POST /v1/customers`: a new tenant, `pending` for the configured time. The same request id
/// again answers with the same tenant; a taken domain is 409.
async fn create_tenant(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Json(tenant): Json<NewTenant>,
) -> Response {
    let Some(request_id) = request_id(&headers) else {
        return (StatusCode::BAD_REQUEST, "MS-RequestId is required").into_response();
    };
    let domain = tenant.company_profile.domain.to_ascii_lowercase();
    let answer = async {
        if let Some(row) = created_by(&sim.db, &request_id).await? {
            return Ok(created_answer(row));
        }
        if is_taken(&sim.db, &domain).await? {
            return Ok(StatusCode::CONFLICT.into_response());
        }
        let row = (random_guid(), format!("admin@{domain}"), initial_password());
        let now = unix_now();
        let ready_at = now + sim.settings().provisioning.as_secs() as i64;
        let inserted = sqlx::query(
            "INSERT INTO sim_tenants (id, domain, company_name, request_id, admin_user, \
             admin_password, created_at, ready_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&row.0)
        .bind(&domain)
        .bind(&tenant.company_profile.company_name)
        .bind(&request_id)
        .bind(&row.1)
        .bind(&row.2)
        .bind(now)
        .bind(ready_at)
        .execute(sim.db.pool())
        .await;
        match inserted {
            Ok(_) => Ok(created_answer(row)),
            // The same request a moment earlier, or another request for the domain.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Ok(match created_by(&sim.db, &request_id).await? {
                    Some(row) => created_answer(row),
                    None => StatusCode::CONFLICT.into_response(),
                })
            }
            Err(error) => Err(DbError::from(error)),
        }
    };
    answer.await.unwrap_or_else(internal)
}

/// `GET /v1/customers/{tenant id}`.
async fn tenant(State(sim): State<Simulator>, Path(tenant_id): Path<String>) -> Response {
    let found: Result<Option<(String, i64)>, sqlx::Error> =
        sqlx::query_as("SELECT domain, ready_at FROM sim_tenants WHERE id = $1")
            .bind(&tenant_id)
            .fetch_optional(sim.db.pool())
            .await;
    match found {
        Ok(Some((domain, ready_at))) => {
            let state = if unix_now() >= ready_at {
                ProvisioningState::Succeeded
            } else {
                ProvisioningState::Pending
            };
            Json(serde_json::json!({
                "id": tenant_id,
                "companyProfile": { "domain": domain },
                "provisioningState": state,
            }))
            .into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => internal(error.into()),
    }
}

/// A first password as the vendor hands them out: 16 characters with upper and lower case,
/// digits and a special character, without look-alikes.
fn initial_password() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::thread_rng();
    let mut password: String = (0..12)
        .map(|_| char::from(LETTERS[rng.gen_range(0..LETTERS.len())]))
        .collect();
    password.push_str(&format!("K{}#{}", rng.gen_range(2..10), "x"));
    password
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RelationshipRequestQuery {
    domain: String,
    /// The indirect reseller the tenant is to be linked to.
    indirect_reseller_id: String,
}

/// `GET /v1/customers/relationshiprequests?domain=…&indirectResellerId=…`: a link for that
/// tenant's admin.
async fn invitation_link(
    State(sim): State<Simulator>,
    Query(query): Query<RelationshipRequestQuery>,
) -> Response {
    let token = crate::platform::secret_token::SecretToken::generate();
    let inserted = sqlx::query(
        "INSERT INTO sim_invitations (token, domain, indirect_reseller, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token.expose())
    .bind(query.domain.to_ascii_lowercase())
    .bind(query.indirect_reseller_id.to_ascii_lowercase())
    .bind(unix_now())
    .execute(sim.db.pool())
    .await;
    match inserted {
        Ok(_) => Json(serde_json::json!({
            "url": format!("{}/invitations/{}", sim.pages_url, token.expose()),
        }))
        .into_response(),
        Err(error) => internal(error.into()),
    }
}

/// Whether the domain belongs to one of this partner's customers: a tenant it created and
/// finished provisioning, or an existing one that authorised it.
async fn is_customer(db: &Database, domain: &str) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM sim_tenants WHERE domain = $1 AND ready_at <= $2 \
         UNION SELECT 1 FROM sim_relationships WHERE domain = $1",
    )
    .bind(domain)
    .bind(unix_now())
    .fetch_optional(db.pool())
    .await?;
    Ok(found.is_some())
}

/// `POST /v1/customers/{domain}/agreements`: 201, once per request id; 404 for a domain that
/// is not this partner's customer.
async fn record_agreement(
    State(sim): State<Simulator>,
    Path(domain): Path<String>,
    headers: HeaderMap,
    Json(acceptance): Json<AgreementAcceptance>,
) -> Response {
    let Some(request_id) = request_id(&headers) else {
        return (StatusCode::BAD_REQUEST, "MS-RequestId is required").into_response();
    };
    let domain = domain.to_ascii_lowercase();
    let answer = async {
        if !is_customer(&sim.db, &domain).await? {
            return Ok(StatusCode::NOT_FOUND.into_response());
        }
        let contact = &acceptance.primary_contact;
        sqlx::query(
            "INSERT INTO sim_agreements (request_id, domain, template_id, first_name, last_name, \
             email, date_agreed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (request_id) DO NOTHING",
        )
        .bind(&request_id)
        .bind(&domain)
        .bind(&acceptance.template_id)
        .bind(&contact.first_name)
        .bind(&contact.last_name)
        .bind(&contact.email)
        .bind(&acceptance.date_agreed)
        .bind(unix_now())
        .execute(sim.db.pool())
        .await?;
        Ok::<_, DbError>((StatusCode::CREATED, Json(acceptance.clone())).into_response())
    };
    answer.await.unwrap_or_else(internal)
}

fn random_guid() -> String {
    let mut id = [0_u8; 16];
    rand::thread_rng().fill(&mut id);
    guid(&id)
}

type OrderRow = (String, String, String, i64);

async fn order_row(
    db: &Database,
    column: &'static str,
    value: &str,
) -> Result<Option<OrderRow>, DbError> {
    Ok(sqlx::query_as(&format!(
        "SELECT id, domain, line_items, ready_at FROM sim_orders WHERE {column} = $1"
    ))
    .bind(value)
    .fetch_optional(db.pool())
    .await?)
}

/// An order as the API shows it: pending until its time has come.
fn order_answer(status: StatusCode, (id, _, line_items, ready_at): OrderRow) -> Response {
    let Ok(line_items) = serde_json::from_str::<Vec<OrderLineItem>>(&line_items) else {
        return internal(DbError::Corrupt("sim_orders.line_items"));
    };
    let status_now = if unix_now() >= ready_at {
        PlacedOrderStatus::Completed
    } else {
        PlacedOrderStatus::Pending
    };
    let order = PlacedOrder {
        id,
        status: status_now,
        line_items,
    };
    (status, Json(order)).into_response()
}

/// `POST /v1/customers/{domain}/orders`: a new order, each line item with its subscription,
/// `pending` for the configured provisioning time. The same request id again answers with
/// the same order; 404 for a domain that is not this partner's customer.
async fn create_order(
    State(sim): State<Simulator>,
    Path(domain): Path<String>,
    headers: HeaderMap,
    Json(order): Json<NewOrder>,
) -> Response {
    let Some(request_id) = request_id(&headers) else {
        return (StatusCode::BAD_REQUEST, "MS-RequestId is required").into_response();
    };
    if order.line_items.is_empty() || order.line_items.iter().any(|l| l.quantity == 0) {
        return (StatusCode::BAD_REQUEST, "every line item needs a quantity").into_response();
    }
    let domain = domain.to_ascii_lowercase();
    let answer = async {
        if let Some(row) = order_row(&sim.db, "request_id", &request_id).await? {
            return Ok(order_answer(StatusCode::CREATED, row));
        }
        if !is_customer(&sim.db, &domain).await? {
            return Ok(StatusCode::NOT_FOUND.into_response());
        }
        let line_items: Vec<OrderLineItem> = order
            .line_items
            .into_iter()
            // A line item naming a subscription changes it; any other makes a new one.
            .map(|item| OrderLineItem {
                subscription_id: item.subscription_id.or_else(|| Some(random_guid())),
                ..item
            })
            .collect();
        let line_items = serde_json::to_string(&line_items)
            .map_err(|_| DbError::Corrupt("sim_orders.line_items"))?;
        let now = unix_now();
        let ready_at = now + sim.settings().provisioning.as_secs() as i64;
        // A simultaneous repeat of the same request inserts nothing; both answer with the row.
        sqlx::query(
            "INSERT INTO sim_orders (id, request_id, domain, line_items, created_at, ready_at)              VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO NOTHING",
        )
        .bind(random_guid())
        .bind(&request_id)
        .bind(&domain)
        .bind(&line_items)
        .bind(now)
        .bind(ready_at)
        .execute(sim.db.pool())
        .await?;
        Ok::<_, DbError>(match order_row(&sim.db, "request_id", &request_id).await? {
            Some(row) => order_answer(StatusCode::CREATED, row),
            None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        })
    };
    answer.await.unwrap_or_else(internal)
}

/// `GET /v1/customers/{domain}/orders/{id}`.
async fn order(
    State(sim): State<Simulator>,
    Path((domain, order_id)): Path<(String, String)>,
) -> Response {
    match order_row(&sim.db, "id", &order_id).await {
        Ok(Some(row)) if row.1 == domain.to_ascii_lowercase() => order_answer(StatusCode::OK, row),
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => internal(error),
    }
}

/// What an invitation asks of the tenant's admin: to accept the partner as reseller (unless
/// it is the partner's customer already) and link this indirect reseller.
struct Invitation {
    domain: String,
    indirect_reseller: String,
    /// The tenant is the partner's customer already: only the indirect reseller is new.
    customer_already: bool,
}

async fn invitation(db: &Database, token: &str) -> Result<Option<Invitation>, DbError> {
    let found: Option<(String, String)> = sqlx::query_as(
        "SELECT domain, indirect_reseller FROM sim_invitations \
         WHERE token = $1 AND indirect_reseller IS NOT NULL",
    )
    .bind(token)
    .fetch_optional(db.pool())
    .await?;
    let Some((domain, indirect_reseller)) = found else {
        return Ok(None);
    };
    Ok(Some(Invitation {
        customer_already: is_customer(db, &domain).await?,
        domain,
        indirect_reseller,
    }))
}

/// The page a customer's admin sees when following an invitation: sign in, then authorise.
/// Plain HTML without scripts or styles: it is the vendor's page, not Kontor's.
fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><p><em>Simulierter Anbieter · Simulated \
         provider</em></p><h1>{title}</h1>{body}</main></body></html>"
    ))
}

/// The title, the request and the button of an invitation's page.
fn invitation_words(invitation: &Invitation) -> (&'static str, String) {
    let domain = escape(&invitation.domain);
    let id = escape(&invitation.indirect_reseller);
    if invitation.customer_already {
        (
            "Indirekten Reseller bestätigen",
            format!(
                "Ihr Partner (Microsoft-ID <code>{id}</code>) bittet darum, als indirekter \
                 Reseller für <strong>{domain}</strong> eingetragen zu werden."
            ),
        )
    } else {
        (
            "CSP autorisieren",
            format!(
                "Ihr Partner bittet darum, als Reseller für <strong>{domain}</strong> tätig zu \
                 werden und die delegierte Administration zu übernehmen, mit dem indirekten \
                 Reseller (Microsoft-ID <code>{id}</code>)."
            ),
        )
    }
}

async fn invitation_page(State(sim): State<Simulator>, Path(token): Path<String>) -> Response {
    match invitation(&sim.db, &token).await {
        Ok(Some(invitation)) => {
            let (title, request) = invitation_words(&invitation);
            page(
                title,
                &format!(
                    "<p>{request}</p>\
                     <form method=\"post\"><p><label for=\"email\">E-Mail-Adresse des globalen \
                     Administrators</label><br><input id=\"email\" name=\"email\" type=\"email\" \
                     required></p><p><label for=\"password\">Kennwort</label><br><input \
                     id=\"password\" name=\"password\" type=\"password\" required></p>\
                     <p><button type=\"submit\">{title}</button></p></form>"
                ),
            )
            .into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            page(
                "Einladung unbekannt",
                "<p>Diese Einladung gibt es nicht.</p>",
            ),
        )
            .into_response(),
        Err(error) => internal(error),
    }
}

#[derive(serde::Deserialize)]
struct SignIn {
    email: String,
    password: String,
}

/// Accepting: the partner becomes the tenant's reseller, or the indirect reseller joins the
/// tenant's indirect resellers.
async fn authorise(
    State(sim): State<Simulator>,
    Path(token): Path<String>,
    Form(sign_in): Form<SignIn>,
) -> Response {
    let invitation = match invitation(&sim.db, &token).await {
        Ok(Some(invitation)) => invitation,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal(error),
    };
    if sign_in.email.trim().is_empty() || sign_in.password.is_empty() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                "Anmeldung fehlgeschlagen",
                "<p>Bitte melden Sie sich an.</p>",
            ),
        )
            .into_response();
    }
    let domain = &invitation.domain;
    let recorded = async {
        sqlx::query(
            "INSERT INTO sim_relationships (domain, authorised_by, authorised_at) \
             VALUES ($1, $2, $3) ON CONFLICT (domain) DO NOTHING",
        )
        .bind(domain)
        .bind(sign_in.email.trim())
        .bind(unix_now())
        .execute(sim.db.pool())
        .await?;
        link_indirect_reseller(&sim.db, domain, &invitation.indirect_reseller).await
    }
    .await;
    let (title, role) = if invitation.customer_already {
        ("Bestätigt", "indirekter Reseller")
    } else {
        ("Autorisiert", "Reseller")
    };
    match recorded {
        Ok(()) => page(
            title,
            &format!(
                "<p>Ihr Partner ist jetzt {role} für <strong>{}</strong>. Sie können \
                 dieses Fenster schließen.</p>",
                escape(domain)
            ),
        )
        .into_response(),
        Err(error) => internal(error),
    }
}

/// Links the tenant to the indirect reseller with the Microsoft id (the demo data links a few
/// at the start).
pub async fn link_indirect_reseller(
    db: &Database,
    domain: &str,
    microsoft_id: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sim_indirect_resellers (domain, microsoft_id) VALUES ($1, $2) \
         ON CONFLICT (domain, microsoft_id) DO NOTHING",
    )
    .bind(domain)
    .bind(microsoft_id.to_ascii_lowercase())
    .execute(db.pool())
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::simulated_mpa;

    #[test]
    fn the_simulated_partner_network_follows_its_rule() {
        let accepted = simulated_mpa("1234567").unwrap();
        assert!(accepted.accepted);
        let day = accepted.accepted_on.unwrap();
        assert!(
            day.starts_with("2024-") || day.starts_with("2025-"),
            "{day}"
        );
        let refused = simulated_mpa("1234560").unwrap();
        assert!(!refused.accepted && refused.accepted_on.is_none());
        for unknown in ["9234567", "123456", "12345678", "12a4567"] {
            assert_eq!(simulated_mpa(unknown), None, "{unknown}");
        }
    }
}
