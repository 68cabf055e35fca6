//! The auditor that remembers (issue 17): what `parrhesia verify` checks on
//! top of [`super::verify`]'s checks of the log's own content, with the
//! state it keeps between runs and the witnesses it trusts.
//!
//! 1. **Pinned log key.** The first run pins the log's verifier key (or
//!    takes it from `--log-key`); later runs fail if the server shows
//!    another.
//! 2. **Witnessed checkpoint.** The newest checkpoint signed by that key
//!    and cosigned by at least N of the given witnesses
//!    (c2sp.org/tlog-cosignature). Everything else is checked against it:
//!    a host showing this verifier a fork must get it cosigned by
//!    witnesses who have cosigned the real log for others, which they
//!    refuse (c2sp.org/tlog-witness: a witness cosigns only checkpoints
//!    consistent with the last one it cosigned).
//! 3. **No rewrite since last time.** A consistency proof (RFC 9162
//!    §2.1.4) from the checkpoint the state remembers to the new one; a
//!    smaller tree, or the same size with another root, fails.
//! 4. **Not frozen.** The log logs the week at its first head of each week
//!    (and at least once a week). The newest week marker under the
//!    checkpoint must be this week's or last week's by the verifier's own
//!    clock, or the log (or the view shown to this verifier) has stopped.
//! 5. **Key consistency** (RFC 9576 §6.2). Each round's challenge, fetched
//!    as a client would, must carry a key logged for that round under the
//!    checkpoint, usable today, with the round's redemption context; every
//!    key in the issuer directory must be logged.
//!
//! What none of this catches: a host that colludes with every witness the
//! verifier trusts, and a key served to one person only that no verifier's
//! request ever receives (the client's own check, `parrhesia token fetch`,
//! covers that person; the browser page does not check).

use super::log::{log_verifier, CheckpointRecord, Leaf};
use super::merkle::{self, Hash};
use super::note::{self, Checkpoint, Note, Verifier};
use super::verify::{Published, Report};
use crate::domain::{Period, PeriodLength};
use crate::encoding::{base64, from_base64, hex};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// What the verifier remembers between runs (its state file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The log's verifier key, pinned at the first run.
    pub log_vkey: String,
    /// The last checkpoint that verified: its size and root (base64).
    pub size: u64,
    pub root: String,
    /// The newest week marker it covered.
    pub week: String,
}

/// Whom the verifier trusts.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The log's key, if given on the command line (else the state's, else
    /// the one the server shows, pinned from then on).
    pub log_key: Option<Verifier>,
    /// Witnesses (cosignature/v1 verifier keys).
    pub witnesses: Vec<Verifier>,
    /// How many of them must have cosigned.
    pub quorum: usize,
}

/// A checkpoint the policy accepts.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub checkpoint: Checkpoint,
    /// The witnesses whose cosignatures verified.
    pub cosigned_by: Vec<String>,
}

/// The log key this run trusts: the command line's, else the state's, else
/// the server's (pinned from now on).
pub fn pinned(policy: &Policy, state: Option<&State>, p: &Published) -> Result<Verifier, String> {
    let shown = log_verifier(&p.log_public_key).ok_or("the server's log key is not Ed25519")?;
    let pinned = match (&policy.log_key, state) {
        (Some(k), _) => k.clone(),
        (None, Some(s)) => Verifier::parse(&s.log_vkey).map_err(|e| e.to_string())?,
        (None, None) => return Ok(shown),
    };
    if pinned != shown {
        return Err(format!(
            "the server shows the log key {}, not the pinned {}",
            shown.vkey(),
            pinned.vkey()
        ));
    }
    Ok(pinned)
}

