//! What the batch runner keeps in the store between batches, so that a
//! restart neither loses nor resends mail: the schedule, the outbox, which
//! sealed periods were already told about, the security events waiting
//! for the next batch, and the master key id seen at the last batch.
//!
//! # Security contract
//! Dates only (see [`super::outbox`]). `announced` holds round and period
//! ids, which are published; `security` holds staff user names only.
//! Nothing here is about a participant.

use super::outbox::Outbox;
use super::plan::{Schedule, Security};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MailState {
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default)]
    pub outbox: Outbox,
    /// Sealed periods already told about, as `round/period`, kept while
    /// their release may still be answered (then forgotten: they are no
    /// longer candidates either).
    #[serde(default)]
    pub announced: BTreeSet<String>,
    /// Security events waiting for the next batch (sorted, no repeats).
    #[serde(default)]
    pub security: Vec<Security>,
    /// The vault's current master key id at the last batch: a change is
    /// a rotation to tell administrators about.
    #[serde(default)]
    pub master_key: Option<String>,
}

impl MailState {
    /// Read a stored state; absent means nothing sent or planned yet.
    pub fn from_bytes(bytes: Option<&[u8]>) -> Result<Self, serde_json::Error> {
        match bytes {
            Some(b) => serde_json::from_slice(b),
            None => Ok(Self::default()),
        }
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }

    /// Keep `event` for the next batch (once).
    pub fn note(&mut self, event: Security) {
        if !self.security.contains(&event) {
            self.security.push(event);
            self.security.sort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::plan::{Kind, Planned, Trigger};

    #[test]
    fn the_state_round_trips_with_dates_only() {
        let today = crate::clock::day(2027, 1, 4);
        let mut state = MailState::default();
        state.schedule.ran(Trigger::Daily, today);
        state
            .outbox
            .add(
                vec![Planned {
                    user_id: "u".into(),
                    to: "ann@example.org".into(),
                    kinds: vec![Kind::Releases],
                    subject: "s".into(),
                    body: "b".into(),
                }],
                today,
            )
            .unwrap();
        state.note(Security::NewAdministrator {
            username: "ann".into(),
        });
        state.note(Security::NewAdministrator {
            username: "ann".into(),
        });
        state.announced.insert("care/2027-01-04".into());
        let bytes = state.to_bytes().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\"2027-01-04\""), "{text}");
        assert!(
            !text.contains(':') || !text.contains("T0"),
            "no times: {text}"
        );
        let back = MailState::from_bytes(Some(&bytes)).unwrap();
        assert_eq!(back, state);
        assert_eq!(back.security.len(), 1);
        assert_eq!(MailState::from_bytes(None).unwrap(), MailState::default());
    }
}
