//! The seam between Kontor and a cloud vendor: everything Kontor asks of one, as the trait
//! [`Provider`], shaped after the Microsoft Partner Center REST API (customers, domains,
//! relationships, partner checks, agreements, carts and checkout, orders, subscriptions).
//!
//! Two implementations exist: [`partner_center::PartnerCenter`], the real API over HTTP, and
//! the simulator (crate `kontor-provider-sim`), the embedded default. Whatever Kontor calls
//! goes through [`Paced`], which keeps to the vendor's rate limit, holds every caller back
//! while the vendor asks to wait (429), and gives up on a call that takes too long.
//!
//! This crate knows nothing of Kontor's records: ids are the vendor's (a customer's tenant
//! id, a subscription id), and what a refusal means is a [`RefusalReason`], which Kontor puts
//! into words.

mod error;
mod model;
mod pace;
pub mod partner_center;
mod request_id;

pub use error::{ProviderError, Refusal, RefusalReason, MAX_RETRY_AFTER_SECS};
pub use model::*;
pub use pace::{Paced, ProviderHealth};
pub use request_id::{guid, RequestId};

use std::sync::Arc;

/// The provider as the application holds it: one instance, shared by every caller.
pub type SharedProvider = Arc<dyn Provider>;

/// Everything Kontor asks of a cloud vendor. Calls that change something take the
/// [`RequestId`] of the logical request (`MS-RequestId`), which the caller keeps across
/// retries: the vendor recognises a repeat and answers it without doing the work twice.
///
/// A trait object (`Arc<dyn Provider>`) rather than a generic parameter: the implementation
/// is chosen at start-up from the configuration, and every server function, job and worker
/// reaches it through the request's context, where a type parameter would have to be
/// threaded through all of them.
#[async_trait::async_trait]
pub trait Provider: Send + Sync + 'static {
    /// `HEAD /v1/domains/{domain}`: whether the domain exists anywhere (200 taken, 404 free).
    async fn domain_exists(&self, domain: &str) -> Result<bool, ProviderError>;

    /// `POST /v1/customers`: a new customer tenant, for the indirect reseller it names. The
    /// answer carries its tenant id and the first admin login.
    async fn create_customer(
        &self,
        request: &RequestId,
        customer: &NewCustomer,
    ) -> Result<CreatedCustomer, ProviderError>;

    /// `GET /v1/customers/{tenant id}`: whether the new tenant can be used yet.
    async fn customer_ready(&self, tenant_id: &str) -> Result<bool, ProviderError>;

    /// `GET /v1/customers?filter=…Domain…`: the tenant id of the distributor's customer with
    /// this domain; `None` while the tenant has not accepted the distributor.
    async fn find_customer(&self, domain: &str) -> Result<Option<String>, ProviderError>;

    /// `GET /v1/customers/relationshiprequests`: the link a tenant's admin follows to accept
    /// the distributor as reseller and this indirect reseller (by Microsoft id) with it.
    async fn invitation_link(&self, indirect_reseller: &str) -> Result<String, ProviderError>;

    /// `GET /v1/customers/{tenant id}/relationships`: the partners the customer is linked to.
    async fn relationships(
        &self,
        tenant_id: &str,
    ) -> Result<Vec<PartnerRelationship>, ProviderError>;

    /// `GET /v1/profiles/mpn?mpnId=…`: the partner with this PartnerID (MPN); a refusal
    /// ([`RefusalReason::PartnerIdUnknown`] and its kin) when there is none.
    async fn mpn_profile(&self, mpn: &str) -> Result<MpnProfile, ProviderError>;

    /// `GET /v1/compliance/csp/agreementstatus?mpnId=…`: whether the partner accepted the
    /// Microsoft Partner Agreement.
    async fn partner_agreement_signed(&self, mpn: &str) -> Result<bool, ProviderError>;

    /// `GET /v1/agreements?agreementType=MicrosoftCustomerAgreement`: the template id an
    /// acceptance must name.
    async fn customer_agreement_template(&self) -> Result<String, ProviderError>;

    /// `POST /v1/customers/{tenant id}/agreements`: records that the customer accepted the
    /// Microsoft Customer Agreement. The same contact twice is refused
    /// ([`RefusalReason::AgreementAlreadyConfirmed`]).
    async fn confirm_customer_agreement(
        &self,
        request: &RequestId,
        tenant_id: &str,
        acceptance: &AgreementAcceptance,
    ) -> Result<(), ProviderError>;

    /// `POST /v1/customers/{tenant id}/carts`: a cart with the order's lines; its id.
    async fn create_cart(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart: &NewCart,
    ) -> Result<String, ProviderError>;

    /// `POST /v1/customers/{tenant id}/carts/{cart id}/checkout`: places the cart (once: a
    /// checkout again answers with the same orders). One order per billing cycle.
    async fn checkout(
        &self,
        request: &RequestId,
        tenant_id: &str,
        cart_id: &str,
    ) -> Result<Vec<PlacedOrder>, ProviderError>;

    /// `GET /v1/customers/{tenant id}/orders/{order id}`: the order, its status and, once
    /// completed, each line's subscription.
    async fn order(&self, tenant_id: &str, order_id: &str) -> Result<PlacedOrder, ProviderError>;

    /// `GET /v1/customers/{tenant id}/orders/{order id}/provisioningstatus`.
    async fn order_provisioning(
        &self,
        tenant_id: &str,
        order_id: &str,
    ) -> Result<Vec<LineProvisioning>, ProviderError>;

    /// `GET /v1/customers/{tenant id}/subscriptions`.
    async fn subscriptions(&self, tenant_id: &str) -> Result<Vec<Subscription>, ProviderError>;

    /// `PATCH /v1/customers/{tenant id}/subscriptions/{id}` with a new quantity. Fewer
    /// licences only within the cancellation window, and never fewer than are assigned.
    async fn change_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError>;

    /// `PATCH …/subscriptions/{id}` with the status `deleted`: cancels, within the window.
    async fn cancel_subscription(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
    ) -> Result<Subscription, ProviderError>;

    /// `PATCH …/subscriptions/{id}` with `autoRenewEnabled`.
    async fn set_auto_renew(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        on: bool,
    ) -> Result<Subscription, ProviderError>;

    /// `PATCH …/subscriptions/{id}` with `scheduledNextTermInstructions`: the quantity the
    /// subscription renews with (a reduction outside the cancellation window).
    async fn schedule_renewal_quantity(
        &self,
        request: &RequestId,
        tenant_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ProviderError>;
}