/// The newest checkpoint signed with `log`, which must be cosigned by a
/// quorum of the policy's witnesses (a witness that has not caught up yet
/// fails the run: it is not evidence that others see the same log).
pub fn choose(
    checkpoints: &[CheckpointRecord],
    log: &Verifier,
    policy: &Policy,
) -> Result<Chosen, String> {
    let mut signed: Vec<(Checkpoint, Note)> = Vec::new();
    for record in checkpoints {
        let Ok(note) = Note::parse(&record.render()) else {
            continue;
        };
        let Ok(checkpoint) = Checkpoint::parse(&note.text) else {
            continue;
        };
        if checkpoint.origin == log.name && note.verified_by(log).is_ok_and(|s| !s.is_empty()) {
            signed.push((checkpoint, note));
        }
    }
    let cosigners = |note: &Note| -> Vec<String> {
        policy
            .witnesses
            .iter()
            .filter(|w| note.verified_by(w).is_ok_and(|s| !s.is_empty()))
            .map(|w| w.name.clone())
            .collect()
    };
    let (checkpoint, note) = signed
        .iter()
        .max_by_key(|(c, _)| c.size)
        .ok_or("no checkpoint is signed by the log key")?;
    let cosigned_by = cosigners(note);
    if cosigned_by.len() < policy.quorum {
        let newest_witnessed = signed
            .iter()
            .filter(|(_, n)| cosigners(n).len() >= policy.quorum)
            .map(|(c, _)| c.size)
            .max();
        return Err(format!(
            "the newest checkpoint (size {}) is cosigned by {} of the witnesses given, {} \
             needed{}",
            checkpoint.size,
            cosigned_by.len(),
            policy.quorum,
            match newest_witnessed {
                Some(n) =>
                    format!(" (they last cosigned size {n}: run again once they have caught up)"),
                None => String::new(),
            }
        ));
    }
    Ok(Chosen {
        checkpoint: checkpoint.clone(),
        cosigned_by,
    })
}

/// What the verifier fetched beside the published log, as a client would.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The consistency proof from the state's checkpoint to the chosen one.
    pub proof_from_state: Option<Vec<Hash>>,
    /// Each round's `WWW-Authenticate` challenge (or why none came).
    pub challenges: Vec<(String, Result<String, String>)>,
    /// The issuer directory's token keys (padded base64url SPKIs).
    pub directory: Vec<String>,
}

/// The rounds whose challenges to fetch: those with a key logged under
/// the checkpoint (asking another round would make its first key).
pub fn rounds_with_keys(p: &Published, size: u64) -> Vec<String> {
    let mut rounds: Vec<String> = logged_keys(p, size).into_iter().map(|k| k.0).collect();
    rounds.sort();
    rounds.dedup();
    rounds
}

/// (round, token_key base64url, not_before) of each round key logged in the
/// first `size` leaves.
fn logged_keys(p: &Published, size: u64) -> Vec<(String, String, String)> {
    p.leaves
        .iter()
        .take(usize::try_from(size).unwrap_or(usize::MAX))
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(Leaf::RoundTokenKey {
                round,
                token_key,
                not_before,
                ..
            }) => Some((round, token_key, not_before)),
            _ => None,
        })
        .collect()
}

/// Run the checks above (after [`super::verify::verify`]'s, in the same
/// report); returns the state to keep if every check passed.
pub fn check(
    r: &mut Report,
    p: &Published,
    policy: &Policy,
    state: Option<&State>,
    seen: &Seen,
    today: Date,
) -> Option<State> {
    let log = match pinned(policy, state, p) {
        Ok(v) => {
            r.check(true, format!("the log key is {}", v.vkey()));
            v
        }
        Err(why) => {
            r.check(false, why);
            return None;
        }
    };
    let chosen = match choose(&p.checkpoints, &log, policy) {
        Ok(c) => c,
        Err(why) => {
            r.check(false, why);
            return None;
        }
    };
    let cp = &chosen.checkpoint;
    r.check(
        true,
        format!(
            "checkpoint of size {} signed by the log{}",
            cp.size,
            if chosen.cosigned_by.is_empty() {
                String::new()
            } else {
                format!(" and cosigned by {}", chosen.cosigned_by.join(", "))
            }
        ),
    );
    let size = usize::try_from(cp.size).unwrap_or(usize::MAX);
    let hashes: Vec<Hash> = p
        .leaves
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect();
    r.check(
        size == hashes.len() && merkle::root(&hashes) == cp.root,
        format!(
            "the checkpoint covers the {} leaves published, with their root",
            hashes.len()
        ),
    );
    if let Some(s) = state {
        r.check(
            rewrite_free(s, cp, seen),
            format!(
                "the log at size {} is an extension of the one seen last time (size {})",
                cp.size, s.size
            ),
        );
    }
    let week = newest_week(p, cp.size);
    let fresh = fresh_week(week.as_deref(), today);
    r.check(
        fresh,
        match &week {
            Some(w) if fresh => {
                format!("the log has moved this or last week (its newest week marker: {w})")
            }
            Some(w) => format!(
                "the log is frozen: its newest week marker is {w}, more than a week before today"
            ),
            None => "the log has no week marker: heads do not say when they were made".into(),
        },
    );
    if let (Some(s), Some(w)) = (state, &week) {
        r.check(
            *w >= s.week,
            format!("the week marker never goes back ({} then {w})", s.week),
        );
    }
    key_consistency(r, p, cp.size, seen, today);
    r.ok().then(|| State {
        log_vkey: log.vkey(),
        size: cp.size,
        root: base64(&cp.root),
        week: week.unwrap_or_default(),
    })
}

