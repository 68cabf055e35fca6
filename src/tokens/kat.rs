//! Known-answer tests for token type 2 (RFC 9578 Appendix A.2), run through
//! our own [`Issuer`] and [`Redeemer`] wrappers, not just the crate. The
//! vector file and its origin: `tests/vectors/README.md`.

use super::issuer::Issuer;
use super::redeemer::{RedeemError, Redeemer};
use super::token_keys::{TokenKey, TokenKeys};
use std::sync::Arc;
use time::{Date, Month};

const VECTORS: &str = include_str!("../../tests/vectors/privacypass-type2.json");

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

struct Vector {
    sk_pem: String,
    pk: Vec<u8>,
    challenge: Vec<u8>,
    request: Vec<u8>,
    response: Vec<u8>,
    token: Vec<u8>,
}

fn vectors() -> Vec<Vector> {
    let list: Vec<serde_json::Value> = serde_json::from_str(VECTORS).unwrap();
    list.iter()
        .map(|v| {
            let field = |k: &str| unhex(v[k].as_str().unwrap());
            Vector {
                sk_pem: String::from_utf8(field("skS")).unwrap(),
                pk: field("pkS"),
                challenge: field("token_challenge"),
                request: field("token_request"),
                response: field("token_response"),
                token: field("token"),
            }
        })
        .collect()
}

fn day() -> Date {
    Date::from_calendar_date(2026, Month::November, 26).unwrap()
}

fn keys(v: &Vector) -> Arc<TokenKeys> {
    let key = TokenKey::from_pem(&v.sk_pem, day()).unwrap();
    // RFC 9578 §6.5: the token key is the SPKI with the RSASSA-PSS OID, and
    // token_key_id is its SHA-256.
    assert_eq!(key.spki, v.pk, "SPKI encoding");
    assert_eq!(key.id, crate::crypto::sha256(&v.pk));
    Arc::new(TokenKeys::from_keys(vec![key]))
}

#[test]
fn the_issuer_answers_each_vector_request_with_the_vector_response() {
    let all = vectors();
    assert_eq!(all.len(), 5);
    for v in &all {
        let issuer = Issuer::new(keys(v));
        let parsed = issuer.parse(&v.request, day()).unwrap();
        let response = issuer.sign(parsed, day()).unwrap();
        assert_eq!(response, v.response);
    }
}

#[test]
fn the_redeemer_accepts_each_vector_token_for_its_challenge_only() {
    for v in vectors() {
        let redeemer = Redeemer::new(keys(&v), "unused".into(), "unused".into());
        let header = format!("PrivateToken token={}", super::b64(&v.token));
        let digest = crate::crypto::sha256(&v.challenge);
        let spent = redeemer.verify(&header, &digest, day()).unwrap();
        assert_eq!(spent.nonce(), &v.token[2..34]);
        let mut other = digest;
        other[0] ^= 1;
        assert_eq!(
            redeemer.verify(&header, &other, day()),
            Err(RedeemError::WrongChallenge)
        );
        // A key that has expired no longer verifies.
        let late = day().saturating_add(time::Duration::days(365));
        assert_eq!(
            redeemer.verify(&header, &digest, late),
            Err(RedeemError::KeyUnknown)
        );
    }
}
