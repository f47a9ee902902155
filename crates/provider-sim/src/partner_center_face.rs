//! The simulator behind Partner Center's REST API and Entra ID's token endpoint, on a
//! loopback port, for the real adapter's tests: the documented paths and JSON
//! (`kontor_provider::partner_center::wire`), bearer tokens that expire, `MS-RequestId`
//! required on every change, refusals as Partner Center's error bodies, 429 with
//! `Retry-After`, and 503 when the simulator is told to fail. The adapter and the simulator
//! then run the same contract tests: any difference between them is the adapter's or this
//! face's mistake.

use crate::Simulator;
use axum::extract::{Form, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use kontor_provider::partner_center::{errors, wire::*};
use kontor_provider::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The application Kontor is registered as, and how long its tokens live.
#[derive(Clone, Debug)]
pub struct FaceSettings {
    pub tenant_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub token_lifetime: Duration,
    /// The token endpoint answers 503.
    pub token_endpoint_down: bool,
}

impl Default for FaceSettings {
    fn default() -> Self {
        FaceSettings {
            tenant_id: "11111111-2222-3333-4444-555555555555".to_owned(),
            client_id: "kontor-test-application".to_owned(),
            client_secret: "kontor-test-secret".to_owned(),
            token_lifetime: Duration::from_secs(3600),
            token_endpoint_down: false,
        }
    }
}

/// One API call as the face saw it.
#[derive(Clone, Debug)]
pub struct SeenCall {
    pub method: String,
    pub path: String,
    pub request_id: Option<String>,
    pub correlation_id: Option<String>,
}

#[derive(Clone)]
pub struct PartnerCenterFace(Arc<FaceInner>);

struct FaceInner {
    sim: Simulator,
    settings: Mutex<FaceSettings>,
    tokens: Mutex<HashMap<String, Instant>>,
    issued: Mutex<u64>,
    calls: Mutex<Vec<SeenCall>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl PartnerCenterFace {
    pub fn new(sim: Simulator, settings: FaceSettings) -> PartnerCenterFace {
        PartnerCenterFace(Arc::new(FaceInner {
            sim,
            settings: Mutex::new(settings),
            tokens: Mutex::default(),
            issued: Mutex::new(0),
            calls: Mutex::default(),
        }))
    }

    pub fn configure(&self, change: impl FnOnce(&mut FaceSettings)) {
        change(&mut lock(&self.0.settings));
    }

    /// How many tokens the token endpoint handed out.
    pub fn tokens_issued(&self) -> u64 {
        *lock(&self.0.issued)
    }

    /// Every token handed out so far stops working (as if it expired).
    pub fn expire_tokens(&self) {
        lock(&self.0.tokens).clear();
    }

    pub fn calls(&self) -> Vec<SeenCall> {
        lock(&self.0.calls).clone()
    }

    /// The token endpoint (`/{tenant}/oauth2/v2.0/token`) and the API (`/v1/…`).
    pub fn router(&self) -> Router {
        let api = Router::new()
            .route("/v1/domains/{domain}", get(domain))
            .route("/v1/customers", post(create_customer).get(find_customer))
            .route("/v1/customers/relationshiprequests", get(invitation_link))
            .route("/v1/customers/{tenant}", get(customer))
            .route("/v1/customers/{tenant}/relationships", get(relationships))
            .route("/v1/customers/{tenant}/agreements", post(confirm_agreement))
            .route("/v1/customers/{tenant}/carts", post(create_cart))
            .route(
                "/v1/customers/{tenant}/carts/{cart}/checkout",
                post(checkout),
            )
            .route("/v1/customers/{tenant}/orders/{order}", get(order))
            .route(
                "/v1/customers/{tenant}/orders/{order}/provisioningstatus",
                get(provisioning),
            )
            .route("/v1/customers/{tenant}/subscriptions", get(subscriptions))
            .route(
                "/v1/customers/{tenant}/subscriptions/{id}",
                get(subscription).patch(patch_subscription),
            )
            .route("/v1/profiles/mpn", get(mpn_profile))
            .route("/v1/compliance/csp/agreementstatus", get(agreement_status))
            .route("/v1/agreements", get(agreement_templates))
            .layer(axum::middleware::from_fn_with_state(self.clone(), gate));
        Router::new()
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .merge(api)
            .with_state(self.clone())
    }
}

// --- the token endpoint -----------------------------------------------------------------

#[derive(serde::Deserialize)]
struct TokenRequest {
    grant_type: String,
    client_id: String,
    client_secret: String,
    scope: String,
}

async fn token(
    State(face): State<PartnerCenterFace>,
    Path(tenant): Path<String>,
    Form(request): Form<TokenRequest>,
) -> Response {
    let settings = lock(&face.0.settings).clone();
    if settings.token_endpoint_down {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let valid = tenant == settings.tenant_id
        && request.grant_type == "client_credentials"
        && request.client_id == settings.client_id
        && request.client_secret == settings.client_secret
        && request.scope == "https://api.partnercenter.microsoft.com/.default";
    if !valid {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({
                "error": "invalid_client",
                "error_description": "AADSTS7000215: Invalid client secret provided."
            })),
        )
            .into_response();
    }
    let value = format!("sim-token-{}", guid(&rand::random()));
    lock(&face.0.tokens).insert(value.clone(), Instant::now() + settings.token_lifetime);
    *lock(&face.0.issued) += 1;
    Json(serde_json::json!({
        "token_type": "Bearer",
        "expires_in": settings.token_lifetime.as_secs(),
        "ext_expires_in": settings.token_lifetime.as_secs(),
        "access_token": value,
    }))
    .into_response()
}

/// Every API call: a token that is still good, and the call noted.
async fn gate(State(face): State<PartnerCenterFace>, request: Request, next: Next) -> Response {
    if !face.note_and_check(&request) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")],
        )
            .into_response();
    }
    next.run(request).await
}

