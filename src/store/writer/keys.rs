//! The writer's side of the rounds' Privacy Pass keys (see
//! [`crate::store::token_keys`]): logging a new key, and tombstoning
//! retired ones before their spent sets go.

use super::Writer;
use crate::audit::log::Leaf;
use crate::store::queue::Answer;
use crate::store::seal::LOG_STATE;
use crate::store::token_keys::{record_key, retired_ids, SaveKey, StoredRecord};
use crate::store::{records, StoreError};
use crate::tokens::KeyRecord;
use time::Date;

impl Writer {
    /// Log `record` if a key with its `not_before` is still due for its
    /// round by what the store holds now (read under the write lock and
    /// the log's append lock, so two instances never both log one), saving
    /// its private half first. Answers whether it was logged.
    pub(super) fn add_token_key(
        &mut self,
        record: &KeyRecord,
        today: Date,
        save: &SaveKey,
    ) -> Result<Answer<bool>, StoreError> {
        let retired = retired_ids(&self.trees.retired_keys)?;
        let mut usable = Vec::new();
        for (_, v) in self.trees.token_keys.iter()? {
            let stored: StoredRecord = records::from_json(&v)?;
            if let Some(r) = stored.record() {
                if !retired.contains(&r.key_id) {
                    usable.push(r);
                }
            }
        }
        let of_round: Vec<&KeyRecord> = usable.iter().filter(|k| k.round == record.round).collect();
        if crate::tokens::token_keys::due(&of_round, today) != Some(record.not_before) {
            return Ok(Ok(false));
        }
        usable.push(record.clone());
        if let Err(e) = save(&usable) {
            return Ok(Err(StoreError::Io(format!(
                "could not save a token key: {e}"
            ))));
        }
        let leaf = Leaf::RoundTokenKey {
            round: record.round.clone(),
            token_type: 2,
            key_id: crate::encoding::hex(&record.key_id),
            token_key: crate::tokens::b64(&record.token_key),
            not_before: crate::tokens::token_keys::format_date(record.not_before),
        };
        let appended = self.append(&[leaf], today)?;
        // The key's leaf is the last (a week marker may come first).
        let index = appended.first_leaf + appended.leaf_bytes.len() as u64 - 1;
        let value = records::to_json(&StoredRecord::of(record, index))?;
        let t = &self.trees;
        let log_state = self.kv.open_tree(LOG_STATE)?;
        let trees = [
            &t.log_leaves,
            &t.log_heads,
            &t.checkpoints,
            &log_state,
            &t.token_keys,
        ];
        self.conn.transaction(&trees, |tx| {
            appended.write(tx)?;
            tx.insert(t.token_keys.name(), &record_key(record), &value)
        })?;
        Ok(Ok(true))
    }

    /// Commit a tombstone for each key, then drop its spent-nonce tree
    /// (a rewrite writes no spent mark of a tombstoned key, so the tree
    /// does not come back).
    pub(super) fn retire_token_keys(&mut self, ids: &[[u8; 32]]) -> Result<(), StoreError> {
        let t = &self.trees;
        self.conn.transaction(&[&t.retired_keys], |tx| {
            for id in ids {
                tx.insert(t.retired_keys.name(), id, &[])?;
            }
            Ok(())
        })?;
        let names = self.kv.tree_names()?;
        for id in ids {
            let name = crate::store::nonce_tree_name(id);
            if names.contains(&name) {
                self.kv.drop_tree(&name)?;
            }
        }
        Ok(())
    }
}
