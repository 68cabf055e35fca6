//! The single writer thread: it takes batches from the [`super::queue`],
//! applies each in one transaction ([`super::apply`]), makes it durable,
//! answers, and between batches runs the background work a step at a
//! time: the rewrite of a closing epoch ([`super::merge`]) and sealing
//! ([`super::seal`]). Submissions keep flowing meanwhile: a step is one
//! bounded transaction.
//!
//! Why one thread: redb runs one write transaction at a time anyway, and
//! one writer makes double-spending impossible by construction on the
//! embedded store: every check-and-spend runs in one transaction on one
//! thread. (sled 0.34.7, the embedded store before redb, deadlocked with
//! many writing tasks.)
//!
//! Why group commit: a durable write needs an fsync, which costs the same
//! for one critique or a thousand. Each batch is one transaction, committed
//! durably (redb's commit ends in our `fsync`, after the file's times are
//! set to the open epoch's start: [`super::embedded`]); only then is anyone
//! in the batch told "received".
//!
//! After any I/O failure the writer refuses all further writes (answering
//! "unavailable") until restart, so nothing is acknowledged on top of a
//! state that may not have reached the disk. A failure of background work
//! never changes an answer already earned: a batch is answered when it is
//! durable, before any step runs.

use super::apply::Tx;
use super::epoch::{self, Entry, Live, MixedWrite, Sides};
use super::kv::{Kv, Tree, WriteConn};
use super::queue::{self, Credential, Job, Reply, Taken, Write};
use super::{StoreError, Trees};
use crate::audit::log::LogSigner;
use crate::digest::disclosure::Noise;
use crate::metrics::Metrics;
use crate::secrets::vault::Vault;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};
use time::Date;
use tokio::sync::mpsc;

mod keys;
mod tlog;

pub(super) use tlog::{checkpoint_record, marker_due, week};

/// When mixing epochs close (see [`super`]'s module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochOptions {
    /// Seconds an epoch stays open at least.
    pub min_secs: u64,
    /// Critiques a round needs in an epoch before they are rewritten;
    /// `None`: the round's k (its smallest published group).
    pub min_critiques: Option<u64>,
}

impl Default for EpochOptions {
    fn default() -> Self {
        Self {
            min_secs: 3600,
            min_critiques: None,
        }
    }
}

/// What the writer thread is built from (its connection is made on the
/// thread itself: the PostgreSQL client must not run in an async runtime).
pub(super) struct Parts {
    pub kv: Kv,
    /// The embedded store's data directory; `None` on PostgreSQL.
    pub dir: Option<PathBuf>,
    pub trees: Trees,
    pub vault: Arc<Vault>,
    pub signer: Arc<LogSigner>,
    pub failed: Arc<AtomicBool>,
    pub metrics: Arc<Metrics>,
    pub noise: Option<Noise>,
    pub live: Arc<RwLock<Live>>,
    pub epochs: EpochOptions,
    /// Set while a sealing is under way (readers then do not wait for it).
    pub sealing: Arc<AtomicBool>,
    /// Signalled when the writer has ended.
    pub ended: Arc<Ended>,
    /// The time the embedded store's file is given at every sync.
    pub file_time: super::embedded::FileTime,
}

/// Signalled when the writer thread has ended, and with it its handles to
/// the store ([`super::Store::on_close`]).
#[derive(Default)]
pub struct Ended {
    done: Mutex<bool>,
    signal: Condvar,
}

impl Ended {
    fn set(&self) {
        *self.done.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.signal.notify_all();
    }

    /// Wait up to `timeout` for the writer thread to end; whether it has.
    pub fn wait(&self, timeout: Duration) -> bool {
        let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        let (done, _) = self
            .signal
            .wait_timeout_while(done, timeout, |done| !*done)
            .unwrap_or_else(|e| e.into_inner());
        *done
    }
}

struct SetOnDrop(Arc<Ended>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.set();
    }
}

