//! The record of answering as published (page, JSON, and what `verify`
//! reads back): plain data, made by [`crate::app::record`] from the model
//! of [`super`].

use super::{DaysToAnswer, Rate, ReleaseRecord, Standing};
use crate::domain::{Period, PeriodLength, PledgeRecord, PledgeStatus, ResponseRecord};
use serde::{Deserialize, Serialize};
use time::Date;

/// The record as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicRecord {
    pub organisation: String,
    pub name: String,
    pub rate: RateView,
    pub rounds: Vec<RoundRecord>,
}

/// The running response rate over every release that is answered or
/// overdue (open ones do not count yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateView {
    pub answered: usize,
    pub on_time: usize,
    pub counted: usize,
    pub answered_percent: Option<usize>,
    pub on_time_percent: Option<usize>,
}

impl From<Rate> for RateView {
    fn from(r: Rate) -> Self {
        Self {
            answered: r.answered,
            on_time: r.on_time,
            counted: r.counted,
            answered_percent: r.answered_percent(),
            on_time_percent: r.on_time_percent(),
        }
    }
}

/// One round's releases, with every response and pledge behind them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub round: String,
    pub title: String,
    pub period_weeks: u32,
    pub days_to_answer: u16,
    /// Oldest first.
    pub releases: Vec<ReleaseView>,
    /// Every response with every version (each version's leaf is in the
    /// log).
    pub responses: Vec<ResponseRecord>,
    /// Every pledge with its whole history (each step's leaf is in the
    /// log).
    pub pledges: Vec<PledgeRecord>,
}

/// Where a release stands, as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandingView {
    Open,
    Overdue,
    OnTime,
    Late,
}

impl StandingView {
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Not answered yet: still in time",
            Self::Overdue => "Not answered: overdue",
            Self::OnTime => "Answered on time",
            Self::Late => "Answered late",
        }
    }
}

/// One release on the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseView {
    /// The release's period (id: its first day).
    pub period: String,
    pub label: String,
    /// The days this release has to be answered, as logged with it when
    /// it was sealed (the round's setting then). Absent from records of
    /// versions before it was shown: the round's `days_to_answer` applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_answer: Option<u16>,
    /// The last day to answer on time (YYYY-MM-DD).
    pub deadline: String,
    /// The period holding the deadline: an answer first published in it
    /// or before is on time.
    pub deadline_period: String,
    pub standing: StandingView,
    /// The period the first answer was published in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_in: Option<String>,
    pub responses: usize,
    pub pledges_made: usize,
    pub pledges_done: usize,
    pub pledges_dropped: usize,
}

impl ReleaseView {
    pub fn of(r: &ReleaseRecord, responses: usize) -> Self {
        let (standing, answered_in) = match r.standing {
            Standing::Open => (StandingView::Open, None),
            Standing::Overdue => (StandingView::Overdue, None),
            Standing::Answered { in_period, on_time } => (
                if on_time {
                    StandingView::OnTime
                } else {
                    StandingView::Late
                },
                Some(in_period.id()),
            ),
        };
        Self {
            period: r.period.id(),
            label: r.label.clone(),
            days_to_answer: Some(r.days.days()),
            deadline: day(r.deadline),
            deadline_period: r.deadline_period.id(),
            standing,
            answered_in,
            responses,
            pledges_made: r.pledges_made(),
            pledges_done: r.pledges_with(PledgeStatus::Done),
            pledges_dropped: r.pledges_with(PledgeStatus::Dropped),
        }
    }

    /// The release as the model states it, for the check against the log
    /// (`None` if a period, day or number of days does not parse for
    /// `length`; `round_days` where the release states no days).
    pub fn to_model(
        &self,
        round: &str,
        length: PeriodLength,
        round_days: DaysToAnswer,
    ) -> Option<ReleaseRecord> {
        let period = Period::from_id(&self.period, length)?;
        let days = match self.days_to_answer {
            Some(d) => DaysToAnswer::parse(u64::from(d)).ok()?,
            None => round_days,
        };
        let deadline_period = Period::from_id(&self.deadline_period, length)?;
        let deadline = parse_day(&self.deadline)?;
        let answered = |on_time| {
            let in_period = Period::from_id(self.answered_in.as_deref()?, length)?;
            Some(Standing::Answered { in_period, on_time })
        };
        let standing = match self.standing {
            StandingView::Open => Standing::Open,
            StandingView::Overdue => Standing::Overdue,
            StandingView::OnTime => answered(true)?,
            StandingView::Late => answered(false)?,
        };
        Some(ReleaseRecord {
            round: round.to_owned(),
            period,
            label: self.label.clone(),
            days,
            deadline,
            deadline_period,
            standing,
            pledges: Vec::new(),
        })
    }
}

impl RoundRecord {
    /// The releases as the model states them (see [`ReleaseView::to_model`]).
    pub fn models(&self) -> Vec<ReleaseRecord> {
        let (Ok(length), Ok(days)) = (
            PeriodLength::parse(u64::from(self.period_weeks)),
            DaysToAnswer::parse(u64::from(self.days_to_answer)),
        ) else {
            return Vec::new();
        };
        self.releases
            .iter()
            .filter_map(|r| r.to_model(&self.round, length, days))
            .collect()
    }
}

fn day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_day(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// A release whose answer is overdue, for the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub organisation: String,
    pub name: String,
    pub round: String,
    pub title: String,
    pub period_weeks: u32,
    pub release: ReleaseView,
}
