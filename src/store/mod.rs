//! The store: the one narrow interface between Parrhesia and its storage.
//!
//! The embedded implementation uses sled 0.34.7. No sled type leaves this
//! module. Reads go straight to sled; every write goes through one writer
//! thread ([`writer`]) that commits batches in one transaction each, then
//! flushes and fsyncs before anyone is told "received" (group commit).
//!
//! # Key layout (sled trees)
//!
//! | tree            | key                                  | value |
//! |-----------------|--------------------------------------|-------|
//! | `organisations` | slug                                 | JSON [`Organisation`] |
//! | `rounds`        | slug                                 | JSON [`Round`] |
//! | `codes`         | HMAC-SHA256(code key, code), 32 B    | 1 byte spent flag (0/1), then the round slug |
//! | `critiques`     | random 128-bit id (UUID v4), 16 B    | JSON `StoredCritique`: round, period, themes, quote flag, commitment, and the sealed (encrypted) record with the text |
//! | `members`       | round, period, critique id           | the critique's 32-byte commitment (to seal and shred a period without scanning) |
//! | `counters`      | see [`records::counter_key`], [`records::period_key`], [`records::spent_key`] | u64, big-endian |
//! | `periods`       | round, period                        | JSON `SealedPeriod`: frozen digest, its hash, leaf range, head |
//! | `log_leaves`    | leaf index, u64 big-endian           | the leaf's canonical JSON ([`crate::audit::log::Leaf`]) |
//! | `log_heads`     | head index, u64 big-endian           | JSON [`TreeHead`] |
//! | `noise`         | round, period                        | JSON [`crate::digest::NoiseDraws`]: the noise drawn once for the release that period's sealing made (secret: never published) |
//! | `invitations`   | HMAC-SHA256(invitation key, secret), 32 B | u32 big-endian tokens left, then the round slug |
//! | `spent-nonces/<token_key_id hex>` | token nonce, 32 B  | empty |
//! | `token_keys`, `retired_keys` | see [`token_keys`]    | the rounds' Privacy Pass key records and tombstones |
//! | `checkpoints`   | see [`checkpoints`]                  | each head's signed C2SP checkpoint and its witnesses' cosignatures |
//! | `users`, `staff_log` | see [`staff`]                 | staff accounts and the staff action log |
//!
//! There is one `spent-nonces/…` tree per Privacy Pass issuer key, so that a
//! key's whole spent set can be dropped once the key has expired (RFC 9577
//! §2.1.1.2: a nonce must be remembered only while its token could still
//! verify). Invitation records hold only the keyed hash and a count: nothing
//! derived from a blinded message, nonce or signature is ever stored at
//! issuance, and a spent nonce records neither the invitation nor the
//! critique it paid for.
//!
//! What is deliberately absent: no time finer than the period, no client
//! detail, no sequence number, and no key shared between `codes` and
//! `critiques` (the code record says only "spent", not by which critique).
//! Leaf and head indexes are positions in the public log: a period's
//! commitments are appended together, in random order, when it is sealed.
//! Critique text is sealed under the period's data key (see [`crate::secrets::vault`]),
//! which lives in the key directory.
//!
//! # Security contract
//! [`Store::submit`] takes a [`Redemption`], which only the token module can
//! make, and spends it in the same transaction that stores the critique: a
//! critique is never stored without a spent credential, and a credential is
//! never spent twice, because exactly one thread ever writes.

mod backup;
pub mod checkpoints;
mod kv;
mod pg;
mod records;
mod staff;
pub mod token_keys;
mod voices;
mod writer;

pub use backup::{check as check_backup, restore};
pub use pg::{StartupLock, MIGRATIONS};

