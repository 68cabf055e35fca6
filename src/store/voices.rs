//! Storage for what is published beside a digest: quotes (with their
//! moderation), organisations' bearer keys, responses, pledges, and the
//! unlinked "about you" answers.
//!
//! # Key layout (trees of this module, on either backend)
//!
//! | tree            | key                                  | value |
//! |-----------------|--------------------------------------|-------|
//! | `quotes`        | random 128-bit quote id, 16 B        | JSON [`QuoteRecord`]: round, period, shown themes, state (pending; approved with its approved text; rejected with a reason code) and, until the period is shredded, the critique id it came from |
//! | `quote_sources` | critique id, 16 B                    | the quote id (so a critique is queued once); removed when the period is shredded |
//! | `org_keys`      | organisation, `\0`, random 8-byte key id | SHA-256 of the key, 32 B |
//! | `responses`     | round `\0` period `\0` theme         | JSON [`ResponseRecord`] with every earlier version |
//! | `pledges`       | random 128-bit pledge id, 16 B       | JSON [`PledgeRecord`] with its history |
//! | `about_you_counts` | round `\0` period `\0` question `\0` answer (both empty: respondents) | u64 big-endian: how many chose it, written at rewrites only |
//! | `about_you_codes` | HMAC-SHA256(code key, round, period, code), 32 B | empty: an unspent "about you" code |
//!
//! Earlier versions kept one record per person in `about_you`; the store
//! folds those into `about_you_counts` once, at start ([`super::legacy`]).
//! Responses and pledges stored before their leaves existed get them once,
//! at start, too (same module).
//!
//! # Security contract
//! - "About you" needs a one-time code that a critique's receipt carries
//!   (issue 16): one per critique, made in the critique's transaction as a
//!   record of its own ([`MixedWrite::Create`] of its keyed hash, bound to
//!   round and period), spent in the transaction that counts the answers
//!   ([`MixedWrite::Consume`] with [`MixedWrite::Count`]s), so a forged,
//!   reused or late code stores nothing, and there are never more
//!   respondents than critiques in a period. Both go through the epoch
//!   mechanism (see [`super`]): sealed under the epoch key until their
//!   round's records are rewritten, each in its own key order, so nothing
//!   on disk pairs a code with its critique beyond the epoch.
//! - No one's answers are kept as a record: only counts per period,
//!   question and answer, added at rewrites (a period's counts are forced
//!   out before it is sealed). No record carries a period in clear.
//! - A pending or rejected quote holds no text: the moderator's view
//!   decrypts and scrubs the critique on demand, so once the period is
//!   shredded nothing of it remains. An approved quote keeps only its
//!   approved (scrubbed, possibly edited) text, which is published anyway.
//!   Shredding a period deletes its pending and rejected quotes and the
//!   link from approved quotes to the critique.
//! - Organisation keys are stored only as SHA-256 of 256 random bits.
//! - A response version or pledge step is an [`AnswerOp`], run by the
//!   writer as a log job: the record and its leaf
//!   ([`crate::audit::record`]) under a signed head of its own commit in
//!   one transaction, so the public record and the log cannot disagree
//!   (issue 21). It carries the period it was made in, never a finer time.

use super::kv::{Kv, Tree, TxResult, Txn, WriteConn};
use super::queue::{Job, LogJob};
use super::records;
use super::{MixedWrite, Store, StoreError};
use crate::audit::log::Leaf;
use crate::audit::record;
use crate::digest::voices::Release;
use crate::domain::{
    AboutYou, AboutYouTally, Candidate, PledgeChange, PledgeRecord, QuoteRecord, QuoteState,
    ResponseRecord, ResponseVersion, Round,
};
use crate::encoding::hex;
use serde::Serialize;
use std::collections::BTreeMap;

const QUOTES: &str = "quotes";
const QUOTE_SOURCES: &str = "quote_sources";
const ORG_KEYS: &str = "org_keys";
pub(super) const RESPONSES: &str = "responses";
pub(super) const PLEDGES: &str = "pledges";
pub(super) const ABOUT: &str = "about_you_counts";
const ABOUT_CODES: &str = "about_you_codes";

