//! Messages not yet delivered, with their retry schedule: what the
//! dashboard shows as "mail waiting" and "mail that could not be sent".
//!
//! # Security contract
//! - A delivery keeps dates only (when it was planned, when it is next
//!   tried), never a finer time.
//! - What is kept about a failure is a [`Failure`] class, never the mail
//!   server's words: an SMTP reply can quote the address or the message.
//!   Nothing here is logged; the runner logs only counts.
//!
//! Back-off: a transient failure is retried at the next batch on or after
//! `today + 2^(attempts-1)` days (1, 2, 4, 8 …); after [`MAX_ATTEMPTS`], or
//! at once on a permanent refusal, the delivery is given up and stays on
//! the dashboard until an administrator dismisses it.

use super::plan::{Kind, Planned};
use time::{Date, Duration};

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: u32 = 5;

/// Why a send failed, as far as the dashboard needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Failure {
    /// The server answered 4xx (try again later).
    Transient,
    /// The server refused for good (5xx: unknown recipient, policy).
    Permanent,
    /// No connection, no TLS, or a time-out.
    Connection,
    /// Signing in to the mail server failed.
    Authentication,
}

impl Failure {
    pub fn retryable(self) -> bool {
        !matches!(self, Self::Permanent)
    }

    /// A short stable name (the dashboard's column, tests).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Transient => "transient",
            Self::Permanent => "permanent",
            Self::Connection => "connection",
            Self::Authentication => "authentication",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::Transient => "the mail server asked to try again later",
            Self::Permanent => "the mail server refused the message",
            Self::Connection => "the mail server could not be reached securely",
            Self::Authentication => "signing in to the mail server failed",
        }
    }
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// To be tried at the first batch on or after `next_try`.
    Waiting {
        #[serde(with = "super::day")]
        next_try: Date,
    },
    /// Given up; shown until dismissed.
    GaveUp,
}

/// One message on its way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Delivery {
    /// Random, hex: not a counter.
    pub id: String,
    pub message: Planned,
    #[serde(with = "super::day")]
    pub planned_on: Date,
    pub attempts: u32,
    pub last_failure: Option<Failure>,
    pub state: State,
}

impl Delivery {
    /// A message planned today, to be tried at once.
    pub fn new(message: Planned, today: Date) -> Result<Self, ring::error::Unspecified> {
        Ok(Self {
            id: crate::encoding::hex(&crate::secrets::random::bytes::<16>()?),
            message,
            planned_on: today,
            attempts: 0,
            last_failure: None,
            state: State::Waiting { next_try: today },
        })
    }

    /// Whether a batch on `today` should try it.
    pub fn due(&self, today: Date) -> bool {
        matches!(self.state, State::Waiting { next_try } if next_try <= today)
    }

    /// Record a failed attempt made on `today`.
    pub fn failed(&mut self, failure: Failure, today: Date) {
        self.attempts += 1;
        self.last_failure = Some(failure);
        self.state = if !failure.retryable() || self.attempts >= MAX_ATTEMPTS {
            State::GaveUp
        } else {
            let days = 1i64 << (self.attempts - 1).min(10);
            State::Waiting {
                next_try: today + Duration::days(days),
            }
        };
    }
}

/// What the dashboard shows of one delivery: no address, no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub user_id: String,
    pub kinds: Vec<Kind>,
    pub planned_on: Date,
    pub attempts: u32,
    pub last_failure: Option<Failure>,
    pub state: State,
}

/// Every delivery not yet sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outbox {
    deliveries: Vec<Delivery>,
}

impl Outbox {
    /// Add a batch's messages.
    pub fn add(
        &mut self,
        messages: Vec<Planned>,
        today: Date,
    ) -> Result<(), ring::error::Unspecified> {
        for m in messages {
            self.deliveries.push(Delivery::new(m, today)?);
        }
        Ok(())
    }