/// The chosen checkpoint extends the remembered one.
fn rewrite_free(s: &State, cp: &Checkpoint, seen: &Seen) -> bool {
    let Some(old_root) = from_base64(&s.root).and_then(|r| <Hash>::try_from(r).ok()) else {
        return false;
    };
    if cp.size < s.size {
        return false;
    }
    if cp.size == s.size {
        return cp.root == old_root;
    }
    seen.proof_from_state.as_ref().is_some_and(|proof| {
        merkle::verify_consistency(s.size, cp.size, &old_root, &cp.root, proof)
    })
}

/// The newest week marker among the first `size` leaves.
fn newest_week(p: &Published, size: u64) -> Option<String> {
    p.leaves
        .iter()
        .take(usize::try_from(size).unwrap_or(usize::MAX))
        .rev()
        .find_map(|l| match serde_json::from_str(l) {
            Ok(Leaf::Period { period }) => Some(period),
            _ => None,
        })
}

/// Whether `week` is this week or last week, by `today`.
fn fresh_week(week: Option<&str>, today: Date) -> bool {
    let last_week = Period::containing(today - Duration::weeks(1), PeriodLength::ONE_WEEK).id();
    week.is_some_and(|w| w >= last_week.as_str())
}

/// Each round's challenge carries one of its logged keys, usable today,
/// and its own redemption context; the directory lists only logged keys.
fn key_consistency(r: &mut Report, p: &Published, size: u64, seen: &Seen, today: Date) {
    let logged = logged_keys(p, size);
    for (round, answer) in &seen.challenges {
        let www = match answer {
            Ok(www) => www,
            Err(why) => {
                r.check(false, format!("round {round}: no challenge ({why})"));
                continue;
            }
        };
        let Ok(challenge) = crate::tokens::client::parse_challenge(www) else {
            r.check(
                false,
                format!("round {round}: the challenge does not parse: {www}"),
            );
            continue;
        };
        let key = crate::tokens::b64(challenge.token_key());
        let usable = logged.iter().any(|(rd, k, not_before)| {
            rd == round
                && k.trim_end_matches('=') == key.trim_end_matches('=')
                && crate::tokens::token_keys::parse_date(not_before)
                    .is_some_and(|nb| crate::tokens::token_keys::verifies_on(nb, today))
        });
        r.check(
            usable,
            format!(
                "round {round}: its challenge's key {} is logged for it and usable today",
                hex(&challenge.token_key_id())
            ),
        );
        r.check(
            challenge.redemption_context() == Some(crate::tokens::redeemer::round_context(round)),
            format!("round {round}: the challenge's redemption context is the round's"),
        );
    }
    for key in &seen.directory {
        r.check(
            logged
                .iter()
                .any(|(_, k, _)| k.trim_end_matches('=') == key.trim_end_matches('=')),
            format!(
                "the issuer directory's key {} is logged",
                &key[..key.len().min(24)]
            ),
        );
    }
}

/// The vkey a witness prints for its key file (cosignature/v1).
pub fn witness_vkey(name: &str, public_key: &[u8]) -> Option<String> {
    let key: [u8; 32] = public_key.try_into().ok()?;
    Verifier::new(name, note::COSIGNATURE_V1, key)
        .ok()
        .map(|v| v.vkey())
}
