//! Mixing epochs: what the ingest area holds, how its records are named and
//! sealed, how a rewrite orders them, and the live tally of what is not
//! rewritten yet. The design is in the module docs of [`super`]; the
//! rotation and the rewrite itself are in [`super::merge`].
//!
//! # Security contract
//! - An ingest record's name is `HMAC(epoch PRF key, what it is about)` and
//!   its value is sealed under the epoch's AEAD key, bound to that name and
//!   epoch: without the epoch key, neither says what or whose it is.
//! - A critique's record is named after the credential it spends, so the
//!   backend's own uniqueness (the embedded store's single writer, PostgreSQL's primary
//!   key) refuses a second spend inside the epoch, and the main trees are
//!   checked for spends of earlier epochs.
//! - [`Slices`]: a rewrite pass writes the critiques whose *id* falls in its
//!   slice and the credential marks whose *credential* falls in its slice.
//!   The two are independent, so a pass (one transaction: one `xmin`, one
//!   stretch of the redb file) pairs a critique with its credential no more
//!   often than chance.

use super::StoreError;
use crate::encoding::hex;
use crate::secrets::vault::{EpochKey, Sealed};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::SystemTime;

/// The tree of epoch records: epoch id (16 bytes) → JSON [`EpochRecord`].
pub(super) const EPOCHS: &str = "epochs";

/// The ingest area of epoch `id`.
pub(super) fn area_name(id: &[u8; 16]) -> String {
    format!("{}{}", super::kv::AREA_PREFIX, hex(id))
}

/// The epoch id of an ingest area's name.
pub(super) fn area_id(name: &str) -> Option<[u8; 16]> {
    let hex = name.strip_prefix(super::kv::AREA_PREFIX)?;
    let bytes = crate::encoding::from_hex(hex)?;
    <[u8; 16]>::try_from(bytes.as_slice()).ok()
}

/// What the `epochs` tree says about one epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub(super) enum EpochRecord {
    /// Records land here now.
    Open,
    /// Being rewritten: which rounds' records go to the main trees (the
    /// others are carried into the open epoch), in how many passes, and
    /// how many are done.
    Closing {
        merge: Vec<String>,
        /// (round, period): that round's records of this period and
        /// earlier go out whatever their number (a period being sealed).
        forced: Vec<(String, String)>,
        parts: u32,
        done: u32,
    },
}

impl EpochRecord {
    /// Whether `entry` is rewritten into the main trees by this closing
    /// epoch (rather than carried into the next).
    pub(super) fn merges(&self, entry: &Entry) -> bool {
        let Self::Closing { merge, forced, .. } = self else {
            return false;
        };
        let round = entry.round();
        merge.iter().any(|r| r == round)
            || entry.period().is_some_and(|p| {
                forced
                    .iter()
                    .any(|(r, last)| r == round && p <= last.as_str())
            })
    }
}

/// Bytes as lower-case hex in JSON (shorter and plainer than number arrays).
mod hexbytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::encoding::hex(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        crate::encoding::from_hex(&text).ok_or_else(|| serde::de::Error::custom("not hex"))
    }
}

/// What a critique spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "credential", rename_all = "snake_case")]
pub(super) enum Spent {
    /// A paper code's keyed hash.
    Code {
        #[serde(with = "hexbytes")]
        hash: Vec<u8>,
    },
    /// A Privacy Pass token: its key id and nonce.
    Token {
        #[serde(with = "hexbytes")]
        key: Vec<u8>,
        #[serde(with = "hexbytes")]
        nonce: Vec<u8>,
    },
}

impl Spent {
    /// The bytes that name the spend (and order its mark in a rewrite).
    pub(super) fn bytes(&self) -> Vec<u8> {
        match self {
            Self::Code { hash } => [b"c".as_slice(), hash].concat(),
            Self::Token { key, nonce } => [b"t".as_slice(), key, nonce].concat(),
        }
    }

    /// The credential itself (a code hash or a nonce): random, so its
    /// order says nothing.
    fn order_bytes(&self) -> &[u8] {
        match self {
            Self::Code { hash } => hash,
            Self::Token { nonce, .. } => nonce,
        }
    }

