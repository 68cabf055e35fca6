//! The single writer: the only code that changes the store.
//!
//! Why one thread: with sled 0.34.7, many tasks running transactions and
//! `flush_async` at once deadlocked the whole server at 12 or more requests
//! in flight (measured on this project's machine). One writer also makes
//! double-spending impossible by construction: every check-and-spend runs in
//! one transaction on one thread.
//!
//! Why group commit: a durable write needs an fsync, which costs the same for
//! one critique or a thousand. The writer takes every job waiting (up to
//! [`MAX_BATCH`]), shuffles them so the order inside the log does not follow
//! arrival order, commits them in one sled transaction, flushes, fsyncs, and
//! only then answers each waiting request.
//!
//! Why our own fsync: sled's `flush()` on Linux ends in `sync_file_range`,
//! which writes data pages but not the file's metadata (its new length after
//! an append), so it is not a full fsync. The writer calls `fsync` on the
//! database file after every flush.
//!
//! Why the writer seals: the period a critique falls in, the check that it
//! is not sealed yet, and the sealing itself must not interleave, or a
//! critique could land in a period after its commitments were logged. The
//! writer computes the open period inside the submission's transaction, and
//! seals periods (digest, shuffled commitments, signed tree head) between
//! batches.
//!
//! Why the writer takes backups: an export of every tree taken between two
//! commits, after the flush, holds no half-applied batch, and nothing else
//! writes while it runs. A drain (an empty job answered after the flush) is
//! how a graceful shutdown waits for everything queued before it.
//!
//! After any I/O failure the writer refuses all further writes (answering
//! "unavailable") until restart, so nothing is acknowledged on top of a state
//! that may not have reached the disk.

use super::kv::{Kv, Tree, TxResult, Txn, WriteConn};
use super::records::{
    self, counter_key, member_key, period_key, round_period, spent_key, CounterKind,
    CritiqueRecord, StoredCritique,
};
use super::{SealedPeriod, StoreError, Trees};
use crate::audit::log::{Leaf, LogSigner, Totals, TreeHead};
use crate::audit::merkle::{self, Hash};
use crate::digest::disclosure::{two_sided_geometric, Noise, RandomSource};
use crate::digest::{self, NoiseDraws, SealedDigest};
use crate::domain::{Period, Receipt, Round, RoundUpdate, Slug, Submission};
use crate::encoding::hex;
use crate::metrics::Metrics;
use crate::secrets::vault::Vault;
use ring::digest::SHA256;
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;
use time::{Date, Duration};
use tokio::sync::{mpsc, oneshot};

mod keys;
mod tlog;

/// Most jobs committed in one transaction.
pub const MAX_BATCH: usize = 1024;

pub(super) enum Op {
    CreateOrganisation {
        slug: Slug,
        value: Vec<u8>,
    },
    CreateRound(Round),
    UpdateRound(Slug, RoundUpdate),
    OpenRound(Slug),
    IssueCodes {
        round: Slug,
        hashes: Vec<[u8; 32]>,
    },
    CreateInvitations {
        round: Slug,
        hashes: Vec<[u8; 32]>,
        tokens: u32,
    },
    ConsumeInvitation([u8; 32]),
    Submit {
        credential: Credential,
        id: [u8; 16],
        salt: [u8; 32],
        today: Date,
        submission: Submission,
    },
    Seal {
        today: Date,
        close_now: bool,
        /// With `close_now`: close only this round's open period.
        only: Option<Slug>,
    },
    /// Log a round's new token key under a signed head of its own, if it
    /// is still due (see [`super::token_keys`]).
    AddTokenKey {
        record: crate::tokens::KeyRecord,
        today: Date,
        save: super::token_keys::SaveKey,
    },
    /// Tombstone keys, then drop their spent-nonce trees.
    RetireTokenKeys(Vec<[u8; 32]>),
    /// This week's marker if due, and a checkpoint of the newest head.
    Tick(Date),
    /// Witnesses' cosignatures of one checkpoint.
    AddCosignatures {
        size: u64,
        lines: Vec<crate::audit::note::NoteSignature>,
    },
    /// Export every tree, after this batch's flush (see [`super::backup`]).
    Backup,
    /// Nothing: answered once everything queued before it is durable.
    Flush,
    /// Staff accounts and the staff action log (see [`super::staff`]).
    Staff(super::staff::StaffOp),
    /// Quotes, organisation keys, responses, pledges, "about you"
    /// (applied between transactions by [`super::voices`]).
    Voices(super::voices::VoiceOp),
}

/// What a submission spends.
pub(super) enum Credential {
    /// A paper code's keyed hash.
    Code([u8; 32]),
    /// A Privacy Pass token's nonce, in its key's spent-nonce tree.
    Nonce { key: [u8; 32], nonce: [u8; 32] },
}

/// An invitation record: tokens left (u32, big-endian), then the round.
pub(super) fn decode_invitation(value: &[u8]) -> Option<(u32, String)> {
    let (left, round) = value.split_first_chunk::<4>()?;
    Some((
        u32::from_be_bytes(*left),
        String::from_utf8(round.to_vec()).ok()?,
    ))
}

