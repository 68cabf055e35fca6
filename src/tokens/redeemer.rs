//! The Privacy Pass origin (redeemer, RFC 9577): the challenge a client
//! must answer, and the check of a presented token. A thin wrapper around
//! the `privacypass` crate.
//!
//! # The challenge (RFC 9577 §2.1)
//! `token_type` 2, `issuer_name` the configured issuer name, `origin_info`
//! the configured origin name, and a `redemption_context` that is the same
//! for everyone writing to one round: SHA-256("parrhesia/round/v1\0" ||
//! round slug). It must never hold a per-client value (that would link a
//! token to a visit, RFC 9577 §2.1.1.2); a per-round value links nothing the
//! round itself does not already say, and it is what lets the redeemer
//! refuse a token made for another round's challenge.
//!
//! # Security contract
//! [`Redeemer::redeem`] returns a [`SpentToken`] only for a token whose
//! signature verifies under one of this round's logged keys that is still
//! valid today and whose challenge digest is this round's challenge. `privacypass`'s
//! `redeem_token` does NOT compare the challenge digest, so it is compared
//! here, in constant time. The token's nonce is spent by the store, in the
//! same transaction as the critique: the crate's nonce store is only told
//! "fresh" so that double-spend is decided in exactly one place.

use super::auth_param::{parse_credentials, quote};
use super::token_keys::KeyRing;
use super::SpentToken;
use privacypass::auth::authenticate::TokenChallenge;
use privacypass::public_tokens::server::{OriginKeyStore, OriginServer};
use privacypass::public_tokens::{PublicKey, PublicToken};
use privacypass::{Deserialize, Nonce, NonceStore, TokenType, TruncatedTokenKeyId};
use std::sync::Arc;
use subtle::ConstantTimeEq;
use time::Date;

/// Why a presented token was refused. Every variant is answered with 401
/// and a fresh challenge; only the store can say "already spent".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RedeemError {
    #[error("the Authorization header is not a PrivateToken token")]
    Malformed,
    #[error("the token is not of type 2")]
    TokenType,
    #[error("the token was made with a key this round does not accept")]
    KeyUnknown,
    #[error("the token was made for another challenge")]
    WrongChallenge,
    #[error("the token's signature does not verify")]
    BadSignature,
}

/// The redemption context of every challenge for `round`:
/// SHA-256("parrhesia/round/v1\0" || round slug) (see the module docs).
pub fn round_context(round: &str) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"parrhesia/round/v1\0");
    ctx.update(round.as_bytes());
    let mut context = [0u8; 32];
    context.copy_from_slice(ctx.finish().as_ref());
    context
}

pub struct Redeemer {
    keys: Arc<KeyRing>,
    issuer_name: String,
    origin_name: String,
}

/// The token in `Authorization: PrivateToken token=…` (RFC 9577 §2.2):
/// quoted or bare, names in any case, and every other parameter ignored,
/// as §2.2 requires ("All unknown or unsupported parameters ... MUST be
/// ignored").
fn parse_token(authorization: &str) -> Result<PublicToken, RedeemError> {
    let credentials = parse_credentials(authorization).map_err(|_| RedeemError::Malformed)?;
    if !credentials.is("PrivateToken") {
        return Err(RedeemError::Malformed);
    }
    let bytes = credentials
        .param("token")
        .and_then(super::b64_decode)
        .ok_or(RedeemError::Malformed)?;
    if bytes.len() >= 2 && bytes[..2] != [0, 2] {
        return Err(RedeemError::TokenType);
    }
    let mut rest = bytes.as_slice();
    let token = PublicToken::tls_deserialize(&mut rest).map_err(|_| RedeemError::Malformed)?;
    if !rest.is_empty() {
        return Err(RedeemError::Malformed);
    }
    Ok(token)
}

