//! The provider adapter: everything Kontor asks of the cloud vendor, over HTTP, in the shape of
//! the Microsoft Partner Center REST API (`/v1/domains/{domain}`, `/v1/customers`, …). The
//! embedded default talks to the simulated provider (`simulator.rs`); a real vendor is another
//! base URL and token. Every call carries an `MS-RequestId` that the caller keeps across
//! retries, so the vendor can recognise a repeated request and answer it without doing it
//! twice.

use crate::domain::MicrosoftId;
use crate::platform::provider::pace::Pace;
use crate::platform::provider::{
    AgreementAcceptance, CreatedTenant, MpaStatus, NewOrder, NewTenant, PlacedOrder,
    ProvisioningState, Relationships, RequestId, INDIRECT_RESELLER,
};
use reqwest::{header, Method, StatusCode};
use std::sync::Arc;
use std::time::Duration;

/// Why a provider call did not give an answer.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider answered 5xx, timed out or could not be reached: try again later.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
    /// 429: try again after the time the provider asked for.
    #[error("the provider asks to wait {0:?}")]
    RateLimited(Duration),
    /// The domain is taken at the provider (409 on creation).
    #[error("the domain is taken at the provider")]
    DomainTaken,
    /// Any other 4xx: retrying the same request will not help.
    #[error("the provider refused the request: {status} {message}")]
    Refused { status: u16, message: String },
}

impl ProviderError {
    /// Worth retrying with the same request id.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ProviderError::Unavailable(_) | ProviderError::RateLimited(_)
        )
    }
}

/// The longest wait a 429 may ask for: a provider's `Retry-After` of years (or one that
/// overflows the clock) holds calls back for an hour, then the next answer says again.
pub const MAX_RETRY_AFTER_SECS: u64 = 60 * 60;

#[derive(Clone, Debug)]
pub struct ProviderClient {
    http: reqwest::Client,
    base_url: Arc<str>,
    token: Arc<str>,
    /// Shared by every clone: all of Kontor's calls keep to the provider's rate limit.
    pace: Arc<Pace>,
}

impl ProviderClient {
    /// `base_url` without a trailing slash (e.g. `http://127.0.0.1:3000/provider-sim`).
    pub fn new(base_url: &str, token: &str, timeout: Duration) -> ProviderClient {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()
            .unwrap_or_default();
        ProviderClient {
            http,
            base_url: base_url.trim_end_matches('/').into(),
            token: token.into(),
            pace: Arc::new(Pace::new(None)),
        }
    }

