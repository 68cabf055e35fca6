//! The Privacy Pass issuer keys (token type 2, blind RSA-2048): made on
//! first start, kept only in the key directory, rotated with an overlap.
//!
//! # Why one key for everyone
//! RFC 9576 §6 (and §4.3 of RFC 9578's security considerations): an issuer
//! that gave different people different keys could tell from the key which
//! person a token came from. So there is exactly one *issuing* key at any
//! time, for every round and every person, and every key ever used is
//! listed publicly by its id ([`TokenKeyInfo`]) so auditors can see that the
//! list stays short.
//!
//! # Rotation
//! A key issues for [`ISSUE_DAYS`] days from its `not_before` date, then
//! stays valid for redemption for [`OVERLAP_DAYS`] more, so a token fetched
//! on a key's last day can still be spent. After that the key has expired:
//! its tokens are refused and its spent-nonce tree may be dropped (RFC 9577
//! §2.1.1.2 requires remembering spent nonces only while tokens of that key
//! can still verify). Rotation is checked when the server starts; the key
//! file is rewritten atomically.
//!
//! # Security contract
//! The private keys never leave this module except into [`super::issuer`].
//! The key file is written with mode 0600 into the key directory, never the
//! data directory.

use crate::secrets::keys::KeyDir;
use anyhow::{anyhow, Context, Result};
use blind_rsa_signatures::reexports::rand::rand_core::UnwrapErr;
use blind_rsa_signatures::reexports::rand::rngs::SysRng;
use blind_rsa_signatures::{Deterministic, KeyPair, Sha384, PSS};
use privacypass::public_tokens::server::serialize_public_key;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// File in the key directory holding every unexpired issuer key.
pub const KEY_FILE: &str = "privacy-pass-keys.json";
/// Days a key issues tokens.
pub const ISSUE_DAYS: i64 = 90;
/// Days a key keeps verifying tokens after it stops issuing.
pub const OVERLAP_DAYS: i64 = 30;
/// RFC 9578 §6: token type 2 uses 2048-bit RSA.
const MODULUS_BITS: usize = 2048;

pub(crate) type RsaKeyPair = KeyPair<Sha384, PSS, Deterministic>;

/// One issuer key pair and its dates.
pub(crate) struct TokenKey {
    pub(crate) pair: RsaKeyPair,
    /// DER SubjectPublicKeyInfo with the RSASSA-PSS OID (RFC 9578 §6.5).
    pub(crate) spki: Vec<u8>,
    /// token_key_id = SHA-256(SPKI) (RFC 9578 §6.5).
    pub(crate) id: [u8; 32],
    pub(crate) not_before: Date,
}

impl TokenKey {
    /// A key from its PKCS#8 PEM (the key file's form, and the RFC 9578
    /// test vectors').
    pub(crate) fn from_pem(pem: &str, not_before: Date) -> Result<Self> {
        let sk = blind_rsa_signatures::SecretKey::from_pem(pem)
            .map_err(|e| anyhow!("a token key is damaged: {e}"))?;
        let pk = sk
            .public_key()
            .map_err(|e| anyhow!("a token key is damaged: {e}"))?;
        Self::from_pair(KeyPair { pk, sk }, not_before)
    }

    fn from_pair(pair: RsaKeyPair, not_before: Date) -> Result<Self> {
        let spki = serialize_public_key(&pair.pk)
            .map_err(|e| anyhow!("could not encode a token key: {e}"))?;
        let id = crate::crypto::sha256(&spki);
        Ok(Self {
            pair,
            spki,
            id,
            not_before,
        })
    }

    /// Last day this key issues tokens.
    pub(crate) fn last_issue_day(&self) -> Date {
        self.not_before
            .saturating_add(Duration::days(ISSUE_DAYS - 1))
    }

    /// First day this key no longer verifies tokens.
    pub(crate) fn expires(&self) -> Date {
        self.not_before
            .saturating_add(Duration::days(ISSUE_DAYS + OVERLAP_DAYS))
    }

