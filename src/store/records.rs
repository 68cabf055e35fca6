//! Stored record formats (serde JSON) and the key layouts of the trees.

use super::kv::Tree;
use super::{PeriodCounts, StoreError};
use crate::domain::Slug;
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
    pub text: String,
    pub quote_ok: bool,
    /// 32 random bytes, hex: makes the commitment unguessable from the text.
    pub salt: String,
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
#[derive(Debug, Serialize, Deserialize)]
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
/// and commitments of the ones that open and agree, and how many did not.
#[derive(Debug)]
pub struct VerifiedPeriod {
    pub counts: PeriodCounts,
    pub commitments: Vec<[u8; 32]>,
    pub refused: usize,
}

/// Open every member of `round`'s `period` and count only what the opened
/// records say (issue 17: clear fields and counters are not trusted).
pub fn verified_period(
    members: &Tree,
    critiques: &Tree,
    vault: &Vault,
    round: &str,
    period: &str,
) -> Result<VerifiedPeriod, StoreError> {
    let prefix = format!("{round}\0{period}\0");
    let mut out = VerifiedPeriod {
        counts: PeriodCounts {
            period_id: period.to_owned(),
            total: 0,
            themes: Vec::new(),
        },
        commitments: Vec::new(),
        refused: 0,
    };
    let mut themes: std::collections::BTreeMap<String, u64> = Default::default();
    for (k, v) in members.scan_prefix(prefix.as_bytes())? {
        let id = &k[prefix.len()..];
        let opened = get_json::<StoredCritique>(critiques, id)?.map(|stored| {
            stored
                .open(vault, id)
                .map(|(record, body)| (record, commitment(&body)))
        });
        match opened {
            Some(Ok((record, commitment)))
                if record.round == round
                    && record.period == period
                    && v.as_slice() == commitment.as_slice() =>
            {
                out.counts.total += 1;
                for t in record.themes {
                    *themes.entry(t).or_default() += 1;
                }
                out.commitments.push(commitment);
            }
            _ => out.refused += 1,
        }
    }
    out.counts.themes = themes.into_iter().collect();
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
