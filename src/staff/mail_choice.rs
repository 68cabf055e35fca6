//! Which kinds of staff mail there are, who may get each, and one user's
//! choice of them (issue 21). Kept with the staff account ([`super::User`]),
//! so it lives here; [`crate::mail`] plans messages with it (and names it
//! `mail::Kind`, `mail::Preferences`).

use super::Role;

/// The kinds of mail a staff member can choose.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Releases,
    Quotes,
    Periods,
    Security,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Releases, Kind::Quotes, Kind::Periods, Kind::Security];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Releases => "releases",
            Self::Quotes => "quotes",
            Self::Periods => "periods",
            Self::Security => "security",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// Who may get this kind at all: an organisation's users its releases,
    /// moderators quotes, coordinators periods, administrators security
    /// (and, as they may do everything, the other kinds if they choose).
    pub fn allowed_for(self, role: Role) -> bool {
        matches!(
            (self, role),
            (_, Role::Administrator)
                | (Kind::Releases, Role::Organisation)
                | (Kind::Quotes, Role::Moderator)
                | (Kind::Periods, Role::Coordinator)
        )
    }
}

/// Which kinds of mail one user wants. Stored with the user; staff change
/// it in the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preferences(Vec<Kind>);

impl Preferences {
    /// The mail a role is meant to act on: on by default.
    pub fn default_for(role: Role) -> Self {
        Self(match role {
            Role::Administrator => vec![Kind::Security],
            Role::Coordinator => vec![Kind::Periods],
            Role::Moderator => vec![Kind::Quotes],
            Role::Organisation => vec![Kind::Releases],
        })
    }

    /// Exactly these kinds (an empty list: no mail at all).
    pub fn only(kinds: &[Kind]) -> Self {
        let mut v = kinds.to_vec();
        v.sort();
        v.dedup();
        Self(v)
    }

    pub fn wants(&self, kind: Kind) -> bool {
        self.0.contains(&kind)
    }

    pub fn kinds(&self) -> &[Kind] {
        &self.0
    }
}
