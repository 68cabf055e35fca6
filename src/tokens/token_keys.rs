//! The Privacy Pass issuer keys (token type 2, blind RSA-2048): one per
//! feedback round, each put in the transparency log before it is used, kept
//! only in the key directory, rotated in stages without a restart.
//!
//! # Why a key per round
//! A token made with an invitation for one round must not be spendable in
//! another (issue 17): the issuer never sees the challenge it signs for
//! (RFC 9578 §6: only a blinded message), so the challenge's per-round
//! redemption context cannot stop it. A key per round can: issuance signs
//! with the key of the invitation's round, and redemption accepts only that
//! round's keys.
//!
//! # Why this does not split anyone out (RFC 9576 §6.2)
//! An issuer that gave different people different keys could tell from the
//! key whose token it is. Here everyone writing to a round gets that
//! round's key, and the round is already visible in the challenge (its
//! redemption context) and in the URL the critique is sent to: the key
//! tells the service nothing it did not know. At any moment a round has at
//! most one issuing key; every key is logged (with its round and
//! `not_before`) before any challenge names it, so auditors and clients can
//! check that everyone sees the same one.
//!
//! # Rotation, in stages
//! A key issues for [`ISSUE_DAYS`] days from its `not_before` day and keeps
//! verifying for [`OVERLAP_DAYS`] more. [`ANNOUNCE_DAYS`] before its last
//! issuing day, its successor is made and logged with a future
//! `not_before` (RFC 9578 §4 staging): it is listed in the issuer directory
//! from then on, and takes over on its day, with no restart.
//!
//! # Retired keys stay dead
//! Once a key has expired its spent-nonce set may go (RFC 9577 §2.1.1.2),
//! but only after a tombstone for it is committed: the store refuses any
//! token of a tombstoned key in the very transaction that would spend it,
//! so a key file restored from a backup, or an instance whose clock runs
//! behind, can never make a spent token good again.
//!
//! # Security contract
//! The private keys never leave this module except into [`super::issuer`].
//! The key file is written with mode 0600 into the key directory, never the
//! data directory. A private key is used only if its public record is in the
//! store (so: in the log) and not tombstoned.

use crate::secrets::keys::KeyDir;
use anyhow::{anyhow, Context, Result};
use blind_rsa_signatures::reexports::rand::rand_core::UnwrapErr;
use blind_rsa_signatures::reexports::rand::rngs::SysRng;
use blind_rsa_signatures::{Deterministic, KeyPair, Sha384, PSS};
use privacypass::public_tokens::server::serialize_public_key;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::{Arc, RwLock};
use time::{Date, Duration};

/// File in the key directory holding every unexpired issuer key.
pub const KEY_FILE: &str = "privacy-pass-keys.json";
/// Days a key issues tokens.
pub const ISSUE_DAYS: i64 = 90;
/// Days a key keeps verifying tokens after it stops issuing.
pub const OVERLAP_DAYS: i64 = 30;
/// Days before a key's last issuing day that its successor is logged and
/// announced.
pub const ANNOUNCE_DAYS: i64 = 14;
/// A key counts as started this many days before its `not_before`, so
/// that instances whose clocks disagree by a day neither log two keys for
/// one turn nor refuse a token another instance made.
pub const SLACK_DAYS: i64 = 1;
/// RFC 9578 §6: token type 2 uses 2048-bit RSA.
const MODULUS_BITS: usize = 2048;

pub(crate) type RsaKeyPair = KeyPair<Sha384, PSS, Deterministic>;

/// What anyone may know about a round's key: what the store records, the
/// log holds and the issuer directory shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    pub round: String,
    /// token_key_id = SHA-256(SPKI) (RFC 9578 §6.5).
    pub key_id: [u8; 32],
    /// DER SubjectPublicKeyInfo with the RSASSA-PSS OID (RFC 9578 §6.5).
    pub token_key: Vec<u8>,
    pub not_before: Date,
}

impl KeyRecord {
    /// Last day the key issues tokens.
    pub fn last_issue_day(&self) -> Date {
        self.not_before
            .saturating_add(Duration::days(ISSUE_DAYS - 1))
    }

    /// First day the key no longer verifies tokens.
    pub fn expires(&self) -> Date {
        self.not_before
            .saturating_add(Duration::days(ISSUE_DAYS + OVERLAP_DAYS))
    }

