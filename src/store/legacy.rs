//! One-time upgrades of data kept by earlier versions, run by the writer at
//! start under its write lock, before any job.
//!
//! # "About you" answers (issue 16)
//!
//! Before issue 16 (item 3) each person's answers were one record in the
//! tree `about_you` (on PostgreSQL, the `kv` rows of that tree): a random
//! 16-byte key and a JSON value `{"round", "organisation", "period",
//! "answers": {question: answer}}`, written at rewrites as a
//! [`MixedWrite::Append`](super::MixedWrite). They are now kept only as
//! counts per period, question and answer (`about_you_counts`, see
//! [`super::voices`]), so the old records would be ignored and their
//! periods' published figures would vanish.
//!
//! [`fold_about_you`] runs in the writer at start, under its write lock,
//! before any job: in one transaction it adds every old record to the
//! counts exactly as [`super::Store::about_you`] would have counted it
//! (one respondent, one per answer), written in key order with nothing
//! added (no counter of its own, no time), and deletes the record. A crash
//! leaves either both or neither, so nothing is counted twice and a second
//! start finds nothing to do. An old `Append` still waiting in an ingest
//! area when the new version starts is counted the same way when its epoch
//! is rewritten ([`old_counts`], called by the rewrite). A record that
//! cannot be read is left where it is rather than lost.
//!
//! # The log leaves of answers (issue 21)
//!
//! Since issue 21 every response version and pledge step is stored with
//! its leaf ([`crate::audit::record`]) in one transaction. Answers stored
//! by earlier versions have none, so their record would fail `verify`
//! forever. [`missing_answer_leaves`] lists the leaves of every stored
//! version and step that the log (up to its last signed head) does not
//! hold yet, compared leaf by leaf with the log's own `response` and
//! `pledge` leaves: responses in key order (round, period, theme), then
//! pledges in key order (their random id), each record's versions in
//! order. The writer appends them under signed heads of their own
//! (`backfill_answers` in `writer/tlog.rs`, as the only instance that
//! appends, never while a sealing writes leaves) and, in the transaction
//! of the last of them, writes the mark [`ANSWER_LEAVES`] in the tree
//! [`UPGRADES`], so later starts do not read the log again (a store with
//! no answer at all is not read and gets no mark). A crash before
//! the mark leaves whole appends only (each with its head): the next start
//! compares again and appends what is still missing, never a leaf twice.
//! Nothing is written about anyone: the leaves hold staff texts' hashes
//! and the periods the answers carry; no time finer than a period, and
//! their order is the record's own key order, which the record publishes.
//! A record that cannot be read is skipped (and fails `verify`, as it
//! would have).

use super::kv::{Kv, Tree, WriteConn};
use super::records::{self, decode_counter};
use super::voices::{about_key, ABOUT, PLEDGES, RESPONSES};
use super::StoreError;
use crate::audit::log::Leaf;
use crate::audit::record;
use crate::domain::{PledgeRecord, ResponseRecord};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The tree of the old per-person records.
pub(super) const OLD: &str = "about_you";

/// What is read of an old record (its organisation is not needed).
#[derive(Deserialize)]
struct OldRecord {
    round: String,
    period: String,
    #[serde(default)]
    answers: BTreeMap<String, String>,
}

/// The counter keys one old record adds 1 to: its respondent and each of
/// its answers; `None` if it cannot be read.
pub(super) fn old_counts(value: &[u8]) -> Option<Vec<Vec<u8>>> {
    let r: OldRecord = serde_json::from_slice(value).ok()?;
    let mut keys = vec![about_key(&r.round, &r.period, "", "")];
    keys.extend(
        r.answers
            .iter()
            .map(|(q, a)| about_key(&r.round, &r.period, q, a)),
    );
    Some(keys)
}

