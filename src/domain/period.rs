//! Reporting periods: the finest unit of time Parrhesia ever stores.
//!
//! Periods are whole ISO weeks (Monday to Sunday, UTC), `weeks` long, counted
//! from Monday 5 January 1970 so that every round with the same length has
//! the same boundaries. A one-week period is exactly an ISO week.
//!
//! The one exception is the rest of a period the host closed early (issue
//! 16, item 4): from the day of the close to the grid period's normal end,
//! identified by the day of the close ([`Period::remainder_from`]), so a
//! critique is never filed under a period that has not begun. The grid is
//! not moved: the period after the remainder is the next grid period.

use super::InputError;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration, Month};

/// A period length in weeks, 1-13.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct PeriodLength(u8);

impl PeriodLength {
    pub const ONE_WEEK: Self = Self(1);

    pub fn parse(weeks: u64) -> Result<Self, InputError> {
        match u8::try_from(weeks) {
            Ok(w @ 1..=13) => Ok(Self(w)),
            _ => Err(InputError::PeriodLengthInvalid),
        }
    }

    pub fn weeks(self) -> u8 {
        self.0
    }

    fn days(self) -> i64 {
        7 * i64::from(self.0)
    }
}

impl Default for PeriodLength {
    fn default() -> Self {
        Self::ONE_WEEK
    }
}

impl TryFrom<u8> for PeriodLength {
    type Error = &'static str;
    fn try_from(w: u8) -> Result<Self, Self::Error> {
        Self::parse(w.into()).map_err(|_| "period length must be 1-13 weeks")
    }
}

impl From<PeriodLength> for u8 {
    fn from(p: PeriodLength) -> u8 {
        p.0
    }
}

/// One reporting period of a round: its first day and its length.
///
/// Most periods are whole periods of the grid. After a host closes a period
/// early (issue 16, item 4), the rest of that grid period, from the day of
/// the close to its normal end, is a period of its own, a *remainder*: its
/// id is the day of the close, so critiques that arrive after a close are
/// filed under a period that has begun, never one still to come. The grid
/// goes on unchanged after it, and a remainder is never closed early
/// (once per grid period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    start: Date,
    length: PeriodLength,
}

/// Monday 5 January 1970: the anchor all period boundaries count from.
fn anchor() -> Date {
    Date::from_calendar_date(1970, Month::January, 5).unwrap_or(Date::MIN)
}

impl Period {
    /// The period of `length` that contains `day`.
    pub fn containing(day: Date, length: PeriodLength) -> Self {
        let since = (day - anchor()).whole_days();
        let index = since.div_euclid(length.days());
        Self {
            start: anchor() + Duration::days(index * length.days()),
            length,
        }
    }

    /// Rebuild a period from its stored id (the start date, `YYYY-MM-DD`):
    /// a grid period if the date is a boundary for `length`, else the
    /// remainder of the grid period from that day.
    pub fn from_id(id: &str, length: PeriodLength) -> Option<Self> {
        let mut parts = id.splitn(3, '-');
        let y: i32 = parts.next()?.parse().ok()?;
        let m: u8 = parts.next()?.parse().ok()?;
        let d: u8 = parts.next()?.parse().ok()?;
        let start = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
        Some(Self::remainder_from(start, length))
    }

    /// The rest of the grid period containing `day`, from `day` on (the
    /// whole grid period if `day` is its first).
    pub fn remainder_from(day: Date, length: PeriodLength) -> Self {
        Self { start: day, length }
    }

    /// The open period on `today`, given `closed(period)`: `None` while a
    /// period is open, `Some(day)` once it is sealed or being sealed, `day`
    /// being the day it was closed early, if it was. After an early close
    /// the open period is the rest of the grid period from that day;
    /// otherwise the next period not closed. One rule for the writer, the
    /// sealing and the use cases.
    pub fn open_on<E>(
        today: Date,
        length: PeriodLength,
        mut closed: impl FnMut(Period) -> Result<Option<Option<String>>, E>,
    ) -> Result<Period, E> {
        let mut period = Self::containing(today, length);
        loop {
            let Some(closed_on) = closed(period)? else {
                return Ok(period);
            };
            let rest = closed_on.and_then(|day| Self::from_id(&day, length));
            period = match rest {
                Some(rest) if rest.start > period.start && rest.start <= today => rest,
                _ => Self::containing(period.last_day() + Duration::days(1), length),
            };
        }
    }

