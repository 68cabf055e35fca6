//! The sealing planner: seals ended periods and shreds expired ones a
//! bounded step at a time, between batches, so submissions keep flowing.
//!
//! Sealing one period of one round:
//! 1. **Mark** it closing (tree `closing`): from then on no record lands in
//!    it ([`super::apply::open_period`] skips it).
//! 2. **Drain**: its round's records of that period and earlier still in a
//!    live epoch are forced out (a rotation, then the rewrite).
//! 3. **Snapshot** its members a piece at a time, opening each critique's
//!    record: only records that open as stored and agree with their clear
//!    fields are counted and logged (issue 17: clear fields and counters
//!    are not trusted). The commitments are shuffled: their order in the
//!    log says nothing about arrival.
//! 4. **Leaves**, a few thousand per transaction, past the last signed
//!    head (the week's marker first, if the log has none for the week the
//!    sealing began in); the Merkle frontier is kept in memory.
//! 5. **Head**: the digest, the noise, the signed head and its C2SP
//!    checkpoint, the period's record, the log state and the end of the
//!    mark, in one transaction. Only then does the log grow for readers
//!    ([`LogState::size`]).
//!
//! A crash anywhere leaves the mark: the next start seals the period again
//! from the snapshot; leaves written past the last head are never read and
//! are written over. Other appends to the log (a round's token key, the
//! weekly marker: [`super::queue::LogJob`]) wait while a sealing is writing
//! leaves, so they never land among them.

use super::apply::{CLOSING, CRITIQUES, MEMBERS, PERIODS};
use super::kv::Tree;
use super::queue::{Reply, SealRequest};
use super::records::{self, counter_key, round_period, spent_key, CounterKind};
use super::writer::Writer;
use super::SealedPeriod;
use super::{PeriodCounts, StoreError};
use crate::audit::log::{Leaf, Totals, TreeHead};
use crate::audit::merkle::{self, Frontier, Hash};
use crate::digest::disclosure::questions::QuestionCounts;
use crate::digest::disclosure::{two_sided_geometric, Noise, RandomSource};
use crate::digest::{self, NoiseDraws, SealedDigest};
use crate::domain::{Period, Round};
use crate::encoding::{hash_from_hex, hex};
use ring::digest::SHA256;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use time::{Date, Duration};

/// Commitments read per snapshot step: each opens and checks a critique
/// record, so a step takes about 20 ms (16,384 took 375 ms, and every
/// submission arriving meanwhile waited for it).
const SNAPSHOT: usize = 512;
/// Leaves written per transaction (about 15 ms a step).
const LEAVES: usize = 1_024;
/// Critiques removed per shredding step.
const SHRED: usize = 4_096;

/// The tree and key of [`LogState`].
pub(super) const LOG_STATE: &str = "log_state";
pub(super) const STATE_KEY: &[u8] = b"state";

/// What appending to the log needs, kept small so that start-up and every
/// append read a few hundred bytes, never the leaves: the size readers see
/// (the last signed head's), the Merkle frontier, and the newest week
/// marker (issue 17).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct LogState {
    pub size: u64,
    frontier: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl LogState {
    pub(super) fn frontier(&self) -> Result<Frontier, StoreError> {
        let nodes = self
            .frontier
            .iter()
            .map(|h| hash_from_hex(h).ok_or_else(|| StoreError::Io("bad log state".into())))
            .collect::<Result<Vec<Hash>, _>>()?;
        Frontier::from_parts(self.size, nodes).ok_or_else(|| StoreError::Io("bad log state".into()))
    }

    pub(super) fn with(frontier: &Frontier, marker: Option<String>) -> Self {
        Self {
            size: frontier.size(),
            frontier: frontier.nodes().iter().map(|h| hex(h)).collect(),
            marker,
        }
    }

    /// The stored state; a store made before it existed has it built once
    /// from its leaves.
    pub(super) fn load(state: &Tree, leaves: &Tree) -> Result<Self, StoreError> {
        if let Some(s) = records::get_json(state, STATE_KEY)? {
            return Ok(s);
        }
        let mut f = Frontier::default();
        let mut marker = None;
        for (_, v) in leaves.iter()? {
            f.push(merkle::leaf_hash(&v));
            if let Ok(Leaf::Period { period }) = serde_json::from_slice(&v) {
                marker = Some(period);
            }
        }
        Ok(Self::with(&f, marker))
    }
}

