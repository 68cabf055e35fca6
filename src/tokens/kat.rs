//! Known-answer tests, byte for byte:
//!
//! - token type 2 (RFC 9578 Appendix A.2), run through our own client,
//!   [`Issuer`] and [`Redeemer`], not just the crate: the client rebuilds
//!   each `token_request` from the vector's nonce, salt and blind, the
//!   issuer answers it with exactly `token_response` (RSABSSA-SHA384-PSS-
//!   Deterministic signing is deterministic), the client finalizes that
//!   into exactly `token`, and the redeemer accepts it for its challenge
//!   only;
//! - the blind signature scheme underneath (RFC 9474 Appendix A), with the
//!   same type parameters as our issuer keys for the variant RFC 9578 §6
//!   uses, and the other three variants for good measure.
//!
//! Where the vector files come from: `tests/vectors/README.md`.

use super::client;
use super::issuer::Issuer;
use super::redeemer::{RedeemError, Redeemer};
use super::token_keys::{KeyRing, TokenKey, TokenKeys};
use blind_rsa_signatures::reexports::rand::rand_core::UnwrapErr;
use blind_rsa_signatures::reexports::rand::{TryCryptoRng, TryRng};
use blind_rsa_signatures::{
    BlindMessage, BlindSignature, BlindingResult, Deterministic, HashAlgorithm, MessagePrepare,
    MessageRandomizer, PSSZero, Randomized, SaltMode, Secret, SecretKey, Sha384, Signature, PSS,
};
use std::convert::Infallible;
use std::sync::Arc;
use time::{Date, Month};

const RFC9578: &str = include_str!("../../tests/vectors/privacypass-type2.json");
const RFC9474: &str = include_str!("../../tests/vectors/rsabssa-rfc9474.json");

fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

struct Vector {
    sk_pem: String,
    pk: Vec<u8>,
    challenge: Vec<u8>,
    nonce: Vec<u8>,
    blind: Vec<u8>,
    salt: Vec<u8>,
    request: Vec<u8>,
    response: Vec<u8>,
    token: Vec<u8>,
}

