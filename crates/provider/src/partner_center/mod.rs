//! The Microsoft Partner Center REST API as a [`Provider`]: the documented paths and JSON
//! (`wire.rs`), an app-only access token from Microsoft Entra ID (`token.rs`), `MS-RequestId`
//! (the caller's, reused on every retry) and `MS-CorrelationId` on every call, 429 with
//! `Retry-After` as [`ProviderError::RateLimited`], and error bodies read into a
//! [`RefusalReason`] (`errors.rs`).

pub mod errors;
mod token;
pub mod wire;

use crate::*;
use reqwest::{header, Method, StatusCode};
use std::time::Duration;
use wire::*;

/// Where Kontor reaches Partner Center and who it is there. The secret comes from the
/// environment only.
#[derive(Clone)]
pub struct PartnerCenterSettings {
    /// `https://api.partnercenter.microsoft.com`.
    pub api_url: String,
    /// `https://login.microsoftonline.com`.
    pub login_url: String,
    /// The distributor's (partner) tenant id.
    pub tenant_id: String,
    /// The Entra ID application (client) id.
    pub application_id: String,
    pub application_secret: String,
    /// How long one HTTP call may take.
    pub timeout: Duration,
}

impl std::fmt::Debug for PartnerCenterSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartnerCenterSettings")
            .field("api_url", &self.api_url)
            .field("login_url", &self.login_url)
            .field("tenant_id", &self.tenant_id)
            .field("application_id", &self.application_id)
            .field("application_secret", &"…")
            .finish()
    }
}

pub const API_URL: &str = "https://api.partnercenter.microsoft.com";
pub const LOGIN_URL: &str = "https://login.microsoftonline.com";

pub struct PartnerCenter {
    http: reqwest::Client,
    api: String,
    tokens: token::TokenSource,
}

impl PartnerCenter {
    pub fn new(settings: &PartnerCenterSettings) -> PartnerCenter {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .build()
            .unwrap_or_default();
        PartnerCenter {
            tokens: token::TokenSource::new(
                http.clone(),
                &settings.login_url,
                &settings.tenant_id,
                &settings.application_id,
                &settings.application_secret,
            ),
            http,
            api: settings.api_url.trim_end_matches('/').to_owned(),
        }
    }

    /// One call, with a token; a token the API refuses (401) is fetched anew and the call
    /// made once more, under the same request id.
    async fn send(
        &self,
        method: Method,
        path: &str,
        request: &RequestId,
        body: Option<&serde_json::Value>,
    ) -> Result<reqwest::Response, ProviderError> {
        let correlation = RequestId::generate();
        for attempt in 0..2 {
            let token = self.tokens.token().await?;
            let mut call = self
                .http
                .request(method.clone(), format!("{}{path}", self.api))
                .bearer_auth(&*token)
                .header("MS-RequestId", request.as_str())
                .header("MS-CorrelationId", correlation.as_str())
                .header("X-Locale", "de-DE")
                .header(header::ACCEPT, "application/json");
            if let Some(body) = body {
                call = call.json(body);
            }
            let response = call
                .send()
                .await
                .map_err(|e| ProviderError::Unavailable(e.without_url().to_string()))?;
            match response.status() {
                StatusCode::UNAUTHORIZED if attempt == 0 => self.tokens.refused(&token).await,
                StatusCode::UNAUTHORIZED => {
                    tracing::error!("Partner Center refuses a fresh token (401)");
                    return Err(ProviderError::Unavailable(
                        "Partner Center refuses Kontor's token (401)".to_owned(),
                    ));
                }
                StatusCode::TOO_MANY_REQUESTS => {
                    let wait = response
                        .headers()
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_RETRY_AFTER_SECS);
                    return Err(ProviderError::RateLimited(Duration::from_secs(wait)));
                }
                status if status.is_server_error() => {
                    return Err(ProviderError::Unavailable(format!("status {status}")))
                }
                _ => return Ok(response),
            }
        }
        unreachable!("the loop returns in its second round")
    }

    /// A call whose successful answer is the JSON document `T`.
    async fn json<T: serde::de::DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        request: &RequestId,
        body: Option<&serde_json::Value>,
    ) -> Result<T, ProviderError> {
        let response = self.send(method, path, request, body).await?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| ProviderError::Unavailable(format!("an unread answer: {e}")))?;
        if !status.is_success() {
            return Err(errors::refusal(status.as_u16(), &text));
        }
        // The API sometimes starts its JSON with a byte-order mark.
        serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| ProviderError::Unavailable(format!("an unreadable answer: {e}")))
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, ProviderError> {
        self.json(Method::GET, path, &RequestId::generate(), None)
            .await
    }

    async fn subscription(
        &self,
        tenant_id: &str,
        subscription_id: &str,
    ) -> Result<WireSubscription, ProviderError> {
        self.get(&format!(
            "/v1/customers/{tenant_id}/subscriptions/{subscription_id}"
        ))
        .await
    }

    /// A subscription changed: the API takes the whole resource with the change, so it is
    /// read first.
    async fn patch_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        change: impl FnOnce(&mut serde_json::Value),
    ) -> Result<Subscription, ProviderError> {
        let current = self.subscription(tenant_id, subscription_id).await?;
        let mut body = serde_json::to_value(&current)
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        change(&mut body);
        let patched: WireSubscription = self
            .json(
                Method::PATCH,
                &format!("/v1/customers/{tenant_id}/subscriptions/{subscription_id}"),
                request,
                Some(&body),
            )
            .await?;
        readable(patched.subscription())
    }
}