/// One period's work.
enum Task {
    Seal {
        round: Round,
        period: Period,
        /// The last period of this round the run seals: the drain forces
        /// them all out of the live epochs at once.
        last: String,
        /// The week the sealing began in (its marker goes first in the log
        /// if the log has none for it); empty after a crash of a store
        /// marked before issue 17.
        week: String,
        /// The day the host closed the period before its end (issue 16,
        /// item 4): kept in the mark after the week, logged in the digest.
        early: Option<Date>,
        stage: Stage,
    },
    Shred {
        round: Round,
        period: Period,
        quotes_done: bool,
    },
}

/// Follows the week in a sealing's mark when the host closed the period
/// early, then the day of the close, so a sealing resumed after a crash
/// logs it as such, and submissions meanwhile go to the rest of the period.
const EARLY: &str = " early ";

/// A sealing's mark: the week it began in, and the day of an early close.
pub(super) fn split_mark(mark: &str) -> (&str, Option<&str>) {
    match mark.split_once(EARLY) {
        Some((week, day)) => (week, Some(day)),
        None => (mark, None),
    }
}

enum Stage {
    Mark,
    Drain,
    Snapshot {
        cursor: Vec<u8>,
        got: records::VerifiedPeriod,
    },
    Leaves {
        commitments: Vec<[u8; 32]>,
        next: usize,
        frontier: Frontier,
        /// What the opened records count, and what their answers count
        /// per question of the round (issue 20). (Boxed: a stage is kept
        /// in the planner's queue.)
        counted: Box<(PeriodCounts, Vec<QuestionCounts>)>,
        /// The week marker written first, if one was due.
        marker: Option<String>,
    },
}

/// A seal request being worked on.
struct Run {
    reply: Option<Reply<usize>>,
    tasks: VecDeque<Task>,
    sealed: usize,
    /// Periods whose data keys go once the run is durable.
    shredded: Vec<(String, String)>,
    locked: bool,
}

/// Seal requests waiting, and the one under way.
pub(super) struct Planner {
    sealing: Arc<AtomicBool>,
    queue: VecDeque<(SealRequest, Reply<usize>)>,
    run: Option<Run>,
}

impl Planner {
    pub(super) fn new(sealing: Arc<AtomicBool>) -> Self {
        Self {
            sealing,
            queue: VecDeque::new(),
            run: None,
        }
    }

    pub(super) fn push(&mut self, request: SealRequest, reply: Reply<usize>) {
        self.queue.push_back((request, reply));
        self.sealing.store(true, Ordering::Release);
    }

    pub(super) fn busy(&self) -> bool {
        self.run.is_some() || !self.queue.is_empty()
    }

    /// Whether a sealing has leaves past the last head: it holds a Merkle
    /// frontier no other append may move until its head is committed.
    pub(super) fn writing_leaves(&self) -> bool {
        self.run.as_ref().is_some_and(|r| {
            matches!(
                r.tasks.front(),
                Some(Task::Seal {
                    stage: Stage::Leaves { .. },
                    ..
                })
            )
        })
    }

    pub(super) fn refuse_all(&mut self) {
        if let Some(reply) = self.run.take().and_then(|r| r.reply) {
            reply.send_now(Err(StoreError::Unavailable));
        }
        for (_, reply) in self.queue.drain(..) {
            reply.send_now(Err(StoreError::Unavailable));
        }
        self.sealing.store(false, Ordering::Release);
    }
}

/// Whether `period` of `round` is past its retention on `today`.
pub(super) fn past_retention(round: &Round, period: Period, today: Date) -> bool {
    let weeks = i64::from(round.period.weeks()) * i64::from(round.retention_periods);
    today > period.last_day() + Duration::weeks(weeks)
}

