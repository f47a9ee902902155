//! The cloud agreement's rules: who signs, on which date, and the gate every order passes.

use super::calendar::parse_date;
use super::{single_line, CustomerId, EmailAddress, FieldError};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

pub const MAX_SIGNER_NAME_CHARS: usize = 100;

/// How an acceptance came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcceptanceMethod {
    /// The customer accepted on the page an emailed link opened.
    Link,
    /// The reseller recorded an acceptance given elsewhere and attested it.
    Attested,
}

impl AcceptanceMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AcceptanceMethod::Link => "link",
            AcceptanceMethod::Attested => "attested",
        }
    }

    pub fn parse(text: &str) -> Option<AcceptanceMethod> {
        match text {
            "link" => Some(AcceptanceMethod::Link),
            "attested" => Some(AcceptanceMethod::Attested),
            _ => None,
        }
    }
}

/// A customer's accepted agreement, as lists and the order gate need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementBrief {
    /// Unix seconds; an attested date is its midnight UTC.
    pub accepted_at: i64,
    pub signer_name: String,
    pub method: AcceptanceMethod,
}

/// The person who accepted the agreement on behalf of the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub first_name: String,
    pub last_name: String,
    pub email: EmailAddress,
}

impl Signer {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

pub fn signer_name(input: &str) -> Result<String, FieldError> {
    single_line(input, MAX_SIGNER_NAME_CHARS)
}

/// Since 22 March 2019 every end-customer has to accept the agreement; an earlier date is a
/// typo.
pub fn first_possible_date() -> Date {
    Date::from_calendar_date(2019, Month::March, 22).unwrap_or(Date::MIN)
}

/// The date a reseller attests the agreement was accepted on: a real date, not after `today`
/// (German today) and not before the agreement existed.
pub fn acceptance_date(input: &str, today: Date) -> Result<Date, FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Missing);
    }
    let date = parse_date(input).ok_or(FieldError::InvalidDate)?;
    if date > today {
        Err(FieldError::DateInFuture)
    } else if date < first_possible_date() {
        Err(FieldError::DateTooEarly)
    } else {
        Ok(date)
    }
}

/// A customer licences may be ordered for: its tenant is ready (or has authorised the
/// reseller) and it has accepted the cloud agreement. Only `check` makes one and ordering
/// takes one, so no way of ordering can forget either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderableCustomer {
    customer_id: CustomerId,
}

/// Why nothing may be ordered for a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OrderRefusal {
    #[error("the customer has no ready tenant")]
    TenantNotReady,
    #[error("the customer has not accepted the cloud agreement")]
    AgreementMissing,
}

impl OrderableCustomer {
    pub fn check(
        customer_id: CustomerId,
        tenant_ready: bool,
        agreement: Option<&AgreementBrief>,
    ) -> Result<OrderableCustomer, OrderRefusal> {
        if !tenant_ready {
            return Err(OrderRefusal::TenantNotReady);
        }
        match agreement {
            Some(_) => Ok(OrderableCustomer { customer_id }),
            None => Err(OrderRefusal::AgreementMissing),
        }
    }

    pub fn customer_id(self) -> CustomerId {
        self.customer_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: Month, day: u8) -> Date {
        Date::from_calendar_date(year, month, day).unwrap()
    }

    #[test]
    fn an_attested_date_is_not_in_the_future_nor_before_the_agreement_existed() {
        let today = day(2026, Month::November, 23);
        assert_eq!(acceptance_date("2026-11-23", today), Ok(today));
        assert_eq!(
            acceptance_date("20.11.2026", today),
            Ok(day(2026, Month::November, 20))
        );
        assert_eq!(
            acceptance_date("2026-11-24", today),
            Err(FieldError::DateInFuture)
        );
        assert_eq!(
            acceptance_date("2019-03-21", today),
            Err(FieldError::DateTooEarly)
        );
        assert_eq!(
            acceptance_date("2019-03-22", today),
            Ok(first_possible_date())
        );
        assert_eq!(
            acceptance_date("31.02.2026", today),
            Err(FieldError::InvalidDate)
        );
        assert_eq!(acceptance_date("  ", today), Err(FieldError::Missing));
    }

    #[test]
    fn only_a_customer_with_a_ready_tenant_and_an_accepted_agreement_may_order() {
        assert_eq!(
            OrderableCustomer::check(CustomerId(7), true, None),
            Err(OrderRefusal::AgreementMissing)
        );
        let accepted = AgreementBrief {
            accepted_at: 1_790_000_000,
            signer_name: "Jonas Müller".into(),
            method: AcceptanceMethod::Link,
        };
        assert_eq!(
            OrderableCustomer::check(CustomerId(7), false, Some(&accepted)),
            Err(OrderRefusal::TenantNotReady)
        );
        let orderable = OrderableCustomer::check(CustomerId(7), true, Some(&accepted)).unwrap();
        assert_eq!(orderable.customer_id(), CustomerId(7));
    }

    #[test]
    fn methods_round_trip() {
        for method in [AcceptanceMethod::Link, AcceptanceMethod::Attested] {
            assert_eq!(AcceptanceMethod::parse(method.as_str()), Some(method));
        }
        assert_eq!(AcceptanceMethod::parse("fax"), None);
    }
}
