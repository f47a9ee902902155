//! Prices: net euro amounts in integer cents (never floats), billing cycles, a line's charge
//! and a cart's totals with German VAT.

use super::FieldError;
use serde::{Deserialize, Serialize};

/// The German standard VAT rate.
pub const VAT_PERCENT: i64 = 19;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingCycle {
    /// Billed and cancellable monthly.
    Monthly,
    /// Committed for a year, billed yearly; usually cheaper per month.
    Annual,
}

impl BillingCycle {
    pub fn as_str(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "monthly",
            BillingCycle::Annual => "annual",
        }
    }

    pub fn parse(text: &str) -> Option<BillingCycle> {
        match text {
            "monthly" => Some(BillingCycle::Monthly),
            "annual" => Some(BillingCycle::Annual),
            _ => None,
        }
    }

    /// Months billed at once.
    pub fn months(self) -> i64 {
        match self {
            BillingCycle::Monthly => 1,
            BillingCycle::Annual => 12,
        }
    }
}

/// How a product is priced, net.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pricing {
    /// Per user and month, for the cycles the product offers (at least one).
    Subscription {
        monthly: Option<i64>,
        annual: Option<i64>,
    },
    /// Once per licence, owned for good.
    Perpetual { once: i64 },
    /// By consumption, billed afterwards (an Azure plan): nothing up front.
    Usage,
}

/// What a line costs: per billing period and, to compare cycles, per month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charge {
    pub per_period: i64,
    pub per_month: i64,
}

impl Pricing {
    /// From the catalogue's price columns: a subscription price, or else a one-time price,
    /// or else usage.
    pub fn from_columns(monthly: Option<i64>, annual: Option<i64>, once: Option<i64>) -> Pricing {
        match (monthly, annual, once) {
            (None, None, Some(once)) => Pricing::Perpetual { once },
            (None, None, None) => Pricing::Usage,
            (monthly, annual, _) => Pricing::Subscription { monthly, annual },
        }
    }

    /// The catalogue's price columns: monthly, annual, once.
    pub fn columns(&self) -> (Option<i64>, Option<i64>, Option<i64>) {
        match *self {
            Pricing::Subscription { monthly, annual } => (monthly, annual, None),
            Pricing::Perpetual { once } => (None, None, Some(once)),
            Pricing::Usage => (None, None, None),
        }
    }

    /// The price per user and month in this cycle, if the product offers the cycle.
    pub fn monthly_rate(&self, cycle: BillingCycle) -> Option<i64> {
        match (self, cycle) {
            (Pricing::Subscription { monthly, .. }, BillingCycle::Monthly) => *monthly,
            (Pricing::Subscription { annual, .. }, BillingCycle::Annual) => *annual,
            _ => None,
        }
    }

    /// The unit price a line in this cycle is billed at: per user and month for a
    /// subscription, once for a perpetual licence, nothing up front for usage.
    pub fn unit_cents(&self, cycle: BillingCycle) -> Option<i64> {
        match self {
            Pricing::Subscription { .. } => self.monthly_rate(cycle),
            Pricing::Perpetual { once } => Some(*once),
            Pricing::Usage => Some(0),
        }
    }

    /// The price the catalogue shows first: monthly billing where offered (the cart can
    /// switch to annual).
    pub fn headline_cycle(&self) -> Option<BillingCycle> {
        match self {
            Pricing::Subscription {
                monthly: Some(_), ..
            } => Some(BillingCycle::Monthly),
            Pricing::Subscription {
                annual: Some(_), ..
            } => Some(BillingCycle::Annual),
            _ => None,
        }
    }

    /// What `seats` cost in `cycle`; `None` for a cycle the product does not offer or an
    /// amount out of range. Perpetual and usage products ignore the cycle.
    pub fn charge(&self, cycle: BillingCycle, seats: u32) -> Option<Charge> {
        let seats = i64::from(seats);
        match self {
            Pricing::Subscription { .. } => {
                let per_month = self.monthly_rate(cycle)?.checked_mul(seats)?;
                Some(Charge {
                    per_period: per_month.checked_mul(cycle.months())?,
                    per_month,
                })
            }
            Pricing::Perpetual { once } => Some(Charge {
                per_period: once.checked_mul(seats)?,
                per_month: 0,
            }),
            Pricing::Usage => Some(Charge {
                per_period: 0,
                per_month: 0,
            }),
        }
    }
}

