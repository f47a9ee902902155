//! Numbers, money and dates as each language writes them: 1.234,56 € and €1,234.56.

use super::Locale;
use time::Date;

/// German puts a non-breaking space between amount and currency so the € never wraps alone.
const NBSP: char = '\u{a0}';

fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::De => ('.', ','),
        Locale::En => (',', '.'),
    }
}

fn group_thousands(mut value: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        let group = value % 1000;
        value /= 1000;
        if value == 0 {
            groups.push(group.to_string());
            break;
        }
        groups.push(format!("{group:03}"));
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

pub fn format_number(value: i64, locale: Locale) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (thousands, _) = separators(locale);
    format!("{sign}{}", group_thousands(value.unsigned_abs(), thousands))
}

/// Money is always integer cents (never floats); the currency is the euro.
pub fn format_money(cents: i64, locale: Locale) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let (thousands, decimal) = separators(locale);
    let abs = cents.unsigned_abs();
    let amount = format!(
        "{}{decimal}{:02}",
        group_thousands(abs / 100, thousands),
        abs % 100
    );
    match locale {
        Locale::De => format!("{sign}{amount}{NBSP}€"),
        Locale::En => format!("{sign}€{amount}"),
    }
}

pub fn format_date(date: Date, locale: Locale) -> String {
    match locale {
        Locale::De => format!(
            "{:02}.{:02}.{}",
            date.day(),
            u8::from(date.month()),
            date.year()
        ),
        Locale::En => {
            let month = date.month().to_string();
            format!("{} {} {}", date.day(), &month[..3], date.year())
        }
    }
}

/// The day of a moment, in German time.
pub fn format_day(unix: i64, locale: Locale) -> String {
    format_date(kontor_domain::german_time(unix).date(), locale)
}

/// A moment in German time (the portal's users and their customers are in Germany,
/// Austria and Switzerland, which share it).
pub fn format_date_time(unix: i64, locale: Locale) -> String {
    let at = kontor_domain::german_time(unix);
    let date = format_date(at.date(), locale);
    match locale {
        Locale::De => format!("{date}, {:02}:{:02} Uhr", at.hour(), at.minute()),
        Locale::En => format!("{date}, {:02}:{:02}", at.hour(), at.minute()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(format_number(0, Locale::De), "0");
        assert_eq!(format_number(999, Locale::De), "999");
        assert_eq!(format_number(1000, Locale::De), "1.000");
        assert_eq!(format_number(1_234_567, Locale::De), "1.234.567");
        assert_eq!(format_number(1_234_567, Locale::En), "1,234,567");
        assert_eq!(format_number(-1_000_001, Locale::En), "-1,000,001");
        assert_eq!(
            format_number(i64::MIN, Locale::En),
            "-9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn money_is_written_with_cents_and_the_euro_sign_where_each_language_puts_it() {
        assert_eq!(format_money(123_456, Locale::De), "1.234,56\u{a0}€");
        assert_eq!(format_money(123_456, Locale::En), "€1,234.56");
        assert_eq!(format_money(5, Locale::De), "0,05\u{a0}€");
        assert_eq!(format_money(100, Locale::En), "€1.00");
        assert_eq!(format_money(-2_050, Locale::De), "-20,50\u{a0}€");
        assert_eq!(format_money(-2_050, Locale::En), "-€20.50");
    }

    #[test]
    fn dates_follow_each_languages_convention() {
        let date = Date::from_calendar_date(2026, Month::March, 5).unwrap();
        assert_eq!(format_date(date, Locale::De), "05.03.2026");
        assert_eq!(format_date(date, Locale::En), "5 Mar 2026");
    }

    #[test]
    fn moments_are_shown_in_german_time() {
        // 2026-11-23 13:05 UTC is 14:05 in Germany (winter time).
        assert_eq!(
            format_date_time(1_795_439_100, Locale::De),
            "23.11.2026, 14:05 Uhr"
        );
        assert_eq!(
            format_date_time(1_795_439_100, Locale::En),
            "23 Nov 2026, 14:05"
        );
    }
}
