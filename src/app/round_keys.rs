//! Keeping each round's Privacy Pass key (see [`crate::tokens::token_keys`]
//! for the rules): a round's first key is made and logged when it is first
//! needed, a successor is logged ahead of its day, and expired keys are
//! tombstoned, all while the server runs. Every instance sharing a store
//! learns of keys another made by reloading the store's records and the
//! shared key file.
//!
//! # Security contract
//! A key is saved and in the log before anyone is shown it or a token it
//! signs (RFC 9576 §6.2); expired keys are tombstoned (committed) before
//! their spent sets are dropped. A key id the store does not log for the
//! round costs one point read and never a reload.

use super::{App, AppError};
use crate::secrets::keys::KeyDir;
use crate::store::{Store, StoreError};
use crate::tokens::token_keys::{forget_others, legacy_key_ids};
use crate::tokens::{KeyRecord, KeyRing, NewKey, TokenKeys};
use std::sync::{Arc, Mutex};
use time::Date;

/// The keys in use and where their private halves live.
pub struct RoundKeys {
    pub ring: Arc<KeyRing>,
    dir: KeyDir,
    /// The day of the last upkeep: the first key request of a new day runs
    /// it (and the minute ticker, for quiet servers).
    upkept: Mutex<Option<Date>>,
}

impl RoundKeys {
    /// At start-up: tombstone the shared key of before issue 17 and every
    /// expired key (committed before their spent sets are dropped), clear
    /// them from the key file, and load the rest.
    pub async fn start(store: &Store, dir: KeyDir, today: Date) -> anyhow::Result<Self> {
        store.retire_token_keys(legacy_key_ids(&dir)?).await?;
        store.retire_token_keys(expired(store, today)?).await?;
        forget_others(&dir, &usable_records(store)?)?;
        let ring = Arc::new(KeyRing::new(load(store, &dir)?));
        Ok(Self {
            ring,
            dir,
            upkept: Mutex::new(Some(today)),
        })
    }

    /// Read the store's records and the key file again.
    async fn reload(&self, store: &Store) -> Result<(), AppError> {
        let dir = self.dir.clone();
        self.ring.replace(store.read(move |s| load(s, &dir)).await?);
        Ok(())
    }
}

fn load(store: &Store, dir: &KeyDir) -> anyhow::Result<TokenKeys> {
    TokenKeys::load(
        dir,
        &store.token_key_records()?,
        &store.retired_token_keys()?,
    )
}

/// Logged, untombstoned keys that no longer verify `today`.
fn expired(store: &Store, today: Date) -> anyhow::Result<Vec<[u8; 32]>> {
    Ok(usable_records(store)?
        .into_iter()
        .filter(|r| today >= r.expires())
        .map(|r| r.key_id)
        .collect())
}

fn usable_records(store: &Store) -> anyhow::Result<Vec<KeyRecord>> {
    let retired = store.retired_token_keys()?;
    Ok(store
        .token_key_records()?
        .into_iter()
        .filter(|r| !retired.contains(&r.key_id))
        .collect())
}

/// Whether a token's key is `round`'s, logged by another instance since
/// this one last read the keys: then they are read again (a key unknown to
/// the store, a forged one, costs one point read and no reload).
pub(super) async fn learn_key(app: &App, round: &str, key_id: &[u8; 32]) -> Result<bool, AppError> {
    let (round, key_id) = (round.to_owned(), *key_id);
    let record = app
        .store
        .read(move |s| s.token_key_record(&round, &key_id))
        .await?;
    if record.is_none() {
        return Ok(false);
    }
    app.privacy_pass()?.round_keys.reload(&app.store).await?;
    Ok(true)
}

