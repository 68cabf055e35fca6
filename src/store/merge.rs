//! Closing a mixing epoch and rewriting its records in key order.
//!
//! A rotation (between batches, under the write lock) decides from the
//! open epoch's tally which rounds have enough critiques to go out (on
//! PostgreSQL, where other instances write too, from a read of the whole
//! epoch), and in one transaction marks the epoch closing and opens the
//! next, whose key was made just before. The rewrite then runs a step at a
//! time between batches, so submissions keep flowing; every step is sized
//! to take a few tens of milliseconds, as a submission arriving during one
//! waits for it:
//! 0. the closing area is read [`PLAN`] records at a time, to plan which
//!    are carried and which pass writes each (nothing is written);
//! 1. records of rounds that stay are carried into the open epoch,
//!    resealed under its key;
//! 2. pass `j` of `parts` writes the records whose own slice is `j` and the
//!    credential marks whose credential slice is `j` (see
//!    [`super::epoch::Slices`]), deletes the records whose last pass it is,
//!    and counts itself done in the epoch's record, all in one transaction;
//! 3. the epoch's record goes, its area is dropped, the drop is made
//!    durable, and only then is the epoch key destroyed.
//!
//! # Security contract
//! Every step is one transaction and records its own progress, so a crash
//! at any point resumes where it stopped: a record is in the ingest area
//! (and counts as spent there) until the transaction that writes its last
//! part to the main trees deletes it. A credential is therefore spent in
//! exactly one place at every moment.

use super::apply::{self, bump, CODES, COUNTERS, CRITIQUES, INVITATIONS, MEMBERS, RETIRED};
use super::epoch::{self, Entry, EpochRecord, EpochView, MixedWrite, Sides, Spent, Tally, EPOCHS};
use super::kv::{Abort, Tree, TxResult, Txn};
use super::legacy;
use super::queue::Reply;
use super::records::{
    self, counter_key, member_key, period_key, spent_key, CounterKind, StoredCritique,
};
use super::voices::ABOUT;
use super::writer::Writer;
use super::StoreError;
use crate::encoding::hex;
use crate::secrets::vault::EpochKey;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::SystemTime;

/// Records per rewrite pass (and per carrying step): a pass is one
/// transaction of about this many records and as many credential marks.
/// Measured on the release build while 64 connections submitted: 1,024
/// took 70-90 ms a pass, 256 take about 15 ms (30 at most), and every
/// submission that arrives during a pass waits for it.
pub const PASS: usize = 256;

/// Records read from an ingest area at a time.
const SCAN: usize = 4096;

/// Records of the closing area a planning step reads (opening and
/// decoding each takes 10-30 µs). Planning the whole area in one step held
/// every submission up for about a second per 50,000 records.
const PLAN: usize = 512;

/// The rewrite of the closing epoch, in progress.
pub(super) struct Merge {
    id: [u8; 16],
    key: Arc<EpochKey>,
    /// What the epoch's record says is merged, and how far (read once).
    record: EpochRecord,
    /// While the plan is being read, a step at a time: where the next
    /// step starts in the area. Nothing is carried or rewritten before
    /// the whole area has been planned.
    planning: Option<Vec<u8>>,
    /// Names still to carry into the open epoch.
    carry: Vec<[u8; 32]>,
    /// Per pass: (record, which of its sides this pass writes).
    buckets: Vec<Vec<([u8; 32], Sides)>>,
    /// Per pass: the records it deletes (their last part).
    deletes: Vec<Vec<[u8; 32]>>,
    /// Rotation requests answered when this rewrite is done.
    pub waiting: Vec<Reply<bool>>,
}

/// Hand every record of the area of `key`, opened, to `f`, in key order,
/// a piece at a time (an epoch can be large; nothing holds it whole).
pub(super) fn scan_area(
    area: &Tree,
    key: &EpochKey,
    mut f: impl FnMut([u8; 32], Entry) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut start = Vec::new();
    while let Some(next) = scan_area_from(area, key, &start, SCAN, &mut f)? {
        start = next;
    }
    Ok(())
}

/// Hand at most `limit` records of the area of `key` from `start` on,
/// opened, to `f`, in key order; where to go on from, if there is more.
fn scan_area_from(
    area: &Tree,
    key: &EpochKey,
    start: &[u8],
    limit: usize,
    mut f: impl FnMut([u8; 32], Entry) -> Result<(), StoreError>,
) -> Result<Option<Vec<u8>>, StoreError> {
    let chunk = area.scan_limit(start, None, limit)?;
    for (name, sealed) in &chunk {
        let name: [u8; 32] = name
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::Io("a damaged ingest record name".into()))?;
        let plain = key
            .open(&name, sealed)
            .map_err(|e| StoreError::Io(e.to_string()))?;
        f(name, Entry::decode(&plain)?)?;
    }
    Ok(match chunk.last() {
        Some((k, _)) if chunk.len() == limit => {
            let mut next = k.clone();
            next.push(0);
            Some(next)
        }
        _ => None,
    })
}