/// The writer thread's state.
pub(super) struct Writer {
    pub kv: Kv,
    pub conn: WriteConn,
    file_time: super::embedded::FileTime,
    dir: Option<PathBuf>,
    pub trees: Trees,
    pub vault: Arc<Vault>,
    pub signer: Arc<LogSigner>,
    failed: Arc<AtomicBool>,
    pub metrics: Arc<Metrics>,
    pub noise: Option<Noise>,
    pub live: Arc<RwLock<Live>>,
    pub epochs: EpochOptions,
    pub merge: Option<super::merge::Merge>,
    pub planner: super::seal::Planner,
    /// Rotation requests waiting for the rewrite in progress to end.
    rotations: Vec<Reply<bool>>,
    /// Appends to the log waiting for the sealing to stop writing leaves.
    log_jobs: tlog::LogJobs,
    /// The latest day a job carried (to make data keys when a round opens).
    today: Option<Date>,
}

/// Start the writer thread; returns once it is connected, has recovered
/// the epochs and is running.
pub(super) fn spawn(parts: Parts, jobs: mpsc::Receiver<Job>) -> Result<(), StoreError> {
    let (ready, started) = std::sync::mpsc::sync_channel(1);
    let ended = parts.ended.clone();
    std::thread::Builder::new()
        .name("parrhesia-writer".into())
        .spawn(move || {
            // Signalled however the thread ends, a panic included.
            // (Declared first, so dropped last: after the writer's handles.)
            let _ended = SetOnDrop(ended);
            match Writer::new(parts) {
                Ok(writer) => {
                    let _ = ready.send(Ok(()));
                    writer.run(jobs);
                }
                Err(e) => {
                    let _ = ready.send(Err(e));
                }
            }
        })
        .map_err(|e| StoreError::Io(e.to_string()))?;
    started
        .recv()
        .map_err(|_| StoreError::Io("the writer thread stopped".into()))?
}

impl Writer {
    fn new(parts: Parts) -> Result<Self, StoreError> {
        let mut w = Self {
            conn: parts.kv.writer()?,
            kv: parts.kv,
            file_time: parts.file_time,
            dir: parts.dir,
            trees: parts.trees,
            vault: parts.vault,
            signer: parts.signer,
            failed: parts.failed,
            metrics: parts.metrics,
            noise: parts.noise,
            live: parts.live,
            epochs: parts.epochs,
            merge: None,
            planner: super::seal::Planner::new(parts.sealing),
            rotations: Vec::new(),
            log_jobs: tlog::LogJobs::default(),
            today: None,
        };
        w.conn.lock()?;
        let recovered = w
            .recover_epochs()
            .and_then(|()| w.recover_sealing())
            .and_then(|()| super::legacy::fold_about_you(&mut w.conn, &w.kv))
            .and_then(|()| w.backfill_at_start());
        let unlocked = w.conn.unlock();
        recovered?;
        unlocked?;
        w.flush()?;
        w.set_times()?;
        Ok(w)
    }

    /// Log the answers stored before their leaves existed, now if no other
    /// instance is appending (never waiting for it under the write lock),
    /// or else as the first log job.
    fn backfill_at_start(&mut self) -> Result<(), StoreError> {
        if !self.conn.try_seal_lock()? {
            self.log_jobs.push(queue::LogJob::Backfill);
            return Ok(());
        }
        let done = self.backfill_answers();
        let released = self.conn.seal_unlock();
        done.and(released)
    }

    fn run(mut self, mut jobs: mpsc::Receiver<Job>) {
        loop {
            match queue::take(&mut jobs, !self.busy()) {
                Taken::Closed => break,
                Taken::Empty => {}
                Taken::Batch(batch) => self.handle(batch),
            }
            if self.busy() && !self.failed() {
                let stepped = self.step();
                self.bump_generation();
                match stepped {
                    Ok(true) => {}
                    // Waiting on another instance (PostgreSQL): do not spin.
                    Ok(false) => std::thread::sleep(std::time::Duration::from_millis(20)),
                    Err(e) => self.fail(&e),
                }
            }
        }
        // Every handle is gone: the server is shutting down. Background
        // work resumes at the next start; every commit is already durable.
        // Dropping the writer closes the store's file.
    }

