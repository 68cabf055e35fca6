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
//! After any I/O failure the writer refuses all further writes (answering
//! "unavailable") until restart, so nothing is acknowledged on top of a state
//! that may not have reached the disk.

use super::records::{counter_key, period_key, CounterKind};
use super::{StoreError, Trees};
use crate::domain::{Round, RoundUpdate, Slug};
use sled::transaction::{
    ConflictableTransactionResult, TransactionError, TransactionalTree, UnabortableTransactionError,
};
use sled::Transactional;
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Most jobs committed in one transaction.
pub const MAX_BATCH: usize = 1024;

pub(super) enum Op {
    CreateOrganisation {
        slug: Slug,
        value: Vec<u8>,
    },
    CreateRound(Round),
    UpdateRound(Slug, RoundUpdate),
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
        round: Slug,
        credential: Credential,
        id: [u8; 16],
        value: Vec<u8>,
        period: String,
        themes: Vec<String>,
    },
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
    Round(Round),
    Issued(usize),
}

pub(super) struct Job {
    pub op: Op,
    pub reply: oneshot::Sender<Result<Outcome, StoreError>>,
}

pub(super) fn spawn(
    db: sled::Db,
    dir: PathBuf,
    trees: Trees,
    jobs: mpsc::Receiver<Job>,
    failed: Arc<AtomicBool>,
) -> Result<(), StoreError> {
    let durable = Durable::open(&dir).map_err(|e| StoreError::Io(e.to_string()))?;
    std::thread::Builder::new()
        .name("parrhesia-writer".into())
        .spawn(move || run(db, durable, trees, jobs, failed))
        .map_err(|e| StoreError::Io(e.to_string()))?;
    Ok(())
}

fn run(
    db: sled::Db,
    mut durable: Durable,
    trees: Trees,
    mut jobs: mpsc::Receiver<Job>,
    failed: Arc<AtomicBool>,
) {
    while let Some(first) = jobs.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let result = if failed.load(Ordering::Acquire) {
            Err(StoreError::Unavailable)
        } else {
            crate::random::shuffle(&mut batch)
                .map_err(|_| StoreError::Io("random generator failed".into()))
                .and_then(|()| commit(&db, &mut durable, &trees, &batch))
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
                failed.store(true, Ordering::Release);
                for job in batch {
                    let _ = job.reply.send(Err(StoreError::Unavailable));
                }
            }
        }
    }
    // Every handle is gone: the server is shutting down.
    if let Err(e) = db
        .flush()
        .map_err(StoreError::from)
        .and_then(|_| durable.sync().map_err(|e| StoreError::Io(e.to_string())))
    {
        tracing::error!(error = %e, "final flush failed");
    }
}

type Applied = Result<Outcome, StoreError>;