impl Merge {
    /// The rewrite of epoch `id` as its `record` stands, not planned yet.
    fn new(id: [u8; 16], key: Arc<EpochKey>, record: &EpochRecord) -> Self {
        let parts = match record {
            EpochRecord::Closing { parts, .. } => *parts,
            EpochRecord::Open => 1,
        };
        Self {
            id,
            key,
            record: record.clone(),
            planning: Some(Vec::new()),
            carry: Vec::new(),
            buckets: vec![Vec::new(); parts as usize],
            deletes: vec![Vec::new(); parts as usize],
            waiting: Vec::new(),
        }
    }

    /// Plan up to `limit` more records of `area` (all, with `None`): which
    /// are carried, and which pass writes and deletes each. With `tally`,
    /// also count there what is still pending of them.
    fn plan_some(
        &mut self,
        area: &Tree,
        limit: Option<usize>,
        mut tally: Option<&mut Tally>,
    ) -> Result<(), StoreError> {
        let (parts, done) = match &self.record {
            EpochRecord::Closing { parts, done, .. } => (*parts, *done),
            EpochRecord::Open => (1, 0),
        };
        let key = self.key.clone();
        while let Some(start) = self.planning.take() {
            let mut f = |name: [u8; 32], entry: Entry| {
                if !self.record.merges(&entry) {
                    self.carry.push(name);
                    if let Some(t) = tally.as_deref_mut() {
                        t.apply(&entry, Sides::BOTH, 1);
                    }
                    return Ok(());
                }
                let slices = entry.slices(&key);
                let pa = slices.a.map(|x| epoch::part(x, parts));
                let pb = slices.b.map(|x| epoch::part(x, parts));
                if let Some(t) = tally.as_deref_mut() {
                    let pending = Sides {
                        a: pa.is_some_and(|p| p >= done),
                        b: pb.is_some_and(|p| p >= done),
                    };
                    t.apply(&entry, pending, 1);
                }
                for (p, side) in [
                    (pa, Sides { a: true, b: false }),
                    (pb, Sides { a: false, b: true }),
                ] {
                    if let Some(p) = p.filter(|p| *p >= done) {
                        self.buckets[p as usize].push((name, side));
                    }
                }
                let last = pa.max(pb).unwrap_or(0);
                if last >= done {
                    self.deletes[last as usize].push(name);
                }
                Ok(())
            };
            // On an error the cursor stays where it was: a plan is never
            // taken for whole when a piece of it failed.
            match scan_area_from(area, &key, &start, limit.unwrap_or(SCAN), &mut f) {
                Ok(next) => self.planning = next,
                Err(e) => {
                    self.planning = Some(start);
                    return Err(e);
                }
            }
            if limit.is_some() {
                break;
            }
        }
        Ok(())
    }
}

/// Per round of an open epoch's `tally`: its critiques, its records, and
/// per (round, last period) of `force` its records of that period and
/// earlier.
#[allow(clippy::type_complexity)]
fn epoch_counts(
    tally: &Tally,
    force: &[(String, String)],
) -> (BTreeMap<String, u64>, BTreeMap<String, usize>, Vec<usize>) {
    let mut critiques: BTreeMap<String, u64> = BTreeMap::new();
    let mut records: BTreeMap<String, usize> = BTreeMap::new();
    let mut forced = vec![0usize; force.len()];
    for ((round, period), n) in &tally.records {
        let n = usize::try_from(*n).unwrap_or(usize::MAX);
        *records.entry(round.clone()).or_default() += n;
        for (i, (r, p)) in force.iter().enumerate() {
            if round == r && period.as_deref().is_some_and(|q| q <= p.as_str()) {
                forced[i] += n;
            }
        }
    }
    for ((round, _), p) in &tally.periods {
        *critiques.entry(round.clone()).or_default() += p.total;
    }
    (critiques, records, forced)
}

/// The minute an epoch starts: every file's time while it is open.
pub(super) fn minute(t: SystemTime) -> SystemTime {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs - secs % 60)
}