fn encode_invitation(left: u32, round: &[u8]) -> Vec<u8> {
    let mut v = left.to_be_bytes().to_vec();
    v.extend_from_slice(round);
    v
}

pub(super) enum Outcome {
    Done,
    /// Whether a token key was logged.
    Added(bool),
    /// Boxed: a round is far larger than the other outcomes.
    Round(Box<Round>),
    Issued(usize),
    Receipt(Receipt),
    Sealed(usize),
    Backup(Vec<u8>),
}

pub(super) struct Job {
    pub op: Op,
    pub reply: oneshot::Sender<Result<Outcome, StoreError>>,
}

/// Whether `period` of `round` is past its retention on `today`.
pub(super) fn past_retention(round: &Round, period: Period, today: Date) -> bool {
    let weeks = i64::from(round.period.weeks()) * i64::from(round.retention_periods);
    today > period.last_day() + Duration::weeks(weeks)
}

/// Leaves added to the in-memory tree, not yet committed: the first leaf's
/// index, the new head's index, the leaves' bytes, the head's JSON, and the
/// signed checkpoint of the new size (see [`tlog`]).
pub(super) struct Appended {
    first_leaf: u64,
    head_index: u64,
    leaf_bytes: Vec<Vec<u8>>,
    head_json: Vec<u8>,
    checkpoint: (u64, Vec<u8>),
}

/// What the writer thread is built from (its connection is made on the
/// thread itself: the PostgreSQL client must not run in an async runtime).
pub(super) struct Parts {
    pub kv: Kv,
    /// sled's directory, whose files the writer fsyncs; `None` on PostgreSQL.
    pub dir: Option<PathBuf>,
    pub trees: Trees,
    pub vault: Arc<Vault>,
    pub signer: Arc<LogSigner>,
    pub failed: Arc<AtomicBool>,
    pub metrics: Arc<Metrics>,
    /// Noise for the cross-organisation totals, if on.
    pub noise: Option<Noise>,
}

/// The writer thread's state.
pub(super) struct Writer {
    kv: Kv,
    conn: WriteConn,
    durable: Option<Durable>,
    trees: Trees,
    vault: Arc<Vault>,
    signer: Arc<LogSigner>,
    failed: Arc<AtomicBool>,
    /// Hashes of every log leaf, loaded at the first seal.
    leaf_hashes: Option<Vec<Hash>>,
    /// The newest week marker in the log, read with the leaf hashes.
    marker: Option<String>,
    metrics: Arc<Metrics>,
    /// Noise for the cross-organisation totals, if on.
    noise: Option<Noise>,
    /// "About you" answers held in memory until a batch is written.
    voices: super::voices::Pending,
}

impl Writer {
    fn new(parts: Parts) -> Result<Self, StoreError> {
        let durable = match &parts.dir {
            Some(dir) => Some(Durable::open(dir).map_err(|e| StoreError::Io(e.to_string()))?),
            None => None,
        };
        Ok(Self {
            conn: parts.kv.writer()?,
            kv: parts.kv,
            durable,
            trees: parts.trees,
            vault: parts.vault,
            signer: parts.signer,
            failed: parts.failed,
            leaf_hashes: None,
            marker: None,
            metrics: parts.metrics,
            noise: parts.noise,
            voices: super::voices::Pending::default(),
        })
    }
}

/// Start the writer thread; returns once it is connected and running.
pub(super) fn spawn(parts: Parts, jobs: mpsc::Receiver<Job>) -> Result<(), StoreError> {
    let (ready, started) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("parrhesia-writer".into())
        .spawn(move || match Writer::new(parts) {
            Ok(writer) => {
                let _ = ready.send(Ok(()));
                writer.run(jobs);
            }
            Err(e) => {
                let _ = ready.send(Err(e));
            }
        })
        .map_err(|e| StoreError::Io(e.to_string()))?;
    started
        .recv()
        .map_err(|_| StoreError::Io("the writer thread stopped".into()))?
}

type Applied = Result<Outcome, StoreError>;

impl Writer {
    fn run(mut self, mut jobs: mpsc::Receiver<Job>) {
        while let Some(first) = jobs.blocking_recv() {
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match jobs.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            let result = if self.failed.load(Ordering::Acquire) {
                Err(StoreError::Unavailable)
            } else {
                crate::secrets::random::shuffle(&mut batch)
                    .map_err(|_| StoreError::Io("random generator failed".into()))
                    .and_then(|()| self.commit(&batch))
            };
            match result {
                Ok(outcomes) => {
                    for (job, outcome) in batch.into_iter().zip(outcomes) {
                        // A requester that gave up still had its write stored.
                        let _ = job.reply.send(outcome);
                    }
                }
                Err(e) => {
                    if !matches!(e, StoreError::Unavailable) {
                        tracing::error!(error = %e, "commit failed; refusing writes until restart");
                    }
                    self.failed.store(true, Ordering::Release);
                    for job in batch {
                        let _ = job.reply.send(Err(StoreError::Unavailable));
                    }
                }
            }
        }
        // Every handle is gone: the server is shutting down.
        if let Err(e) = self.flush() {
            tracing::error!(error = %e, "final flush failed");
        }
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        self.conn.flush()?;
        match &mut self.durable {
            Some(d) => d.sync().map_err(|e| StoreError::Io(e.to_string())),
            None => Ok(()),
        }
    }