impl Writer {
    /// Periods whose sealing a crash interrupted: sealed again first.
    pub(super) fn recover_sealing(&mut self) -> Result<(), StoreError> {
        let mut tasks = VecDeque::new();
        for (k, v) in self.kv.open_tree(CLOSING)?.iter()? {
            let text = String::from_utf8(k).map_err(|_| StoreError::Io("bad mark".into()))?;
            let Some((round, period)) = text.split_once('\0') else {
                continue;
            };
            let Some(round) = records::get_json::<Round>(&self.trees.rounds, round.as_bytes())?
            else {
                continue;
            };
            if let Some(period) = Period::from_id(period, round.period) {
                let mark = String::from_utf8(v).unwrap_or_default();
                let (week, early) = split_mark(&mark);
                let early = early.and_then(|day| Period::from_id(day, round.period));
                let (week, early) = (week.to_owned(), early.map(|p| p.start()));
                tasks.push_back(Task::Seal {
                    round,
                    last: period.id(),
                    week,
                    early,
                    period,
                    stage: Stage::Mark,
                });
            }
        }
        if !tasks.is_empty() {
            tracing::debug!(periods = tasks.len(), "resuming an interrupted sealing");
            self.planner.run = Some(Run {
                reply: None,
                tasks,
                sealed: 0,
                shredded: Vec::new(),
                locked: false,
            });
            self.planner.sealing.store(true, Ordering::Release);
        }
        Ok(())
    }

    /// One step of sealing; whether anything moved.
    pub(super) fn seal_step(&mut self) -> Result<bool, StoreError> {
        if self.planner.run.is_none() {
            let Some((request, reply)) = self.planner.queue.pop_front() else {
                return Ok(false);
            };
            let tasks = self.due_tasks(&request)?;
            if !tasks.is_empty() {
                tracing::debug!(periods = tasks.len(), "sealing started");
            }
            self.planner.run = Some(Run {
                reply: Some(reply),
                tasks,
                sealed: 0,
                shredded: Vec::new(),
                locked: false,
            });
        }
        let Some(run) = self.planner.run.as_mut() else {
            return Ok(false);
        };
        if !run.locked {
            // One instance seals at a time (PostgreSQL); the others wait.
            if !self.conn.try_seal_lock()? {
                return Ok(false);
            }
            run.locked = true;
        }
        let Some(task) = run.tasks.pop_front() else {
            return self.finish_run().map(|()| true);
        };
        match task {
            Task::Seal {
                round,
                period,
                last,
                week,
                early,
                stage,
            } => {
                if let Some(stage) =
                    self.seal_stage(&round, period, &last, (&week, early), stage)?
                {
                    self.push_front(Task::Seal {
                        round,
                        period,
                        last,
                        week,
                        early,
                        stage,
                    });
                }
            }
            Task::Shred {
                round,
                period,
                quotes_done,
            } => {
                if let Some(quotes_done) = self.shred_stage(&round, period, quotes_done)? {
                    self.push_front(Task::Shred {
                        round,
                        period,
                        quotes_done,
                    });
                }
            }
        }
        Ok(true)
    }

    fn push_front(&mut self, task: Task) {
        if let Some(run) = self.planner.run.as_mut() {
            run.tasks.push_front(task);
        }
    }

    fn finish_run(&mut self) -> Result<(), StoreError> {
        let Some(run) = self.planner.run.take() else {
            return Ok(());
        };
        self.flush()?;
        // Only once the store no longer holds their ciphertexts.
        for (round, period) in &run.shredded {
            self.vault
                .shred(round, period)
                .map_err(|e| StoreError::Io(e.to_string()))?;
        }
        if run.locked {
            self.conn.seal_unlock()?;
        }
        // Data keys were made for the periods that follow.
        self.set_times()?;
        self.metrics.periods_sealed(run.sealed as u64);
        if run.sealed > 0 || !run.shredded.is_empty() {
            tracing::debug!(sealed = run.sealed, "sealing finished");
        }
        if let Some(reply) = run.reply {
            reply.send_now(Ok(run.sealed));
        }
        if !self.planner.busy() {
            self.planner.sealing.store(false, Ordering::Release);
        }
        Ok(())
    }

