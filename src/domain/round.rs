//! Organisations and feedback rounds, and the rules for changing a round
//! once it has opened (its first code was issued): the minimum group size can
//! only go up and themes can only be added, so disclosure rules never loosen
//! after people have written under them.

use super::theme::valid_text;
use super::{default_themes, InputError, PeriodLength, QuestionError, Questions, Slug, Theme};
use super::{Rules, RulesError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
#[serde(from = "StoredRound")]
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
    /// The disclosure rules (guarantee 4): `k` is always `min_group`. Fixed
    /// when the round opens; afterwards only [`Rules::tighten`] changes them.
    pub rules: Rules,
    /// Questions asked beside the free text (issue 20); frozen when the
    /// round opens, except their wording.
    pub questions: Questions,
    /// Whether a submission may carry answers and no text. Fixed when the
    /// round opens: the disclosure check of themes relies on knowing
    /// whether a submission can choose no theme.
    pub answers_without_text: bool,
    /// Where a filled-in paper form can be posted (lines of an address),
    /// printed on the round's paper form; empty when there is none.
    pub postal_address: String,
    /// A freepost line ("FREEPOST RIVERSIDE CARE"), printed above the
    /// address so that no stamp is needed; empty when there is none.
    pub freepost: String,
    /// The host's translations of the title and description, by language
    /// tag: shown to readers of that language (English otherwise).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, RoundText>,
    /// Days the organisation has to answer each release (issue 21):
    /// judged by period, see [`crate::digest::record`]. Rounds stored
    /// before it read as the default, 28.
    pub days_to_answer: DaysToAnswer,
}

/// Default days an organisation has to answer a release.
pub const DEFAULT_DAYS_TO_ANSWER: u16 = 28;

/// A round's days to answer a release: 1 to 365.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DaysToAnswer(u16);

impl DaysToAnswer {
    pub fn parse(days: u64) -> Result<Self, InputError> {
        match u16::try_from(days) {
            Ok(d @ 1..=365) => Ok(Self(d)),
            _ => Err(InputError::DaysToAnswerInvalid),
        }
    }

    pub fn days(self) -> u16 {
        self.0
    }
}

impl Default for DaysToAnswer {
    fn default() -> Self {
        Self(DEFAULT_DAYS_TO_ANSWER)
    }
}

/// A round's title and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundText {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

impl RoundText {
    /// What breaks the rule for a round's words in another language (a
    /// title of 1-200 characters and a description of up to 1000, without
    /// control characters), field by field: `NameInvalid` naming `title`
    /// or `description`. Forms show each; the API the first.
    pub fn problems(&self) -> Vec<InputError> {
        let mut problems = Vec::new();
        if !valid_text(&self.title, 200) {
            problems.push(InputError::NameInvalid { field: "title" });
        }
        if !self.description.trim().is_empty() && !valid_text(&self.description, 1000) {
            problems.push(InputError::NameInvalid {
                field: "description",
            });
        }
        problems
    }

    fn check(&self) -> Result<(), InputError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }
}

/// A round as stored: records written before the rules existed get the
/// default rules with their own `k`.
#[derive(Deserialize)]
struct StoredRound {
    slug: Slug,
    organisation: Slug,
    title: String,
    description: String,
    themes: Vec<Theme>,
    min_group: MinGroup,
    period_weeks: PeriodLength,
    opened: bool,
    #[serde(default = "default_retention")]
    retention_periods: u32,
    #[serde(default)]
    rules: Option<Rules>,
    #[serde(default)]
    questions: Questions,
    #[serde(default)]
    answers_without_text: bool,
    #[serde(default)]
    postal_address: String,
    #[serde(default)]
    freepost: String,
    #[serde(default)]
    translations: BTreeMap<String, RoundText>,
    #[serde(default)]
    days_to_answer: DaysToAnswer,
}

