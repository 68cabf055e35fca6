//! Staff passwords: parsing (length and a small list of common passwords)
//! and Argon2id hashing with OWASP's parameters (19 MiB, 2 passes, 1 lane).
//!
//! # Security contract
//! A [`Password`] never prints (no `Debug` that shows it) and is only ever
//! stored as an Argon2id PHC string with a random salt. [`verify`] against
//! [`dummy_hash`] costs the same as against a real hash, so a log-in for an
//! unknown user takes as long as one with a wrong password.

use super::StaffError;
use argon2::password_hash::{
    Output, ParamsString, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

/// Shortest password accepted, in characters.
pub const MIN_CHARS: usize = 12;
/// Longest password accepted, in characters (bounds the hashing work).
pub const MAX_CHARS: usize = 256;

/// Passwords too common to accept, one a line, lower case.
const COMMON: &str = include_str!("common-passwords.txt");

/// A password that passed the rules. Not `Debug`, not `Display`.
pub struct Password(String);

impl Password {
    /// A new password: long enough, not too long, not on the common list.
    pub fn parse(raw: &str) -> Result<Self, StaffError> {
        let chars = raw.chars().count();
        if chars < MIN_CHARS {
            return Err(StaffError::PasswordTooShort);
        }
        if chars > MAX_CHARS {
            return Err(StaffError::PasswordTooLong);
        }
        let folded = raw.trim().to_lowercase();
        if COMMON.lines().any(|l| l.trim() == folded) {
            return Err(StaffError::PasswordCommon);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// 32 symbols that cannot be mistaken for one another when read aloud or
/// typed (no `0`/`o`, `1`/`l`): generated passwords and recovery codes.
pub(super) const TYPABLE: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// A fresh random password: five groups of five lower-case letters and
/// digits (about 129 bits), for the demo's administrator and
/// `parrhesia user add` when none is given.
pub fn generate() -> Result<Password, PasswordError> {
    let bytes = crate::secrets::random::bytes::<25>().map_err(|_| PasswordError)?;
    let mut out = String::new();
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        // 32 symbols: the low five bits are uniform.
        out.push(char::from(TYPABLE[usize::from(b & 31)]));
    }
    Ok(Password(out))
}

fn argon2() -> Result<Argon2<'static>, PasswordError> {
    // OWASP Password Storage Cheat Sheet: Argon2id, m = 19 MiB, t = 2, p = 1.
    let params = Params::new(19 * 1024, 2, 1, None).map_err(|_| PasswordError)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashing failed (the random generator or the library): never a detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("password hashing failed")]
pub struct PasswordError;

/// The PHC string of `password` under a fresh random salt. Slow on purpose:
/// call it off the async workers.
pub fn hash(password: &Password) -> Result<String, PasswordError> {
    let salt_bytes = crate::secrets::random::bytes::<16>().map_err(|_| PasswordError)?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|_| PasswordError)?;
    Ok(argon2()?
        .hash_password(password.0.as_bytes(), &salt)
        .map_err(|_| PasswordError)?
        .to_string())
}

/// Whether `presented` matches the PHC string `stored` (the comparison
/// inside the library is constant-time). A damaged hash never matches.
pub fn verify(presented: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    match argon2() {
        Ok(a) => a.verify_password(presented.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Argon2id with its working memory (19 MiB) kept from one use to the
/// next, for the threads that check and hash passwords all day
/// ([`super::hashing`]). Allocating that much afresh for every check leaves
/// freed blocks the allocator does not hand back or reuse (an aligned block
/// needs a little more than the hole the last one left), so a server's
/// memory grew by 19 MiB a sign-in up to hundreds of MiB; one workspace
/// per thread holds it at 19 MiB each. Same results as [`verify`] and
/// [`hash`].
pub struct Workspace {
    blocks: Vec<argon2::Block>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    pub fn new() -> Self {
        Self { blocks: Vec::new() }
    }

    /// The memory for `params`, grown once if it is too small.
    fn blocks(&mut self, params: &Params) -> &mut [argon2::Block] {
        if self.blocks.len() < params.block_count() {
            self.blocks
                .resize(params.block_count(), argon2::Block::default());
        }
        &mut self.blocks
    }

    /// Whether `presented` matches the PHC string `stored`, as [`verify`]:
    /// the output is compared in constant time (`password_hash::Output`'s
    /// equality); a damaged or non-Argon2id hash never matches.
    pub fn verify(&mut self, presented: &str, stored: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return false;
        };
        if parsed.algorithm != argon2::ARGON2ID_IDENT {
            return false;
        }
        let version = match parsed.version.map(Version::try_from).transpose() {
            Ok(v) => v.unwrap_or_default(),
            Err(_) => return false,
        };
        let Ok(params) = Params::try_from(&parsed) else {
            return false;
        };
        let mut salt_bytes = [0u8; 64];
        let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
            return false;
        };
        let mut out = [0u8; Output::MAX_LENGTH];
        let out = &mut out[..expected.len()];
        let argon2 = Argon2::new(Algorithm::Argon2id, version, params.clone());
        if argon2
            .hash_password_into_with_memory(presented.as_bytes(), salt, out, self.blocks(&params))
            .is_err()
        {
            return false;
        }
        Output::new(out).is_ok_and(|computed| computed == expected)
    }

    /// The PHC string of `password` under a fresh random salt, as [`hash`].
    pub fn hash(&mut self, password: &Password) -> Result<String, PasswordError> {
        let salt_bytes = crate::secrets::random::bytes::<16>().map_err(|_| PasswordError)?;
        let salt = SaltString::encode_b64(&salt_bytes).map_err(|_| PasswordError)?;
        let argon2 = argon2()?;
        let params = argon2.params().clone();
        let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
        argon2
            .hash_password_into_with_memory(
                password.0.as_bytes(),
                &salt_bytes,
                &mut out,
                self.blocks(&params),
            )
            .map_err(|_| PasswordError)?;
        let phc = PasswordHash {
            algorithm: argon2::ARGON2ID_IDENT,
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params).map_err(|_| PasswordError)?,
            salt: Some(salt.as_salt()),
            hash: Some(Output::new(&out).map_err(|_| PasswordError)?),
        };
        Ok(phc.to_string())
    }
}

/// A hash of a random password nobody knows, made once: log-ins for
/// unknown users are verified against it so that they cost the same time
/// as a wrong password for a real user.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let secret = crate::secrets::random::bytes::<32>()
            .map(|b| crate::encoding::hex(&b))
            .unwrap_or_else(|_| "dummy password nobody can know".into());
        // On failure the dummy is still a valid PHC string of the same
        // cost, made from a fixed salt: it matches nothing anyone types.
        Password::parse(&secret)
            .ok()
            .and_then(|p| hash(&p).ok())
            .unwrap_or_else(|| {
                "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$\
                 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                    .into()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(
            Password::parse("short").err(),
            Some(StaffError::PasswordTooShort)
        );
        assert_eq!(
            Password::parse(&"x".repeat(MAX_CHARS + 1)).err(),
            Some(StaffError::PasswordTooLong)
        );
        assert_eq!(
            Password::parse("Password1234").err(),
            Some(StaffError::PasswordCommon)
        );
        assert!(Password::parse("correct horse battery staple").is_ok());
    }

    #[test]
    fn generated_passwords_pass_the_rules_and_differ() {
        let a = generate().unwrap();
        assert_eq!(a.expose().len(), 29);
        assert!(Password::parse(a.expose()).is_ok());
        assert_ne!(a.expose(), generate().unwrap().expose());
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let p = Password::parse("correct horse battery staple").unwrap();
        let a = hash(&p).unwrap();
        let b = hash(&p).unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery staple", &a));
        assert!(!verify("correct horse battery stapl", &a));
        assert!(!verify("anything", "not a hash"));
        assert!(!verify("anything", dummy_hash()));
        assert!(dummy_hash().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    #[test]
    fn a_workspace_hashes_and_verifies_as_the_library_does() {
        let p = Password::parse("correct horse battery staple").unwrap();
        let mut workspace = Workspace::new();
        let mine = workspace.hash(&p).unwrap();
        let theirs = hash(&p).unwrap();
        assert!(
            mine.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{mine}"
        );
        // Each verifies the other's hashes, again and again on one memory.
        for _ in 0..3 {
            assert!(workspace.verify("correct horse battery staple", &theirs));
            assert!(workspace.verify("correct horse battery staple", &mine));
            assert!(!workspace.verify("correct horse battery stapl", &mine));
        }
        assert!(verify("correct horse battery staple", &mine));
        assert!(!workspace.verify("anything", "not a hash"));
        assert!(!workspace.verify("anything", dummy_hash()));
        // Another algorithm's PHC string never matches.
        let argon2i = mine.replacen("$argon2id$", "$argon2i$", 1);
        assert!(!workspace.verify("correct horse battery staple", &argon2i));
    }
}
