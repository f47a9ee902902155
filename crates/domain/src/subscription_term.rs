//! A subscription's terms and its change window under the new-commerce rules: a term runs a
//! month or a year (German calendar, the same wall-clock time; a day a month lacks is its
//! last) and renews while automatic renewal is on; fewer users or a cancellation are possible
//! only within 168 hours after the term began (purchase or renewal), to the second.

use super::calendar::german_time;
use serde::{Deserialize, Serialize};
use time::{Date, Month, PrimitiveDateTime};

/// How long after a purchase or renewal a subscription may be reduced or cancelled.
pub const CHANGE_WINDOW_SECS: i64 = 168 * 60 * 60;

/// The term a subscription is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// When it began (Unix seconds): the purchase, or the last renewal.
    pub started_at: i64,
    /// When it ends, renewing or not; `None` for what has no term (a perpetual licence, a
    /// usage plan).
    pub ends_at: Option<i64>,
}

/// The term at `now` of a subscription bought at `bought_at` whose terms last `months`
/// (`None`: no term). Past terms renewed while `renews`; otherwise the first term is the last.
pub fn current_term(bought_at: i64, months: Option<u32>, renews: bool, now: i64) -> Term {
    let Some(months) = months.filter(|m| *m > 0) else {
        return Term {
            started_at: bought_at,
            ends_at: None,
        };
    };
    // Every boundary counts from the purchase, so a term bought on the 31st renews on the
    // 31st again after a shorter month. Bounded: a century of monthly terms.
    let boundary = |n: u32| add_months(bought_at, n.saturating_mul(months));
    let mut term = 0;
    while term < 1200 && renews && now >= boundary(term + 1) {
        term += 1;
    }
    Term {
        started_at: boundary(term),
        ends_at: Some(boundary(term + 1)),
    }
}

/// `months` calendar months after `unix`, at the same German wall-clock time.
fn add_months(unix: i64, months: u32) -> i64 {
    let local = german_time(unix);
    let total = local.year() * 12 + i32::from(u8::from(local.month())) - 1;
    let total = total + i32::try_from(months).unwrap_or(0);
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let Ok(month) = Month::try_from(month as u8) else {
        return unix;
    };
    let day = local.day().min(month.length(year));
    let Ok(date) = Date::from_calendar_date(year, month, day) else {
        return unix;
    };
    from_german_wall_clock(PrimitiveDateTime::new(date, local.time()))
}

/// The moment a German wall-clock time stands for. Summer time (UTC+2) if that reading is
/// in summer time, else winter time (UTC+1): in the autumn's doubled hour the first of the
/// two, and a time the spring change skips counts as the hour after.
fn from_german_wall_clock(local: PrimitiveDateTime) -> i64 {
    let as_utc = local.assume_utc().unix_timestamp();
    let summer = as_utc - 2 * 3600;
    if german_time(summer).offset().whole_hours() == 2 {
        summer
    } else {
        as_utc - 3600
    }
}

/// Why a change of a subscription is refused before anyone asks the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionProblem {
    /// Fewer users or a cancellation after the change window closed.
    WindowClosed,
    /// Another change is still on its way to the provider.
    ChangePending,
    /// Cancelled, ended, suspended, or without a term: nothing to change.
    NotChangeable,
}

/// Whether fewer users or a cancellation are possible at `now`, and until or since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeWindow {
    /// Open until `closes_at`, `remaining_secs` from now.
    Open { closes_at: i64, remaining_secs: i64 },
    /// Closed since `closed_at`; the next one opens with the renewal (if it renews).
    Closed {
        closed_at: i64,
        reopens_at: Option<i64>,
    },
}

pub fn change_window(term: &Term, renews: bool, now: i64) -> ChangeWindow {
    let closes_at = term.started_at + CHANGE_WINDOW_SECS;
    if now < closes_at {
        ChangeWindow::Open {
            closes_at,
            remaining_secs: closes_at - now.max(term.started_at),
        }
    } else {
        ChangeWindow::Closed {
            closed_at: closes_at,
            reopens_at: term.ends_at.filter(|_| renews),
        }
    }
}