    pub(super) fn is_code(&self) -> bool {
        matches!(self, Self::Code { .. })
    }
}

/// A write that goes through the epoch mechanism: held in the ingest area,
/// sealed under the epoch key, and applied to `tree` only when its round's
/// records are rewritten in key order (issue 16's "about you" codes and
/// counts, issue 20's answer counters). Reads see it at once
/// ([`super::Store::mixed_count`], [`super::Store::mixed_present`],
/// [`super::Store::mixed_values`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum MixedWrite {
    /// Add `value` to `tree` under a fresh random 16-byte key.
    Append {
        tree: String,
        #[serde(with = "hexbytes")]
        value: Vec<u8>,
    },
    /// Add `by` to the big-endian u64 at `key` of `tree`.
    Count {
        tree: String,
        #[serde(with = "hexbytes")]
        key: Vec<u8>,
        by: u64,
    },
    /// Create `key` in `tree`; refused (`Exists`) if it is there already,
    /// stored or live.
    Create {
        tree: String,
        #[serde(with = "hexbytes")]
        key: Vec<u8>,
        #[serde(with = "hexbytes")]
        value: Vec<u8>,
    },
    /// Remove `key` from `tree`, once: refused (`NotFound`) unless it is
    /// there and not consumed yet (a one-time credential, spent).
    Consume {
        tree: String,
        #[serde(with = "hexbytes")]
        key: Vec<u8>,
    },
}

impl MixedWrite {
    pub(super) fn tree(&self) -> &str {
        match self {
            Self::Append { tree, .. }
            | Self::Count { tree, .. }
            | Self::Create { tree, .. }
            | Self::Consume { tree, .. } => tree,
        }
    }
}

/// The smallest size an ingest record is padded to: a critique of up to
/// about a hundred characters, as most are.
pub(super) const PADDED_MIN: usize = 1024;

/// One ingest record, as sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Entry {
    /// A critique and the credential it spent.
    Critique {
        round: String,
        period: String,
        #[serde(with = "hexbytes")]
        id: Vec<u8>,
        themes: Vec<String>,
        quote_ok: bool,
        #[serde(with = "hexbytes")]
        commitment: Vec<u8>,
        sealed: Sealed,
        spent: Spent,
    },
    /// One token fetched on an invitation.
    InvitationUse {
        round: String,
        #[serde(with = "hexbytes")]
        invitation: Vec<u8>,
    },
    /// A [`MixedWrite`] for `round` (in `period`, if it belongs to one).
    Mixed {
        round: String,
        period: Option<String>,
        write: MixedWrite,
        /// Random: names an `Append` record, and orders `Append`s.
        #[serde(with = "hexbytes")]
        nonce: Vec<u8>,
    },
}

impl Entry {
    pub(super) fn round(&self) -> &str {
        match self {
            Self::Critique { round, .. }
            | Self::InvitationUse { round, .. }
            | Self::Mixed { round, .. } => round,
        }
    }

    pub(super) fn period(&self) -> Option<&str> {
        match self {
            Self::Critique { period, .. } => Some(period),
            Self::Mixed { period, .. } => period.as_deref(),
            Self::InvitationUse { .. } => None,
        }
    }

    /// The record as sealed: its JSON, padded with spaces (which JSON
    /// allows after the value) to the next power of two, at least
    /// [`PADDED_MIN`] bytes. A critique's stored record shows its text's
    /// length; an ingest record of the same size, left in a freed page in
    /// arrival order, would pair the two by size. Padded, it shows only the
    /// length's class (up to 1 KiB, 2 KiB, 4 KiB, …), so within an epoch a
    /// critique hides among those of its class.
    pub(super) fn encode(&self) -> Result<Vec<u8>, StoreError> {
        let mut plain = super::records::to_json(self)?;
        plain.resize(plain.len().max(PADDED_MIN).next_power_of_two(), b' ');
        Ok(plain)
    }