    /// Whether the key has started (up to [`SLACK_DAYS`] early) and not
    /// expired on `today`.
    pub fn verifies_on(&self, today: Date) -> bool {
        self.not_before <= today.saturating_add(Duration::days(SLACK_DAYS))
            && today < self.expires()
    }

    /// The public view, for the audit document and the console.
    pub fn info(&self) -> TokenKeyInfo {
        TokenKeyInfo {
            round: self.round.clone(),
            token_key_id: crate::encoding::hex(&self.key_id),
            token_key: super::b64(&self.token_key),
            not_before: format_date(self.not_before),
            last_issue_day: format_date(self.last_issue_day()),
            expires: format_date(self.expires()),
        }
    }
}

/// Whether a key whose first day is `not_before` verifies on `today`:
/// started (up to [`SLACK_DAYS`] early) and not expired.
pub fn verifies_on(not_before: Date, today: Date) -> bool {
    let expires = not_before.saturating_add(Duration::days(ISSUE_DAYS + OVERLAP_DAYS));
    not_before <= today.saturating_add(Duration::days(SLACK_DAYS)) && today < expires
}

/// One usable issuer key: its public record and its pair.
pub(crate) struct TokenKey {
    pub(crate) record: KeyRecord,
    pub(crate) pair: RsaKeyPair,
}

impl TokenKey {
    /// A key from its PKCS#8 PEM (the key file's form, and the RFC 9578
    /// test vectors').
    pub(crate) fn from_pem(pem: &str, round: &str, not_before: Date) -> Result<Self> {
        let sk = blind_rsa_signatures::SecretKey::from_pem(pem)
            .map_err(|e| anyhow!("a token key is damaged: {e}"))?;
        let pk = sk
            .public_key()
            .map_err(|e| anyhow!("a token key is damaged: {e}"))?;
        Self::from_pair(KeyPair { pk, sk }, round, not_before)
    }

    fn from_pair(pair: RsaKeyPair, round: &str, not_before: Date) -> Result<Self> {
        let token_key = serialize_public_key(&pair.pk)
            .map_err(|e| anyhow!("could not encode a token key: {e}"))?;
        Ok(Self {
            record: KeyRecord {
                round: round.to_owned(),
                key_id: crate::crypto::sha256(&token_key),
                token_key,
                not_before,
            },
            pair,
        })
    }

    pub(crate) fn id(&self) -> &[u8; 32] {
        &self.record.key_id
    }

    pub(crate) fn spki(&self) -> &[u8] {
        &self.record.token_key
    }
}

/// What anyone (the directory, the audit log, the console) may know about
/// a token key, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenKeyInfo {
    /// The round whose tokens it signs.
    pub round: String,
    /// token_key_id: SHA-256 of the SPKI, hex.
    pub token_key_id: String,
    /// The SPKI, base64url with padding (as in the issuer directory).
    pub token_key: String,
    /// First day the key issues (YYYY-MM-DD).
    pub not_before: String,
    /// Last day the key issues (unless a successor takes over).
    pub last_issue_day: String,
    /// First day the key's tokens are refused.
    pub expires: String,
}

/// A freshly generated key, not yet logged or saved.
pub struct NewKey {
    key: TokenKey,
}

impl NewKey {
    /// Generate a key for `round` that issues from `not_before`.
    pub fn generate(round: &str, not_before: Date) -> Result<Self> {
        let pair = RsaKeyPair::generate(&mut UnwrapErr(SysRng), MODULUS_BITS)
            .map_err(|e| anyhow!("could not generate a token key: {e}"))?;
        Ok(Self {
            key: TokenKey::from_pair(pair, round, not_before)?,
        })
    }

    pub fn record(&self) -> &KeyRecord {
        &self.key.record
    }

    /// Add this key's private half to the key file, keeping only the keys
    /// of `keep` (those logged and not tombstoned): call it under the
    /// store's write lock, before the key is logged, so that no two
    /// instances write the file at once and no logged key lacks its half.
    pub fn save(&self, dir: &KeyDir, keep: &[KeyRecord]) -> Result<()> {
        let mut stored = keep_only(read_file(dir)?, keep)?;
        stored.push(StoredKey {
            round: Some(self.key.record.round.clone()),
            private_key_pem: self
                .key
                .pair
                .sk
                .to_pem()
                .map_err(|e| anyhow!("could not encode a token key: {e}"))?,
            not_before: format_date(self.key.record.not_before),
        });
        dir.write(KEY_FILE, &serde_json::to_vec_pretty(&stored)?)
    }
}