/// A change a reseller asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// Fewer users now (within the window).
    Reduce {
        seats: u32,
    },
    /// Cancel now (within the window).
    Cancel,
    /// Renew with this many users.
    RenewalSeats {
        seats: u32,
    },
    AutoRenew {
        on: bool,
    },
}

impl ChangeKind {
    /// Possible only while the change window is open.
    pub fn needs_window(self) -> bool {
        matches!(self, ChangeKind::Reduce { .. } | ChangeKind::Cancel)
    }

    /// As stored: `subscription_changes.kind`, `seats`, `auto_renew`.
    pub fn stored(self) -> (&'static str, Option<i64>, Option<i64>) {
        match self {
            ChangeKind::Reduce { seats } => ("reduce", Some(i64::from(seats)), None),
            ChangeKind::Cancel => ("cancel", None, None),
            ChangeKind::RenewalSeats { seats } => ("renewal_seats", Some(i64::from(seats)), None),
            ChangeKind::AutoRenew { on } => ("auto_renew", None, Some(i64::from(on))),
        }
    }

    pub fn from_stored(kind: &str, seats: Option<i64>, auto_renew: Option<i64>) -> Option<Self> {
        let seats = || seats.and_then(|s| u32::try_from(s).ok());
        Some(match kind {
            "reduce" => ChangeKind::Reduce { seats: seats()? },
            "cancel" => ChangeKind::Cancel,
            "renewal_seats" => ChangeKind::RenewalSeats { seats: seats()? },
            "auto_renew" => ChangeKind::AutoRenew {
                on: auto_renew? != 0,
            },
            _ => return None,
        })
    }
}