/// Fold the old records into the counts and delete them (see the module's
/// paragraph). Called by the writer holding its write lock.
pub(super) fn fold_about_you(conn: &mut WriteConn, kv: &Kv) -> Result<(), StoreError> {
    if !kv.is_postgres() && !kv.tree_names()?.iter().any(|n| n == OLD) {
        return Ok(());
    }
    let old = kv.open_tree(OLD)?;
    let rows = old.iter()?;
    if !rows.is_empty() {
        let counts = kv.open_tree(ABOUT)?;
        conn.transaction(&[&old, &counts], |tx| {
            let mut add: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
            let mut folded = Vec::new();
            for (k, _) in &rows {
                // Read again inside the transaction (and locked on
                // PostgreSQL): only what is still there is counted.
                let Some(keys) = tx.get_for_update(OLD, k)?.and_then(|v| old_counts(&v)) else {
                    continue;
                };
                for key in keys {
                    *add.entry(key).or_default() += 1;
                }
                folded.push(k);
            }
            for (k, by) in &add {
                let n = decode_counter(tx.get(ABOUT, k)?.as_deref());
                tx.insert(ABOUT, k, &(n + by).to_be_bytes())?;
            }
            for k in folded {
                tx.remove(OLD, k)?;
            }
            Ok(())
        })?;
    }
    if !kv.is_postgres() && old.len()? == 0 {
        kv.drop_tree(OLD)?;
    }
    Ok(())
}

/// The tree of one-time upgrades' marks.
pub(super) const UPGRADES: &str = "upgrades";
/// The mark (empty value) that every answer stored before issue 21 has
/// its leaf in the log.
pub(super) const ANSWER_LEAVES: &[u8] = b"answer_leaves";

/// Leaves of the log read per step while looking for answers' leaves.
const PAGE: usize = 4_096;

/// Whether there is nothing to backfill: the mark is stored, or no answer
/// is (then nothing is written: a store nobody has used stays empty, as a
/// restore into it needs).
pub(super) fn answers_backfilled(kv: &Kv) -> Result<bool, StoreError> {
    if kv.open_tree(RESPONSES)?.is_empty()? && kv.open_tree(PLEDGES)?.is_empty()? {
        return Ok(true);
    }
    // A tree never written reads as empty on either backend.
    kv.open_tree(UPGRADES)?.contains_key(ANSWER_LEAVES)
}

/// The leaves of stored response versions and pledge steps that the
/// first `size` leaves of the log (`leaves`) do not hold, in the order
/// they are to be appended (see the module's paragraph). Leaves past
/// `size` (a sealing's, not yet under a head) are not read.
pub(super) fn missing_answer_leaves(
    kv: &Kv,
    leaves: &Tree,
    size: u64,
) -> Result<Vec<Leaf>, StoreError> {
    let mut logged: HashSet<Leaf> = HashSet::new();
    let end = size.to_be_bytes();
    let mut next = 0u64;
    while next < size {
        let page = leaves.scan_limit(&next.to_be_bytes(), Some(&end), PAGE)?;
        let Some((last, _)) = page.last() else {
            break;
        };
        let last = <[u8; 8]>::try_from(last.as_slice())
            .map_err(|_| StoreError::Io("bad leaf index".into()))?;
        next = u64::from_be_bytes(last) + 1;
        for (_, bytes) in page {
            if let Ok(leaf @ (Leaf::Response { .. } | Leaf::Pledge { .. })) =
                serde_json::from_slice::<Leaf>(&bytes)
            {
                logged.insert(leaf);
            }
        }
    }
    let mut responses = Vec::new();
    for (_, v) in kv.open_tree(RESPONSES)?.iter()? {
        match records::from_json::<ResponseRecord>(&v) {
            Ok(r) => responses.push(r),
            Err(_) => tracing::warn!("a stored response that does not decode was not logged"),
        }
    }
    let mut pledges = Vec::new();
    for (_, v) in kv.open_tree(PLEDGES)?.iter()? {
        match records::from_json::<PledgeRecord>(&v) {
            Ok(p) => pledges.push(p),
            Err(_) => tracing::warn!("a stored pledge that does not decode was not logged"),
        }
    }
    Ok(record::leaves(&responses, &pledges)
        .into_iter()
        .filter(|l| !logged.contains(l))
        .collect())
}