    /// A record sealed by [`Entry::encode`] (or, before padding, its JSON).
    pub(super) fn decode(bytes: &[u8]) -> Result<Self, StoreError> {
        super::records::from_json(bytes)
    }

    /// The two orders a rewrite sorts this record's writes by: `a` for the
    /// record itself (a critique's random id; an "about you" record's new
    /// key), `b` for its credential (a code hash, a nonce, an invitation
    /// hash). An entry has at least one.
    pub(super) fn slices(&self, key: &EpochKey) -> Slices {
        match self {
            Self::Critique { id, spent, .. } => Slices {
                a: Some(prefix(id)),
                b: Some(prefix(spent.order_bytes())),
            },
            Self::InvitationUse { invitation, .. } => Slices {
                a: None,
                b: Some(prefix(invitation)),
            },
            Self::Mixed { write, nonce, .. } => {
                let slot = match write {
                    MixedWrite::Append { .. } => key.name(&[b"append", nonce]),
                    MixedWrite::Count { tree, key: k, .. }
                    | MixedWrite::Create { tree, key: k, .. }
                    | MixedWrite::Consume { tree, key: k } => {
                        key.name(&[b"slot", tree.as_bytes(), k])
                    }
                };
                Slices {
                    a: Some(prefix(&slot)),
                    b: None,
                }
            }
        }
    }
}

/// The first 8 bytes of `bytes` as a number (0 if shorter).
fn prefix(bytes: &[u8]) -> u64 {
    bytes
        .get(..8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_be_bytes)
}

/// Where an entry's writes fall in the key spaces of a rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slices {
    pub a: Option<u64>,
    pub b: Option<u64>,
}

/// The pass (of `parts`) that writes a key whose first 8 bytes are `x`:
/// pass `j` takes the j-th of `parts` equal slices of the key space.
pub(super) fn part(x: u64, parts: u32) -> u32 {
    ((u128::from(x) * u128::from(parts.max(1))) >> 64) as u32
}

/// The name of a critique's record: after the credential it spends.
pub(super) fn spend_name(key: &EpochKey, spent: &Spent) -> [u8; 32] {
    key.name(&[b"spend", &spent.bytes()])
}

/// The name of the `n`-th use, in this epoch, of an invitation.
pub(super) fn invitation_name(key: &EpochKey, hash: &[u8], n: u32) -> [u8; 32] {
    key.name(&[b"invitation", hash, &n.to_be_bytes()])
}

/// The name of a mixed write's record.
pub(super) fn mixed_name(key: &EpochKey, write: &MixedWrite, nonce: &[u8]) -> [u8; 32] {
    match write {
        MixedWrite::Append { .. } | MixedWrite::Count { .. } => key.name(&[b"mixed", nonce]),
        MixedWrite::Create { tree, key: k, .. } => key.name(&[b"create", tree.as_bytes(), k]),
        MixedWrite::Consume { tree, key: k } => key.name(&[b"consume", tree.as_bytes(), k]),
    }
}

/// The key an `Append` record gets in its tree: derived under the epoch
/// key, so a rewrite that is redone after a crash writes the same one, and
/// nobody without the key can tie it to the ingest record.
pub(super) fn append_key(key: &EpochKey, nonce: &[u8]) -> [u8; 16] {
    let full = key.name(&[b"append", nonce]);
    let mut out = [0u8; 16];
    out.copy_from_slice(&full[..16]);
    out
}

/// Which of an entry's writes a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sides {
    /// The record itself (counts, texts, "about you", mixed writes).
    pub a: bool,
    /// Its credential (spent marks, invitation uses).
    pub b: bool,
}

impl Sides {
    pub(super) const BOTH: Self = Self { a: true, b: true };
}

/// Critique counts of one period in the tally.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct PeriodTally {
    pub total: u64,
    pub themes: BTreeMap<String, u64>,
    pub codes: u64,
    pub tokens: u64,
}