fn commit(
    db: &sled::Db,
    durable: &mut Durable,
    t: &Trees,
    batch: &[Job],
) -> Result<Vec<Applied>, StoreError> {
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
        .map(|k| db.open_tree(super::nonce_tree_name(k)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut all = vec![
        &t.organisations,
        &t.rounds,
        &t.codes,
        &t.critiques,
        &t.counters,
        &t.invitations,
    ];
    all.extend(nonce_trees.iter());
    let outcomes = all
        .as_slice()
        .transaction(|trees| {
            let tx = Tx {
                orgs: &trees[0],
                rounds: &trees[1],
                codes: &trees[2],
                critiques: &trees[3],
                counters: &trees[4],
                invitations: &trees[5],
                nonces: keys.iter().copied().zip(&trees[6..]).collect(),
            };
            let mut out = Vec::with_capacity(batch.len());
            for job in batch {
                out.push(tx.apply(&job.op)?);
            }
            ConflictableTransactionResult::<_, ()>::Ok(out)
        })
        .map_err(|e: TransactionError<()>| StoreError::Io(format!("transaction: {e:?}")))?;
    db.flush()?;
    durable.sync().map_err(|e| StoreError::Io(e.to_string()))?;
    Ok(outcomes)
}

struct Tx<'a> {
    orgs: &'a TransactionalTree,
    rounds: &'a TransactionalTree,
    codes: &'a TransactionalTree,
    critiques: &'a TransactionalTree,
    counters: &'a TransactionalTree,
    invitations: &'a TransactionalTree,
    nonces: HashMap<[u8; 32], &'a TransactionalTree>,
}

type TxResult<T> = Result<T, UnabortableTransactionError>;

impl Tx<'_> {
    /// Apply one job. The outer `Result` is sled's (retry or abort the whole
    /// transaction); the inner one is this job's own answer.
    fn apply(&self, op: &Op) -> TxResult<Applied> {
        match op {
            Op::CreateOrganisation { slug, value } => {
                if self.orgs.get(slug.as_str())?.is_some() {
                    return Ok(Err(StoreError::Exists("organisation")));
                }
                self.orgs.insert(slug.as_str(), value.as_slice())?;
                Ok(Ok(Outcome::Done))
            }
            Op::CreateRound(round) => {
                if self.orgs.get(round.organisation.as_str())?.is_none() {
                    return Ok(Err(StoreError::NotFound("organisation")));
                }
                if self.rounds.get(round.slug.as_str())?.is_some() {
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
                    Ok(next) => Ok(self.put_round(&next)?.map(|()| Outcome::Round(next))),
                    Err(e) => Ok(Err(StoreError::Invalid(e))),
                }
            }
            Op::IssueCodes { round, hashes } => {
                let mut current = match self.round(round)? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                if !current.opened {
                    current.opened = true;
                    if let Err(e) = self.put_round(&current)? {
                        return Ok(Err(e));
                    }
                }
                let mut value = vec![0u8];
                value.extend_from_slice(round.as_str().as_bytes());
                let mut issued = 0;
                for hash in hashes {
                    if self.codes.get(hash)?.is_none() {
                        self.codes.insert(hash, value.as_slice())?;
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
                let mut current = match self.round(round)? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                if !current.opened {
                    current.opened = true;
                    if let Err(e) = self.put_round(&current)? {
                        return Ok(Err(e));
                    }
                }
                let value = encode_invitation(*tokens, round.as_str().as_bytes());
                let mut issued = 0;
                for hash in hashes {
                    if self.invitations.get(hash)?.is_none() {
                        self.invitations.insert(hash, value.as_slice())?;
                        issued += 1;
                    }
                }
                Ok(Ok(Outcome::Issued(issued)))
            }
            Op::ConsumeInvitation(hash) => {
                let Some((left, round)) = self
                    .invitations
                    .get(hash)?
                    .and_then(|v| decode_invitation(&v))
                else {
                    return Ok(Err(StoreError::InvitationUnknown));
                };
                if left == 0 {
                    return Ok(Err(StoreError::InvitationExhausted));
                }
                self.invitations
                    .insert(hash, encode_invitation(left - 1, round.as_bytes()))?;
                Ok(Ok(Outcome::Done))
            }
            Op::Submit {
                round,
                credential,
                id,
                value,
                period,
                themes,
            } => {
                if self.critiques.get(id)?.is_some() {
                    // A 2^-122 coincidence; refuse rather than overwrite.
                    return Ok(Err(StoreError::Io("critique id collision".into())));
                }
                let spent = match credential {
                    Credential::Code(code) => self.spend_code(round, code)?,
                    Credential::Nonce { key, nonce } => self.spend_nonce(key, nonce)?,
                };
                if let Err(e) = spent {
                    return Ok(Err(e));
                }
                self.critiques.insert(id, value.as_slice())?;
                self.bump(&counter_key(CounterKind::Critiques, round), 1)?;
                self.bump(&period_key(round.as_str(), period, ""), 1)?;
                for theme in themes {
                    self.bump(&period_key(round.as_str(), period, theme), 1)?;
                }
                Ok(Ok(Outcome::Done))
            }
        }
    }

    /// Mark a paper code spent, if it belongs to `round` and is unspent.
    fn spend_code(&self, round: &Slug, code: &[u8; 32]) -> TxResult<Result<(), StoreError>> {
        let state = self.codes.get(code)?;
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
        self.codes.insert(code, spent_value)?;
        self.bump(&counter_key(CounterKind::CodesSpent, round), 1)?;
        Ok(Ok(()))
    }

    /// Record a Privacy Pass nonce as spent under its key, unless it already
    /// is. The record says only "spent": not by which critique.
    fn spend_nonce(&self, key: &[u8; 32], nonce: &[u8; 32]) -> TxResult<Result<(), StoreError>> {
        let Some(tree) = self.nonces.get(key) else {
            return Ok(Err(StoreError::Io("spent-nonce tree not opened".into())));
        };
        if tree.get(nonce)?.is_some() {
            return Ok(Err(StoreError::TokenSpent));
        }
        tree.insert(&nonce[..], &[][..])?;
        Ok(Ok(()))
    }

    fn round(&self, slug: &Slug) -> TxResult<Result<Round, StoreError>> {
        Ok(match self.rounds.get(slug.as_str())? {
            None => Err(StoreError::NotFound("round")),
            Some(v) => super::records::from_json(&v),
        })
    }

    fn put_round(&self, round: &Round) -> TxResult<Result<(), StoreError>> {
        match super::records::to_json(round) {
            Ok(v) => {
                self.rounds.insert(round.slug.as_str(), v)?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    fn bump(&self, key: &[u8], by: u64) -> TxResult<()> {
        let n = super::records::decode_counter(self.counters.get(key)?.as_deref());
        self.counters.insert(key, &(n + by).to_be_bytes())?;
        Ok(())
    }
}

/// fsync for the files sled writes.
struct Durable {
    dir: PathBuf,
    db_file: File,
    synced_blobs: HashSet<OsString>,
}

impl Durable {
    fn open(dir: &Path) -> std::io::Result<Self> {
        let db_file = File::open(dir.join("db"))?;
        // The files sled just created must survive a crash too.
        File::open(dir)?.sync_all()?;
        Ok(Self {
            dir: dir.to_owned(),
            db_file,
            synced_blobs: HashSet::new(),
        })
    }

    fn sync(&mut self) -> std::io::Result<()> {
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