    /// Keeps to at most `per_second` calls a second, the provider's limit.
    pub fn with_rate_limit(self, per_second: Option<u32>) -> ProviderClient {
        ProviderClient {
            pace: Arc::new(Pace::new(per_second)),
            ..self
        }
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        request_id: &RequestId,
    ) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base_url))
            .bearer_auth(&*self.token)
            .header("MS-RequestId", request_id.as_str())
            .header(header::ACCEPT, "application/json")
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, ProviderError> {
        self.pace.wait_turn().await;
        let response = request
            .send()
            .await
            .map_err(|e| ProviderError::Unavailable(e.without_url().to_string()))?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            let wait = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_RETRY_AFTER_SECS);
            let wait = Duration::from_secs(wait);
            self.pace.hold_off(wait);
            return Err(ProviderError::RateLimited(wait));
        }
        if status.is_server_error() {
            return Err(ProviderError::Unavailable(format!("status {status}")));
        }
        // The provider does not take Kontor's credentials: nothing the request can change,
        // and no reason to fail a customer's order for good. Unavailable (retried) and loud.
        if status == StatusCode::UNAUTHORIZED {
            tracing::error!(
                "the provider refuses Kontor's token (401): check KONTOR_PROVIDER_TOKEN"
            );
            return Err(ProviderError::Unavailable(
                "the provider refuses Kontor's credentials (401)".to_owned(),
            ));
        }
        Ok(response)
    }

    /// A GET whose successful answer is JSON.
    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        request_id: &RequestId,
    ) -> Result<T, ProviderError> {
        let response = self
            .send(self.request(Method::GET, path, request_id))
            .await?;
        if !response.status().is_success() {
            return Err(Self::refused(response).await);
        }
        Self::read(response).await
    }

    async fn read<T: serde::de::DeserializeOwned>(
        response: reqwest::Response,
    ) -> Result<T, ProviderError> {
        response
            .json::<T>()
            .await
            .map_err(|e| ProviderError::Unavailable(format!("unreadable answer: {e}")))
    }

    async fn refused(response: reqwest::Response) -> ProviderError {
        let status = response.status().as_u16();
        let message = response.text().await.unwrap_or_default();
        ProviderError::Refused {
            status,
            message: message.chars().take(200).collect(),
        }
    }

    /// `HEAD /v1/domains/{domain}`: whether the domain exists anywhere (200 taken, 404 free).
    pub async fn domain_exists(&self, domain: &str) -> Result<bool, ProviderError> {
        let request_id = RequestId::generate();
        let path = format!("/v1/domains/{domain}");
        let response = self
            .send(self.request(Method::HEAD, &path, &request_id))
            .await?;
        match response.status() {
            StatusCode::OK => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            _ => Err(Self::refused(response).await),
        }
    }

    /// `POST /v1/customers`: creates a customer tenant. Repeating it with the same request id
    /// answers with the tenant created the first time.
    pub async fn create_tenant(
        &self,
        request_id: &RequestId,
        tenant: &NewTenant,
    ) -> Result<CreatedTenant, ProviderError> {
        let response = self
            .send(
                self.request(Method::POST, "/v1/customers", request_id)
                    .json(tenant),
            )
            .await?;
        match response.status() {
            StatusCode::OK | StatusCode::CREATED => Self::read(response).await,
            StatusCode::CONFLICT => Err(ProviderError::DomainTaken),
            _ => Err(Self::refused(response).await),
        }
    }

    /// `GET /v1/customers/{tenant id}`: how far the tenant's provisioning is.
    pub async fn provisioning_state(
        &self,
        request_id: &RequestId,
        tenant_id: &str,
    ) -> Result<ProvisioningState, ProviderError> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer {
            provisioning_state: ProvisioningState,
        }
        let path = format!("/v1/customers/{tenant_id}");
        let answer: Answer = self.get_json(&path, request_id).await?;
        Ok(answer.provisioning_state)
    }

    /// `GET /v1/customers/relationshiprequests?domain=…&indirectResellerId=…`: the link a
    /// tenant's admin follows to accept the distributor as reseller and link the tenant to the
    /// indirect reseller with this Microsoft id, whose name the provider then lists in the
    /// tenant's relationships ("CSP autorisieren", "Einladung senden").
    pub async fn invitation_link(
        &self,
        domain: &str,
        indirect_reseller: &MicrosoftId,
    ) -> Result<String, ProviderError> {
        #[derive(serde::Deserialize)]
        struct Answer {
            url: String,
        }
        let path = format!(
            "/v1/customers/relationshiprequests?domain={domain}&indirectResellerId={}",
            indirect_reseller.as_str()
        );
        let answer: Answer = self.get_json(&path, &RequestId::generate()).await?;
        Ok(answer.url)
    }

    /// `POST /v1/customers/{domain}/agreements`: records that the customer accepted the
    /// cloud agreement. Repeating it with the same request id records it once.
    pub async fn report_agreement(
        &self,
        request_id: &RequestId,
        domain: &str,
        acceptance: &AgreementAcceptance,
    ) -> Result<(), ProviderError> {
        let path = format!("/v1/customers/{domain}/agreements");
        let response = self
            .send(
                self.request(Method::POST, &path, request_id)
                    .json(acceptance),
            )
            .await?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(Self::refused(response).await)
        }
    }

    /// `POST /v1/customers/{domain}/orders`: places an order. Repeating it with the same
    /// request id answers with the order placed the first time.
    pub async fn create_order(
        &self,
        request_id: &RequestId,
        domain: &str,
        order: &NewOrder,
    ) -> Result<PlacedOrder, ProviderError> {
        let path = format!("/v1/customers/{domain}/orders");
        let response = self
            .send(self.request(Method::POST, &path, request_id).json(order))
            .await?;
        if response.status().is_success() {
            Self::read(response).await
        } else {
            Err(Self::refused(response).await)
        }
    }

    /// `GET /v1/customers/{domain}/orders/{id}`: how far the order is.
    pub async fn order(
        &self,
        request_id: &RequestId,
        domain: &str,
        order_id: &str,
    ) -> Result<PlacedOrder, ProviderError> {
        let path = format!("/v1/customers/{domain}/orders/{order_id}");
        self.get_json(&path, request_id).await
    }

    /// `GET /v1/partners/{mpn}/mpa`: whether the partner with this location MPN accepted the
    /// Microsoft Partner Agreement; `None` when the provider knows no such MPN (404).
    pub async fn mpa_status(&self, mpn: &str) -> Result<Option<MpaStatus>, ProviderError> {
        let path = format!("/v1/partners/{mpn}/mpa");
        let response = self
            .send(self.request(Method::GET, &path, &RequestId::generate()))
            .await?;
        match response.status() {
            StatusCode::OK => Self::read(response).await.map(Some),
            StatusCode::NOT_FOUND => Ok(None),
            _ => Err(Self::refused(response).await),
        }
    }

    /// `GET /v1/customers/{domain}/relationships`: the Microsoft ids of the indirect resellers
    /// the customer is linked to.
    pub async fn indirect_resellers(&self, domain: &str) -> Result<Vec<String>, ProviderError> {
        let path = format!("/v1/customers/{domain}/relationships");
        let answer: Relationships = self.get_json(&path, &RequestId::generate()).await?;
        Ok(answer
            .items
            .into_iter()
            .filter(|r| r.relationship_type == INDIRECT_RESELLER)
            .map(|r| r.id)
            .collect())
    }
}
