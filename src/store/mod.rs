//! The store: the one narrow interface between Parrhesia and its storage,
//! on an embedded redb 5.0.0 file ([`embedded`]) or on PostgreSQL ([`pg`]),
//! behind one key-value layer ([`kv`]). No backend type leaves this module.
//!
//! # The disk forgets who came when (guarantee 3)
//!
//! Whoever holds the data directory *and* the key directory — the host, or
//! whoever seizes the server — must not learn in which order critiques of
//! one mixing epoch arrived, nor which code, invitation or token nonce paid
//! for which critique. Storage engines keep history. redb is a
//! copy-on-write B-tree: a changed page is written wherever its allocator
//! finds room (lowest free page first), a freed page is reused without
//! being zeroed, so an old copy stays until its space is reused, and the
//! header counts commits. PostgreSQL stamps every row version with the
//! id of the transaction that wrote it (`xmin`), places it where there is
//! room (`ctid`), keeps dead versions until vacuum, and logs everything to
//! its WAL first. So, after Naor and Teague's canonical representations
//! (the stored bytes depend on the set, not on how it was built) and Molnar,
//! Kohno, Sastry and Wagner's history-independent ballot storage, nothing a
//! participant does is written where its position would time it:
//!
//! 1. **Ingest, sealed under an epoch key.** A critique together with the
//!    credential it spends, a token fetched on an invitation, an "about
//!    you" code and answers, and any other [`MixedWrite`] are written, durably, as one
//!    record each into the *ingest area* of the open mixing epoch (a redb
//!    table `ingest/<epoch id>`, or a PostgreSQL table `ingest_<epoch id>`).
//!    A record's name is HMAC(epoch key, what it is about) — for a critique,
//!    the credential it spends, so the backend's uniqueness refuses a second
//!    spend — and its value is sealed (ChaCha20-Poly1305) under the epoch
//!    key, which lives only in the key directory (`epoch.<id>.key`).
//! 2. **Rewritten in key order.** When the epoch closes, its records are
//!    rewritten into the main trees in key order (critique ids are random,
//!    codes and invitations keyed hashes, nonces random, so key order
//!    carries no arrival order); the ingest area is dropped (a PostgreSQL
//!    `DROP TABLE` takes its file, dead tuples and all); once that is
//!    durable the epoch key is destroyed. Whatever is left of the ingest in
//!    freed pages of the redb file, in PostgreSQL's WAL or on free disk
//!    blocks is sealed under a key nobody has, named by a PRF nobody can
//!    compute, and padded to a power of two of at least 1 KiB
//!    ([`epoch::PADDED_MIN`]), so its size shows only a length class.
//! 3. **Credentials apart from critiques.** A rewrite runs in passes of at
//!    most [`merge::PASS`] records (bounded transactions, so submissions
//!    keep flowing). Pass j writes the critiques whose *id* falls in the
//!    j-th slice of the id space and the credential marks (a code's spent
//!    flag, a nonce, an invitation's count) whose *credential* falls in the
//!    j-th slice of the credential space: independent slices, so a pass
//!    (one `xmin`, one redb commit) holds a critique and its credential
//!    together no more often than chance ([`epoch::Slices`]).
//!    A token fetched on an invitation is a use recorded in the epoch it was
//!    fetched in, never a change to the invitation's record, and is written
//!    out in invitation order, apart from any critique.
//! 4. **No running counters.** Counts reach the main trees only at a
//!    rewrite (per epoch, per period and theme), never per transaction.
//!    What the live epochs add is counted in memory ([`epoch::Tally`]),
//!    rebuilt from the ingest areas at start.
//! 5. **Epochs and rounds.** A critique's anonymity set is its round's
//!    critiques in the epoch (a critique record names its round). An epoch
//!    closes once it has been open [`EpochOptions::min_secs`] (default one
//!    hour) and some round has at least [`EpochOptions::min_critiques`]
//!    (default: the round's k) critiques in it. Then that round's records
//!    are rewritten; a round with fewer is carried into the next epoch,
//!    resealed under its key. Sealing a period forces its round's records
//!    of that period out (the digest must count them).
//! 6. **Keys and times.** Data keys are made when a round opens, on the
//!    minute ticker, and at sealing, never at a period's first critique.
//!    Before every fsync the redb file's times, and at every epoch change
//!    every file's in the data and key directories, are set to the open
//!    epoch's start, rounded down to the minute ([`times`]).
//! 7. **Crash safety.** The epoch key is written durably before its epoch
//!    is recorded open; every rewrite step is one transaction that records
//!    its progress; a record leaves the ingest area in the transaction that
//!    writes its last part to the main trees; the area is dropped and made
//!    durable before the key is destroyed; an area or key left without an
//!    epoch record by a crash is discarded at start. A credential is spent
//!    in exactly one place at every moment, and "received" still means
//!    committed and fsynced (redb, with quick repair, so a start after a
//!    crash is quick) or committed (PostgreSQL).
//!
//! What remains (SECURITY.md says it to hosts): whoever holds the key
//! directory while an epoch is open can read that epoch's records in
//! arrival order (the window is the open epoch: at least an hour, and until
//! k critiques); epochs themselves are ordered, and an old copy of a main
//! tree's page left in the redb file shows at most in which epoch a record
//! came in; the two commit slots of redb's header hold its transaction
//! counter, how many commits the file has seen (never which commit wrote a
//! record); PostgreSQL's WAL and a file system's journal keep bytes until
//! recycled (deploy/postgresql.md gives the settings that shorten that); a
//! file's `ctime` is the kernel's; and an operator watching live traffic
//! can still time people.
//!
//! Issue 17's records keep the same rules. The tokens issued to a round's
//! invitations (the auditors' bound on the tokens it can receive) are
//! counted when its invitation uses are rewritten, plus the live uses in
//! memory, never once per token. A tombstoned key's token is refused in
//! the transaction that would spend it, and a rewrite writes no spent mark
//! of a tombstoned key. Every head's C2SP checkpoint is written in the
//! head's own transaction, from the stored Merkle frontier; a round key's
//! leaf and the weekly marker ([`queue::LogJob`]) wait while a sealing is
//! writing leaves, so they never land among a period's leaves.
//!
//! # Epochs for other record kinds (issues 16 and 20)
//!
//! A [`MixedWrite`] for a round goes through the same mechanism:
//! [`Store::mix`] (alone, or with a critique through [`Store::submit_with`],
//! in the same transaction) stores it durably in the open epoch;
//! it reaches `tree` only at the round's rewrite, in key order.
//! `Append { tree, value }` adds a record under a fresh random key ("about
//! you" answers), `Count { tree, key, by }` adds to a big-endian u64
//! (per-question answer counters), `Create { tree, key, value }` and
//! `Consume { tree, key }` make and spend a one-time credential (refused
//! when already present, or absent or spent). Reads see live writes at once:
//! [`Store::mixed_count`], [`Store::mixed_present`], [`Store::mixed_values`].
//! One call is one transaction: every write is checked before any is
//! stored, so a refused `Consume` stores nothing else either.
//!
//! How the waiting branches use it (the seam recorded for the lead):
//! - Issue 16, the "about you" code (built: see [`voices`]): the
//!   receipt's one-time code is made with the critique, `submit_with(..,
//!   vec![Create { tree, key: HMAC(code key, round, period, code) }])`;
//!   answering is one [`Store::mix_in`] of `[Consume { tree, key }, Count {
//!   counts, key: period and answer, by: 1 }, ..]` for the period the code
//!   was bound to, so a second answer, one without a code, or one after
//!   its period has ended is refused whole. No record names the critique
//!   or keeps one person's answers, and each is rewritten in its own key
//!   order; a code made and spent in the same rewrite pass is never
//!   written to its tree at all.
//! - Issue 20, answers: tallied at sealing from the decrypted critiques
//!   (no per-submission counter; SEAMS.md). Should a live count be needed,
//!   it is a `Count { tree, key: question and option, by: 1 }` in the
//!   critique's `submit_with`, read with `mixed_count` and banded at the
//!   app layer — never a counter of its own in a main tree.
//!
//! `tree` is a name of the caller's own; it must not be one of the main
//! trees below (nothing checks this: callers are in this crate).
//!
//! # Key layout (main trees)
//!
//! | tree            | key                                  | value |
//! |-----------------|--------------------------------------|-------|
//! | `organisations` | slug                                 | JSON [`Organisation`] |
//! | `rounds`        | slug                                 | JSON [`Round`] |
//! | `codes`         | HMAC-SHA256(code key, code), 32 B    | 1 byte spent flag (0/1), then the round slug |
//! | `critiques`     | random 128-bit id (UUID v4), 16 B    | `StoredCritique` in a compact binary form ([`records::StoredCritique::to_bytes`]): round, period, themes, quote flag, commitment, and the sealed (encrypted) record with the text |
//! | `members`       | round, period, critique id           | the critique's 32-byte commitment (to seal and shred a period without scanning) |
//! | `counters`      | see [`records::counter_key`], [`records::period_key`], [`records::spent_key`] | u64, big-endian, written at issuance (codes) and at rewrites only |
//! | `periods`       | round, period                        | JSON `SealedPeriod`: frozen digest, its hash, leaf range, head |
//! | `closing`       | round, period                        | the week (its Monday) the sealing began in: the period is being sealed |
//! | `log_leaves`    | leaf index, u64 big-endian           | the leaf's canonical JSON ([`crate::audit::log::Leaf`]) |
//! | `log_heads`     | head index, u64 big-endian           | JSON [`TreeHead`] |
//! | `log_state`     | `state`                              | JSON: the log's size, its Merkle frontier, the newest week marker |
//! | `noise`         | round, period                        | JSON [`crate::digest::NoiseDraws`]: the noise drawn once for the release that period's sealing made (secret: never published) |
//! | `invitations`   | HMAC-SHA256(invitation key, secret), 32 B | u32 big-endian tokens left (as of the last rewrite), then the round slug |
//! | `spent-nonces/<token_key_id hex>` | token nonce, 32 B  | empty |
//! | `epochs`        | epoch id, 16 random bytes            | JSON: open, or closing (rounds going out, passes, passes done) |
//! | `ingest/<epoch id hex>` | HMAC(epoch key, subject), 32 B | nonce and ChaCha20-Poly1305 ciphertext under the epoch key |
//! | `token_keys`, `retired_keys` | see [`token_keys`]    | the rounds' Privacy Pass key records and tombstones |
//! | `checkpoints`   | see [`checkpoints`]                  | each head's signed C2SP checkpoint and its witnesses' cosignatures |
//! | `users`, `staff_log`, `mail` | see [`staff`]         | staff accounts, the staff action log, the staff mail state |
//!
//! There is one `spent-nonces/…` tree per Privacy Pass issuer key, so that a
//! key's whole spent set can be dropped once the key has expired (RFC 9577
//! §2.1.1.2). Invitation records hold only the keyed hash and a count, and
//! a spent nonce records neither the invitation nor the critique it paid
//! for. Leaf and head indexes are positions in the public log: a period's
//! commitments are appended together, in random order, when it is sealed.
//! Critique text is sealed under the period's data key (see
//! [`crate::secrets::vault`]).
//!
//! # Security contract
//! [`Store::submit`] takes a [`Redemption`], which only the token module can
//! make, and spends it in the same transaction that stores the critique: a
//! critique is never stored without a spent credential, and a credential is
//! never spent twice (one writer per process; across PostgreSQL instances a
//! row lock for codes and primary keys for nonces and ingest names).

