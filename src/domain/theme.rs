//! Themes a critique can be about. The defaults come from the barriers named
//! in the evidence review that Parrhesia grew from (see PRODUCT.md).

use super::{InputError, Slug};
use serde::{Deserialize, Serialize};

/// The slug of the catch-all theme every default list ends with.
pub const SOMETHING_ELSE: &str = "something-else";

/// One theme in a round's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub slug: Slug,
    pub label: String,
    /// One plain-English line that explains the label.
    #[serde(default)]
    pub description: String,
    /// The same in Easy Read: short sentences of at most 15 words.
    #[serde(default)]
    pub easy_read: String,
}

impl Theme {
    /// Check a host-supplied theme list: 1-40 themes, unique slugs, labels of
    /// 1-200 characters.
    pub fn parse_list(themes: Vec<Theme>) -> Result<Vec<Theme>, InputError> {
        let mut seen = std::collections::HashSet::new();
        let ok = (1..=40).contains(&themes.len())
            && themes.iter().all(|t| {
                seen.insert(t.slug.clone())
                    && valid_text(&t.label, 200)
                    && (t.description.is_empty() || valid_text(&t.description, 300))
                    && (t.easy_read.is_empty() || valid_text(&t.easy_read, 300))
            });
        if ok {
            Ok(themes)
        } else {
            Err(InputError::ThemeListInvalid)
        }
    }
}

/// 1..=max characters after trimming, and no control characters.
pub(super) fn valid_text(s: &str, max: usize) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().count() <= max && !t.chars().any(char::is_control)
}

/// The default theme list: twelve barriers from the evidence review, then
/// "Something else".
pub fn default_themes() -> Vec<Theme> {
    const DEFAULTS: [(&str, &str, &str, &str); 13] = [
        (
            "whose-voices",
            "Whose voices are heard",
            "Who gets asked and listened to, and who is left out.",
            "Some people are not asked what they think. Some people are not listened to.",
        ),
        (
            "money-and-time",
            "Money, time and resources",
            "Not enough money, staff or time to do things properly.",
            "There is not enough money, staff or time.",
        ),
        (
            "accessible-places",
            "Accessible places and meetings",
            "Buildings, travel, times and meeting styles that shut people out.",
            "Some places and meetings are hard to get to or hard to join.",
        ),
        (
            "digital-access",
            "Digital access and confidence",
            "Online-only services, no internet, or no help to use it.",
            "Some things are only online. Some people have no internet or need help.",
        ),
        (
            "fear-of-consequences",
            "Fear of speaking up",
            "Worry that complaining could cost you your service or support.",
            "You may be scared to complain. You may worry about losing your support.",
        ),
        (
            "risk-and-culture",
            "Culture and risk aversion",
            "An organisation that is afraid of change or of the people it serves.",
            "The organisation is scared of change. It may be scared of the people it helps.",
        ),
        (
            "power-and-attitudes",
            "Power sharing and staff attitudes",
            "Professionals who do not share decisions or do not respect you.",
            "Staff make decisions without you. Staff do not treat you with respect.",
        ),
        (
            "leadership",
            "Leadership and vision",
            "Leaders who do not set a clear direction or keep their word.",
            "The people in charge do not have a clear plan. They do not keep promises.",
        ),
        (
            "policy-and-rules",
            "Policy and rules",
            "Unclear or missing rules about how people are involved.",
            "The rules about how you can take part are not clear.",
        ),
        (
            "meaning-of-involvement",
            "What working together means",
            "No shared understanding of what involving people (co-production) means.",
            "People do not agree on what working together means.",
        ),
        (
            "information",
            "Information and communication",
            "Not getting information in advance, or in a way you understand.",
            "You do not get information in time. Or it is hard to understand.",
        ),
        (
            "follow-through",
            "Evidence and follow-through",
            "Nothing changes after people speak up, or nobody checks.",
            "Nothing changes after people speak up. Nobody checks what happened.",
        ),
        (
            SOMETHING_ELSE,
            "Something else",
            "Anything that does not fit the other themes.",
            "Anything else you want to tell them.",
        ),
    ];
    DEFAULTS
        .iter()
        .map(|(slug, label, description, easy_read)| Theme {
            slug: Slug::parse(slug, "theme").unwrap_or_else(|_| unreachable!("static slug")),
            label: (*label).to_owned(),
            description: (*description).to_owned(),
            easy_read: (*easy_read).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_twelve_plus_something_else() {
        let themes = default_themes();
        assert_eq!(themes.len(), 13);
        assert_eq!(themes.last().map(|t| t.slug.as_str()), Some(SOMETHING_ELSE));
        assert!(Theme::parse_list(themes).is_ok());
    }

    #[test]
    fn duplicate_slugs_are_refused() {
        let mut themes = default_themes();
        themes.push(themes[0].clone());
        assert_eq!(Theme::parse_list(themes), Err(InputError::ThemeListInvalid));
    }
}
