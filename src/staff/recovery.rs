//! Recovery codes: what a staff member types when their authenticator is
//! lost. Ten codes, shown once at enrolment, each good for one sign-in.
//!
//! A code is 16 symbols of [`super::password::TYPABLE`] (80 random bits),
//! shown as `abcd-efgh-ijkm-npqr`; typing ignores case, spaces and hyphens.
//!
//! # Security contract
//! Codes are stored only as keyed hashes: HMAC-SHA-256 under a key kept in
//! the key directory (`recovery-code.key`, never in the store), bound to
//! the user's id (so a hash copied to another account matches nothing).
//! A copy of the store alone cannot even test a guess against them. 80
//! bits need no slow hash: guessing one is out of reach at any rate the
//! sign-in limiter allows, and a fast hash lets every stored hash be
//! compared, in constant time, on each attempt. [`RecoveryHashes::redeem`] removes the hash it
//! matched; the caller must store the shortened list in the same
//! transaction that lets the user in (a compare-and-swap on the user
//! record), so a code works once even when two sign-ins race.

use super::password::TYPABLE;
use ring::hmac;
use serde::{Deserialize, Serialize};
use subtle::{Choice, ConstantTimeEq};
use zeroize::Zeroizing;

/// Codes made at each enrolment (or regeneration).
pub const COUNT: usize = 10;
/// Symbols in a code (5 bits each).
const SYMBOLS: usize = 16;

/// One code as shown once to its owner. Never printed by `Debug`.
pub struct RecoveryCode(Zeroizing<String>);

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(<hidden>)")
    }
}

impl RecoveryCode {
    /// `abcd-efgh-ijkm-npqr`.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The stored form: the hashes of the codes not yet used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryHashes {
    hashes: Vec<String>,
}

/// The random generator failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("random generator failed")]
pub struct RecoveryError;

/// Fresh codes for `user_id` and their hashes; the codes are shown once and
/// dropped, the hashes stored (replacing any earlier set).
pub fn generate(
    key: &hmac::Key,
    user_id: &str,
) -> Result<(Vec<RecoveryCode>, RecoveryHashes), RecoveryError> {
    let mut codes = Vec::with_capacity(COUNT);
    let mut hashes = Vec::with_capacity(COUNT);
    for _ in 0..COUNT {
        let bytes =
            Zeroizing::new(crate::secrets::random::bytes::<SYMBOLS>().map_err(|_| RecoveryError)?);
        let mut code = Zeroizing::new(String::with_capacity(SYMBOLS + 3));
        for (i, b) in bytes.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                code.push('-');
            }
            // 32 symbols: the low five bits are uniform.
            code.push(char::from(TYPABLE[usize::from(b & 31)]));
        }
        hashes.push(hash(key, user_id, &normalise(&code).ok_or(RecoveryError)?));
        codes.push(RecoveryCode(code));
    }
    Ok((codes, RecoveryHashes { hashes }))
}

/// The 16 symbols of a typed code, or `None` if it cannot be one.
fn normalise(typed: &str) -> Option<Zeroizing<String>> {
    let folded: Zeroizing<String> = Zeroizing::new(
        typed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    );
    let ok = folded.len() == SYMBOLS && folded.bytes().all(|b| TYPABLE.contains(&b));
    ok.then_some(folded)
}

fn hash(key: &hmac::Key, user_id: &str, code: &str) -> String {
    let mut ctx = hmac::Context::with_key(key);
    ctx.update(b"parrhesia/recovery-code/v2\0");
    ctx.update(user_id.as_bytes());
    ctx.update(b"\0");
    ctx.update(code.as_bytes());
    crate::encoding::hex(ctx.sign().as_ref())
}

impl RecoveryHashes {
    /// Codes still unused (shown to the user so they know when to make more).
    pub fn remaining(&self) -> usize {
        self.hashes.len()
    }

    /// Use `typed` for `user_id`: true, and the code's hash removed, if it
    /// is one of the unused codes. Every stored hash is compared in constant
    /// time, so the time taken does not say which one (if any) matched.
    pub fn redeem(&mut self, key: &hmac::Key, user_id: &str, typed: &str) -> bool {
        let Some(code) = normalise(typed) else {
            return false;
        };
        let presented = hash(key, user_id, &code);
        let mut found: Option<usize> = None;
        let mut any = Choice::from(0);
        for (i, stored) in self.hashes.iter().enumerate() {
            let same = stored.as_bytes().ct_eq(presented.as_bytes());
            if bool::from(same & !any) {
                found = Some(i);
            }
            any |= same;
        }
        match found {
            Some(i) => {
                self.hashes.swap_remove(i);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> hmac::Key {
        hmac::Key::new(hmac::HMAC_SHA256, b"a test key of thirty-two bytes!!")
    }

    #[test]
    fn ten_typable_distinct_codes_stored_only_as_hashes() {
        let (codes, hashes) = generate(&key(), "user-1").unwrap();
        assert_eq!(codes.len(), COUNT);
        assert_eq!(hashes.remaining(), COUNT);
        let mut seen = std::collections::HashSet::new();
        for c in &codes {
            let s = c.expose();
            assert_eq!(s.len(), 19, "{s}");
            assert_eq!(s.matches('-').count(), 3);
            assert!(s.bytes().all(|b| b == b'-' || TYPABLE.contains(&b)));
            assert!(seen.insert(s.to_owned()));
        }
        let stored = serde_json::to_string(&hashes).unwrap();
        for c in &codes {
            assert!(!stored.contains(c.expose()));
            assert!(!stored.contains(&c.expose().replace('-', "")));
            assert!(!format!("{c:?}").contains(c.expose()));
        }
    }

    #[test]
    fn each_code_works_once_for_its_own_user_only() {
        let (codes, mut hashes) = generate(&key(), "user-1").unwrap();
        let mut copied = hashes.clone();
        // As a person might type it: upper case, spaces instead of hyphens.
        let typed = codes[3].expose().to_uppercase().replace('-', " ");
        assert!(
            !copied.redeem(&key(), "user-2", &typed),
            "bound to the user id"
        );
        assert!(hashes.redeem(&key(), "user-1", &typed));
        assert_eq!(hashes.remaining(), COUNT - 1);
        assert!(
            !hashes.redeem(&key(), "user-1", codes[3].expose()),
            "single use"
        );
        for c in codes.iter().filter(|c| c.expose() != codes[3].expose()) {
            assert!(hashes.redeem(&key(), "user-1", c.expose()));
        }
        assert_eq!(hashes.remaining(), 0);
    }

    #[test]
    fn hashes_are_keyed_so_another_key_matches_nothing() {
        let (codes, hashes) = generate(&key(), "user-1").unwrap();
        let other = hmac::Key::new(hmac::HMAC_SHA256, b"another key, also thirty-two b!!");
        let mut copy = hashes.clone();
        assert!(!copy.redeem(&other, "user-1", codes[0].expose()));
        assert_eq!(copy.remaining(), COUNT);
        let mut ok = hashes;
        assert!(ok.redeem(&key(), "user-1", codes[0].expose()));
    }

    #[test]
    fn malformed_codes_are_refused_without_touching_the_list() {
        let (codes, mut hashes) = generate(&key(), "u").unwrap();
        let code = codes[0].expose();
        for bad in [
            "",
            &code[..18],
            &format!("{code}a"),
            &code.replace(&code[..1], "0"),
            "llll-llll-llll-llll",
        ] {
            assert!(!hashes.redeem(&key(), "u", bad), "{bad}");
        }
        assert_eq!(hashes.remaining(), COUNT);
    }
}
