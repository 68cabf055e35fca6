//! One-time password links (issue 21): an administrator's invitation to
//! set a first password, and the reset link of "forgot password". Both are
//! the same thing: a link carrying 256 random bits, good once, for
//! [`LIFETIME_HOURS`] hours, that lets whoever holds it set the account's
//! password.
//!
//! # Security contract
//! - The token is stored only as a keyed hash: HMAC-SHA-256 under the key
//!   directory's `password-link.key` (never in the store), so a copy of
//!   the store alone can neither use a link nor test a guess. 256 random
//!   bits need no slow hash.
//! - The expiry is kept to the hour ([`StoredLink::expires_hour`], hours
//!   since the Unix epoch). A link is made by a staff action (an
//!   invitation) or a staff member's own request (a reset), never by a
//!   participant, so an hour-fine time reveals nothing about critiques.
//! - [`StoredLink::matches`] compares in constant time; [`find`] compares
//!   the presented hash with every account's, so the time taken does not
//!   say which account (if any) holds it.
//! - Using a link is a compare-and-swap on the account (the store's
//!   `use_password_link`): the password changes and the link goes in one
//!   transaction, so a link works once even when two requests race.

use super::User;
use ring::hmac;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// How long a link stays good: at least `LIFETIME_HOURS - 1` hours and
/// under `LIFETIME_HOURS` (its expiry is an hour boundary, counted from
/// the start of the hour it was made in).
pub const LIFETIME_HOURS: u64 = 72;

/// What the link was made for (the page's wording and the log's action).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// An administrator's invitation to a new account.
    Invitation,
    /// The account holder's own "forgot password" request.
    Reset,
}

/// A link's token as it goes into the link, once. Never printed by
/// `Debug`, zeroized on drop.
pub struct LinkToken(Zeroizing<String>);

impl std::fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkToken(<hidden>)")
    }
}

impl LinkToken {
    /// 64 lower-case hex digits.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The stored form of a link, on its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredLink {
    /// HMAC-SHA-256 of the token under the link key, hex.
    pub hash: String,
    /// The first hour (since the Unix epoch) in which it no longer works.
    pub expires_hour: u64,
    pub purpose: Purpose,
}

/// The random generator failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("random generator failed")]
pub struct LinkError;

/// The hour (since the Unix epoch) that `unix_secs` falls in.
pub fn hour_of(unix_secs: u64) -> u64 {
    unix_secs / 3600
}

/// A fresh link made at `unix_secs`: the token for the link (shown or
/// mailed once) and what the account keeps.
pub fn generate(
    key: &hmac::Key,
    purpose: Purpose,
    unix_secs: u64,
) -> Result<(LinkToken, StoredLink), LinkError> {
    let bytes = Zeroizing::new(crate::secrets::random::bytes::<32>().map_err(|_| LinkError)?);
    let token = Zeroizing::new(crate::encoding::hex(bytes.as_ref()));
    let stored = StoredLink {
        hash: hash(key, &token),
        expires_hour: hour_of(unix_secs) + LIFETIME_HOURS,
        purpose,
    };
    Ok((LinkToken(token), stored))
}

/// The keyed hash of a presented token (any string: a malformed one just
/// matches nothing).
pub fn hash(key: &hmac::Key, token: &str) -> String {
    let mut ctx = hmac::Context::with_key(key);
    ctx.update(b"parrhesia/password-link/v1\0");
    ctx.update(token.trim().as_bytes());
    crate::encoding::hex(ctx.sign().as_ref())
}

impl StoredLink {
    /// Whether `presented_hash` is this link's, in constant time.
    pub fn matches(&self, presented_hash: &str) -> bool {
        bool::from(self.hash.as_bytes().ct_eq(presented_hash.as_bytes()))
    }

    /// Whether it still works at `unix_secs`.
    pub fn live(&self, unix_secs: u64) -> bool {
        hour_of(unix_secs) < self.expires_hour
    }
}