impl From<StoredRound> for Round {
    fn from(r: StoredRound) -> Self {
        let rules = r
            .rules
            .filter(|rules| rules.k() == r.min_group.get())
            .or_else(|| Rules::with_k(r.min_group.get()).ok())
            .unwrap_or_default();
        Self {
            slug: r.slug,
            organisation: r.organisation,
            title: r.title,
            description: r.description,
            themes: r.themes,
            min_group: MinGroup(rules.k()),
            period: r.period_weeks,
            opened: r.opened,
            retention_periods: r.retention_periods,
            rules,
            questions: r.questions,
            answers_without_text: r.answers_without_text,
            postal_address: r.postal_address,
            freepost: r.freepost,
            translations: r.translations,
            days_to_answer: r.days_to_answer,
        }
    }
}

fn default_retention() -> u32 {
    8
}

impl Round {
    /// A new, unopened round (see [`NewRound::parse`], the one way in from
    /// outside). Missing themes get the default list.
    pub(super) fn parse(
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
        let min_group = min_group
            .map(MinGroup::parse)
            .transpose()?
            .unwrap_or_default();
        let themes = themes.unwrap_or_else(default_themes);
        Theme::check_list(&themes)?;
        Ok(Self {
            slug,
            organisation,
            title: title.trim().to_owned(),
            description: description.to_owned(),
            themes,
            min_group,
            period: period_weeks
                .map(PeriodLength::parse)
                .transpose()?
                .unwrap_or_default(),
            opened: false,
            retention_periods: default_retention(),
            rules: Rules::with_k(min_group.get()).map_err(InputError::RulesInvalid)?,
            questions: Questions::default(),
            answers_without_text: false,
            postal_address: String::new(),
            freepost: String::new(),
            translations: BTreeMap::new(),
            days_to_answer: DaysToAnswer::default(),
        })
    }
}

/// What a host typed for a round's settings, each left out (`None`) or
/// given. Only input: [`RoundUpdate::parse`] and [`NewRound::parse`] check
/// it, and nothing else takes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundSettings {
    pub title: Option<String>,
    pub description: Option<String>,
    pub themes: Option<Vec<Theme>>,
    pub min_group: Option<u64>,
    /// Shown counts are rounded to the nearest multiple of this.
    pub rounding_base: Option<u64>,
    /// A period with fewer critiques rolls into the next.
    pub min_period: Option<u64>,
    pub retention_periods: Option<u64>,
    /// The whole new list of questions (parsed with [`Questions::parse`]).
    pub questions: Option<Questions>,
    pub answers_without_text: Option<bool>,
    /// The title and description in other languages (all of them: the
    /// map replaces the round's). Words only, so they may change at any
    /// time, before or after opening.
    pub translations: Option<BTreeMap<String, RoundText>>,
    /// The postal address for paper forms ("" removes it).
    pub postal_address: Option<String>,
    /// The freepost line for paper forms ("" removes it).
    pub freepost: Option<String>,
    /// Days the organisation has to answer a release (1 to 365).
    pub days_to_answer: Option<u64>,
}

/// Longest postal address, in characters, and most lines.
const ADDRESS_CHARS: usize = 300;
const ADDRESS_LINES: usize = 8;

/// A postal address: up to [`ADDRESS_LINES`] non-empty lines, each trimmed,
/// without control characters; "" is no address.
fn postal_address(raw: &str) -> Result<String, InputError> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = lines.join("\n");
    let ok = lines.len() <= ADDRESS_LINES
        && joined.chars().count() <= ADDRESS_CHARS
        && lines.iter().all(|l| !l.chars().any(char::is_control));
    if ok {
        Ok(joined)
    } else {
        Err(InputError::PostalInvalid {
            field: "postal_address",
        })
    }
}

