//! Reads: straight from the backend, without the writer, plus what the live
//! epochs add (records not rewritten yet), so every read shows what is
//! stored, live or rewritten, the same.
//!
//! On the embedded store the live part comes from the writer's tally in memory. On
//! PostgreSQL other instances write too, so it is read from the live
//! ingest areas themselves (keys cached), a small read: an epoch holds an
//! hour or so of records.

use super::epoch::{self, Entry, EpochRecord, MixedWrite, Sides, Spent, Tally, EPOCHS};
use super::records::{self, counter_key, CounterKind};
use super::seal::{past_retention, LogState, LOG_STATE};
use super::{PeriodCounts, RawRecord, RoundStats, SealedPeriod, Store, StoreError};
use crate::audit::log::TreeHead;
use crate::audit::merkle::{self, Hash};
use crate::digest::SealedDigest;
use crate::domain::{Organisation, Period, Round, Slug};
use crate::secrets::vault::EpochKey;
use crate::tokens::InvitationHash;
use std::sync::Arc;
use time::Date;

/// A live record and which of its sides are not rewritten yet.
pub(super) type LiveEntry = (Arc<EpochKey>, Entry, Sides);

/// What the live epochs hold, as a reader (or the writer) sees it.
pub(super) struct View<'a> {
    pub kv: &'a super::kv::Kv,
    pub trees: &'a super::Trees,
    pub vault: &'a crate::secrets::vault::Vault,
    pub live: &'a std::sync::RwLock<epoch::Live>,
}

