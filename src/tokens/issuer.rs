//! The Privacy Pass issuer (RFC 9578 §6, token type 2): a thin wrapper
//! around the `privacypass` crate, so the crate can be replaced here alone.
//!
//! # Security contract
//! [`Issuer::sign`] sees only the blinded message (RFC 9578 §6.2) and
//! returns the blind signature; neither is kept or logged anywhere. Whether
//! the presenter may have a token (their invitation) is checked and spent
//! by the caller through the store; nothing about the request reaches the
//! store. The signature is computed by `rsa` with base blinding (see
//! SECURITY.md on timing).

use super::token_keys::{RsaKeyPair, TokenKey, TokenKeys};
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
    #[error("the token request names a key this issuer is not using")]
    KeyUnknown,
    #[error("the blinded message is not valid for this key")]
    Blinded,
    #[error("no issuing key today")]
    NoKey,
    #[error("the token request could not be read")]
    Malformed,
    #[error("signing failed")]
    Signing,
}

/// A syntactically valid request for the current key.
pub struct ParsedRequest(TokenRequest);

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

/// The issuer: today's key, and the crate's server behind it.
pub struct Issuer {
    keys: Arc<TokenKeys>,
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
    key.id[31]
}

impl Issuer {
    pub fn new(keys: Arc<TokenKeys>) -> Self {
        Self { keys }
    }

    /// The directory published at `/.well-known/private-token-issuer-directory`
    /// (RFC 9578 §4): the issuing key first (clients prefer keys earlier in
    /// the list), then any older key that still verifies during its overlap
    /// window, each with its `not-before`.
    pub fn directory(&self, today: Date, request_uri: String) -> Directory {
        let issuing = self.keys.issuing(today).map(|k| k.id);
        let mut keys: Vec<_> = self.keys.valid(today).collect();
        keys.sort_by_key(|k| (Some(k.id) != issuing, std::cmp::Reverse(k.not_before)));
        let token_keys = keys
            .into_iter()
            .map(|k| DirectoryKey {
                token_type: 2,
                token_key: super::b64(&k.spki),
                not_before: k.not_before.midnight().assume_utc().unix_timestamp(),
            })
            .collect();
        Directory {
            issuer_request_uri: request_uri,
            token_keys,
        }
    }

    /// The issuing key's SPKI (for the WWW-Authenticate `token-key`).
    pub fn token_key(&self, today: Date) -> Option<&[u8]> {
        self.keys.issuing(today).map(|k| k.spki.as_slice())
    }

    /// Check a request body's shape, type and key before anything else is
    /// spent on it.
    pub fn parse(&self, body: &[u8], today: Date) -> Result<ParsedRequest, IssueError> {
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
        let key = self.keys.issuing(today).ok_or(IssueError::NoKey)?;
        if body[2] != truncated(key) {
            return Err(IssueError::KeyUnknown);
        }
        let request =
            TokenRequest::tls_deserialize(&mut &body[..]).map_err(|_| IssueError::Malformed)?;
        Ok(ParsedRequest(request))
    }

    /// Blind-sign a parsed request with today's key: CPU-bound (about 2 ms),
    /// so callers run it off the async workers.
    pub fn sign(&self, request: ParsedRequest, today: Date) -> Result<Vec<u8>, IssueError> {
        use futures_util::FutureExt;
        let key = self.keys.issuing(today).ok_or(IssueError::NoKey)?;
        let store = OneKey(key.pair.clone(), truncated(key));
        // The crate's API is async, but nothing in it waits: our key store
        // answers at once, so the future completes on its first poll.
        let response = IssuerServer::new()
            .issue_token_response(&store, request.0)
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
