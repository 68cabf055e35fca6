//! The second factor: time-based one-time passwords (TOTP, RFC 6238) over
//! HOTP (RFC 4226), as authenticator apps compute them, with ring's HMAC.
//!
//! The default profile is the one every authenticator app supports: HMAC-
//! SHA-1, 6 digits, 30-second steps counted from the Unix epoch (RFC 6238
//! §4, §5.2). SHA-256 and SHA-512 are here for the RFC's vectors and for
//! apps that honour the `algorithm` parameter of the Key Uri Format.
//!
//! # Security contract
//! - A [`Secret`] has no `Debug` or `Display` that shows it, and its bytes
//!   (and every copy this module makes of them, such as the base32 form)
//!   are zeroed when dropped.
//! - [`Totp::verify`] accepts the code of the current step or of one step
//!   either side (RFC 6238 §5.2 recommends at most one step of network
//!   delay), compares every candidate in constant time, and returns the
//!   step that matched. The caller must pass that step to a [`ReplayGuard`]
//!   before letting the user in, so that a code is used once (§5.2: "the
//!   verifier MUST NOT accept the second attempt of the same OTP").
//! - The replay guard lives in memory beside the staff sessions, never on
//!   disk: the last accepted step of a user is a sign-in time to the half
//!   minute, finer than anything Parrhesia may store (guarantee 1). A
//!   restart forgets it, so a new guard refuses every step up to and
//!   including the one it was made in: a code seen before the restart
//!   cannot be replayed after it. Several instances behind one address
//!   each have their own guard; see SECURITY.md.

use crate::encoding::{base32, from_base32};
use ring::hmac;
use std::collections::HashMap;
use std::sync::Mutex;
use subtle::{Choice, ConstantTimeEq};
use zeroize::{Zeroize, Zeroizing};

/// Seconds per step (RFC 6238 §5.2's recommended X).
pub const STEP_SECS: u64 = 30;
/// Digits of the default profile.
pub const DIGITS: u32 = 6;
/// Bytes of a new secret: 160 bits, the HMAC-SHA-1 output length that RFC
/// 4226 §4 R6 recommends as the shared secret's length.
pub const SECRET_BYTES: usize = 20;

/// The hash under HMAC (RFC 6238 §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    fn ring(self) -> hmac::Algorithm {
        match self {
            Self::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            Self::Sha256 => hmac::HMAC_SHA256,
            Self::Sha512 => hmac::HMAC_SHA512,
        }
    }

    /// The name in an `otpauth://` URI's `algorithm` parameter.
    pub fn uri_name(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA1",
            Self::Sha256 => "SHA256",
            Self::Sha512 => "SHA512",
        }
    }
}

/// A shared TOTP secret. Never printed; zeroed on drop.
pub struct Secret(Zeroizing<Vec<u8>>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

/// The random generator failed, or a typed secret is not base32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    #[error("random generator failed")]
    Random,
    #[error("not a base32 secret of at least 128 bits")]
    SecretInvalid,
}

impl Secret {
    /// A fresh random secret of [`SECRET_BYTES`].
    pub fn generate() -> Result<Self, TotpError> {
        let mut bytes =
            crate::secrets::random::bytes::<SECRET_BYTES>().map_err(|_| TotpError::Random)?;
        let secret = Self(Zeroizing::new(bytes.to_vec()));
        bytes.zeroize();
        Ok(secret)
    }

