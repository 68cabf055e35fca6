//! The batch planner: which staff member gets which message, and when a
//! batch may run. Pure: events, recipients, the trigger and today's date
//! in; messages out.
//!
//! # Security contract
//! - Batches run only at fixed times: after periods are sealed
//!   ([`Trigger::Sealed`], fired by the sealing schedule or a staff
//!   member's close, never by a reader's or participant's request) and at
//!   most once a day ([`Trigger::Daily`], see [`Schedule`]). Nothing a
//!   participant does starts a batch, so when a mail goes out says nothing
//!   about when anyone wrote.
//! - [`Event`] has no field that could hold critique text, a count, or
//!   anything about a participant: what a message says is built only from
//!   names and labels that are published or that staff set (organisation
//!   and round names, a period's label, the themes a release shows, staff
//!   user names), and from dates no finer than a day.
//! - A batch drains every pending event: one message per recipient, with a
//!   section per event, sorted, so the order events happened in is not
//!   kept either.

use super::templates;
/// The kinds of mail and a user's choice of them are staff vocabulary
/// (kept with the user, in [`crate::staff::mail_choice`]), named here too.
pub use crate::staff::mail_choice::{Kind, Preferences};
use crate::staff::Role;
use std::collections::BTreeMap;
use time::Date;

/// What may happen that staff are told about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Event {
    /// A period's digest was published for an organisation.
    ReleasePublished {
        /// The organisation's slug: only its users are told.
        organisation: String,
        organisation_name: String,
        round_title: String,
        period_label: String,
        /// Labels of the themes the release shows (published anyway).
        themes_shown: Vec<String>,
        /// The last day to answer on time.
        answer_by: Date,
        /// Path of the console page where it is answered.
        path: String,
    },
    /// Quotes are waiting for a moderator in a round. A state seen at batch
    /// time, never a count and never a per-quote event.
    QuotesWaiting { round_title: String, path: String },
    /// A period has ended and is not sealed yet.
    PeriodDue {
        round_title: String,
        period_label: String,
        path: String,
    },
    /// A period was sealed without a release of its own (too few critiques
    /// for any figure): it rolls into the next, as its digest shows.
    PeriodHeldBack {
        round_title: String,
        period_label: String,
        path: String,
    },
    /// A security event, for administrators.
    Security(Security),
}

/// Security events. Staff names only; nothing about a participant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum Security {
    /// `username` became an administrator.
    NewAdministrator { username: String },
    /// Keys were rotated (`which`: "master", "token", "organisation").
    KeysRotated { which: String },
    /// An account's sign-in was refused repeatedly since the last batch
    /// (the limiter's threshold, never the number).
    RepeatedFailedSignIns { username: String },
}

impl Event {
    pub fn kind(&self) -> Kind {
        match self {
            Self::ReleasePublished { .. } => Kind::Releases,
            Self::QuotesWaiting { .. } => Kind::Quotes,
            Self::PeriodDue { .. } | Self::PeriodHeldBack { .. } => Kind::Periods,
            Self::Security(_) => Kind::Security,
        }
    }
}

/// A staff member who may get mail.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: String,
    pub username: String,
    /// Their address; users without one get no mail.
    pub address: Option<String>,
    pub role: Role,
    /// The organisation an organisation user answers for.
    pub organisation: Option<String>,
    pub preferences: Preferences,
}

impl Recipient {
    /// Whether this user is told about `event`.
    fn gets(&self, event: &Event) -> bool {
        let kind = event.kind();
        let own_organisation = match event {
            Event::ReleasePublished { organisation, .. } => {
                self.role != Role::Organisation || self.organisation.as_ref() == Some(organisation)
            }
            _ => true,
        };
        self.address.is_some()
            && kind.allowed_for(self.role)
            && self.preferences.wants(kind)
            && own_organisation
    }
}

/// What started a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Periods were just sealed (by the schedule or a staff member).
    Sealed,
    /// The once-a-day batch.
    Daily,
}

/// When the daily batch last ran (kept by the runner with the outbox).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Schedule {
    #[serde(default, with = "super::day::option")]
    pub last_daily: Option<Date>,
}

impl Schedule {
    /// Whether a batch for `trigger` may run on `today`: a sealed batch
    /// whenever sealing happened, the daily one once per date.
    pub fn may_run(&self, trigger: Trigger, today: Date) -> bool {
        match trigger {
            Trigger::Sealed => true,
            Trigger::Daily => self.last_daily.is_none_or(|d| d < today),
        }
    }

    /// Record that a batch ran.
    pub fn ran(&mut self, trigger: Trigger, today: Date) {
        if trigger == Trigger::Daily {
            self.last_daily = Some(today);
        }
    }
}

/// One message of a batch.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Planned {
    pub user_id: String,
    pub to: String,
    pub kinds: Vec<Kind>,
    pub subject: String,
    pub body: String,
}

/// The messages of one batch: for each recipient who gets at least one of
/// `events`, one message with a section per event (sorted, duplicates
/// merged). `base_url` is the service's public address, for links.
pub fn plan(events: &[Event], recipients: &[Recipient], base_url: &str) -> Vec<Planned> {
    let mut events: Vec<&Event> = events.iter().collect();
    events.sort();
    events.dedup();
    let mut by_user: BTreeMap<&str, (&Recipient, Vec<&Event>)> = BTreeMap::new();
    for r in recipients {
        let mine: Vec<&Event> = events.iter().copied().filter(|e| r.gets(e)).collect();
        if !mine.is_empty() {
            by_user.insert(&r.user_id, (r, mine));
        }
    }
    by_user
        .into_values()
        .filter_map(|(r, mine)| {
            let mut kinds: Vec<Kind> = mine.iter().map(|e| e.kind()).collect();
            kinds.sort();
            kinds.dedup();
            Some(Planned {
                user_id: r.user_id.clone(),
                to: r.address.clone()?,
                kinds,
                subject: templates::subject(&mine),
                body: templates::body(&r.username, &mine, base_url),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