fn readable<T>(value: Option<T>) -> Result<T, ProviderError> {
    value.ok_or_else(|| ProviderError::Unavailable("an answer Kontor cannot read".to_owned()))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, ProviderError> {
    serde_json::to_value(value).map_err(|e| ProviderError::Unavailable(e.to_string()))
}

/// A path segment or query value, percent-encoded.
fn encoded(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[async_trait::async_trait]
impl Provider for PartnerCenter {
    async fn domain_exists(&self, domain: &str) -> Result<bool, ProviderError> {
        let response = self
            .send(
                Method::HEAD,
                &format!("/v1/domains/{}", encoded(domain)),
                &RequestId::generate(),
                None,
            )
            .await?;
        match response.status() {
            StatusCode::OK => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            status => Err(errors::refusal(status.as_u16(), "")),
        }
    }

    async fn create_customer(
        &self,
        request: &RequestId,
        customer: &NewCustomer,
    ) -> Result<CreatedCustomer, ProviderError> {
        let body = to_json(&Customer::to_create(customer))?;
        let created: Customer = self
            .json(Method::POST, "/v1/customers", request, Some(&body))
            .await
            .map_err(|error| match error {
                // The API answers a domain that exists with 409.
                ProviderError::Refused(r) if r.reason == RefusalReason::Other => {
                    ProviderError::Refused(Refusal {
                        reason: if r.description.to_ascii_lowercase().contains("domain") {
                            RefusalReason::DomainTaken
                        } else {
                            r.reason
                        },
                        ..r
                    })
                }
                other => other,
            })?;
        readable(created.created())
    }

    async fn customer_ready(&self, tenant_id: &str) -> Result<bool, ProviderError> {
        match self
            .get::<Customer>(&format!("/v1/customers/{}", encoded(tenant_id)))
            .await
        {
            Ok(_) => Ok(true),
            // Created a moment ago: not every part of the API knows it yet.
            Err(ProviderError::Refused(r)) if r.reason == RefusalReason::NotFound => Ok(false),
            Err(error) => Err(error),
        }
    }

    async fn find_customer(&self, domain: &str) -> Result<Option<String>, ProviderError> {
        let filter = serde_json::to_string(&CustomerFilter::domain(domain))
            .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
        let found: Collection<Customer> = self
            .get(&format!(
                "/v1/customers?size=20&filter={}",
                encoded(&filter)
            ))
            .await?;
        // The filter matches the beginning of a domain: only the same domain counts.
        Ok(found
            .items
            .iter()
            .find(|c| c.company_profile.domain.eq_ignore_ascii_case(domain))
            .and_then(Customer::tenant_id)
            .map(str::to_owned))
    }

    async fn invitation_link(&self, indirect_reseller: &str) -> Result<String, ProviderError> {
        let request: RelationshipRequest = self
            .get(&format!(
                "/v1/customers/relationshiprequests?indirectResellerId={}",
                encoded(indirect_reseller)
            ))
            .await?;
        Ok(request.url)
    }

    async fn relationships(
        &self,
        tenant_id: &str,
    ) -> Result<Vec<PartnerRelationship>, ProviderError> {
        let found: Collection<WireRelationship> = self
            .get(&format!(
                "/v1/customers/{}/relationships",
                encoded(tenant_id)
            ))
            .await?;
        Ok(found.items.into_iter().map(Into::into).collect())
    }

    async fn mpn_profile(&self, mpn: &str) -> Result<MpnProfile, ProviderError> {
        let profile: WireMpnProfile = self
            .get(&format!("/v1/profiles/mpn?mpnId={}", encoded(mpn)))
            .await?;
        Ok(MpnProfile {
            mpn_id: profile.mpn_id,
            partner_name: profile.partner_name,
        })
    }

    async fn partner_agreement_signed(&self, mpn: &str) -> Result<bool, ProviderError> {
        let status: AgreementStatus = self
            .get(&format!(
                "/v1/compliance/csp/agreementstatus?mpnId={}",
                encoded(mpn)
            ))
            .await?;
        Ok(status.is_agreement_signed)
    }

    async fn customer_agreement_template(&self) -> Result<String, ProviderError> {
        let found: Collection<AgreementMetaData> = self
            .get(&format!(
                "/v1/agreements?agreementType={MICROSOFT_CUSTOMER_AGREEMENT}"
            ))
            .await?;
        // The newest version has the lowest rank.
        let newest = found
            .items
            .into_iter()
            .filter(|a| a.agreement_type == MICROSOFT_CUSTOMER_AGREEMENT)
            .min_by_key(|a| a.version_rank.unwrap_or(0));
        readable(newest.map(|a| a.template_id))
    }

    async fn confirm_customer_agreement(
        &self,
        request: &RequestId,
        tenant_id: &str,
        acceptance: &AgreementAcceptance,
    ) -> Result<(), ProviderError> {
        let body = to_json(&Agreement::of(acceptance))?;
        let _: serde_json::Value = self
            .json(
                Method::POST,
                &format!("/v1/customers/{}/agreements", encoded(tenant_id)),
                request,
                Some(&body),
            )
            .await?;
        Ok(())
    }

    async fn create_cart(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart: &NewCart,
    ) -> Result<String, ProviderError> {
        let body = to_json(&Cart::of(cart))?;
        let created: Cart = self
            .json(
                Method::POST,
                &format!("/v1/customers/{}/carts", encoded(tenant_id)),
                request,
                Some(&body),
            )
            .await?;
        readable(created.id)
    }

    async fn checkout(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart_id: &str,
    ) -> Result<Vec<PlacedOrder>, ProviderError> {
        let result: CartCheckoutResult = self
            .json(
                Method::POST,
                &format!(
                    "/v1/customers/{}/carts/{}/checkout",
                    encoded(tenant_id),
                    encoded(cart_id)
                ),
                request,
                None,
            )
            .await?;
        if result.orders.is_empty() {
            let description = result
                .order_errors
                .first()
                .map(|e| e.to_string())
                .unwrap_or_default();
            return Err(ProviderError::refused(
                RefusalReason::Other,
                None,
                &description,
            ));
        }
        result.orders.iter().map(|o| readable(o.placed())).collect()
    }

    async fn order(&self, tenant_id: &str, order_id: &str) -> Result<PlacedOrder, ProviderError> {
        let order: Order = self
            .get(&format!(
                "/v1/customers/{}/orders/{}",
                encoded(tenant_id),
                encoded(order_id)
            ))
            .await?;
        readable(order.placed())
    }

    async fn order_provisioning(
        &self,
        tenant_id: &str,
        order_id: &str,
    ) -> Result<Vec<LineProvisioning>, ProviderError> {
        let found: Collection<ProvisioningStatus> = self
            .get(&format!(
                "/v1/customers/{}/orders/{}/provisioningstatus",
                encoded(tenant_id),
                encoded(order_id)
            ))
            .await?;
        found.items.iter().map(|s| readable(s.line())).collect()
    }

    async fn subscriptions(&self, tenant_id: &str) -> Result<Vec<Subscription>, ProviderError> {
        let found: Collection<WireSubscription> = self
            .get(&format!(
                "/v1/customers/{}/subscriptions",
                encoded(tenant_id)
            ))
            .await?;
        found
            .items
            .iter()
            .map(|s| readable(s.subscription()))
            .collect()
    }

    async fn change_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.patch_subscription(request, tenant_id, subscription_id, |body| {
            body["quantity"] = quantity.into();
        })
        .await
    }

    async fn cancel_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
    ) -> Result<Subscription, ProviderError> {
        self.patch_subscription(request, tenant_id, subscription_id, |body| {
            body["status"] = "deleted".into();
        })
        .await
    }

    async fn set_auto_renew(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        on: bool,
    ) -> Result<Subscription, ProviderError> {
        self.patch_subscription(request, tenant_id, subscription_id, |body| {
            body["autoRenewEnabled"] = on.into();
        })
        .await
    }

    async fn schedule_renewal_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError> {
        self.patch_subscription(request, tenant_id, subscription_id, |body| {
            body["scheduledNextTermInstructions"] = serde_json::json!({ "quantity": quantity });
        })
        .await
    }
}