impl Writer {
    /// Load the epochs at start: open one if there is none, forget what a
    /// crash left half made (an area or key without an epoch record),
    /// count what the live epochs hold, and resume a rewrite.
    pub(super) fn recover_epochs(&mut self) -> Result<(), StoreError> {
        let epochs = self.kv.open_tree(EPOCHS)?;
        let mut known = Vec::new();
        for (k, v) in epochs.iter()? {
            let id = <[u8; 16]>::try_from(k.as_slice())
                .map_err(|_| StoreError::Io("a damaged epoch record".into()))?;
            known.push((id, records::from_json::<EpochRecord>(&v)?));
        }
        for name in self.kv.tree_names()? {
            match epoch::area_id(&name) {
                Some(id) if !known.iter().any(|(k, _)| *k == id) => self.conn.drop_area(&name)?,
                _ => {}
            }
        }
        for id in self.vault.epoch_key_ids().map_err(io)? {
            if !known.iter().any(|(k, _)| *k == id) {
                self.vault.destroy_epoch_key(&id).map_err(io)?;
            }
        }
        if !known.iter().any(|(_, r)| *r == EpochRecord::Open) {
            let id = self.open_epoch()?;
            known.push((id, EpochRecord::Open));
        }
        self.load_live(&known)
    }

    /// Rebuild the live view (and the rewrite plan) from the stored epochs.
    fn load_live(&mut self, known: &[([u8; 16], EpochRecord)]) -> Result<(), StoreError> {
        let mut live = epoch::Live::default();
        self.merge = None;
        for (id, record) in known {
            let key = Arc::new(
                self.vault
                    .epoch_key(id)
                    .map_err(io)?
                    .ok_or_else(|| missing_key(id))?,
            );
            let area = self.kv.open_tree(&epoch::area_name(id))?;
            let started = minute(self.vault.epoch_started(id).unwrap_or_else(SystemTime::now));
            match record {
                EpochRecord::Open => {
                    let mut tally = Tally::default();
                    scan_area(&area, &key, |_, e| {
                        tally.apply(&e, Sides::BOTH, 1);
                        Ok(())
                    })?;
                    live.open = Some(EpochView {
                        key,
                        started,
                        tally,
                    });
                }
                EpochRecord::Closing { .. } => {
                    tracing::debug!("resuming the rewrite of a closing epoch");
                    let mut merge = Merge::new(*id, key.clone(), record);
                    let mut tally = Tally::default();
                    merge.plan_some(&area, None, Some(&mut tally))?;
                    tally.records.clear();
                    self.merge = Some(merge);
                    live.closing = Some((
                        EpochView {
                            key,
                            started,
                            tally,
                        },
                        record.clone(),
                    ));
                }
            }
        }
        *self.live.write().unwrap_or_else(|e| e.into_inner()) = live;
        Ok(())
    }

    /// On PostgreSQL another instance may have rotated or advanced the
    /// rewrite: reload the live view if the stored epochs differ from ours.
    pub(super) fn refresh_epochs(&mut self) -> Result<(), StoreError> {
        if !self.kv.is_postgres() {
            return Ok(());
        }
        let stored = self.stored_epochs()?;
        if stored != self.known_epochs() {
            let waiting = self.merge.take().map(|m| m.waiting).unwrap_or_default();
            self.load_live(&stored)?;
            match &mut self.merge {
                Some(m) => m.waiting = waiting,
                None => waiting.into_iter().for_each(|r| r.send_now(Ok(true))),
            }
        }
        Ok(())
    }

    fn stored_epochs(&self) -> Result<Vec<([u8; 16], EpochRecord)>, StoreError> {
        let mut out = Vec::new();
        for (k, v) in self.kv.open_tree(EPOCHS)?.iter()? {
            if let Ok(id) = <[u8; 16]>::try_from(k.as_slice()) {
                out.push((id, records::from_json(&v)?));
            }
        }
        Ok(out)
    }

    fn known_epochs(&self) -> Vec<([u8; 16], EpochRecord)> {
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        if let Some(v) = &live.open {
            out.push((*v.key.id(), EpochRecord::Open));
        }
        if let Some((v, r)) = &live.closing {
            out.push((*v.key.id(), r.clone()));
        }
        out.sort_by_key(|e| e.0);
        out
    }

    /// Make a new epoch's key (durably, first) and area, and record it
    /// open; returns its id.
    fn open_epoch(&mut self) -> Result<[u8; 16], StoreError> {
        let id = crate::secrets::random::bytes::<16>()
            .map_err(|_| StoreError::Io("random generator failed".into()))?;
        self.vault.create_epoch_key(&id).map_err(io)?;
        self.kv.create_area(&epoch::area_name(&id))?;
        let epochs = self.kv.open_tree(EPOCHS)?;
        let open = records::to_json(&EpochRecord::Open)?;
        self.conn
            .transaction(&[&epochs], |tx| tx.insert(EPOCHS, &id, &open))?;
        Ok(id)
    }