    /// A secret from raw bytes (the store's decrypted copy; the vectors).
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self(Zeroizing::new(bytes.to_vec()))
    }

    /// A secret as shown to people (base32, any case, spaces ignored). At
    /// least 128 bits (RFC 4226 §4 R6).
    pub fn from_base32(text: &str) -> Result<Self, TotpError> {
        match from_base32(text) {
            Some(bytes) if bytes.len() >= 16 => Ok(Self(Zeroizing::new(bytes))),
            Some(mut bytes) => {
                bytes.zeroize();
                Err(TotpError::SecretInvalid)
            }
            None => Err(TotpError::SecretInvalid),
        }
    }

    /// The base32 form (no padding) for the URI and for typing in by hand.
    pub fn to_base32(&self) -> Zeroizing<String> {
        Zeroizing::new(base32(&self.0))
    }

    /// The base32 form in groups of four, easier to read aloud and type.
    pub fn to_grouped_base32(&self) -> Zeroizing<String> {
        let plain = self.to_base32();
        let mut out = Zeroizing::new(String::with_capacity(plain.len() * 5 / 4));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    /// The raw bytes, for sealing under the key directory.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

/// HOTP (RFC 4226 §5.3): HMAC of the 8-byte big-endian counter, dynamic
/// truncation to 31 bits, then the last `digits` decimal digits.
pub fn hotp(key: &[u8], algorithm: Algorithm, counter: u64, digits: u32) -> u32 {
    truncate(&hmac_of(key, algorithm, counter)) % 10u32.pow(digits)
}

fn hmac_of(key: &[u8], algorithm: Algorithm, counter: u64) -> hmac::Tag {
    let key = hmac::Key::new(algorithm.ring(), key);
    hmac::sign(&key, &counter.to_be_bytes())
}

/// RFC 4226 §5.3 DT: the low four bits of the last byte choose an offset;
/// the four bytes there, top bit cleared.
fn truncate(tag: &hmac::Tag) -> u32 {
    let mac = tag.as_ref();
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    u32::from_be_bytes([
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ])
}

/// The step that contains `unix_secs` (RFC 6238 §4.2, T0 = 0).
pub fn step_at(unix_secs: u64) -> u64 {
    unix_secs / STEP_SECS
}

/// One user's TOTP settings.
#[derive(Debug)]
pub struct Totp {
    pub secret: Secret,
    pub algorithm: Algorithm,
    pub digits: u32,
}

impl Totp {
    /// The profile every authenticator app supports: SHA-1, 6 digits, 30 s.
    pub fn new(secret: Secret) -> Self {
        Self {
            secret,
            algorithm: Algorithm::Sha1,
            digits: DIGITS,
        }
    }

    /// The code of `step`, zero-padded to the profile's digits.
    pub fn code(&self, step: u64) -> Zeroizing<String> {
        let n = hotp(self.secret.expose(), self.algorithm, step, self.digits);
        Zeroizing::new(format!("{n:0width$}", width = self.digits as usize))
    }

    /// The code shown at `unix_secs`.
    pub fn code_at(&self, unix_secs: u64) -> Zeroizing<String> {
        self.code(step_at(unix_secs))
    }

    /// The step whose code `presented` is, among the current step and one
    /// either side; `None` if it matches none. Spaces in the presented code
    /// are ignored (apps show "123 456"). Every candidate is computed and
    /// compared in constant time, so the time taken says nothing about
    /// which step (if any) matched.
    pub fn verify(&self, presented: &str, unix_secs: u64) -> Option<u64> {
        let typed: Zeroizing<String> =
            Zeroizing::new(presented.chars().filter(|c| !c.is_whitespace()).collect());
        let now = step_at(unix_secs);
        let mut matched = None;
        for step in [now.saturating_sub(1), now, now.saturating_add(1)] {
            let expected = self.code(step);
            // Lengths are public (the profile's digits).
            let same: Choice = if typed.len() == expected.len() {
                typed.as_bytes().ct_eq(expected.as_bytes())
            } else {
                Choice::from(0)
            };
            if bool::from(same) && matched.is_none() {
                matched = Some(step);
            }
        }
        matched
    }
}

/// RFC 3986 §2.3 unreserved characters stay; everything else is
/// percent-encoded (spaces as `%20`, as the Key Uri Format asks).
const URI_COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn component(s: &str) -> percent_encoding::PercentEncode<'_> {
    percent_encoding::utf8_percent_encode(s, URI_COMPONENT)
}

