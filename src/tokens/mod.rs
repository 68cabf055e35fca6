//! Everything that proves a person may send a critique, and the only home of
//! the secrets behind it.
//!
//! # Security contract
//! A critique can only be stored together with a [`Redemption`], and only
//! this module can make one: a paper code becomes a [`Redemption`] by being
//! hashed under the server's code key, so no other code path can spend a code
//! or store a critique without one; a Privacy Pass token becomes one only
//! through [`redeemer::Redeemer::redeem`], after its signature and challenge
//! have been checked.

pub mod auth_param;
pub mod client;
pub mod invitation;
pub mod issuer;
#[cfg(test)]
mod kat;
pub mod paper;
pub mod redeemer;
pub mod token_keys;

pub use invitation::{Invitation, InvitationHash, InvitationKey};
pub use paper::{AboutYouCode, CodeHash, CodeKey, PaperCode};
pub use token_keys::{KeyRecord, KeyRing, NewKey, TokenKeyInfo, TokenKeys};

/// Proof that a one-time credential was presented. The store spends it in
/// the same transaction that stores the critique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redemption {
    /// A paper code, by its keyed hash (never the code itself).
    PaperCode(CodeHash),
    /// A verified Privacy Pass token, by its key and nonce (RFC 9577: the
    /// nonce is what makes a token single-use).
    PrivacyPass(SpentToken),
}

/// A Privacy Pass token that verified: only [`redeemer`] can make one.
#[derive(Clone, PartialEq, Eq)]
pub struct SpentToken {
    key_id: [u8; 32],
    nonce: [u8; 32],
}

impl std::fmt::Debug for SpentToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SpentToken(<redacted>)")
    }
}

impl SpentToken {
    /// The token key's id (SHA-256 of its SPKI): names the spent-nonce tree.
    pub fn key_id(&self) -> &[u8; 32] {
        &self.key_id
    }

    pub fn nonce(&self) -> &[u8; 32] {
        &self.nonce
    }
}

/// Padded base64url, as RFC 9577 §2.1 and §2.2 write challenges and tokens
/// (and as `@cloudflare/privacypass-ts`, which rejects unpadded, expects).
pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE.encode(bytes)
}

/// Decode base64url with or without padding.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()
}
