//! Encryption at rest (guarantee 5): per-period data keys wrapped by a
//! master key, all kept in the key directory, never in the data directory.
//!
//! - Master keys: `master.<id>.key` (32 random bytes each) and
//!   `master.current` (the id new data keys are wrapped with). `parrhesia
//!   keys rotate` adds a master key and makes it current; older ones stay,
//!   so data keys wrapped under them still open. No data is rewritten.
//! - Data keys: one per round and period, `data.<round>.<period>.key`, the
//!   key wrapped (ChaCha20-Poly1305) under a master key.
//! - Retention: shredding a period overwrites and deletes its data-key file.
//!   Copies of its ciphertexts that linger in freed pages of the store's
//!   file can then no longer be opened by anyone, with or without the
//!   master keys (crypto-shredding). The wrapped data key never enters the
//!   store, so no stale copy of it survives there either.
//!
//! - Epoch keys: `epoch.<id>.key`, one per mixing epoch of the store (see
//!   `crate::store::epoch`), wrapped the same way: they seal the epoch's
//!   ingest records and are destroyed once those records have been
//!   rewritten in key order.
//! - Data keys are made ahead of need ([`Vault::prepare`], when a round
//!   opens and when a period is sealed), so a key file's creation does not
//!   time a period's first critique.
//!
//! Every seal uses a fresh random 96-bit nonce and binds the key id and the
//! record kind in the associated data, so a ciphertext cannot be moved to
//! another record or period and still open.
//!
//! # Security contract
//! Callers must pass the same `aad_context` to [`Vault::unseal`] that they
//! passed to [`Vault::seal`]; it must name the record (its kind and id).

use crate::encoding::{from_hex, hex};
use crate::secrets::keys::KeyDir;
use anyhow::{anyhow, bail, Context, Result};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const CURRENT: &str = "master.current";

/// A ciphertext and the nonce it was sealed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Which data key: `<round>/<period>`.
    pub key: String,
    pub nonce: String,
    pub ciphertext: String,
}

/// The key of one mixing epoch: an AEAD key that seals the epoch's ingest
/// records and a PRF key that names them (so a record's name says nothing
/// once the key is gone). Never printed.
pub struct EpochKey {
    id: [u8; 16],
    aead: LessSafeKey,
    prf: ring::hmac::Key,
}

impl std::fmt::Debug for EpochKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EpochKey({})", hex(&self.id))
    }
}

impl EpochKey {
    fn new(id: [u8; 16], raw: &[u8]) -> Result<Self> {
        if raw.len() != 64 {
            bail!("epoch key {} has the wrong length", hex(&id));
        }
        Ok(Self {
            id,
            aead: aead_key(&raw[..32])?,
            prf: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &raw[32..]),
        })
    }

    pub fn id(&self) -> &[u8; 16] {
        &self.id
    }

    /// HMAC-SHA256 under the epoch's PRF key, over `parts` with their
    /// lengths (so no two part lists collide).
    pub fn name(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut ctx = ring::hmac::Context::with_key(&self.prf);
        for p in parts {
            ctx.update(&(p.len() as u32).to_be_bytes());
            ctx.update(p);
        }
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }

    /// Seal `plaintext` as the record named `name`: nonce, then ciphertext.
    pub fn seal(&self, name: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        let (nonce, ct) = seal_with(&self.aead, &self.aad(name), plaintext)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Open a record sealed by [`EpochKey::seal`] under `name`.
    pub fn open(&self, name: &[u8], sealed: &[u8]) -> Result<Vec<u8>> {
        if sealed.len() < NONCE_LEN {
            bail!("a sealed ingest record is too short");
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        let mut buf = ct.to_vec();
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| anyhow!("bad nonce"))?;
        let plain = self
            .aead
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(self.aad(name)),
                &mut buf,
            )
            .map_err(|_| anyhow!("an ingest record does not open with its epoch key"))?;
        Ok(plain.to_vec())
    }

    fn aad(&self, name: &[u8]) -> Vec<u8> {
        let mut aad = b"parrhesia/ingest/v1\0".to_vec();
        aad.extend_from_slice(&self.id);
        aad.extend_from_slice(name);
        aad
    }
}

#[derive(Serialize, Deserialize)]
struct WrappedKey {
    master: String,
    nonce: String,
    wrapped: String,
}

/// The master keys and an in-memory cache of opened data keys.
pub struct Vault {
    keys: KeyDir,
    masters: HashMap<String, Arc<LessSafeKey>>,
    current: String,
    data_keys: Mutex<HashMap<String, Arc<LessSafeKey>>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Vault(current master {})", self.current)
    }
}