/// A new, unopened round, checked: made only by [`NewRound::parse`], so a
/// `NewRound` in hand is the proof that every setting is valid.
///
/// A `Round` in hand cannot be passed off as a checked new one; this does
/// not compile:
///
/// ```compile_fail
/// use parrhesia::domain::{NewRound, Round};
/// fn forged(round: Round) -> NewRound {
///     NewRound(round)
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRound(Round);

impl NewRound {
    /// A round `slug` about `organisation`, periods of `period_weeks` (one
    /// by default), and `settings` (a title is required; the rest default:
    /// the default themes, k = 5, the default rules and retention).
    pub fn parse(
        slug: &str,
        organisation: &str,
        period_weeks: Option<u64>,
        settings: RoundSettings,
    ) -> Result<Self, InputError> {
        let RoundSettings {
            title,
            description,
            themes,
            min_group,
            rounding_base,
            min_period,
            retention_periods,
            questions,
            answers_without_text,
            translations,
            postal_address,
            freepost,
            days_to_answer,
        } = settings;
        let round = Round::parse(
            slug,
            organisation,
            title.as_deref().unwrap_or(""),
            description.as_deref(),
            themes,
            min_group,
            period_weeks,
        )?;
        let rest = RoundUpdate::parse(RoundSettings {
            rounding_base,
            min_period,
            retention_periods,
            questions,
            answers_without_text,
            translations,
            postal_address,
            freepost,
            days_to_answer,
            ..RoundSettings::default()
        })?;
        Ok(Self(rest.apply(&round)?))
    }

    pub fn round(&self) -> &Round {
        &self.0
    }

    pub fn into_round(self) -> Round {
        self.0
    }
}

/// A host's change to a round, checked: made only by [`RoundUpdate::parse`]
/// (or [`RoundUpdate::default`], no change at all). What depends on the
/// round as it stands when the change lands (whether it has opened, its
/// current rules and themes) is checked by [`RoundUpdate::apply`], in the
/// writer, atomically.
///
/// A change cannot skip the parser; this does not compile:
///
/// ```compile_fail
/// use parrhesia::domain::RoundUpdate;
/// fn forged() -> RoundUpdate {
///     RoundUpdate { title: Some(String::new()), ..RoundUpdate::default() }
/// }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundUpdate {
    title: Option<String>,
    description: Option<String>,
    themes: Option<Vec<Theme>>,
    min_group: Option<MinGroup>,
    rounding_base: Option<u32>,
    min_period: Option<u32>,
    retention_periods: Option<u32>,
    /// The whole new list of questions (each parsed already).
    questions: Option<Questions>,
    answers_without_text: Option<bool>,
    /// The title and description in other languages, checked and trimmed
    /// (all of them: the map replaces the round's).
    translations: Option<BTreeMap<String, RoundText>>,
    /// The paper form's postal address and freepost line, checked when
    /// applied ("" removes them).
    postal_address: Option<String>,
    freepost: Option<String>,
    days_to_answer: Option<DaysToAnswer>,
}