/// Days, hours and minutes of `secs` (rounded down), as the pages say how long a window is
/// still open.
pub fn days_hours_minutes(secs: i64) -> (i64, i64, i64) {
    let secs = secs.max(0);
    (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .unix_timestamp()
    }

    #[test]
    fn the_window_closes_168_hours_after_the_term_began_to_the_second() {
        let bought = at("2026-11-23T09:15:00+01:00");
        let term = current_term(bought, Some(1), true, bought);
        let closes = bought + 168 * 3600;
        assert_eq!(
            change_window(&term, true, closes - 1),
            ChangeWindow::Open {
                closes_at: closes,
                remaining_secs: 1
            }
        );
        assert_eq!(
            change_window(&term, true, closes),
            ChangeWindow::Closed {
                closed_at: closes,
                reopens_at: Some(at("2026-12-23T09:15:00+01:00"))
            }
        );
        // At the purchase itself the whole window is ahead.
        assert!(matches!(
            change_window(&term, true, bought),
            ChangeWindow::Open {
                remaining_secs: 604_800,
                ..
            }
        ));
    }

    #[test]
    fn a_renewal_opens_a_new_window() {
        let bought = at("2026-01-10T12:00:00+01:00");
        let renewed = at("2026-02-10T12:00:00+01:00");
        let now = renewed + 3 * 86_400;
        let term = current_term(bought, Some(1), true, now);
        assert_eq!(term.started_at, renewed);
        assert!(matches!(
            change_window(&term, true, now),
            ChangeWindow::Open { remaining_secs, .. } if remaining_secs == 4 * 86_400
        ));
        // Without automatic renewal the first term is the last: closed, nothing reopens.
        let ending = current_term(bought, Some(1), false, now);
        assert_eq!(ending.started_at, bought);
        assert_eq!(
            change_window(&ending, false, now),
            ChangeWindow::Closed {
                closed_at: bought + CHANGE_WINDOW_SECS,
                reopens_at: None
            }
        );
    }

    #[test]
    fn terms_keep_the_german_wall_clock_across_daylight_saving() {
        // Bought in winter (CET), renewed in summer (CEST): 10:00 German time both, 23 hours
        // less than a month of 24-hour days apart in UTC.
        let bought = at("2026-03-15T10:00:00+01:00");
        let term = current_term(bought, Some(1), true, bought + 40 * 86_400);
        assert_eq!(term.started_at, at("2026-04-15T10:00:00+02:00"));
        assert_eq!(term.ends_at, Some(at("2026-05-15T10:00:00+02:00")));
        // And back in autumn.
        let summer = at("2026-10-20T08:30:00+02:00");
        let term = current_term(summer, Some(1), true, summer + 35 * 86_400);
        assert_eq!(term.started_at, at("2026-11-20T08:30:00+01:00"));
    }

    #[test]
    fn a_day_a_month_lacks_is_its_last_and_a_year_is_twelve_months() {
        let jan_31 = at("2026-01-31T18:00:00+01:00");
        let term = current_term(jan_31, Some(1), true, jan_31);
        assert_eq!(term.ends_at, Some(at("2026-02-28T18:00:00+01:00")));
        let annual = current_term(jan_31, Some(12), true, jan_31);
        assert_eq!(annual.ends_at, Some(at("2027-01-31T18:00:00+01:00")));
        // The next month after a short one is back on the 31st.
        let third = current_term(jan_31, Some(1), true, at("2026-03-01T00:00:00+01:00"));
        assert_eq!(third.ends_at, Some(at("2026-03-31T18:00:00+02:00")));
        // A leap day's year renews on the 28th.
        let leap = at("2028-02-29T12:00:00+01:00");
        assert_eq!(
            current_term(leap, Some(12), true, leap).ends_at,
            Some(at("2029-02-28T12:00:00+01:00"))
        );
    }

    #[test]
    fn a_wall_clock_time_the_clock_change_skips_or_doubles_is_still_a_moment() {
        // 2026-03-29 02:30 does not exist in Germany: it counts as 03:30 summer time.
        let skipped = PrimitiveDateTime::new(
            Date::from_calendar_date(2026, Month::March, 29).unwrap(),
            time::Time::from_hms(2, 30, 0).unwrap(),
        );
        assert_eq!(
            from_german_wall_clock(skipped),
            at("2026-03-29T03:30:00+02:00")
        );
        // 2026-10-25 02:30 happens twice: the first (summer time).
        let doubled = PrimitiveDateTime::new(
            Date::from_calendar_date(2026, Month::October, 25).unwrap(),
            time::Time::from_hms(2, 30, 0).unwrap(),
        );
        assert_eq!(
            from_german_wall_clock(doubled),
            at("2026-10-25T02:30:00+02:00")
        );
    }

    #[test]
    fn what_has_no_term_is_never_renewed() {
        let term = current_term(1_000, None, true, 10_000_000_000);
        assert_eq!(
            term,
            Term {
                started_at: 1_000,
                ends_at: None
            }
        );
    }

    #[test]
    fn every_change_is_stored_and_read_back() {
        for change in [
            ChangeKind::Reduce { seats: 3 },
            ChangeKind::Cancel,
            ChangeKind::RenewalSeats { seats: 7 },
            ChangeKind::AutoRenew { on: true },
            ChangeKind::AutoRenew { on: false },
        ] {
            let (kind, seats, auto_renew) = change.stored();
            assert_eq!(
                ChangeKind::from_stored(kind, seats, auto_renew),
                Some(change)
            );
        }
    }

    #[test]
    fn remaining_time_in_days_hours_and_minutes() {
        assert_eq!(days_hours_minutes(2 * 86_400 + 5 * 3_600 + 59), (2, 5, 0));
        assert_eq!(days_hours_minutes(3_599), (0, 0, 59));
        assert_eq!(days_hours_minutes(-5), (0, 0, 0));
    }
}
