//! The themed digest: what an organisation, and the public, may see.
//!
//! Disclosure control (guarantee 4) is [`disclosure`]: when a period is
//! sealed (it has ended, or the host closed it early), its counts, merged
//! with any earlier periods that rolled because they were too small or
//! could not be protected, go through [`disclosure::publish`] with the
//! rules fixed on the round. The outcome is frozen and logged: either a
//! release (themes as "fewer than k", rounded numbers or "almost
//! everyone", the total as a band), or "rolled", which shows nothing about
//! the themes. The open period never appears.
//!
//! This module is pure: it is handed the counts.

pub mod disclosure;
pub mod keyphrases;
pub mod questions;
pub mod record;
pub mod scrub;
pub mod tagging;
pub mod voices;

use crate::domain::{Organisation, Period, PeriodCounts, Round, Totals};
use disclosure::{Band, Counts, Figure, Outcome, RollReason, Rules, TotalIs};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One theme of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeFigure {
    pub slug: String,
    pub label: String,
    #[serde(flatten)]
    pub figure: Figure,
}

/// What a release shows: the periods it covers, the total as a band and
/// every theme of the round (in the round's order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// Ids of the periods covered, oldest first: earlier rolled periods,
    /// then the period whose sealing made the release.
    pub periods: Vec<String>,
    pub label: String,
    pub total: Band,
    pub themes: Vec<ThemeFigure>,
    /// The round's days to answer when the release was made (issue 21).
    /// Logged with the digest, so a release's deadline cannot move after
    /// it is published: a later change to the round applies to later
    /// releases only. Absent from releases sealed before it was logged
    /// (see [`Release::answer_days`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_answer: Option<u16>,
}

impl Release {
    /// The days to answer logged with this release; `None` for a release
    /// sealed before they were logged, which falls back to the round's
    /// current setting (SECURITY.md says what that leaves open).
    pub fn answer_days(&self) -> Option<crate::domain::DaysToAnswer> {
        self.days_to_answer
            .and_then(|d| crate::domain::DaysToAnswer::parse(u64::from(d)).ok())
    }
}

/// What is frozen and logged when a period is sealed: the release it made
/// (or why it rolled) and the exact totals auditors check against the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedDigest {
    pub round: String,
    /// The sealed period's id (its first day).
    pub period: String,
    pub rules: Rules,
    /// Exact, for this period only: the log publishes them anyway.
    pub totals: Totals,
    /// `None` when the period rolled into the next.
    pub release: Option<Release>,
    /// Why it rolled: `too_few` or `cannot_protect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolled: Option<String>,
    /// The host closed this period before its end (issue 16, item 4).
    /// Logged with the digest, so every early close is in the log; absent
    /// (false) from digests sealed at their end and from older ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed_early: bool,
    /// The releases of the round's questions this sealing made (issue 20):
    /// each question rolls on its own, so one may be released while
    /// another waits. Absent from digests of rounds without questions, so
    /// theirs hash as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<questions::QuestionRelease>,
    /// The slug of the organisation the round is about. Logged with the
    /// digest so `verify` can check that the round is on that
    /// organisation's record and no other: a host cannot show a round's
    /// releases (and the criticism in them) under another organisation.
    /// A round never changes organisation (`RoundUpdate` has no such
    /// field and a round's slug is never reused), so every digest of a
    /// round names the same one. Absent from digests sealed before it was
    /// logged, which hash as before; `verify` reports those as not
    /// checkable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// The noise one release adds to the cross-organisation totals, drawn
/// once when it is made and stored apart from the published digest
/// (publishing it would undo it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoiseDraws {
    pub epsilon: f64,
    pub sensitivity: u32,
    /// Theme slug → the integer added to that theme.
    pub draws: BTreeMap<String, i64>,
}