mod apply;
mod backup;
pub mod checkpoints;
mod embedded;
mod epoch;
mod kv;
mod legacy;
mod merge;
mod pg;
mod queue;
mod reads;
mod records;
mod seal;
mod staff;
mod times;
pub mod token_keys;
mod voices;
mod writer;

pub use backup::{check as check_backup, restore};
pub use epoch::MixedWrite;
pub use pg::{StartupLock, MIGRATIONS};
pub use writer::{Ended as WriterEnded, EpochOptions};

use crate::audit::log::LogSigner;
/// Shared vocabulary that moved to `domain`, named here too so that older
/// paths still compile; new code imports it from `crate::domain`.
pub use crate::domain::{
    AboutYouTally, Candidate, PeriodCounts, PledgeRecord, QuoteRecord, QuoteState, ResponseRecord,
    ResponseVersion, RoundStats, SealedPeriod,
};
use crate::domain::{
    AnsweredSubmission, InputError, Organisation, Receipt, Round, RoundUpdate, Slug,
};
use crate::metrics::Metrics;
use crate::secrets::vault::Vault;
use crate::tokens::{CodeHash, InvitationHash, Redemption};
use kv::{Kv, Tree};
use queue::{Credential, Job, MixArgs, Reply, SealRequest, SubmitArgs, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use time::Date;
use tokio::sync::mpsc;
pub use voices::random_id;

/// Everything that can go wrong in the store, named for what happened.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("{0} already exists")]
    Exists(&'static str),
    #[error("code not issued for this round")]
    CodeUnknown,
    #[error("code already spent")]
    CodeSpent,
    #[error("token already spent")]
    TokenSpent,
    #[error("the token's key has been retired")]
    TokenKeyRetired,
    #[error("invitation not issued")]
    InvitationUnknown,
    #[error("invitation used up")]
    InvitationExhausted,
    #[error("invalid change: {0}")]
    Invalid(InputError),
    #[error("the write queue is full")]
    Busy,
    #[error("the store has stopped accepting writes after an I/O failure")]
    Unavailable,
    #[error("storage error: {0}")]
    Io(String),
    /// Sealing or unsealing a record failed (the vault's error, whole).
    #[error("the vault failed: {0:#}")]
    Vault(anyhow::Error),
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        Self::Io(e.to_string())
    }
}