/// What the records of one epoch that are not rewritten yet add to the
/// stored state: counted in memory, never written as a running count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Tally {
    /// (round, period) → critique counts (side a).
    pub periods: BTreeMap<(String, String), PeriodTally>,
    /// Spent marks not yet written (side b): codes, and token nonces by
    /// their key's id.
    pub code_marks: u64,
    pub token_marks: BTreeMap<Vec<u8>, u64>,
    /// invitation hash → (round, uses) (side b).
    pub invitations: HashMap<Vec<u8>, (String, u32)>,
    /// (tree, key) → sum of `Count` writes (side a).
    pub counts: HashMap<(String, Vec<u8>), u64>,
    /// (tree, key) → +1 created, -1 consumed (side a).
    pub presence: HashMap<(String, Vec<u8>), i64>,
    /// tree → `Append` records (side a).
    pub appended: BTreeMap<String, u64>,
    /// (round, period if any) → records, counted whole (both sides at
    /// once: as they arrive or are carried, not as a rewrite's passes
    /// write them). What a rotation decides from without reading the
    /// open area; kept for the open epoch only (a closing epoch's is
    /// cleared).
    pub records: BTreeMap<(String, Option<String>), u64>,
}

impl Tally {
    /// Count (or, with `sign` -1, uncount) the `sides` of `entry`.
    pub(super) fn apply(&mut self, entry: &Entry, sides: Sides, sign: i64) {
        let step = |n: &mut u64, by: u64| {
            *n = if sign >= 0 {
                n.saturating_add(by)
            } else {
                n.saturating_sub(by)
            }
        };
        if sides == Sides::BOTH {
            let key = (entry.round().to_owned(), entry.period().map(str::to_owned));
            step(self.records.entry(key).or_default(), 1);
        }
        match entry {
            Entry::Critique {
                round,
                period,
                themes,
                spent,
                ..
            } => {
                if sides.a {
                    let p = self
                        .periods
                        .entry((round.clone(), period.clone()))
                        .or_default();
                    step(&mut p.total, 1);
                    for t in themes {
                        step(p.themes.entry(t.clone()).or_default(), 1);
                    }
                    if spent.is_code() {
                        step(&mut p.codes, 1);
                    } else {
                        step(&mut p.tokens, 1);
                    }
                }
                if sides.b {
                    match spent {
                        Spent::Code { .. } => step(&mut self.code_marks, 1),
                        Spent::Token { key, .. } => {
                            step(self.token_marks.entry(key.clone()).or_default(), 1)
                        }
                    }
                }
            }
            Entry::InvitationUse { round, invitation } => {
                if sides.b {
                    let e = self
                        .invitations
                        .entry(invitation.clone())
                        .or_insert_with(|| (round.clone(), 0));
                    let mut n = u64::from(e.1);
                    step(&mut n, 1);
                    e.1 = u32::try_from(n).unwrap_or(u32::MAX);
                }
            }
            Entry::Mixed { write, .. } if sides.a => match write {
                MixedWrite::Append { tree, .. } => {
                    step(self.appended.entry(tree.clone()).or_default(), 1)
                }
                MixedWrite::Count { tree, key, by } => step(
                    self.counts.entry((tree.clone(), key.clone())).or_default(),
                    *by,
                ),
                MixedWrite::Create { tree, key, .. } => {
                    *self
                        .presence
                        .entry((tree.clone(), key.clone()))
                        .or_default() += sign
                }
                MixedWrite::Consume { tree, key } => {
                    *self
                        .presence
                        .entry((tree.clone(), key.clone()))
                        .or_default() -= sign
                }
            },
            Entry::Mixed { .. } => {}
        }
    }

    /// Add everything `other` counts.
    pub(super) fn merge(&mut self, other: &Tally) {
        for (k, p) in &other.periods {
            let mine = self.periods.entry(k.clone()).or_default();
            mine.total += p.total;
            mine.codes += p.codes;
            mine.tokens += p.tokens;
            for (t, n) in &p.themes {
                *mine.themes.entry(t.clone()).or_default() += n;
            }
        }
        self.code_marks += other.code_marks;
        for (k, n) in &other.token_marks {
            *self.token_marks.entry(k.clone()).or_default() += n;
        }
        for (h, (r, n)) in &other.invitations {
            self.invitations
                .entry(h.clone())
                .or_insert_with(|| (r.clone(), 0))
                .1 += n;
        }
        for (k, n) in &other.counts {
            *self.counts.entry(k.clone()).or_default() += n;
        }
        for (k, n) in &other.presence {
            *self.presence.entry(k.clone()).or_default() += n;
        }
        for (t, n) in &other.appended {
            *self.appended.entry(t.clone()).or_default() += n;
        }
        for (k, n) in &other.records {
            *self.records.entry(k.clone()).or_default() += n;
        }
    }