#[derive(Serialize, Deserialize)]
struct StoredKey {
    /// The round; absent on the single shared key used before issue 17,
    /// which is never loaded again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    round: Option<String>,
    /// PKCS#8 PEM of the RSA private key.
    private_key_pem: String,
    not_before: String,
}

impl StoredKey {
    /// Its token_key_id, from the private key.
    fn id(&self) -> Result<[u8; 32]> {
        let sk = blind_rsa_signatures::SecretKey::<Sha384, PSS, Deterministic>::from_pem(
            &self.private_key_pem,
        )
        .map_err(|e| anyhow!("a token key in {KEY_FILE} is damaged: {e}"))?;
        let pk = sk
            .public_key()
            .map_err(|e| anyhow!("a token key in {KEY_FILE} is damaged: {e}"))?;
        let spki = serialize_public_key(&pk).map_err(|e| anyhow!("{e}"))?;
        Ok(crate::crypto::sha256(&spki))
    }
}

/// The stored keys whose id is in `keep`.
fn keep_only(stored: Vec<StoredKey>, keep: &[KeyRecord]) -> Result<Vec<StoredKey>> {
    let mut kept = Vec::new();
    for s in stored {
        let id = s.id()?;
        if s.round.is_some() && keep.iter().any(|k| k.key_id == id) {
            kept.push(s);
        }
    }
    Ok(kept)
}

fn read_file(dir: &KeyDir) -> Result<Vec<StoredKey>> {
    if !dir.has(KEY_FILE) {
        return Ok(Vec::new());
    }
    serde_json::from_slice(&dir.read(KEY_FILE)?)
        .with_context(|| format!("the token key file {KEY_FILE} is damaged"))
}

/// The ids of the keys in the key file that were made before keys were per
/// round (issue 17): they are tombstoned at start-up.
pub fn legacy_key_ids(dir: &KeyDir) -> Result<Vec<[u8; 32]>> {
    read_file(dir)?
        .iter()
        .filter(|s| s.round.is_none())
        .map(StoredKey::id)
        .collect()
}

/// Remove from the key file every key not in `keep` (expired, retired, or
/// never logged).
pub fn forget_others(dir: &KeyDir, keep: &[KeyRecord]) -> Result<()> {
    let stored = read_file(dir)?;
    let before = stored.len();
    let kept = keep_only(stored, keep)?;
    if kept.len() != before {
        dir.write(KEY_FILE, &serde_json::to_vec_pretty(&kept)?)?;
    }
    Ok(())
}

/// The usable keys: logged, not tombstoned, with their private halves.
#[derive(Default)]
pub struct TokenKeys {
    keys: Vec<TokenKey>,
}

impl TokenKeys {
    /// Join the key file with the store's records: a key is loaded only if
    /// its record is logged and it is not tombstoned.
    pub fn load(dir: &KeyDir, logged: &[KeyRecord], retired: &HashSet<[u8; 32]>) -> Result<Self> {
        let mut keys = Vec::new();
        for s in read_file(dir)? {
            let Some(round) = s.round else { continue };
            let not_before = parse_date(&s.not_before)
                .ok_or_else(|| anyhow!("a token key date in {KEY_FILE} is damaged"))?;
            let key = TokenKey::from_pem(&s.private_key_pem, &round, not_before)
                .with_context(|| format!("in {KEY_FILE}"))?;
            if logged.contains(&key.record) && !retired.contains(key.id()) {
                keys.push(key);
            }
        }
        keys.sort_by(|a, b| {
            (&a.record.round, a.record.not_before).cmp(&(&b.record.round, b.record.not_before))
        });
        Ok(Self { keys })
    }

    /// A set of exactly these keys (for tests and the known-answer vectors).
    #[cfg(test)]
    pub(crate) fn from_keys(keys: Vec<TokenKey>) -> Self {
        Self { keys }
    }

    /// A set of freshly made keys, used as they are, without the log (for
    /// the in-process benchmark, which measures signing alone).
    pub fn unlogged(keys: Vec<NewKey>) -> Self {
        Self {
            keys: keys.into_iter().map(|k| k.key).collect(),
        }
    }

