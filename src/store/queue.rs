//! The writer's queue: every write is a job carrying its own typed reply;
//! the writer takes them in batches, shuffles each batch, answers only
//! once the batch is durable, and refuses everything after an I/O failure.
//!
//! Why a typed reply per job: the answer a caller awaits has the type of
//! its operation (a receipt, a count, a round), so no caller ever matches a
//! catch-all outcome, and a job answered with the wrong kind of value does
//! not compile.

use super::epoch::MixedWrite;
use super::staff::StaffOp;
use super::voices::{AnswerOp, VoiceOp};
use super::StoreError;
use crate::audit::note::NoteSignature;
use crate::domain::{AnsweredSubmission, Receipt, Round, RoundUpdate, Slug};
use crate::tokens::KeyRecord;
use std::cell::RefCell;
use time::Date;
use tokio::sync::{mpsc, oneshot};

/// Most jobs taken into one batch (one transaction, one fsync).
pub const MAX_BATCH: usize = 1024;

pub(super) type Answer<T> = Result<T, StoreError>;

/// Where a job's answer goes, and the answer once the writer knows it.
///
/// The answer is set inside a transaction, which a backend may run more than
/// once: the last attempt's answer is the one sent, and only after the
/// batch is durable.
pub(super) struct Reply<T> {
    to: oneshot::Sender<Answer<T>>,
    answer: RefCell<Option<Answer<T>>>,
}

impl<T> Reply<T> {
    pub(super) fn new() -> (Self, oneshot::Receiver<Answer<T>>) {
        let (to, from) = oneshot::channel();
        (
            Self {
                to,
                answer: RefCell::new(None),
            },
            from,
        )
    }

    /// Record the answer (replacing an earlier attempt's).
    pub(super) fn set(&self, answer: Answer<T>) {
        *self.answer.borrow_mut() = Some(answer);
    }

    /// The recorded answer's value, if it is a success.
    pub(super) fn peek(&self) -> Option<T>
    where
        T: Clone,
    {
        self.answer
            .borrow()
            .as_ref()
            .and_then(|a| a.as_ref().ok().cloned())
    }

    /// Send the recorded answer; a job that was never answered (it cannot
    /// happen, but must not hang its caller) gets "unavailable".
    pub(super) fn send(self) {
        let answer = self
            .answer
            .into_inner()
            .unwrap_or(Err(StoreError::Unavailable));
        // A caller that gave up still had its write stored.
        let _ = self.to.send(answer);
    }

    /// Answer now, whatever was recorded.
    pub(super) fn send_now(self, answer: Answer<T>) {
        let _ = self.to.send(answer);
    }
}

/// What a submission spends.
pub(super) enum Credential {
    /// A paper code's keyed hash.
    Code([u8; 32]),
    /// A Privacy Pass token's nonce, under its key.
    Nonce { key: [u8; 32], nonce: [u8; 32] },
}

pub(super) struct SubmitArgs {
    pub credential: Credential,
    pub id: [u8; 16],
    pub salt: [u8; 32],
    pub today: Date,
    pub submission: AnsweredSubmission,
    /// Mixed writes stored with the critique, in the same transaction.
    pub also: Vec<MixedWrite>,
}

/// Mixed writes for `round`'s open period as of `today`.
pub(super) struct MixArgs {
    pub round: Slug,
    pub today: Date,
    /// Whether the writes belong to the open period (and are forced out
    /// when it is sealed) or to the round only.
    pub in_period: bool,
    /// The period the caller built the writes for: refused unless it is
    /// the open one (read in the same transaction).
    pub expect: Option<String>,
    pub writes: Vec<MixedWrite>,
}

/// A write applied inside the batch's one transaction.
pub(super) enum Write {
    CreateOrganisation {
        slug: Slug,
        value: Vec<u8>,
        reply: Reply<()>,
    },
    CreateRound(Box<Round>, Reply<()>),
    UpdateRound(Slug, Box<RoundUpdate>, Reply<Round>),
    OpenRound(Slug, Reply<()>),
    IssueCodes {
        round: Slug,
        hashes: Vec<[u8; 32]>,
        reply: Reply<usize>,
    },
    CreateInvitations {
        round: Slug,
        hashes: Vec<[u8; 32]>,
        tokens: u32,
        reply: Reply<usize>,
    },
    ConsumeInvitation([u8; 32], Reply<()>),
    Submit(Box<SubmitArgs>, Reply<Receipt>),
    Mix(Box<MixArgs>, Reply<()>),
}

impl Write {
    /// Send the answer recorded for this write.
    pub(super) fn send(self) {
        match self {
            Self::CreateOrganisation { reply, .. }
            | Self::CreateRound(_, reply)
            | Self::OpenRound(_, reply)
            | Self::ConsumeInvitation(_, reply)
            | Self::Mix(_, reply) => reply.send(),
            Self::UpdateRound(_, _, reply) => reply.send(),
            Self::IssueCodes { reply, .. } | Self::CreateInvitations { reply, .. } => reply.send(),
            Self::Submit(_, reply) => reply.send(),
        }
    }

