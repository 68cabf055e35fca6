//! What auditors can check: the append-only Merkle log of critique
//! commitments, sealed digests and token keys; its signed tree heads; the
//! checks `parrhesia verify` runs; and the declaration of what the store
//! keeps.

pub mod log;
pub mod merkle;