fn vectors() -> Vec<Vector> {
    let list: Vec<serde_json::Value> = serde_json::from_str(RFC9578).unwrap();
    list.iter()
        .map(|v| {
            let field = |k: &str| unhex(v[k].as_str().unwrap());
            Vector {
                sk_pem: String::from_utf8(field("skS")).unwrap(),
                pk: field("pkS"),
                challenge: field("token_challenge"),
                nonce: field("nonce"),
                blind: field("blind"),
                salt: field("salt"),
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

const ROUND: &str = "vectors";

fn keys(v: &Vector) -> Arc<KeyRing> {
    let key = TokenKey::from_pem(&v.sk_pem, ROUND, day()).unwrap();
    // RFC 9578 §6.5: the token key is the SPKI with the RSASSA-PSS OID, and
    // token_key_id is its SHA-256.
    assert_eq!(key.spki(), v.pk, "SPKI encoding");
    assert_eq!(key.id(), &crate::crypto::sha256(&v.pk));
    Arc::new(KeyRing::new(TokenKeys::from_keys(vec![key])))
}

/// Hands out the vector's nonce, then its salt, then its blind, as the
/// client draws them (RFC 9578 §6.1: nonce first; RFC 9474 §4.1: the salt
/// of EMSA-PSS, then the blind r).
struct Replay(Vec<Vec<u8>>);

impl TryRng for Replay {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        unreachable!("the client draws whole values")
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        unreachable!("the client draws whole values")
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        dst.copy_from_slice(&self.0.remove(0));
        Ok(())
    }
}

impl TryCryptoRng for Replay {}

#[test]
fn the_five_rfc_9578_vectors_run_byte_for_byte_through_client_issuer_and_redeemer() {
    let all = vectors();
    assert_eq!(all.len(), 5, "RFC 9578 Appendix A.2 has five vectors");
    // The RFC's own first vector, not another implementation's: its nonce
    // as printed in Appendix A.2.
    assert_eq!(
        all[0].nonce,
        unhex("aa72019d1f951df197021ce63876fe8b0a02dc1c31a12b0a2dd1508d07827f05")
    );
    for (i, v) in all.iter().enumerate() {
        // Client: the same request from the same randomness. The blind is
        // the big-endian r; the RSA code reads its random bytes
        // little-endian, so they are handed over reversed.
        let challenge = client::Challenge::from_parts(&v.challenge, &v.pk).unwrap();
        let mut blind = v.blind.clone();
        blind.reverse();
        let mut rng = UnwrapErr(Replay(vec![v.nonce.clone(), v.salt.clone(), blind]));
        let (request, pending) = client::request_with(&mut rng, &challenge).unwrap();
        assert_eq!(request, v.request, "vector {i}: token_request");
        // Issuer: the exact response.
        let issuer = Issuer::new(keys(v));
        let parsed = issuer.parse(&v.request, ROUND, day()).unwrap();
        let response = issuer.sign(parsed).unwrap();
        assert_eq!(response, v.response, "vector {i}: token_response");
        // Client: the exact token, in the header it sends.
        let header = client::finalize(&pending, &response).unwrap();
        let sent = header
            .strip_prefix("PrivateToken token=\"")
            .and_then(|t| t.strip_suffix('"'))
            .and_then(super::b64_decode)
            .unwrap();
        assert_eq!(sent, v.token, "vector {i}: token");
    }
}

#[test]
fn the_redeemer_accepts_each_vector_token_for_its_challenge_only() {
    for v in vectors() {
        let redeemer = Redeemer::new(keys(&v), "unused".into(), "unused".into());
        let header = format!("PrivateToken token={}", super::b64(&v.token));
        let digest = crate::crypto::sha256(&v.challenge);
        let spent = redeemer.verify(&header, &digest, ROUND, day()).unwrap();
        assert_eq!(spent.nonce(), &v.token[2..34]);
        assert_eq!(spent.nonce().as_slice(), v.nonce.as_slice());
        let mut other = digest;
        other[0] ^= 1;
        assert_eq!(
            redeemer.verify(&header, &other, ROUND, day()),
            Err(RedeemError::WrongChallenge)
        );
        // Not for another round's keys.
        assert_eq!(
            redeemer.verify(&header, &digest, "another", day()),
            Err(RedeemError::KeyUnknown)
        );
        // A key that has expired no longer verifies.
        let late = day().saturating_add(time::Duration::days(365));
        assert_eq!(
            redeemer.verify(&header, &digest, ROUND, late),
            Err(RedeemError::KeyUnknown)
        );
    }
}

fn uint(s: &str) -> rsa::BoxedUint {
    rsa::BoxedUint::from_be_slice_vartime(&unhex(s))
}

/// One RFC 9474 vector with the scheme's type parameters: the server's
/// blind signature, the client's finalization with the vector's inverse,
/// and verification, each compared byte for byte.
fn rfc9474<H: HashAlgorithm, S: SaltMode, M: MessagePrepare>(v: &serde_json::Value) {
    let field = |k: &str| v[k].as_str().unwrap();
    let inner = rsa::RsaPrivateKey::from_components(
        uint(field("n")),
        uint(field("e")),
        uint(field("d")),
        vec![uint(field("p")), uint(field("q"))],
    )
    .unwrap();
    let sk = SecretKey::<H, S, M>::new(inner);
    let pk = sk.public_key().unwrap();
    let name = field("name");
    let blind_sig = sk
        .blind_sign(BlindMessage(unhex(field("blinded_msg"))))
        .unwrap();
    assert_eq!(blind_sig.0, unhex(field("blind_sig")), "{name}: blind_sig");
    let randomizer = match unhex(field("msg_prefix")) {
        prefix if prefix.is_empty() => None,
        prefix => Some(MessageRandomizer(prefix.try_into().unwrap())),
    };
    let result = BlindingResult {
        blind_message: BlindMessage(unhex(field("blinded_msg"))),
        secret: Secret(unhex(field("inv"))),
        msg_randomizer: randomizer,
    };
    let msg = unhex(field("msg"));
    let sig = pk
        .finalize(&BlindSignature(blind_sig.0), &result, &msg)
        .unwrap();
    assert_eq!(sig.0, unhex(field("sig")), "{name}: sig");
    assert!(pk
        .verify(&Signature(sig.0.clone()), randomizer, &msg)
        .is_ok());
    let mut tampered = msg.clone();
    tampered[0] ^= 1;
    assert!(pk.verify(&sig, randomizer, &tampered).is_err(), "{name}");
}

#[test]
fn the_blind_signature_scheme_matches_rfc_9474_appendix_a() {
    let list: Vec<serde_json::Value> = serde_json::from_str(RFC9474).unwrap();
    let names: Vec<&str> = list.iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "RSABSSA-SHA384-PSS-Randomized",
            "RSABSSA-SHA384-PSSZERO-Randomized",
            "RSABSSA-SHA384-PSS-Deterministic",
            "RSABSSA-SHA384-PSSZERO-Deterministic",
        ]
    );
    rfc9474::<Sha384, PSS, Randomized>(&list[0]);
    rfc9474::<Sha384, PSSZero, Randomized>(&list[1]);
    // The variant RFC 9578 §6 uses for token type 2, with the very type
    // parameters of our issuer keys.
    check_issuer_variant(&list[2]);
    rfc9474::<Sha384, PSSZero, Deterministic>(&list[3]);
}

fn check_issuer_variant(v: &serde_json::Value) {
    use super::token_keys::RsaKeyPair;
    fn same<H: HashAlgorithm, S: SaltMode, M: MessagePrepare>(
        _: std::marker::PhantomData<blind_rsa_signatures::KeyPair<H, S, M>>,
        v: &serde_json::Value,
    ) {
        rfc9474::<H, S, M>(v);
    }
    same(std::marker::PhantomData::<RsaKeyPair>, v);
}
