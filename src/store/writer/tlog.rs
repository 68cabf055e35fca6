//! The writer's side of the log's checkpoints (issue 17): a signed C2SP
//! checkpoint for every head, the week markers that date heads, and the
//! witnesses' cosignatures (see [`crate::store::checkpoints`]).

use super::{append_log, Applied, Outcome, Writer};
use crate::audit::log::CheckpointRecord;
use crate::audit::log::{Leaf, LogSigner};
use crate::audit::merkle::Hash;
use crate::domain::{Period, PeriodLength};
use crate::store::kv::Tree;
use crate::store::{records, StoreError};
use time::Date;

/// Leaves read back at a time when looking for the newest marker.
const CHUNK: u64 = 256;

/// The stored form of the signed checkpoint of `size` leaves.
pub(super) fn checkpoint_record(
    signer: &LogSigner,
    size: u64,
    root: &Hash,
) -> Result<Vec<u8>, StoreError> {
    records::to_json(&CheckpointRecord {
        note: signer.checkpoint(size, root),
        cosignatures: Vec::new(),
    })
}

/// The week of `today`, as its marker names it.
pub(super) fn week(today: Date) -> String {
    Period::containing(today, PeriodLength::ONE_WEEK).id()
}

/// The newest week marker among the log's leaves, read from the end.
pub(super) fn newest_marker(leaves: &Tree) -> Result<Option<String>, StoreError> {
    let mut end = leaves.len()? as u64;
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let chunk = leaves.range(&start.to_be_bytes(), &end.to_be_bytes())?;
        for (_, v) in chunk.iter().rev() {
            if let Ok(Leaf::Period { period }) = serde_json::from_slice(v) {
                return Ok(Some(period));
            }
        }
        end = start;
    }
    Ok(None)
}

impl Writer {
    /// The marker of `today`'s week, if the log has none yet: the caller
    /// puts it first among the leaves it appends.
    pub(super) fn marker_due(&mut self, today: Date) -> Result<Option<Leaf>, StoreError> {
        self.hashes()?;
        let week = week(today);
        // Never backwards: a clock that runs behind adds no older marker.
        if self.marker.as_ref().is_some_and(|m| *m >= week) {
            return Ok(None);
        }
        self.marker = Some(week.clone());
        Ok(Some(Leaf::Period { period: week }))
    }

    /// Log this week's marker under a head of its own if the log has none
    /// yet (a log that moves at least weekly; an auditor can tell one that
    /// stopped), and make sure the newest head has a signed checkpoint
    /// (logs from before issue 17 have none).
    pub(super) fn tick(&mut self, today: Date) -> Result<(), StoreError> {
        let size = self.hashes()?.len() as u64;
        let marker_due = self.marker.as_ref().is_none_or(|m| *m < week(today));
        if marker_due {
            let appended = self.append(&[], "", "", "", today)?;
            let t = &self.trees;
            return self
                .conn
                .transaction(&[&t.log_leaves, &t.log_heads, &t.checkpoints], |tx| {
                    append_log(tx, &appended)
                });
        }
        if size > 0 && self.trees.checkpoints.get(&size.to_be_bytes())?.is_none() {
            let root = crate::audit::merkle::root(self.hashes()?);
            let record = checkpoint_record(&self.signer, size, &root)?;
            let t = &self.trees;
            self.conn.transaction(&[&t.checkpoints], |tx| {
                tx.insert(t.checkpoints.name(), &size.to_be_bytes(), &record)
            })?;
        }
        Ok(())
    }

    /// Add witnesses' cosignature lines (already checked against the
    /// configured witness keys) to the checkpoint of `size`, one per key:
    /// a newer line from the same key replaces the older.
    pub(super) fn add_cosignatures(
        &mut self,
        size: u64,
        lines: &[crate::audit::note::NoteSignature],
    ) -> Result<Applied, StoreError> {
        let key = size.to_be_bytes();
        let Some(mut record) =
            records::get_json::<CheckpointRecord>(&self.trees.checkpoints, &key)?
        else {
            return Ok(Err(StoreError::NotFound("checkpoint")));
        };
        record.merge(lines);
        let value = records::to_json(&record)?;
        let t = &self.trees;
        self.conn.transaction(&[&t.checkpoints], |tx| {
            tx.insert(t.checkpoints.name(), &key, &value)
        })?;
        Ok(Ok(Outcome::Done))
    }
}
