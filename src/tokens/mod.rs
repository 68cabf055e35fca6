//! Everything that proves a person may send a critique, and the only home of
//! the secrets behind it.
//!
//! # Security contract
//! A critique can only be stored together with a [`Redemption`], and only
//! this module can make one: a paper code becomes a [`Redemption`] by being
//! hashed under the server's code key, so no other code path can spend a code
//! or store a critique without one.

pub mod paper;

pub use paper::{CodeHash, CodeKey, PaperCode};

/// Proof that a one-time credential was presented. The store spends it in
/// the same transaction that stores the critique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redemption {
    /// A paper code, by its keyed hash (never the code itself).
    PaperCode(CodeHash),
}
