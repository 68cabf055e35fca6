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
//! signature verifies under a key that is still valid today and whose
//! challenge digest is this round's challenge. `privacypass`'s
//! `redeem_token` does NOT compare the challenge digest, so it is compared
//! here, in constant time. The token's nonce is spent by the store, in the
//! same transaction as the critique: the crate's nonce store is only told
//! "fresh" so that double-spend is decided in exactly one place.

use super::token_keys::TokenKeys;
use super::SpentToken;
use privacypass::auth::authenticate::{build_www_authenticate_header, TokenChallenge};
use privacypass::auth::authorize::parse_authorization_header;
use privacypass::public_tokens::server::{OriginKeyStore, OriginServer};
use privacypass::public_tokens::{PublicKey, PublicToken};
use privacypass::{Nonce, NonceStore, TokenType, TruncatedTokenKeyId};
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
    #[error("the token was made for a key this service does not accept")]
    KeyUnknown,
    #[error("the token was made for another challenge")]
    WrongChallenge,
    #[error("the token's signature does not verify")]
    BadSignature,
}

pub struct Redeemer {
    keys: Arc<TokenKeys>,
    issuer_name: String,
    origin_name: String,
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
    pub fn new(keys: Arc<TokenKeys>, issuer_name: String, origin_name: String) -> Self {
        Self {
            keys,
            issuer_name,
            origin_name,
        }
    }

    /// The TokenChallenge for `round` (see the module docs).
    pub fn challenge(&self, round: &str) -> TokenChallenge {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"parrhesia/round/v1\0");
        ctx.update(round.as_bytes());
        let mut context = [0u8; 32];
        context.copy_from_slice(ctx.finish().as_ref());
        TokenChallenge::new(
            TokenType::Public,
            &self.issuer_name,
            Some(context),
            std::slice::from_ref(&self.origin_name),
        )
    }

    /// The `WWW-Authenticate` value asking for a token for `round`
    /// (RFC 9577 §2.1), or `None` if no key issues today.
    pub fn www_authenticate(&self, round: &str, today: Date) -> Option<String> {
        let key = self.keys.issuing(today)?;
        let (_, value) =
            build_www_authenticate_header(&self.challenge(round), &key.spki, None).ok()?;
        value.to_str().ok().map(str::to_owned)
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
        self.verify(authorization, &expected, today)
    }

    /// Check a token against the challenge whose SHA-256 is `expected`.
    pub(crate) fn verify(
        &self,
        authorization: &str,
        expected: &[u8; 32],
        today: Date,
    ) -> Result<SpentToken, RedeemError> {
        use futures_util::FutureExt;
        let value =
            http::HeaderValue::from_str(authorization).map_err(|_| RedeemError::Malformed)?;
        let token: PublicToken =
            parse_authorization_header(&value).map_err(|_| RedeemError::Malformed)?;
        if token.token_type() != TokenType::Public {
            return Err(RedeemError::TokenType);
        }
        let key = self
            .keys
            .verifying(token.token_key_id(), today)
            .ok_or(RedeemError::KeyUnknown)?;
        // Constant time, as for any authenticator comparison (STYLE.md).
        if !bool::from(token.challenge_digest().ct_eq(expected)) {
            return Err(RedeemError::WrongChallenge);
        }
        let nonce = token.nonce();
        let key_id = key.id;
        OriginServer::new()
            .redeem_token(&OneKey(key.pair.pk.clone()), &DecidedByTheStore, token)
            .now_or_never()
            .ok_or(RedeemError::BadSignature)?
            .map_err(|_| RedeemError::BadSignature)?;
        Ok(SpentToken { key_id, nonce })
    }
}