    fn failed(&self) -> bool {
        self.failed.load(Ordering::Acquire)
    }

    fn fail(&mut self, e: &StoreError) {
        if !matches!(e, StoreError::Unavailable) {
            tracing::error!(error = %e, "store write failed; refusing writes until restart");
        }
        self.failed.store(true, Ordering::Release);
        self.planner.refuse_all();
        if let Some(m) = &mut self.merge {
            for r in m.waiting.drain(..) {
                r.send_now(Err(StoreError::Unavailable));
            }
        }
        for r in self.rotations.drain(..) {
            r.send_now(Err(StoreError::Unavailable));
        }
        self.log_jobs.refuse_all(|| StoreError::Unavailable);
    }

    /// Whether background work is waiting.
    fn busy(&self) -> bool {
        self.merge.is_some()
            || self.planner.busy()
            || !self.rotations.is_empty()
            || !self.log_jobs.is_empty()
    }

    /// One step of background work, as the only writer among instances
    /// sharing the store; whether anything moved.
    fn step(&mut self) -> Result<bool, StoreError> {
        self.conn.lock()?;
        let result = self.step_locked();
        let unlocked = self.conn.unlock();
        let moved = result?;
        unlocked?;
        Ok(moved)
    }

    fn step_locked(&mut self) -> Result<bool, StoreError> {
        if self.merge.is_some() {
            self.merge_step()?;
            return Ok(true);
        }
        if !self.rotations.is_empty() {
            let rotated = self.rotate(&[])?;
            let waiting = std::mem::take(&mut self.rotations);
            match self.merge.as_mut() {
                Some(m) if rotated => m.waiting.extend(waiting),
                _ => waiting.into_iter().for_each(|r| r.send_now(Ok(false))),
            }
            return Ok(true);
        }
        if self.run_log_jobs()? {
            return Ok(true);
        }
        self.seal_step()
    }

    fn handle(&mut self, batch: Vec<Job>) {
        if self.failed() {
            for job in batch {
                job.refuse(StoreError::Unavailable);
            }
            return;
        }
        let mut writes = Vec::new();
        let mut after = Vec::new();
        let mut backups = Vec::new();
        let mut flushes = Vec::new();
        for job in batch {
            match job {
                Job::Write(w) => writes.push(w),
                job @ (Job::Staff(..)
                | Job::Voices(..)
                | Job::RetireTokenKeys(..)
                | Job::AddCosignatures { .. }) => after.push(job),
                Job::Seal(request, reply) => {
                    self.today = self.today.max(Some(request.today));
                    self.planner.push(request, reply)
                }
                Job::Log(job) => self.log_jobs.push(job),
                Job::Backup(reply) => backups.push(reply),
                Job::Flush(reply) => flushes.push(reply),
                Job::Rotate(today, reply) => {
                    self.today = self.today.max(Some(today));
                    self.prepare_keys(today);
                    if let Err(e) = self.set_times() {
                        tracing::warn!(error = %e, "could not set the files' times");
                    }
                    self.rotations.push(reply);
                }
            }
        }
        let started = Instant::now();
        match self.commit(&writes, &after) {
            Ok(added) => {
                self.metrics.commit_took(started.elapsed());
                {
                    let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
                    if let Some(open) = live.open.as_mut() {
                        for e in &added {
                            open.tally.apply(e, Sides::BOTH, 1);
                        }
                    }
                }
                self.bump_generation();
                let mut opened = false;
                for w in writes {
                    match &w {
                        Write::IssueCodes { reply, .. } => {
                            if let Some(n) = reply.peek() {
                                self.metrics.codes_issued(n as u64);
                            }
                            opened = true;
                        }
                        Write::CreateInvitations { .. } | Write::OpenRound(..) => opened = true,
                        _ => {}
                    }
                    w.send();
                }
                // A round just opened gets its data keys now, not at its
                // first critique.
                if let (true, Some(today)) = (opened, self.today) {
                    self.prepare_keys(today);
                    if let Err(e) = self.set_times() {
                        tracing::warn!(error = %e, "could not set the files' times");
                    }
                }
                for job in after {
                    match job {
                        Job::Staff(_, r)
                        | Job::Voices(_, r)
                        | Job::RetireTokenKeys(_, r)
                        | Job::AddCosignatures { reply: r, .. } => r.send(),
                        other => other.refuse(StoreError::Unavailable),
                    }
                }
                // After the flush: the snapshot holds exactly what is
                // durable, and nothing else writes while it is taken.
                for reply in backups {
                    reply.send_now(super::backup::export(&self.kv));
                }
                for reply in flushes {
                    reply.send_now(Ok(()));
                }
                if let Err(e) = self.maybe_rotate() {
                    self.fail(&e);
                }
            }
            Err(e) => {
                self.fail(&e);
                let jobs = writes
                    .into_iter()
                    .map(Job::Write)
                    .chain(after)
                    .chain(backups.into_iter().map(Job::Backup))
                    .chain(flushes.into_iter().map(Job::Flush));
                for job in jobs {
                    job.refuse(StoreError::Unavailable);
                }
            }
        }
    }