/// Tunables for opening a store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// The embedded store's page cache (redb's), in bytes.
    pub cache_bytes: u64,
    /// Writes that may wait for the writer before new ones get "busy".
    pub queue_capacity: usize,
    /// Where the writer counts commits, codes and seals.
    pub metrics: Arc<Metrics>,
    /// The privacy budget ε of the noise drawn, once, for each release's
    /// contribution to the cross-organisation totals; 0 turns noise off.
    pub noise_epsilon: f64,
    /// When mixing epochs close (see the module docs).
    pub epochs: EpochOptions,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            cache_bytes: 64 * 1024 * 1024,
            queue_capacity: 4096,
            metrics: Arc::new(Metrics::default()),
            noise_epsilon: 1.0,
            epochs: EpochOptions::default(),
        }
    }
}

/// Where the store lives: an embedded store in a data directory (the
/// default), or a PostgreSQL database that several instances share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Embedded(PathBuf),
    /// A `postgres://` or `postgresql://` connection URL.
    Postgres(String),
}

impl Location {
    /// The store named by `--store` (`embedded`, or `sled`, its name before
    /// redb, or a PostgreSQL URL), with the data directory for the embedded
    /// store. `None` when `store` is none of these.
    pub fn parse(store: Option<&str>, data_dir: &Path) -> Option<Self> {
        match store.map(str::trim) {
            None | Some("") | Some("embedded") | Some("sled") => {
                Some(Self::Embedded(data_dir.to_owned()))
            }
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Some(Self::Postgres(url.to_owned()))
            }
            Some(_) => None,
        }
    }

    /// The location for messages: a PostgreSQL URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Self::Embedded(dir) => dir.display().to_string(),
            Self::Postgres(url) => mask_password(url),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:********@host/db`.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:********@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[derive(Clone)]
pub(crate) struct Trees {
    organisations: Tree,
    rounds: Tree,
    codes: Tree,
    critiques: Tree,
    counters: Tree,
    members: Tree,
    periods: Tree,
    log_leaves: Tree,
    log_heads: Tree,
    invitations: Tree,
    users: Tree,
    staff_log: Tree,
    mail: Tree,
    noise: Tree,
    token_keys: Tree,
    retired_keys: Tree,
    checkpoints: Tree,
}

/// Name of the spent-nonce tree of the Privacy Pass key `key_id`.
pub(crate) fn nonce_tree_name(key_id: &[u8; 32]) -> String {
    format!("{NONCE_TREE_PREFIX}{}", crate::encoding::hex(key_id))
}

const NONCE_TREE_PREFIX: &str = "spent-nonces/";

/// A raw key and value, for tests and audits.
pub type RawRecord = (Vec<u8>, Vec<u8>);

/// How long a group of reads waits for its turn on PostgreSQL before it is
/// answered "busy" (see [`Store::read`]).
const READ_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Decoded rounds by slug, each with the stored bytes it was decoded from.
type DecodedRounds = std::collections::HashMap<String, (Vec<u8>, crate::domain::Round)>;

/// A handle to the open store; cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Kv,
    trees: Trees,
    queue: mpsc::Sender<Job>,
    failed: Arc<AtomicBool>,
    vault: Arc<Vault>,
    log_public_key: Vec<u8>,
    metrics: Arc<Metrics>,
    /// What the live epochs hold (kept by the writer).
    live: Arc<RwLock<epoch::Live>>,
    /// Set while the writer is sealing.
    sealing: Arc<AtomicBool>,
    epochs: EpochOptions,
    /// Groups of reads that may wait on PostgreSQL at once (see
    /// [`Store::read`]).
    reads: Arc<tokio::sync::Semaphore>,
    /// Rounds as last decoded, with the stored bytes they came from (see
    /// [`Store::round`]).
    decoded_rounds: Arc<Mutex<DecodedRounds>>,
    /// Signalled when the writer has ended.
    ended: Arc<writer::Ended>,
}

impl Store {
    /// Open (or create) the store at `location` and start its writer
    /// thread, which first recovers the epochs and any interrupted
    /// sealing. On PostgreSQL, migrations are applied first.
    pub fn open(
        location: &Location,
        options: &StoreOptions,
        vault: Arc<Vault>,
        signer: Arc<LogSigner>,
    ) -> Result<Self, StoreError> {
        let file_time = embedded::FileTime::default();
        let (db, dir) = match location {
            Location::Embedded(dir) => (
                Kv::Redb(embedded::open(dir, options.cache_bytes, &file_time)?),
                Some(dir),
            ),
            Location::Postgres(url) => (Kv::Pg(pg::Pg::open(url)?), None),
        };
        let trees = Trees {
            organisations: db.open_tree("organisations")?,
            rounds: db.open_tree("rounds")?,
            codes: db.open_tree("codes")?,
            critiques: db.open_tree("critiques")?,
            counters: db.open_tree("counters")?,
            members: db.open_tree("members")?,
            periods: db.open_tree("periods")?,
            log_leaves: db.open_tree("log_leaves")?,
            log_heads: db.open_tree("log_heads")?,
            invitations: db.open_tree("invitations")?,
            users: db.open_tree("users")?,
            staff_log: db.open_tree("staff_log")?,
            mail: db.open_tree("mail")?,
            noise: db.open_tree("noise")?,
            token_keys: db.open_tree("token_keys")?,
            retired_keys: db.open_tree("retired_keys")?,
            checkpoints: db.open_tree("checkpoints")?,
        };
        let failed = Arc::new(AtomicBool::new(false));
        let live = Arc::new(RwLock::new(epoch::Live::default()));
        let sealing = Arc::new(AtomicBool::new(false));
        let ended = Arc::new(writer::Ended::default());
        let (queue, jobs) = mpsc::channel(options.queue_capacity.max(1));
        let log_public_key = signer.public_key().to_vec();
        let parts = writer::Parts {
            kv: db.clone(),
            dir: dir.cloned(),
            trees: trees.clone(),
            vault: vault.clone(),
            signer,
            failed: failed.clone(),
            metrics: options.metrics.clone(),
            noise: crate::digest::disclosure::Noise::new(options.noise_epsilon),
            live: live.clone(),
            epochs: options.epochs,
            sealing: sealing.clone(),
            ended: ended.clone(),
            file_time,
        };
        writer::spawn(parts, jobs)?;
        Ok(Self {
            db,
            trees,
            queue,
            failed,
            vault,
            log_public_key,
            metrics: options.metrics.clone(),
            live,
            sealing,
            epochs: options.epochs,
            reads: Arc::new(tokio::sync::Semaphore::new(pg::READS_IN_FLIGHT)),
            decoded_rounds: Arc::default(),
            ended,
        })
    }

    /// What to wait on for the writer's end once every handle to this
    /// store is dropped: by then the embedded store's file is closed
    /// cleanly. For a graceful stop.
    pub fn on_close(&self) -> Arc<WriterEnded> {
        self.ended.clone()
    }

    /// When mixing epochs close (published in the audit declaration).
    pub fn epoch_options(&self) -> EpochOptions {
        self.epochs
    }

    /// The service's counters (see [`crate::metrics`]).
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// Writes that may wait before new ones are refused as busy.
    pub fn queue_capacity(&self) -> usize {
        self.queue.max_capacity()
    }

    /// Whether the store accepts writes and the writer is keeping up: it is
    /// running and its queue is less than half full.
    pub fn ready(&self) -> bool {
        self.healthy() && !self.queue.is_closed() && self.queue_depth() * 2 < self.queue_capacity()
    }

    /// Whether the store still accepts writes.
    pub fn healthy(&self) -> bool {
        !self.failed.load(Ordering::Acquire)
    }

    /// Writes waiting for the writer.
    pub fn queue_depth(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    /// Run `reads`, a group of this store's synchronous reads, without
    /// holding up the async worker that awaits it: the one way the
    /// application layer reads on a request path.
    ///
    /// On PostgreSQL a read waits for the database, for as long as the
    /// database takes (a lock, a slow disk); on an actix worker that would
    /// stall every connection the worker serves. So there `reads` runs on
    /// the runtime's blocking pool, on a clone of this handle. On the embedded store a
    /// read is an in-process lookup: it runs here, at once, with no thread
    /// hop. Group the reads of one use case into one call where that is
    /// natural (one hop, one wait).
    ///
    /// Must be awaited inside a tokio runtime (an actix worker, or the
    /// command line's). A panic in `reads` is resumed here, as it would be
    /// had `reads` run inline.
    pub async fn read<T, E>(
        &self,
        reads: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        if !self.db.is_postgres() {
            return reads(self);
        }
        // Bounded: if PostgreSQL hangs, at most READS_IN_FLIGHT pool
        // threads wait on it; later requests wait here (on the worker,
        // without blocking it) and are told "busy" after READ_WAIT rather
        // than piling up threads and a backlog the readers must work
        // through once the database is back. A request that goes away
        // while waiting here takes nothing with it.
        let permit = match tokio::time::timeout(READ_WAIT, self.reads.clone().acquire_owned()).await
        {
            Ok(Ok(permit)) => permit,
            Ok(Err(_)) => return Err(StoreError::Unavailable.into()),
            Err(_) => return Err(StoreError::Busy.into()),
        };
        let store = self.clone();
        let work = move || {
            let _permit = permit;
            reads(&store)
        };
        match tokio::task::spawn_blocking(work).await {
            Ok(answer) => answer,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // The runtime is shutting down.
            Err(_) => Err(StoreError::Unavailable.into()),
        }
    }

    /// Queue the job `make` builds around its reply, and await the answer.
    async fn call<T>(&self, make: impl FnOnce(Reply<T>) -> Job) -> Result<T, StoreError> {
        if !self.healthy() {
            return Err(StoreError::Unavailable);
        }
        let (reply, answer) = Reply::new();
        self.queue.try_send(make(reply)).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => StoreError::Busy,
            mpsc::error::TrySendError::Closed(_) => StoreError::Unavailable,
        })?;
        answer.await.map_err(|_| StoreError::Unavailable)?
    }

    /// A consistent snapshot of every tree, taken by the writer between
    /// commits (so no write is half in it), after its last flush. Holds no
    /// key: keys live in the key directory. Format in [`backup`].
    pub async fn backup(&self) -> Result<Vec<u8>, StoreError> {
        self.call(Job::Backup).await
    }

    /// Wait until every write queued before this call is committed,
    /// flushed and fsynced (graceful shutdown).
    pub async fn drain(&self) -> Result<(), StoreError> {
        self.call(Job::Flush).await
    }

    pub async fn create_organisation(&self, org: Organisation) -> Result<(), StoreError> {
        let value = records::to_json(&org)?;
        self.call(|reply| {
            Job::Write(Write::CreateOrganisation {
                slug: org.slug,
                value,
                reply,
            })
        })
        .await
    }

    pub async fn create_round(&self, round: Round) -> Result<(), StoreError> {
        self.call(|r| Job::Write(Write::CreateRound(Box::new(round), r)))
            .await
    }

    /// Change a round under the rules of [`RoundUpdate::apply`], atomically.
    pub async fn update_round(&self, slug: Slug, update: RoundUpdate) -> Result<Round, StoreError> {
        self.call(|r| Job::Write(Write::UpdateRound(slug, Box::new(update), r)))
            .await
    }

    /// Record freshly generated codes for `round` (and open it). Returns how
    /// many were new; a hash already present (a 2^-55 coincidence) is skipped
    /// so the caller can generate another.
    pub async fn issue_codes(
        &self,
        round: Slug,
        codes: Vec<CodeHash>,
    ) -> Result<usize, StoreError> {
        let hashes = codes.iter().map(|c| *c.as_bytes()).collect();
        self.call(|reply| {
            Job::Write(Write::IssueCodes {
                round,
                hashes,
                reply,
            })
        })
        .await
    }

    /// Spend `redemption` and store `submission`, sealed, in the open period
    /// of its round as of `today`, atomically and durably. `Ok` means the
    /// critique is on disk (in the open epoch's ingest area).
    pub async fn submit(
        &self,
        redemption: Redemption,
        submission: AnsweredSubmission,
        today: Date,
    ) -> Result<Receipt, StoreError> {
        self.submit_with(redemption, submission, today, Vec::new())
            .await
    }

    /// [`Store::submit`], with mixed writes stored in the same transaction
    /// (issue 16: the one-time "about you" credential a receipt carries).
    /// Nothing links them to the critique: they are separate records of
    /// the epoch, rewritten in their own key order.
    pub async fn submit_with(
        &self,
        redemption: Redemption,
        submission: AnsweredSubmission,
        today: Date,
        also: Vec<MixedWrite>,
    ) -> Result<Receipt, StoreError> {
        let credential = match redemption {
            Redemption::PaperCode(code) => Credential::Code(*code.as_bytes()),
            Redemption::PrivacyPass(token) => Credential::Nonce {
                key: *token.key_id(),
                nonce: *token.nonce(),
            },
        };
        let rng = |_| StoreError::Io("random generator failed".into());
        let args = SubmitArgs {
            credential,
            id: *uuid::Uuid::new_v4().as_bytes(),
            salt: crate::secrets::random::bytes::<32>().map_err(rng)?,
            today,
            submission,
            also,
        };
        // Counted by the adapter that asked (`http::api::count`), with the
        // same stable codes its answer carries.
        self.call(|r| Job::Write(Write::Submit(Box::new(args), r)))
            .await
    }

    /// Store `writes` for `round` through the epoch mechanism (see the
    /// module docs), in its open period as of `today` when `in_period`
    /// (they are then forced out when that period is sealed). `Ok` means
    /// durably stored.
    pub async fn mix(
        &self,
        round: &Slug,
        today: Date,
        in_period: bool,
        writes: Vec<MixedWrite>,
    ) -> Result<(), StoreError> {
        self.mix_with(round, today, in_period, None, writes).await
    }

    /// [`Store::mix`] in the open period, for writes built for `period`
    /// (keys that name it): refused whole with `NotFound("period")` unless
    /// `period` is still the round's open period as of `today`, checked in
    /// the transaction, so nothing reaches a period being or already sealed.
    pub async fn mix_in(
        &self,
        round: &Slug,
        today: Date,
        period: &str,
        writes: Vec<MixedWrite>,
    ) -> Result<(), StoreError> {
        self.mix_with(round, today, true, Some(period.to_owned()), writes)
            .await
    }

    async fn mix_with(
        &self,
        round: &Slug,
        today: Date,
        in_period: bool,
        expect: Option<String>,
        writes: Vec<MixedWrite>,
    ) -> Result<(), StoreError> {
        let args = MixArgs {
            round: round.clone(),
            today,
            in_period,
            expect,
            writes,
        };
        self.call(|r| Job::Write(Write::Mix(Box::new(args), r)))
            .await
    }

    /// Seal every period that has ended as of `today` (and, with
    /// `close_now`, every round's open period too), then destroy texts past
    /// their retention. Returns how many periods were sealed.
    pub async fn seal(&self, today: Date, close_now: bool) -> Result<usize, StoreError> {
        self.seal_with(today, close_now, None).await
    }

    /// Seal what is due, as [`Store::seal`], and close `round`'s open
    /// period now, leaving every other round's open period open.
    pub async fn close_round(&self, today: Date, round: &Slug) -> Result<usize, StoreError> {
        self.seal_with(today, true, Some(round.clone())).await
    }

    async fn seal_with(
        &self,
        today: Date,
        close_now: bool,
        only: Option<Slug>,
    ) -> Result<usize, StoreError> {
        let request = SealRequest {
            today,
            close_now,
            only,
        };
        self.call(|r| Job::Seal(request, r)).await
    }

    /// Seal what is due, if anything is: a cheap read first, so readers of
    /// digests only queue a write when a period has just ended. While a
    /// sealing is under way readers do not wait for it: they see the last
    /// sealed state until it is done.
    pub async fn seal_due(&self, today: Date) -> Result<(), StoreError> {
        if !self.sealing.load(Ordering::Acquire) && self.read(move |s| s.due(today)).await? {
            self.seal(today, false).await?;
        }
        Ok(())
    }

    /// Close the open mixing epoch now if its minimums hold (the minute
    /// ticker calls this; tests call it to make epochs), and make the data
    /// keys of the periods around `today` ahead of need. Answers whether an
    /// epoch was closed, once its records have been rewritten.
    pub async fn rotate_epoch(&self, today: Date) -> Result<bool, StoreError> {
        self.call(|r| Job::Rotate(today, r)).await
    }

    /// Record fresh invitations for `round`, each good for `tokens` tokens
    /// (and open the round). Returns how many were new.
    pub async fn create_invitations(
        &self,
        round: Slug,
        invitations: Vec<InvitationHash>,
        tokens: u32,
    ) -> Result<usize, StoreError> {
        let hashes = invitations.iter().map(|h| *h.as_bytes()).collect();
        self.call(|reply| {
            Job::Write(Write::CreateInvitations {
                round,
                hashes,
                tokens,
                reply,
            })
        })
        .await
    }

    /// Take one token off an invitation, atomically and durably: a use in
    /// the open epoch (see the module docs).
    pub async fn consume_invitation(&self, hash: &InvitationHash) -> Result<(), StoreError> {
        let hash = *hash.as_bytes();
        self.call(|r| Job::Write(Write::ConsumeInvitation(hash, r)))
            .await
    }

    /// Open `round` now (as its first codes or invitations would): from
    /// then on its rules only tighten.
    pub async fn open_round(&self, round: Slug) -> Result<(), StoreError> {
        self.call(|r| Job::Write(Write::OpenRound(round, r))).await
    }
}

/// Whether the critique record `value` (stored under `id`, in either stored
/// form) opens as stored, with the keys in `vault` (for `parrhesia audit`).
pub fn critique_opens(vault: &Vault, id: &[u8], value: &[u8]) -> bool {
    records::StoredCritique::from_bytes(value)
        .and_then(|stored| stored.open(vault, id))
        .is_ok()
}

/// Open a stopped server's store read-only (nothing is written) and hand
/// every record of every tree to `f` as (tree, key, value), a critique as
/// the JSON of its declared fields (it is stored in a compact form). Used
/// by `parrhesia audit`; fails while a server holds the store.
pub fn scan_raw(dir: &Path, mut f: impl FnMut(&str, &[u8], &[u8])) -> Result<(), StoreError> {
    embedded::scan(dir, |name, k, v| {
        if name == "critiques" {
            // Undecodable bytes are handed on as they are, for the audit
            // to flag.
            if let Ok(json) =
                records::StoredCritique::from_bytes(v).and_then(|c| records::to_json(&c))
            {
                f(name, k, &json);
                return;
            }
        }
        f(name, k, v);
    })
}