use crate::audit::log::{LogSigner, TreeHead};
use crate::audit::merkle::{self, Hash};
use crate::digest::SealedDigest;
/// Shared vocabulary that moved to `domain`, named here too so that older
/// paths still compile; new code imports it from `crate::domain`.
pub use crate::domain::{
    AboutYouRecord, Candidate, PeriodCounts, PledgeRecord, QuoteRecord, QuoteState, ResponseRecord,
    ResponseVersion, RoundStats, SealedPeriod,
};
use crate::domain::{
    InputError, Organisation, Period, Receipt, Round, RoundUpdate, Slug, Submission,
};
use crate::metrics::Metrics;
use crate::secrets::vault::Vault;
use crate::tokens::{CodeHash, InvitationHash, Redemption};
use kv::{Kv, Tree};
use records::{counter_key, CounterKind, StoredCritique};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use time::Date;
use tokio::sync::{mpsc, oneshot};
pub use voices::{random_id, ABOUT_YOU_BATCH};
use writer::{Credential, Job, Op, Outcome};

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
    /// sled's page cache, in bytes.
    pub cache_bytes: u64,
    /// Writes that may wait for the writer before new ones get "busy".
    pub queue_capacity: usize,
    /// Where the writer counts commits, codes and seals.
    pub metrics: Arc<Metrics>,
    /// The privacy budget ε of the noise drawn, once, for each release's
    /// contribution to the cross-organisation totals; 0 turns noise off.
    pub noise_epsilon: f64,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            cache_bytes: 64 * 1024 * 1024,
            queue_capacity: 4096,
            metrics: Arc::new(Metrics::default()),
            noise_epsilon: 1.0,
        }
    }
}

/// Where the store lives: an embedded sled directory (the default), or a
/// PostgreSQL database that several instances share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sled(PathBuf),
    /// A `postgres://` or `postgresql://` connection URL.
    Postgres(String),
}

impl Location {
    /// The store named by `--store` (`sled`, or a PostgreSQL URL), with the
    /// data directory for sled. `None` when `store` is neither.
    pub fn parse(store: Option<&str>, data_dir: &Path) -> Option<Self> {
        match store.map(str::trim) {
            None | Some("") | Some("sled") => Some(Self::Sled(data_dir.to_owned())),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Some(Self::Postgres(url.to_owned()))
            }
            Some(_) => None,
        }
    }

    /// The location for messages: a PostgreSQL URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Self::Sled(dir) => dir.display().to_string(),
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
}

