//! The Privacy Pass issuer (RFC 9578 §6, token type 2): a thin wrapper
//! around the `privacypass` crate, so the crate can be replaced here alone.
//!
//! # Security contract
//! [`Issuer::sign`] sees only the blinded message (RFC 9578 §6.2) and
//! returns the blind signature; neither is kept or logged anywhere. Whether
//! the presenter may have a token (their invitation) is checked and spent
//! by the caller through the store; nothing about the request reaches the
//! store. The caller names the round of the invitation, and
//! [`Issuer::parse`] accepts only a request for that round's issuing key:
//! a token can only ever verify in the round its invitation was for. The
//! signature is computed by `rsa` with base blinding (see SECURITY.md on
//! timing).

use super::token_keys::{KeyRing, RsaKeyPair, TokenKey};
use privacypass::public_tokens::server::{IssuerKeyStore, IssuerServer};
use privacypass::public_tokens::{TokenRequest, NK};
use privacypass::{Deserialize, Serialize, TruncatedTokenKeyId};
use serde::Serialize as SerdeSerialize;
use std::sync::Arc;
use time::Date;

/// Media type of a token request body (RFC 9578 §8.3).
pub const REQUEST_MEDIA_TYPE: &str = "application/private-token-request";
/// Media type of a token response body (RFC 9578 §8.3).
pub const RESPONSE_MEDIA_TYPE: &str = "application/private-token-response";
/// Media type of the issuer directory (RFC 9578 §8.2).
pub const DIRECTORY_MEDIA_TYPE: &str = "application/private-token-issuer-directory";
/// A type-2 TokenRequest: token_type (2), truncated_token_key_id (1),
/// blinded_msg (Nk = 256) (RFC 9578 §6.1).
pub const REQUEST_LEN: usize = 2 + 1 + NK;

/// Why a token request was refused, before or during signing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IssueError {
    #[error("the token request is {0} bytes, not {REQUEST_LEN}")]
    Length(usize),
    #[error("token type {0:#06x} is not supported; this issuer makes type 0x0002")]
    TokenType(u16),
    #[error("the token request is not for the key of the invitation's round")]
    KeyUnknown,
    #[error("the blinded message is not valid for this key")]
    Blinded,
    #[error("the round has no issuing key today")]
    NoKey,
    #[error("the token request could not be read")]
    Malformed,
    #[error("signing failed")]
    Signing,
}

/// A syntactically valid request for the issuing key of one round, with
/// that key.
pub struct ParsedRequest {
    request: TokenRequest,
    pair: RsaKeyPair,
    truncated: u8,
}

/// One entry of `token-keys` in the issuer directory (RFC 9578 §4).
#[derive(Debug, Clone, SerdeSerialize)]
pub struct DirectoryKey {
    #[serde(rename = "token-type")]
    pub token_type: u16,
    /// base64url (padded) SPKI.
    #[serde(rename = "token-key")]
    pub token_key: String,
    /// Seconds since the epoch (RFC 9578 §4: an integer timestamp).
    #[serde(rename = "not-before")]
    pub not_before: i64,
}

/// The issuer directory (RFC 9578 §4).
#[derive(Debug, Clone, SerdeSerialize)]
pub struct Directory {
    #[serde(rename = "issuer-request-uri")]
    pub issuer_request_uri: String,
    #[serde(rename = "token-keys")]
    pub token_keys: Vec<DirectoryKey>,
}

/// The issuer: the rounds' keys, and the crate's server behind them.
pub struct Issuer {
    keys: Arc<KeyRing>,
}

/// The crate's key store holding just the one key asked for.
struct OneKey(RsaKeyPair, TruncatedTokenKeyId);

#[async_trait::async_trait]
impl IssuerKeyStore for OneKey {
    async fn insert(&self, _: TruncatedTokenKeyId, _: RsaKeyPair) -> bool {
        false
    }
    async fn get(&self, id: &TruncatedTokenKeyId) -> Option<RsaKeyPair> {
        (*id == self.1).then(|| self.0.clone())
    }
    async fn remove(&self, _: &TruncatedTokenKeyId) -> bool {
        false
    }
}

fn truncated(key: &TokenKey) -> u8 {
    // RFC 9578 §6.5: the least significant byte of token_key_id.
    key.id()[31]
}

impl Issuer {
    pub fn new(keys: Arc<KeyRing>) -> Self {
        Self { keys }
    }

    /// The directory published at `/.well-known/private-token-issuer-directory`
    /// (RFC 9578 §4): every round's keys that verify today or are announced
    /// for later, each with its `not-before`; the keys issuing today first
    /// (clients prefer keys earlier in the list), then by newest
    /// `not-before`. A client picks its round's key from the challenge's
    /// `token-key` (RFC 9577 §2.1), not by position here.
    pub fn directory(&self, today: Date, request_uri: String) -> Directory {
        let ring = self.keys.current();
        let mut keys: Vec<_> = ring.listed(today).collect();
        let issuing = |k: &TokenKey| {
            ring.issuing(&k.record.round, today)
                .is_some_and(|i| i.id() == k.id())
        };
        keys.sort_by_key(|k| (!issuing(k), std::cmp::Reverse(k.record.not_before), *k.id()));
        let token_keys = keys
            .into_iter()
            .map(|k| DirectoryKey {
                token_type: 2,
                token_key: super::b64(k.spki()),
                not_before: k.record.not_before.midnight().assume_utc().unix_timestamp(),
            })
            .collect();
        Directory {
            issuer_request_uri: request_uri,
            token_keys,
        }
    }

    /// Check a request body's shape, type and key (the issuing key of the
    /// invitation's `round`) before anything else is spent on it.
    pub fn parse(
        &self,
        body: &[u8],
        round: &str,
        today: Date,
    ) -> Result<ParsedRequest, IssueError> {
        if body.len() < 2 {
            return Err(IssueError::Length(body.len()));
        }
        let token_type = u16::from_be_bytes([body[0], body[1]]);
        if token_type != 2 {
            return Err(IssueError::TokenType(token_type));
        }
        if body.len() != REQUEST_LEN {
            return Err(IssueError::Length(body.len()));
        }
        let ring = self.keys.current();
        let key = ring.issuing(round, today).ok_or(IssueError::NoKey)?;
        // A request blinded for another round's key (or a key this round
        // no longer issues with) is refused here; if its one-byte truncated
        // id happens to match, the signature is still made with this
        // round's key, so the token cannot verify anywhere else.
        if body[2] != truncated(key) {
            return Err(IssueError::KeyUnknown);
        }
        let request =
            TokenRequest::tls_deserialize(&mut &body[..]).map_err(|_| IssueError::Malformed)?;
        Ok(ParsedRequest {
            request,
            pair: key.pair.clone(),
            truncated: truncated(key),
        })
    }

    /// Blind-sign a parsed request with its round's key: CPU-bound (about
    /// 2 ms), so callers run it off the async workers.
    pub fn sign(&self, request: ParsedRequest) -> Result<Vec<u8>, IssueError> {
        use futures_util::FutureExt;
        let store = OneKey(request.pair, request.truncated);
        // The crate's API is async, but nothing in it waits: our key store
        // answers at once, so the future completes on its first poll.
        let response = IssuerServer::new()
            .issue_token_response(&store, request.request)
            .now_or_never()
            .ok_or(IssueError::Signing)?
            // The crate refuses a blinded message that is not below the
            // modulus (RFC 9474 §4.3): the client's fault, not ours.
            .map_err(|_| IssueError::Blinded)?;
        response
            .tls_serialize_detached()
            .map_err(|_| IssueError::Signing)
    }
}