impl Totp {
    /// The `otpauth://totp/` URI an authenticator app scans (Google's Key
    /// Uri Format): label `issuer:account`, each part percent-encoded, then
    /// `secret` (base32, no padding), `issuer` (repeated as a parameter,
    /// which apps prefer to the label's prefix), `algorithm`, `digits` and
    /// `period`. The URI holds the secret: it is shown once, at enrolment,
    /// and never logged or stored.
    pub fn uri(&self, issuer: &str, account: &str) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm={}&digits={}&period={}",
            component(issuer),
            component(account),
            *self.secret.to_base32(),
            component(issuer),
            self.algorithm.uri_name(),
            self.digits,
            STEP_SECS
        ))
    }
}

/// The last accepted step of each user, in memory only (see the module's
/// security contract).
pub struct ReplayGuard {
    /// Steps up to this one are refused for everyone: the step in which
    /// the guard was made, so codes seen before a restart stay spent.
    floor: u64,
    last: Mutex<HashMap<String, u64>>,
}

impl ReplayGuard {
    /// A guard made at `unix_secs` (the process's start).
    pub fn new(unix_secs: u64) -> Self {
        Self {
            floor: step_at(unix_secs),
            last: Mutex::new(HashMap::new()),
        }
    }

    /// Accept `step` for `user_id` once: true the first time a step later
    /// than this user's last accepted one (and later than the guard's
    /// floor) is presented, false for a replay or an older code. Checked
    /// and recorded under one lock, so two racing sign-ins with the same
    /// code cannot both win.
    pub fn accept(&self, user_id: &str, step: u64) -> bool {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let previous = last.get(user_id).copied().unwrap_or(self.floor);
        if step <= previous {
            return false;
        }
        last.insert(user_id.to_owned(), step);
        true
    }

    /// Forget a user (their second factor was removed or reset).
    pub fn forget(&self, user_id: &str) {
        self.last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(user_id);
    }
}

/// Consecutive wrong codes (one-time or recovery, at the second step of
/// any sign-in or on the form that turns it off) before the code step of
/// an account is locked.
pub const CODE_FAILURES: u32 = 10;
/// The first lock lasts an hour; each one after it, with no right code in
/// between, twice the one before.
pub const LOCK_SECS: u64 = 60 * 60;

/// Whether a code may be checked now.
#[derive(Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Go on and check it (the attempt is already counted).
    Check,
    /// The account's code step is locked: check nothing.
    Locked,
}

#[derive(Default)]
struct Failures {
    /// Attempts counted since the last right code or lock (counted before
    /// checking, so attempts in flight count too).
    consecutive: u32,
    /// Locked until this time (session clock seconds).
    locked_until: u64,
    /// Locks since the last right code (for the doubling).
    locks: u32,
}

/// Consecutive wrong codes of each account, in memory only, across every
/// waiting sign-in and the form that turns it off: after
/// [`CODE_FAILURES`] the account's code step is locked for [`LOCK_SECS`],
/// doubling each time. An attempt is counted before its code is checked,
/// under one lock, so parallel attempts cannot check more.
#[derive(Default)]
pub struct CodeFailures {
    map: Mutex<HashMap<String, Failures>>,
}

impl CodeFailures {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Count an attempt of `user_id` at `now`, before checking its code.
    pub fn attempt(&self, user_id: &str, now: u64) -> Attempt {
        let mut map = self.lock();
        let f = map.entry(user_id.to_owned()).or_default();
        if now < f.locked_until || f.consecutive >= CODE_FAILURES {
            return Attempt::Locked;
        }
        f.consecutive += 1;
        Attempt::Check
    }

    /// The code of a counted attempt was wrong: whether this started a
    /// lock (then the caller records it).
    pub fn failed(&self, user_id: &str, now: u64) -> bool {
        let mut map = self.lock();
        let Some(f) = map.get_mut(user_id) else {
            return false;
        };
        if f.consecutive < CODE_FAILURES || now < f.locked_until {
            return false;
        }
        let doubling = 1u64 << f.locks.min(16);
        f.locked_until = now.saturating_add(LOCK_SECS.saturating_mul(doubling));
        f.locks = f.locks.saturating_add(1);
        f.consecutive = 0;
        true
    }

