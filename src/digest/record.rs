//! Answering on the record: for each published release, whether the
//! organisation answered, on time or late, what it pledged and what became
//! of each pledge; and its running response rate. Pure: releases,
//! responses, pledges and today's date in; the record out.
//!
//! # Time, and why "on time" is judged by period
//! Parrhesia stores no time finer than a round's period (guarantee 1), and
//! a response or pledge change is stored with the period it was made in,
//! not its day. So the rule is stated in periods:
//! - a release is published when its period ends: its **deadline** is the
//!   last day of the period plus the round's days to answer (default 28);
//! - the **deadline period** is the period that contains that day;
//! - an answer is **on time** when it was first published in the deadline
//!   period or earlier, **late** when in a later one. An answer made in the
//!   deadline period after the deadline day counts as on time: the store
//!   cannot tell, and the doubt goes to the organisation.
//! - a release nobody answered is **overdue** once the deadline period has
//!   ended, and **open** before.
//!
//! An answer is any response (to any theme of the release) or any pledge
//! made on the release.
//!
//! # The log
//! Every version of a response and every step of a pledge's history is
//! committed to the transparency log as a leaf holding the SHA-256 of its
//! canonical bytes, so the public record can be checked against the log:
//! [`crate::audit::record`] defines the leaves and the check.

use super::voices::{PledgeStatus, Release};
use crate::domain::{Period, PeriodLength};
use crate::domain::{PledgeRecord, ResponseRecord};
use std::collections::BTreeMap;
use time::{Date, Duration};

pub use crate::domain::{DaysToAnswer, DEFAULT_DAYS_TO_ANSWER};

/// Where a release stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not answered, and the deadline period has not ended.
    Open,
    /// Not answered, and the deadline period has ended.
    Overdue,
    /// First answered in `in_period` (its id), on time or not.
    Answered { in_period: Period, on_time: bool },
}

/// A pledge on the record: its text, where it stands, and why it was
/// dropped if it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeLine {
    pub id: String,
    pub theme: String,
    pub text: String,
    pub status: PledgeStatus,
    /// The reason given when it was dropped (or last changed).
    pub reason: Option<String>,
}

/// One release on the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRecord {
    pub round: String,
    pub period: Period,
    pub label: String,
    /// The days it has to be answered: as logged with the release, or the
    /// round's current setting for a release sealed before they were.
    pub days: DaysToAnswer,
    /// The last day to answer on time.
    pub deadline: Date,
    /// The period holding the deadline.
    pub deadline_period: Period,
    pub standing: Standing,
    pub pledges: Vec<PledgeLine>,
}

impl ReleaseRecord {
    pub fn pledges_made(&self) -> usize {
        self.pledges.len()
    }

    pub fn pledges_with(&self, status: PledgeStatus) -> usize {
        self.pledges.iter().filter(|p| p.status == status).count()
    }
}

/// An organisation's running response rate over the releases that are
/// answered or overdue (open ones are not yet counted against it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub answered: usize,
    pub on_time: usize,
    /// Answered plus overdue.
    pub counted: usize,
}

impl Rate {
    /// Whole per cent answered (rounded down), `None` before anything counts.
    pub fn answered_percent(&self) -> Option<usize> {
        (self.counted > 0).then(|| self.answered * 100 / self.counted)
    }

    pub fn on_time_percent(&self) -> Option<usize> {
        (self.counted > 0).then(|| self.on_time * 100 / self.counted)
    }
}

/// The deadline of a release of `period`: its last day plus `days`.
pub fn deadline(period: Period, days: DaysToAnswer) -> Date {
    period.last_day() + Duration::days(i64::from(days.days()))
}

/// The record of one round's releases, oldest first. `releases` are the
/// round's published releases, each with the days to answer logged with
/// it (`days`, the round's current setting, only for releases sealed
/// before they were logged); `responses` and `pledges` the round's (of
/// any period: those on other periods are ignored). Stored period ids that
/// do not parse for `length` are skipped, not guessed.
/// The first period in which each release (by its period id) of `round`
/// got an answer: the earliest first version of a response or first step
/// of a pledge made on it. `parrhesia verify` recomputes standings with
/// it from the logged versions, so a record cannot claim an answer was
/// on time when its logged versions say otherwise.
pub fn first_answers(
    round: &str,
    length: PeriodLength,
    responses: &[ResponseRecord],
    pledges: &[PledgeRecord],
) -> BTreeMap<String, Period> {
    let parse = |id: &str| Period::from_id(id, length);
    let mut first: BTreeMap<String, Period> = BTreeMap::new();
    let mut note = |release: &str, when: Option<Period>| {
        if let Some(when) = when {
            first
                .entry(release.to_owned())
                .and_modify(|p| *p = (*p).min(when))
                .or_insert(when);
        }
    };
    for r in responses.iter().filter(|r| r.round == round) {
        note(
            &r.period,
            r.versions.first().and_then(|v| parse(&v.changed_in)),
        );
    }
    for p in pledges.iter().filter(|p| p.round == round) {
        note(&p.period, p.history.first().and_then(|c| parse(&c.period)));
    }
    first
}

pub fn round_record(
    round: &str,
    length: PeriodLength,
    days: DaysToAnswer,
    releases: &[Release],
    responses: &[ResponseRecord],
    pledges: &[PledgeRecord],
    today: Date,
) -> Vec<ReleaseRecord> {
    let parse = |id: &str| Period::from_id(id, length);
    let first = first_answers(round, length, responses, pledges);
    let mut out: Vec<ReleaseRecord> = releases
        .iter()
        .filter_map(|release| {
            let period = parse(&release.period)?;
            let days = release.days_to_answer.unwrap_or(days);
            let deadline = deadline(period, days);
            let deadline_period = Period::containing(deadline, length);
            let standing = match first.get(&release.period) {
                Some(&in_period) => Standing::Answered {
                    in_period,
                    on_time: in_period <= deadline_period,
                },
                None if deadline_period.has_ended(today) => Standing::Overdue,
                None => Standing::Open,
            };
            let mut lines: Vec<PledgeLine> = pledges
                .iter()
                .filter(|p| p.round == round && p.period == release.period)
                .filter_map(|p| {
                    let last = p.history.last()?;
                    Some(PledgeLine {
                        id: p.id.clone(),
                        theme: p.theme.clone(),
                        text: p.text.clone(),
                        status: last.status,
                        reason: last.reason.clone(),
                    })
                })
                .collect();
            lines.sort_by(|a, b| (&a.theme, &a.id).cmp(&(&b.theme, &b.id)));
            Some(ReleaseRecord {
                round: round.to_owned(),
                period,
                label: release.label.clone(),
                days,
                deadline,
                deadline_period,
                standing,
                pledges: lines,
            })
        })
        .collect();
    out.sort_by_key(|r| r.period);
    out
}

/// The running rate over every release of an organisation (all its rounds).
pub fn rate<'a>(records: impl IntoIterator<Item = &'a ReleaseRecord>) -> Rate {
    let mut rate = Rate::default();
    for r in records {
        match r.standing {
            Standing::Open => {}
            Standing::Overdue => rate.counted += 1,
            Standing::Answered { on_time, .. } => {
                rate.counted += 1;
                rate.answered += 1;
                rate.on_time += usize::from(on_time);
            }
        }
    }
    rate
}

mod public;
pub use public::{Overdue, PublicRecord, RateView, ReleaseView, RoundRecord, StandingView};

#[cfg(test)]
mod tests;
