//! What auditors can check: the append-only Merkle log of critique
//! commitments, sealed digests and token keys; its signed tree heads; the
//! checks `parrhesia verify` runs; and the declaration of what the store
//! keeps.

pub mod declaration;
pub mod fetch;
pub mod log;
pub mod merkle;
pub mod note;
pub mod record;
pub mod rolls;
pub mod verifier;
pub mod verify;
pub mod witness;

use crate::domain::SealedPeriod;
use log::TreeHead;
use serde::{Deserialize, Serialize};
use verify::PublishedTokenKey;

/// Everything `/api/v1/audit` publishes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditDocument {
    /// The Ed25519 key that signs tree heads, raw 32 bytes, base64.
    pub log_public_key: String,
    /// The same key as a c2sp.org/signed-note verifier key (its name is the
    /// log's origin); absent from servers before issue 17.
    #[serde(default)]
    pub log_vkey: String,
    /// The witnesses whose cosignatures the server accepts (verifier keys).
    #[serde(default)]
    pub witnesses: Vec<String>,
    /// Every head's signed checkpoint, with the cosignatures received,
    /// oldest first.
    #[serde(default)]
    pub checkpoints: Vec<log::CheckpointRecord>,
    pub log_size: u64,
    pub tree_heads: Vec<TreeHead>,
    /// Sealed periods with their frozen digest JSON (which holds the exact
    /// totals) and where their leaves are.
    pub periods: Vec<SealedPeriod>,
    pub token_keys: Vec<PublishedTokenKey>,
    /// What the store keeps per record kind, and what it never keeps.
    pub declaration: serde_json::Value,
    /// Where each organisation's record of answering is published as
    /// JSON (`/o/{organisation}/record.json`, issue 21), for `verify` to
    /// check against the response and pledge leaves.
    #[serde(default)]
    pub records: Vec<String>,
}