    /// Critiques of `round` not rewritten yet.
    pub(super) fn critiques_of(&self, round: &str) -> u64 {
        self.periods
            .iter()
            .filter(|((r, _), _)| r == round)
            .map(|(_, p)| p.total)
            .sum()
    }

    pub(super) fn critiques(&self) -> u64 {
        self.periods.values().map(|p| p.total).sum()
    }

    /// Whether `round` has anything in this tally in `period` or earlier
    /// (`None`: in any period), on either side.
    pub(super) fn holds(&self, round: &str, up_to: Option<&str>) -> bool {
        self.periods
            .iter()
            .any(|((r, p), t)| r == round && up_to.is_none_or(|u| p.as_str() <= u) && t.total > 0)
    }
}

/// One live epoch as the store sees it: its key, when it started, and
/// what its records not rewritten yet add.
pub(super) struct EpochView {
    pub key: Arc<EpochKey>,
    /// Rounded down to the minute: also every file's time (see
    /// [`super::times`]).
    pub started: SystemTime,
    pub tally: Tally,
}

/// The open epoch, and the closing one while it is rewritten.
#[derive(Default)]
pub(super) struct Live {
    pub open: Option<EpochView>,
    pub closing: Option<(EpochView, EpochRecord)>,
    /// Bumped by the writer after every commit: a reader's cached tally
    /// (PostgreSQL) is only reused while it is unchanged.
    pub generation: std::sync::atomic::AtomicU64,
    /// PostgreSQL: the tally last read from the live areas, with the
    /// generation and moment it was read.
    pub cached: std::sync::Mutex<Option<(u64, std::time::Instant, Tally)>>,
}