/// A period's counts with every theme of `round` (0 where nobody chose it).
pub fn counts_of(round: &Round, counts: &PeriodCounts) -> Counts {
    Counts {
        total: counts.total,
        themes: round
            .themes
            .iter()
            .map(|t| {
                let n = counts
                    .themes
                    .iter()
                    .find(|(slug, _)| slug == t.slug().as_str())
                    .map_or(0, |(_, n)| *n);
                (t.slug().to_string(), n)
            })
            .collect(),
    }
}

/// Seal `period` of `round`: merge it with the periods still `waiting`
/// (rolled earlier, oldest first), and publish under the round's rules.
/// The exact total is public (the log), hence [`TotalIs::Public`].
pub fn seal(
    round: &Round,
    period: Period,
    waiting: &[PeriodCounts],
    counts: &PeriodCounts,
    totals: Totals,
) -> SealedDigest {
    seal_until(round, (period, period.last_day()), waiting, counts, totals)
}

/// [`seal`] for a period that ended on `last`: before its normal end when
/// the host closed it early (issue 16, item 4), so its name says the days
/// it really covered.
pub fn seal_until(
    round: &Round,
    (period, last): (Period, time::Date),
    waiting: &[PeriodCounts],
    counts: &PeriodCounts,
    totals: Totals,
) -> SealedDigest {
    let mut all: Vec<Counts> = waiting.iter().map(|c| counts_of(round, c)).collect();
    all.push(counts_of(round, counts));
    let merged = disclosure::merge(&all);
    // In a round that takes answers without text, a submission may choose
    // no theme at all (issue 20).
    let picks = if round.answers_without_text {
        disclosure::Picks::THEMES_OR_NONE
    } else {
        disclosure::Picks::THEMES
    };
    let (release, rolled) =
        match disclosure::publish_with(&merged, &round.rules, TotalIs::Public, picks) {
            Outcome::Publish(published) => {
                let mut periods: Vec<String> =
                    waiting.iter().map(|c| c.period_id.clone()).collect();
                periods.push(period.id());
                let label = release_label(
                    round,
                    waiting.first().map(|w| w.period_id.as_str()),
                    (period, last),
                );
                let themes = round
                    .themes
                    .iter()
                    .filter_map(|t| {
                        let figure = *published.themes.get(t.slug().as_str())?;
                        Some(ThemeFigure {
                            slug: t.slug().to_string(),
                            label: t.label().to_owned(),
                            figure,
                        })
                    })
                    .collect();
                let release = Release {
                    periods,
                    label,
                    total: published.total,
                    themes,
                    days_to_answer: Some(round.days_to_answer.days()),
                };
                (Some(release), None)
            }
            Outcome::Roll(RollReason::TooFew) => (None, Some("too_few".to_owned())),
            Outcome::Roll(RollReason::CannotProtect) => (None, Some("cannot_protect".to_owned())),
        };
    SealedDigest {
        round: round.slug.to_string(),
        period: period.id(),
        rules: round.rules,
        totals,
        release,
        rolled,
        closed_early: false,
        questions: Vec::new(),
        organisation: Some(round.organisation.to_string()),
    }
}

