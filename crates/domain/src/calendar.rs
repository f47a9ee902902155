//! Germany's civil calendar: dates a reseller types ("today" is German today) and times shown
//! on pages and in the audit log. CET is UTC+1; CEST (UTC+2) runs from the last Sunday of
//! March to the last Sunday of October, switching at 01:00 UTC, as EU law fixes it.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last = Date::from_calendar_date(year, month, 31).ok()?;
    let back = i64::from(last.weekday().number_days_from_sunday());
    last.checked_sub(time::Duration::days(back))
}

fn switch_at(year: i32, month: Month) -> Option<OffsetDateTime> {
    let day = last_sunday(year, month)?;
    Some(PrimitiveDateTime::new(day, Time::from_hms(1, 0, 0).ok()?).assume_utc())
}

/// A moment (Unix seconds) in German time; the Unix epoch for a moment out of range.
pub fn german_time(unix: i64) -> OffsetDateTime {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let year = utc.year();
    let summer = matches!(
        (switch_at(year, Month::March), switch_at(year, Month::October)),
        (Some(start), Some(end)) if utc >= start && utc < end
    );
    let hours = if summer { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).map_or(utc, |offset| utc.to_offset(offset))
}

/// The date in Germany at this moment.
pub fn german_date(unix: i64) -> Date {
    german_time(unix).date()
}

/// The first second (Unix) of a German calendar day.
pub fn german_day_start(date: Date) -> i64 {
    let midnight_utc = PrimitiveDateTime::new(date, Time::MIDNIGHT)
        .assume_utc()
        .unix_timestamp();
    // German midnight is an hour or two before UTC midnight, in the offset of the evening
    // before (clocks change at 01:00 UTC, never at midnight).
    let offset = german_time(midnight_utc - 3600).offset().whole_seconds();
    midnight_utc - i64::from(offset)
}

/// A date as a date field sends it (`2026-11-23`) or as Germans write it (`23.11.2026`).
pub fn parse_date(input: &str) -> Option<Date> {
    let input = input.trim();
    let parts: Vec<&str> = if input.contains('-') {
        input.split('-').collect()
    } else {
        input.split('.').rev().collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let number = |text: &str, max_len: usize| {
        (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u16>().ok())
            .flatten()
    };
    let (year, month, day) = (number(year, 4)?, number(month, 2)?, number(day, 2)?);
    if year < 1000 {
        return None;
    }
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::from(year), month, u8::try_from(day).ok()?).ok()
}

/// `2026-11-23`: what a date field holds and a link or a JSON body carries.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `2026-03-29T00:59:59Z` as Unix seconds.
    fn at(text: &str) -> i64 {
        let (date, clock) = text.trim_end_matches('Z').split_once('T').unwrap();
        let hms: Vec<u8> = clock.split(':').map(|n| n.parse().unwrap()).collect();
        let time = Time::from_hms(hms[0], hms[1], hms[2]).unwrap();
        PrimitiveDateTime::new(parse_date(date).unwrap(), time)
            .assume_utc()
            .unix_timestamp()
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_last_sundays_at_one_utc() {
        assert_eq!(
            german_time(at("2026-03-29T00:59:59Z"))
                .offset()
                .whole_hours(),
            1
        );
        assert_eq!(
            german_time(at("2026-03-29T01:00:00Z"))
                .offset()
                .whole_hours(),
            2
        );
        assert_eq!(
            german_time(at("2026-10-25T00:59:59Z"))
                .offset()
                .whole_hours(),
            2
        );
        assert_eq!(
            german_time(at("2026-10-25T01:00:00Z"))
                .offset()
                .whole_hours(),
            1
        );
        assert_eq!(german_time(at("2026-07-01T12:00:00Z")).hour(), 14);
    }

    #[test]
    fn the_german_date_turns_before_the_utc_date() {
        let date = german_date(at("2026-11-22T23:30:00Z"));
        assert_eq!(iso_date(date), "2026-11-23");
        assert_eq!(
            iso_date(german_date(at("2026-06-30T21:59:00Z"))),
            "2026-06-30"
        );
        assert_eq!(
            iso_date(german_date(at("2026-06-30T22:00:00Z"))),
            "2026-07-01"
        );
    }

    #[test]
    fn dates_parse_in_both_notations_and_nonsense_does_not() {
        let expected = Date::from_calendar_date(2026, Month::November, 23).ok();
        assert_eq!(parse_date("2026-11-23"), expected);
        assert_eq!(parse_date(" 23.11.2026 "), expected);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("26-11-23"), None);
        assert_eq!(parse_date("2026-11"), None);
        assert_eq!(parse_date("+2026-11-23"), None);
        assert_eq!(parse_date("heute"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn a_german_day_starts_at_german_midnight() {
        let day = |y, m, d| Date::from_calendar_date(y, m, d).unwrap();
        assert_eq!(
            german_day_start(day(2026, Month::November, 23)),
            at("2026-11-22T23:00:00Z")
        );
        assert_eq!(
            german_day_start(day(2026, Month::July, 1)),
            at("2026-06-30T22:00:00Z")
        );
        // The day clocks go forward starts in winter time, the day after in summer time.
        assert_eq!(
            german_day_start(day(2026, Month::March, 29)),
            at("2026-03-28T23:00:00Z")
        );
        assert_eq!(
            german_day_start(day(2026, Month::March, 30)),
            at("2026-03-29T22:00:00Z")
        );
    }
}