    /// Commit the writes in one transaction and the staff and voice jobs
    /// each in their own, as the only writer among the instances sharing
    /// the store (see [`WriteConn::lock`]); then flush and fsync. Returns
    /// the records the batch added to the open epoch.
    fn commit(&mut self, writes: &[Write], after: &[Job]) -> Result<Vec<Entry>, StoreError> {
        self.conn.lock()?;
        let result = self.commit_locked(writes, after);
        let unlocked = self.conn.unlock();
        let added = result?;
        unlocked?;
        self.flush()?;
        Ok(added)
    }

    fn commit_locked(&mut self, writes: &[Write], after: &[Job]) -> Result<Vec<Entry>, StoreError> {
        self.refresh_epochs()?;
        let mut added = Vec::new();
        if !writes.is_empty() {
            let (open, closing) = {
                let live = self.live.read().unwrap_or_else(|e| e.into_inner());
                (
                    live.open.as_ref().map(|v| v.key.clone()),
                    live.closing.as_ref().map(|(v, _)| v.key.clone()),
                )
            };
            let open = open.ok_or_else(|| StoreError::Io("no open epoch".into()))?;
            let trees = self.batch_trees(writes, &open, closing.as_deref())?;
            let refs: Vec<&Tree> = trees.iter().collect();
            let vault = &self.vault;
            added = self.conn.transaction(&refs, |txn| {
                let mut tx = Tx {
                    txn,
                    vault,
                    open: &open,
                    closing: closing.as_deref(),
                    added: Vec::new(),
                    rounds: Default::default(),
                };
                for w in writes {
                    tx.apply(w)?;
                }
                Ok(tx.added)
            })?;
        }
        for job in after {
            match job {
                Job::Staff(op, reply) => reply.set(super::staff::apply(
                    &mut self.conn,
                    [&self.trees.users, &self.trees.staff_log, &self.trees.mail],
                    op,
                )?),
                Job::Voices(op, reply) => {
                    reply.set(super::voices::apply(&mut self.conn, &self.kv, op)?)
                }
                Job::RetireTokenKeys(ids, reply) => {
                    self.retire_token_keys(ids)?;
                    reply.set(Ok(()));
                }
                Job::AddCosignatures { size, lines, reply } => {
                    reply.set(self.add_cosignatures(*size, lines)?)
                }
                _ => {}
            }
        }
        Ok(added)
    }