    /// Close the open epoch if its minimums hold (or `force` asks for some
    /// round's records of a period and earlier): returns whether it did.
    pub(super) fn rotate(&mut self, force: &[(String, String)]) -> Result<bool, StoreError> {
        if self.merge.is_some() {
            return Ok(false);
        }
        self.refresh_epochs()?;
        // The refresh may have loaded a closing epoch another instance
        // made (PostgreSQL): only one closes at a time.
        if self.merge.is_some() {
            return Ok(false);
        }
        let (open_key, started) = {
            let live = self.live.read().unwrap_or_else(|e| e.into_inner());
            match &live.open {
                Some(v) => (v.key.clone(), v.started),
                None => return Ok(false),
            }
        };
        let old_enough = started
            .elapsed()
            .is_ok_and(|e| e.as_secs() >= self.epochs.min_secs);
        let area = self.kv.open_tree(&epoch::area_name(open_key.id()))?;
        // Per round, its critiques and records, and its records of the
        // periods a sealing forces out. This writer is the only one on
        // the embedded store, so its tally of the open epoch is exact and the area need
        // not be read (that read held every submission up for about a
        // second per 50,000 records). On PostgreSQL other instances write
        // to the area too: read it whole.
        let scanned = if self.kv.is_postgres() {
            let mut t = Tally::default();
            scan_area(&area, &open_key, |_, e| {
                t.apply(&e, Sides::BOTH, 1);
                Ok(())
            })?;
            Some(t)
        } else {
            None
        };
        let (critiques, records, forced_records) = {
            let live = self.live.read().unwrap_or_else(|e| e.into_inner());
            match (&scanned, &live.open) {
                (Some(t), _) | (None, Some(EpochView { tally: t, .. })) => epoch_counts(t, force),
                (None, None) => return Ok(false),
            }
        };
        let mut merge = Vec::new();
        if old_enough {
            for (round, n) in &critiques {
                if *n >= self.min_critiques(round)? {
                    merge.push(round.clone());
                }
            }
        }
        let mut forced = Vec::new();
        let mut going: usize = merge
            .iter()
            .map(|r| records.get(r).copied().unwrap_or(0))
            .sum();
        for (i, f) in force.iter().enumerate() {
            if forced_records[i] > 0 {
                if !merge.contains(&f.0) {
                    going += forced_records[i];
                }
                forced.push(f.clone());
            }
        }
        if merge.is_empty() && forced.is_empty() {
            return Ok(false);
        }
        let record = EpochRecord::Closing {
            merge,
            forced,
            parts: u32::try_from(going.div_ceil(PASS).max(1)).unwrap_or(u32::MAX),
            done: 0,
        };
        let next = crate::secrets::random::bytes::<16>()
            .map_err(|_| StoreError::Io("random generator failed".into()))?;
        let next_key = Arc::new(self.vault.create_epoch_key(&next).map_err(io)?);
        self.kv.create_area(&epoch::area_name(&next))?;
        let epochs = self.kv.open_tree(EPOCHS)?;
        let (closing_json, open_json) = (
            records::to_json(&record)?,
            records::to_json(&EpochRecord::Open)?,
        );
        let old = *open_key.id();
        self.conn.transaction(&[&epochs], |tx| {
            tx.insert(EPOCHS, &old, &closing_json)?;
            tx.insert(EPOCHS, &next, &open_json)
        })?;
        // Planned a step at a time by `merge_step`; until the rewrite's
        // first pass, the closing epoch pends exactly what was open.
        let merge = Merge::new(old, open_key.clone(), &record);
        let now = minute(SystemTime::now());
        {
            let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
            let mut tally = match scanned {
                Some(t) => t,
                None => live.open.take().map(|v| v.tally).unwrap_or_default(),
            };
            // Whole records are counted for the open epoch's rotation only
            // (a rewrite's passes write one side at a time).
            tally.records.clear();
            live.closing = Some((
                EpochView {
                    key: open_key,
                    started,
                    tally,
                },
                record,
            ));
            live.open = Some(EpochView {
                key: next_key,
                started: now,
                tally: Tally::default(),
            });
        }
        self.merge = Some(merge);
        self.set_times()?;
        tracing::debug!("mixing epoch closed; rewriting its records");
        Ok(true)
    }

    /// The fewest critiques a round needs in an epoch to go out.
    pub(super) fn min_critiques(&self, round: &str) -> Result<u64, StoreError> {
        if let Some(n) = self.epochs.min_critiques {
            return Ok(n);
        }
        let r: Option<crate::domain::Round> =
            records::get_json(&self.trees.rounds, round.as_bytes())?;
        Ok(r.map_or(1, |r| u64::from(r.min_group.get())))
    }