/// Net, VAT and gross of a cart or an order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
}

impl Totals {
    /// VAT on the sum (not per line), rounded half up to the cent, as an invoice shows it.
    pub fn of_net(net: i64) -> Totals {
        let vat = (net * VAT_PERCENT + 50).div_euclid(100);
        Totals {
            net,
            vat,
            gross: net + vat,
        }
    }
}

/// The highest unit price the catalogue takes: 1.000.000,00 € (so that no charge overflows).
pub const MAX_PRICE_CENTS: i64 = 100_000_000;

/// The most users a product may allow.
pub const MAX_SEATS: u32 = 1_000_000;

/// A net price in euros as German staff type it: `12,50`, `1.234,50`, `1234,5`, `7` (an
/// optional `€`). Empty is `None` (the product has no such price). A point followed by
/// other than three digits (`6.72`) is refused rather than guessed at.
pub fn price(input: &str) -> Result<Option<i64>, FieldError> {
    let text = input.trim().trim_end_matches('€').trim_end();
    if text.is_empty() {
        return Ok(None);
    }
    let (euros, cents) = text.split_once(',').unwrap_or((text, ""));
    let groups: Vec<&str> = euros.split('.').collect();
    let grouped_right = groups.iter().skip(1).all(|g| g.len() == 3)
        && groups
            .first()
            .is_some_and(|g| (1..=3).contains(&g.len()) || groups.len() == 1);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !grouped_right || !groups.iter().all(|g| digits(g)) {
        return Err(FieldError::PriceFormat);
    }
    if text.contains(',') && (!digits(cents) || cents.len() > 2) {
        return Err(FieldError::PriceFormat);
    }
    let euros: String = groups.concat();
    // Longer than the maximum in any case; the check keeps the parse below from overflowing.
    if euros.trim_start_matches('0').len() > 9 {
        return Err(FieldError::PriceTooHigh);
    }
    let euros: i64 = euros.parse().map_err(|_| FieldError::PriceFormat)?;
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().map_err(|_| FieldError::PriceFormat)? * 10,
        _ => cents.parse().map_err(|_| FieldError::PriceFormat)?,
    };
    let total = euros * 100 + cents;
    if total > MAX_PRICE_CENTS {
        return Err(FieldError::PriceTooHigh);
    }
    Ok(Some(total))
}

/// `1234,50`: euros with a decimal comma and no thousands separator, which spreadsheets in
/// Germany read as a number and `price` reads back.
pub fn german_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}{},{:02}", cents / 100, cents % 100)
}