impl PartnerCenterFace {
    /// Notes the call; whether it carries a token that is still good.
    fn note_and_check(&self, request: &Request) -> bool {
        let header = |name: &str| {
            request
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        lock(&self.0.calls).push(SeenCall {
            method: request.method().to_string(),
            path: request.uri().to_string(),
            request_id: header("MS-RequestId"),
            correlation_id: header("MS-CorrelationId"),
        });
        let token = header(header::AUTHORIZATION.as_str())
            .and_then(|v| v.strip_prefix("Bearer ").map(str::to_owned));
        token.is_some_and(|t| {
            lock(&self.0.tokens)
                .get(&t)
                .is_some_and(|expires| Instant::now() < *expires)
        })
    }
}

// --- answers ----------------------------------------------------------------------------

/// A failed call as Partner Center answers it.
fn failure(error: ProviderError) -> Response {
    match error {
        ProviderError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        ProviderError::RateLimited(wait) => (
            StatusCode::TOO_MANY_REQUESTS,
            [(
                header::RETRY_AFTER,
                HeaderValue::from(wait.as_secs().max(1)),
            )],
        )
            .into_response(),
        ProviderError::Refused(refusal) => {
            let (_, status, _) = errors::code_of(refusal.reason);
            (
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
                Json(ErrorBody {
                    code: refusal.code,
                    description: refusal.description,
                    data: Vec::new(),
                    source: "PartnerFD".to_owned(),
                }),
            )
                .into_response()
        }
    }
}

fn answer<T: serde::Serialize>(status: StatusCode, result: Result<T, ProviderError>) -> Response {
    match result {
        Ok(body) => (status, Json(body)).into_response(),
        Err(error) => failure(error),
    }
}

fn request_id(headers: &HeaderMap) -> Result<RequestId, ProviderError> {
    headers
        .get("MS-RequestId")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64)
        .map(|v| RequestId::from_stored(v.to_owned()))
        .ok_or_else(|| {
            ProviderError::refused(
                RefusalReason::Other,
                Some(800002),
                "MS-RequestId is required",
            )
        })
}

fn invalid(what: &str) -> Response {
    failure(ProviderError::refused(
        RefusalReason::Other,
        Some(800002),
        &format!("Invalid request input: {what}"),
    ))
}

// --- customers ----------------------------------------------------------------------------

async fn domain(State(face): State<PartnerCenterFace>, Path(domain): Path<String>) -> Response {
    match face.0.sim.domain_exists(&domain).await {
        Ok(true) => StatusCode::OK.into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => failure(error),
    }
}

async fn create_customer(
    State(face): State<PartnerCenterFace>,
    headers: HeaderMap,
    Json(customer): Json<Customer>,
) -> Response {
    let request = match request_id(&headers) {
        Ok(request) => request,
        Err(error) => return failure(error),
    };
    let Some(new) = customer.new_customer() else {
        return invalid("billingProfile");
    };
    let created = face
        .0
        .sim
        .create_customer(&request, &new)
        .await
        .map(|c| Customer {
            id: Some(c.tenant_id.clone()),
            company_profile: CompanyProfile {
                tenant_id: Some(c.tenant_id),
                domain: new.domain.clone(),
                company_name: Some(new.company_name.clone()),
            },
            relationship_to_partner: Some("reseller".to_owned()),
            user_credentials: Some(UserCredentials {
                user_name: c.admin_user,
                password: c.admin_password,
            }),
            associated_partner_id: new.associated_partner_id.clone(),
            attributes: Attributes::of("Customer"),
            ..Customer::default()
        });
    answer(StatusCode::CREATED, created)
}