fn aead_key(bytes: &[u8]) -> Result<LessSafeKey> {
    let unbound = UnboundKey::new(&CHACHA20_POLY1305, bytes)
        .map_err(|_| anyhow!("a key has the wrong length"))?;
    Ok(LessSafeKey::new(unbound))
}

fn seal_with(
    key: &LessSafeKey,
    aad: &[u8],
    plaintext: &[u8],
) -> Result<([u8; NONCE_LEN], Vec<u8>)> {
    let nonce = crate::secrets::random::bytes::<NONCE_LEN>()
        .map_err(|_| anyhow!("random generator failed"))?;
    let mut buf = plaintext.to_vec();
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad),
        &mut buf,
    )
    .map_err(|_| anyhow!("sealing failed"))?;
    Ok((nonce, buf))
}

fn open_with(key: &LessSafeKey, aad: &[u8], nonce: &str, ciphertext: &str) -> Result<Vec<u8>> {
    let nonce: [u8; NONCE_LEN] = from_hex(nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| anyhow!("bad nonce"))?;
    let mut buf = from_hex(ciphertext).ok_or_else(|| anyhow!("bad ciphertext"))?;
    let plain = key
        .open_in_place(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut buf,
        )
        .map_err(|_| anyhow!("the record does not open with its key"))?;
    Ok(plain.to_vec())
}

fn data_key_file(round: &str, period: &str) -> String {
    format!("data.{round}.{period}.key")
}

const DATA_KEY_LABEL: &str = "parrhesia/data-key/v1";
const EPOCH_KEY_LABEL: &str = "parrhesia/epoch-key/v1";
const STAFF_KEY_LABEL: &str = "parrhesia/staff-key/v1";
/// The key that seals staff's second-factor secrets, wrapped under a
/// master key like a data key; never shredded.
const STAFF_KEY_FILE: &str = "staff.key";
/// The `key` of a [`Sealed`] under the staff key.
const STAFF_KEY_ID: &str = "staff";

fn epoch_key_file(id: &[u8; 16]) -> String {
    format!("epoch.{}.key", hex(id))
}

/// What a wrapped key is bound to: its kind, what it is for (a data key's
/// `round\0period`, an epoch key's id) and the master key that wraps it.
fn wrap_aad(label: &str, context: &str, master: &str) -> Vec<u8> {
    format!("{label}\0{context}\0{master}").into_bytes()
}

fn record_aad(key: &str, context: &str) -> Vec<u8> {
    format!("parrhesia/record/v1\0{key}\0{context}").into_bytes()
}

impl Vault {
    /// Load every master key, creating the first on first start.
    pub fn load(keys: &KeyDir) -> Result<Self> {
        if !keys.has(CURRENT) {
            Self::rotate(keys)?;
        }
        let current = String::from_utf8(keys.read(CURRENT)?)
            .context("master.current is damaged")?
            .trim()
            .to_owned();
        let mut masters = HashMap::new();
        for name in keys.list()? {
            if let Some(id) = name
                .strip_prefix("master.")
                .and_then(|n| n.strip_suffix(".key"))
            {
                masters.insert(id.to_owned(), Arc::new(aead_key(&keys.read(&name)?)?));
            }
        }
        if !masters.contains_key(&current) {
            bail!("the current master key {current} is missing from the key directory");
        }
        Ok(Self {
            keys: keys.clone(),
            masters,
            current,
            data_keys: Mutex::new(HashMap::new()),
        })
    }

    /// Add a new master key and make it current. Returns its id. Takes
    /// effect when the server next starts.
    pub fn rotate(keys: &KeyDir) -> Result<String> {
        let id = hex(&crate::secrets::random::bytes::<8>()
            .map_err(|_| anyhow!("random generator failed"))?);
        let (_, created) = keys.secret(&format!("master.{id}.key"), 32)?;
        if !created {
            bail!("master key id collision; run the command again");
        }
        keys.write(CURRENT, id.as_bytes())?;
        Ok(id)
    }

    /// Ids of all master keys, and which is current.
    pub fn master_ids(&self) -> (Vec<String>, &str) {
        let mut ids: Vec<String> = self.masters.keys().cloned().collect();
        ids.sort();
        (ids, &self.current)
    }

