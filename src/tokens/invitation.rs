//! Invitations: the one-time secrets that let an invited person fetch
//! Privacy Pass tokens for one round.
//!
//! An invitation is 128 random bits, written as 22 base64url characters
//! (no padding) so it fits in a link's fragment: `/i/{round}#<invitation>`.
//! A fragment is never sent to the server, so the invitation does not reach
//! any log on the way to the page.
//!
//! # Security contract
//! The store keeps only HMAC-SHA256(invitation key, secret), under a key
//! that lives in the key directory: a copy of the data directory alone
//! cannot test guessed invitations. The hash depends on nothing but the
//! secret, so nothing stored about an invitation contains or derives from
//! the blinded message, nonce or signature of the tokens it was used for.

use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use std::fmt;

/// Random bytes in an invitation.
pub const INVITATION_BYTES: usize = 16;
/// Most tokens one invitation may give.
pub const MAX_TOKENS_PER_INVITATION: u32 = 100;
/// Most invitations made by one request.
pub const MAX_INVITATIONS: usize = 10_000;

/// A well-formed invitation secret. `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Invitation([u8; INVITATION_BYTES]);

impl fmt::Debug for Invitation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Invitation(<redacted>)")
    }
}

impl Invitation {
    pub fn generate(rng: &SystemRandom) -> Result<Self, ring::error::Unspecified> {
        let mut bytes = [0u8; INVITATION_BYTES];
        rng.fill(&mut bytes)?;
        Ok(Self(bytes))
    }

    /// Read an invitation as typed or pasted: base64url, surrounding
    /// spaces ignored, padding optional.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim().trim_end_matches('=');
        if raw.len() != 22 {
            return None;
        }
        let bytes = super::b64_decode(raw)?;
        <[u8; INVITATION_BYTES]>::try_from(bytes.as_slice())
            .ok()
            .map(Self)
    }

    /// The form people receive: 22 base64url characters.
    pub fn display(&self) -> String {
        super::b64(&self.0).trim_end_matches('=').to_owned()
    }
}

/// The keyed hash under which an invitation is stored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InvitationHash([u8; 32]);

impl fmt::Debug for InvitationHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InvitationHash(<redacted>)")
    }
}

impl InvitationHash {
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// The HMAC key for invitations (from the key directory).
pub struct InvitationKey(hmac::Key);

impl InvitationKey {
    pub fn new(secret: &[u8]) -> Self {
        Self(hmac::Key::new(hmac::HMAC_SHA256, secret))
    }

    pub fn hash(&self, invitation: &Invitation) -> InvitationHash {
        let tag = hmac::sign(&self.0, &invitation.0);
        let mut out = [0u8; 32];
        out.copy_from_slice(tag.as_ref());
        InvitationHash(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_round_trip_and_reject_garbage() {
        let rng = SystemRandom::new();
        let inv = Invitation::generate(&rng).unwrap();
        let shown = inv.display();
        assert_eq!(shown.len(), 22);
        assert_eq!(Invitation::parse(&shown), Some(inv.clone()));
        assert_eq!(Invitation::parse(&format!(" {shown}== ")), Some(inv));
        assert_eq!(Invitation::parse("short"), None);
        assert_eq!(Invitation::parse("!!!!!!!!!!!!!!!!!!!!!!"), None);
        assert_eq!(Invitation::parse(&"A".repeat(23)), None);
    }

    #[test]
    fn hashes_depend_on_the_key() {
        let inv = Invitation::generate(&SystemRandom::new()).unwrap();
        let a = InvitationKey::new(&[1; 32]).hash(&inv);
        let b = InvitationKey::new(&[2; 32]).hash(&inv);
        assert_ne!(a, b);
        assert_eq!(a, InvitationKey::new(&[1; 32]).hash(&inv));
    }
}
