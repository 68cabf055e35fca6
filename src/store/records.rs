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
