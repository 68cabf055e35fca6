//! The writer's side of the log outside sealing (issue 17): a signed C2SP
//! checkpoint for every head, the week markers that date heads, the
//! witnesses' cosignatures (see [`crate::store::checkpoints`]), and the
//! appends of [`LogJob`]s, which never land among a sealing's leaves.
//!
//! Appending works from the stored [`LogState`] (the size, the Merkle
//! frontier and the newest marker), never from the leaves, so its cost
//! does not grow with the log.

use super::Writer;
use crate::audit::log::{CheckpointRecord, Leaf, LogSigner};
use crate::audit::merkle::{self, Hash};
use crate::domain::{Period, PeriodLength};
use crate::store::kv::{TxResult, Txn};
use crate::store::legacy;
use crate::store::queue::{Answer, LogJob};
use crate::store::records;
use crate::store::seal::{LogState, LOG_STATE, STATE_KEY};
use crate::store::voices::AnswerOp;
use crate::store::StoreError;
use std::collections::VecDeque;
use time::Date;

/// Backfilled answer leaves appended under one head.
const LEAVES: usize = 1_024;

/// The stored form of the signed checkpoint of `size` leaves.
pub(in crate::store) fn checkpoint_record(
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
pub(in crate::store) fn week(today: Date) -> String {
    Period::containing(today, PeriodLength::ONE_WEEK).id()
}

/// The marker of `week` if the log has none for it or a later week yet
/// (never backwards: a clock that runs behind adds no older marker). An
/// empty `week` (unknown) is never due.
pub(in crate::store) fn marker_due(state: &LogState, week: &str) -> Option<String> {
    if week.is_empty() || state.marker.as_deref().is_some_and(|m| m >= week) {
        return None;
    }
    Some(week.to_owned())
}

/// Leaves appended under a head of their own (no period), ready to commit.
pub(super) struct Appended {
    pub first_leaf: u64,
    pub leaf_bytes: Vec<Vec<u8>>,
    head_index: u64,
    head_json: Vec<u8>,
    size: u64,
    checkpoint: Vec<u8>,
    state_json: Vec<u8>,
}

impl Appended {
    /// Write the leaves, the head, its checkpoint and the log state in
    /// `tx` (whose trees must include `log_leaves`, `log_heads`,
    /// `checkpoints` and `log_state`).
    pub(super) fn write(&self, tx: &mut dyn Txn) -> TxResult<()> {
        for (i, bytes) in self.leaf_bytes.iter().enumerate() {
            tx.insert(
                "log_leaves",
                &(self.first_leaf + i as u64).to_be_bytes(),
                bytes,
            )?;
        }
        tx.insert("log_heads", &self.head_index.to_be_bytes(), &self.head_json)?;
        tx.insert("checkpoints", &self.size.to_be_bytes(), &self.checkpoint)?;
        tx.insert(LOG_STATE, STATE_KEY, &self.state_json)
    }
}

/// Log jobs waiting for the sealing to stop writing leaves.
#[derive(Default)]
pub(super) struct LogJobs(VecDeque<LogJob>);

impl LogJobs {
    pub(super) fn push(&mut self, job: LogJob) {
        self.0.push_back(job);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn refuse_all(&mut self, e: impl Fn() -> StoreError) {
        for job in self.0.drain(..) {
            job.refuse(e());
        }
    }
}

impl Writer {
    /// `leaves` (this week's marker first, if due) under a new head with
    /// no period, from the stored log state.
    pub(super) fn append(&self, leaves: &[Leaf], today: Date) -> Result<Appended, StoreError> {
        self.append_in(leaves, &week(today))
    }

    /// [`Self::append`] in `week` (empty: unknown, no marker).
    fn append_in(&self, leaves: &[Leaf], week: &str) -> Result<Appended, StoreError> {
        let state = self.log_state()?;
        let marker = marker_due(&state, week);
        let mut all: Vec<Leaf> = marker
            .iter()
            .map(|m| Leaf::Period { period: m.clone() })
            .collect();
        all.extend_from_slice(leaves);
        let mut frontier = state.frontier()?;
        let first_leaf = frontier.size();
        let leaf_bytes: Vec<Vec<u8>> = all.iter().map(Leaf::to_bytes).collect();
        for b in &leaf_bytes {
            frontier.push(merkle::leaf_hash(b));
        }
        let size = frontier.size();
        Ok(Appended {
            first_leaf,
            head_index: self.trees.log_heads.len()? as u64,
            head_json: self.sign_head(&frontier, "", "", "")?,
            size,
            checkpoint: checkpoint_record(&self.signer, size, &frontier.root())?,
            state_json: records::to_json(&LogState::with(&frontier, marker.or(state.marker)))?,
            leaf_bytes,
        })
    }

    /// Run the waiting log jobs, unless a sealing is writing leaves (it
    /// holds a frontier the jobs would move) or, on PostgreSQL, another
    /// instance is appending. Under the write lock. Whether any ran.
    pub(super) fn run_log_jobs(&mut self) -> Result<bool, StoreError> {
        if self.log_jobs.is_empty() || self.planner.writing_leaves() {
            return Ok(false);
        }
        // Session locks nest: a run of this instance holding it is fine.
        if !self.conn.try_seal_lock()? {
            return Ok(false);
        }
        let jobs = std::mem::take(&mut self.log_jobs.0);
        let mut result = Ok(());
        let mut answered = Vec::new();
        for job in jobs {
            if result.is_err() {
                job.refuse(StoreError::Unavailable);
                continue;
            }
            match job {
                LogJob::AddTokenKey {
                    record,
                    today,
                    save,
                    reply,
                } => match self.add_token_key(&record, today, &save) {
                    Ok(answer) => answered.push(Done::Added(reply, answer)),
                    Err(e) => {
                        reply.send_now(Err(StoreError::Unavailable));
                        result = Err(e);
                    }
                },
                LogJob::Answer { op, today, reply } => match self.store_answer(&op, today) {
                    Ok(answer) => answered.push(Done::Answered(reply, answer)),
                    Err(e) => {
                        reply.send_now(Err(StoreError::Unavailable));
                        result = Err(e);
                    }
                },
                LogJob::Backfill => {
                    if let Err(e) = self.backfill_answers() {
                        result = Err(e);
                    }
                }
                LogJob::Tick(today, reply) => match self.tick(today) {
                    Ok(()) => answered.push(Done::Ticked(reply)),
                    Err(e) => {
                        reply.send_now(Err(StoreError::Unavailable));
                        result = Err(e);
                    }
                },
            }
        }
        let released = self.conn.seal_unlock();
        // Answered once durable.
        let flushed = result.and(released).and_then(|()| self.flush());
        for done in answered {
            match (done, &flushed) {
                (Done::Added(reply, answer), Ok(())) => reply.send_now(answer),
                (Done::Answered(reply, answer), Ok(())) => reply.send_now(answer),
                (Done::Answered(reply, _), Err(_)) => reply.send_now(Err(StoreError::Unavailable)),
                (Done::Ticked(reply), Ok(())) => reply.send_now(Ok(())),
                (Done::Added(reply, _), Err(_)) => reply.send_now(Err(StoreError::Unavailable)),
                (Done::Ticked(reply), Err(_)) => reply.send_now(Err(StoreError::Unavailable)),
            }
        }
        flushed.map(|()| true)
    }

    /// Store a response version or pledge step and append its leaf (after
    /// this week's marker, if due) under a head of its own, in one
    /// transaction: a version is never stored unlogged, nor logged
    /// unstored.
    fn store_answer(&mut self, op: &AnswerOp, today: Date) -> Result<Answer<()>, StoreError> {
        let write = match op.prepare(&self.kv)? {
            Ok(w) => w,
            Err(e) => return Ok(Err(e)),
        };
        let appended = self.append(std::slice::from_ref(&write.leaf), today)?;
        let t = &self.trees;
        let log_state = self.kv.open_tree(LOG_STATE)?;
        let record = self.kv.open_tree(write.tree)?;
        let trees = [
            &t.log_leaves,
            &t.log_heads,
            &t.checkpoints,
            &log_state,
            &record,
        ];
        self.conn.transaction(&trees, |tx| {
            appended.write(tx)?;
            tx.insert(write.tree, &write.key, &write.json)
        })?;
        Ok(Ok(()))
    }

    /// Append the leaves of answers stored before they existed (see
    /// [`crate::store::legacy`]), [`LEAVES`] under each signed head, and
    /// mark the job done with the last of them; nothing (no head) if none
    /// is missing. Run at start, or as a log job if another instance
    /// was appending then: under the write lock and the append lock.
    /// No week marker: the start knows no date (the next tick logs it).
    pub(super) fn backfill_answers(&mut self) -> Result<(), StoreError> {
        if legacy::answers_backfilled(&self.kv)? {
            return Ok(());
        }
        let size = self.log_state()?.size;
        let missing = legacy::missing_answer_leaves(&self.kv, &self.trees.log_leaves, size)?;
        let upgrades = self.kv.open_tree(legacy::UPGRADES)?;
        let mark = |tx: &mut dyn Txn| tx.insert(legacy::UPGRADES, legacy::ANSWER_LEAVES, &[]);
        if missing.is_empty() {
            return self.conn.transaction(&[&upgrades], mark);
        }
        let t = &self.trees;
        let log_state = self.kv.open_tree(LOG_STATE)?;
        let trees = [
            &t.log_leaves,
            &t.log_heads,
            &t.checkpoints,
            &log_state,
            &upgrades,
        ];
        let chunks: Vec<&[Leaf]> = missing.chunks(LEAVES).collect();
        for (i, chunk) in chunks.iter().enumerate() {
            let appended = self.append_in(chunk, "")?;
            let last = i + 1 == chunks.len();
            self.conn.transaction(&trees, |tx| {
                appended.write(tx)?;
                if last {
                    mark(tx)?;
                }
                Ok(())
            })?;
        }
        tracing::info!(
            leaves = missing.len(),
            "logged the answers stored before their leaves existed"
        );
        Ok(())
    }

    /// Log this week's marker under a head of its own if the log has none
    /// yet (a log that moves at least weekly; an auditor can tell one that
    /// stopped), and make sure the newest head has a signed checkpoint
    /// (logs from before issue 17 have none).
    fn tick(&mut self, today: Date) -> Result<(), StoreError> {
        let state = self.log_state()?;
        let t = &self.trees;
        let log_state = self.kv.open_tree(LOG_STATE)?;
        if marker_due(&state, &week(today)).is_some() {
            let appended = self.append(&[], today)?;
            return self.conn.transaction(
                &[&t.log_leaves, &t.log_heads, &t.checkpoints, &log_state],
                |tx| appended.write(tx),
            );
        }
        let size = state.size;
        if size > 0 && t.checkpoints.get(&size.to_be_bytes())?.is_none() {
            let record = checkpoint_record(&self.signer, size, &state.frontier()?.root())?;
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
    ) -> Result<Answer<()>, StoreError> {
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
        Ok(Ok(()))
    }
}

/// A log job done, waiting for the flush to be answered.
enum Done {
    Added(crate::store::queue::Reply<bool>, Answer<bool>),
    Answered(crate::store::queue::Reply<()>, Answer<()>),
    Ticked(crate::store::queue::Reply<()>),
}
