//! The public records of the rounds' Privacy Pass keys, and the tombstones
//! of retired ones (see [`crate::tokens::token_keys`] for why).
//!
//! | tree           | key                                 | value |
//! |----------------|-------------------------------------|-------|
//! | `token_keys`   | round, `\0`, token_key_id (32 B)    | JSON: round, key id (hex), SPKI (base64url), `not_before` day |
//! | `retired_keys` | token_key_id (32 B)                 | empty: the key never verifies again |
//!
//! A key's record is written by the writer under the write lock, in the
//! transaction that appends its leaf to the log, right after its private
//! half has been saved in the key directory: a key is in the log before
//! anyone can use it. A tombstone is committed before the key's spent-nonce
//! tree is dropped; the writer refuses a tombstoned key's token in the
//! transaction that would spend it, and a rewrite of a mixing epoch writes
//! no spent mark of a tombstoned key (its tree would only come back).

use super::queue::{Job, LogJob};
use super::{records, Store, StoreError};
use crate::tokens::token_keys::{format_date, parse_date};
use crate::tokens::KeyRecord;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Saves a new key's private half (under the write lock, given the records
/// already logged); an error aborts the logging.
pub type SaveKey = Box<dyn Fn(&[KeyRecord]) -> Result<(), String> + Send>;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredRecord {
    round: String,
    key_id: String,
    token_key: String,
    not_before: String,
    /// The index of the key's leaf in the log.
    #[serde(default)]
    leaf: Option<u64>,
}

impl StoredRecord {
    pub(super) fn of(r: &KeyRecord, leaf: u64) -> Self {
        Self {
            round: r.round.clone(),
            key_id: crate::encoding::hex(&r.key_id),
            token_key: crate::tokens::b64(&r.token_key),
            not_before: format_date(r.not_before),
            leaf: Some(leaf),
        }
    }

    pub(super) fn record(&self) -> Option<KeyRecord> {
        Some(KeyRecord {
            round: self.round.clone(),
            key_id: crate::encoding::hash_from_hex(&self.key_id)?,
            token_key: crate::tokens::b64_decode(&self.token_key)?,
            not_before: parse_date(&self.not_before)?,
        })
    }
}

/// The ids in the `retired_keys` tree.
pub(super) fn retired_ids(tree: &super::kv::Tree) -> Result<HashSet<[u8; 32]>, StoreError> {
    Ok(tree
        .iter()?
        .into_iter()
        .filter_map(|(k, _)| <[u8; 32]>::try_from(k.as_slice()).ok())
        .collect())
}

/// `{round}\0{key id}`: key of the `token_keys` tree.
pub(super) fn record_key(r: &KeyRecord) -> Vec<u8> {
    let mut k = format!("{}\0", r.round).into_bytes();
    k.extend_from_slice(&r.key_id);
    k
}

impl Store {
    /// Every logged round key, by round then `not_before`.
    pub fn token_key_records(&self) -> Result<Vec<KeyRecord>, StoreError> {
        let mut out = Vec::new();
        for (_, v) in self.trees.token_keys.iter()? {
            let stored: StoredRecord = records::from_json(&v)?;
            out.push(
                stored
                    .record()
                    .ok_or_else(|| StoreError::Io("a token key record is damaged".into()))?,
            );
        }
        out.sort_by(|a, b| (&a.round, a.not_before).cmp(&(&b.round, b.not_before)));
        Ok(out)
    }

    /// The logged record of `round`'s key `key_id`, if there is one and it
    /// is not tombstoned (a point read: how an instance learns, cheaply, of
    /// a key another instance has just logged).
    pub fn token_key_record(
        &self,
        round: &str,
        key_id: &[u8; 32],
    ) -> Result<Option<KeyRecord>, StoreError> {
        if self.trees.retired_keys.get(key_id)?.is_some() {
            return Ok(None);
        }
        let mut key = format!("{round}\0").into_bytes();
        key.extend_from_slice(key_id);
        Ok(
            records::get_json::<StoredRecord>(&self.trees.token_keys, &key)?
                .and_then(|s| s.record()),
        )
    }

    /// Where each logged key's leaf is in the log, by key id (so a client
    /// can ask for an inclusion proof of its round's key).
    pub fn token_key_leaves(&self) -> Result<HashMap<[u8; 32], u64>, StoreError> {
        let mut out = HashMap::new();
        for (_, v) in self.trees.token_keys.iter()? {
            let stored: StoredRecord = records::from_json(&v)?;
            if let (Some(r), Some(leaf)) = (stored.record(), stored.leaf) {
                out.insert(r.key_id, leaf);
            }
        }
        Ok(out)
    }

    /// The ids of every tombstoned key.
    pub fn retired_token_keys(&self) -> Result<HashSet<[u8; 32]>, StoreError> {
        retired_ids(&self.trees.retired_keys)
    }

    /// Log `record` (a new key for its round) if, by the logged and
    /// untombstoned keys, a key with its `not_before` is still due `today`
    /// (otherwise another instance was first): under the write lock, `save`
    /// is called first, then the key's leaf, a signed head and its record
    /// are committed together. Returns whether this key was logged.
    pub async fn add_token_key(
        &self,
        record: KeyRecord,
        today: time::Date,
        save: SaveKey,
    ) -> Result<bool, StoreError> {
        self.call(|reply| {
            Job::Log(LogJob::AddTokenKey {
                record,
                today,
                save,
                reply,
            })
        })
        .await
    }

    /// Tombstone the keys `ids`, then drop their spent-nonce trees: their
    /// tokens never verify again, on any instance, whatever key file or
    /// clock it has.
    pub async fn retire_token_keys(&self, ids: Vec<[u8; 32]>) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.call(|r| Job::RetireTokenKeys(ids, r)).await
    }
}