impl View<'_> {
    /// The keys of the live epochs, open first, with each epoch's record.
    pub(super) fn live_epochs(&self) -> Result<Vec<(Arc<EpochKey>, EpochRecord)>, StoreError> {
        if !self.kv.is_postgres() {
            return Ok(live_of(
                &self.live.read().unwrap_or_else(|e| e.into_inner()),
            ));
        }
        let mut out = Vec::new();
        for (k, v) in self.kv.open_tree(EPOCHS)?.iter()? {
            let Ok(id) = <[u8; 16]>::try_from(k.as_slice()) else {
                continue;
            };
            let record: EpochRecord = records::from_json(&v)?;
            let key = self
                .vault
                .epoch_key(&id)
                .map_err(|e| StoreError::Io(e.to_string()))?
                .ok_or_else(|| StoreError::Io("an epoch key is missing".into()))?;
            out.push((Arc::new(key), record));
        }
        out.sort_by_key(|(_, r)| *r != EpochRecord::Open);
        Ok(out)
    }

    /// Every live record, opened, with the sides not rewritten yet. On
    /// the embedded store the areas are read under the live view's read lock, so the
    /// writer cannot drop one meanwhile; on PostgreSQL an area another
    /// instance has just dropped reads as empty (its records are rewritten).
    pub(super) fn live_entries(&self) -> Result<Vec<LiveEntry>, StoreError> {
        let mut out = Vec::new();
        self.for_each_live(|key, entry, sides| {
            out.push((key.clone(), entry, sides));
            Ok(())
        })?;
        Ok(out)
    }

    /// [`View::live_entries`], one record at a time.
    pub(super) fn for_each_live(
        &self,
        mut f: impl FnMut(&Arc<EpochKey>, Entry, Sides) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let _held =
            (!self.kv.is_postgres()).then(|| self.live.read().unwrap_or_else(|e| e.into_inner()));
        let epochs = match &_held {
            Some(live) => live_of(live),
            None => self.live_epochs()?,
        };
        for (key, record) in epochs {
            let area = self.kv.open_tree(&epoch::area_name(key.id()))?;
            super::merge::scan_area(&area, &key, |_, entry| {
                let sides = match record {
                    EpochRecord::Open => Sides::BOTH,
                    EpochRecord::Closing { .. } => self.pending(&entry)?,
                };
                f(&key, entry, sides)
            })?;
        }
        Ok(())
    }

    /// Uses of invitation `hash` recorded in the live epochs (probed by
    /// name: cheap enough for every token request).
    pub(super) fn invitation_uses(&self, hash: &[u8]) -> Result<u32, StoreError> {
        let _held =
            (!self.kv.is_postgres()).then(|| self.live.read().unwrap_or_else(|e| e.into_inner()));
        let epochs = match &_held {
            Some(live) => live_of(live),
            None => self.live_epochs()?,
        };
        let mut used = 0;
        for (key, _) in epochs {
            let area = self.kv.open_tree(&epoch::area_name(key.id()))?;
            used += used_in(&area, &key, hash)?;
        }
        Ok(used)
    }

    /// Which sides of a closing epoch's record the main trees lack. Only a
    /// critique has two (it stays until both are written); every other
    /// record leaves the area in the pass that writes it.
    fn pending(&self, entry: &Entry) -> Result<Sides, StoreError> {
        let Entry::Critique { id, spent, .. } = entry else {
            return Ok(Sides::BOTH);
        };
        let a = !self.trees.critiques.contains_key(id)?;
        let b = match spent {
            Spent::Code { hash } => {
                self.trees.codes.get(hash)?.and_then(|v| v.first().copied()) != Some(1)
            }
            Spent::Token { key, nonce } => {
                let key = <[u8; 32]>::try_from(key.as_slice()).unwrap_or([0; 32]);
                !self
                    .kv
                    .open_tree(&super::nonce_tree_name(&key))?
                    .contains_key(nonce)?
            }
        };
        Ok(Sides { a, b })
    }

    /// What the live epochs add to the stored state.
    pub(super) fn tally(&self) -> Result<Tally, StoreError> {
        if !self.kv.is_postgres() {
            let live = self.live.read().unwrap_or_else(|e| e.into_inner());
            let mut sum = Tally::default();
            for v in live.views() {
                sum.merge(&v.tally);
            }
            return Ok(sum);
        }
        // Other instances write too: read the areas, at most once a second
        // (and again after every commit of this instance's own), so that a
        // digest request, which asks whether anything is due, does not
        // decrypt the whole open epoch each time.
        let generation = {
            let live = self.live.read().unwrap_or_else(|e| e.into_inner());
            let g = live.generation.load(std::sync::atomic::Ordering::Acquire);
            let cached = live.cached.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((at_g, at, t)) = cached.as_ref() {
                if *at_g == g && at.elapsed() < std::time::Duration::from_secs(1) {
                    return Ok(t.clone());
                }
            }
            g
        };
        let mut sum = Tally::default();
        self.for_each_live(|_, entry, sides| {
            sum.apply(&entry, sides, 1);
            Ok(())
        })?;
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        *live.cached.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((generation, std::time::Instant::now(), sum.clone()));
        Ok(sum)
    }
}

/// Most rounds [`Store::round`] keeps decoded.
const DECODED_ROUNDS: usize = 1024;