/// The name of a release that ends with `period` (ended on `last`) and
/// begins with the rolled period `first`, if any: "Week of 9 November to
/// week of 16 November".
pub(crate) fn release_label(
    round: &Round,
    first: Option<&str>,
    (period, last): (Period, time::Date),
) -> String {
    match first.and_then(|f| Period::from_id(f, round.period)) {
        Some(first) => format!(
            "{} to {}",
            first.label(),
            lower_first(&period.label_until(last))
        ),
        None => period.label_until(last),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// One theme as published, with its trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeView {
    pub slug: String,
    pub label: String,
    #[serde(flatten)]
    pub figure: Figure,
    /// Change against the previous release of the round, only when both
    /// are shown as numbers.
    pub trend: Option<i64>,
}

/// A release as the digest shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseView {
    /// The release's id: its last period's id.
    pub id: String,
    pub periods: Vec<String>,
    pub label: String,
    pub total: TotalView,
    /// Ranked: "almost everyone" first, then by shown count, then "fewer
    /// than k"; ties keep the round's order.
    pub themes: Vec<ThemeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TotalView {
    pub low: u64,
    pub high: u64,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundDigest {
    pub slug: String,
    pub title: String,
    pub rules: Rules,
    pub period_weeks: u8,
    /// Newest first.
    pub releases: Vec<ReleaseView>,
    /// The round's questions with their releases (issue 20), in the
    /// round's order; absent when the round asks none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<questions::QuestionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub organisation: String,
    pub name: String,
    pub rounds: Vec<RoundDigest>,
}

impl Digest {
    /// Every release of every round, newest first, with its round.
    pub fn releases(&self) -> Vec<(&RoundDigest, &ReleaseView)> {
        let mut all: Vec<_> = self
            .rounds
            .iter()
            .flat_map(|r| r.releases.iter().map(move |rel| (r, rel)))
            .collect();
        all.sort_by(|a, b| b.1.id.cmp(&a.1.id));
        all
    }
}

fn rank(f: &Figure) -> (u8, u64) {
    match f {
        Figure::AlmostEveryone => (2, 0),
        Figure::About(n) => (1, *n),
        Figure::FewerThan(_) => (0, 0),
    }
}

/// The releases of one round, newest first, with trends.
pub fn releases(sealed: &[SealedDigest]) -> Vec<ReleaseView> {
    let mut released: Vec<&Release> = sealed.iter().filter_map(|s| s.release.as_ref()).collect();
    released.sort_by(|a, b| a.periods.last().cmp(&b.periods.last()));
    let mut out = Vec::new();
    let mut previous: Option<&Release> = None;
    for r in released {
        let mut themes: Vec<ThemeView> = r
            .themes
            .iter()
            .map(|t| {
                let before = previous
                    .and_then(|p| p.themes.iter().find(|x| x.slug == t.slug))
                    .map(|x| &x.figure);
                ThemeView {
                    slug: t.slug.clone(),
                    label: t.label.clone(),
                    figure: t.figure,
                    trend: disclosure::trend(before, &t.figure),
                }
            })
            .collect();
        themes.sort_by_key(|t| std::cmp::Reverse(rank(&t.figure)));
        out.push(ReleaseView {
            id: r.periods.last().cloned().unwrap_or_default(),
            periods: r.periods.clone(),
            label: r.label.clone(),
            total: TotalView {
                low: r.total.low,
                high: r.total.high,
                label: r.total.label(),
            },
            themes,
        });
        previous = Some(r);
    }
    out.reverse();
    out
}

/// Each question of `round` with every release of it that `sealed` froze.
pub fn question_views(round: &Round, sealed: &[SealedDigest]) -> Vec<questions::QuestionView> {
    let released: Vec<questions::QuestionRelease> = sealed
        .iter()
        .flat_map(|s| s.questions.iter().cloned())
        .collect();
    round
        .questions
        .iter()
        .map(|q| questions::view(q, &released))
        .collect()
}

/// The published digest of `org`: every release of every round.
pub fn build(org: &Organisation, rounds: &[(Round, Vec<SealedDigest>)]) -> Digest {
    Digest {
        organisation: org.slug.to_string(),
        name: org.name.clone(),
        rounds: rounds
            .iter()
            .map(|(round, sealed)| RoundDigest {
                slug: round.slug.to_string(),
                title: round.title.clone(),
                rules: round.rules,
                period_weeks: round.period.weeks(),
                releases: releases(sealed),
                questions: question_views(round, sealed),
            })
            .collect(),
    }
}

/// A theme across organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcrossTheme {
    pub slug: String,
    pub label: String,
    /// The sum of the shown (rounded) counts, plus the stored noise when
    /// noise is on; never below 0.
    pub value: u64,
    /// Releases in which the theme was shown as a number (added up).
    pub counted: usize,
    /// Releases in which it was "fewer than k" (counted, not added).
    pub fewer_than: usize,
    /// Releases in which it was "almost everyone" (counted, not added).
    pub almost_everyone: usize,
}

/// The parameters of the noise in [`Across`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NoiseParameters {
    pub epsilon: f64,
    pub sensitivity: u32,
    pub alpha: f64,
}

