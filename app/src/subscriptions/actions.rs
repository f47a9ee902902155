//! The subscriptions' server functions, for reseller users: a customer's list, one
//! subscription, and more users for it (a binding order through the cart's path).

use super::page::{SeatsField, SeatsForm};
use super::{Subscription, SubscriptionDetail};
use crate::domain::CustomerId;
use crate::error::{AppError, FormError};
use leptos::prelude::*;

#[server(endpoint = "subscriptions/of-customer")]
pub async fn load_subscriptions(customer_id: CustomerId) -> Result<Vec<Subscription>, AppError> {
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    if !crate::customers::server::belongs_to(&db, scope, customer_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    Ok(crate::subscriptions::server::for_customer(&db, scope, customer_id).await?)
}

/// The subscription, and its form: as refused last (JavaScript off), or new with a fresh
/// idempotency key.
#[server(endpoint = "subscriptions/get")]
pub async fn load_subscription(id: i64) -> Result<(SubscriptionDetail, SeatsForm), AppError> {
    use crate::platform::form_memory::recall_refused;
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    let detail = crate::subscriptions::server::find(&db, scope, id)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let kept: Option<SeatsForm> = recall_refused(&format!("add-seats:{id}"));
    let form = SeatsForm {
        // The price shown now, also in a kept form: confirming the form confirms it.
        unit_cents: detail
            .increasable()
            .and_then(|cycle| detail.pricing.unit_cents(cycle))
            .map(|cents| cents.to_string())
            .unwrap_or_default(),
        ..kept.unwrap_or_else(|| SeatsForm {
            key: crate::cart::server::new_order_key(),
            ..SeatsForm::default()
        })
    };
    Ok((detail, form))
}

/// "Zahlungspflichtig bestellen" for more users: an order with one line, then its page.
#[server(endpoint = "subscriptions/add-seats")]
pub async fn add_seats(id: i64, form: SeatsForm) -> Result<(), FormError<SeatsField>> {
    let result = ssr::add_seats(id, &form).await;
    match &result {
        Ok(number) => leptos_axum::redirect(&number.path()),
        Err(error) => {
            // The key stays: sent again, the same form finds the same order.
            let kept = SeatsForm {
                accept_terms: None,
                ..form.clone()
            };
            crate::platform::form_memory::keep_refused(error, &format!("add-seats:{id}"), &kept);
        }
    }
    result.map(|_| ())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::page::parse_seats;
    use super::*;
    use crate::customers::server as customers;
    use crate::domain::{IdempotencyKey, OrderNumber, OrderProblem, Totals};
    use crate::orders::server::{self as orders, Checkout, Items, SeatIncrease};
    use crate::orders::{refuse, submit};
    use crate::platform::database;
    use crate::subscriptions::server as subscriptions;

    fn refused(problem: OrderProblem) -> FormError<SeatsField> {
        refuse(problem)
    }

    pub async fn add_seats(
        id: i64,
        form: &SeatsForm,
    ) -> Result<OrderNumber, FormError<SeatsField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let db = database()?;
        let detail = subscriptions::find(&db, scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let current = detail.subscription.seats;
        let added = parse_seats(form, current, detail.max_seats).map_err(FormError::Invalid)?;
        let key = IdempotencyKey::parse(&form.key).ok_or(refused(OrderProblem::CartChanged))?;
        let seen_cents = form.unit_cents.trim().parse::<i64>().ok();
        // What the reseller confirmed, price included: the same form again finds its order.
        let digest = format!(
            "seats:{id}:{current}:{added}:{}",
            seen_cents.unwrap_or_default()
        );
        if let Some(placed) = orders::repeat(db.pool(), user.user_id, &key, &digest).await? {
            return Ok(placed.number());
        }
        let cycle = detail
            .increasable()
            .ok_or(refused(OrderProblem::LineUnavailable))?;
        // Asked here for a quick answer; the unique index on pending increases decides
        // inside the order's transaction.
        if orders::seats_pending(&db, id).await? {
            return Err(refused(OrderProblem::ChangePending));
        }
        let unit_cents = detail
            .pricing
            .unit_cents(cycle)
            .ok_or(refused(OrderProblem::LineUnavailable))?;
        if seen_cents != Some(unit_cents) {
            return Err(refused(OrderProblem::PricesChanged));
        }
        let charge = detail
            .pricing
            .charge(cycle, added)
            .ok_or(refused(OrderProblem::LineUnavailable))?;
        let customer = customers::find(&db, scope, detail.customer_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let increase = SeatIncrease {
            subscription_id: id,
            sku: detail.subscription.sku.clone(),
            pricing: detail.pricing,
            cycle,
            added,
            unit_cents,
            period_cents: charge.per_period,
        };
        let name = (crate::i18n::current_locale()
            .texts()
            .orders
            .seats_order_name)(&detail.subscription.name, &added.to_string());
        let checkout = Checkout {
            reseller_id: scope.reseller(),
            user: user.clone(),
            customer: customer
                .orderable()
                .map_err(|r| refused(OrderProblem::NotOrderable(r)))?,
            name,
            key,
            digest,
            totals: Totals::of_net(charge.per_period),
            items: Items::Seats(increase),
        };
        submit(&db, checkout, customer.company_name).await
    }
}