    /// Every tree a batch's transaction may touch (redb opens each).
    fn batch_trees(
        &self,
        writes: &[Write],
        open: &crate::secrets::vault::EpochKey,
        closing: Option<&crate::secrets::vault::EpochKey>,
    ) -> Result<Vec<Tree>, StoreError> {
        let mut names: BTreeSet<String> = [
            super::apply::ORGS,
            super::apply::ROUNDS,
            super::apply::CODES,
            super::apply::CRITIQUES,
            super::apply::COUNTERS,
            super::apply::PERIODS,
            super::apply::INVITATIONS,
            super::apply::CLOSING,
            super::apply::RETIRED,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        names.insert(epoch::area_name(open.id()));
        if let Some(c) = closing {
            names.insert(epoch::area_name(c.id()));
        }
        for w in writes {
            let mixed: &[MixedWrite] = match w {
                Write::Submit(a, _) => {
                    if let Credential::Nonce { key, .. } = &a.credential {
                        names.insert(super::nonce_tree_name(key));
                    }
                    &a.also
                }
                Write::Mix(a, _) => &a.writes,
                _ => &[],
            };
            names.extend(mixed.iter().map(|m| m.tree().to_owned()));
        }
        names.iter().map(|n| self.kv.open_tree(n)).collect()
    }

    /// Close the open epoch if it is old enough and some round has enough
    /// critiques in it (a cheap look at the tally first).
    fn maybe_rotate(&mut self) -> Result<(), StoreError> {
        if self.merge.is_some() {
            return Ok(());
        }
        let counts: Vec<(String, u64)> = {
            let live = self.live.read().unwrap_or_else(|e| e.into_inner());
            match &live.open {
                Some(v)
                    if v.started
                        .elapsed()
                        .is_ok_and(|e| e.as_secs() >= self.epochs.min_secs) =>
                {
                    let rounds: BTreeSet<&String> =
                        v.tally.periods.keys().map(|(r, _)| r).collect();
                    rounds
                        .into_iter()
                        .map(|r| (r.clone(), v.tally.critiques_of(r)))
                        .collect()
                }
                _ => Vec::new(),
            }
        };
        let mut due = false;
        for (round, n) in counts {
            due |= n >= self.min_critiques(&round)?;
        }
        if due {
            self.conn.lock()?;
            let rotated = self.rotate(&[]);
            let unlocked = self.conn.unlock();
            rotated?;
            unlocked?;
        }
        Ok(())
    }

    /// Make the data keys of every opened round's period around `today`
    /// and the next, ahead of need (failures are logged: a missing key is
    /// made when first used).
    fn prepare_keys(&self, today: Date) {
        let Ok(rounds) = self.trees.rounds.iter() else {
            return;
        };
        for (_, v) in rounds {
            let Ok(round) = super::records::from_json::<crate::domain::Round>(&v) else {
                continue;
            };
            if !round.opened {
                continue;
            }
            let now = crate::domain::Period::containing(today, round.period);
            let next = crate::domain::Period::containing(
                now.last_day() + time::Duration::days(1),
                round.period,
            );
            for p in [now, next] {
                if let Err(e) = self.vault.prepare(round.slug.as_str(), &p.id()) {
                    tracing::warn!(error = %e, "could not make a data key ahead of need");
                }
            }
        }
    }

    /// Readers' cached tallies are stale from now on.
    fn bump_generation(&self) {
        self.live
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .generation
            .fetch_add(1, Ordering::Release);
    }

    /// What the live epochs hold, as readers see it.
    pub(super) fn view(&self) -> super::reads::View<'_> {
        super::reads::View {
            kv: &self.kv,
            trees: &self.trees,
            vault: &self.vault,
            live: &self.live,
        }
    }

    /// Make everything committed durable, with the epoch's file times.
    pub(super) fn flush(&mut self) -> Result<(), StoreError> {
        // Every commit is durable when it returns (redb's, with our fsync;
        // PostgreSQL's). What is left is the time the next sync gives the
        // file, should the open epoch have changed.
        self.file_time.set(self.started());
        Ok(())
    }

    /// The open epoch's start (every file's time).
    fn started(&self) -> SystemTime {
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        live.open
            .as_ref()
            .map_or(SystemTime::UNIX_EPOCH, |v| v.started)
    }

    /// Set the times of every file of the data directory (embedded) and of the
    /// key directory to the open epoch's start.
    pub(super) fn set_times(&mut self) -> Result<(), StoreError> {
        let t = self.started();
        self.file_time.set(t);
        let io = |e: std::io::Error| StoreError::Io(e.to_string());
        if let Some(dir) = &self.dir {
            super::times::set_all(dir, t).map_err(io)?;
        }
        super::times::set_all(self.vault.key_dir().path(), t).map_err(io)
    }
}