    /// The code was right: the count starts again.
    pub fn succeeded(&self, user_id: &str) {
        self.lock().remove(user_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::from_hex;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Vectors {
        hotp: HotpVectors,
        totp_keys: HashMap<String, String>,
        totp: Vec<TotpVector>,
    }

    #[derive(Deserialize)]
    struct HotpVectors {
        key: String,
        hmac_sha1: Vec<String>,
        truncated: Vec<u32>,
        hotp: Vec<String>,
    }

    #[derive(Deserialize)]
    struct TotpVector {
        time: u64,
        t: String,
        totp: String,
        mode: String,
    }

    fn vectors() -> Vectors {
        serde_json::from_str(include_str!("../../tests/vectors/otp.json")).unwrap()
    }

    fn algorithm(mode: &str) -> Algorithm {
        match mode {
            "SHA1" => Algorithm::Sha1,
            "SHA256" => Algorithm::Sha256,
            "SHA512" => Algorithm::Sha512,
            other => panic!("unknown mode {other}"),
        }
    }

    #[test]
    fn rfc4226_appendix_d_hmac_truncation_and_codes() {
        let v = vectors().hotp;
        let key = from_hex(&v.key).unwrap();
        assert_eq!(v.hotp.len(), 10);
        for count in 0..10u64 {
            let i = count as usize;
            let tag = hmac_of(&key, Algorithm::Sha1, count);
            assert_eq!(crate::encoding::hex(tag.as_ref()), v.hmac_sha1[i]);
            assert_eq!(truncate(&tag), v.truncated[i], "count {count}");
            let code = hotp(&key, Algorithm::Sha1, count, 6);
            assert_eq!(format!("{code:06}"), v.hotp[i], "count {count}");
        }
    }

    #[test]
    fn rfc6238_appendix_b_all_three_hashes() {
        let v = vectors();
        assert_eq!(v.totp.len(), 18);
        for case in &v.totp {
            let totp = Totp {
                secret: Secret::from_bytes(&from_hex(&v.totp_keys[&case.mode]).unwrap()),
                algorithm: algorithm(&case.mode),
                digits: 8,
            };
            assert_eq!(
                format!("{:016X}", step_at(case.time)),
                case.t,
                "T at {}",
                case.time
            );
            assert_eq!(
                *totp.code_at(case.time),
                case.totp,
                "{} at {}",
                case.mode,
                case.time
            );
            // And the verifier accepts exactly that step.
            assert_eq!(totp.verify(&case.totp, case.time), Some(step_at(case.time)));
        }
    }

    fn sample() -> Totp {
        Totp::new(Secret::from_bytes(b"12345678901234567890"))
    }

    #[test]
    fn one_step_either_side_is_accepted_and_no_further() {
        let totp = sample();
        let now = 1_111_111_111;
        let step = step_at(now);
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let s = (step as i64 + offset) as u64;
            let code = totp.code(s);
            let expected = accepted.then_some(s);
            assert_eq!(totp.verify(&code, now), expected, "offset {offset}");
        }
    }

    #[test]
    fn wrong_short_long_and_spaced_codes() {
        let totp = sample();
        let now = 59;
        let code = totp.code_at(now);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(totp.verify(&spaced, now), Some(1));
        assert_eq!(totp.verify(&code[..5], now), None);
        assert_eq!(totp.verify(&format!("{}0", *code), now), None);
        assert_eq!(totp.verify("", now), None);
        assert_eq!(totp.verify("abcdef", now), None);
        // A code off by one digit.
        let mut wrong = code.to_string();
        let last = wrong.pop().unwrap();
        wrong.push(if last == '9' { '0' } else { '9' });
        assert_eq!(totp.verify(&wrong, now), None);
    }

    #[test]
    fn a_step_is_accepted_once_per_user_and_never_before_the_guard_was_made() {
        let made_at = 1_000_000 * STEP_SECS;
        let guard = ReplayGuard::new(made_at + 10);
        let start = step_at(made_at);
        // A code of the guard's own step, or earlier, may have been used
        // before a restart: refused.
        assert!(!guard.accept("ann", start));
        assert!(!guard.accept("ann", start - 1));
        assert!(guard.accept("ann", start + 1));
        assert!(!guard.accept("ann", start + 1), "replay of the same step");
        assert!(
            !guard.accept("ann", start),
            "an older step after a newer one"
        );
        assert!(guard.accept("bob", start + 1), "users are independent");
        assert!(guard.accept("ann", start + 2));
        guard.forget("ann");
        assert!(!guard.accept("ann", start), "the floor still holds");
        assert!(guard.accept("ann", start + 1));
    }

    #[test]
    fn the_uri_follows_the_key_uri_format() {
        let uri = sample().uri("Parrhesia (Care Forum)", "ann@example.org");
        assert_eq!(
            *uri,
            "otpauth://totp/Parrhesia%20%28Care%20Forum%29:ann%40example.org\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Parrhesia%20%28Care%20Forum%29\
             &algorithm=SHA1&digits=6&period=30"
        );
        // A colon or ampersand in a name cannot break the label or add a
        // parameter.
        let odd = sample().uri("a:b&c=d", "x?y#z");
        assert!(odd.starts_with("otpauth://totp/a%3Ab%26c%3Dd:x%3Fy%23z?secret="));
        assert_eq!(odd.matches('&').count(), 4);
    }

    #[test]
    fn secrets_never_print_and_round_trip_through_base32() {
        let secret = Secret::generate().unwrap();
        assert_eq!(secret.expose().len(), SECRET_BYTES);
        let shown = format!("{secret:?} {:?}", Totp::new(Secret::from_bytes(b"x")));
        assert!(!shown.contains(&*secret.to_base32()), "{shown}");
        assert!(shown.contains("<hidden>"));
        let typed = secret.to_grouped_base32().to_lowercase();
        assert_eq!(typed.len(), 32 + 7, "32 characters in 8 groups");
        let back = Secret::from_base32(&typed).unwrap();
        assert_eq!(back.expose(), secret.expose());
        assert_ne!(secret.expose(), Secret::generate().unwrap().expose());
        assert_eq!(
            Secret::from_base32("GEZDGNBV").err(),
            Some(TotpError::SecretInvalid),
            "40 bits is too short"
        );
        assert!(Secret::from_base32("not base32!").is_err());
    }

    #[test]
    fn ten_wrong_codes_lock_the_account_for_an_hour_then_two_and_a_right_one_resets() {
        let f = CodeFailures::default();
        for i in 0..CODE_FAILURES {
            assert_eq!(f.attempt("u1", 0), Attempt::Check, "attempt {i}");
        }
        // Ten in flight: an eleventh is not even checked.
        assert_eq!(f.attempt("u1", 0), Attempt::Locked);
        assert_eq!(f.attempt("u2", 0), Attempt::Check, "another account");
        let started: Vec<bool> = (0..CODE_FAILURES).map(|_| f.failed("u1", 0)).collect();
        assert_eq!(started.iter().filter(|s| **s).count(), 1, "one lock");
        assert_eq!(f.attempt("u1", LOCK_SECS - 1), Attempt::Locked);
        for _ in 0..CODE_FAILURES {
            assert_eq!(f.attempt("u1", LOCK_SECS), Attempt::Check);
            f.failed("u1", LOCK_SECS);
        }
        assert_eq!(f.attempt("u1", 3 * LOCK_SECS - 1), Attempt::Locked, "2 h");
        assert_eq!(f.attempt("u1", 3 * LOCK_SECS), Attempt::Check);
        f.succeeded("u1");
        for _ in 0..CODE_FAILURES {
            assert_eq!(f.attempt("u1", 3 * LOCK_SECS), Attempt::Check);
        }
    }
}