/// The token_key_id a presented token names (before any check), so that a
/// key another instance has just logged can be looked up.
pub fn token_key_id(authorization: &str) -> Option<[u8; 32]> {
    parse_token(authorization).ok().map(|t| *t.token_key_id())
}

/// The crate's origin key store holding just the token's key.
struct OneKey(PublicKey);

#[async_trait::async_trait]
impl OriginKeyStore for OneKey {
    async fn insert(&self, _: TruncatedTokenKeyId, _: PublicKey) {}
    async fn get(&self, _: &TruncatedTokenKeyId) -> Vec<PublicKey> {
        vec![self.0.clone()]
    }
    async fn remove(&self, _: &TruncatedTokenKeyId) -> bool {
        false
    }
}

/// The crate's nonce store, told "fresh" every time: the authoritative
/// check-and-spend is the store's writer transaction (see the module docs).
struct DecidedByTheStore;

#[async_trait::async_trait]
impl NonceStore for DecidedByTheStore {
    async fn reserve(&self, _: &Nonce) -> bool {
        true
    }
    async fn commit(&self, _: &Nonce) {}
    async fn release(&self, _: &Nonce) {}
}

impl Redeemer {
    pub fn new(keys: Arc<KeyRing>, issuer_name: String, origin_name: String) -> Self {
        Self {
            keys,
            issuer_name,
            origin_name,
        }
    }

    /// The TokenChallenge for `round` (see the module docs).
    pub fn challenge(&self, round: &str) -> TokenChallenge {
        TokenChallenge::new(
            TokenType::Public,
            &self.issuer_name,
            Some(round_context(round)),
            std::slice::from_ref(&self.origin_name),
        )
    }

    /// The `WWW-Authenticate` value asking for a token for `round`
    /// (RFC 9577 §2.1), with the round's issuing key, or `None` if it has
    /// none today. Both values are quoted: padded base64url holds "=",
    /// which a bare auth-param value may not (RFC 9110 §11.2, RFC 9577
    /// §2.1).
    pub fn www_authenticate(&self, round: &str, today: Date) -> Option<String> {
        let ring = self.keys.current();
        let key = ring.issuing(round, today)?;
        let challenge = self.challenge(round).serialize().ok()?;
        Some(format!(
            "PrivateToken challenge={}, token-key={}",
            quote(&super::b64(&challenge)),
            quote(&super::b64(key.spki()))
        ))
    }

    /// Check the `Authorization` header value presented for `round`.
    pub fn redeem(
        &self,
        authorization: &str,
        round: &str,
        today: Date,
    ) -> Result<SpentToken, RedeemError> {
        let expected = self
            .challenge(round)
            .digest()
            .map_err(|_| RedeemError::WrongChallenge)?;
        self.verify(authorization, &expected, round, today)
    }

    /// Check a token against the challenge whose SHA-256 is `expected` and
    /// the keys of `round`.
    pub(crate) fn verify(
        &self,
        authorization: &str,
        expected: &[u8; 32],
        round: &str,
        today: Date,
    ) -> Result<SpentToken, RedeemError> {
        use futures_util::FutureExt;
        let token = parse_token(authorization)?;
        if token.token_type() != TokenType::Public {
            return Err(RedeemError::TokenType);
        }
        let ring = self.keys.current();
        let key = ring
            .verifying(round, token.token_key_id(), today)
            .ok_or(RedeemError::KeyUnknown)?;
        // Constant time, as for any authenticator comparison (STYLE.md).
        if !bool::from(token.challenge_digest().ct_eq(expected)) {
            return Err(RedeemError::WrongChallenge);
        }
        let nonce = token.nonce();
        let key_id = *key.id();
        OriginServer::new()
            .redeem_token(&OneKey(key.pair.pk.clone()), &DecidedByTheStore, token)
            .now_or_never()
            .ok_or(RedeemError::BadSignature)?
            .map_err(|_| RedeemError::BadSignature)?;
        Ok(SpentToken { key_id, nonce })
    }
}