    /// Commit a batch as the only writer among the instances sharing the
    /// store (see [`WriteConn::lock`]).
    fn commit(&mut self, batch: &[Job]) -> Result<Vec<Applied>, StoreError> {
        self.conn.lock()?;
        let result = self.commit_locked(batch);
        let unlocked = self.conn.unlock();
        let outcomes = result?;
        unlocked?;
        Ok(outcomes)
    }

    /// Commit the ordinary jobs in one transaction, then run any sealing,
    /// then flush and fsync once; only then are the outcomes released.
    fn commit_locked(&mut self, batch: &[Job]) -> Result<Vec<Applied>, StoreError> {
        let started = Instant::now();
        // The spent-nonce trees this batch touches, one per Privacy Pass key
        // (opening an existing tree is a lookup).
        let mut keys: Vec<[u8; 32]> = Vec::new();
        for job in batch {
            if let Op::Submit {
                credential: Credential::Nonce { key, .. },
                ..
            } = &job.op
            {
                if !keys.contains(key) {
                    keys.push(*key);
                }
            }
        }
        let nonce_trees = keys
            .iter()
            .map(|k| self.kv.open_tree(&super::nonce_tree_name(k)))
            .collect::<Result<Vec<_>, _>>()?;
        let t = &self.trees;
        let vault = &self.vault;
        let mut all = vec![
            &t.organisations,
            &t.rounds,
            &t.codes,
            &t.critiques,
            &t.counters,
            &t.members,
            &t.periods,
            &t.invitations,
            &t.retired_keys,
        ];
        all.extend(nonce_trees.iter());
        let mut outcomes = self.conn.transaction(&all, |txn| {
            let mut tx = Tx { txn, vault };
            let mut out = Vec::with_capacity(batch.len());
            for job in batch {
                out.push(match &job.op {
                    // Sealing runs after the transaction (it scans trees).
                    Op::Seal { .. }
                    | Op::AddTokenKey { .. }
                    | Op::RetireTokenKeys(_)
                    | Op::Tick(_)
                    | Op::AddCosignatures { .. }
                    | Op::Voices(_) => Ok(Outcome::Sealed(0)),
                    Op::Backup | Op::Flush | Op::Staff(_) => Ok(Outcome::Done),
                    op => tx.apply(op)?,
                });
            }
            Ok(out)
        })?;
        let mut shredded = Vec::new();
        for (job, outcome) in batch.iter().zip(outcomes.iter_mut()) {
            let done = match &job.op {
                Op::Seal {
                    today,
                    close_now,
                    only,
                } => self
                    .seal(*today, *close_now, only.as_ref(), &mut shredded)
                    .map(Outcome::Sealed),
                Op::AddTokenKey {
                    record,
                    today,
                    save,
                } => match self.add_token_key(record, *today, save) {
                    // This job's own answer (a key another instance logged
                    // first, or a key file that could not be written).
                    Ok(applied) => {
                        *outcome = applied;
                        continue;
                    }
                    Err(e) => Err(e),
                },
                Op::RetireTokenKeys(ids) => self.retire_token_keys(ids).map(|()| Outcome::Done),
                Op::Tick(today) => self.tick(*today).map(|()| Outcome::Done),
                Op::AddCosignatures { size, lines } => match self.add_cosignatures(*size, lines) {
                    Ok(applied) => {
                        *outcome = applied;
                        continue;
                    }
                    Err(e) => Err(e),
                },
                Op::Staff(op) => {
                    *outcome = super::staff::apply(
                        &mut self.conn,
                        &self.trees.users,
                        &self.trees.staff_log,
                        op,
                    )?;
                    continue;
                }
                Op::Voices(op) => {
                    *outcome = self.voices.apply(&mut self.conn, &self.kv, op)?;
                    continue;
                }
                _ => continue,
            };
            *outcome = match done {
                Ok(o) => Ok(o),
                Err(e) => {
                    // The cached leaf hashes may be ahead of the store.
                    self.leaf_hashes = None;
                    return Err(e);
                }
            };
        }
        self.flush()?;
        self.metrics.commit_took(started.elapsed());
        for outcome in outcomes.iter().flatten() {
            match outcome {
                Outcome::Issued(n) => self.metrics.codes_issued(*n as u64),
                Outcome::Sealed(n) => self.metrics.periods_sealed(*n as u64),
                _ => {}
            }
        }
        // After the flush: the snapshot holds exactly what is durable, and
        // nothing else writes while it is taken.
        for (job, outcome) in batch.iter().zip(outcomes.iter_mut()) {
            if let Op::Backup = job.op {
                *outcome = super::backup::export(&self.kv).map(Outcome::Backup);
            }
        }
        // Only once the store no longer holds their ciphertexts.
        for (round, period) in shredded {
            self.vault
                .shred(&round, &period)
                .map_err(|e| StoreError::Io(e.to_string()))?;
        }
        Ok(outcomes)
    }