/// A raw record of this module's trees: (tree, key, value).
pub type VoiceRecord = (String, Vec<u8>, Vec<u8>);

/// Writes of this module, applied by the writer between transactions.
pub(super) enum VoiceOp {
    AddQuotes(Vec<QuoteRecord>),
    DecideQuote {
        id: [u8; 16],
        state: QuoteState,
    },
    AddOrgKey {
        organisation: String,
        id: [u8; 8],
        hash: [u8; 32],
    },
}

/// A response version or pledge step: stored by the writer as a log job,
/// with its leaf (see [`crate::audit::record`]) appended in the same
/// transaction, so the record and the log never disagree.
pub(super) enum AnswerOp {
    PutResponse {
        round: String,
        period: String,
        theme: String,
        version: ResponseVersion,
    },
    CreatePledge(PledgeRecord),
    UpdatePledge {
        id: [u8; 16],
        organisation: String,
        change: PledgeChange,
    },
}

/// What an [`AnswerOp`] writes: the record's tree, key and new JSON, and
/// the leaf committing its newest version or step.
pub(super) struct AnswerWrite {
    pub tree: &'static str,
    pub key: Vec<u8>,
    pub json: Vec<u8>,
    pub leaf: Leaf,
}

impl AnswerOp {
    /// The record `self` makes of what is stored now (read under the
    /// writer's lock and the log's append lock, so nothing else writes it
    /// between this read and the commit). The inner error is the job's own
    /// answer (an unknown pledge, a damaged record).
    pub(super) fn prepare(&self, kv: &Kv) -> Result<Result<AnswerWrite, StoreError>, StoreError> {
        match self {
            Self::PutResponse {
                round,
                period,
                theme,
                version,
            } => {
                let key = format!("{round}\0{period}\0{theme}").into_bytes();
                let mut record = match kv.open_tree(RESPONSES)?.get(&key)? {
                    Some(v) => match records::from_json::<ResponseRecord>(&v) {
                        Ok(r) => r,
                        Err(e) => return Ok(Err(e)),
                    },
                    None => ResponseRecord {
                        round: round.clone(),
                        period: period.clone(),
                        theme: theme.clone(),
                        versions: Vec::new(),
                    },
                };
                record.versions.push(version.clone());
                let leaf = record::response_leaf(&record, record.versions.len() - 1);
                answer_write(RESPONSES, key, &record, leaf)
            }
            Self::CreatePledge(p) => {
                let Some(id) = unhex::<16>(&p.id) else {
                    return Ok(Err(StoreError::Io("bad pledge id".into())));
                };
                if kv.open_tree(PLEDGES)?.get(&id)?.is_some() {
                    return Ok(Err(StoreError::Io("pledge id collision".into())));
                }
                let leaf = record::pledge_leaf(p, p.history.len().saturating_sub(1));
                answer_write(PLEDGES, id.to_vec(), p, leaf)
            }
            Self::UpdatePledge {
                id,
                organisation,
                change,
            } => {
                let stored = kv.open_tree(PLEDGES)?.get(id)?;
                let mut p = match stored.map(|v| records::from_json::<PledgeRecord>(&v)) {
                    // Another organisation's pledge is "not found", as if
                    // it did not exist.
                    Some(Ok(p)) if &p.organisation == organisation => p,
                    Some(Err(e)) => return Ok(Err(e)),
                    _ => return Ok(Err(StoreError::NotFound("pledge"))),
                };
                p.history.push(change.clone());
                let leaf = record::pledge_leaf(&p, p.history.len() - 1);
                answer_write(PLEDGES, id.to_vec(), &p, leaf)
            }
        }
    }
}

fn answer_write<T: Serialize>(
    tree: &'static str,
    key: Vec<u8>,
    value: &T,
    leaf: Option<Leaf>,
) -> Result<Result<AnswerWrite, StoreError>, StoreError> {
    let Some(leaf) = leaf else {
        return Ok(Err(StoreError::Io("an answer without a version".into())));
    };
    Ok(Ok(AnswerWrite {
        tree,
        key,
        json: records::to_json(value)?,
        leaf,
    }))
}