    fn of<'a>(&'a self, round: &'a str) -> impl DoubleEndedIterator<Item = &'a TokenKey> + 'a {
        self.keys.iter().filter(move |k| k.record.round == round)
    }

    /// The key that issues `round`'s tokens `today`: of its keys that have
    /// started and still verify, the one with the newest `not_before` (RFC
    /// 9578 §4: clients use the newest key whose `not-before` has passed).
    pub(crate) fn issuing<'a>(&'a self, round: &'a str, today: Date) -> Option<&'a TokenKey> {
        self.of(round).rev().find(|k| k.record.verifies_on(today))
    }

    /// `round`'s key with token_key_id `id`, if it still verifies `today`.
    pub(crate) fn verifying<'a>(
        &'a self,
        round: &'a str,
        id: &[u8; 32],
        today: Date,
    ) -> Option<&'a TokenKey> {
        self.of(round)
            .find(|k| k.id() == id && k.record.verifies_on(today))
    }

    /// Every key that verifies `today` or is announced for later: the
    /// issuer directory's list.
    pub(crate) fn listed(&self, today: Date) -> impl Iterator<Item = &TokenKey> {
        self.keys.iter().filter(move |k| today < k.record.expires())
    }

    /// The `not_before` a new key for `round` should have, if one is due
    /// now: today when none issues (a round's first key, or after a long
    /// stop); the day after the issuing key's last issuing day when that is
    /// less than [`ANNOUNCE_DAYS`] away and no successor is logged.
    pub fn due(&self, round: &str, today: Date) -> Option<Date> {
        let records: Vec<&KeyRecord> = self.of(round).map(|k| &k.record).collect();
        due(&records, today)
    }

    /// Rounds that have keys.
    pub fn rounds(&self) -> Vec<String> {
        let mut rounds: Vec<String> = self.keys.iter().map(|k| k.record.round.clone()).collect();
        rounds.dedup();
        rounds
    }

    /// Every loaded key, for the audit document and the console.
    pub fn public_list(&self) -> Vec<TokenKeyInfo> {
        self.keys.iter().map(|k| k.record.info()).collect()
    }
}

/// The `not_before` a new key should have, given one round's usable key
/// `records` (see [`TokenKeys::due`]); the store's writer asks the same
/// question again under its lock, so instances never log two keys for one
/// turn.
pub fn due(records: &[&KeyRecord], today: Date) -> Option<Date> {
    let current = records
        .iter()
        .filter(|k| k.verifies_on(today))
        .max_by_key(|k| k.not_before);
    let Some(current) = current else {
        return Some(today);
    };
    let last = current.last_issue_day();
    let succeeded = records.iter().any(|k| k.not_before > current.not_before);
    (!succeeded && last < today.saturating_add(Duration::days(ANNOUNCE_DAYS)))
        .then(|| last.saturating_add(Duration::days(1)))
}

/// The current [`TokenKeys`], swapped whole when keys are added or retired,
/// so issuance and redemption never see half a change and need no restart.
#[derive(Default)]
pub struct KeyRing(RwLock<Arc<TokenKeys>>);

impl KeyRing {
    pub fn new(keys: TokenKeys) -> Self {
        Self(RwLock::new(Arc::new(keys)))
    }

    pub fn current(&self) -> Arc<TokenKeys> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn replace(&self, keys: TokenKeys) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(keys);
    }
}

pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let d = parts.next()?.parse().ok()?;
    Date::from_calendar_date(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d0() -> Date {
        Date::from_calendar_date(2026, time::Month::November, 26).unwrap()
    }

    fn day(n: i64) -> Date {
        d0().saturating_add(Duration::days(n))
    }

    fn dir(root: &tempfile::TempDir) -> KeyDir {
        KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap()
    }

    /// Make, save and "log" a key, as the store's writer would.
    fn add(dir: &KeyDir, logged: &mut Vec<KeyRecord>, round: &str, not_before: Date) -> KeyRecord {
        let key = NewKey::generate(round, not_before).unwrap();
        key.save(dir, logged).unwrap();
        logged.push(key.record().clone());
        key.record().clone()
    }

    #[test]
    fn each_round_issues_with_its_own_key_and_verifies_only_its_own() {
        let root = tempfile::tempdir().unwrap();
        let dir = dir(&root);
        let mut logged = Vec::new();
        let alpha = add(&dir, &mut logged, "alpha", d0());
        let beta = add(&dir, &mut logged, "beta", d0());
        let keys = TokenKeys::load(&dir, &logged, &HashSet::new()).unwrap();
        assert_eq!(keys.issuing("alpha", d0()).unwrap().record, alpha);
        assert_eq!(keys.issuing("beta", d0()).unwrap().record, beta);
        assert!(keys.verifying("alpha", &alpha.key_id, d0()).is_some());
        assert!(keys.verifying("beta", &alpha.key_id, d0()).is_none());
        assert!(keys.issuing("gamma", d0()).is_none());
        assert_eq!(keys.due("gamma", d0()), Some(d0()));
        assert_eq!(keys.due("alpha", d0()), None);
        // The file is private.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_successor_is_announced_before_it_issues_and_takes_over_on_its_day() {
        let root = tempfile::tempdir().unwrap();
        let dir = dir(&root);
        let mut logged = Vec::new();
        let first = add(&dir, &mut logged, "r", d0());
        let keys = TokenKeys::load(&dir, &logged, &HashSet::new()).unwrap();
        assert_eq!(keys.due("r", day(ISSUE_DAYS - ANNOUNCE_DAYS - 1)), None);
        let next_day = day(ISSUE_DAYS);
        assert_eq!(
            keys.due("r", day(ISSUE_DAYS - ANNOUNCE_DAYS)),
            Some(next_day)
        );
        let second = add(&dir, &mut logged, "r", next_day);
        let keys = TokenKeys::load(&dir, &logged, &HashSet::new()).unwrap();
        // Announced: listed, but the old key still issues until the day
        // before the successor's (clock slack).
        let eve = day(ISSUE_DAYS - 1 - SLACK_DAYS);
        assert_eq!(keys.due("r", eve), None);
        assert_eq!(keys.issuing("r", eve).unwrap().record, first);
        assert_eq!(keys.listed(eve).count(), 2);
        // Then the successor issues; the old one still verifies.
        assert_eq!(
            keys.issuing("r", day(ISSUE_DAYS - 1)).unwrap().record,
            second
        );
        assert_eq!(keys.issuing("r", next_day).unwrap().record, second);
        let last = day(ISSUE_DAYS + OVERLAP_DAYS - 1);
        assert!(keys.verifying("r", &first.key_id, last).is_some());
        assert!(keys
            .verifying("r", &first.key_id, day(ISSUE_DAYS + OVERLAP_DAYS))
            .is_none());
        assert_eq!(first.expires(), day(ISSUE_DAYS + OVERLAP_DAYS));
    }

    #[test]
    fn keys_not_logged_or_tombstoned_or_from_before_rounds_are_never_loaded() {
        let root = tempfile::tempdir().unwrap();
        let dir = dir(&root);
        let mut logged = Vec::new();
        let kept = add(&dir, &mut logged, "r", d0());
        let unlogged = NewKey::generate("r", d0()).unwrap();
        unlogged.save(&dir, &logged).unwrap();
        let keys = TokenKeys::load(&dir, &logged, &HashSet::new()).unwrap();
        assert_eq!(keys.public_list().len(), 1);
        assert_eq!(keys.issuing("r", d0()).unwrap().record, kept);
        let retired: HashSet<[u8; 32]> = [kept.key_id].into();
        let keys = TokenKeys::load(&dir, &logged, &retired).unwrap();
        assert!(keys.issuing("r", d0()).is_none());
        // A key file from before issue 17: one key without a round.
        let legacy = RsaKeyPair::generate(&mut UnwrapErr(SysRng), MODULUS_BITS).unwrap();
        let stored = vec![StoredKey {
            round: None,
            private_key_pem: legacy.sk.to_pem().unwrap(),
            not_before: format_date(d0()),
        }];
        dir.write(KEY_FILE, &serde_json::to_vec(&stored).unwrap())
            .unwrap();
        let spki = serialize_public_key(&legacy.pk).unwrap();
        assert_eq!(
            legacy_key_ids(&dir).unwrap(),
            vec![crate::crypto::sha256(&spki)]
        );
        assert!(TokenKeys::load(&dir, &logged, &HashSet::new())
            .unwrap()
            .public_list()
            .is_empty());
        forget_others(&dir, &logged).unwrap();
        assert!(legacy_key_ids(&dir).unwrap().is_empty());
    }
}