    /// Seal what is due and shred what is past retention (see [`Op::Seal`]).
    fn seal(
        &mut self,
        today: Date,
        close_now: bool,
        only: Option<&Slug>,
        shredded: &mut Vec<(String, String)>,
    ) -> Result<usize, StoreError> {
        // "About you" answers of the periods about to be sealed go to disk
        // first (a shuffled batch, however small).
        self.voices.flush_about_you(&mut self.conn, &self.kv)?;
        let mut sealed = 0;
        let rounds: Vec<Round> = self
            .trees
            .rounds
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect::<Result<_, StoreError>>()?;
        for round in &rounds {
            let close_now = close_now && only.is_none_or(|r| *r == round.slug);
            let current = open_period(&self.trees.periods, round, today)?;
            let all = records::period_counts(&self.trees.counters, &round.slug)?;
            for counts in &all {
                let Some(period) = Period::from_id(&counts.period_id, round.period) else {
                    continue;
                };
                let key = round_period(round.slug.as_str(), &counts.period_id);
                match records::get_json::<SealedPeriod>(&self.trees.periods, &key)? {
                    None if period.has_ended(today) || (close_now && period == current) => {
                        let waiting = self.waiting(round, &all)?;
                        let verified = self.verified(round, &counts.period_id)?;
                        self.seal_one(round, period, &waiting, &verified, today)?;
                        sealed += 1;
                    }
                    Some(mut s) if past_retention(round, period, today) => {
                        if !s.shredded {
                            self.shred_one(round, period, &mut s)?;
                        }
                        // Again after a crash between the commit and the
                        // key's destruction: destroying is idempotent.
                        shredded.push((round.slug.to_string(), period.id()));
                    }
                    _ => {}
                }
            }
        }
        Ok(sealed)
    }

    /// The counts of `round`'s sealed periods that rolled and have not been
    /// released yet (the latest run of rolled periods), oldest first.
    fn waiting(
        &self,
        round: &Round,
        all: &[super::PeriodCounts],
    ) -> Result<Vec<super::PeriodCounts>, StoreError> {
        let prefix = format!("{}\0", round.slug);
        let mut sealed: Vec<SealedDigest> = Vec::new();
        for (_, v) in self.trees.periods.scan_prefix(prefix.as_bytes())? {
            let record: SealedPeriod = records::from_json(&v)?;
            sealed.push(records::from_json(record.digest_json.as_bytes())?);
        }
        sealed.sort_by(|a, b| a.period.cmp(&b.period));
        let mut waiting = Vec::new();
        for s in sealed.iter().rev().take_while(|s| s.release.is_none()) {
            let Some(counted) = all.iter().find(|c| c.period_id == s.period) else {
                continue;
            };
            // What its records attest while they exist (issue 17); the
            // counters only once they have been shredded.
            let verified = self.verified(round, &s.period)?;
            waiting.push(if verified.counts.total + verified.refused as u64 > 0 {
                verified.counts
            } else {
                counted.clone()
            });
        }
        waiting.reverse();
        Ok(waiting)
    }

    /// A period's counts and commitments from its opened records; the ones
    /// that do not open as stored (changed or added without the keys) are
    /// left out, and the log says how many.
    fn verified(&self, round: &Round, period: &str) -> Result<records::VerifiedPeriod, StoreError> {
        let verified = records::verified_period(
            &self.trees.members,
            &self.trees.critiques,
            &self.vault,
            round.slug.as_str(),
            period,
        )?;
        if verified.refused > 0 {
            tracing::warn!(
                refused = verified.refused,
                "critique records that do not open as stored were left out of a period"
            );
        }
        Ok(verified)
    }