    /// The data key of (round, period): opened from its file, or, if
    /// `create`, made, wrapped under the current master key and written
    /// durably first.
    fn data_key(
        &self,
        round: &str,
        period: &str,
        create: bool,
    ) -> Result<Option<Arc<LessSafeKey>>> {
        let id = format!("{round}/{period}");
        let mut cache = self.data_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = cache.get(&id) {
            return Ok(Some(k.clone()));
        }
        let file = data_key_file(round, period);
        let context = format!("{round}\0{period}");
        let raw = match self.open_wrapped(&file, DATA_KEY_LABEL, &context)? {
            Some(raw) => raw,
            // Another instance sharing the key directory may make it at the
            // same moment: whichever file is there is the key.
            None if create => match self.make_wrapped(&file, DATA_KEY_LABEL, &context, 32)? {
                Some(raw) => raw,
                None => self
                    .open_wrapped(&file, DATA_KEY_LABEL, &context)?
                    .ok_or_else(|| anyhow!("{file} vanished as it was made"))?,
            },
            None => return Ok(None),
        };
        let key = Arc::new(aead_key(&raw)?);
        cache.insert(id, key.clone());
        Ok(Some(key))
    }

    /// Make the data key of (round, period) now if it does not exist yet, so
    /// that its file's creation does not time the period's first critique
    /// (called when a round opens and when a period is sealed).
    pub fn prepare(&self, round: &str, period: &str) -> Result<()> {
        self.data_key(round, period, true).map(|_| ())
    }

    /// Open the wrapped secret `file`, if it exists.
    fn open_wrapped(&self, file: &str, label: &str, context: &str) -> Result<Option<Vec<u8>>> {
        if !self.keys.has(file) {
            return Ok(None);
        }
        let w: WrappedKey = serde_json::from_slice(&self.keys.read(file)?)
            .with_context(|| format!("{file} is damaged"))?;
        let master = self
            .masters
            .get(&w.master)
            .ok_or_else(|| anyhow!("{file} needs master key {} which is missing", w.master))?;
        open_with(
            master,
            &wrap_aad(label, context, &w.master),
            &w.nonce,
            &w.wrapped,
        )
        .map(Some)
    }

