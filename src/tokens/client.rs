//! The participant's side of Privacy Pass (RFC 9578 §6.1, §6.3), for the
//! `parrhesia token fetch` command and the tests: read a challenge, blind a
//! token request, and finalize the issuer's response into a token.
//!
//! # Security contract
//! The blinding state ([`PendingToken`]) stays in the client's memory; only
//! the blinded request leaves it. The finished token is a secret until it
//! is spent: its `Debug` is redacted.

use super::auth_param::{parse_challenges, quote};
use privacypass::auth::authenticate::TokenChallenge;
use privacypass::public_tokens::{PublicKey, TokenRequest, TokenResponse, TokenState};
use privacypass::{Deserialize, Serialize, TokenType};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("the server's WWW-Authenticate header has no PrivateToken challenge for token type 2")]
    NoChallenge,
    #[error("the server's token key is not a valid RSA key")]
    BadKey,
    #[error("could not make a token request")]
    Request,
    #[error("the issuer's response is not a valid token response")]
    Response,
}

/// A challenge and the key to use for it.
pub struct Challenge {
    challenge: TokenChallenge,
    key: PublicKey,
    /// The key as the challenge carried it (SubjectPublicKeyInfo).
    spki: Vec<u8>,
}

impl Challenge {
    /// A challenge from its serialized TokenChallenge and the key's SPKI
    /// (for the known-answer tests).
    #[cfg(test)]
    pub(crate) fn from_parts(challenge: &[u8], spki: &[u8]) -> Option<Self> {
        Some(Self {
            challenge: TokenChallenge::deserialize(challenge).ok()?,
            key: PublicKey::from_spki(spki).ok()?,
            spki: spki.to_vec(),
        })
    }

    /// The token key's SubjectPublicKeyInfo, as the challenge carried it.
    pub fn token_key(&self) -> &[u8] {
        &self.spki
    }

    /// The challenge's redemption context, if it has one (RFC 9577 §2.1).
    pub fn redemption_context(&self) -> Option<[u8; 32]> {
        self.challenge.redemption_context()
    }

    /// token_key_id = SHA-256(SPKI) (RFC 9578 §6.5).
    pub fn token_key_id(&self) -> [u8; 32] {
        crate::crypto::sha256(&self.spki)
    }
}

/// The client's blinding state between request and response.
pub struct PendingToken(TokenState);

impl std::fmt::Debug for PendingToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PendingToken(<redacted>)")
    }
}

/// Read the first type-2 challenge in a `WWW-Authenticate` value (RFC 9577
/// §2.1: values quoted or bare, other schemes and unknown parameters
/// ignored).
pub fn parse_challenge(www_authenticate: &str) -> Result<Challenge, ClientError> {
    let found = parse_challenges(www_authenticate).map_err(|_| ClientError::NoChallenge)?;
    for c in found.iter().filter(|c| c.is("PrivateToken")) {
        let Some(challenge) = c
            .param("challenge")
            .and_then(super::b64_decode)
            .and_then(|b| TokenChallenge::deserialize(&b).ok())
            .filter(|t| t.token_type() == TokenType::Public)
        else {
            continue;
        };
        let spki = c
            .param("token-key")
            .and_then(super::b64_decode)
            .ok_or(ClientError::BadKey)?;
        let key = PublicKey::from_spki(&spki).map_err(|_| ClientError::BadKey)?;
        return Ok(Challenge {
            challenge,
            key,
            spki,
        });
    }
    Err(ClientError::NoChallenge)
}

/// Blind a fresh token request for `challenge`: returns the request body
/// (`application/private-token-request`) and the state to finalize with.
pub fn request(challenge: &Challenge) -> Result<(Vec<u8>, PendingToken), ClientError> {
    request_with(&mut blind_rsa_signatures::DefaultRng, challenge)
}

/// [`request`] with the nonce, salt and blind drawn from `rng` (the
/// known-answer tests replay the RFC's values through it).
pub(crate) fn request_with<R: blind_rsa_signatures::reexports::rand::CryptoRng>(
    rng: &mut R,
    challenge: &Challenge,
) -> Result<(Vec<u8>, PendingToken), ClientError> {
    let (request, state) = TokenRequest::new(rng, challenge.key.clone(), &challenge.challenge)
        .map_err(|_| ClientError::Request)?;
    let bytes = request
        .tls_serialize_detached()
        .map_err(|_| ClientError::Request)?;
    Ok((bytes, PendingToken(state)))
}

/// Turn the issuer's response into the `Authorization` header value that
/// spends the token: `PrivateToken token="<padded base64url>"`, quoted as
/// RFC 9577 §2.2 writes it (its "=" padding may not stand bare, RFC 9110
/// §11.2).
pub fn finalize(pending: &PendingToken, response: &[u8]) -> Result<String, ClientError> {
    if response.len() != privacypass::public_tokens::NK {
        return Err(ClientError::Response);
    }
    let response =
        TokenResponse::tls_deserialize(&mut &response[..]).map_err(|_| ClientError::Response)?;
    let token = response
        .issue_token(&pending.0)
        .map_err(|_| ClientError::Response)?;
    let bytes = token
        .tls_serialize_detached()
        .map_err(|_| ClientError::Response)?;
    Ok(format!("PrivateToken token={}", quote(&super::b64(&bytes))))
}