    pub(crate) fn verifies_on(&self, today: Date) -> bool {
        self.not_before <= today && today < self.expires()
    }
}

/// What anyone (the directory, the audit log) may know about a token key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenKeyInfo {
    /// token_key_id: SHA-256 of the SPKI, hex.
    pub token_key_id: String,
    /// The SPKI, base64url with padding (as in the issuer directory).
    pub token_key: String,
    /// First day the key issues (YYYY-MM-DD).
    pub not_before: String,
    /// Last day the key issues.
    pub last_issue_day: String,
    /// First day the key's tokens are refused.
    pub expires: String,
}

/// The issuer's keys, newest last.
pub struct TokenKeys {
    keys: Vec<TokenKey>,
}

#[derive(Serialize, Deserialize)]
struct StoredKey {
    /// PKCS#8 PEM of the RSA private key.
    private_key_pem: String,
    not_before: String,
}

impl TokenKeys {
    /// Load the keys from `dir`, drop expired ones, and make a new one when
    /// none is issuing `today`. Returns the keys and the ids of keys that
    /// expired (so the store can drop their spent-nonce trees).
    pub fn load_or_rotate(dir: &KeyDir, today: Date) -> Result<(Self, Vec<[u8; 32]>)> {
        let mut keys = Vec::new();
        if dir.has(KEY_FILE) {
            let bytes = dir.read(KEY_FILE)?;
            let stored: Vec<StoredKey> = serde_json::from_slice(&bytes)
                .with_context(|| format!("the token key file {KEY_FILE} is damaged"))?;
            for s in stored {
                let not_before = parse_date(&s.not_before)
                    .ok_or_else(|| anyhow!("a token key date in {KEY_FILE} is damaged"))?;
                keys.push(
                    TokenKey::from_pem(&s.private_key_pem, not_before)
                        .with_context(|| format!("in {KEY_FILE}"))?,
                );
            }
        }
        let before = keys.len();
        let mut expired = Vec::new();
        keys.retain(|k| {
            let keep = today < k.expires();
            if !keep {
                expired.push(k.id);
            }
            keep
        });
        let mut changed = keys.len() != before;
        let issuing = keys
            .iter()
            .any(|k| k.not_before <= today && today <= k.last_issue_day());
        if !issuing {
            let pair = RsaKeyPair::generate(&mut UnwrapErr(SysRng), MODULUS_BITS)
                .map_err(|e| anyhow!("could not generate a token key: {e}"))?;
            keys.push(TokenKey::from_pair(pair, today)?);
            changed = true;
        }
        keys.sort_by_key(|k| k.not_before);
        let set = Self { keys };
        if changed {
            set.save(dir)?;
        }
        Ok((set, expired))
    }

    /// A set of exactly these keys (for tests and the known-answer vectors).
    #[cfg(test)]
    pub(crate) fn from_keys(keys: Vec<TokenKey>) -> Self {
        Self { keys }
    }