impl Store {
    fn view(&self) -> View<'_> {
        View {
            kv: &self.db,
            trees: &self.trees,
            vault: &self.vault,
            live: &self.live,
        }
    }

    pub(super) fn live_entries(&self) -> Result<Vec<LiveEntry>, StoreError> {
        self.view().live_entries()
    }

    pub(super) fn tally(&self) -> Result<Tally, StoreError> {
        self.view().tally()
    }

    /// Whether some period has ended but is not sealed yet, or some sealed
    /// period's text is past its retention.
    pub fn due(&self, today: Date) -> Result<bool, StoreError> {
        let tally = self.tally()?;
        for round in self.rounds()? {
            for counts in period_counts_with(&self.trees.counters, &tally, &round.slug)? {
                let Some(period) = Period::from_id(&counts.period_id, round.period) else {
                    continue;
                };
                match self.sealed_period(&round.slug, &counts.period_id)? {
                    None if period.has_ended(today) => return Ok(true),
                    Some(s) if !s.shredded && past_retention(&round, period, today) => {
                        return Ok(true)
                    }
                    _ => {}
                }
            }
        }
        Ok(false)
    }

    /// The periods that have ended (and had critiques) but are not sealed
    /// yet, as (round, period id): what coordinators are told about when
    /// sealing did not happen on time.
    pub fn periods_due(&self, today: Date) -> Result<Vec<(Round, String)>, StoreError> {
        let tally = self.tally()?;
        let mut due = Vec::new();
        for round in self.rounds()? {
            for counts in period_counts_with(&self.trees.counters, &tally, &round.slug)? {
                let Some(period) = Period::from_id(&counts.period_id, round.period) else {
                    continue;
                };
                if period.has_ended(today)
                    && self
                        .sealed_period(&round.slug, &counts.period_id)?
                        .is_none()
                {
                    due.push((round.clone(), counts.period_id.clone()));
                }
            }
        }
        Ok(due)
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

    /// Leaves in the log: the size of its last signed head (leaves a
    /// sealing has written past it are not in the log yet).
    pub fn log_size(&self) -> Result<u64, StoreError> {
        Ok(LogState::load(&self.db.open_tree(LOG_STATE)?, &self.trees.log_leaves)?.size)
    }

    /// Leaves `start..end` (within the log) as their canonical JSON.
    pub fn leaves(&self, start: u64, end: u64) -> Result<Vec<String>, StoreError> {
        let end = end.min(self.log_size()?);
        self.trees
            .log_leaves
            .range(&start.to_be_bytes(), &end.to_be_bytes())?
            .into_iter()
            .map(|(_, v)| String::from_utf8(v).map_err(|_| StoreError::Io("bad leaf".into())))
            .collect()
    }

    /// The hashes of the first `size` leaves.
    pub fn leaf_hashes(&self, size: u64) -> Result<Vec<Hash>, StoreError> {
        let size = size.min(self.log_size()?);
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
    /// decrypted: the rewritten ones in their (random id) order, then the
    /// live ones; none once the period is shredded. Records that do not
    /// open as stored (changed or added without the keys, issue 17) are
    /// left out, with a warning.
    pub fn themed_texts(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Vec<(Vec<String>, String)>, StoreError> {
        let mut texts = Vec::new();
        let mut refused = 0;
        for (id, stored) in self.period_critiques(round, period)? {
            match stored.open(&self.vault, &id) {
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

    /// The sealed records of `round`'s critiques in `period`, stored or
    /// live, with the context each is bound to: what a thief of the data
    /// directory holds. For tests that check shredding makes them
    /// unreadable.
    pub fn sealed_records(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Vec<(String, crate::secrets::vault::Sealed)>, StoreError> {
        Ok(self
            .period_critiques(round, period)?
            .into_iter()
            .map(|(id, stored)| (stored.context(&id), stored.sealed))
            .collect())
    }

    /// `round`'s critiques in `period` as stored: the rewritten ones by id,
    /// then the live ones.
    fn period_critiques(
        &self,
        round: &Slug,
        period: &str,
    ) -> Result<Vec<(Vec<u8>, records::StoredCritique)>, StoreError> {
        let prefix = format!("{round}\0{period}\0");
        let mut out = Vec::new();
        for (k, _) in self.trees.members.scan_prefix(prefix.as_bytes())? {
            let id = k[prefix.len()..].to_vec();
            if let Some(stored) = records::get_critique(&self.trees.critiques, &id)? {
                out.push((id, stored));
            }
        }
        for (_, entry, sides) in self.live_entries()? {
            if let Entry::Critique {
                round: r,
                period: p,
                id,
                themes,
                quote_ok,
                commitment,
                sealed,
                ..
            } = entry
            {
                if sides.a && r == round.as_str() && p == period {
                    let stored = records::StoredCritique {
                        round: r,
                        period: p,
                        themes,
                        quote_ok,
                        commitment: crate::encoding::hex(&commitment),
                        sealed,
                    };
                    out.push((id, stored));
                }
            }
        }
        Ok(out)
    }

    /// Tokens left on an invitation and its round, read without the writer:
    /// a cheap pre-check so that unknown invitations cost no signing. Only
    /// [`Store::consume_invitation`] decides.
    pub fn invitation(&self, hash: &InvitationHash) -> Result<Option<(u32, String)>, StoreError> {
        let Some((left, round)) = self
            .trees
            .invitations
            .get(hash.as_bytes())?
            .and_then(|v| super::apply::decode_invitation(&v))
        else {
            return Ok(None);
        };
        let used = self.view().invitation_uses(hash.as_bytes())?;
        Ok(Some((left.saturating_sub(used), round)))
    }

    /// Every invitation record as it stands (its count less the uses not
    /// rewritten yet), for tests and audits: it shows that only a keyed
    /// hash, a count and the round are kept.
    pub fn invitation_records(&self) -> Result<Vec<RawRecord>, StoreError> {
        let tally = self.tally()?;
        let mut out = Vec::new();
        for (k, v) in self.trees.invitations.iter()? {
            let Some((left, round)) = super::apply::decode_invitation(&v) else {
                continue;
            };
            let used = tally.invitations.get(&k).map_or(0, |(_, n)| *n);
            out.push((
                k,
                super::apply::encode_invitation(left.saturating_sub(used), round.as_bytes()),
            ));
        }
        Ok(out)
    }

    /// Invitations made for `round`, and how many of them are used up.
    pub fn invitation_stats(&self, round: &Slug) -> Result<(u64, u64), StoreError> {
        let (mut made, mut used_up) = (0, 0);
        for (_, v) in self.invitation_records()? {
            if let Some((left, r)) = super::apply::decode_invitation(&v) {
                if r == round.as_str() {
                    made += 1;
                    used_up += u64::from(left == 0);
                }
            }
        }
        Ok((made, used_up))
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

    /// The round `slug`.
    ///
    /// Every participant request reads its round, and decoding the record
    /// (themes, questions, translations) was the largest cost of a
    /// submission outside the writer. So the decoded round is kept beside
    /// the bytes it came from and used while the stored bytes are the
    /// same: the record is still read each time (another instance may
    /// have changed it), only not decoded again.
    pub fn round(&self, slug: &str) -> Result<Option<Round>, StoreError> {
        let Some(stored) = self.trees.rounds.get(slug.as_bytes())? else {
            return Ok(None);
        };
        {
            let decoded = self
                .decoded_rounds
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some((bytes, round)) = decoded.get(slug) {
                if *bytes == stored {
                    return Ok(Some(round.clone()));
                }
            }
        }
        let round: Round = records::from_json(&stored)?;
        let mut decoded = self
            .decoded_rounds
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // Bounded by the rounds that exist (the host makes them); cleared
        // rather than grown past a size no deployment reaches.
        if decoded.len() >= DECODED_ROUNDS {
            decoded.clear();
        }
        decoded.insert(slug.to_owned(), (stored, round.clone()));
        Ok(Some(round))
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

    /// The host's counts for a round: what the rewrites wrote, plus what
    /// the live epochs hold (counted in memory, never stored as a count).
    pub fn round_stats(&self, round: &Slug) -> Result<RoundStats, StoreError> {
        let get = |kind| records::get_counter(&self.trees.counters, &counter_key(kind, round));
        let tally = self.tally()?;
        let live = |f: fn(&epoch::PeriodTally) -> u64| -> u64 {
            tally
                .periods
                .iter()
                .filter(|((r, _), _)| r == round.as_str())
                .map(|(_, p)| f(p))
                .sum()
        };
        Ok(RoundStats {
            critiques: get(CounterKind::Critiques)? + live(|p| p.total),
            codes_issued: get(CounterKind::CodesIssued)?,
            codes_spent: get(CounterKind::CodesSpent)? + live(|p| p.codes),
        })
    }

    /// Per-period counts for `round`, stored or live, never from scanning
    /// critiques.
    pub fn period_counts(&self, round: &Slug) -> Result<Vec<PeriodCounts>, StoreError> {
        period_counts_with(&self.trees.counters, &self.tally()?, round)
    }

    /// Number of stored critiques, live or rewritten (for tests and the
    /// host's overview).
    pub fn critique_count(&self) -> Result<usize, StoreError> {
        Ok(self.trees.critiques.len()? + self.tally()?.critiques() as usize)
    }

    /// Number of spent codes across all rounds (for tests and audits).
    pub fn spent_code_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for (_, v) in self.trees.codes.iter()? {
            n += usize::from(v.first() == Some(&1));
        }
        Ok(n + self.tally()?.code_marks as usize)
    }

    /// Spent Privacy Pass nonces across all keys (for tests and audits).
    pub fn spent_nonce_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for name in self.db.tree_names()? {
            if name.starts_with(super::NONCE_TREE_PREFIX) {
                n += self.db.open_tree(&name)?.len()?;
            }
        }
        // Live marks of a tombstoned key are never written out (its tokens
        // are refused for good); they are not counted either.
        let retired = self.retired_token_keys()?;
        let live: u64 = self
            .tally()?
            .token_marks
            .iter()
            .filter(|(k, _)| {
                <[u8; 32]>::try_from(k.as_slice()).map_or(true, |k| !retired.contains(&k))
            })
            .map(|(_, n)| n)
            .sum();
        Ok(n + live as usize)
    }

    /// Tokens issued so far on invitations of `round`: what the rewrites
    /// counted, plus the uses the live epochs hold (issue 17's auditors'
    /// bound, never a running count on disk).
    pub fn tokens_issued(&self, round: &Slug) -> Result<u64, StoreError> {
        let stored = records::get_counter(
            &self.trees.counters,
            &counter_key(CounterKind::TokensIssued, round),
        )?;
        Ok(stored + live_tokens_issued(&self.tally()?, round.as_str()))
    }

    /// The counter `key` of `tree`: rewritten `Count`s plus live ones.
    pub fn mixed_count(&self, tree: &str, key: &[u8]) -> Result<u64, StoreError> {
        let stored = records::get_counter(&self.db.open_tree(tree)?, key)?;
        let live = self
            .tally()?
            .counts
            .get(&(tree.to_owned(), key.to_vec()))
            .copied()
            .unwrap_or(0);
        Ok(stored + live)
    }

    /// The period a record of `round` written on `today` falls in now: the
    /// one containing `today`, or the next one not sealed or being sealed
    /// (the writer reads the same in each transaction, which decides).
    pub fn open_period(&self, round: &Round, today: Date) -> Result<Period, StoreError> {
        let periods = self.db.open_tree(super::apply::PERIODS)?;
        let closing = self.db.open_tree(super::apply::CLOSING)?;
        let mut period = Period::containing(today, round.period);
        loop {
            let key = records::round_period(round.slug.as_str(), &period.id());
            if !periods.contains_key(&key)? && !closing.contains_key(&key)? {
                return Ok(period);
            }
            period = Period::containing(period.last_day() + time::Duration::days(1), round.period);
        }
    }

    /// Every counter of `tree` whose key starts with `prefix`, rewritten
    /// `Count`s plus live ones, by key.
    pub fn mixed_counts(
        &self,
        tree: &str,
        prefix: &[u8],
    ) -> Result<std::collections::BTreeMap<Vec<u8>, u64>, StoreError> {
        let mut out: std::collections::BTreeMap<Vec<u8>, u64> = self
            .db
            .open_tree(tree)?
            .scan_prefix(prefix)?
            .into_iter()
            .map(|(k, v)| (k, records::decode_counter(Some(&v))))
            .collect();
        for ((t, k), n) in &self.tally()?.counts {
            if t == tree && k.starts_with(prefix) {
                *out.entry(k.clone()).or_default() += n;
            }
        }
        Ok(out)
    }

    /// Whether `key` of `tree` is present: created (stored or live) and
    /// not consumed.
    pub fn mixed_present(&self, tree: &str, key: &[u8]) -> Result<bool, StoreError> {
        let stored = self.db.open_tree(tree)?.contains_key(key)?;
        let live = self
            .tally()?
            .presence
            .get(&(tree.to_owned(), key.to_vec()))
            .copied()
            .unwrap_or(0);
        Ok(if stored { live >= 0 } else { live > 0 })
    }

    /// Every value of `tree`: the rewritten ones in key order, then the
    /// live `Append`s (in no particular order).
    pub fn mixed_values(&self, tree: &str) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out: Vec<Vec<u8>> = self
            .db
            .open_tree(tree)?
            .iter()?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        for (_, entry, sides) in self.live_entries()? {
            if let Entry::Mixed {
                write: MixedWrite::Append { tree: t, value },
                ..
            } = entry
            {
                if sides.a && t == tree {
                    out.push(value);
                }
            }
        }
        Ok(out)
    }
}

/// Tokens fetched on `round`'s invitations that the live epochs hold.
pub(super) fn live_tokens_issued(tally: &Tally, round: &str) -> u64 {
    tally
        .invitations
        .values()
        .filter(|(r, _)| r == round)
        .map(|(_, n)| u64::from(*n))
        .sum()
}

/// The live epochs' keys and records, open first.
fn live_of(live: &epoch::Live) -> Vec<(Arc<EpochKey>, EpochRecord)> {
    let mut out: Vec<_> = live
        .open
        .iter()
        .map(|v| (v.key.clone(), EpochRecord::Open))
        .collect();
    out.extend(live.closing.iter().map(|(v, r)| (v.key.clone(), r.clone())));
    out
}

/// Uses of an invitation recorded in the live epoch of `key`.
fn used_in(area: &super::kv::Tree, key: &EpochKey, hash: &[u8]) -> Result<u32, StoreError> {
    let mut n = 0;
    while area.contains_key(&epoch::invitation_name(key, hash, n))? {
        n += 1;
    }
    Ok(n)
}

/// The stored per-period counts of `round` plus the live ones.
pub(super) fn period_counts_with(
    counters: &super::kv::Tree,
    tally: &Tally,
    round: &Slug,
) -> Result<Vec<PeriodCounts>, StoreError> {
    let mut all = records::period_counts(counters, round)?;
    for ((r, period), live) in &tally.periods {
        if r != round.as_str() || live.total == 0 {
            continue;
        }
        let at = match all.iter().position(|c| &c.period_id == period) {
            Some(i) => i,
            None => {
                all.push(PeriodCounts {
                    period_id: period.clone(),
                    total: 0,
                    themes: Vec::new(),
                });
                all.len() - 1
            }
        };
        let counts = &mut all[at];
        counts.total += live.total;
        for (theme, n) in &live.themes {
            match counts.themes.iter_mut().find(|(t, _)| t == theme) {
                Some((_, m)) => *m += n,
                None => counts.themes.push((theme.clone(), *n)),
            }
        }
        counts.themes.sort();
    }
    all.sort_by(|a, b| a.period_id.cmp(&b.period_id));
    Ok(all)
}

/// The per-period counts the writer sees (its own tally on the embedded store; the
/// areas themselves on PostgreSQL, as readers do).
pub(super) fn period_counts_of(
    view: &View<'_>,
    round: &Slug,
) -> Result<Vec<PeriodCounts>, StoreError> {
    period_counts_with(&view.trees.counters, &view.tally()?, round)
}
