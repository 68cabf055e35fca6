//! The only place that reads the wall clock.
//!
//! Code below the HTTP layer never asks for the time: it is handed a [`Date`]
//! (day precision) and coarsens it further to the round's period before
//! anything is stored. Keeping the clock behind a trait lets tests move time
//! forward to close periods, and makes an accidental precise timestamp stand
//! out in review (guarantee 1: no time finer than the period at rest).

use std::sync::{Arc, Mutex};
use time::{Date, OffsetDateTime};

/// A source of today's date (UTC).
pub trait Clock: Send + Sync + 'static {
    /// Today's date in UTC. Never a finer time than a day.
    fn today(&self) -> Date;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> Date {
        // Coarsened to the day at once; the precise instant goes no further.
        OffsetDateTime::now_utc().date()
    }
}

/// A clock that tests (and the demo seeding) set by hand.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<Date>>);

impl ManualClock {
    pub fn new(today: Date) -> Self {
        Self(Arc::new(Mutex::new(today)))
    }

    /// Move the clock to `date`.
    pub fn set(&self, date: Date) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = date;
    }
}

impl Clock for ManualClock {
    fn today(&self) -> Date {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A date from year, month (1-12) and day, for tests and fixtures; panics
/// on an impossible date.
#[cfg(test)]
pub fn day(year: i32, month: u8, day: u8) -> Date {
    let month = time::Month::try_from(month).unwrap();
    Date::from_calendar_date(year, month, day).unwrap()
}

/// Seconds on a monotonic clock, for staff sessions' idle and absolute
/// time-outs only.
///
/// This time never reaches the disk: sessions live in memory (see
/// [`crate::staff::session`]). Participants never have sessions.
pub trait SessionClock: Send + Sync + 'static {
    /// Seconds since an arbitrary fixed start.
    fn now_secs(&self) -> u64;

    /// Seconds since the Unix epoch, for the steps of staff's one-time
    /// codes (TOTP, RFC 6238 §4.2: T0 = 0, so the step is Unix time over
    /// 30 s). Like the session times, never stored.
    fn unix_secs(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }
}

/// The real monotonic clock, counted from when it was made.
#[derive(Debug, Clone, Copy)]
pub struct SystemSessionClock(std::time::Instant);

impl Default for SystemSessionClock {
    fn default() -> Self {
        Self(std::time::Instant::now())
    }
}

impl SessionClock for SystemSessionClock {
    fn now_secs(&self) -> u64 {
        self.0.elapsed().as_secs()
    }
}

/// A session clock that tests move by hand.
#[derive(Debug, Clone, Default)]
pub struct ManualSessionClock(Arc<Mutex<u64>>);

impl ManualSessionClock {
    /// Move the clock forward by `secs` seconds.
    pub fn advance(&self, secs: u64) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) += secs;
    }
}

/// Where a [`ManualSessionClock`]'s Unix time starts: Thursday 26
/// November 2026, 12:00 UTC (the in-process tests' day), so one-time codes
/// are computed at a time the test chooses.
pub const MANUAL_UNIX_START: u64 = 1_795_694_400;

impl SessionClock for ManualSessionClock {
    fn now_secs(&self) -> u64 {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn unix_secs(&self) -> u64 {
        MANUAL_UNIX_START + self.now_secs()
    }
}