impl Store {
    /// Open (or create) the store at `location` and start its writer
    /// thread. On PostgreSQL, migrations are applied first.
    pub fn open(
        location: &Location,
        options: &StoreOptions,
        vault: Arc<Vault>,
        signer: Arc<LogSigner>,
    ) -> Result<Self, StoreError> {
        let (db, dir) = match location {
            Location::Sled(dir) => (Kv::Sled(open_sled(dir, options.cache_bytes)?), Some(dir)),
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
            noise: db.open_tree("noise")?,
            token_keys: db.open_tree("token_keys")?,
            retired_keys: db.open_tree("retired_keys")?,
            checkpoints: db.open_tree("checkpoints")?,
        };
        let failed = Arc::new(AtomicBool::new(false));
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
        })
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

    /// A consistent snapshot of every tree, taken by the writer between
    /// commits (so no write is half in it), after its last flush. Holds no
    /// key: keys live in the key directory. Format in [`backup`].
    pub async fn backup(&self) -> Result<Vec<u8>, StoreError> {
        match self.write(Op::Backup).await? {
            Outcome::Backup(bytes) => Ok(bytes),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
    }

    /// Wait until every write queued before this call is committed,
    /// flushed and fsynced (graceful shutdown).
    pub async fn drain(&self) -> Result<(), StoreError> {
        self.write(Op::Flush).await.map(|_| ())
    }

    /// Whether the store still accepts writes.
    pub fn healthy(&self) -> bool {
        !self.failed.load(Ordering::Acquire)
    }

    /// Writes waiting for the writer.
    pub fn queue_depth(&self) -> usize {
        self.queue.max_capacity() - self.queue.capacity()
    }

    async fn write(&self, op: Op) -> Result<Outcome, StoreError> {
        if !self.healthy() {
            return Err(StoreError::Unavailable);
        }
        let (reply, answer) = oneshot::channel();
        self.queue
            .try_send(Job { op, reply })
            .map_err(|e| match e {
                mpsc::error::TrySendError::Full(_) => StoreError::Busy,
                mpsc::error::TrySendError::Closed(_) => StoreError::Unavailable,
            })?;
        answer.await.map_err(|_| StoreError::Unavailable)?
    }

    pub async fn create_organisation(&self, org: Organisation) -> Result<(), StoreError> {
        let value = records::to_json(&org)?;
        self.write(Op::CreateOrganisation {
            slug: org.slug,
            value,
        })
        .await
        .map(|_| ())
    }

    pub async fn create_round(&self, round: Round) -> Result<(), StoreError> {
        self.write(Op::CreateRound(round)).await.map(|_| ())
    }

    /// Change a round under the rules of [`RoundUpdate::apply`], atomically.
    pub async fn update_round(&self, slug: Slug, update: RoundUpdate) -> Result<Round, StoreError> {
        match self.write(Op::UpdateRound(slug, update)).await? {
            Outcome::Round(r) => Ok(*r),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
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
        match self.write(Op::IssueCodes { round, hashes }).await? {
            Outcome::Issued(n) => Ok(n),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
    }

    /// Spend `redemption` and store `submission`, sealed, in the open period
    /// of its round as of `today`, atomically and durably. `Ok` means the
    /// critique is on disk.
    pub async fn submit(
        &self,
        redemption: Redemption,
        submission: Submission,
        today: Date,
    ) -> Result<Receipt, StoreError> {
        let credential = match redemption {
            Redemption::PaperCode(code) => Credential::Code(*code.as_bytes()),
            Redemption::PrivacyPass(token) => Credential::Nonce {
                key: *token.key_id(),
                nonce: *token.nonce(),
            },
        };
        let rng = |_| StoreError::Io("random generator failed".into());
        let op = Op::Submit {
            credential,
            id: *uuid::Uuid::new_v4().as_bytes(),
            salt: crate::secrets::random::bytes::<32>().map_err(rng)?,
            today,
            submission,
        };
        match self.write(op).await? {
            Outcome::Receipt(r) => Ok(r),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
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
        match self
            .write(Op::Seal {
                today,
                close_now,
                only,
            })
            .await?
        {
            Outcome::Sealed(n) => Ok(n),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
    }

    /// Seal what is due, if anything is: a cheap read first, so readers of
    /// digests only queue a write when a period has just ended.
    pub async fn seal_due(&self, today: Date) -> Result<(), StoreError> {
        if self.due(today)? {
            self.seal(today, false).await?;
        }
        Ok(())
    }

    /// Whether some period has ended but is not sealed yet, or some sealed
    /// period's text is past its retention.
    pub fn due(&self, today: Date) -> Result<bool, StoreError> {
        for round in self.rounds()? {
            for counts in self.period_counts(&round.slug)? {
                let Some(period) = Period::from_id(&counts.period_id, round.period) else {
                    continue;
                };
                match self.sealed_period(&round.slug, &counts.period_id)? {
                    None if period.has_ended(today) => return Ok(true),
                    Some(s) if !s.shredded && writer::past_retention(&round, period, today) => {
                        return Ok(true)
                    }
                    _ => {}
                }
            }
        }
        Ok(false)
    }

    pub fn sealed_period(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Option<SealedPeriod>, StoreError> {
        records::get_json(
            &self.trees.periods,
            &records::round_period(round.as_str(), period),
        )
    }

    /// Every sealed period of `round`, oldest first.
    pub fn sealed_periods(&self, round: &Slug) -> Result<Vec<SealedPeriod>, StoreError> {
        let prefix = format!("{round}\0");
        self.trees
            .periods
            .scan_prefix(prefix.as_bytes())?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// Every sealed period, in log order.
    pub fn all_sealed_periods(&self) -> Result<Vec<SealedPeriod>, StoreError> {
        let mut all: Vec<SealedPeriod> = self
            .trees
            .periods
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect::<Result<_, StoreError>>()?;
        all.sort_by_key(|p| p.head);
        Ok(all)
    }

    /// The noise drawn for the release made when `period` of `round` was
    /// sealed (none if noise was off or the period rolled).
    pub fn noise(
        &self,
        round: &str,
        period: &str,
    ) -> Result<Option<crate::digest::NoiseDraws>, StoreError> {
        records::get_json(&self.trees.noise, &records::round_period(round, period))
    }

    /// The frozen digests of `round`'s sealed periods.
    pub fn sealed_digests(&self, round: &Slug) -> Result<Vec<SealedDigest>, StoreError> {
        self.sealed_periods(round)?
            .iter()
            .map(|p| records::from_json(p.digest_json.as_bytes()))
            .collect()
    }

    /// Every signed tree head, oldest first.
    pub fn tree_heads(&self) -> Result<Vec<TreeHead>, StoreError> {
        self.trees
            .log_heads
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// Leaves in the log.
    pub fn log_size(&self) -> Result<u64, StoreError> {
        Ok(self.trees.log_leaves.len()? as u64)
    }

    /// Leaves `start..end` as their canonical JSON.
    pub fn leaves(&self, start: u64, end: u64) -> Result<Vec<String>, StoreError> {
        self.trees
            .log_leaves
            .range(&start.to_be_bytes(), &end.to_be_bytes())?
            .into_iter()
            .map(|(_, v)| String::from_utf8(v).map_err(|_| StoreError::Io("bad leaf".into())))
            .collect()
    }

    /// The hashes of the first `size` leaves.
    pub fn leaf_hashes(&self, size: u64) -> Result<Vec<Hash>, StoreError> {
        self.trees
            .log_leaves
            .range(&0u64.to_be_bytes(), &size.to_be_bytes())?
            .iter()
            .map(|(_, v)| Ok(merkle::leaf_hash(v)))
            .collect()
    }

    pub fn log_public_key(&self) -> &[u8] {
        &self.log_public_key
    }

    /// The texts of `round`'s critiques in `period`, decrypted (for the
    /// host's moderation and for tests). Fails once the period is shredded.
    pub fn critique_texts(&self, round: &Slug, period: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .themed_texts(round, period)?
            .into_iter()
            .map(|(_, text)| text)
            .collect())
    }

    /// Each critique of `round` in `period` as (its themes, its text),
    /// decrypted, in the members' (random id) order; none once the period
    /// is shredded. Records that do not open as stored (changed or added
    /// without the keys, issue 17) are left out, with a warning.
    pub fn themed_texts(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Vec<(Vec<String>, String)>, StoreError> {
        let prefix = records::member_key(round.as_str(), period, &[0; 16]);
        let prefix = &prefix[..prefix.len() - 16];
        let mut texts = Vec::new();
        let mut refused = 0;
        for (k, _) in self.trees.members.scan_prefix(prefix)? {
            let id = &k[prefix.len()..];
            let stored: StoredCritique = records::get_json(&self.trees.critiques, id)?
                .ok_or_else(|| StoreError::Io("member without critique".into()))?;
            match stored.open(&self.vault, id) {
                Ok((record, _)) => texts.push((record.themes, record.text)),
                Err(_) => refused += 1,
            }
        }
        if refused > 0 {
            tracing::warn!(
                refused,
                "critique records that do not open as stored were left out"
            );
        }
        Ok(texts)
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
        match self
            .write(Op::CreateInvitations {
                round,
                hashes,
                tokens,
            })
            .await?
        {
            Outcome::Issued(n) => Ok(n),
            _ => Err(StoreError::Io("unexpected writer outcome".into())),
        }
    }

    /// Tokens left on an invitation and its round, read without the writer:
    /// a cheap pre-check so that unknown invitations cost no signing. Only
    /// [`Store::consume_invitation`] decides.
    pub fn invitation(&self, hash: &InvitationHash) -> Result<Option<(u32, String)>, StoreError> {
        Ok(self
            .trees
            .invitations
            .get(hash.as_bytes())?
            .and_then(|v| writer::decode_invitation(&v)))
    }

    /// Take one token off an invitation, atomically and durably.
    pub async fn consume_invitation(&self, hash: &InvitationHash) -> Result<(), StoreError> {
        self.write(Op::ConsumeInvitation(*hash.as_bytes()))
            .await
            .map(|_| ())
    }

    /// Spent Privacy Pass nonces across all keys (for tests and audits).
    pub fn spent_nonce_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for name in self.db.tree_names()? {
            if name.starts_with(NONCE_TREE_PREFIX) {
                n += self.db.open_tree(&name)?.len()?;
            }
        }
        Ok(n)
    }

    /// Every invitation record, raw (for tests and audits: it shows that
    /// only a keyed hash, a count and the round are kept).
    pub fn invitation_records(&self) -> Result<Vec<RawRecord>, StoreError> {
        self.trees.invitations.iter()
    }

    pub fn organisation(&self, slug: &str) -> Result<Option<Organisation>, StoreError> {
        records::get_json(&self.trees.organisations, slug.as_bytes())
    }

    /// Every organisation, by slug.
    pub fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        self.trees
            .organisations
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// Invitations made for `round`, and how many of them are used up.
    pub fn invitation_stats(&self, round: &Slug) -> Result<(u64, u64), StoreError> {
        let (mut made, mut used_up) = (0, 0);
        for (_, v) in self.trees.invitations.iter()? {
            if let Some((left, r)) = writer::decode_invitation(&v) {
                if r == round.as_str() {
                    made += 1;
                    used_up += u64::from(left == 0);
                }
            }
        }
        Ok((made, used_up))
    }

    /// Open `round` now (as its first codes or invitations would): from
    /// then on its rules only tighten.
    pub async fn open_round(&self, round: Slug) -> Result<(), StoreError> {
        self.write(Op::OpenRound(round)).await.map(|_| ())
    }

    pub fn round(&self, slug: &str) -> Result<Option<Round>, StoreError> {
        records::get_json(&self.trees.rounds, slug.as_bytes())
    }

    /// Every round, by slug.
    pub fn rounds(&self) -> Result<Vec<Round>, StoreError> {
        self.trees
            .rounds
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// Every round about `organisation`, by slug.
    pub fn rounds_of(&self, organisation: &Slug) -> Result<Vec<Round>, StoreError> {
        Ok(self
            .rounds()?
            .into_iter()
            .filter(|r| &r.organisation == organisation)
            .collect())
    }

    pub fn round_stats(&self, round: &Slug) -> Result<RoundStats, StoreError> {
        let get = |kind| records::get_counter(&self.trees.counters, &counter_key(kind, round));
        Ok(RoundStats {
            critiques: get(CounterKind::Critiques)?,
            codes_issued: get(CounterKind::CodesIssued)?,
            codes_spent: get(CounterKind::CodesSpent)?,
        })
    }

    /// Per-period counts for `round`, kept up to date by the writer so that
    /// reading them never scans critiques.
    pub fn period_counts(&self, round: &Slug) -> Result<Vec<PeriodCounts>, StoreError> {
        records::period_counts(&self.trees.counters, round)
    }

    /// The sealed records of `round`'s critiques in `period`, with the
    /// context each is bound to: what a thief of the data directory holds.
    /// For tests that check shredding makes them unreadable.
    pub fn sealed_records(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Vec<(String, crate::secrets::vault::Sealed)>, StoreError> {
        let prefix = format!("{round}\0{period}\0");
        let mut out = Vec::new();
        for (k, _) in self.trees.members.scan_prefix(prefix.as_bytes())? {
            let id = &k[prefix.len()..];
            if let Some(stored) = records::get_json::<StoredCritique>(&self.trees.critiques, id)? {
                out.push((stored.context(id), stored.sealed));
            }
        }
        Ok(out)
    }

    /// Number of stored critiques (for tests and the host's overview).
    pub fn critique_count(&self) -> Result<usize, StoreError> {
        self.trees.critiques.len()
    }

    /// Number of spent codes across all rounds (for tests and audits).
    pub fn spent_code_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for (_, v) in self.trees.codes.iter()? {
            n += usize::from(v.first() == Some(&1));
        }
        Ok(n)
    }
}

/// Whether the critique record `value` (stored under `id`) opens as
/// stored, with the keys in `vault` (for `parrhesia audit`).
pub fn critique_opens(vault: &Vault, id: &[u8], value: &[u8]) -> bool {
    records::from_json::<StoredCritique>(value)
        .and_then(|stored| stored.open(vault, id))
        .is_ok()
}

/// Open a stopped server's store read-only in spirit (nothing is written)
/// and hand every record of every tree to `f` as (tree, key, value). Used by
/// `parrhesia audit`; fails while a server holds the store.
pub fn scan_raw(dir: &Path, mut f: impl FnMut(&str, &[u8], &[u8])) -> Result<(), StoreError> {
    if !dir.join("db").exists() {
        return Err(StoreError::NotFound("store"));
    }
    let db = sled::Config::new()
        .path(dir)
        .segment_size(8 * 1024 * 1024)
        .open()
        .map_err(|e| StoreError::Io(format!("{e} (is the server still running?)")))?;
    let kv = Kv::Sled(db);
    for name in kv.tree_names()? {
        for (k, v) in kv.open_tree(&name)?.iter()? {
            f(&name, &k, &v);
        }
    }
    Ok(())
}

/// Open a sled directory the way the store uses it.
fn open_sled(dir: &Path, cache_bytes: u64) -> Result<sled::Db, StoreError> {
    Ok(sled::Config::new()
        .path(dir)
        .cache_capacity(cache_bytes)
        // Only the writer flushes, right after each commit; sled's own
        // background flusher would race it (see writer.rs).
        .flush_every_ms(None)
        // Large segments keep every node inline in the `db` file, so the
        // writer's fsync of that file covers it (sled writes "blobs" for
        // items over a quarter segment, and never fsyncs them).
        .segment_size(8 * 1024 * 1024)
        .open()?)
}
