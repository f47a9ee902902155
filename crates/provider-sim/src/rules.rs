//! What the simulated vendor decides by rule rather than records: prefixes given away long
//! ago, the partner network, first passwords, how terms run, and the cancellation window.

use kontor_provider::{ProviderError, RefusalReason, Term};
use rand::Rng;

/// Prefixes every real vendor has long given away; everything the simulator created joins
/// them.
pub const TAKEN_WORLDWIDE: [&str; 16] = [
    "contoso",
    "fabrikam",
    "microsoft",
    "test",
    "northwind",
    "adatum",
    "litware",
    "tailspin",
    "wingtiptoys",
    "woodgrove",
    "admin",
    "office",
    "azure",
    "outlook",
    "muster",
    "demo",
];

/// The suffix of a new tenant's domain.
pub const TENANT_DOMAIN_SUFFIX: &str = ".onmicrosoft.com";

pub fn taken_worldwide(domain: &str) -> bool {
    domain
        .strip_suffix(TENANT_DOMAIN_SUFFIX)
        .is_some_and(|prefix| TAKEN_WORLDWIDE.contains(&prefix))
}

/// The simulated partner network, by rule: a PartnerID is 7 digits; one that starts with 9
/// is unknown, one that starts with 8 belongs to another region; one that ends in 0 has not
/// accepted the Microsoft Partner Agreement; every other one is an indirect reseller in good
/// standing.
pub fn partner(mpn: &str) -> Result<(), ProviderError> {
    let refuse = |reason, code| {
        Err(ProviderError::refused(
            reason,
            Some(code),
            "the simulated partner network refuses this PartnerID",
        ))
    };
    if mpn.len() != 7 || !mpn.bytes().all(|b| b.is_ascii_digit()) {
        return refuse(RefusalReason::PartnerIdInvalid, 2201);
    }
    match mpn.as_bytes()[0] {
        b'9' => refuse(RefusalReason::PartnerIdUnknown, 2200),
        b'8' => refuse(RefusalReason::RegionMismatch, 2202),
        _ => Ok(()),
    }
}

pub fn partner_agreement_signed(mpn: &str) -> bool {
    !mpn.ends_with('0')
}

/// The simulator's Microsoft Customer Agreement.
pub const CUSTOMER_AGREEMENT_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

/// A first password as the vendor hands them out: upper and lower case, digits and a special
/// character, without look-alikes.
pub fn initial_password() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::thread_rng();
    let mut password: String = (0..12)
        .map(|_| char::from(LETTERS[rng.gen_range(0..LETTERS.len())]))
        .collect();
    password.push_str(&format!("K{}#x", rng.gen_range(2..10)));
    password
}

/// How long after a purchase or renewal a subscription may be reduced or cancelled: 7 days.
pub const CANCELLATION_WINDOW_SECS: i64 = 7 * 24 * 60 * 60;

/// The share of a subscription's first quantity the simulated tenant has assigned to users:
/// half, rounded up. A reduction below it is refused.
pub fn assigned_licences(first_quantity: u32) -> u32 {
    first_quantity.div_ceil(2)
}

/// The end of a term that began at `start` (Unix seconds): one calendar month or year later,
/// on the same day or the month's last one.
pub fn term_end(start: i64, term: Term) -> i64 {
    let months = match term {
        Term::OneMonth => 1,
        Term::OneYear => 12,
    };
    add_months(start, months)
}

fn add_months(unix: i64, months: i32) -> i64 {
    let Ok(at) = time::OffsetDateTime::from_unix_timestamp(unix) else {
        return unix;
    };
    let total = at.year() * 12 + i32::from(u8::from(at.month())) - 1 + months;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let Ok(month) = time::Month::try_from(month as u8) else {
        return unix;
    };
    let last_day = month.length(year);
    let day = at.day().min(last_day);
    time::Date::from_calendar_date(year, month, day)
        .map(|date| at.replace_date(date).unix_timestamp())
        .unwrap_or(unix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partner_network_follows_its_rule() {
        assert!(partner("1234567").is_ok());
        assert!(partner_agreement_signed("1234567"));
        assert!(!partner_agreement_signed("1234560"));
        let reason = |mpn| partner(mpn).unwrap_err().reason();
        assert_eq!(reason("9234567"), Some(RefusalReason::PartnerIdUnknown));
        assert_eq!(reason("8234567"), Some(RefusalReason::RegionMismatch));
        for invalid in ["123456", "12345678", "12a4567"] {
            assert_eq!(
                reason(invalid),
                Some(RefusalReason::PartnerIdInvalid),
                "{invalid}"
            );
        }
    }

    #[test]
    fn terms_end_a_calendar_month_or_year_later() {
        let jan_31 = 1_769_817_600; // 2026-01-31 00:00 UTC
        assert_eq!(term_end(jan_31, Term::OneMonth), 1_772_236_800); // 2026-02-28
        assert_eq!(term_end(jan_31, Term::OneYear), 1_801_353_600); // 2027-01-31
        let dec_15 = 1_797_292_800; // 2026-12-15
        assert_eq!(term_end(dec_15, Term::OneMonth), 1_799_971_200); // 2027-01-15
    }

    #[test]
    fn half_the_first_licences_are_assigned() {
        assert_eq!(assigned_licences(1), 1);
        assert_eq!(assigned_licences(10), 5);
        assert_eq!(assigned_licences(11), 6);
    }
}