#[derive(serde::Deserialize)]
struct Filtered {
    filter: String,
}

async fn find_customer(
    State(face): State<PartnerCenterFace>,
    Query(query): Query<Filtered>,
) -> Response {
    let Ok(filter) = serde_json::from_str::<CustomerFilter>(&query.filter) else {
        return invalid("filter");
    };
    if filter.field != "Domain" {
        return invalid("filter field");
    }
    let found = face.0.sim.find_customer(&filter.value).await.map(|found| {
        Collection::of(
            found
                .into_iter()
                .map(|tenant| Customer {
                    id: Some(tenant.clone()),
                    company_profile: CompanyProfile {
                        tenant_id: Some(tenant),
                        domain: filter.value.to_ascii_lowercase(),
                        company_name: None,
                    },
                    relationship_to_partner: Some("reseller".to_owned()),
                    attributes: Attributes::of("Customer"),
                    ..Customer::default()
                })
                .collect(),
        )
    });
    answer(StatusCode::OK, found)
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct InvitationQuery {
    indirect_reseller_id: String,
}

async fn invitation_link(
    State(face): State<PartnerCenterFace>,
    Query(query): Query<InvitationQuery>,
) -> Response {
    let link = face
        .0
        .sim
        .invitation_link(&query.indirect_reseller_id)
        .await;
    answer(StatusCode::OK, link.map(|url| RelationshipRequest { url }))
}

async fn customer(State(face): State<PartnerCenterFace>, Path(tenant): Path<String>) -> Response {
    match face.0.sim.customer_ready(&tenant).await {
        Ok(true) => Json(Customer {
            id: Some(tenant.clone()),
            company_profile: CompanyProfile {
                tenant_id: Some(tenant),
                ..CompanyProfile::default()
            },
            attributes: Attributes::of("Customer"),
            ..Customer::default()
        })
        .into_response(),
        Ok(false) => failure(ProviderError::refused(
            RefusalReason::NotFound,
            Some(60003),
            "Tenant not found",
        )),
        Err(error) => failure(error),
    }
}

async fn relationships(
    State(face): State<PartnerCenterFace>,
    Path(tenant): Path<String>,
) -> Response {
    let found =
        face.0.sim.relationships(&tenant).await.map(|found| {
            Collection::of(found.iter().map(WireRelationship::from).collect::<Vec<_>>())
        });
    answer(StatusCode::OK, found)
}

// --- partner checks and agreements ------------------------------------------------------

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct MpnQuery {
    mpn_id: String,
}

async fn mpn_profile(State(face): State<PartnerCenterFace>, Query(q): Query<MpnQuery>) -> Response {
    let profile = face
        .0
        .sim
        .mpn_profile(&q.mpn_id)
        .await
        .map(|p| WireMpnProfile {
            partner_name: p.partner_name,
            mpn_id: p.mpn_id,
            profile_type: Some("MpnProfile".to_owned()),
        });
    answer(StatusCode::OK, profile)
}

async fn agreement_status(
    State(face): State<PartnerCenterFace>,
    Query(q): Query<MpnQuery>,
) -> Response {
    let signed = face.0.sim.partner_agreement_signed(&q.mpn_id).await;
    answer(
        StatusCode::OK,
        signed.map(|is_agreement_signed| AgreementStatus {
            is_agreement_signed,
        }),
    )
}

async fn agreement_templates(State(face): State<PartnerCenterFace>) -> Response {
    let template = face.0.sim.customer_agreement_template().await.map(|id| {
        Collection::of(vec![AgreementMetaData {
            template_id: id,
            agreement_type: MICROSOFT_CUSTOMER_AGREEMENT.to_owned(),
            agreement_link: Some("https://aka.ms/customeragreement".to_owned()),
            version_rank: Some(0),
        }])
    });
    answer(StatusCode::OK, template)
}

async fn confirm_agreement(
    State(face): State<PartnerCenterFace>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Json(agreement): Json<Agreement>,
) -> Response {
    let request = match request_id(&headers) {
        Ok(request) => request,
        Err(error) => return failure(error),
    };
    let Some(acceptance) = agreement.acceptance() else {
        return invalid("dateAgreed");
    };
    let confirmed = face
        .0
        .sim
        .confirm_customer_agreement(&request, &tenant, &acceptance)
        .await;
    answer(StatusCode::CREATED, confirmed.map(|()| agreement))
}

// --- carts, orders, subscriptions -------------------------------------------------------

async fn create_cart(
    State(face): State<PartnerCenterFace>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Json(cart): Json<Cart>,
) -> Response {
    let request = match request_id(&headers) {
        Ok(request) => request,
        Err(error) => return failure(error),
    };
    let Some(new) = cart.new_cart() else {
        return invalid("lineItems");
    };
    let created = face.0.sim.create_cart(&request, &tenant, &new).await;
    answer(
        StatusCode::CREATED,
        created.map(|id| Cart {
            id: Some(id),
            status: Some("Active".to_owned()),
            ..cart
        }),
    )
}

async fn checkout(
    State(face): State<PartnerCenterFace>,
    Path((tenant, cart)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let request = match request_id(&headers) {
        Ok(request) => request,
        Err(error) => return failure(error),
    };
    let orders = face.0.sim.checkout(&request, &tenant, &cart).await;
    answer(
        StatusCode::CREATED,
        orders.map(|orders| CartCheckoutResult {
            orders: orders.iter().map(Order::of).collect(),
            order_errors: Vec::new(),
        }),
    )
}

async fn order(
    State(face): State<PartnerCenterFace>,
    Path((tenant, order)): Path<(String, String)>,
) -> Response {
    let placed = face.0.sim.order(&tenant, &order).await;
    answer(StatusCode::OK, placed.map(|o| Order::of(&o)))
}

async fn provisioning(
    State(face): State<PartnerCenterFace>,
    Path((tenant, order)): Path<(String, String)>,
) -> Response {
    let lines = face.0.sim.order_provisioning(&tenant, &order).await;
    answer(
        StatusCode::OK,
        lines.map(|lines| Collection::of(lines.iter().map(ProvisioningStatus::of).collect())),
    )
}

async fn subscriptions(
    State(face): State<PartnerCenterFace>,
    Path(tenant): Path<String>,
) -> Response {
    let found = face.0.sim.subscriptions(&tenant).await;
    answer(
        StatusCode::OK,
        found.map(|s| Collection::of(s.iter().map(WireSubscription::of).collect())),
    )
}

async fn find_subscription(
    face: &PartnerCenterFace,
    tenant: &str,
    id: &str,
) -> Result<Subscription, ProviderError> {
    face.0
        .sim
        .subscriptions(tenant)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| {
            ProviderError::refused(
                RefusalReason::NotFound,
                Some(20003),
                "Subscription not found",
            )
        })
}

async fn subscription(
    State(face): State<PartnerCenterFace>,
    Path((tenant, id)): Path<(String, String)>,
) -> Response {
    let found = find_subscription(&face, &tenant, &id).await;
    answer(StatusCode::OK, found.map(|s| WireSubscription::of(&s)))
}

/// The whole resource comes back with one field changed; that field says what to do.
async fn patch_subscription(
    State(face): State<PartnerCenterFace>,
    Path((tenant, id)): Path<(String, String)>,
    headers: HeaderMap,
    Json(patched): Json<WireSubscription>,
) -> Response {
    let request = match request_id(&headers) {
        Ok(request) => request,
        Err(error) => return failure(error),
    };
    let current = match find_subscription(&face, &tenant, &id).await {
        Ok(current) => current,
        Err(error) => return failure(error),
    };
    let sim = &face.0.sim;
    let renewal = patched
        .scheduled_next_term_instructions
        .as_ref()
        .map(|n| n.quantity);
    let changed = if patched.status.eq_ignore_ascii_case("deleted") {
        sim.cancel_subscription(&request, &tenant, &id).await
    } else if patched.quantity != current.quantity {
        sim.change_quantity(&request, &tenant, &id, patched.quantity)
            .await
    } else if patched.auto_renew_enabled != current.auto_renew {
        sim.set_auto_renew(&request, &tenant, &id, patched.auto_renew_enabled)
            .await
    } else if let Some(quantity) = renewal.filter(|q| Some(*q) != current.renewal_quantity) {
        sim.schedule_renewal_quantity(&request, &tenant, &id, quantity)
            .await
    } else {
        Ok(current)
    };
    answer(StatusCode::OK, changed.map(|s| WireSubscription::of(&s)))
}
