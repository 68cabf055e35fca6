//! One-time upgrade of "about you" answers kept by earlier versions.
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

use super::kv::{Kv, WriteConn};
use super::records::decode_counter;
use super::voices::{about_key, ABOUT};
use super::StoreError;
use serde::Deserialize;
use std::collections::BTreeMap;

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
    if let Kv::Sled(db) = kv {
        // Opening the tree would create it: look first.
        if !db.tree_names().iter().any(|n| n.as_ref() == OLD.as_bytes()) {
            return Ok(());
        }
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
    if let Kv::Sled(db) = kv {
        if old.len()? == 0 {
            db.drop_tree(OLD.as_bytes())?;
        }
    }
    Ok(())
}