    /// Make `len` random bytes, wrap them under the current master key and
    /// write them durably to `file` unless it exists; returns the raw
    /// bytes, or `None` if the file was made meanwhile by someone else.
    fn make_wrapped(
        &self,
        file: &str,
        label: &str,
        context: &str,
        len: usize,
    ) -> Result<Option<Vec<u8>>> {
        let mut raw = vec![0u8; len];
        ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut raw)
            .map_err(|_| anyhow!("random generator failed"))?;
        let master = self
            .masters
            .get(&self.current)
            .ok_or_else(|| anyhow!("no current master key"))?;
        let (nonce, wrapped) = seal_with(master, &wrap_aad(label, context, &self.current), &raw)?;
        let w = WrappedKey {
            master: self.current.clone(),
            nonce: hex(&nonce),
            wrapped: hex(&wrapped),
        };
        Ok(self
            .keys
            .write_new(file, &serde_json::to_vec(&w)?)?
            .then_some(raw))
    }

    /// Make the key of mixing epoch `id` (see `crate::store::epoch`): 64
    /// random bytes, wrapped under the current master key in
    /// `epoch.<id>.key`, written durably before the epoch is used.
    pub fn create_epoch_key(&self, id: &[u8; 16]) -> Result<EpochKey> {
        let file = epoch_key_file(id);
        if self.keys.has(&file) {
            bail!("epoch key {} exists already", hex(id));
        }
        let raw = self
            .make_wrapped(&file, EPOCH_KEY_LABEL, &hex(id), 64)?
            .ok_or_else(|| anyhow!("epoch key {} exists already", hex(id)))?;
        EpochKey::new(*id, &raw)
    }

    /// The key of epoch `id`, or `None` once it has been destroyed.
    pub fn epoch_key(&self, id: &[u8; 16]) -> Result<Option<EpochKey>> {
        match self.open_wrapped(&epoch_key_file(id), EPOCH_KEY_LABEL, &hex(id))? {
            Some(raw) => EpochKey::new(*id, &raw).map(Some),
            None => Ok(None),
        }
    }

    /// When epoch `id` started: its key file's modification time, which
    /// the store sets to the epoch's start (see `crate::store::times`).
    pub fn epoch_started(&self, id: &[u8; 16]) -> Option<std::time::SystemTime> {
        std::fs::metadata(self.keys.path().join(epoch_key_file(id)))
            .and_then(|m| m.modified())
            .ok()
    }

    /// Destroy the key of epoch `id` for good (once its records have been
    /// rewritten and the rewrite is durable).
    pub fn destroy_epoch_key(&self, id: &[u8; 16]) -> Result<()> {
        self.keys.destroy(&epoch_key_file(id))
    }

    /// The ids of every epoch key in the key directory.
    pub fn epoch_key_ids(&self) -> Result<Vec<[u8; 16]>> {
        let mut ids = Vec::new();
        for name in self.keys.list()? {
            let id = name
                .strip_prefix("epoch.")
                .and_then(|n| n.strip_suffix(".key"))
                .and_then(from_hex)
                .and_then(|b| <[u8; 16]>::try_from(b.as_slice()).ok());
            ids.extend(id);
        }
        Ok(ids)
    }

    /// The key directory (its file times are set with the store's).
    pub fn key_dir(&self) -> &KeyDir {
        &self.keys
    }

    /// Encrypt `plaintext` under the data key of (round, period), creating
    /// the key if needed. `context` names the record (kind and id).
    pub fn seal(
        &self,
        round: &str,
        period: &str,
        context: &str,
        plaintext: &[u8],
    ) -> Result<Sealed> {
        let key = self
            .data_key(round, period, true)?
            .ok_or_else(|| anyhow!("data key unavailable"))?;
        let id = format!("{round}/{period}");
        let (nonce, ciphertext) = seal_with(&key, &record_aad(&id, context), plaintext)?;
        Ok(Sealed {
            key: id,
            nonce: hex(&nonce),
            ciphertext: hex(&ciphertext),
        })
    }

    /// Decrypt a sealed record. Fails once its period has been shredded.
    pub fn unseal(&self, sealed: &Sealed, context: &str) -> Result<Vec<u8>> {
        let (round, period) = sealed
            .key
            .split_once('/')
            .ok_or_else(|| anyhow!("bad key id"))?;
        let key = self
            .data_key(round, period, false)?
            .ok_or_else(|| anyhow!("the data key of {} has been destroyed", sealed.key))?;
        open_with(
            &key,
            &record_aad(&sealed.key, context),
            &sealed.nonce,
            &sealed.ciphertext,
        )
    }

    /// The staff key: opened from `staff.key`, or made, wrapped under the
    /// current master key and written durably first (another instance
    /// sharing the key directory may make it at the same moment: whichever
    /// file is there is the key).
    fn staff_key(&self) -> Result<Arc<LessSafeKey>> {
        let mut cache = self.data_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = cache.get(STAFF_KEY_FILE) {
            return Ok(k.clone());
        }
        let open = || self.open_wrapped(STAFF_KEY_FILE, STAFF_KEY_LABEL, STAFF_KEY_ID);
        let raw = match open()? {
            Some(raw) => raw,
            None => match self.make_wrapped(STAFF_KEY_FILE, STAFF_KEY_LABEL, STAFF_KEY_ID, 32)? {
                Some(raw) => raw,
                None => {
                    open()?.ok_or_else(|| anyhow!("{STAFF_KEY_FILE} vanished as it was made"))?
                }
            },
        };
        let key = Arc::new(aead_key(&raw)?);
        cache.insert(STAFF_KEY_FILE.to_owned(), key.clone());
        Ok(key)
    }

    /// Encrypt a staff secret (a second factor's TOTP secret) under the
    /// staff key; `context` names the record and its owner.
    pub fn seal_staff(&self, context: &str, plaintext: &[u8]) -> Result<Sealed> {
        let key = self.staff_key()?;
        let (nonce, ciphertext) = seal_with(&key, &record_aad(STAFF_KEY_ID, context), plaintext)?;
        Ok(Sealed {
            key: STAFF_KEY_ID.to_owned(),
            nonce: hex(&nonce),
            ciphertext: hex(&ciphertext),
        })
    }

    /// Decrypt a staff secret sealed by [`Vault::seal_staff`] with the same
    /// `context`.
    pub fn unseal_staff(&self, sealed: &Sealed, context: &str) -> Result<Vec<u8>> {
        if sealed.key != STAFF_KEY_ID {
            bail!("not sealed under the staff key");
        }
        let key = self.staff_key()?;
        open_with(
            &key,
            &record_aad(STAFF_KEY_ID, context),
            &sealed.nonce,
            &sealed.ciphertext,
        )
    }

    /// Destroy the data key of (round, period) for good.
    pub fn shred(&self, round: &str, period: &str) -> Result<()> {
        self.data_keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&format!("{round}/{period}"));
        self.keys.destroy(&data_key_file(round, period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> (tempfile::TempDir, KeyDir, Vault) {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        let vault = Vault::load(&keys).unwrap();
        (root, keys, vault)
    }

    #[test]
    fn seal_opens_only_with_the_same_context() {
        let (_root, _keys, v) = vault();
        let s = v
            .seal("r", "2026-11-23", "critique/abc", b"secret words")
            .unwrap();
        assert_eq!(v.unseal(&s, "critique/abc").unwrap(), b"secret words");
        assert!(
            v.unseal(&s, "critique/abd").is_err(),
            "moved to another record"
        );
        let mut moved = s.clone();
        moved.key = "r/2026-11-30".into();
        assert!(
            v.unseal(&moved, "critique/abc").is_err(),
            "moved to another period"
        );
        assert!(!s.ciphertext.contains(&hex(b"secret")));
    }

    #[test]
    fn staff_secrets_open_only_for_their_record_and_after_a_restart() {
        let (_root, keys, v) = vault();
        let s = v.seal_staff("second-factor/u1", b"totp secret").unwrap();
        assert!(keys.has(STAFF_KEY_FILE));
        assert!(!s.ciphertext.contains(&hex(b"totp")));
        assert_eq!(
            v.unseal_staff(&s, "second-factor/u1").unwrap(),
            b"totp secret"
        );
        assert!(
            v.unseal_staff(&s, "second-factor/u2").is_err(),
            "another user"
        );
        Vault::rotate(&keys).unwrap();
        let again = Vault::load(&keys).unwrap();
        assert_eq!(
            again.unseal_staff(&s, "second-factor/u1").unwrap(),
            b"totp secret"
        );
        let mut data = s.clone();
        data.key = "r/2026-11-23".into();
        assert!(again.unseal_staff(&data, "second-factor/u1").is_err());
    }

    #[test]
    fn rotation_keeps_old_records_readable() {
        let (_root, keys, v) = vault();
        let old = v.seal("r", "2026-11-16", "c/1", b"old").unwrap();
        let new_id = Vault::rotate(&keys).unwrap();
        let v2 = Vault::load(&keys).unwrap();
        assert_eq!(v2.master_ids().1, new_id);
        assert_eq!(v2.master_ids().0.len(), 2);
        assert_eq!(v2.unseal(&old, "c/1").unwrap(), b"old");
        let fresh = v2.seal("r", "2026-11-23", "c/2", b"new").unwrap();
        assert_eq!(v2.unseal(&fresh, "c/2").unwrap(), b"new");
    }

    #[test]
    fn epoch_keys_name_and_seal_records_until_destroyed() {
        let (_root, keys, v) = vault();
        let id = [7u8; 16];
        let k = v.create_epoch_key(&id).unwrap();
        assert!(v.create_epoch_key(&id).is_err(), "made twice");
        let name = k.name(&[b"spend", b"code"]);
        assert_ne!(name, k.name(&[b"spendc", b"ode"]), "parts are delimited");
        let sealed = k.seal(&name, b"record").unwrap();
        let again = Vault::load(&keys).unwrap().epoch_key(&id).unwrap().unwrap();
        assert_eq!(again.name(&[b"spend", b"code"]), name);
        assert_eq!(again.open(&name, &sealed).unwrap(), b"record");
        assert!(
            again.open(&[0; 32], &sealed).is_err(),
            "moved to another name"
        );
        assert_eq!(v.epoch_key_ids().unwrap(), vec![id]);
        v.destroy_epoch_key(&id).unwrap();
        assert!(v.epoch_key(&id).unwrap().is_none());
        assert!(v.epoch_key_ids().unwrap().is_empty());
    }

    #[test]
    fn data_keys_made_ahead_open_the_same_way() {
        let (_root, keys, v) = vault();
        v.prepare("r", "2026-11-30").unwrap();
        assert!(keys.has(&data_key_file("r", "2026-11-30")));
        let s = v.seal("r", "2026-11-30", "c/1", b"later").unwrap();
        assert_eq!(
            Vault::load(&keys).unwrap().unseal(&s, "c/1").unwrap(),
            b"later"
        );
    }

    #[test]
    fn shredding_makes_a_period_unreadable_for_good() {
        let (_root, keys, v) = vault();
        let s = v.seal("r", "2026-11-16", "c/1", b"gone").unwrap();
        v.shred("r", "2026-11-16").unwrap();
        assert!(v.unseal(&s, "c/1").is_err());
        assert!(Vault::load(&keys).unwrap().unseal(&s, "c/1").is_err());
        assert!(!keys.has(&data_key_file("r", "2026-11-16")));
    }
}