    fn seal_one(
        &mut self,
        round: &Round,
        period: Period,
        waiting: &[super::PeriodCounts],
        verified: &records::VerifiedPeriod,
        today: Date,
    ) -> Result<(), StoreError> {
        let (r, p) = (round.slug.as_str(), period.id());
        let counts = &verified.counts;
        let mut commitments = verified.commitments.clone();
        // Leaves in random order: position in the log says nothing about
        // arrival (guarantee 3).
        crate::secrets::random::shuffle(&mut commitments)
            .map_err(|_| StoreError::Io("random generator failed".into()))?;
        let codes_spent = records::get_counter(&self.trees.counters, &spent_key(r, &p, "code"))?;
        let tokens_spent = records::get_counter(&self.trees.counters, &spent_key(r, &p, "token"))?;
        let tokens_issued = records::get_counter(
            &self.trees.counters,
            &counter_key(CounterKind::TokensIssued, &round.slug),
        )?;
        let totals = Totals {
            critiques: counts.total,
            codes_spent,
            tokens_spent,
            tokens_issued: Some(tokens_issued),
        };
        let sealed = digest::seal(round, period, waiting, counts, totals);
        let noise_json = match (&sealed.release, self.noise) {
            (Some(release), Some(noise)) => Some(records::to_json(&draw_noise(noise, release)?)?),
            _ => None,
        };
        let digest_json = String::from_utf8(records::to_json(&sealed)?)
            .map_err(|_| StoreError::Io("utf8".into()))?;
        let digest_sha256 = hex(ring::digest::digest(&SHA256, digest_json.as_bytes()).as_ref());
        let mut leaves: Vec<Leaf> = commitments
            .iter()
            .map(|c| Leaf::Critique {
                round: r.to_owned(),
                period: p.clone(),
                commitment: hex(c),
            })
            .collect();
        leaves.push(Leaf::Digest {
            round: r.to_owned(),
            period: p.clone(),
            sha256: digest_sha256.clone(),
        });
        let appended = self.append(&leaves, r, &p, &digest_sha256, today)?;
        // A week marker may come first: the period's leaves are the last.
        let leaf_count = leaves.len() as u64;
        let record = SealedPeriod {
            round: r.to_owned(),
            period: p.clone(),
            digest_json,
            digest_sha256,
            head: appended.head_index,
            first_leaf: appended.first_leaf + appended.leaf_bytes.len() as u64 - leaf_count,
            leaf_count,
            shredded: false,
        };
        let record_json = records::to_json(&record)?;
        let t = &self.trees;
        let trees = [
            &t.log_leaves,
            &t.log_heads,
            &t.checkpoints,
            &t.periods,
            &t.noise,
        ];
        self.conn.transaction(&trees, |tx| {
            append_log(tx, &appended)?;
            tx.insert(t.periods.name(), &round_period(r, &p), &record_json)?;
            if let Some(n) = &noise_json {
                tx.insert(t.noise.name(), &round_period(r, &p), n)?;
            }
            Ok(())
        })
    }

    /// The hashes of every leaf, loaded once. On PostgreSQL another
    /// instance may have appended since (the log only grows): the cache is
    /// reloaded when its length differs from the stored log's, read under
    /// the write lock.
    fn hashes(&mut self) -> Result<&mut Vec<Hash>, StoreError> {
        if self.kv.is_postgres() {
            let stored = self.trees.log_leaves.len()?;
            if self.leaf_hashes.as_ref().map(Vec::len) != Some(stored) {
                self.leaf_hashes = None;
            }
        }
        if self.leaf_hashes.is_none() {
            self.marker = tlog::newest_marker(&self.trees.log_leaves)?;
            let all = self
                .trees
                .log_leaves
                .iter()?
                .iter()
                .map(|(_, v)| merkle::leaf_hash(v))
                .collect::<Vec<Hash>>();
            self.leaf_hashes = Some(all);
        }
        Ok(self.leaf_hashes.get_or_insert_with(Vec::new))
    }

    /// Add `leaves` to the in-memory tree and sign the new head; the caller
    /// commits the returned leaves and head (with whatever else belongs in
    /// the same transaction). Returns the first leaf index, the head index,
    /// the leaves' bytes and the head's JSON.
    fn append(
        &mut self,
        leaves: &[Leaf],
        round: &str,
        period: &str,
        digest_sha256: &str,
        today: Date,
    ) -> Result<Appended, StoreError> {
        // The first head of a week logs the week first (issue 17).
        let mut all: Vec<Leaf> = self.marker_due(today)?.into_iter().collect();
        all.extend_from_slice(leaves);
        let leaf_bytes: Vec<Vec<u8>> = all.iter().map(Leaf::to_bytes).collect();
        let hashes = self.hashes()?;
        let first_leaf = hashes.len() as u64;
        hashes.extend(leaf_bytes.iter().map(|b| merkle::leaf_hash(b)));
        let root = merkle::root(hashes);
        let size = hashes.len() as u64;
        let mut head = TreeHead {
            tree_size: size,
            root_hash: hex(&root),
            round: round.to_owned(),
            period: period.to_owned(),
            digest_sha256: digest_sha256.to_owned(),
            signature: String::new(),
        };
        self.signer.sign(&mut head);
        let head_index = self.trees.log_heads.len()? as u64;
        let checkpoint = tlog::checkpoint_record(&self.signer, size, &root)?;
        Ok(Appended {
            first_leaf,
            head_index,
            leaf_bytes,
            head_json: records::to_json(&head)?,
            checkpoint: (size, checkpoint),
        })
    }

