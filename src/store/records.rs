//! Stored record formats (serde JSON) and the key layouts of the trees.

use super::kv::Tree;
use super::{PeriodCounts, StoreError};
use crate::domain::Slug;
use crate::secrets::vault::Sealed;
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

/// What a counter counts.
#[derive(Debug, Clone, Copy)]
pub enum CounterKind {
    CodesIssued,
    CodesSpent,
    Critiques,
}

/// `r\0{round}\0{kind}`: per-round totals for the host.
pub fn counter_key(kind: CounterKind, round: &Slug) -> Vec<u8> {
    let kind = match kind {
        CounterKind::CodesIssued => "issued",
        CounterKind::CodesSpent => "spent",
        CounterKind::Critiques => "critiques",
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