/// Whether the store holds a key of `round` this instance has not loaded
/// (another instance logged it): then the keys are read again.
pub(super) async fn learn_round(app: &App, round: &str) -> Result<bool, AppError> {
    let keys = &app.privacy_pass()?.round_keys;
    let loaded = keys.ring.current().public_list();
    let (retired, records) = app
        .store
        .read(|s| Ok::<_, StoreError>((s.retired_token_keys()?, s.token_key_records()?)))
        .await?;
    let missing = records.iter().any(|r| {
        r.round == round
            && !retired.contains(&r.key_id)
            && !loaded
                .iter()
                .any(|k| k.token_key_id == crate::encoding::hex(&r.key_id))
    });
    if missing {
        keys.reload(&app.store).await?;
    }
    Ok(missing)
}

/// Make sure `round` has its key for `today` (and its successor, when one
/// is due): made, saved and logged before anyone is shown it. The first
/// call of a day runs the upkeep of every round first.
pub(super) async fn ensure(app: &App, round: &str, today: Date) -> Result<(), AppError> {
    let upkept = *app
        .privacy_pass()?
        .round_keys
        .upkept
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if upkept != Some(today) {
        maintain(app, today).await?;
    }
    make_due(app, round, today).await
}

async fn make_due(app: &App, round: &str, today: Date) -> Result<(), AppError> {
    let keys = &app.privacy_pass()?.round_keys;
    let Some(not_before) = keys.ring.current().due(round, today) else {
        return Ok(());
    };
    // Maybe another instance has logged it already.
    if learn_round(app, round).await? && keys.ring.current().due(round, today) != Some(not_before) {
        return Ok(());
    }
    let owned = round.to_owned();
    // Generating an RSA key is CPU work: off the async workers.
    let key = tokio::task::spawn_blocking(move || NewKey::generate(&owned, not_before))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("key generation task failed: {e}")))??;
    let record = key.record().clone();
    let dir = keys.dir.clone();
    let save =
        Box::new(move |keep: &[KeyRecord]| key.save(&dir, keep).map_err(|e| format!("{e:#}")));
    app.store.add_token_key(record, today, save).await?;
    keys.reload(&app.store).await
}

/// The upkeep: tombstones for expired keys (then out of the key file),
/// and successors for every round with keys. A server without Privacy
/// Pass keys (a command run on a stopped store) has nothing to keep.
pub async fn maintain(app: &App, today: Date) -> Result<(), AppError> {
    let Some(privacy_pass) = &app.privacy_pass else {
        return Ok(());
    };
    let keys = &privacy_pass.round_keys;
    keys.reload(&app.store).await?;
    let expired = app.store.read(move |s| expired(s, today)).await?;
    if !expired.is_empty() {
        app.store.retire_token_keys(expired).await?;
        let usable = app.store.read(usable_records).await?;
        forget_others(&keys.dir, &usable)?;
        keys.reload(&app.store).await?;
    }
    for round in keys.ring.current().rounds() {
        make_due(app, &round, today).await?;
    }
    *keys.upkept.lock().unwrap_or_else(|e| e.into_inner()) = Some(today);
    Ok(())
}

/// The id (token_key_id, hex) of the key that issues `round`'s tokens
/// today, made and logged first if the round has none: printed on
/// invitation letters and code cards, so people can compare by hand the key
/// their client is given with the one the log holds.
pub async fn issuing_key_id(app: &App, round: &str, today: Date) -> Result<String, AppError> {
    ensure(app, round, today).await?;
    app.privacy_pass()?
        .round_keys
        .ring
        .current()
        .issuing(round, today)
        .map(|k| crate::encoding::hex(&k.record.key_id))
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the round has no token key")))
}

/// [`issuing_key_id`] as printed on cards and letters
/// ([`key_id_for_print`]).
pub async fn printed_key_id(app: &App, round: &str, today: Date) -> Result<String, AppError> {
    Ok(key_id_for_print(&issuing_key_id(app, round, today).await?))
}

/// A key id as people compare it by hand: its first 16 hex digits, in
/// groups of four (64 bits: enough to tell keys apart, short enough to read).
pub fn key_id_for_print(key_id: &str) -> String {
    key_id
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}