    fn save(&self, dir: &KeyDir) -> Result<()> {
        let stored = self
            .keys
            .iter()
            .map(|k| {
                Ok(StoredKey {
                    private_key_pem: k
                        .pair
                        .sk
                        .to_pem()
                        .map_err(|e| anyhow!("could not encode a token key: {e}"))?,
                    not_before: format_date(k.not_before),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        dir.write(KEY_FILE, &serde_json::to_vec_pretty(&stored)?)
    }

    /// The key that issues tokens `today`: the newest one whose issuing
    /// window has begun (RFC 9578 §4: clients use the newest `not-before`).
    /// A server left running past a key's last issuing day (rotation happens
    /// at start-up) keeps issuing with it while it still verifies, rather
    /// than stop; the log says to restart.
    pub(crate) fn issuing(&self, today: Date) -> Option<&TokenKey> {
        let current = self
            .keys
            .iter()
            .rev()
            .find(|k| k.not_before <= today && today <= k.last_issue_day());
        current.or_else(|| {
            let late = self.keys.iter().rev().find(|k| k.verifies_on(today));
            if late.is_some() {
                tracing::warn!("the Privacy Pass key is due for rotation: restart the server");
            }
            late
        })
    }

    /// The key with token_key_id `id`, if it still verifies `today`.
    pub(crate) fn verifying(&self, id: &[u8; 32], today: Date) -> Option<&TokenKey> {
        self.keys
            .iter()
            .find(|k| &k.id == id && k.verifies_on(today))
    }

    /// Every key that still verifies `today`, oldest first.
    pub(crate) fn valid(&self, today: Date) -> impl Iterator<Item = &TokenKey> {
        self.keys.iter().filter(move |k| k.verifies_on(today))
    }

    /// Ids of every key in the set (for keeping their spent-nonce trees).
    pub fn ids(&self) -> Vec<[u8; 32]> {
        self.keys.iter().map(|k| k.id).collect()
    }

    /// Every key in use, for the issuer directory and the audit log.
    pub fn public_list(&self) -> Vec<TokenKeyInfo> {
        self.keys
            .iter()
            .map(|k| TokenKeyInfo {
                token_key_id: crate::encoding::hex(&k.id),
                token_key: super::b64(&k.spki),
                not_before: format_date(k.not_before),
                last_issue_day: format_date(k.last_issue_day()),
                expires: format_date(k.expires()),
            })
            .collect()
    }
}

fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let d = parts.next()?.parse().ok()?;
    Date::from_calendar_date(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_rotate_with_an_overlap_and_expire() {
        let root = tempfile::tempdir().unwrap();
        let dir = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        let d0 = Date::from_calendar_date(2026, time::Month::November, 26).unwrap();
        let day = |n: i64| d0.saturating_add(Duration::days(n));
        // First start: one key, issuing.
        let (a, expired) = TokenKeys::load_or_rotate(&dir, d0).unwrap();
        assert!(expired.is_empty());
        assert_eq!(a.public_list().len(), 1);
        let first = a.ids()[0];
        // A restart inside the window keeps it.
        let (b, _) = TokenKeys::load_or_rotate(&dir, day(ISSUE_DAYS - 1)).unwrap();
        assert_eq!(b.ids(), vec![first]);
        // Past the window: a new issuing key; the old one still verifies.
        let (c, expired) = TokenKeys::load_or_rotate(&dir, day(ISSUE_DAYS)).unwrap();
        assert!(expired.is_empty());
        assert_eq!(c.ids().len(), 2);
        let second = c.issuing(day(ISSUE_DAYS)).unwrap().id;
        assert_ne!(second, first);
        assert!(c
            .verifying(&first, day(ISSUE_DAYS + OVERLAP_DAYS - 1))
            .is_some());
        assert!(c
            .verifying(&first, day(ISSUE_DAYS + OVERLAP_DAYS))
            .is_none());
        // After the overlap the old key is dropped and reported.
        let (d, expired) = TokenKeys::load_or_rotate(&dir, day(ISSUE_DAYS + OVERLAP_DAYS)).unwrap();
        assert_eq!(expired, vec![first]);
        assert_eq!(d.ids(), vec![second]);
        // The file is private.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_server_left_running_keeps_issuing_with_the_last_key_while_it_verifies() {
        let root = tempfile::tempdir().unwrap();
        let dir = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        let d0 = Date::from_calendar_date(2026, time::Month::November, 26).unwrap();
        let (keys, _) = TokenKeys::load_or_rotate(&dir, d0).unwrap();
        let late = d0.saturating_add(Duration::days(ISSUE_DAYS + 1));
        assert!(keys.issuing(late).is_some());
        let gone = d0.saturating_add(Duration::days(ISSUE_DAYS + OVERLAP_DAYS));
        assert!(keys.issuing(gone).is_none());
    }
}
