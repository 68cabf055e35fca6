//! Stored record formats (serde JSON) and the counter key layout.

use super::{PeriodCounts, StoreError};
use crate::domain::Slug;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The fields of a critique that its commitment covers. Nothing here can
/// identify the writer: no time finer than the period, no client detail, no
/// reference to the code or token that was spent.
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

/// A critique as stored: the record and SHA-256 over its serialisation.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredCritique {
    #[serde(flatten)]
    pub record: CritiqueRecord,
    pub commitment: String,
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

pub fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Io(format!("encode: {e}")))
}

pub fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Io(format!("decode: {e}")))
}

pub fn get_json<T: DeserializeOwned>(
    tree: &sled::Tree,
    key: &[u8],
) -> Result<Option<T>, StoreError> {
    tree.get(key)?.map(|v| from_json(&v)).transpose()
}

pub fn decode_counter(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

pub fn get_counter(tree: &sled::Tree, key: &[u8]) -> Result<u64, StoreError> {
    Ok(decode_counter(tree.get(key)?.as_deref()))
}

pub fn period_counts(counters: &sled::Tree, round: &Slug) -> Result<Vec<PeriodCounts>, StoreError> {
    let prefix = format!("p\0{round}\0");
    let mut out: Vec<PeriodCounts> = Vec::new();
    for item in counters.scan_prefix(prefix.as_bytes()) {
        let (k, v) = item?;
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
