//! Stored record formats (serde JSON) and the key layouts of the trees.

use super::kv::Tree;
use super::{PeriodCounts, StoreError};
use crate::domain::{RawAnswers, Slug};
use crate::secrets::vault::{Sealed, Vault};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The fields of a critique that its commitment covers, and that are sealed
/// (encrypted) as a whole. Nothing here can identify the writer: no time
/// finer than the period, no client detail, no reference to the code or
/// token that was spent.
#[derive(Debug, Serialize, Deserialize)]
pub struct CritiqueRecord {
    pub round: String,
    /// The period's id (its first day).
    pub period: String,
    pub themes: Vec<String>,
    /// Empty only in a round that takes answers without text (issue 20).
    pub text: String,
    pub quote_ok: bool,
    /// 32 random bytes, hex: makes the commitment unguessable from the text.
    pub salt: String,
    /// Answers to the round's questions (issue 20): sealed with the text,
    /// never in clear, since per record they identify as words do. Left
    /// out when there are none, so a record without answers is byte for
    /// byte what it was before questions (its commitment included).
    #[serde(default, skip_serializing_if = "RawAnswers::is_empty")]
    pub answers: RawAnswers,
}

/// A critique as stored: what counting and moderation need in clear, the
/// commitment, and the sealed record (text included).
///
/// # Security contract
/// The clear fields are only an index. The sealed record's associated data
/// binds every one of them ([`critique_context`]), and readers take round,
/// period, themes and consent from the opened record
/// ([`StoredCritique::open`]), so someone who can write the store but holds
/// no key (a database administrator) cannot change a consent flag, a theme
/// or a period, nor add a record, without it failing to open (issue 17).
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredCritique {
    pub round: String,
    pub period: String,
    pub themes: Vec<String>,
    pub quote_ok: bool,
    /// SHA-256 over the serialised [`CritiqueRecord`], hex: the receipt.
    pub commitment: String,
    pub sealed: Sealed,
}

impl StoredCritique {
    /// The stored form: compact bytes, not JSON (a critique costs a third
    /// of the space): format 1, the quote flag, the commitment (32 bytes),
    /// the sealing nonce (12), the round, the period and each theme as
    /// (u16 length, bytes), then the raw ciphertext. The key of the sealed
    /// record is its round and period, so it is not stored twice.
    pub fn to_bytes(&self) -> Result<Vec<u8>, StoreError> {
        let bad = |what: &str| StoreError::Io(format!("a critique with a bad {what}"));
        let commitment = crate::encoding::from_hex(&self.commitment)
            .filter(|c| c.len() == 32)
            .ok_or_else(|| bad("commitment"))?;
        let nonce = crate::encoding::from_hex(&self.sealed.nonce)
            .filter(|n| n.len() == 12)
            .ok_or_else(|| bad("nonce"))?;
        let ciphertext =
            crate::encoding::from_hex(&self.sealed.ciphertext).ok_or_else(|| bad("ciphertext"))?;
        if self.sealed.key != format!("{}/{}", self.round, self.period) {
            return Err(bad("data key"));
        }
        let mut out = vec![1u8, u8::from(self.quote_ok)];
        out.extend_from_slice(&commitment);
        out.extend_from_slice(&nonce);
        let mut field = |f: &str| -> Result<(), StoreError> {
            let n = u16::try_from(f.len()).map_err(|_| bad("field"))?;
            out.extend_from_slice(&n.to_be_bytes());
            out.extend_from_slice(f.as_bytes());
            Ok(())
        };
        field(&self.round)?;
        field(&self.period)?;
        let themes = u16::try_from(self.themes.len()).map_err(|_| bad("theme list"))?;
        out.extend_from_slice(&themes.to_be_bytes());
        for t in &self.themes {
            let n = u16::try_from(t.len()).map_err(|_| bad("theme"))?;
            out.extend_from_slice(&n.to_be_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&ciphertext);
        Ok(out)
    }

    /// Read a stored critique: the compact form, or the JSON that stores
    /// made before it hold.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, StoreError> {
        if bytes.first() == Some(&b'{') {
            return from_json(bytes);
        }
        let bad = || StoreError::Io("a damaged critique record".into());
        let mut r = bytes;
        let mut take = |n: usize| -> Result<&[u8], StoreError> {
            if r.len() < n {
                return Err(bad());
            }
            let (head, rest) = r.split_at(n);
            r = rest;
            Ok(head)
        };
        if take(1)? != [1] {
            return Err(bad());
        }
        let quote_ok = take(1)?[0] == 1;
        let commitment = crate::encoding::hex(take(32)?);
        let nonce = crate::encoding::hex(take(12)?);
        let mut text = || -> Result<String, StoreError> {
            let n = u16::from_be_bytes(take(2)?.try_into().map_err(|_| bad())?) as usize;
            String::from_utf8(take(n)?.to_vec()).map_err(|_| bad())
        };
        let round = text()?;
        let period = text()?;
        let count = u16::from_be_bytes(take(2)?.try_into().map_err(|_| bad())?);
        let mut themes = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let n = u16::from_be_bytes(take(2)?.try_into().map_err(|_| bad())?) as usize;
            themes.push(String::from_utf8(take(n)?.to_vec()).map_err(|_| bad())?);
        }
        let ciphertext = crate::encoding::hex(r);
        Ok(Self {
            sealed: Sealed {
                key: format!("{round}/{period}"),
                nonce,
                ciphertext,
            },
            round,
            period,
            themes,
            quote_ok,
            commitment,
        })
    }
}

