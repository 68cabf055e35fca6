//! Organisations and feedback rounds, and the rules for changing a round
//! once it has opened (its first code was issued): the minimum group size can
//! only go up and themes can only be added, so disclosure rules never loosen
//! after people have written under them.

use super::theme::valid_text;
use super::{default_themes, InputError, PeriodLength, Slug, Theme};
use serde::{Deserialize, Serialize};

/// An organisation people give feedback about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub slug: Slug,
    pub name: String,
}

impl Organisation {
    pub fn parse(slug: &str, name: &str) -> Result<Self, InputError> {
        let slug = Slug::parse(slug, "slug")?;
        if !valid_text(name, 200) {
            return Err(InputError::NameInvalid { field: "name" });
        }
        Ok(Self {
            slug,
            name: name.trim().to_owned(),
        })
    }
}

/// The smallest number of critiques a published count may describe (k).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct MinGroup(u32);

impl MinGroup {
    pub fn parse(k: u64) -> Result<Self, InputError> {
        match u32::try_from(k) {
            Ok(k @ 2..=1000) => Ok(Self(k)),
            _ => Err(InputError::MinGroupInvalid),
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for MinGroup {
    fn default() -> Self {
        Self(5)
    }
}

impl TryFrom<u32> for MinGroup {
    type Error = &'static str;
    fn try_from(k: u32) -> Result<Self, Self::Error> {
        Self::parse(k.into()).map_err(|_| "min_group must be 2-1000")
    }
}

impl From<MinGroup> for u32 {
    fn from(k: MinGroup) -> u32 {
        k.0
    }
}

/// A feedback round about one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub slug: Slug,
    pub organisation: Slug,
    pub title: String,
    pub description: String,
    pub themes: Vec<Theme>,
    pub min_group: MinGroup,
    #[serde(rename = "period_weeks")]
    pub period: PeriodLength,
    /// Set when the first code is issued; from then on the rules only tighten.
    pub opened: bool,
    /// Critique text is destroyed this many periods after its period ends;
    /// counts and the log are kept for ever.
    #[serde(default = "default_retention")]
    pub retention_periods: u32,
}

fn default_retention() -> u32 {
    8
}

impl Round {
    /// A new, unopened round. Missing themes get the default list.
    pub fn parse(
        slug: &str,
        organisation: &str,
        title: &str,
        description: Option<&str>,
        themes: Option<Vec<Theme>>,
        min_group: Option<u64>,
        period_weeks: Option<u64>,
    ) -> Result<Self, InputError> {
        let slug = Slug::parse(slug, "slug")?;
        let organisation = Slug::parse(organisation, "organisation")?;
        if !valid_text(title, 200) {
            return Err(InputError::NameInvalid { field: "title" });
        }
        let description = description.unwrap_or("").trim();
        if !description.is_empty() && !valid_text(description, 1000) {
            return Err(InputError::NameInvalid {
                field: "description",
            });
        }
        Ok(Self {
            slug,
            organisation,
            title: title.trim().to_owned(),
            description: description.to_owned(),
            themes: Theme::parse_list(themes.unwrap_or_else(default_themes))?,
            min_group: min_group
                .map(MinGroup::parse)
                .transpose()?
                .unwrap_or_default(),
            period: period_weeks
                .map(PeriodLength::parse)
                .transpose()?
                .unwrap_or_default(),
            opened: false,
            retention_periods: default_retention(),
        })
    }
}

/// A host's change to a round. Fields left `None` stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundUpdate {
    pub title: Option<String>,
    pub description: Option<String>,
    pub themes: Option<Vec<Theme>>,
    pub min_group: Option<u64>,
    pub retention_periods: Option<u64>,
}

impl RoundUpdate {
    /// Apply the change to `current`, refusing anything that would loosen the
    /// rules of an opened round.
    pub fn apply(&self, current: &Round) -> Result<Round, InputError> {
        let mut next = current.clone();
        if let Some(title) = &self.title {
            if !valid_text(title, 200) {
                return Err(InputError::NameInvalid { field: "title" });
            }
            next.title = title.trim().to_owned();
        }
        if let Some(description) = &self.description {
            let d = description.trim();
            if !d.is_empty() && !valid_text(d, 1000) {
                return Err(InputError::NameInvalid {
                    field: "description",
                });
            }
            next.description = d.to_owned();
        }
        if let Some(k) = self.min_group {
            let k = MinGroup::parse(k)?;
            if current.opened && k < current.min_group {
                return Err(InputError::MinGroupLowered {
                    current: current.min_group.get(),
                });
            }
            next.min_group = k;
        }
        if let Some(r) = self.retention_periods {
            next.retention_periods = match u32::try_from(r) {
                Ok(r @ 1..=520) => r,
                _ => return Err(InputError::RetentionInvalid),
            };
        }
        if let Some(themes) = &self.themes {
            let themes = Theme::parse_list(themes.clone())?;
            // After opening, the old list must survive unchanged as a prefix.
            if current.opened && !themes.starts_with(&current.themes) {
                return Err(InputError::ThemesLocked);
            }
            next.themes = themes;
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(opened: bool) -> Round {
        let mut r = Round::parse("r", "o", "Title", None, None, None, None).unwrap();
        r.opened = opened;
        r
    }

    #[test]
    fn k_is_free_before_opening_and_only_rises_after() {
        let lower = RoundUpdate {
            min_group: Some(3),
            ..Default::default()
        };
        assert_eq!(lower.apply(&round(false)).unwrap().min_group.get(), 3);
        assert_eq!(
            lower.apply(&round(true)),
            Err(InputError::MinGroupLowered { current: 5 })
        );
        let raise = RoundUpdate {
            min_group: Some(8),
            ..Default::default()
        };
        assert_eq!(raise.apply(&round(true)).unwrap().min_group.get(), 8);
    }

    #[test]
    fn themes_can_only_be_added_after_opening() {
        let open = round(true);
        let mut added = open.themes.clone();
        added.push(Theme {
            slug: Slug::parse("transport", "theme").unwrap(),
            label: "Transport".into(),
            description: String::new(),
        });
        let add = RoundUpdate {
            themes: Some(added),
            ..Default::default()
        };
        assert_eq!(add.apply(&open).unwrap().themes.len(), 14);
        let remove = RoundUpdate {
            themes: Some(open.themes[1..].to_vec()),
            ..Default::default()
        };
        assert_eq!(remove.apply(&open), Err(InputError::ThemesLocked));
        assert!(remove.apply(&round(false)).is_ok());
    }
}