    /// One step of the rewrite. Returns whether there is more.
    pub(super) fn merge_step(&mut self) -> Result<bool, StoreError> {
        if self.merge.as_ref().is_some_and(|m| m.planning.is_some()) {
            // PostgreSQL: another instance may have moved this rewrite on,
            // or finished it, since it began; then start again from what
            // is stored (a full plan, or none).
            self.refresh_epochs()?;
            let Some(m) = self.merge.as_mut() else {
                return Ok(false);
            };
            if m.planning.is_some() {
                let area = self.kv.open_tree(&epoch::area_name(&m.id))?;
                m.plan_some(&area, Some(PLAN), None)?;
            }
            return Ok(true);
        }
        let Some(m) = self.merge.as_mut() else {
            return Ok(false);
        };
        if !m.carry.is_empty() {
            let n = m.carry.len().min(PASS);
            let names: Vec<[u8; 32]> = m.carry.drain(..n).collect();
            self.carry(&names)?;
            return Ok(true);
        }
        let done = match self.stored_record()? {
            Some(EpochRecord::Closing { done, parts, .. }) if done < parts => done,
            Some(EpochRecord::Closing { .. }) => return self.finish_merge().map(|()| false),
            // Another instance finished it (PostgreSQL): start again from
            // what is stored.
            _ => {
                self.refresh_epochs_forced()?;
                return Ok(self.merge.is_some());
            }
        };
        self.pass(done)?;
        Ok(true)
    }

    fn stored_record(&self) -> Result<Option<EpochRecord>, StoreError> {
        let Some(m) = &self.merge else {
            return Ok(None);
        };
        records::get_json(&self.kv.open_tree(EPOCHS)?, &m.id)
    }

    /// Carry `names` from the closing epoch into the open one.
    fn carry(&mut self, names: &[[u8; 32]]) -> Result<(), StoreError> {
        let (old, new) = self.live_keys()?;
        let from = self.kv.open_tree(&epoch::area_name(old.id()))?;
        let to = self.kv.open_tree(&epoch::area_name(new.id()))?;
        let moved = self.conn.transaction(&[&from, &to], |tx| {
            let mut moved = Vec::new();
            for name in names {
                let Some(sealed) = tx.get(from.name(), name)? else {
                    continue;
                };
                let entry = open_entry(&old, name, &sealed)?;
                let new_name = match &entry {
                    Entry::Critique { spent, .. } => epoch::spend_name(&new, spent),
                    Entry::InvitationUse { invitation, .. } => {
                        let n = apply::uses(tx, &new, invitation)?;
                        epoch::invitation_name(&new, invitation, n)
                    }
                    Entry::Mixed { write, nonce, .. } => epoch::mixed_name(&new, write, nonce),
                };
                let plain = entry.encode().map_err(|e| Abort::Internal(e.to_string()))?;
                let resealed = new
                    .seal(&new_name, &plain)
                    .map_err(|e| Abort::Internal(e.to_string()))?;
                if !tx.insert_new(to.name(), &new_name, &resealed)? {
                    return Err(Abort::Internal(
                        "a carried record is in the open epoch already".into(),
                    ));
                }
                tx.remove(from.name(), name)?;
                moved.push(entry);
            }
            Ok(moved)
        })?;
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        for e in &moved {
            if let Some((v, _)) = live.closing.as_mut() {
                v.tally.apply(e, Sides::BOTH, -1);
            }
            if let Some(v) = live.open.as_mut() {
                v.tally.apply(e, Sides::BOTH, 1);
            }
        }
        Ok(())
    }

    fn live_keys(&self) -> Result<(Arc<EpochKey>, Arc<EpochKey>), StoreError> {
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        match (&live.closing, &live.open) {
            (Some((c, _)), Some(o)) => Ok((c.key.clone(), o.key.clone())),
            _ => Err(StoreError::Io("no live epochs to rewrite between".into())),
        }
    }