    /// Remove a period's critiques (the log keeps their commitments) and
    /// mark it shredded; the caller destroys its data key after the flush.
    fn shred_one(
        &mut self,
        round: &Round,
        period: Period,
        sealed: &mut SealedPeriod,
    ) -> Result<(), StoreError> {
        // Pending quotes must not outlive the text; approved ones stay.
        super::voices::shred_period(&mut self.conn, &self.kv, round.slug.as_str(), &period.id())?;
        let prefix = format!("{}\0{}\0", round.slug, period.id());
        let members: Vec<Vec<u8>> = self
            .trees
            .members
            .scan_prefix(prefix.as_bytes())?
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        sealed.shredded = true;
        let record = records::to_json(&*sealed)?;
        let t = &self.trees;
        self.conn
            .transaction(&[&t.critiques, &t.members, &t.periods], |tx| {
                for key in &members {
                    tx.remove(t.critiques.name(), &key[prefix.len()..])?;
                    tx.remove(t.members.name(), key)?;
                }
                tx.insert(
                    t.periods.name(),
                    &round_period(round.slug.as_str(), &period.id()),
                    &record,
                )
            })
    }
}

/// Write appended leaves, their head and its checkpoint in `tx` (whose
/// trees must include `log_leaves`, `log_heads` and `checkpoints`).
fn append_log(tx: &mut dyn Txn, a: &Appended) -> TxResult<()> {
    for (i, bytes) in a.leaf_bytes.iter().enumerate() {
        tx.insert(LOG_LEAVES, &(a.first_leaf + i as u64).to_be_bytes(), bytes)?;
    }
    tx.insert(LOG_HEADS, &a.head_index.to_be_bytes(), &a.head_json)?;
    tx.insert(CHECKPOINTS, &a.checkpoint.0.to_be_bytes(), &a.checkpoint.1)
}

/// The period a critique written on `today` falls in: the one containing
/// Random numbers drawn in advance from the system generator, for the
/// pure noise sampler.
struct Drawn(Vec<u64>);

impl RandomSource for Drawn {
    fn next_u64(&mut self) -> u64 {
        self.0.pop().unwrap_or(0)
    }
}

/// Draw, once, the noise a release adds to each theme of the
/// cross-organisation totals (two-sided geometric; see
/// [`crate::digest::disclosure::two_sided_geometric`]). Stored, never
/// re-drawn: fresh noise per request could be averaged away.
fn draw_noise(noise: Noise, release: &digest::Release) -> Result<NoiseDraws, StoreError> {
    let mut draws = std::collections::BTreeMap::new();
    for t in &release.themes {
        // Two geometric draws per theme.
        let mut source = Drawn(Vec::new());
        for _ in 0..2 {
            let b = crate::secrets::random::bytes::<8>()
                .map_err(|_| StoreError::Io("random generator failed".into()))?;
            source.0.push(u64::from_be_bytes(b));
        }
        draws.insert(
            t.slug.clone(),
            two_sided_geometric(noise.alpha(), &mut source),
        );
    }
    Ok(NoiseDraws {
        epsilon: noise.epsilon(),
        sensitivity: noise.sensitivity(),
        draws,
    })
}

/// `today`, or the next unsealed one if the host closed it early.
fn open_period(periods: &Tree, round: &Round, today: Date) -> Result<Period, StoreError> {
    let mut period = Period::containing(today, round.period);
    while periods.contains_key(&round_period(round.slug.as_str(), &period.id()))? {
        period = Period::containing(period.last_day() + Duration::days(1), round.period);
    }
    Ok(period)
}

/// Tree names, as the transactions address them.
const ORGS: &str = "organisations";
const ROUNDS: &str = "rounds";
const CODES: &str = "codes";
const CRITIQUES: &str = "critiques";
const COUNTERS: &str = "counters";
const MEMBERS: &str = "members";
const PERIODS: &str = "periods";
const INVITATIONS: &str = "invitations";
const LOG_LEAVES: &str = "log_leaves";
const LOG_HEADS: &str = "log_heads";
const RETIRED: &str = "retired_keys";
const CHECKPOINTS: &str = "checkpoints";

/// One batch's jobs, applied inside its transaction.
struct Tx<'a> {
    txn: &'a mut dyn Txn,
    vault: &'a Vault,
}

