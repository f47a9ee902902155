//! The subscriptions' server functions, for reseller users: a customer's list, one
//! subscription, more users for it (a binding order through the cart's path), and its
//! changes (fewer users, users for the renewal, automatic renewal, cancelling), each asked
//! of the provider by a job.

#[cfg(feature = "ssr")]
use super::changes::ChangeAsked;
use super::changes::{ChangeField, ChangeForm};
use super::page::{SeatsField, SeatsForm};
use super::{Subscription, SubscriptionDetail};
use crate::error::{AppError, FormError};
use kontor_domain::CustomerId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The subscription page's data: the subscription and its forms, as refused last
/// (JavaScript off) or new.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedSubscription {
    pub detail: SubscriptionDetail,
    pub more_seats: SeatsForm,
    pub changes: KeptChanges,
}

/// The change forms as refused last, empty otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptChanges {
    pub reduce: ChangeForm,
    pub renewal: ChangeForm,
    pub cancel: ChangeForm,
}

#[server(endpoint = "subscriptions/of-customer")]
pub async fn load_subscriptions(customer_id: CustomerId) -> Result<Vec<Subscription>, AppError> {
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    if !crate::customers::server::belongs_to(&db, scope, customer_id).await? {
        return Err(crate::error::AppError::NotFound);
    }
    let now = crate::platform::unix_now();
    Ok(crate::subscriptions::server::for_customer(&db, scope, customer_id, now).await?)
}

/// The subscription, and its forms: as refused last (JavaScript off), or new (the order form
/// with a fresh idempotency key).
#[server(endpoint = "subscriptions/get")]
pub async fn load_subscription(id: i64) -> Result<LoadedSubscription, AppError> {
    use crate::platform::form_memory::recall_refused;
    use ssr::memory_name;
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    let now = crate::platform::unix_now();
    let detail = crate::subscriptions::server::find(&db, scope, id, now)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let kept: Option<SeatsForm> = recall_refused(&format!("add-seats:{id}")).await;
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
    let kept = |asked| async move {
        recall_refused(&memory_name(asked, id))
            .await
            .unwrap_or_default()
    };
    Ok(LoadedSubscription {
        detail,
        more_seats: form,
        changes: KeptChanges {
            reduce: kept(ChangeAsked::Reduce).await,
            renewal: kept(ChangeAsked::RenewalSeats).await,
            cancel: kept(ChangeAsked::Cancel).await,
        },
    })
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
            crate::platform::form_memory::keep_refused(error, &format!("add-seats:{id}"), &kept)
                .await;
        }
    }
    result.map(|_| ())
}

/// Fewer users now, within the change window.
#[server(endpoint = "subscriptions/reduce")]
pub async fn reduce_seats(
    id: i64,
    #[server(default)] form: ChangeForm,
) -> Result<(), FormError<ChangeField>> {
    ssr::change_asked(ChangeAsked::Reduce, id, form).await
}

/// The users the subscription renews with.
#[server(endpoint = "subscriptions/schedule-renewal")]
pub async fn schedule_renewal_seats(
    id: i64,
    #[server(default)] form: ChangeForm,
) -> Result<(), FormError<ChangeField>> {
    ssr::change_asked(ChangeAsked::RenewalSeats, id, form).await
}

/// Cancelling, within the change window, confirmed.
#[server(endpoint = "subscriptions/cancel")]
pub async fn cancel_subscription(
    id: i64,
    // An unticked box sends nothing: the form may be missing altogether.
    #[server(default)] form: ChangeForm,
) -> Result<(), FormError<ChangeField>> {
    ssr::change_asked(ChangeAsked::Cancel, id, form).await
}

/// Automatic renewal on or off.
#[server(endpoint = "subscriptions/auto-renew")]
pub async fn switch_auto_renew(id: i64, on: bool) -> Result<(), FormError<ChangeField>> {
    let result = ssr::request(id, |_| Ok(kontor_domain::ChangeKind::AutoRenew { on })).await;
    if result.is_ok() {
        leptos_axum::redirect(&format!("/subscriptions/{id}"));
    }
    result
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::changes::parse_change;
    use super::super::page::parse_seats;
    use super::*;
    use crate::customers::server as customers;
    use crate::orders::server::{self as orders, Checkout, Items, SeatIncrease};
    use crate::orders::{refuse, submit};
    use crate::platform::database;
    use crate::platform::form_memory::keep_refused;
    use crate::subscriptions::server as subscriptions;
    use kontor_domain::{
        ChangeKind, FieldErrors, IdempotencyKey, OrderNumber, OrderProblem, Totals,
    };

    fn refused(problem: OrderProblem) -> FormError<SeatsField> {
        refuse(problem)
    }

    /// Where a refused change form is kept for the page that shows it again.
    pub fn memory_name(asked: ChangeAsked, id: i64) -> String {
        let form = match asked {
            ChangeAsked::Reduce => "reduce",
            ChangeAsked::RenewalSeats => "renewal",
            ChangeAsked::Cancel => "cancel",
        };
        format!("subscription-{form}:{id}")
    }

    /// A change form sent: asked of the provider and the page again, or refused and kept.
    pub async fn change_asked(
        asked: ChangeAsked,
        id: i64,
        form: ChangeForm,
    ) -> Result<(), FormError<ChangeField>> {
        let result = request(id, |detail| {
            parse_change(asked, &form, detail.subscription.seats, detail.max_seats)
        })
        .await;
        match &result {
            Ok(()) => leptos_axum::redirect(&format!("/subscriptions/{id}")),
            Err(error) => keep_refused(error, &memory_name(asked, id), &form).await,
        }
        result
    }

    /// Asks for the change `parse` reads from the form, if the subscription allows it now
    /// (asking for what already is changes nothing).
    pub async fn request<F>(
        id: i64,
        parse: impl FnOnce(&SubscriptionDetail) -> Result<ChangeKind, FieldErrors<F>>,
    ) -> Result<(), FormError<F>> {
        let scope = &crate::auth::require_reseller()?;
        let db = database()?;
        let now = crate::platform::unix_now();
        let detail = subscriptions::find(&db, scope, id, now)
            .await?
            .ok_or(AppError::NotFound)?;
        let change = parse(&detail).map_err(FormError::Invalid)?;
        if detail.already(change) {
            return Ok(());
        }
        detail
            .allows(change)
            .map_err(AppError::SubscriptionChange)?;
        subscriptions::request_change(&db, scope, &detail, change, now)
            .await
            .map_err(AppError::from)?;
        Ok(())
    }

    pub async fn add_seats(
        id: i64,
        form: &SeatsForm,
    ) -> Result<OrderNumber, FormError<SeatsField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        let db = database()?;
        let detail = subscriptions::find(&db, scope, id, crate::platform::unix_now())
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
        if detail.busy() {
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
            .seats_order_name)(crate::i18n::SeatsOrderName {
            product: &detail.subscription.name,
            added: &added.to_string(),
        });
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