/// A stored critique by id.
pub fn get_critique(tree: &Tree, id: &[u8]) -> Result<Option<StoredCritique>, StoreError> {
    tree.get(id)?
        .map(|v| StoredCritique::from_bytes(&v))
        .transpose()
}

/// The associated data a critique's sealed record is bound to: its id and
/// every field kept in clear beside it.
pub fn critique_context(
    id: &[u8],
    round: &str,
    period: &str,
    themes: &[String],
    quote_ok: bool,
) -> String {
    format!(
        "critique/{}\0v2\0round={round}\0period={period}\0quote_ok={}\0themes={}",
        crate::encoding::hex(id),
        u8::from(quote_ok),
        themes.join(",")
    )
}

/// The associated data of records sealed before issue 17 (id only).
pub fn legacy_critique_context(id: &[u8]) -> String {
    format!("critique/{}", crate::encoding::hex(id))
}

/// SHA-256 over a critique record's sealed bytes: its receipt.
pub fn commitment(body: &[u8]) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"parrhesia/critique-commitment/v1\0");
    ctx.update(body);
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

impl StoredCritique {
    /// The context its record is sealed under.
    pub fn context(&self, id: &[u8]) -> String {
        critique_context(id, &self.round, &self.period, &self.themes, self.quote_ok)
    }

    /// Open the sealed record and check it: it must open under the context
    /// of its clear fields (records sealed before issue 17: under their id
    /// alone), say the same as those fields, and hash to the commitment.
    /// Returns the record and its sealed bytes. Fails once the period is
    /// shredded, and for any record changed or added without the keys.
    pub fn open(&self, vault: &Vault, id: &[u8]) -> Result<(CritiqueRecord, Vec<u8>), StoreError> {
        let damaged = || StoreError::Io("a critique record does not open as stored".into());
        let body = vault
            .unseal(&self.sealed, &self.context(id))
            .or_else(|_| vault.unseal(&self.sealed, &legacy_critique_context(id)))
            .map_err(|_| damaged())?;
        let record: CritiqueRecord = from_json(&body)?;
        let agrees = record.round == self.round
            && record.period == self.period
            && record.themes == self.themes
            && record.quote_ok == self.quote_ok
            && crate::encoding::hex(&commitment(&body)) == self.commitment;
        if !agrees {
            return Err(damaged());
        }
        Ok((record, body))
    }
}