type Answer = Result<(), StoreError>;

/// Apply `op` in a transaction of its own (run by the writer, under its
/// write lock, after the batch's transaction and before its flush). The
/// outer error is fatal (I/O); the inner one is the job's own answer.
pub(super) fn apply(conn: &mut WriteConn, kv: &Kv, op: &VoiceOp) -> Result<Answer, StoreError> {
    let (quotes, sources) = (kv.open_tree(QUOTES)?, kv.open_tree(QUOTE_SOURCES)?);
    match op {
        VoiceOp::AddQuotes(list) => {
            let mut new = Vec::new();
            for q in list {
                if let (Some(id), Some(source)) = (
                    unhex::<16>(&q.id),
                    q.source.as_deref().and_then(unhex::<16>),
                ) {
                    new.push((id, source, records::to_json(q)?));
                }
            }
            conn.transaction(&[&quotes, &sources], |tx| {
                for (id, source, json) in &new {
                    if tx.get(QUOTE_SOURCES, source)?.is_some() || tx.get(QUOTES, id)?.is_some() {
                        continue;
                    }
                    tx.insert(QUOTES, id, json)?;
                    tx.insert(QUOTE_SOURCES, source, id)?;
                }
                Ok(())
            })?;
            // Not `Issued`: the writer counts that as codes issued.
            Ok(Ok(()))
        }
        VoiceOp::DecideQuote { id, state } => conn.transaction(&[&quotes], |tx| {
            let mut q = match get_json::<QuoteRecord>(tx, QUOTES, id)? {
                Ok(Some(q)) => q,
                Ok(None) => return Ok(Err(StoreError::NotFound("quote"))),
                Err(e) => return Ok(Err(e)),
            };
            if q.state != QuoteState::Pending {
                return Ok(Err(StoreError::Exists("decision")));
            }
            q.state = state.clone();
            put_json(tx, QUOTES, id, &q)
        }),
        VoiceOp::AddOrgKey {
            organisation,
            id,
            hash,
        } => {
            let (orgs, keys) = (kv.open_tree("organisations")?, kv.open_tree(ORG_KEYS)?);
            conn.transaction(&[&orgs, &keys], |tx| {
                if tx.get("organisations", organisation.as_bytes())?.is_none() {
                    return Ok(Err(StoreError::NotFound("organisation")));
                }
                tx.insert(ORG_KEYS, &org_key(organisation, id), &hash[..])?;
                Ok(Ok(()))
            })
        }
    }
}

/// Read a JSON record in a transaction; a record that does not decode is
/// the job's own error.
fn get_json<T: serde::de::DeserializeOwned>(
    tx: &mut dyn Txn,
    tree: &str,
    key: &[u8],
) -> TxResult<Result<Option<T>, StoreError>> {
    Ok(tx
        .get(tree, key)?
        .map(|v| records::from_json(&v))
        .transpose())
}