    /// Whether this is the rest of a grid period after an early close.
    pub fn is_remainder(&self) -> bool {
        Self::containing(self.start, self.length).start != self.start
    }

    /// The stored form: the first day, `YYYY-MM-DD`. It identifies the period
    /// and is no finer than it.
    pub fn id(&self) -> String {
        let (y, m, d) = (
            self.start.year(),
            u8::from(self.start.month()),
            self.start.day(),
        );
        format!("{y:04}-{m:02}-{d:02}")
    }

    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day of the period (of its grid period, for a remainder).
    pub fn last_day(&self) -> Date {
        let grid = Self::containing(self.start, self.length).start;
        grid + Duration::days(self.length.days() - 1)
    }

    /// Whether the period is over on `today`: only ended periods are ever
    /// shown in a digest.
    pub fn has_ended(&self, today: Date) -> bool {
        today > self.last_day()
    }

    /// A label for people: "Week 48 of 2026 (23 to 29 November)"; a
    /// remainder or a period ended early (`until`) by its dates, "26 to 29
    /// November 2026".
    pub fn label(&self) -> String {
        self.label_until(self.last_day())
    }

    /// The label of this period as if it ended on `last` (closed early).
    pub fn label_until(&self, last: Date) -> String {
        let range = if self.start.month() == last.month() {
            format!("{} to {} {}", self.start.day(), last.day(), last.month())
        } else {
            format!(
                "{} {} to {} {}",
                self.start.day(),
                self.start.month(),
                last.day(),
                last.month()
            )
        };
        let (year, week, _) = self.start.to_iso_week_date();
        let whole = !self.is_remainder() && last == self.last_day();
        if self.length.weeks() == 1 && whole {
            format!("Week {week} of {year} ({range})")
        } else {
            format!("{range} {}", last.year())
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn one_week_periods_are_iso_weeks() {
        // Thursday 26 November 2026 is in ISO week 48, Monday 23 to Sunday 29.
        let p = Period::containing(date(2026, 11, 26), PeriodLength::ONE_WEEK);
        assert_eq!(p.id(), "2026-11-23");
        assert_eq!(p.last_day(), date(2026, 11, 29));
        assert_eq!(p.label(), "Week 48 of 2026 (23 to 29 November)");
        assert!(!p.has_ended(date(2026, 11, 29)));
        assert!(p.has_ended(date(2026, 11, 30)));
    }

    #[test]
    fn ids_round_trip_and_reject_non_boundaries() {
        let len = PeriodLength::parse(2).unwrap();
        let p = Period::containing(date(2026, 11, 26), len);
        assert_eq!(Period::from_id(&p.id(), len), Some(p));
        assert_eq!(Period::from_id("junk", len), None);
    }

    #[test]
    fn a_remainder_runs_from_the_close_day_to_the_grid_periods_end() {
        let two = PeriodLength::parse(2).unwrap();
        let p = Period::containing(date(2026, 11, 26), two);
        assert_eq!(p.label(), "23 November to 6 December 2026");
        assert_eq!(
            p.label_until(date(2026, 12, 4)),
            "23 November to 4 December 2026"
        );
        let rest = Period::from_id("2026-12-04", two).unwrap();
        assert!(rest.is_remainder() && !p.is_remainder());
        assert_eq!(rest, Period::remainder_from(date(2026, 12, 4), two));
        assert_eq!(rest.last_day(), date(2026, 12, 6));
        assert_eq!(rest.label(), "4 to 6 December 2026");
        assert!(!rest.has_ended(date(2026, 12, 6)) && rest.has_ended(date(2026, 12, 7)));
        let week = Period::from_id("2026-11-26", PeriodLength::ONE_WEEK).unwrap();
        assert_eq!(week.label(), "26 to 29 November 2026");
        assert_eq!(
            Period::containing(date(2026, 11, 24), PeriodLength::ONE_WEEK)
                .label_until(date(2026, 11, 26)),
            "23 to 26 November 2026"
        );
    }

    #[test]
    fn dates_before_the_anchor_work() {
        let p = Period::containing(date(1969, 12, 31), PeriodLength::ONE_WEEK);
        assert_eq!(p.id(), "1969-12-29");
    }
}