/// A number of users within the product's bounds.
pub fn seats(input: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::Missing);
    }
    let out_of_range = FieldError::SeatsOutOfRange { min, max };
    if !input.bytes().all(|b| b.is_ascii_digit()) {
        return Err(out_of_range);
    }
    match input.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(out_of_range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASIC: Pricing = Pricing::Subscription {
        monthly: Some(672),
        annual: Some(560),
    };

    #[test]
    fn annual_billing_charges_twelve_months_at_its_lower_rate() {
        assert_eq!(
            BASIC.charge(BillingCycle::Monthly, 10),
            Some(Charge {
                per_period: 6_720,
                per_month: 6_720
            })
        );
        assert_eq!(
            BASIC.charge(BillingCycle::Annual, 10),
            Some(Charge {
                per_period: 67_200,
                per_month: 5_600
            })
        );
    }

    #[test]
    fn a_cycle_the_product_lacks_has_no_price() {
        let annual_only = Pricing::from_columns(None, Some(2_170), None);
        assert_eq!(annual_only.charge(BillingCycle::Monthly, 1), None);
        assert_eq!(annual_only.headline_cycle(), Some(BillingCycle::Annual));
        assert_eq!(BASIC.headline_cycle(), Some(BillingCycle::Monthly));
    }

    #[test]
    fn the_unit_price_is_the_rate_of_the_cycle_or_the_one_time_price() {
        assert_eq!(BASIC.unit_cents(BillingCycle::Annual), Some(560));
        assert_eq!(
            Pricing::Perpetual { once: 98_000 }.unit_cents(BillingCycle::Monthly),
            Some(98_000)
        );
        assert_eq!(Pricing::Usage.unit_cents(BillingCycle::Annual), Some(0));
    }

    #[test]
    fn perpetual_and_usage_products_ignore_the_cycle() {
        let server = Pricing::from_columns(None, None, Some(98_000));
        assert_eq!(server, Pricing::Perpetual { once: 98_000 });
        assert_eq!(
            server.charge(BillingCycle::Annual, 2).map(|c| c.per_period),
            Some(196_000)
        );
        assert_eq!(server.columns(), (None, None, Some(98_000)));
        let azure = Pricing::from_columns(None, None, None);
        assert_eq!(azure.columns(), (None, None, None));
        assert_eq!(
            azure.charge(BillingCycle::Monthly, 1).map(|c| c.per_period),
            Some(0)
        );
        assert_eq!(azure.headline_cycle(), None);
    }

    #[test]
    fn vat_is_nineteen_percent_of_the_sum_rounded_half_up() {
        assert_eq!(
            Totals::of_net(10_000),
            Totals {
                net: 10_000,
                vat: 1_900,
                gross: 11_900
            }
        );
        // 0.19 × 2.50 € = 0.475 € → 0.48 €; 0.19 × 2.47 € = 0.4693 € → 0.47 €.
        assert_eq!(Totals::of_net(250).vat, 48);
        assert_eq!(Totals::of_net(247).vat, 47);
        assert_eq!(Totals::of_net(0), Totals::default());
    }

    #[test]
    fn huge_amounts_do_not_overflow_silently() {
        let absurd = Pricing::from_columns(Some(i64::MAX / 2), None, None);
        assert_eq!(absurd.charge(BillingCycle::Monthly, 3), None);
    }

    #[test]
    fn prices_are_read_as_germans_write_them() {
        assert_eq!(price("12,50"), Ok(Some(1_250)));
        assert_eq!(price(" 1.234,50 € "), Ok(Some(123_450)));
        assert_eq!(price("1234,5"), Ok(Some(123_450)));
        assert_eq!(price("7"), Ok(Some(700)));
        assert_eq!(price("0,05"), Ok(Some(5)));
        assert_eq!(price("1.000.000"), Ok(Some(MAX_PRICE_CENTS)));
        assert_eq!(price(""), Ok(None));
        assert_eq!(price("  "), Ok(None));
    }

    #[test]
    fn ambiguous_or_broken_prices_are_refused() {
        for wrong in [
            "6.72", "12,505", "1.23,50", "12.3456", "-5", "1e3", "12,", ",50", "12 50", "abc",
            "1..000", ".500",
        ] {
            assert_eq!(price(wrong), Err(FieldError::PriceFormat), "{wrong}");
        }
        assert_eq!(price("1.000.000,01"), Err(FieldError::PriceTooHigh));
        assert_eq!(
            price("99999999999999999999999"),
            Err(FieldError::PriceTooHigh)
        );
    }

    #[test]
    fn amounts_are_written_back_as_they_are_read() {
        assert_eq!(german_amount(1_250), "12,50");
        assert_eq!(german_amount(123_456), "1234,56");
        assert_eq!(german_amount(5), "0,05");
        assert_eq!(german_amount(-5), "-0,05");
        for cents in [0, 5, 672, 123_456, MAX_PRICE_CENTS] {
            assert_eq!(price(&german_amount(cents)), Ok(Some(cents)));
        }
    }

    #[test]
    fn seats_stay_within_the_products_bounds() {
        assert_eq!(seats(" 25 ", 1, 300), Ok(25));
        assert_eq!(
            seats("0", 1, 300),
            Err(FieldError::SeatsOutOfRange { min: 1, max: 300 })
        );
        assert_eq!(
            seats("301", 1, 300),
            Err(FieldError::SeatsOutOfRange { min: 1, max: 300 })
        );
        assert_eq!(
            seats("-3", 1, 300),
            Err(FieldError::SeatsOutOfRange { min: 1, max: 300 })
        );
        assert_eq!(
            seats("2.5", 1, 300),
            Err(FieldError::SeatsOutOfRange { min: 1, max: 300 })
        );
        assert_eq!(seats("", 1, 300), Err(FieldError::Missing));
        assert_eq!(
            seats("99999999999999", 1, 300),
            Err(FieldError::SeatsOutOfRange { min: 1, max: 300 })
        );
    }
}
