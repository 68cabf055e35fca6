//! What auditors read: the log, its signed heads, checkpoints and proofs,
//! the sealed periods, the receipts of a sealed period, and the token keys
//! in use; and what witnesses hand back (their cosignatures).

use super::{App, AppError};
use crate::audit::declaration::declaration;
use crate::audit::log::Leaf;
use crate::audit::merkle;
use crate::audit::note::{Checkpoint, Note};
use crate::audit::verify::PublishedTokenKey;
use crate::audit::AuditDocument;
use crate::domain::{Receipt, Slug};
use crate::encoding::{base64, hash_from_hex, hex};
use crate::store::{Store, StoreError};
use time::Date;

/// Most leaves one request returns.
pub const MAX_LEAVES: u64 = 10_000;

/// The token keys in use, as the audit log records and publishes them:
/// from the store (shared by every instance), not this instance's memory.
pub async fn published_token_keys(app: &App) -> Result<Vec<PublishedTokenKey>, AppError> {
    Ok(app.store.read(token_keys_of).await?)
}

fn token_keys_of(store: &Store) -> Result<Vec<PublishedTokenKey>, StoreError> {
    let leaves = store.token_key_leaves()?;
    let retired = store.retired_token_keys()?;
    Ok(store
        .token_key_records()?
        .into_iter()
        .filter(|r| !retired.contains(&r.key_id))
        .map(|r| {
            let k = r.info();
            PublishedTokenKey {
                token_type: 2,
                leaf_index: leaves.get(&r.key_id).copied(),
                key_id: k.token_key_id,
                token_key: k.token_key,
                round: Some(k.round),
                not_before: Some(k.not_before),
            }
        })
        .collect())
}

/// The audit document: the log's keys, size, heads and checkpoints, the
/// witnesses, the sealed periods, the token keys and the declaration of
/// what is kept.
pub async fn document(app: &App, today: Date) -> Result<AuditDocument, AppError> {
    app.store.seal_due(today).await?;
    let witnesses = app.witnesses.iter().map(|w| w.vkey()).collect();
    app.store
        .read(move |s| {
            Ok(AuditDocument {
                log_public_key: base64(s.log_public_key()),
                log_vkey: crate::audit::log::log_verifier(s.log_public_key())
                    .map(|v| v.vkey())
                    .unwrap_or_default(),
                witnesses,
                checkpoints: s.checkpoints()?,
                log_size: s.log_size()?,
                tree_heads: s.tree_heads()?,
                periods: s.all_sealed_periods()?,
                token_keys: token_keys_of(s)?,
                declaration: {
                    let e = s.epoch_options();
                    declaration(e.min_secs, e.min_critiques)
                },
                records: s
                    .organisations()?
                    .iter()
                    .map(|o| format!("/o/{}/record.json", o.slug))
                    .collect(),
            })
        })
        .await
}

/// The log's weekly marker and a signed checkpoint of the newest head, if
/// due (so a log that stops shows).
pub async fn tick(app: &App, today: Date) -> Result<(), AppError> {
    Ok(app.store.tick(today).await?)
}

/// The newest signed checkpoint (c2sp.org/tlog-checkpoint) with every
/// witness cosignature received for it, as a signed note.
pub async fn checkpoint(app: &App) -> Result<String, AppError> {
    let latest = app
        .store
        .read(|s| s.latest_checkpoint())
        .await?
        .ok_or(AppError::NoCheckpoint)?;
    Ok(latest.render())
}

