//! The orders' server functions, for reseller users: placing the cart as an order, the
//! history, one order.

use super::checkout::{CheckoutField, CheckoutForm};
use super::{OrderDetail, OrderFilter, OrderList};
use crate::error::{AppError, FormError};
use leptos::prelude::*;

/// "Zahlungspflichtig bestellen": places the cart as a binding order and goes to it. Sent
/// again with the same key and cart, it goes to the same order.
#[server(endpoint = "orders/place")]
pub async fn place_order(form: CheckoutForm) -> Result<(), FormError<CheckoutField>> {
    let number = ssr::place(&form).await?;
    leptos_axum::redirect(&number.path());
    Ok(())
}

#[server(endpoint = "orders/list")]
pub async fn load_orders(
    #[server(default)] filter: OrderFilter,
    page: u32,
) -> Result<OrderList, AppError> {
    let scope = &crate::auth::require_reseller()?;
    let db = crate::platform::database()?;
    Ok(crate::orders::server::list(&db, scope, &filter, page).await?)
}

/// The order with this number (`K-2026-000123`), if it is the reseller's; 404 otherwise.
#[server(endpoint = "orders/detail")]
pub async fn load_order(number: String) -> Result<OrderDetail, AppError> {
    let scope = &crate::auth::require_reseller()?;
    let number =
        kontor_domain::OrderNumber::parse(&number).ok_or(crate::error::AppError::NotFound)?;
    let db = crate::platform::database()?;
    crate::orders::server::find(&db, scope, number)
        .await?
        .ok_or(crate::error::AppError::NotFound)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::super::checkout::parse_checkout;
    use super::super::mails;
    use super::*;
    use crate::cart::server as cart;
    use crate::customers::server as customers;
    use crate::i18n::current_locale;
    use crate::orders::server::{self as orders, Checkout, Items, PlaceError, Placed};
    use crate::platform::{database, request, unix_now};
    use kontor_domain::{CustomerId, IdempotencyKey, OrderNumber, OrderProblem};

    pub fn refuse<F>(problem: OrderProblem) -> FormError<F> {
        FormError::Failed(AppError::OrderRefused(problem))
    }

    impl<F> From<PlaceError> for FormError<F> {
        fn from(error: PlaceError) -> Self {
            match error {
                PlaceError::KeyReused => refuse(OrderProblem::KeyReused),
                PlaceError::ChangePending => refuse(OrderProblem::ChangePending),
                PlaceError::Database(error) => FormError::Failed(error.into()),
            }
        }
    }

    pub async fn place(form: &CheckoutForm) -> Result<OrderNumber, FormError<CheckoutField>> {
        let scope = &crate::auth::require_reseller()?;
        let user = scope.user();
        parse_checkout(form).map_err(FormError::Invalid)?;
        let key = IdempotencyKey::parse(&form.key).ok_or(refuse(OrderProblem::CartChanged))?;
        let db = database()?;
        // A key that placed an order already: the same cart finds it, any other is refused.
        if let Some(placed) = orders::repeat(db.pool(), user.user_id, &key, &form.digest).await? {
            return Ok(placed.number());
        }
        let lines = cart::lines(&db, user.user_id).await?;
        let header = cart::header(&db, user.user_id).await?;
        let digest = cart::digest(&header, &lines);
        // Checked in this order, so that the reseller hears of the first thing to do.
        let problem = if lines.is_empty() {
            Some(OrderProblem::EmptyCart)
        } else if digest != form.digest {
            Some(OrderProblem::CartChanged)
        } else if lines.iter().any(|l| l.price_change.is_some()) {
            Some(OrderProblem::PricesChanged)
        } else if lines.iter().any(|l| l.charge.is_none()) {
            Some(OrderProblem::LineUnavailable)
        } else {
            None
        };
        if let Some(problem) = problem {
            // A simultaneous post with the key may have placed the order (and emptied the
            // cart) since the look above.
            return match orders::repeat(db.pool(), user.user_id, &key, &form.digest).await? {
                Some(placed) => Ok(placed.number()),
                None => Err(refuse(problem)),
            };
        }
        let customer_id = header
            .customer
            .parse::<CustomerId>()
            .ok()
            .filter(|_| !header.order_name.trim().is_empty())
            .ok_or(refuse(OrderProblem::HeaderMissing))?;
        let customer = customers::find(&db, scope, customer_id)
            .await?
            .ok_or(refuse(OrderProblem::HeaderMissing))?;
        let checkout = Checkout {
            reseller_id: scope.reseller(),
            user: user.clone(),
            customer: customer
                .orderable()
                .map_err(|r| refuse(OrderProblem::NotOrderable(r)))?,
            name: header.order_name.trim().to_owned(),
            key,
            digest,
            totals: cart::totals(&lines),
            items: Items::Cart(lines),
        };
        submit(&db, checkout, customer.company_name).await
    }

    /// Places a checked order, with the confirmation mail to the user in the page's language.
    pub async fn submit<F>(
        db: &crate::platform::Database,
        checkout: Checkout,
        customer_name: String,
    ) -> Result<OrderNumber, FormError<F>> {
        // An account no one at the distributor has looked at orders only up to the limit:
        // its customer number and postal code are printed on every invoice.
        let limit = crate::resellers::server::UnconfirmedOrderLimit::current()?;
        if checkout.totals.net > limit.0
            && crate::resellers::server::awaits_staff_confirmation(db, checkout.reseller_id).await?
        {
            return Err(refuse(OrderProblem::AwaitingStaffConfirmation));
        }
        let links = request::link_base().ok_or(AppError::Internal)?;
        let locale = current_locale();
        let (reseller_id, name, to) = (
            checkout.reseller_id,
            checkout.name.clone(),
            checkout.user.email.clone(),
        );
        let mail = move |number: OrderNumber| {
            let link = links.link(&number.path());
            mails::placed(locale, &number, &name, &customer_name, link, to)
        };
        let placed = orders::place(db, checkout, mail, unix_now()).await?;
        if let Placed::New(number) = placed {
            tracing::info!(%number, %reseller_id, "order placed");
        }
        Ok(placed.number())
    }
}