/// Write a JSON record in a transaction: the job is done.
fn put_json<T: Serialize>(tx: &mut dyn Txn, tree: &str, key: &[u8], value: &T) -> TxResult<Answer> {
    match records::to_json(value) {
        Ok(json) => {
            tx.insert(tree, key, &json)?;
            Ok(Ok(()))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// Forget what a shredded period's quotes need the critique for: pending
/// and rejected quotes go, approved ones lose their link to the critique.
pub(super) fn shred_period(
    conn: &mut WriteConn,
    kv: &Kv,
    round: &str,
    period: &str,
) -> Result<(), StoreError> {
    let (quotes, sources) = (kv.open_tree(QUOTES)?, kv.open_tree(QUOTE_SOURCES)?);
    let mut keep = Vec::new();
    let mut drop = Vec::new();
    let mut unlink = Vec::new();
    for (key, value) in quotes.iter()? {
        let mut q: QuoteRecord = records::from_json(&value)?;
        if q.round != round || q.period != period {
            continue;
        }
        if let Some(source) = q.source.take().as_deref().and_then(unhex::<16>) {
            unlink.push(source);
        }
        match q.state {
            QuoteState::Approved { .. } => keep.push((key, records::to_json(&q)?)),
            _ => drop.push(key),
        }
    }
    conn.transaction(&[&quotes, &sources], |tx| {
        for source in &unlink {
            tx.remove(QUOTE_SOURCES, source)?;
        }
        for (key, json) in &keep {
            tx.insert(QUOTES, key, json)?;
        }
        for key in &drop {
            tx.remove(QUOTES, key)?;
        }
        Ok(())
    })
}

fn org_key(organisation: &str, id: &[u8; 8]) -> Vec<u8> {
    let mut k = format!("{organisation}\0").into_bytes();
    k.extend_from_slice(id);
    k
}

fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let bytes = crate::encoding::from_hex(s)?;
    <[u8; N]>::try_from(bytes.as_slice()).ok()
}

fn all<T: serde::de::DeserializeOwned>(tree: &Tree) -> Result<Vec<T>, StoreError> {
    tree.iter()?
        .iter()
        .map(|(_, v)| records::from_json(v))
        .collect()
}

impl Store {
    async fn voice(&self, op: VoiceOp) -> Result<(), StoreError> {
        self.call(|r| Job::Voices(op, r)).await
    }

    // ----------------------------------------------------------- quotes

    /// Critiques of `round` counted in `release` that may be queued as
    /// quotes: the writer ticked "you may quote me", at least one of their
    /// themes is shown, and they are not queued yet. (Shredded periods
    /// have no critiques left.)
    pub fn quote_candidates(
        &self,
        round: &Round,
        release: &Release,
    ) -> Result<Vec<Candidate>, StoreError> {
        let mut out = Vec::new();
        for period in &release.covers {
            let prefix = format!("{}\0{period}\0", round.slug);
            self.candidates_in(&prefix, period, release, &mut out)?;
        }
        Ok(out)
    }

    fn candidates_in(
        &self,
        prefix: &str,
        period: &str,
        release: &Release,
        out: &mut Vec<Candidate>,
    ) -> Result<(), StoreError> {
        let sources = self.db.open_tree(QUOTE_SOURCES)?;
        for (k, _) in self.trees.members.scan_prefix(prefix.as_bytes())? {
            let Ok(id) = <[u8; 16]>::try_from(&k[prefix.len()..]) else {
                continue;
            };
            if sources.contains_key(&id)? {
                continue;
            }
            let Some(c) = records::get_critique(&self.trees.critiques, &id)? else {
                continue;
            };
            // Consent and themes as the sealed record says them: a record
            // changed or added without the keys does not open (issue 17).
            let Ok((record, _)) = c.open(&self.vault, &id) else {
                tracing::warn!("a critique record that does not open as stored was not queued");
                continue;
            };
            let themes: Vec<String> = record
                .themes
                .into_iter()
                .filter(|t| release.shown_themes.contains(t))
                .collect();
            if record.quote_ok && !themes.is_empty() {
                out.push(Candidate {
                    id,
                    period: period.to_owned(),
                    themes,
                });
            }
        }
        Ok(())
    }

    /// Queue quotes (pending); a critique already queued is skipped.
    pub async fn add_quotes(&self, quotes: Vec<QuoteRecord>) -> Result<(), StoreError> {
        self.voice(VoiceOp::AddQuotes(quotes)).await
    }

    /// Every quote record (any state).
    pub fn quotes(&self) -> Result<Vec<QuoteRecord>, StoreError> {
        all(&self.db.open_tree(QUOTES)?)
    }

    pub fn quote(&self, id: &str) -> Result<Option<QuoteRecord>, StoreError> {
        match unhex::<16>(id) {
            Some(key) => records::get_json(&self.db.open_tree(QUOTES)?, &key),
            None => Ok(None),
        }
    }

    /// The text of the critique a pending quote came from, decrypted, or
    /// `None` once it is gone (shredded).
    pub fn quote_source_text(&self, quote: &QuoteRecord) -> Result<Option<String>, StoreError> {
        let Some(id) = quote.source.as_deref().and_then(unhex::<16>) else {
            return Ok(None);
        };
        let Some(stored) = records::get_critique(&self.trees.critiques, &id)? else {
            return Ok(None);
        };
        let (record, _) = stored.open(&self.vault, &id)?;
        Ok(Some(record.text))
    }

    /// Decide a pending quote; `Exists("decision")` if it was decided.
    pub async fn decide_quote(&self, id: &str, state: QuoteState) -> Result<(), StoreError> {
        let id = unhex::<16>(id).ok_or(StoreError::NotFound("quote"))?;
        self.voice(VoiceOp::DecideQuote { id, state }).await
    }

    // ------------------------------------------------- organisation keys

    /// Record a new key for `organisation` (only its hash).
    pub async fn add_org_key(&self, organisation: &str, hash: [u8; 32]) -> Result<(), StoreError> {
        let id = crate::secrets::random::bytes::<8>()
            .map_err(|_| StoreError::Io("random generator failed".into()))?;
        self.voice(VoiceOp::AddOrgKey {
            organisation: organisation.to_owned(),
            id,
            hash,
        })
        .await
    }

    /// The hashes of `organisation`'s keys.
    pub fn org_key_hashes(&self, organisation: &str) -> Result<Vec<[u8; 32]>, StoreError> {
        let prefix = format!("{organisation}\0");
        self.db
            .open_tree(ORG_KEYS)?
            .scan_prefix(prefix.as_bytes())?
            .iter()
            .map(|(_, v)| {
                <[u8; 32]>::try_from(v.as_slice())
                    .map_err(|_| StoreError::Io("damaged key hash".into()))
            })
            .collect()
    }

    // ------------------------------------------- responses and pledges

    /// Store and log a response or pledge change (`today` dates the log's
    /// week marker, if one is due).
    async fn answer(&self, op: AnswerOp, today: time::Date) -> Result<(), StoreError> {
        self.call(|reply| Job::Log(LogJob::Answer { op, today, reply }))
            .await
    }

    /// Add a version to the response to `theme` of `round`'s release
    /// `period`, with its leaf in the log, in one transaction.
    pub async fn put_response(
        &self,
        round: &str,
        period: &str,
        theme: &str,
        version: ResponseVersion,
        today: time::Date,
    ) -> Result<(), StoreError> {
        let op = AnswerOp::PutResponse {
            round: round.to_owned(),
            period: period.to_owned(),
            theme: theme.to_owned(),
            version,
        };
        self.answer(op, today).await
    }

    /// Every response about `round`.
    pub fn responses_of(&self, round: &str) -> Result<Vec<ResponseRecord>, StoreError> {
        let prefix = format!("{round}\0");
        self.db
            .open_tree(RESPONSES)?
            .scan_prefix(prefix.as_bytes())?
            .iter()
            .map(|(_, v)| records::from_json(v))
            .collect()
    }

    /// Store a new pledge with the leaf of its first step, in one
    /// transaction.
    pub async fn create_pledge(
        &self,
        pledge: PledgeRecord,
        today: time::Date,
    ) -> Result<(), StoreError> {
        self.answer(AnswerOp::CreatePledge(pledge), today).await
    }

    /// Add a status change to `organisation`'s pledge `id`, with its leaf
    /// in the log, in one transaction.
    pub async fn update_pledge(
        &self,
        id: &str,
        organisation: &str,
        change: PledgeChange,
        today: time::Date,
    ) -> Result<PledgeRecord, StoreError> {
        let key = unhex::<16>(id).ok_or(StoreError::NotFound("pledge"))?;
        let op = AnswerOp::UpdatePledge {
            id: key,
            organisation: organisation.to_owned(),
            change,
        };
        self.answer(op, today).await?;
        let id = id.to_owned();
        self.read(move |s| s.pledge(&id))
            .await?
            .ok_or(StoreError::NotFound("pledge"))
    }

    pub fn pledge(&self, id: &str) -> Result<Option<PledgeRecord>, StoreError> {
        match unhex::<16>(id) {
            Some(key) => records::get_json(&self.db.open_tree(PLEDGES)?, &key),
            None => Ok(None),
        }
    }

    /// Every pledge about `round`.
    pub fn pledges_of(&self, round: &str) -> Result<Vec<PledgeRecord>, StoreError> {
        Ok(all::<PledgeRecord>(&self.db.open_tree(PLEDGES)?)?
            .into_iter()
            .filter(|p| p.round == round)
            .collect())
    }

    // --------------------------------------------------------- about you

    /// The write that makes an "about you" code (its keyed hash, `name`),
    /// for [`Store::submit_with`]: stored with the critique, in the same
    /// transaction, as a record of its own.
    pub fn about_you_code(name: [u8; 32]) -> MixedWrite {
        MixedWrite::Create {
            tree: ABOUT_CODES.to_owned(),
            key: name.to_vec(),
            value: Vec::new(),
        }
    }

    /// Count one person's answers about `round` in `period`, spending the
    /// code stored as `name`, in one transaction: refused whole
    /// (`NotFound`) if the code is unknown or spent, or `period` is no
    /// longer the round's open period. `Ok` means durably stored.
    pub async fn about_you(
        &self,
        round: &Round,
        period: &str,
        name: [u8; 32],
        answers: &AboutYou,
        today: time::Date,
    ) -> Result<(), StoreError> {
        let slug = round.slug.as_str();
        let count = |question: &str, answer: &str| MixedWrite::Count {
            tree: ABOUT.to_owned(),
            key: about_key(slug, period, question, answer),
            by: 1,
        };
        let mut writes = vec![
            MixedWrite::Consume {
                tree: ABOUT_CODES.to_owned(),
                key: name.to_vec(),
            },
            count("", ""),
        ];
        writes.extend(answers.answers.iter().map(|(q, a)| count(q, a)));
        self.mix_in(&round.slug, today, period, writes).await
    }

    /// The answers counted for `round`, by period (rewritten and live).
    pub fn about_you_of(&self, round: &str) -> Result<BTreeMap<String, AboutYouTally>, StoreError> {
        let prefix = [round.as_bytes(), b"\0"].concat();
        let mut out: BTreeMap<String, AboutYouTally> = BTreeMap::new();
        for (key, n) in self.mixed_counts(ABOUT, &prefix)? {
            let text = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
            let mut parts = text.split('\0');
            let (Some(period), Some(question), Some(answer)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let tally = out.entry(period.to_owned()).or_default();
            if question.is_empty() {
                tally.respondents += n;
            } else {
                *tally
                    .chosen
                    .entry((question.to_owned(), answer.to_owned()))
                    .or_default() += n;
            }
        }
        Ok(out)
    }

    /// How many "about you" codes are unspent, rewritten or live (for
    /// tests and audits).
    pub fn about_you_codes_left(&self) -> Result<u64, StoreError> {
        let stored = self.db.open_tree(ABOUT_CODES)?.len()? as i64;
        let live: i64 = self
            .tally()?
            .presence
            .iter()
            .filter(|((t, _), _)| t == ABOUT_CODES)
            .map(|(_, n)| n)
            .sum();
        Ok(u64::try_from(stored + live).unwrap_or(0))
    }

    /// Every raw record of this module's trees, as (tree, key, value), for
    /// tests that scan for links to critiques.
    pub fn voice_records(&self) -> Result<Vec<VoiceRecord>, StoreError> {
        let mut out = Vec::new();
        for name in [
            QUOTES,
            QUOTE_SOURCES,
            ORG_KEYS,
            RESPONSES,
            PLEDGES,
            ABOUT,
            ABOUT_CODES,
        ] {
            for (k, v) in self.db.open_tree(name)?.iter()? {
                out.push((name.to_owned(), k, v));
            }
        }
        Ok(out)
    }
}

/// The key of an "about you" counter: round, period, question and answer
/// (both empty: the people who answered).
pub(super) fn about_key(round: &str, period: &str, question: &str, answer: &str) -> Vec<u8> {
    [round, period, question, answer].join("\0").into_bytes()
}

/// A fresh random id, hex (quotes, pledges).
pub fn random_id() -> Result<String, StoreError> {
    crate::secrets::random::bytes::<16>()
        .map(|b| hex(&b))
        .map_err(|_| StoreError::Io("random generator failed".into()))
}