/// A witness hands back a checkpoint it cosigned (the note `text` with its
/// cosignature lines, c2sp.org/tlog-witness). Kept only if the checkpoint
/// is one this log signed and a cosignature verifies under a configured
/// witness key; others are ignored. Returns the checkpoint's size and how
/// many cosignatures were kept.
pub async fn cosign(app: &App, text: &str) -> Result<(u64, usize), AppError> {
    let bad = |why: &str| AppError::CheckpointInvalid(why.to_owned());
    let note = Note::parse(text).map_err(|e| bad(&e.to_string()))?;
    let checkpoint = Checkpoint::parse(&note.text).map_err(|e| bad(&e.to_string()))?;
    let size = checkpoint.size;
    let ours = app
        .store
        .read(move |s| s.checkpoint(size))
        .await?
        .ok_or(AppError::CheckpointUnknown)?;
    let signed = Note::parse(&ours.note)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("our own checkpoint: {e}")))?;
    if signed.text != note.text {
        return Err(AppError::CheckpointUnknown);
    }
    let mut good = Vec::new();
    for witness in &app.witnesses {
        let verified = note
            .verified_by(witness)
            .map_err(|_| AppError::CosignatureInvalid)?;
        good.extend(verified.into_iter().cloned());
    }
    if good.is_empty() {
        return Err(AppError::CosignatureInvalid);
    }
    let stored = good.len();
    app.store.add_cosignatures(checkpoint.size, good).await?;
    Ok((checkpoint.size, stored))
}

/// Leaves `start..end` of the log (at most [`MAX_LEAVES`]), as their
/// canonical JSON.
pub async fn leaves(app: &App, start: u64, end: u64) -> Result<Vec<String>, AppError> {
    app.store
        .read(move |s| {
            let size = s.log_size()?;
            if start > end || end > size || end - start > MAX_LEAVES {
                return Err(AppError::LogRange(format!(
                    "need start <= end <= {size} (the log size) and at most {MAX_LEAVES} leaves"
                )));
            }
            Ok(s.leaves(start, end)?)
        })
        .await
}

/// The inclusion proof of leaf `index` in the tree of the first `size`
/// leaves (RFC 9162 §2.1.3), hex.
pub async fn inclusion(app: &App, index: u64, size: u64) -> Result<Vec<String>, AppError> {
    let hashes = app
        .store
        .read(move |s| {
            if size > s.log_size()? || index >= size {
                return Err(range("need index < size <= the log size"));
            }
            Ok(s.leaf_hashes(size)?)
        })
        .await?;
    let path = merkle::inclusion_path(&hashes, index as usize).ok_or_else(|| range("index"))?;
    Ok(path.iter().map(|h| hex(h)).collect())
}

/// The consistency proof between the trees of the first `first` and
/// `second` leaves (RFC 9162 §2.1.4), hex.
pub async fn consistency(app: &App, first: u64, second: u64) -> Result<Vec<String>, AppError> {
    let hashes = app
        .store
        .read(move |s| {
            if second > s.log_size()? || first > second {
                return Err(range("need first <= second <= the log size"));
            }
            Ok(s.leaf_hashes(second)?)
        })
        .await?;
    let path = merkle::consistency_path(&hashes, first as usize).ok_or_else(|| range("first"))?;
    Ok(path.iter().map(|h| hex(h)).collect())
}

fn range(what: &str) -> AppError {
    AppError::LogRange(what.to_owned())
}

/// The receipts of one sealed period, with its round (for its title and
/// period length; gone if the round is).
pub struct Receipts {
    pub round: Option<crate::domain::Round>,
    /// Sorted, so the order says nothing about arrival.
    pub receipts: Vec<String>,
}

/// The receipts of period `period` of round `round`, once it is sealed
/// (a period that has just ended is sealed first).
pub async fn receipts(
    app: &App,
    round: &str,
    period: &str,
    today: Date,
) -> Result<Receipts, AppError> {
    app.store.seal_due(today).await?;
    let Ok(slug) = Slug::parse(round, "round") else {
        return Err(AppError::PeriodNotSealed);
    };
    let (period, round) = (period.to_owned(), round.to_owned());
    let (leaves, round) = app
        .store
        .read(move |s| {
            let Some(sealed) = s.sealed_period(&slug, &period)? else {
                return Err(AppError::PeriodNotSealed);
            };
            let leaves = s.leaves(sealed.first_leaf, sealed.first_leaf + sealed.leaf_count)?;
            Ok((leaves, s.round(&round)?))
        })
        .await?;
    let mut receipts: Vec<String> = leaves
        .iter()
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(Leaf::Critique { commitment, .. }) => hash_from_hex(&commitment),
            _ => None,
        })
        .map(|c| Receipt::from_commitment(c).display())
        .collect();
    receipts.sort();
    Ok(Receipts { round, receipts })
}