impl RoundUpdate {
    /// Check each setting on its own: a title of 1-200 characters, a
    /// description of at most 1000, a theme list of 1-40 unique themes,
    /// k from 2 to 1000, a retention of 1-520 periods, and whole numbers
    /// for the rounding base and the minimum period.
    pub fn parse(settings: RoundSettings) -> Result<Self, InputError> {
        let title = match settings.title {
            Some(t) if !valid_text(&t, 200) => {
                return Err(InputError::NameInvalid { field: "title" })
            }
            t => t.map(|t| t.trim().to_owned()),
        };
        let description = match settings.description.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() && !valid_text(d, 1000) => {
                return Err(InputError::NameInvalid {
                    field: "description",
                })
            }
            d => d.map(str::to_owned),
        };
        let min_group = settings.min_group.map(MinGroup::parse).transpose()?;
        let rounding_base = settings
            .rounding_base
            .map(|b| u32::try_from(b).map_err(|_| InputError::RulesInvalid(RulesError::Base)))
            .transpose()?;
        let min_period = settings
            .min_period
            .map(|m| u32::try_from(m).map_err(|_| InputError::RulesInvalid(RulesError::MinPeriod)))
            .transpose()?;
        let retention_periods = settings
            .retention_periods
            .map(|r| match u32::try_from(r) {
                Ok(r @ 1..=520) => Ok(r),
                _ => Err(InputError::RetentionInvalid),
            })
            .transpose()?;
        if let Some(themes) = &settings.themes {
            Theme::check_list(themes)?;
        }
        let days_to_answer = settings
            .days_to_answer
            .map(DaysToAnswer::parse)
            .transpose()?;
        let translations = settings
            .translations
            .map(|all| {
                all.into_iter()
                    .map(|(language, t)| {
                        t.check()?;
                        let text = RoundText {
                            title: t.title.trim().to_owned(),
                            description: t.description.trim().to_owned(),
                        };
                        Ok((language, text))
                    })
                    .collect::<Result<BTreeMap<_, _>, InputError>>()
            })
            .transpose()?;
        Ok(Self {
            title,
            description,
            themes: settings.themes,
            min_group,
            rounding_base,
            min_period,
            retention_periods,
            questions: settings.questions,
            answers_without_text: settings.answers_without_text,
            translations,
            postal_address: settings.postal_address,
            freepost: settings.freepost,
            days_to_answer,
        })
    }

    /// `new` themes added at the end of `current`'s list: allowed before
    /// and after opening, as adding loosens nothing.
    pub fn add_themes(current: &Round, new: Vec<Theme>) -> Result<Self, InputError> {
        let mut themes = current.themes.clone();
        themes.extend(new);
        Self::parse(RoundSettings {
            themes: Some(themes),
            ..RoundSettings::default()
        })
    }

    /// Apply the change to `current`, refusing anything that would loosen the
    /// rules of an opened round.
    pub fn apply(&self, current: &Round) -> Result<Round, InputError> {
        let mut next = current.clone();
        if let Some(title) = &self.title {
            next.title = title.clone();
        }
        if let Some(description) = &self.description {
            next.description = description.clone();
        }
        if self.min_group.is_some() || self.rounding_base.is_some() || self.min_period.is_some() {
            next.rules = self.rules(current)?;
            next.min_group = MinGroup(next.rules.k());
        }
        if let Some(translations) = &self.translations {
            next.translations = translations.clone();
        }
        if let Some(r) = self.retention_periods {
            next.retention_periods = r;
        }
        if let Some(d) = self.days_to_answer {
            next.days_to_answer = d;
        }
        if let Some(themes) = &self.themes {
            // After opening, the old list must survive unchanged as a prefix
            // (its translations may be added to or corrected).
            let kept = themes.len() >= current.themes.len()
                && themes
                    .iter()
                    .zip(&current.themes)
                    .all(|(a, b)| a.same_words(b));
            if current.opened && !kept {
                return Err(InputError::ThemesLocked);
            }
            next.themes = themes.clone();
        }
        if let Some(questions) = &self.questions {
            next.questions = current
                .questions
                .replace(questions.clone(), current.opened)?;
        }
        if let Some(address) = &self.postal_address {
            next.postal_address = postal_address(address)?;
        }
        if let Some(line) = &self.freepost {
            let line = line.trim();
            if !line.is_empty() && !valid_text(line, 100) {
                return Err(InputError::PostalInvalid { field: "freepost" });
            }
            next.freepost = line.to_owned();
        }
        if let Some(alone) = self.answers_without_text {
            if current.opened && alone != current.answers_without_text {
                return Err(QuestionError::AnswersWithoutTextLocked.into());
            }
            next.answers_without_text = alone;
        }
        Ok(next)
    }

    /// The round's new disclosure rules: anything before opening, only
    /// stricter after. A minimum period left out is raised to `2k − 1` if
    /// a new `k` needs it.
    fn rules(&self, current: &Round) -> Result<Rules, InputError> {
        let was = current.rules;
        let k = self.min_group.map_or(was.k(), MinGroup::get);
        let base = self.rounding_base.unwrap_or(was.base());
        let min_period = self
            .min_period
            .unwrap_or_else(|| was.min_period().max(2 * k - 1));
        if !current.opened {
            return Rules::new(k, base, min_period).map_err(InputError::RulesInvalid);
        }
        if k < was.k() {
            return Err(InputError::MinGroupLowered { current: was.k() });
        }
        was.tighten(k, base, min_period).map_err(|e| match e {
            RulesError::Loosened => InputError::RulesLoosened,
            e => InputError::RulesInvalid(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(settings: RoundSettings) -> RoundUpdate {
        RoundUpdate::parse(settings).unwrap()
    }

    fn round(opened: bool) -> Round {
        let mut r = Round::parse("r", "o", "Title", None, None, None, None).unwrap();
        r.opened = opened;
        r
    }

    #[test]
    fn a_postal_address_and_freepost_line_are_trimmed_and_bounded() {
        let set = |address: &str, freepost: &str| {
            RoundUpdate {
                postal_address: Some(address.into()),
                freepost: Some(freepost.into()),
                ..Default::default()
            }
            .apply(&round(true))
        };
        let r = set(
            " Riverside Care \r\n\n 1 High Street \n",
            " FREEPOST RIVERSIDE ",
        )
        .unwrap();
        assert_eq!(r.postal_address, "Riverside Care\n1 High Street");
        assert_eq!(r.freepost, "FREEPOST RIVERSIDE");
        assert_eq!(set("", "").unwrap().postal_address, "");
        for (address, freepost, field) in [
            ("a\nb\nc\nd\ne\nf\ng\nh\ni", "", "postal_address"),
            (&"x".repeat(301), "", "postal_address"),
            ("Tab\there", "", "postal_address"),
            ("", "two\nlines", "freepost"),
        ] {
            assert_eq!(
                set(address, freepost),
                Err(InputError::PostalInvalid { field }),
                "{address:?} {freepost:?}"
            );
        }
    }

    #[test]
    fn k_is_free_before_opening_and_only_rises_after() {
        let lower = change(RoundSettings {
            min_group: Some(3),
            ..Default::default()
        });
        assert_eq!(lower.apply(&round(false)).unwrap().min_group.get(), 3);
        assert_eq!(
            lower.apply(&round(true)),
            Err(InputError::MinGroupLowered { current: 5 })
        );
        let raise = change(RoundSettings {
            min_group: Some(8),
            ..Default::default()
        });
        assert_eq!(raise.apply(&round(true)).unwrap().min_group.get(), 8);
    }

    #[test]
    fn disclosure_rules_are_free_before_opening_and_only_tighten_after() {
        let set = |k, base, min| {
            change(RoundSettings {
                min_group: k,
                rounding_base: base,
                min_period: min,
                ..Default::default()
            })
        };
        let before = set(Some(3), Some(2), Some(6)).apply(&round(false)).unwrap();
        assert_eq!((before.rules.k(), before.rules.base()), (3, 2));
        assert_eq!(before.rules.min_period(), 6);
        assert_eq!(before.min_group.get(), 3);
        let open = round(true);
        assert_eq!(
            set(None, Some(1), None).apply(&open),
            Err(InputError::RulesLoosened)
        );
        assert_eq!(
            set(None, None, Some(9)).apply(&open),
            Err(InputError::RulesLoosened)
        );
        let stricter = set(Some(8), Some(10), None).apply(&open).unwrap();
        assert_eq!(stricter.rules.k(), 8);
        assert_eq!(stricter.rules.base(), 10);
        assert_eq!(stricter.rules.min_period(), 15, "raised to 2k - 1");
        assert_eq!(
            set(None, None, Some(3))
                .apply(&round(false))
                .unwrap_err()
                .code(),
            "rules_invalid"
        );
    }

    #[test]
    fn each_setting_is_checked_before_a_change_reaches_the_writer() {
        let code = |s: RoundSettings| RoundUpdate::parse(s).unwrap_err().code();
        let no = RoundSettings::default;
        let text = |n| Some("x".repeat(n));
        assert_eq!(
            code(RoundSettings {
                title: Some(" ".into()),
                ..no()
            }),
            "field_invalid"
        );
        assert_eq!(
            code(RoundSettings {
                title: text(201),
                ..no()
            }),
            "field_invalid"
        );
        assert_eq!(
            code(RoundSettings {
                description: text(1001),
                ..no()
            }),
            "field_invalid"
        );
        for k in [0, 1, 1001, u64::MAX] {
            assert_eq!(
                code(RoundSettings {
                    min_group: Some(k),
                    ..no()
                }),
                "min_group_invalid"
            );
        }
        let huge = Some(u64::from(u32::MAX) + 1);
        assert_eq!(
            code(RoundSettings {
                rounding_base: huge,
                ..no()
            }),
            "rules_invalid"
        );
        assert_eq!(
            code(RoundSettings {
                min_period: huge,
                ..no()
            }),
            "rules_invalid"
        );
        for r in [0, 521, u64::MAX] {
            assert_eq!(
                code(RoundSettings {
                    retention_periods: Some(r),
                    ..no()
                }),
                "retention_invalid"
            );
        }
        let twice = vec![default_themes()[0].clone(), default_themes()[0].clone()];
        for themes in [Vec::new(), twice] {
            assert_eq!(
                code(RoundSettings {
                    themes: Some(themes),
                    ..no()
                }),
                "themes_invalid"
            );
        }
        // Accepted settings are kept trimmed; an empty description clears it.
        let ok = RoundUpdate::parse(RoundSettings {
            title: Some("  New title ".into()),
            description: Some("  ".into()),
            ..no()
        })
        .unwrap()
        .apply(&round(true))
        .unwrap();
        assert_eq!(
            (ok.title.as_str(), ok.description.as_str()),
            ("New title", "")
        );
    }

    #[test]
    fn a_new_round_takes_every_setting_through_one_parser() {
        let new = |settings| NewRound::parse("spring", "care", Some(2), settings);
        assert_eq!(
            new(RoundSettings::default()).unwrap_err(),
            InputError::NameInvalid { field: "title" }
        );
        let round = new(RoundSettings {
            title: Some("Spring".into()),
            min_group: Some(3),
            rounding_base: Some(2),
            retention_periods: Some(4),
            ..RoundSettings::default()
        })
        .unwrap()
        .into_round();
        assert_eq!((round.rules.k(), round.rules.base()), (3, 2));
        assert_eq!((round.retention_periods, round.period.weeks()), (4, 2u8));
        assert!(!round.opened);
        let loose = new(RoundSettings {
            title: Some("Spring".into()),
            min_period: Some(1),
            ..RoundSettings::default()
        });
        assert_eq!(loose.unwrap_err().code(), "rules_invalid");
    }

    #[test]
    fn a_round_stored_before_the_rules_existed_gets_the_defaults_with_its_k() {
        let mut json = serde_json::to_value(round(true)).unwrap();
        json.as_object_mut().unwrap().remove("rules");
        json["min_group"] = 7.into();
        let back: Round = serde_json::from_value(json).unwrap();
        assert_eq!(back.rules, Rules::with_k(7).unwrap());
        assert_eq!(back.min_group.get(), 7);
    }

    fn questions(json: serde_json::Value) -> crate::domain::Questions {
        crate::domain::Questions::parse(serde_json::from_value(json).unwrap()).unwrap()
    }

    #[test]
    fn questions_are_set_before_opening_and_only_reworded_after() {
        let rating =
            serde_json::json!([{"id": "listened", "kind": "scale", "prompt": "How well?"}]);
        let set = RoundUpdate {
            questions: Some(questions(rating.clone())),
            answers_without_text: Some(true),
            ..Default::default()
        };
        let mut round = set.apply(&round(false)).unwrap();
        assert_eq!(round.questions.len(), 1);
        assert!(round.answers_without_text);
        round.opened = true;
        let mut reworded = rating.clone();
        reworded[0]["prompt"] = "How well did staff listen?".into();
        let reword = RoundUpdate {
            questions: Some(questions(reworded)),
            ..Default::default()
        };
        let after = reword.apply(&round).unwrap();
        assert_eq!(
            after.questions.get("listened").unwrap().prompt(),
            "How well did staff listen?"
        );
        let add = RoundUpdate {
            questions: Some(questions(serde_json::json!([
                rating[0],
                {"id": "more", "kind": "scale", "prompt": "And?"}
            ]))),
            ..Default::default()
        };
        assert_eq!(add.apply(&round).unwrap_err().code(), "questions_locked");
        let switch = RoundUpdate {
            answers_without_text: Some(false),
            ..Default::default()
        };
        assert_eq!(
            switch.apply(&round).unwrap_err().code(),
            "answers_without_text_locked"
        );
        let same = RoundUpdate {
            answers_without_text: Some(true),
            ..Default::default()
        };
        assert!(
            same.apply(&round).is_ok(),
            "restating the setting is no change"
        );
    }

    #[test]
    fn a_round_stored_before_questions_existed_loads_without_any() {
        let mut json = serde_json::to_value(round(true)).unwrap();
        let obj = json.as_object_mut().unwrap();
        obj.remove("questions");
        obj.remove("answers_without_text");
        let back: Round = serde_json::from_value(json).unwrap();
        assert!(back.questions.is_empty());
        assert!(!back.answers_without_text);
        // And a round with questions round-trips through its stored form.
        let mut with = round(false);
        with.questions = questions(serde_json::json!([
            {"id": "listened", "kind": "scale", "prompt": "How well?", "required": true}
        ]));
        let text = serde_json::to_string(&with).unwrap();
        assert_eq!(serde_json::from_str::<Round>(&text).unwrap(), with);
    }

    #[test]
    fn a_round_stored_before_days_to_answer_reads_28_and_a_change_keeps_to_1_to_365() {
        let mut json = serde_json::to_value(round(true)).unwrap();
        json.as_object_mut().unwrap().remove("days_to_answer");
        let back: Round = serde_json::from_value(json).unwrap();
        assert_eq!(back.days_to_answer.days(), 28);
        let set = |days| {
            RoundUpdate::parse(RoundSettings {
                days_to_answer: Some(days),
                ..Default::default()
            })
            .and_then(|u| u.apply(&round(true)))
        };
        // Words, not rules: it may change after opening.
        assert_eq!(set(10).unwrap().days_to_answer.days(), 10);
        assert_eq!(set(365).unwrap().days_to_answer.days(), 365);
        for bad in [0, 366, u64::MAX] {
            assert_eq!(set(bad).unwrap_err(), InputError::DaysToAnswerInvalid);
        }
    }

    #[test]
    fn themes_can_only_be_added_after_opening() {
        let open = round(true);
        let mut added = open.themes.clone();
        added.push(
            Theme::parse(
                Slug::parse("transport", "theme").unwrap(),
                "Transport",
                "",
                "",
            )
            .unwrap(),
        );
        let add = change(RoundSettings {
            themes: Some(added),
            ..Default::default()
        });
        assert_eq!(add.apply(&open).unwrap().themes.len(), 14);
        let remove = change(RoundSettings {
            themes: Some(open.themes[1..].to_vec()),
            ..Default::default()
        });
        assert_eq!(remove.apply(&open), Err(InputError::ThemesLocked));
        assert!(remove.apply(&round(false)).is_ok());
    }
}
