//! The cart's two forms: the order's name and customer, and one line's configuration.
//! Parsed by the same functions in browser and server.

use super::CustomerChoice;
use crate::ui::form::FormField;
use kontor_domain::{
    seats, single_line, BillingCycle, Collector, CustomerId, FieldError, FieldErrors, Pricing,
};
use serde::{Deserialize, Serialize};

pub const MAX_ORDER_NAME_CHARS: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeaderForm {
    pub order_name: String,
    /// The customer's id, or empty.
    pub customer: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HeaderField {
    OrderName,
    Customer,
}

impl FormField for HeaderField {
    type Form = HeaderForm;

    fn name(self) -> &'static str {
        match self {
            HeaderField::OrderName => "form[order_name]",
            HeaderField::Customer => "form[customer]",
        }
    }

    fn value(self, form: &HeaderForm) -> &str {
        match self {
            HeaderField::OrderName => &form.order_name,
            HeaderField::Customer => &form.customer,
        }
    }

    fn set(self, form: &mut HeaderForm, value: String) {
        match self {
            HeaderField::OrderName => form.order_name = value,
            HeaderField::Customer => form.customer = value,
        }
    }
}

/// The order's name, and a customer licences may be ordered for.
pub fn parse_header(
    form: &HeaderForm,
    customers: &[CustomerChoice],
) -> Result<(String, CustomerId), FieldErrors<HeaderField>> {
    let mut errors = Collector::default();
    let name = errors.check(
        HeaderField::OrderName,
        single_line(&form.order_name, MAX_ORDER_NAME_CHARS),
    );
    let customer = errors.check(HeaderField::Customer, customer(&form.customer, customers));
    errors.finish(name.zip(customer))
}

fn customer(input: &str, customers: &[CustomerChoice]) -> Result<CustomerId, FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Missing);
    }
    let chosen = input
        .trim()
        .parse()
        .ok()
        .and_then(|id| customers.iter().find(|c| c.id == id))
        .ok_or(FieldError::UnknownChoice)?;
    match chosen.refusal {
        Some(refusal) => Err(FieldError::NotOrderable(refusal)),
        None => Ok(chosen.id),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub seats: String,
    /// `monthly` or `annual`; add-ons follow their base line and send none.
    pub cycle: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineField {
    Seats,
    Cycle,
}

impl FormField for LineField {
    type Form = LineForm;

    fn name(self) -> &'static str {
        match self {
            LineField::Seats => "form[seats]",
            LineField::Cycle => "form[cycle]",
        }
    }

    fn value(self, form: &LineForm) -> &str {
        match self {
            LineField::Seats => &form.seats,
            LineField::Cycle => &form.cycle,
        }
    }

    fn set(self, form: &mut LineForm, value: String) {
        match self {
            LineField::Seats => form.seats = value,
            LineField::Cycle => form.cycle = value,
        }
    }
}

/// What a line may be set to: the product's user bounds (for an add-on at most its base
/// line's users) and its price model, which says which billing cycles exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineBounds {
    pub min_seats: u32,
    pub max_seats: u32,
    pub pricing: Pricing,
    /// An add-on's line: billed like its base line, so it has no cycle of its own.
    pub is_addon: bool,
}

impl LineBounds {
    /// The cycles the reseller can choose between (none for an add-on, or a product
    /// without a subscription price).
    pub fn cycles(&self) -> Vec<BillingCycle> {
        if self.is_addon {
            return Vec::new();
        }
        [BillingCycle::Monthly, BillingCycle::Annual]
            .into_iter()
            .filter(|c| self.pricing.monthly_rate(*c).is_some())
            .collect()
    }
}

/// A line's users and, where the reseller chooses it, its billing cycle.
pub fn parse_line(
    form: &LineForm,
    bounds: &LineBounds,
) -> Result<(u32, Option<BillingCycle>), FieldErrors<LineField>> {
    let mut errors = Collector::default();
    let users = errors.check(
        LineField::Seats,
        seats(&form.seats, bounds.min_seats, bounds.max_seats),
    );
    let offered = bounds.cycles();
    let cycle = if offered.is_empty() {
        Some(None)
    } else {
        errors
            .check(
                LineField::Cycle,
                BillingCycle::parse(&form.cycle)
                    .filter(|c| offered.contains(c))
                    .ok_or(FieldError::UnknownChoice),
            )
            .map(Some)
    };
    errors.finish(users.zip(cycle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kontor_domain::OrderRefusal;

    fn choices() -> Vec<CustomerChoice> {
        vec![
            CustomerChoice {
                id: CustomerId(1),
                name: "Grün GmbH".into(),
                refusal: None,
            },
            CustomerChoice {
                id: CustomerId(2),
                name: "Rot GmbH".into(),
                refusal: Some(OrderRefusal::AgreementMissing),
            },
        ]
    }

    fn header(name: &str, customer: &str) -> HeaderForm {
        HeaderForm {
            order_name: name.into(),
            customer: customer.into(),
        }
    }

    #[test]
    fn only_an_orderable_customer_of_the_list_can_be_chosen() {
        assert_eq!(
            parse_header(&header(" Neue Lizenzen ", "1"), &choices()),
            Ok(("Neue Lizenzen".to_owned(), CustomerId(1)))
        );
        assert_eq!(
            parse_header(&header("", "2"), &choices()),
            Err(vec![
                (HeaderField::OrderName, FieldError::Missing),
                (
                    HeaderField::Customer,
                    FieldError::NotOrderable(OrderRefusal::AgreementMissing)
                ),
            ])
        );
        assert_eq!(
            parse_header(&header("x", "99"), &choices()),
            Err(vec![(HeaderField::Customer, FieldError::UnknownChoice)])
        );
    }

    const SUBSCRIPTION: LineBounds = LineBounds {
        min_seats: 1,
        max_seats: 300,
        pricing: Pricing::Subscription {
            monthly: Some(672),
            annual: Some(560),
        },
        is_addon: false,
    };

    #[test]
    fn a_line_takes_users_within_bounds_and_an_offered_cycle() {
        let form = LineForm {
            seats: "10".into(),
            cycle: "annual".into(),
        };
        assert_eq!(
            parse_line(&form, &SUBSCRIPTION),
            Ok((10, Some(BillingCycle::Annual)))
        );
        let annual_only = LineBounds {
            pricing: Pricing::Subscription {
                monthly: None,
                annual: Some(0),
            },
            ..SUBSCRIPTION
        };
        let bad = LineForm {
            seats: "301".into(),
            cycle: "monthly".into(),
        };
        assert_eq!(
            parse_line(&bad, &annual_only),
            Err(vec![
                (
                    LineField::Seats,
                    FieldError::SeatsOutOfRange { min: 1, max: 300 }
                ),
                (LineField::Cycle, FieldError::UnknownChoice),
            ])
        );
    }

    #[test]
    fn an_addon_follows_its_base_lines_cycle() {
        let addon = LineBounds {
            is_addon: true,
            max_seats: 10,
            ..SUBSCRIPTION
        };
        let form = LineForm {
            seats: "10".into(),
            cycle: "nonsense".into(),
        };
        assert_eq!(parse_line(&form, &addon), Ok((10, None)));
        assert!(addon.cycles().is_empty());
    }
}