/// What a presented link leads to.
#[derive(Debug)]
pub enum Found {
    /// A live link of this account.
    Live(Box<User>, Purpose),
    /// A link that was made but whose time is up.
    Expired,
    /// No account holds it: never made, used already, or replaced.
    Unknown,
}

/// The account holding `token` among `users`, if any. Every account's
/// link is compared (in constant time), whichever matches.
pub fn find(key: &hmac::Key, users: Vec<User>, token: &str, unix_secs: u64) -> Found {
    let presented = hash(key, token);
    let mut found = None;
    for user in users {
        let hit = user
            .password_link
            .as_ref()
            .is_some_and(|l| l.matches(&presented));
        if hit && found.is_none() {
            found = Some(user);
        }
    }
    match found {
        Some(user) => match user.password_link.clone() {
            Some(link) if link.live(unix_secs) => Found::Live(Box::new(user), link.purpose),
            _ => Found::Expired,
        },
        None => Found::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::{Role, Username};

    fn key() -> hmac::Key {
        hmac::Key::new(hmac::HMAC_SHA256, &[7u8; 32])
    }

    fn user(name: &str, link: Option<StoredLink>) -> User {
        let mut u = User::new(
            Username::parse(name).unwrap(),
            Role::Moderator,
            None,
            "x".into(),
        )
        .unwrap();
        u.password_link = link;
        u
    }

    #[test]
    fn a_link_works_for_72_hours_from_its_hour_then_expires() {
        // Arrange: made at 10:59:59 on some day.
        let made = 1_795_694_400 + 10 * 3600 + 3599;
        let (token, stored) = generate(&key(), Purpose::Invitation, made).unwrap();
        let users = vec![user("ann", Some(stored.clone()))];
        // Act / Assert: good at the end of its 71st hour, gone from the 72nd.
        let last_good = (hour_of(made) + LIFETIME_HOURS) * 3600 - 1;
        assert!(matches!(
            find(&key(), users.clone(), token.expose(), last_good),
            Found::Live(u, Purpose::Invitation) if u.username.as_str() == "ann"
        ));
        assert!(matches!(
            find(&key(), users, token.expose(), last_good + 1),
            Found::Expired
        ));
        assert_eq!(stored.expires_hour, hour_of(made) + 72);
    }

    #[test]
    fn only_the_keyed_hash_is_stored_and_other_keys_or_tokens_match_nothing() {
        let (token, stored) = generate(&key(), Purpose::Reset, 0).unwrap();
        assert_eq!(token.expose().len(), 64);
        let on_disk = serde_json::to_string(&user("ann", Some(stored.clone()))).unwrap();
        assert!(!on_disk.contains(token.expose()), "{on_disk}");
        assert!(on_disk.contains(&stored.hash));
        // The hash is keyed: another key gives another hash.
        let other = hmac::Key::new(hmac::HMAC_SHA256, &[8u8; 32]);
        assert_ne!(hash(&other, token.expose()), stored.hash);
        let users = vec![user("ann", Some(stored))];
        assert!(matches!(
            find(&other, users.clone(), token.expose(), 0),
            Found::Unknown
        ));
        assert!(matches!(find(&key(), users.clone(), "", 0), Found::Unknown));
        let (stranger, _) = generate(&key(), Purpose::Reset, 0).unwrap();
        assert!(matches!(
            find(&key(), users, stranger.expose(), 0),
            Found::Unknown
        ));
    }

    #[test]
    fn a_link_finds_its_own_account_among_many_and_debug_hides_the_token() {
        let (token, stored) = generate(&key(), Purpose::Reset, 0).unwrap();
        let (_, elses) = generate(&key(), Purpose::Invitation, 0).unwrap();
        let users = vec![
            user("bob", Some(elses)),
            user("cyd", None),
            user("ann", Some(stored)),
        ];
        match find(&key(), users, token.expose(), 0) {
            Found::Live(u, Purpose::Reset) => assert_eq!(u.username.as_str(), "ann"),
            other => panic!("{other:?}"),
        }
        assert!(!format!("{token:?}").contains(token.expose()));
    }
}