/// Which release of which round the host-wide totals take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcrossSource {
    pub organisation: String,
    pub round: String,
    pub release: String,
    pub label: String,
    /// The release's periods and their length, to name it in any language.
    pub periods: Vec<String>,
    pub period_weeks: u8,
}

/// Themes across organisations: from each round's latest release only,
/// from published figures only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Across {
    pub sources: Vec<AcrossSource>,
    /// The distinct noise parameters of the releases added (empty when
    /// no noise was added).
    pub noise: Vec<NoiseParameters>,
    /// Ranked by value, largest first.
    pub themes: Vec<AcrossTheme>,
}

/// Add up each round's latest release (with the noise drawn for it when it
/// was made, if any). Built only from released figures: "fewer than k" and
/// "almost everyone" are counted, never turned into numbers.
pub fn across(digests: &[Digest], noise: &dyn Fn(&str, &str) -> Option<NoiseDraws>) -> Across {
    let mut sources = Vec::new();
    let mut published = Vec::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let mut added: BTreeMap<String, i64> = BTreeMap::new();
    let mut params: Vec<NoiseParameters> = Vec::new();
    for d in digests {
        for round in &d.rounds {
            let Some(latest) = round.releases.first() else {
                continue;
            };
            sources.push(AcrossSource {
                organisation: d.organisation.clone(),
                round: round.slug.clone(),
                release: latest.id.clone(),
                label: latest.label.clone(),
                periods: latest.periods.clone(),
                period_weeks: round.period_weeks,
            });
            for t in &latest.themes {
                labels
                    .entry(t.slug.clone())
                    .or_insert_with(|| t.label.clone());
            }
            published.push(disclosure::Published {
                total: Band {
                    low: latest.total.low,
                    high: latest.total.high,
                },
                themes: latest
                    .themes
                    .iter()
                    .map(|t| (t.slug.clone(), t.figure))
                    .collect(),
            });
            if let Some(n) = noise(&round.slug, &latest.id) {
                let p = NoiseParameters {
                    epsilon: n.epsilon,
                    sensitivity: n.sensitivity,
                    alpha: (-n.epsilon / f64::from(n.sensitivity.max(1))).exp(),
                };
                if !params.contains(&p) {
                    params.push(p);
                }
                for (slug, v) in n.draws {
                    *added.entry(slug).or_default() += v;
                }
            }
        }
    }
    let refs: Vec<&disclosure::Published> = published.iter().collect();
    let mut themes: Vec<AcrossTheme> = disclosure::cross_organisation(&refs, None)
        .into_iter()
        .map(|(slug, t)| {
            let noisy =
                i64::try_from(t.value).unwrap_or(i64::MAX) + added.get(&slug).copied().unwrap_or(0);
            AcrossTheme {
                label: labels.get(&slug).cloned().unwrap_or_else(|| slug.clone()),
                slug,
                value: u64::try_from(noisy.max(0)).unwrap_or(0),
                counted: t.counted,
                fewer_than: t.fewer_than,
                almost_everyone: t.almost_everyone,
            }
        })
        .collect();
    themes.sort_by(|a, b| b.value.cmp(&a.value).then(a.slug.cmp(&b.slug)));
    Across {
        sources,
        noise: params,
        themes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Date, Month};

    fn week(day: u8) -> Period {
        let d = Date::from_calendar_date(2026, Month::November, day).unwrap();
        Period::containing(d, crate::domain::PeriodLength::ONE_WEEK)
    }

    fn counts(period: Period, total: u64, themes: &[(&str, u64)]) -> PeriodCounts {
        PeriodCounts {
            period_id: period.id(),
            total,
            themes: themes.iter().map(|(s, n)| ((*s).into(), *n)).collect(),
        }
    }

    fn totals(n: u64) -> Totals {
        Totals {
            critiques: n,
            codes_spent: n,
            tokens_spent: 0,
            tokens_issued: Some(0),
        }
    }

    fn round() -> Round {
        let title = crate::domain::RoundSettings {
            title: Some("R".into()),
            ..Default::default()
        };
        crate::domain::NewRound::parse("r", "o", None, title)
            .unwrap()
            .into_round()
    }

    fn figure(s: &SealedDigest, slug: &str) -> Figure {
        let r = s.release.as_ref().unwrap();
        r.themes.iter().find(|t| t.slug == slug).unwrap().figure
    }

    #[test]
    fn a_sealed_period_shows_hidden_rounded_and_almost_everyone() {
        let c = counts(
            week(18),
            40,
            &[
                ("leadership", 4),
                ("information", 17),
                ("money-and-time", 38),
            ],
        );
        let s = seal(&round(), week(18), &[], &c, totals(40));
        assert_eq!(figure(&s, "leadership"), Figure::FewerThan(5));
        assert_eq!(figure(&s, "information"), Figure::About(15));
        assert_eq!(figure(&s, "money-and-time"), Figure::AlmostEveryone);
        assert_eq!(figure(&s, "whose-voices"), Figure::FewerThan(5));
        let r = s.release.unwrap();
        assert_eq!((r.total.low, r.total.high), (20, 49));
        assert_eq!(r.periods, vec![week(18).id()]);
        assert_eq!(r.themes.len(), 13, "every theme of the round");
    }

    #[test]
    fn a_small_period_rolls_and_the_next_release_covers_both() {
        let small = counts(week(11), 6, &[("information", 6)]);
        let s = seal(&round(), week(11), &[], &small, totals(6));
        assert_eq!(s.release, None);
        assert_eq!(s.rolled.as_deref(), Some("too_few"));
        let next = counts(week(18), 9, &[("information", 2), ("leadership", 9)]);
        let s = seal(&round(), week(18), &[small], &next, totals(9));
        let r = s.release.as_ref().unwrap();
        assert_eq!(r.periods, vec![week(11).id(), week(18).id()]);
        assert!(r.label.starts_with("Week 46 of 2026") && r.label.contains("to week 47"));
        assert_eq!(figure(&s, "information"), Figure::About(10));
        assert_eq!((r.total.low, r.total.high), (10, 19));
        // The frozen JSON round-trips (it is what the log hashes).
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""shown":"about","value":10"#), "{json}");
        assert_eq!(serde_json::from_str::<SealedDigest>(&json).unwrap(), s);
    }

    #[test]
    fn releases_are_ranked_and_trends_need_both_sides_shown() {
        let a = counts(week(11), 30, &[("information", 10), ("leadership", 12)]);
        let b = counts(week(18), 30, &[("information", 20), ("leadership", 3)]);
        let sealed = vec![
            seal(&round(), week(11), &[], &a, totals(30)),
            seal(&round(), week(18), &[], &b, totals(30)),
        ];
        let views = releases(&sealed);
        assert_eq!(views.len(), 2);
        assert_eq!(views[0].id, week(18).id(), "newest first");
        let info = &views[0].themes[0];
        assert_eq!(info.slug, "information", "ranked first");
        assert_eq!(info.trend, Some(10));
        let lead = views[0]
            .themes
            .iter()
            .find(|t| t.slug == "leadership")
            .unwrap();
        assert_eq!(lead.figure, Figure::FewerThan(5));
        assert_eq!(lead.trend, None, "one side hidden");
        assert!(views[1].themes.iter().all(|t| t.trend.is_none()));
    }
}