impl Tx<'_> {
    /// Apply one job. The outer `Result` is the backend's (retry or abort the
    /// whole transaction); the inner one is this job's own answer.
    fn apply(&mut self, op: &Op) -> TxResult<Applied> {
        match op {
            Op::CreateOrganisation { slug, value } => {
                if self.txn.get(ORGS, slug.as_str().as_bytes())?.is_some() {
                    return Ok(Err(StoreError::Exists("organisation")));
                }
                self.txn
                    .insert(ORGS, slug.as_str().as_bytes(), value.as_slice())?;
                Ok(Ok(Outcome::Done))
            }
            Op::CreateRound(round) => {
                if self
                    .txn
                    .get(ORGS, round.organisation.as_str().as_bytes())?
                    .is_none()
                {
                    return Ok(Err(StoreError::NotFound("organisation")));
                }
                if self
                    .txn
                    .get(ROUNDS, round.slug.as_str().as_bytes())?
                    .is_some()
                {
                    return Ok(Err(StoreError::Exists("round")));
                }
                Ok(self.put_round(round)?.map(|()| Outcome::Done))
            }
            Op::UpdateRound(slug, update) => {
                let current = match self.round(slug)? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                match update.apply(&current) {
                    Ok(next) => Ok(self
                        .put_round(&next)?
                        .map(|()| Outcome::Round(Box::new(next)))),
                    Err(e) => Ok(Err(StoreError::Invalid(e))),
                }
            }
            Op::OpenRound(round) => Ok(self.open_round(round)?.map(|()| Outcome::Done)),
            Op::IssueCodes { round, hashes } => {
                if let Err(e) = self.open_round(round)? {
                    return Ok(Err(e));
                }
                let mut value = vec![0u8];
                value.extend_from_slice(round.as_str().as_bytes());
                let mut issued = 0;
                for hash in hashes {
                    if self.txn.get(CODES, hash)?.is_none() {
                        self.txn.insert(CODES, hash, value.as_slice())?;
                        issued += 1;
                    }
                }
                self.bump(&counter_key(CounterKind::CodesIssued, round), issued)?;
                Ok(Ok(Outcome::Issued(issued as usize)))
            }
            Op::CreateInvitations {
                round,
                hashes,
                tokens,
            } => {
                if let Err(e) = self.open_round(round)? {
                    return Ok(Err(e));
                }
                let value = encode_invitation(*tokens, round.as_str().as_bytes());
                let mut issued = 0;
                for hash in hashes {
                    if self.txn.get(INVITATIONS, hash)?.is_none() {
                        self.txn.insert(INVITATIONS, hash, value.as_slice())?;
                        issued += 1;
                    }
                }
                Ok(Ok(Outcome::Issued(issued)))
            }
            Op::ConsumeInvitation(hash) => {
                let Some((left, round)) = self
                    .txn
                    .get(INVITATIONS, hash)?
                    .and_then(|v| decode_invitation(&v))
                else {
                    return Ok(Err(StoreError::InvitationUnknown));
                };
                if left == 0 {
                    return Ok(Err(StoreError::InvitationExhausted));
                }
                self.txn.insert(
                    INVITATIONS,
                    hash,
                    &encode_invitation(left - 1, round.as_bytes()),
                )?;
                // The auditors' bound on what the round can receive.
                self.bump(&counter_key(CounterKind::TokensIssued, &round), 1)?;
                Ok(Ok(Outcome::Done))
            }
            Op::Submit {
                credential,
                id,
                salt,
                today,
                submission,
            } => self.submit(credential, id, salt, *today, submission),
            Op::Seal { .. }
            | Op::AddTokenKey { .. }
            | Op::RetireTokenKeys(_)
            | Op::Tick(_)
            | Op::AddCosignatures { .. }
            | Op::Backup
            | Op::Flush
            | Op::Staff(_)
            | Op::Voices(_) => Ok(Err(StoreError::Io("not a transactional job".into()))),
        }
    }

    fn submit(
        &mut self,
        credential: &Credential,
        id: &[u8; 16],
        salt: &[u8; 32],
        today: Date,
        s: &Submission,
    ) -> TxResult<Applied> {
        let round_slug = s.round().as_str();
        let round = match self.round(s.round())? {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        // The open period, read in this transaction so sealing cannot
        // slip in between.
        let mut period = Period::containing(today, round.period);
        while self
            .txn
            .get(PERIODS, &round_period(round_slug, &period.id()))?
            .is_some()
        {
            period = Period::containing(period.last_day() + Duration::days(1), round.period);
        }
        let p = period.id();
        let themes: Vec<String> = s.themes().iter().map(|t| t.to_string()).collect();
        let record = CritiqueRecord {
            round: round_slug.to_owned(),
            period: p.clone(),
            themes: themes.clone(),
            text: s.text().as_str().to_owned(),
            quote_ok: s.quote_ok(),
            salt: hex(salt),
        };
        let body = match records::to_json(&record) {
            Ok(b) => b,
            Err(e) => return Ok(Err(e)),
        };
        // The commitment binds the whole record, salt included; the salt
        // makes it unguessable from the text.
        let commitment = records::commitment(&body);
        // The sealed record is bound to its id and to every field kept in
        // clear beside it (issue 17): change one and it no longer opens.
        let context = records::critique_context(id, round_slug, &p, &themes, s.quote_ok());
        let sealed = match self.vault.seal(round_slug, &p, &context, &body) {
            Ok(sealed) => sealed,
            Err(e) => return Ok(Err(StoreError::Vault(e))),
        };
        let stored = StoredCritique {
            round: round_slug.to_owned(),
            period: p.clone(),
            themes: themes.clone(),
            quote_ok: s.quote_ok(),
            commitment: hex(&commitment),
            sealed,
        };
        let value = match records::to_json(&stored) {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        if self.txn.get(CRITIQUES, id)?.is_some() {
            // A 2^-122 coincidence; refuse rather than overwrite.
            return Ok(Err(StoreError::Io("critique id collision".into())));
        }
        // Spend after every other check, so nothing is written unless the
        // whole submission is stored.
        let spent = match credential {
            Credential::Code(code) => self.spend_code(s.round(), code)?,
            Credential::Nonce { key, nonce } => self.spend_nonce(key, nonce)?,
        };
        let kind = match spent {
            Ok(kind) => kind,
            Err(e) => return Ok(Err(e)),
        };
        self.txn.insert(CRITIQUES, id, &value)?;
        self.txn
            .insert(MEMBERS, &member_key(round_slug, &p, id), &commitment)?;
        self.bump(&counter_key(CounterKind::Critiques, s.round()), 1)?;
        self.bump(&spent_key(round_slug, &p, kind), 1)?;
        self.bump(&period_key(round_slug, &p, ""), 1)?;
        for theme in &themes {
            self.bump(&period_key(round_slug, &p, theme), 1)?;
        }
        Ok(Ok(Outcome::Receipt(Receipt::from_commitment(commitment))))
    }

    /// Mark a paper code spent, if it belongs to `round` and is unspent.
    fn spend_code(
        &mut self,
        round: &Slug,
        code: &[u8; 32],
    ) -> TxResult<Result<&'static str, StoreError>> {
        // Locked until commit: another instance spending the same code
        // waits, then sees it spent.
        let state = self.txn.get_for_update(CODES, code)?;
        let (spent, code_round) = match state.as_deref() {
            Some([flag, rest @ ..]) => (*flag == 1, rest),
            _ => return Ok(Err(StoreError::CodeUnknown)),
        };
        if code_round != round.as_str().as_bytes() {
            return Ok(Err(StoreError::CodeUnknown));
        }
        if spent {
            return Ok(Err(StoreError::CodeSpent));
        }
        let mut spent_value = vec![1u8];
        spent_value.extend_from_slice(code_round);
        self.txn.insert(CODES, code, &spent_value)?;
        self.bump(&counter_key(CounterKind::CodesSpent, round), 1)?;
        Ok(Ok("code"))
    }

    /// Record a Privacy Pass nonce as spent under its key, unless it already
    /// is. The record says only "spent": not by which critique.
    fn spend_nonce(
        &mut self,
        key: &[u8; 32],
        nonce: &[u8; 32],
    ) -> TxResult<Result<&'static str, StoreError>> {
        // A tombstoned key's tokens never verify again, whatever key file
        // or clock the instance that checked the signature had (issue 17).
        if self.txn.get(RETIRED, key)?.is_some() {
            return Ok(Err(StoreError::TokenKeyRetired));
        }
        // The backend decides (a primary key on PostgreSQL), also against
        // another instance spending the same nonce at the same moment.
        if !self
            .txn
            .insert_new(&super::nonce_tree_name(key), nonce, &[])?
        {
            return Ok(Err(StoreError::TokenSpent));
        }
        Ok(Ok("token"))
    }

    /// Mark a round opened (its first codes or invitations): from then on
    /// its rules only tighten.
    fn open_round(&mut self, slug: &Slug) -> TxResult<Result<(), StoreError>> {
        let mut current = match self.round(slug)? {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        if current.opened {
            return Ok(Ok(()));
        }
        current.opened = true;
        self.put_round(&current)
    }

    fn round(&mut self, slug: &Slug) -> TxResult<Result<Round, StoreError>> {
        Ok(match self.txn.get(ROUNDS, slug.as_str().as_bytes())? {
            None => Err(StoreError::NotFound("round")),
            Some(v) => records::from_json(&v),
        })
    }

    fn put_round(&mut self, round: &Round) -> TxResult<Result<(), StoreError>> {
        match records::to_json(round) {
            Ok(v) => {
                self.txn
                    .insert(ROUNDS, round.slug.as_str().as_bytes(), &v)?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    fn bump(&mut self, key: &[u8], by: u64) -> TxResult<()> {
        let n = records::decode_counter(self.txn.get(COUNTERS, key)?.as_deref());
        self.txn.insert(COUNTERS, key, &(n + by).to_be_bytes())?;
        Ok(())
    }
}

/// fsync for the files sled writes.
pub(super) struct Durable {
    dir: PathBuf,
    db_file: File,
    synced_blobs: HashSet<OsString>,
}

impl Durable {
    pub(super) fn open(dir: &Path) -> std::io::Result<Self> {
        let db_file = File::open(dir.join("db"))?;
        // The files sled just created must survive a crash too.
        File::open(dir)?.sync_all()?;
        Ok(Self {
            dir: dir.to_owned(),
            db_file,
            synced_blobs: HashSet::new(),
        })
    }

    pub(super) fn sync(&mut self) -> std::io::Result<()> {
        // fsync applies to the file, whichever descriptor wrote it.
        self.db_file.sync_all()?;
        // With 8 MiB segments sled should write no blob files; if it ever
        // does, they are made durable too.
        let blobs = self.dir.join("blobs");
        let mut present = HashSet::new();
        let mut new = false;
        if let Ok(entries) = fs::read_dir(&blobs) {
            for entry in entries {
                let name = entry?.file_name();
                if !self.synced_blobs.contains(&name) {
                    File::open(blobs.join(&name))?.sync_all()?;
                    new = true;
                }
                present.insert(name);
            }
        }
        if new {
            File::open(&blobs)?.sync_all()?;
        }
        self.synced_blobs = present;
        Ok(())
    }
}