    fn refuse(self, e: StoreError) {
        match self {
            Self::CreateOrganisation { reply, .. }
            | Self::CreateRound(_, reply)
            | Self::OpenRound(_, reply)
            | Self::ConsumeInvitation(_, reply)
            | Self::Mix(_, reply) => reply.send_now(Err(e)),
            Self::UpdateRound(_, _, reply) => reply.send_now(Err(e)),
            Self::IssueCodes { reply, .. } | Self::CreateInvitations { reply, .. } => {
                reply.send_now(Err(e))
            }
            Self::Submit(_, reply) => reply.send_now(Err(e)),
        }
    }
}

/// What to seal: every period that has ended as of `today`, and with
/// `close_now` the open period too (of `only`'s round, or of every round).
pub(super) struct SealRequest {
    pub today: Date,
    pub close_now: bool,
    pub only: Option<Slug>,
}

/// A job that appends to the log outside sealing: it waits until no
/// sealing is writing leaves (see [`super::seal`]), and runs as the only
/// instance that appends (PostgreSQL), so two appends never interleave.
pub(super) enum LogJob {
    /// Log a round's new token key under a signed head of its own, if a
    /// key with its `not_before` is still due; answers whether it was.
    AddTokenKey {
        record: KeyRecord,
        today: Date,
        save: super::token_keys::SaveKey,
        reply: Reply<bool>,
    },
    /// This week's marker if due, and a checkpoint of the newest head.
    Tick(Date, Reply<()>),
    /// A response version or pledge step, stored with its leaf under a
    /// head of its own (issue 21: the record of answering).
    Answer {
        op: AnswerOp,
        today: Date,
        reply: Reply<()>,
    },
    /// The leaves of answers stored before they existed, queued at start
    /// when another instance held the append lock (see [`super::legacy`]).
    Backfill,
}

impl LogJob {
    pub(super) fn refuse(self, e: StoreError) {
        match self {
            Self::AddTokenKey { reply, .. } => reply.send_now(Err(e)),
            Self::Tick(_, reply) | Self::Answer { reply, .. } => reply.send_now(Err(e)),
            // Nobody waits: the next start runs it again.
            Self::Backfill => {}
        }
    }
}

/// One job on the queue.
pub(super) enum Job {
    /// In the batch's transaction.
    Write(Write),
    /// After it, each in a transaction of its own, before the flush.
    Staff(StaffOp, Reply<()>),
    Voices(VoiceOp, Reply<()>),
    /// Tombstone token keys (issue 17), then drop their spent-nonce trees.
    RetireTokenKeys(Vec<[u8; 32]>, Reply<()>),
    /// Witnesses' cosignatures of the checkpoint of `size` leaves.
    AddCosignatures {
        size: u64,
        lines: Vec<NoteSignature>,
        reply: Reply<()>,
    },
    /// For the sealing planner, which answers once the work is durable.
    Seal(SealRequest, Reply<usize>),
    /// Appends to the log, run between sealing steps.
    Log(LogJob),
    /// Export every tree, after the batch's flush (see [`super::backup`]).
    Backup(Reply<Vec<u8>>),
    /// Nothing: answered once everything queued before it is durable.
    Flush(Reply<()>),
    /// Close the open epoch now if its minimums hold (answers whether it
    /// did, once its records have been rewritten), and make the data keys
    /// of the periods around `today` ahead of need.
    Rotate(Date, Reply<bool>),
}

impl Job {
    /// Answer with `e` (the store has stopped accepting writes).
    pub(super) fn refuse(self, e: StoreError) {
        match self {
            Self::Write(w) => w.refuse(e),
            Self::Staff(_, r)
            | Self::Voices(_, r)
            | Self::RetireTokenKeys(_, r)
            | Self::AddCosignatures { reply: r, .. }
            | Self::Flush(r) => r.send_now(Err(e)),
            Self::Log(job) => job.refuse(e),
            Self::Seal(_, r) => r.send_now(Err(e)),
            Self::Backup(r) => r.send_now(Err(e)),
            Self::Rotate(_, r) => r.send_now(Err(e)),
        }
    }
}

/// What the queue gave the writer.
pub(super) enum Taken {
    Batch(Vec<Job>),
    /// Nothing waiting (only when not asked to wait).
    Empty,
    /// Every handle is gone: the server is shutting down.
    Closed,
}

/// Take every job waiting, up to [`MAX_BATCH`], shuffled so that the
/// order inside the batch does not follow arrival; with `wait`, block
/// until there is at least one.
pub(super) fn take(jobs: &mut mpsc::Receiver<Job>, wait: bool) -> Taken {
    let first = if wait {
        match jobs.blocking_recv() {
            Some(job) => job,
            None => return Taken::Closed,
        }
    } else {
        match jobs.try_recv() {
            Ok(job) => job,
            Err(mpsc::error::TryRecvError::Empty) => return Taken::Empty,
            Err(mpsc::error::TryRecvError::Disconnected) => return Taken::Closed,
        }
    };
    let mut batch = vec![first];
    while batch.len() < MAX_BATCH {
        match jobs.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
    if crate::secrets::random::shuffle(&mut batch).is_err() {
        for job in batch {
            job.refuse(StoreError::Io("random generator failed".into()));
        }
        return Taken::Empty;
    }
    Taken::Batch(batch)
}