/// The documented answers (as fixtures) read into the seam's records, and Kontor's requests
/// written in the documented shape.
#[cfg(test)]
mod fixtures {
    use super::*;

    fn read<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).expect("a fixture in the documented shape")
    }

    #[test]
    fn a_created_customer_gives_its_tenant_id_and_first_login() {
        let customer: Customer = read(include_str!("fixtures/customer_created.json"));
        let created = customer.created().unwrap();
        assert_eq!(created.tenant_id, "0b3d6c3e-5a8e-4d6e-9f31-6a1f2b7c8d90");
        assert_eq!(created.admin_user, "admin");
        assert_eq!(created.admin_password, "Wq7#kPz2Lm");
        assert!(!format!("{created:?}").contains("Wq7"), "never in the logs");
    }

    #[test]
    fn a_customer_to_create_is_written_as_documented() {
        let customer: Customer = read(include_str!("fixtures/customer_created.json"));
        let new = customer.new_customer().unwrap();
        let json = serde_json::to_value(Customer::to_create(&new)).unwrap();
        assert_eq!(
            json["companyProfile"]["domain"],
            "baeckereisonnenschein.onmicrosoft.com"
        );
        assert_eq!(json["billingProfile"]["culture"], "de-DE");
        assert_eq!(
            json["billingProfile"]["defaultAddress"]["addressLine1"],
            "Marktplatz 3"
        );
        assert_eq!(
            json["associatedPartnerId"],
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
        );
        assert!(json.get("userCredentials").is_none());
    }

    #[test]
    fn the_relationships_name_the_indirect_resellers_in_lower_case() {
        let found: Collection<WireRelationship> = read(include_str!("fixtures/relationships.json"));
        let relationships: Vec<PartnerRelationship> =
            found.items.into_iter().map(Into::into).collect();
        assert_eq!(
            indirect_resellers(&relationships),
            ["3f2504e0-4f89-11d3-9a0c-0305e82c3301"]
        );
        assert_eq!(relationships[0].mpn_id.as_deref(), Some("1234567"));
    }

    #[test]
    fn partner_checks_agreements_and_links_are_read() {
        let profile: WireMpnProfile = read(include_str!("fixtures/mpn_profile.json"));
        assert_eq!(
            (profile.mpn_id.as_str(), profile.partner_name.as_str()),
            ("1234567", "Demo Systemhaus GmbH")
        );
        let status: AgreementStatus = read(include_str!("fixtures/agreement_status.json"));
        assert!(status.is_agreement_signed);
        let templates: Collection<AgreementMetaData> =
            read(include_str!("fixtures/agreement_metadata.json"));
        assert_eq!(
            templates.items[0].template_id,
            "117a77b0-9360-443b-8795-c6dedc750cf9"
        );
        let link: RelationshipRequest = read(include_str!("fixtures/relationship_request.json"));
        assert!(link.url.starts_with("https://admin.microsoft.com/"));
    }

    #[test]
    fn an_acceptance_is_written_and_read_as_documented() {
        let agreement: Agreement = read(include_str!("fixtures/agreement_created.json"));
        let acceptance = agreement.acceptance().unwrap();
        assert_eq!(acceptance.date_agreed, 1_795_392_000); // 2026-11-23 UTC
        let json = serde_json::to_value(Agreement::of(&acceptance)).unwrap();
        assert_eq!(json["type"], "MicrosoftCustomerAgreement");
        assert_eq!(json["dateAgreed"], "2026-11-23T00:00:00Z");
        assert_eq!(json["primaryContact"]["lastName"], "Weber");
    }

    #[test]
    fn a_cart_names_the_reseller_and_nests_its_add_ons() {
        let cart: Cart = read(include_str!("fixtures/cart_created.json"));
        assert_eq!(
            cart.id.as_deref(),
            Some("b4c8fdea-cbe4-4d17-9576-13fcacbf9605")
        );
        let new = cart.new_cart().unwrap();
        assert_eq!(new.reseller_partner_id.as_deref(), Some("1234567"));
        assert_eq!(new.lines[0].term, Some(Term::OneMonth));
        assert_eq!(new.lines[0].add_ons[0].catalog_item_id, "EXO-ARCHIVE");
        let json = serde_json::to_value(Cart::of(&new)).unwrap();
        assert_eq!(
            json["lineItems"][0]["participants"][0]["key"],
            "transaction_reseller"
        );
        assert_eq!(json["lineItems"][0]["addOnItems"][0]["id"], 42);
        assert!(json.get("id").is_none(), "a new cart has no id yet");
    }

    #[test]
    fn a_checkout_gives_one_order_per_billing_cycle() {
        let result: CartCheckoutResult = read(include_str!("fixtures/checkout_result.json"));
        let orders: Vec<PlacedOrder> = result.orders.iter().map(|o| o.placed().unwrap()).collect();
        assert_eq!(orders.len(), 2);
        assert_eq!(orders[0].billing_cycle, BillingCycle::Monthly);
        assert_eq!(orders[1].billing_cycle, BillingCycle::Annual);
        assert!(orders.iter().all(|o| o.status == OrderStatus::Pending));
        assert_eq!(orders[0].lines[1].line_item_number, 42);
    }

    #[test]
    fn a_completed_order_names_each_lines_subscription() {
        let order: Order = read(include_str!("fixtures/order_completed.json"));
        let placed = order.placed().unwrap();
        assert_eq!(placed.status, OrderStatus::Completed);
        assert_eq!(
            placed.lines[0].subscription_id.as_deref(),
            Some("ef2e1307-86e6-40e3-a794-872403fbd31c")
        );
        let provisioning: Collection<ProvisioningStatus> =
            read(include_str!("fixtures/provisioning_status.json"));
        let lines: Vec<_> = provisioning
            .items
            .iter()
            .map(|p| p.line().unwrap())
            .collect();
        assert_eq!(lines[0].status, Fulfilment::Fulfilled);
        assert_eq!(lines[1].status, Fulfilment::PrefulfillmentPending);
    }

    #[test]
    fn a_subscription_gives_its_term_and_renewal() {
        let subscription: WireSubscription = read(include_str!("fixtures/subscription.json"));
        let read = subscription.subscription().unwrap();
        assert_eq!(read.quantity, 5);
        assert_eq!(read.status, SubscriptionStatus::Active);
        assert!(read.auto_renew);
        assert_eq!(read.term_started_at, 1_795_392_000);
        assert_eq!(read.term_ends_at, 1_795_392_000 + 29 * 86_400);
        // Written back (the PATCH body) it keeps the API's fields.
        let json = serde_json::to_value(WireSubscription::of(&read)).unwrap();
        assert_eq!(json["autoRenewEnabled"], true);
        assert_eq!(json["commitmentEndDate"], "2026-12-22T00:00:00Z");
    }

    #[test]
    fn an_error_body_becomes_its_reason() {
        let error = errors::refusal(400, include_str!("fixtures/error_600061.json"));
        assert_eq!(
            error.reason(),
            Some(RefusalReason::AgreementAlreadyConfirmed)
        );
    }
}