    /// Ids of the deliveries a batch on `today` should try.
    pub fn due(&self, today: Date) -> Vec<String> {
        self.deliveries
            .iter()
            .filter(|d| d.due(today))
            .map(|d| d.id.clone())
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Delivery> {
        self.deliveries.iter().find(|d| d.id == id)
    }

    /// A delivery was accepted by the mail server: it leaves the outbox.
    pub fn sent(&mut self, id: &str) {
        self.deliveries.retain(|d| d.id != id);
    }

    pub fn failed(&mut self, id: &str, failure: Failure, today: Date) {
        if let Some(d) = self.deliveries.iter_mut().find(|d| d.id == id) {
            d.failed(failure, today);
        }
    }

    /// An administrator dismissed a given-up delivery.
    pub fn dismiss(&mut self, id: &str) {
        self.deliveries
            .retain(|d| !(d.id == id && d.state == State::GaveUp));
    }

    /// The dashboard's rows, oldest first.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .deliveries
            .iter()
            .map(|d| Row {
                id: d.id.clone(),
                user_id: d.message.user_id.clone(),
                kinds: d.message.kinds.clone(),
                planned_on: d.planned_on,
                attempts: d.attempts,
                last_failure: d.last_failure,
                state: d.state,
            })
            .collect();
        rows.sort_by(|a, b| (a.planned_on, &a.id).cmp(&(b.planned_on, &b.id)));
        rows
    }

    pub fn is_empty(&self) -> bool {
        self.deliveries.is_empty()
    }

    /// Put `delivery` in place of the one with its id (a run's outcome,
    /// carried over to an outbox re-read after another writer changed it);
    /// `None` removes it (it was sent).
    pub fn settle(&mut self, id: &str, delivery: Option<Delivery>) {
        match delivery {
            Some(d) => {
                if let Some(slot) = self.deliveries.iter_mut().find(|x| x.id == id) {
                    *slot = d;
                }
            }
            None => self.sent(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(user: &str) -> Planned {
        Planned {
            user_id: user.into(),
            to: format!("{user}@example.org"),
            kinds: vec![Kind::Releases],
            subject: "s".into(),
            body: "b".into(),
        }
    }

    #[test]
    fn transient_failures_back_off_by_doubling_days_then_give_up() {
        let mut today = crate::clock::day(2027, 1, 4);
        let mut outbox = Outbox::default();
        outbox.add(vec![message("ann")], today).unwrap();
        let id = outbox.due(today).pop().unwrap();
        let mut waits = Vec::new();
        for _ in 0..MAX_ATTEMPTS {
            assert_eq!(outbox.due(today), vec![id.clone()]);
            outbox.failed(&id, Failure::Connection, today);
            match outbox.get(&id).unwrap().state {
                State::Waiting { next_try } => {
                    let wait = (next_try - today).whole_days();
                    // Not due the day before it should be retried.
                    assert!(outbox.due(next_try - Duration::days(1)).is_empty());
                    waits.push(wait);
                    today = next_try;
                }
                State::GaveUp => break,
            }
        }
        assert_eq!(waits, [1, 2, 4, 8]);
        let row = &outbox.rows()[0];
        assert_eq!(row.state, State::GaveUp);
        assert_eq!(row.attempts, MAX_ATTEMPTS);
        assert_eq!(row.last_failure, Some(Failure::Connection));
        assert!(outbox.due(today + Duration::days(365)).is_empty());
        outbox.dismiss(&id);
        assert!(outbox.is_empty());
    }

    #[test]
    fn a_permanent_refusal_gives_up_at_once_and_success_leaves() {
        let today = crate::clock::day(2027, 1, 4);
        let mut outbox = Outbox::default();
        outbox
            .add(vec![message("ann"), message("bob")], today)
            .unwrap();
        let ids = outbox.due(today);
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        outbox.failed(&ids[0], Failure::Permanent, today);
        outbox.sent(&ids[1]);
        let rows = outbox.rows();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].attempts, rows[0].state), (1, State::GaveUp));
        // Waiting deliveries cannot be dismissed, only given-up ones.
        outbox.add(vec![message("cy")], today).unwrap();
        let waiting = outbox.due(today).pop().unwrap();
        outbox.dismiss(&waiting);
        assert!(outbox.get(&waiting).is_some());
    }
}
