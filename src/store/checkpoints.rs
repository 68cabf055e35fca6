//! The log's signed checkpoints and their witnesses' cosignatures
//! (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature; issue 17).
//!
//! | tree          | key                      | value |
//! |---------------|--------------------------|-------|
//! | `checkpoints` | tree size, u64 big-endian | JSON: the checkpoint signed by the log, and the cosignature lines received |
//!
//! One record per head, written in the head's own transaction. The
//! cosignatures are the witnesses' (already checked against the configured
//! witness keys); each carries its witness's clock, about the log, never
//! about a participant.

use super::queue::{Job, LogJob};
use super::{records, Store, StoreError};
pub use crate::audit::log::CheckpointRecord;
use crate::audit::note::NoteSignature;

impl Store {
    /// The checkpoint of the tree of `size` leaves, if a head had it.
    pub fn checkpoint(&self, size: u64) -> Result<Option<CheckpointRecord>, StoreError> {
        records::get_json(&self.trees.checkpoints, &size.to_be_bytes())
    }

    /// Every checkpoint, oldest first.
    pub fn checkpoints(&self) -> Result<Vec<CheckpointRecord>, StoreError> {
        self.trees
            .checkpoints
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// The newest checkpoint.
    pub fn latest_checkpoint(&self) -> Result<Option<CheckpointRecord>, StoreError> {
        Ok(self.checkpoints()?.pop())
    }

    /// Keep witnesses' cosignatures of the checkpoint of `size` (the caller
    /// has checked them against the configured witness keys).
    pub async fn add_cosignatures(
        &self,
        size: u64,
        lines: Vec<NoteSignature>,
    ) -> Result<(), StoreError> {
        self.call(|reply| Job::AddCosignatures { size, lines, reply })
            .await
    }

    /// The weekly upkeep of the log: this week's marker if it has none (a
    /// head per week at least), and a signed checkpoint of the newest head.
    /// Called at start-up and by the server's ticker.
    pub async fn tick(&self, today: time::Date) -> Result<(), StoreError> {
        self.call(|r| Job::Log(LogJob::Tick(today, r))).await
    }
}