/// A period's critiques as their opened records attest them: the counts
/// and commitments of the ones that open and agree, and how many did not
/// (issue 17: clear fields and counters are not trusted). Built a member
/// at a time, so sealing can read a large period in pieces.
#[derive(Debug)]
pub struct VerifiedPeriod {
    period: String,
    total: u64,
    themes: std::collections::BTreeMap<String, u64>,
    pub commitments: Vec<[u8; 32]>,
    pub refused: usize,
    /// The answers of the records that opened and gave any (issue 20), to
    /// be tallied at sealing: held in memory only, never written.
    answers: Vec<RawAnswers>,
}

impl VerifiedPeriod {
    pub fn new(period: &str) -> Self {
        Self {
            period: period.to_owned(),
            total: 0,
            themes: Default::default(),
            commitments: Vec::new(),
            refused: 0,
            answers: Vec::new(),
        }
    }

    /// Open the critique `id` (a member of `round`'s period whose member
    /// entry holds `member`) and count it if it opens as stored, names this
    /// round and period, and hashes to the member's commitment.
    pub fn add(
        &mut self,
        critiques: &Tree,
        vault: &Vault,
        round: &str,
        id: &[u8],
        member: &[u8],
    ) -> Result<(), StoreError> {
        let opened = get_critique(critiques, id)?.map(|stored| {
            stored
                .open(vault, id)
                .map(|(record, body)| (record, commitment(&body)))
        });
        match opened {
            Some(Ok((record, commitment)))
                if record.round == round
                    && record.period == self.period
                    && member == commitment.as_slice() =>
            {
                self.total += 1;
                for t in record.themes {
                    *self.themes.entry(t).or_default() += 1;
                }
                if !record.answers.is_empty() {
                    self.answers.push(record.answers);
                }
                self.commitments.push(commitment);
            }
            _ => self.refused += 1,
        }
        Ok(())
    }

    /// Each question of `questions` counted over the records that opened
    /// (issue 20: counted at sealing, never per submission). Answers are
    /// checked again against the questions, which are frozen once the
    /// round opens; a record whose answers no longer check counts as not
    /// answering.
    pub fn question_counts(
        &self,
        questions: &crate::domain::Questions,
    ) -> Vec<crate::digest::disclosure::questions::QuestionCounts> {
        let checked: Vec<crate::domain::Answers> = self
            .answers
            .iter()
            .filter_map(|raw| crate::domain::Answers::parse(questions, raw).ok())
            .collect();
        crate::digest::questions::tally(questions, self.total, &checked)
    }

    /// The counts of the records that opened.
    pub fn counts(&self) -> PeriodCounts {
        PeriodCounts {
            period_id: self.period.clone(),
            total: self.total,
            themes: self.themes.iter().map(|(t, n)| (t.clone(), *n)).collect(),
        }
    }
}

/// Open every member of `round`'s `period` and count only what the opened
/// records say.
pub fn verified_period(
    members: &Tree,
    critiques: &Tree,
    vault: &Vault,
    round: &str,
    period: &str,
) -> Result<VerifiedPeriod, StoreError> {
    let prefix = format!("{round}\0{period}\0");
    let mut out = VerifiedPeriod::new(period);
    for (k, v) in members.scan_prefix(prefix.as_bytes())? {
        out.add(critiques, vault, round, &k[prefix.len()..], &v)?;
    }
    Ok(out)
}

/// What a counter counts.
#[derive(Debug, Clone, Copy)]
pub enum CounterKind {
    CodesIssued,
    CodesSpent,
    Critiques,
    /// Privacy Pass tokens signed for the round's invitations (the
    /// auditors' bound on the tokens it can receive).
    TokensIssued,
}

