//! Slugs: the short names in addresses (`/r/{round}`, `/o/{organisation}`).

use super::InputError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A URL-safe identifier: 1-40 of `a-z`, `0-9` and single hyphens, starting
/// with a letter and not ending with a hyphen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// Parse a slug; `field` names the field in the error message.
    pub fn parse(raw: &str, field: &'static str) -> Result<Self, InputError> {
        let ok = (1..=40).contains(&raw.len())
            && raw.starts_with(|c: char| c.is_ascii_lowercase())
            && !raw.ends_with('-')
            && !raw.contains("--")
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InputError::SlugInvalid { field })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Slug::parse(&s, "slug").map_err(|_| "invalid slug")
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects() {
        for good in ["demo", "a", "care-2026", "x1-y2"] {
            assert!(Slug::parse(good, "slug").is_ok(), "{good}");
        }
        for bad in [
            "",
            "Demo",
            "1abc",
            "a--b",
            "a-",
            "a_b",
            "é",
            &"a".repeat(41),
        ] {
            assert!(Slug::parse(bad, "slug").is_err(), "{bad}");
        }
    }
}