    /// What `request` asks to do now: seal every ended period (and with
    /// `close_now` the open one) and shred every period past retention.
    fn due_tasks(&mut self, request: &SealRequest) -> Result<VecDeque<Task>, StoreError> {
        let mut tasks = VecDeque::new();
        let mut shredded = Vec::new();
        let rounds: Vec<Round> = self
            .trees
            .rounds
            .iter()?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect::<Result<_, StoreError>>()?;
        for round in rounds {
            let close_now =
                request.close_now && request.only.as_ref().is_none_or(|r| *r == round.slug);
            let current = {
                let closing = self.kv.open_tree(CLOSING)?;
                Period::open_on(request.today, round.period, |p| {
                    let key = round_period(round.slug.as_str(), &p.id());
                    if let Some(s) = records::get_json::<SealedPeriod>(&self.trees.periods, &key)? {
                        return Ok::<_, StoreError>(Some(s.closed_on));
                    }
                    Ok(closing.get(&key)?.map(|v| {
                        let mark = String::from_utf8_lossy(&v).into_owned();
                        split_mark(&mark).1.map(str::to_owned)
                    }))
                })?
            };
            // A period is closed early at most once (issue 16, item 4): the
            // rest of one closed early seals at its end, even when a second
            // close raced the first past the application's gate (two staff,
            // or a close sent again while a large one is still sealing).
            // Sealing it now could seal the few who wrote since, and the
            // log would then show an early close no honest host makes.
            let close_now = close_now && !current.is_remainder();
            for counts in super::reads::period_counts_of(&self.view(), &round.slug)? {
                let Some(period) = Period::from_id(&counts.period_id, round.period) else {
                    continue;
                };
                let key = round_period(round.slug.as_str(), &counts.period_id);
                match records::get_json::<SealedPeriod>(&self.trees.periods, &key)? {
                    None if period.has_ended(request.today) || (close_now && period == current) => {
                        tasks.push_back(Task::Seal {
                            round: round.clone(),
                            period,
                            last: period.id(),
                            week: super::writer::week(request.today),
                            early: (!period.has_ended(request.today)).then_some(request.today),
                            stage: Stage::Mark,
                        })
                    }
                    Some(s) if past_retention(&round, period, request.today) => {
                        if s.shredded {
                            // Again after a crash between the commit and the
                            // key's destruction: destroying is idempotent.
                            shredded.push((round.slug.to_string(), period.id()));
                        } else {
                            tasks.push_back(Task::Shred {
                                round: round.clone(),
                                period,
                                quotes_done: false,
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        // Periods come oldest first: each round's drains force out every
        // period this run seals at once, not one epoch rewrite per period.
        let mut last: std::collections::BTreeMap<String, String> = Default::default();
        for t in &tasks {
            if let Task::Seal { round, period, .. } = t {
                let e = last.entry(round.slug.to_string()).or_default();
                *e = e.clone().max(period.id());
            }
        }
        for t in tasks.iter_mut() {
            if let Task::Seal { round, last: l, .. } = t {
                if let Some(m) = last.get(round.slug.as_str()) {
                    l.clone_from(m);
                }
            }
        }
        if let Some(run) = self.planner.run.as_mut() {
            run.shredded.extend(shredded);
        } else {
            for (r, p) in shredded {
                self.vault
                    .shred(&r, &p)
                    .map_err(|e| StoreError::Io(e.to_string()))?;
            }
        }
        Ok(tasks)
    }

    /// Advance one sealing stage; the next stage, or `None` when sealed.
    fn seal_stage(
        &mut self,
        round: &Round,
        period: Period,
        last: &str,
        (week, early): (&str, Option<Date>),
        stage: Stage,
    ) -> Result<Option<Stage>, StoreError> {
        let (r, p) = (round.slug.as_str(), period.id());
        match stage {
            Stage::Mark => {
                // The mark keeps the week (no finer time), so a sealing
                // resumed after a crash logs the same marker.
                let closing = self.kv.open_tree(CLOSING)?;
                let key = round_period(r, &p);
                let mark = match early {
                    Some(day) => {
                        let day = Period::remainder_from(day, round.period).id();
                        format!("{week}{EARLY}{day}")
                    }
                    None => week.to_owned(),
                };
                self.conn
                    .transaction(&[&closing], |tx| tx.insert(CLOSING, &key, mark.as_bytes()))?;
                Ok(Some(Stage::Drain))
            }
            Stage::Drain => {
                let holds = self.view().tally()?.holds(r, Some(last));
                if holds
                    && self.merge.is_none()
                    && self.rotate(&[(r.to_owned(), last.to_owned())])?
                {
                    return Ok(Some(Stage::Drain));
                }
                if self.merge.is_some() {
                    // The rewrite runs first (see `Writer::step`).
                    self.merge_step()?;
                    return Ok(Some(Stage::Drain));
                }
                Ok(Some(Stage::Snapshot {
                    cursor: Vec::new(),
                    got: records::VerifiedPeriod::new(&p),
                }))
            }
            Stage::Snapshot { cursor, mut got } => {
                let prefix = format!("{r}\0{p}\0").into_bytes();
                let start = if cursor.is_empty() {
                    prefix.clone()
                } else {
                    cursor
                };
                let end = super::kv::successor(&prefix);
                let chunk = self
                    .trees
                    .members
                    .scan_limit(&start, end.as_deref(), SNAPSHOT)?;
                for (k, v) in &chunk {
                    got.add(&self.trees.critiques, &self.vault, r, &k[prefix.len()..], v)?;
                }
                if chunk.len() == SNAPSHOT {
                    let mut next = chunk.last().map(|(k, _)| k.clone()).unwrap_or_default();
                    next.push(0);
                    return Ok(Some(Stage::Snapshot { cursor: next, got }));
                }
                if got.refused > 0 {
                    tracing::warn!(
                        refused = got.refused,
                        "critique records that do not open as stored were left out of a period"
                    );
                }
                let counts = got.counts();
                let questions = got.question_counts(&round.questions);
                let mut commitments = std::mem::take(&mut got.commitments);
                // Leaves in random order: position in the log says nothing
                // about arrival (guarantee 3).
                crate::secrets::random::shuffle(&mut commitments)
                    .map_err(|_| StoreError::Io("random generator failed".into()))?;
                let state = self.log_state()?;
                let mut frontier = state.frontier()?;
                // The week's marker first, if due (issue 17: heads show
                // when they were made).
                let marker = super::writer::marker_due(&state, week);
                if let Some(m) = &marker {
                    let leaf = Leaf::Period { period: m.clone() }.to_bytes();
                    let at = frontier.size();
                    frontier.push(merkle::leaf_hash(&leaf));
                    let log = self.trees.log_leaves.clone();
                    self.conn.transaction(&[&log], |tx| {
                        tx.insert(log.name(), &at.to_be_bytes(), &leaf)
                    })?;
                }
                Ok(Some(Stage::Leaves {
                    commitments,
                    next: 0,
                    frontier,
                    counted: Box::new((counts, questions)),
                    marker,
                }))
            }
            Stage::Leaves {
                commitments,
                next,
                mut frontier,
                counted,
                marker,
            } => {
                let end = (next + LEAVES).min(commitments.len());
                let mut leaves = Vec::with_capacity(end - next);
                for c in &commitments[next..end] {
                    let leaf = Leaf::Critique {
                        round: r.to_owned(),
                        period: p.clone(),
                        commitment: hex(c),
                    }
                    .to_bytes();
                    frontier.push(merkle::leaf_hash(&leaf));
                    leaves.push(leaf);
                }
                let first = frontier.size() - leaves.len() as u64;
                let log = self.trees.log_leaves.clone();
                self.conn.transaction(&[&log], |tx| {
                    for (i, bytes) in leaves.iter().enumerate() {
                        tx.insert(log.name(), &(first + i as u64).to_be_bytes(), bytes)?;
                    }
                    Ok(())
                })?;
                if end < commitments.len() {
                    return Ok(Some(Stage::Leaves {
                        commitments,
                        next: end,
                        frontier,
                        counted,
                        marker,
                    }));
                }
                self.seal_head(
                    round,
                    (period, early),
                    (&counted.0, &counted.1),
                    frontier,
                    marker,
                )?;
                if let Some(run) = self.planner.run.as_mut() {
                    run.sealed += 1;
                }
                Ok(None)
            }
        }
    }

    /// The last sealing transaction: digest, noise, the digest's leaf, the
    /// signed head and its checkpoint, the period's record, the log state,
    /// the mark removed. `counts` and `questions` are what the period's
    /// opened records say.
    fn seal_head(
        &mut self,
        round: &Round,
        (period, early): (Period, Option<Date>),
        (counts, questions): (&PeriodCounts, &[QuestionCounts]),
        mut frontier: Frontier,
        marker: Option<String>,
    ) -> Result<(), StoreError> {
        let (r, p) = (round.slug.as_str(), period.id());
        let all = records::period_counts(&self.trees.counters, &round.slug)?;
        let waiting = self.waiting(round, &all)?;
        let get = |kind| records::get_counter(&self.trees.counters, &spent_key(r, &p, kind));
        // Tokens signed for the round's invitations so far: rewritten uses
        // and the live ones (issue 17's bound on the tokens it can receive).
        let tokens_issued = records::get_counter(
            &self.trees.counters,
            &counter_key(CounterKind::TokensIssued, &round.slug),
        )? + super::reads::live_tokens_issued(&self.view().tally()?, r);
        let totals = Totals {
            critiques: counts.total,
            codes_spent: get("code")?,
            tokens_spent: get("token")?,
            tokens_issued: Some(tokens_issued),
        };
        // Closed early: named for the days it really covered.
        let last = early.unwrap_or(period.last_day());
        let mut sealed = digest::seal_until(round, (period, last), &waiting, counts, totals);
        sealed.closed_early = early.is_some();
        // Each question rolls on its own; nothing of its exact counts is
        // logged or kept (issue 20).
        let waiting_answers = self.waiting_questions(round)?;
        sealed.questions =
            digest::questions::seal(round, (period, last), &waiting_answers, questions);
        let noise_json = match (&sealed.release, self.noise) {
            (Some(release), Some(noise)) => Some(records::to_json(&draw_noise(noise, release)?)?),
            _ => None,
        };
        let digest_json = String::from_utf8(records::to_json(&sealed)?)
            .map_err(|_| StoreError::Io("utf8".into()))?;
        let digest_sha256 = hex(ring::digest::digest(&SHA256, digest_json.as_bytes()).as_ref());
        let leaf = Leaf::Digest {
            round: r.to_owned(),
            period: p.clone(),
            sha256: digest_sha256.clone(),
        }
        .to_bytes();
        let state = self.log_state()?;
        // A week marker may come first: the period's leaves are the last.
        let first_leaf = state.size + u64::from(marker.is_some());
        let digest_index = frontier.size();
        frontier.push(merkle::leaf_hash(&leaf));
        let head_index = self.trees.log_heads.len()? as u64;
        let head_json = self.sign_head(&frontier, r, &p, &digest_sha256)?;
        let checkpoint =
            super::writer::checkpoint_record(&self.signer, frontier.size(), &frontier.root())?;
        let record = records::to_json(&SealedPeriod {
            round: r.to_owned(),
            period: p.clone(),
            digest_json,
            digest_sha256,
            head: head_index,
            first_leaf,
            leaf_count: counts.total + 1,
            shredded: false,
            closed_on: early.map(|day| Period::remainder_from(day, round.period).id()),
        })?;
        let state_json = records::to_json(&LogState::with(&frontier, marker.or(state.marker)))?;
        let t = &self.trees;
        let (closing, log_state) = (self.kv.open_tree(CLOSING)?, self.kv.open_tree(LOG_STATE)?);
        let key = round_period(r, &p);
        let size = frontier.size();
        self.conn.transaction(
            &[
                &t.log_leaves,
                &t.log_heads,
                &t.checkpoints,
                &t.periods,
                &t.noise,
                &closing,
                &log_state,
            ],
            |tx| {
                tx.insert(t.log_leaves.name(), &digest_index.to_be_bytes(), &leaf)?;
                tx.insert(t.log_heads.name(), &head_index.to_be_bytes(), &head_json)?;
                tx.insert(t.checkpoints.name(), &size.to_be_bytes(), &checkpoint)?;
                tx.insert(PERIODS, &key, &record)?;
                if let Some(n) = &noise_json {
                    tx.insert(t.noise.name(), &key, n)?;
                }
                tx.insert(LOG_STATE, STATE_KEY, &state_json)?;
                tx.remove(CLOSING, &key)
            },
        )?;
        // The data keys of the periods that follow, ahead of need.
        let next = Period::containing(period.last_day() + Duration::days(1), round.period);
        let after = Period::containing(next.last_day() + Duration::days(1), round.period);
        for q in [next, after] {
            if let Err(e) = self.vault.prepare(r, &q.id()) {
                tracing::warn!(error = %e, "could not make a data key ahead of need");
            }
        }
        Ok(())
    }

    pub(super) fn sign_head(
        &self,
        frontier: &Frontier,
        round: &str,
        period: &str,
        digest_sha256: &str,
    ) -> Result<Vec<u8>, StoreError> {
        let mut head = TreeHead {
            tree_size: frontier.size(),
            root_hash: hex(&frontier.root()),
            round: round.to_owned(),
            period: period.to_owned(),
            digest_sha256: digest_sha256.to_owned(),
            signature: String::new(),
        };
        self.signer.sign(&mut head);
        records::to_json(&head)
    }

    pub(super) fn log_state(&self) -> Result<LogState, StoreError> {
        LogState::load(&self.kv.open_tree(LOG_STATE)?, &self.trees.log_leaves)
    }

    /// The counts of `round`'s sealed periods that rolled and have not been
    /// released yet (the latest run of rolled periods), oldest first.
    fn waiting(
        &self,
        round: &Round,
        all: &[PeriodCounts],
    ) -> Result<Vec<PeriodCounts>, StoreError> {
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
            // counters only once they have been shredded. Periods that
            // rolled are small (below the round's k), so this read is too.
            let verified = records::verified_period(
                &self.trees.members,
                &self.trees.critiques,
                &self.vault,
                round.slug.as_str(),
                &s.period,
            )?;
            waiting.push(if verified.commitments.len() + verified.refused > 0 {
                verified.counts()
            } else {
                counted.clone()
            });
        }
        waiting.reverse();
        Ok(waiting)
    }

    /// Each question's counts still waiting (issue 20): for each question
    /// of `round`, its sealed periods since its last release, oldest first,
    /// counted again from their records (periods that roll are small, and
    /// rolled counts are kept nowhere). A shredded period ends the walk:
    /// its answers are gone with its records, so a question's waiting run
    /// starts after it.
    fn waiting_questions(
        &self,
        round: &Round,
    ) -> Result<Vec<digest::questions::Waiting>, StoreError> {
        let n = round.questions.len();
        if n == 0 {
            return Ok(Vec::new());
        }
        let prefix = format!("{}\0", round.slug);
        let mut sealed: Vec<(SealedDigest, bool)> = Vec::new();
        for (_, v) in self.trees.periods.scan_prefix(prefix.as_bytes())? {
            let record: SealedPeriod = records::from_json(&v)?;
            let digest: SealedDigest = records::from_json(record.digest_json.as_bytes())?;
            sealed.push((digest, record.shredded));
        }
        sealed.sort_by(|a, b| a.0.period.cmp(&b.0.period));
        let mut out = vec![digest::questions::Waiting::default(); n];
        let mut walking = vec![true; n];
        for (s, shredded) in sealed.iter().rev() {
            for (i, q) in round.questions.iter().enumerate() {
                if s.questions.iter().any(|r| r.question == q.id().as_str()) {
                    walking[i] = false;
                }
            }
            if *shredded || !walking.iter().any(|w| *w) {
                break;
            }
            let counts = records::verified_period(
                &self.trees.members,
                &self.trees.critiques,
                &self.vault,
                round.slug.as_str(),
                &s.period,
            )?
            .question_counts(&round.questions);
            for (i, c) in counts.into_iter().enumerate() {
                if walking[i] {
                    out[i].0.push((s.period.clone(), c));
                }
            }
        }
        for w in &mut out {
            w.0.reverse();
        }
        Ok(out)
    }

    /// One shredding step: the period's quotes first, then its critiques a
    /// few thousand at a time, then its record; `None` when done.
    fn shred_stage(
        &mut self,
        round: &Round,
        period: Period,
        quotes_done: bool,
    ) -> Result<Option<bool>, StoreError> {
        let (r, p) = (round.slug.as_str(), period.id());
        if !quotes_done {
            // Pending quotes must not outlive the text; approved ones stay.
            super::voices::shred_period(&mut self.conn, &self.kv, r, &p)?;
            return Ok(Some(true));
        }
        let prefix = format!("{r}\0{p}\0").into_bytes();
        let chunk = self.trees.members.scan_limit(
            &prefix,
            super::kv::successor(&prefix).as_deref(),
            SHRED,
        )?;
        let t = &self.trees;
        if !chunk.is_empty() {
            self.conn.transaction(&[&t.critiques, &t.members], |tx| {
                for (key, _) in &chunk {
                    tx.remove(CRITIQUES, &key[prefix.len()..])?;
                    tx.remove(MEMBERS, key)?;
                }
                Ok(())
            })?;
            return Ok(Some(true));
        }
        let key = round_period(r, &p);
        let Some(mut sealed) = records::get_json::<SealedPeriod>(&t.periods, &key)? else {
            return Ok(None);
        };
        sealed.shredded = true;
        let record = records::to_json(&sealed)?;
        self.conn
            .transaction(&[&t.periods], |tx| tx.insert(PERIODS, &key, &record))?;
        if let Some(run) = self.planner.run.as_mut() {
            run.shredded.push((r.to_owned(), p));
        }
        Ok(None)
    }
}

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