/// `r\0{round}\0{kind}`: per-round totals for the host.
pub fn counter_key(kind: CounterKind, round: &impl std::fmt::Display) -> Vec<u8> {
    let kind = match kind {
        CounterKind::CodesIssued => "issued",
        CounterKind::CodesSpent => "spent",
        CounterKind::Critiques => "critiques",
        CounterKind::TokensIssued => "tokens",
    };
    format!("r\0{round}\0{kind}").into_bytes()
}

/// `p\0{round}\0{period}\0{theme}`: critiques per theme per period; the
/// empty theme is the period's total. Aggregates only: they carry no order.
pub fn period_key(round: &str, period: &str, theme: &str) -> Vec<u8> {
    format!("p\0{round}\0{period}\0{theme}").into_bytes()
}

/// `s\0{round}\0{period}\0{kind}`: credentials spent per period, by kind
/// (`code`), for the auditors' totals.
pub fn spent_key(round: &str, period: &str, kind: &str) -> Vec<u8> {
    format!("s\0{round}\0{period}\0{kind}").into_bytes()
}

/// `{round}\0{period}`: key of the `periods` tree.
pub fn round_period(round: &str, period: &str) -> Vec<u8> {
    format!("{round}\0{period}").into_bytes()
}

/// `{round}\0{period}\0` + 16-byte critique id: key of the `members` tree,
/// whose value is the critique's 32-byte commitment. Ids are random, so the
/// order of a period's members says nothing about arrival.
pub fn member_key(round: &str, period: &str, id: &[u8; 16]) -> Vec<u8> {
    let mut k = format!("{round}\0{period}\0").into_bytes();
    k.extend_from_slice(id);
    k
}

pub fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Io(format!("encode: {e}")))
}

pub fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Io(format!("decode: {e}")))
}

pub fn get_json<T: DeserializeOwned>(tree: &Tree, key: &[u8]) -> Result<Option<T>, StoreError> {
    tree.get(key)?.map(|v| from_json(&v)).transpose()
}

pub fn decode_counter(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

pub fn get_counter(tree: &Tree, key: &[u8]) -> Result<u64, StoreError> {
    Ok(decode_counter(tree.get(key)?.as_deref()))
}

pub fn period_counts(counters: &Tree, round: &Slug) -> Result<Vec<PeriodCounts>, StoreError> {
    let prefix = format!("p\0{round}\0");
    let mut out: Vec<PeriodCounts> = Vec::new();
    for (k, v) in counters.scan_prefix(prefix.as_bytes())? {
        let rest = std::str::from_utf8(&k[prefix.len()..])
            .map_err(|_| StoreError::Io("bad counter key".into()))?;
        let (period, theme) = rest
            .split_once('\0')
            .ok_or_else(|| StoreError::Io("bad counter key".into()))?;
        let n = decode_counter(Some(&v));
        if out.last().map(|p| p.period_id.as_str()) != Some(period) {
            out.push(PeriodCounts {
                period_id: period.to_owned(),
                total: 0,
                themes: Vec::new(),
            });
        }
        if let Some(p) = out.last_mut() {
            if theme.is_empty() {
                p.total = n;
            } else {
                p.themes.push((theme.to_owned(), n));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_critique_round_trips_in_a_third_of_the_json() {
        let c = StoredCritique {
            round: "spring".into(),
            period: "2026-11-23".into(),
            themes: vec!["leadership".into(), "money-and-time".into()],
            quote_ok: true,
            commitment: crate::encoding::hex(&[7; 32]),
            sealed: Sealed {
                key: "spring/2026-11-23".into(),
                nonce: crate::encoding::hex(&[1; 12]),
                ciphertext: crate::encoding::hex(&[9; 250]),
            },
        };
        let bytes = c.to_bytes().unwrap();
        assert_eq!(StoredCritique::from_bytes(&bytes).unwrap(), c);
        let json = to_json(&c).unwrap();
        assert!(
            bytes.len() * 2 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
        // Records stored as JSON before still read.
        assert_eq!(StoredCritique::from_bytes(&json).unwrap(), c);
        assert!(StoredCritique::from_bytes(&bytes[..40]).is_err());
    }
}