impl Live {
    /// The views that hold records, open first.
    pub(super) fn views(&self) -> impl Iterator<Item = &EpochView> {
        self.open.iter().chain(self.closing.iter().map(|(v, _)| v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_split_the_key_space_evenly_and_in_order() {
        assert_eq!(part(0, 4), 0);
        assert_eq!(part(u64::MAX, 4), 3);
        assert_eq!(part(u64::MAX / 2, 4), 1);
        assert_eq!(part(u64::MAX / 2 + 1, 4), 2);
        assert_eq!(part(12345, 1), 0);
        assert_eq!(part(u64::MAX, 0), 0);
    }

    proptest::proptest! {
        /// Whatever a critique's length, its sealed record is padded to a
        /// power of two of at least 1 KiB, and opens as it was; records of
        /// texts up to 100 characters (hex-sealed, up to 400 bytes of UTF-8)
        /// are all one size.
        #[test]
        fn ingest_records_show_only_their_length_class(text in ".{0,5000}") {
            let sealed_hex = "ab".repeat(text.len() + 16);
            let e = Entry::Critique {
                round: "a-round-slug-of-some-length".into(),
                period: "2026-11-23".into(),
                id: vec![1; 16],
                themes: vec!["money-and-time".into(), "being-listened-to".into()],
                quote_ok: true,
                commitment: vec![2; 32],
                sealed: Sealed {
                    key: "a-round-slug-of-some-length/2026-11-23".into(),
                    nonce: "00".repeat(12),
                    ciphertext: sealed_hex,
                },
                spent: Spent::Code { hash: vec![3; 32] },
            };
            let plain = e.encode().unwrap();
            proptest::prop_assert!(plain.len().is_power_of_two(), "{}", plain.len());
            proptest::prop_assert!(plain.len() >= PADDED_MIN);
            let json = super::super::records::to_json(&e).unwrap();
            proptest::prop_assert!(plain.len() < 2 * json.len().max(PADDED_MIN));
            if text.len() <= 100 {
                proptest::prop_assert_eq!(plain.len(), PADDED_MIN);
            }
            proptest::prop_assert_eq!(Entry::decode(&plain).unwrap(), e);
        }
    }

    #[test]
    fn entries_round_trip_and_name_no_one_in_clear() {
        let e = Entry::Critique {
            round: "r".into(),
            period: "2026-11-23".into(),
            id: vec![1; 16],
            themes: vec!["t".into()],
            quote_ok: true,
            commitment: vec![2; 32],
            sealed: Sealed {
                key: "r/2026-11-23".into(),
                nonce: "00".into(),
                ciphertext: "11".into(),
            },
            spent: Spent::Code { hash: vec![3; 32] },
        };
        assert_eq!(Entry::decode(&e.encode().unwrap()).unwrap(), e);
        // A record sealed before padding still opens.
        assert_eq!(
            Entry::decode(&super::super::records::to_json(&e).unwrap()).unwrap(),
            e
        );
        let mut t = Tally::default();
        t.apply(&e, Sides::BOTH, 1);
        assert_eq!(t.critiques_of("r"), 1);
        assert_eq!(t.code_marks, 1);
        t.apply(&e, Sides { a: true, b: false }, -1);
        assert_eq!(t.critiques(), 0);
        assert_eq!(t.code_marks, 1);
    }

    /// A rotation on the embedded store decides from these counts instead of reading
    /// the open area: each record once, as it arrives or is carried, by
    /// round and period (none for an invitation's use).
    #[test]
    fn records_are_counted_whole_by_round_and_period() {
        let critique = |round: &str, period: &str| Entry::Critique {
            round: round.into(),
            period: period.into(),
            id: vec![1; 16],
            themes: Vec::new(),
            quote_ok: false,
            commitment: vec![2; 32],
            sealed: Sealed {
                key: format!("{round}/{period}"),
                nonce: "00".into(),
                ciphertext: "11".into(),
            },
            spent: Spent::Code { hash: vec![3; 32] },
        };
        let used = Entry::InvitationUse {
            round: "r".into(),
            invitation: vec![4; 32],
        };
        let mixed = Entry::Mixed {
            round: "r".into(),
            period: Some("2026-11-30".into()),
            write: MixedWrite::Append {
                tree: "notes".into(),
                value: b"x".to_vec(),
            },
            nonce: vec![5; 16],
        };
        let mut t = Tally::default();
        for e in [
            critique("r", "2026-11-23"),
            critique("r", "2026-11-23"),
            critique("s", "2026-11-23"),
            used.clone(),
            mixed.clone(),
        ] {
            t.apply(&e, Sides::BOTH, 1);
        }
        let of = |t: &Tally, r: &str, p: Option<&str>| {
            t.records
                .get(&(r.to_owned(), p.map(str::to_owned)))
                .copied()
                .unwrap_or(0)
        };
        assert_eq!(of(&t, "r", Some("2026-11-23")), 2);
        assert_eq!(of(&t, "s", Some("2026-11-23")), 1);
        assert_eq!(of(&t, "r", None), 1);
        assert_eq!(of(&t, "r", Some("2026-11-30")), 1);
        // A rewrite's pass writes one side at a time: not a record gone.
        t.apply(
            &critique("r", "2026-11-23"),
            Sides { a: true, b: false },
            -1,
        );
        t.apply(&used, Sides { a: false, b: true }, -1);
        assert_eq!(of(&t, "r", Some("2026-11-23")), 2);
        assert_eq!(of(&t, "r", None), 1);
        // Carried out of the epoch: gone from its count.
        t.apply(&mixed, Sides::BOTH, -1);
        assert_eq!(of(&t, "r", Some("2026-11-30")), 0);
        let mut sum = Tally::default();
        sum.merge(&t);
        sum.merge(&t);
        assert_eq!(of(&sum, "r", Some("2026-11-23")), 4);
        assert_eq!(of(&sum, "s", Some("2026-11-23")), 2);
    }
}
