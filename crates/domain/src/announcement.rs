//! What the distributor announces to its resellers: the kinds, and the rules a draft must
//! meet before it is stored.

use super::FieldError;
use time::{Date, PrimitiveDateTime, Time};

/// The start page groups announcements by kind, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AnnouncementKind {
    Maintenance,
    News,
    Update,
    Promotion,
    PriceList,
    Guide,
}

impl AnnouncementKind {
    pub const ALL: [AnnouncementKind; 6] = [
        AnnouncementKind::Maintenance,
        AnnouncementKind::News,
        AnnouncementKind::Update,
        AnnouncementKind::Promotion,
        AnnouncementKind::PriceList,
        AnnouncementKind::Guide,
    ];

    /// As stored in `announcements.kind` and sent by the form.
    pub fn as_str(self) -> &'static str {
        match self {
            AnnouncementKind::Maintenance => "maintenance",
            AnnouncementKind::News => "news",
            AnnouncementKind::Update => "update",
            AnnouncementKind::Promotion => "promotion",
            AnnouncementKind::PriceList => "price_list",
            AnnouncementKind::Guide => "guide",
        }
    }

    pub fn parse(value: &str) -> Option<AnnouncementKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// A maintenance shows as a banner from a day before it starts until it ends.
pub const BANNER_LEAD_SECS: i64 = 24 * 60 * 60;

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_BODY_CHARS: usize = 10_000;

/// A title: one line, not empty, not too long.
pub fn announcement_title(input: &str) -> Result<String, FieldError> {
    super::single_line(input, MAX_TITLE_CHARS)
}

/// A body in Markdown: any text (it is rendered safely), not empty, not too long.
pub fn announcement_body(input: &str) -> Result<String, FieldError> {
    super::text_block(input, MAX_BODY_CHARS)
}

/// A moment as a `datetime-local` field sends it (`2026-12-05T22:00`), in German time; Unix
/// seconds.
pub fn parse_german_date_time(input: &str) -> Option<i64> {
    let (date, time) = input.trim().split_once(['T', ' '])?;
    let date: Date = super::parse_date(date)?;
    let (hour, minute) = time.split_once(':')?;
    let minute = minute.get(..2)?;
    let time = Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()?;
    let as_if_utc = PrimitiveDateTime::new(date, time)
        .assume_utc()
        .unix_timestamp();
    // Germany is an hour or two ahead of UTC: take the offset in force just before.
    let offset = super::german_time(as_if_utc - 2 * 3600)
        .offset()
        .whole_seconds();
    Some(as_if_utc - i64::from(offset))
}

/// `2026-12-05T22:00`: what a `datetime-local` field holds, in German time.
pub fn german_date_time_value(unix: i64) -> String {
    let at = super::german_time(unix);
    format!(
        "{}T{:02}:{:02}",
        super::iso_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// The German day a date field names, as the moments it spans: from its first second up to
/// (not including) the next day's first.
pub fn german_day_span(date: Date) -> (i64, i64) {
    let start = super::german_day_start(date);
    let end = date
        .next_day()
        .map_or(start + 24 * 3600, super::german_day_start);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in AnnouncementKind::ALL {
            assert_eq!(AnnouncementKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AnnouncementKind::parse("spam"), None);
    }

    #[test]
    fn a_local_time_is_read_in_german_time_summer_and_winter() {
        // 5 December 2026, 22:00 CET is 21:00 UTC.
        assert_eq!(
            parse_german_date_time("2026-12-05T22:00"),
            Some(1_796_504_400)
        );
        // 1 July 2026, 12:00 CEST is 10:00 UTC.
        assert_eq!(
            parse_german_date_time("2026-07-01T12:00"),
            Some(1_782_900_000)
        );
        assert_eq!(german_date_time_value(1_796_504_400), "2026-12-05T22:00");
        assert_eq!(parse_german_date_time("2026-12-05"), None);
        assert_eq!(parse_german_date_time("2026-12-05T25:00"), None);
        assert_eq!(parse_german_date_time("morgen"), None);
    }

    #[test]
    fn a_day_spans_its_german_hours() {
        let day = Date::from_calendar_date(2026, time::Month::December, 5).unwrap();
        let (start, end) = german_day_span(day);
        assert_eq!(end - start, 24 * 3600);
        assert_eq!(german_date_time_value(start), "2026-12-05T00:00");
    }

    #[test]
    fn a_body_keeps_its_lines_and_must_say_something() {
        assert_eq!(announcement_body("  a\r\nb \n"), Ok("a\nb".to_owned()));
        assert_eq!(announcement_body(" \n "), Err(FieldError::Missing));
        assert!(announcement_body(&"x".repeat(MAX_BODY_CHARS + 1)).is_err());
    }
}
