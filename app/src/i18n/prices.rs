//! A product's prices in words: the headline price, each way of billing, and all in one line.

use super::{format_money, Locale};
use kontor_domain::{BillingCycle, Pricing};

/// The price a product is listed with: per user and month, monthly billing where offered.
pub fn headline_price(pricing: &Pricing, locale: Locale) -> String {
    let t = locale.texts().products;
    match pricing {
        Pricing::Subscription { .. } => {
            let Some(cycle) = pricing.headline_cycle() else {
                return String::new();
            };
            let rate = pricing.monthly_rate(cycle).unwrap_or_default();
            if rate == 0 {
                return t.free.to_owned();
            }
            let amount = format_money(rate, locale);
            match cycle {
                BillingCycle::Monthly => (t.per_user_month)(&amount),
                BillingCycle::Annual => (t.per_user_month_annual)(&amount),
            }
        }
        Pricing::Perpetual { once } => (t.once)(&format_money(*once, locale)),
        Pricing::Usage => t.usage.to_owned(),
    }
}

/// Each way of billing the product offers, with its price: (billing, price).
pub fn price_rows(pricing: &Pricing, locale: Locale) -> Vec<(&'static str, String)> {
    let t = locale.texts().products;
    let money = move |cents: i64| format_money(cents, locale);
    match *pricing {
        Pricing::Subscription { monthly, annual } => {
            let monthly = monthly.map(|rate| (t.billing_monthly, (t.per_user_month)(&money(rate))));
            let annual = annual.map(|rate| {
                let text = format!(
                    "{} ({})",
                    (t.per_user_month)(&money(rate)),
                    (t.per_user_year)(&money(rate * 12))
                );
                (t.billing_annual, text)
            });
            [monthly, annual].into_iter().flatten().collect()
        }
        Pricing::Perpetual { once } => vec![(t.billing_once, (t.once)(&money(once)))],
        Pricing::Usage => vec![(t.billing_usage, t.usage.to_owned())],
    }
}

/// Every price of the product in one line (the audit log's).
pub fn price_summary(pricing: &Pricing, locale: Locale) -> String {
    let rows: Vec<String> = price_rows(pricing, locale)
        .into_iter()
        .map(|(billing, price)| format!("{billing}: {price}"))
        .collect();
    rows.join("; ")
}