    /// Rewrite pass `j`: its slices of records and credential marks go to
    /// the main trees, the records whose last part it is leave the area.
    fn pass(&mut self, j: u32) -> Result<(), StoreError> {
        let Some(m) = &self.merge else {
            return Ok(());
        };
        let (id, key) = (m.id, m.key.clone());
        let bucket = m.buckets.get(j as usize).cloned().unwrap_or_default();
        let deletes = m.deletes.get(j as usize).cloned().unwrap_or_default();
        let area = self.kv.open_tree(&epoch::area_name(&id))?;
        // Read first (this writer is the area's only one) to know which
        // trees the transaction touches.
        let mut work: Vec<(Entry, Sides)> = Vec::with_capacity(bucket.len());
        for (name, sides) in &bucket {
            if let Some(sealed) = area.get(name)? {
                work.push((
                    open_entry(&key, name, &sealed).map_err(Abort::into_store_error)?,
                    *sides,
                ));
            }
        }
        let mut names: BTreeSet<String> = [
            CODES,
            COUNTERS,
            CRITIQUES,
            MEMBERS,
            INVITATIONS,
            EPOCHS,
            RETIRED,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        names.insert(area.name().to_owned());
        for (e, sides) in &work {
            match e {
                Entry::Critique {
                    spent: Spent::Token { key, .. },
                    ..
                } if sides.b => {
                    if let Ok(k) = <[u8; 32]>::try_from(key.as_slice()) {
                        names.insert(super::nonce_tree_name(&k));
                    }
                }
                Entry::Mixed { write, .. } if sides.a => {
                    names.insert(write.tree().to_owned());
                    if write.tree() == legacy::OLD {
                        names.insert(ABOUT.to_owned());
                    }
                }
                _ => {}
            }
        }
        let trees = names
            .iter()
            .map(|n| self.kv.open_tree(n))
            .collect::<Result<Vec<Tree>, _>>()?;
        let refs: Vec<&Tree> = trees.iter().collect();
        let area_name = area.name().to_owned();
        let applied = self.conn.transaction(&refs, |tx| {
            // Another instance may have done this pass already.
            match tx.get(EPOCHS, &id)? {
                Some(v) => match records::from_json::<EpochRecord>(&v) {
                    Ok(EpochRecord::Closing { done, .. }) if done == j => {}
                    _ => return Ok(false),
                },
                None => return Ok(false),
            }
            write_pass(tx, &key, &work)?;
            for name in &deletes {
                tx.remove(&area_name, name)?;
            }
            let record = match tx.get(EPOCHS, &id)? {
                Some(v) => match records::from_json::<EpochRecord>(&v) {
                    Ok(EpochRecord::Closing {
                        merge,
                        forced,
                        parts,
                        ..
                    }) => EpochRecord::Closing {
                        merge,
                        forced,
                        parts,
                        done: j + 1,
                    },
                    _ => return Ok(false),
                },
                None => return Ok(false),
            };
            let json = records::to_json(&record).map_err(|e| Abort::Internal(e.to_string()))?;
            tx.insert(EPOCHS, &id, &json)?;
            Ok(true)
        })?;
        if !applied {
            return self.refresh_epochs_forced();
        }
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        if let Some((v, record)) = live.closing.as_mut() {
            for (e, sides) in &work {
                v.tally.apply(e, *sides, -1);
            }
            if let EpochRecord::Closing { done, .. } = record {
                *done = j + 1;
            }
        }
        Ok(())
    }

    /// Reload after another instance moved the rewrite on.
    fn refresh_epochs_forced(&mut self) -> Result<(), StoreError> {
        let stored = self.stored_epochs()?;
        let waiting = self.merge.take().map(|m| m.waiting).unwrap_or_default();
        self.load_live(&stored)?;
        match &mut self.merge {
            Some(m) => m.waiting = waiting,
            None => waiting.into_iter().for_each(|r| r.send_now(Ok(true))),
        }
        Ok(())
    }

    /// The last step: the epoch's record goes, then its area, and once
    /// that is durable, its key.
    fn finish_merge(&mut self) -> Result<(), StoreError> {
        let Some(m) = self.merge.take() else {
            return Ok(());
        };
        let epochs = self.kv.open_tree(EPOCHS)?;
        self.conn
            .transaction(&[&epochs], |tx| tx.remove(EPOCHS, &m.id))?;
        self.conn.drop_area(&epoch::area_name(&m.id))?;
        self.flush()?;
        self.vault.destroy_epoch_key(&m.id).map_err(io)?;
        self.live.write().unwrap_or_else(|e| e.into_inner()).closing = None;
        self.set_times()?;
        tracing::debug!("mixing epoch rewritten; its key destroyed");
        for r in m.waiting {
            r.send_now(Ok(true));
        }
        Ok(())
    }
}

/// Open an ingest record inside a transaction.
fn open_entry(key: &EpochKey, name: &[u8; 32], sealed: &[u8]) -> TxResult<Entry> {
    let plain = key
        .open(name, sealed)
        .map_err(|e| Abort::Internal(e.to_string()))?;
    Entry::decode(&plain).map_err(|e| Abort::Internal(e.to_string()))
}

/// Write one pass's sides to the main trees. Counters are summed first and
/// written once each; a record created and consumed in the same pass is
/// never written at all (no dead row or log entry of it is left).
///
/// Records are gathered first and written tree by tree in key order, never
/// as the work list runs: there a critique comes straight before the
/// credential it spent, and a copy-on-write engine hands out pages in the
/// order of the writes (redb: lowest free page first, its free-page map
/// saved with every commit), so the two leaves' page numbers would pair
/// them. (PostgreSQL's transaction already sends its writes in key order.)
fn write_pass(tx: &mut dyn Txn, key: &EpochKey, work: &[(Entry, Sides)]) -> TxResult<()> {
    let mut writes: BTreeMap<(String, Vec<u8>), Vec<u8>> = BTreeMap::new();
    let mut counters: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    let mut uses: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
    let mut counts: BTreeMap<(String, Vec<u8>), u64> = BTreeMap::new();
    let mut creates: BTreeMap<(&str, &[u8]), &[u8]> = BTreeMap::new();
    let mut consumes = Vec::new();
    for (entry, sides) in work {
        match entry {
            Entry::Critique {
                round,
                period,
                id,
                themes,
                quote_ok,
                commitment,
                sealed,
                spent,
            } => {
                if sides.a {
                    let stored = StoredCritique {
                        round: round.clone(),
                        period: period.clone(),
                        themes: themes.clone(),
                        quote_ok: *quote_ok,
                        commitment: hex(commitment),
                        sealed: sealed.clone(),
                    };
                    let json = stored
                        .to_bytes()
                        .map_err(|e| Abort::Internal(e.to_string()))?;
                    let id16: [u8; 16] = id
                        .as_slice()
                        .try_into()
                        .map_err(|_| Abort::Internal("a critique id of the wrong length".into()))?;
                    writes.insert((CRITIQUES.to_owned(), id16.to_vec()), json);
                    writes.insert(
                        (MEMBERS.to_owned(), member_key(round, period, &id16)),
                        commitment.clone(),
                    );
                    let slug = crate::domain::Slug::parse(round, "round")
                        .map_err(|_| Abort::Internal("a bad round slug".into()))?;
                    let kind = if spent.is_code() { "code" } else { "token" };
                    let mut add = |k: Vec<u8>| *counters.entry(k).or_default() += 1;
                    add(counter_key(CounterKind::Critiques, &slug));
                    add(period_key(round, period, ""));
                    for t in themes {
                        add(period_key(round, period, t));
                    }
                    add(spent_key(round, period, kind));
                    if spent.is_code() {
                        add(counter_key(CounterKind::CodesSpent, &slug));
                    }
                }
                if sides.b {
                    match spent {
                        Spent::Code { hash } => {
                            let mut v = vec![1u8];
                            v.extend_from_slice(round.as_bytes());
                            writes.insert((CODES.to_owned(), hash.clone()), v);
                        }
                        Spent::Token { key: k, nonce } => {
                            let k: [u8; 32] = k.as_slice().try_into().map_err(|_| {
                                Abort::Internal("a token key id of the wrong length".into())
                            })?;
                            // A tombstoned key's spent set is gone for good
                            // (its tokens are refused by the tombstone).
                            if tx.get(RETIRED, &k)?.is_none() {
                                writes.insert(
                                    (super::nonce_tree_name(&k), nonce.clone()),
                                    Vec::new(),
                                );
                            }
                        }
                    }
                }
            }
            Entry::InvitationUse { invitation, round } if sides.b => {
                *uses.entry(invitation.clone()).or_default() += 1;
                // The auditors' bound on what the round can receive
                // (issue 17), counted per rewrite, never per token.
                let slug = crate::domain::Slug::parse(round, "round")
                    .map_err(|_| Abort::Internal("a bad round slug".into()))?;
                *counters
                    .entry(counter_key(CounterKind::TokensIssued, &slug))
                    .or_default() += 1;
            }
            Entry::Mixed { write, nonce, .. } if sides.a => match write {
                MixedWrite::Append { tree, value } => {
                    // An earlier version's "about you" record, still in
                    // an ingest area: counted as it is now (see legacy).
                    match (tree == legacy::OLD)
                        .then(|| legacy::old_counts(value))
                        .flatten()
                    {
                        Some(keys) => {
                            for k in keys {
                                *counts.entry((ABOUT.to_owned(), k)).or_default() += 1;
                            }
                        }
                        None => {
                            writes.insert(
                                (tree.clone(), epoch::append_key(key, nonce).to_vec()),
                                value.clone(),
                            );
                        }
                    }
                }
                MixedWrite::Count { tree, key: k, by } => {
                    *counts.entry((tree.clone(), k.clone())).or_default() += by;
                }
                MixedWrite::Create {
                    tree,
                    key: k,
                    value,
                } => {
                    creates.insert((tree.as_str(), k.as_slice()), value.as_slice());
                }
                MixedWrite::Consume { tree, key: k } => consumes.push((tree, k)),
            },
            _ => {}
        }
    }
    for ((tree, k), value) in &writes {
        tx.insert(tree, k, value)?;
    }
    for (hash, n) in uses {
        if let Some((left, round)) = tx
            .get(INVITATIONS, &hash)?
            .and_then(|v| apply::decode_invitation(&v))
        {
            let v = apply::encode_invitation(left.saturating_sub(n), round.as_bytes());
            tx.insert(INVITATIONS, &hash, &v)?;
        }
    }
    for ((tree, k), by) in counts {
        let n = records::decode_counter(tx.get(&tree, &k)?.as_deref());
        tx.insert(&tree, &k, &(n + by).to_be_bytes())?;
    }
    for (tree, k) in consumes {
        if creates.remove(&(tree.as_str(), k.as_slice())).is_none() {
            tx.remove(tree, k)?;
        }
    }
    for ((tree, k), value) in creates {
        tx.insert(tree, k, value)?;
    }
    for (k, by) in counters {
        bump(tx, &k, by)?;
    }
    Ok(())
}

fn io(e: anyhow::Error) -> StoreError {
    StoreError::Io(e.to_string())
}

fn missing_key(id: &[u8; 16]) -> StoreError {
    StoreError::Io(format!(
        "the key directory lacks epoch.{}.key, which the store's live records need: \
         start with the key directory that belongs with this data (restore it from the \
         backup taken with the data backup)",
        hex(id)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::keys::KeyDir;
    use crate::secrets::vault::{Sealed, Vault};

    /// A transaction that keeps the order of its writes and holds nothing.
    #[derive(Default)]
    struct Recorder(Vec<(String, Vec<u8>)>);

    impl Txn for Recorder {
        fn get(&mut self, _: &str, _: &[u8]) -> TxResult<Option<Vec<u8>>> {
            Ok(None)
        }
        fn get_for_update(&mut self, _: &str, _: &[u8]) -> TxResult<Option<Vec<u8>>> {
            Ok(None)
        }
        fn insert(&mut self, tree: &str, key: &[u8], _: &[u8]) -> TxResult<()> {
            self.0.push((tree.to_owned(), key.to_vec()));
            Ok(())
        }
        fn insert_new(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<bool> {
            self.insert(tree, key, value).map(|()| true)
        }
        fn remove(&mut self, _: &str, _: &[u8]) -> TxResult<()> {
            Ok(())
        }
    }

    /// A pass writes the critiques, their members and the credentials they
    /// spent tree by tree in key order, never a critique and then its own
    /// credential: a copy-on-write engine hands out pages in write order,
    /// so that order would pair them by page number.
    #[test]
    fn a_pass_writes_each_tree_in_key_order_not_critique_then_credential() {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        let key = Vault::load(&keys)
            .unwrap()
            .create_epoch_key(&[7; 16])
            .unwrap();
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng.to_be_bytes()
        };
        let work: Vec<(Entry, Sides)> = (0..64)
            .map(|i| {
                let id: Vec<u8> = [next(), next()].concat();
                let credential: Vec<u8> = [next(), next(), next(), next()].concat();
                let spent = if i % 2 == 0 {
                    Spent::Code { hash: credential }
                } else {
                    Spent::Token {
                        key: vec![9; 32],
                        nonce: credential,
                    }
                };
                let entry = Entry::Critique {
                    round: "r".into(),
                    period: "2026-11-23".into(),
                    id,
                    themes: vec!["t".into()],
                    quote_ok: false,
                    commitment: vec![2; 32],
                    sealed: Sealed {
                        key: "r/2026-11-23".into(),
                        nonce: "00".repeat(12),
                        ciphertext: "11".repeat(40),
                    },
                    spent,
                };
                (entry, Sides::BOTH)
            })
            .collect();
        let mut tx = Recorder::default();
        if let Err(e) = write_pass(&mut tx, &key, &work) {
            panic!("{}", e.into_store_error());
        }
        let written: Vec<&(String, Vec<u8>)> =
            tx.0.iter().filter(|(tree, _)| tree != COUNTERS).collect();
        assert_eq!(
            written.len(),
            64 * 3,
            "a critique, its member key, its credential"
        );
        let out_of_order = written.windows(2).position(|w| w[0] > w[1]);
        assert_eq!(
            out_of_order, None,
            "writes not in (tree, key) order (first break after that many)"
        );
    }
}
