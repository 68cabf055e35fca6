//! The themed digest: what an organisation, and the public, may see.
//!
//! First honest version of disclosure control (guarantee 4): a period is
//! published only once it has been sealed (it has ended, or the host closed
//! it early), and its digest is frozen at that moment and logged. Within a
//! period, a theme's count is shown only if at least `k` critiques chose it
//! (otherwise "fewer than k"), and the period's total only if it is at least
//! `k`.
//!
//! This module is pure: it is handed the counts.

pub mod disclosure;
pub mod keyphrases;
pub mod scrub;
pub mod tagging;
pub mod voices;

use crate::audit::log::Totals;
use crate::domain::{Organisation, Period, Round};
use crate::store::PeriodCounts;
use serde::{Deserialize, Serialize};

/// A count as published: the number, or `None` when it is below the
/// round's minimum group size and so withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub count: Option<u64>,
    /// Set when the count is withheld: the true count is below this.
    pub fewer_than: Option<u32>,
}

impl Shown {
    fn new(n: u64, k: u32) -> Self {
        if n >= u64::from(k) {
            Self {
                count: Some(n),
                fewer_than: None,
            }
        } else {
            Self {
                count: None,
                fewer_than: Some(k),
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    pub slug: String,
    pub label: String,
    #[serde(flatten)]
    pub shown: Shown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodDigest {
    /// The period's id: its first day.
    pub period: String,
    pub label: String,
    pub total: Shown,
    /// Every theme of the round, in the round's order.
    pub themes: Vec<ThemeCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundDigest {
    pub slug: String,
    pub title: String,
    pub min_group: u32,
    pub period_weeks: u8,
    /// Ended periods with at least one critique, newest first.
    pub periods: Vec<PeriodDigest>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub organisation: String,
    pub name: String,
    pub rounds: Vec<RoundDigest>,
}

/// What is frozen and logged when a period is sealed: the published digest
/// and the exact totals auditors check against the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedDigest {
    pub round: String,
    pub min_group: u32,
    pub totals: Totals,
    pub digest: PeriodDigest,
}

/// The digest of one period of `round` from its counts.
pub fn period_digest(round: &Round, period: Period, counts: &PeriodCounts) -> PeriodDigest {
    let k = round.min_group.get();
    let themes = round
        .themes
        .iter()
        .map(|t| {
            let n = counts
                .themes
                .iter()
                .find(|(slug, _)| slug == t.slug.as_str())
                .map_or(0, |(_, n)| *n);
            ThemeCount {
                slug: t.slug.to_string(),
                label: t.label.clone(),
                shown: Shown::new(n, k),
            }
        })
        .collect();
    PeriodDigest {
        period: period.id(),
        label: period.label(),
        total: Shown::new(counts.total, k),
        themes,
    }
}

/// The published digest of `org`: every sealed period of every round,
/// newest first.
pub fn build(org: &Organisation, rounds: &[(Round, Vec<SealedDigest>)]) -> Digest {
    Digest {
        organisation: org.slug.to_string(),
        name: org.name.clone(),
        rounds: rounds
            .iter()
            .map(|(round, sealed)| {
                let mut periods: Vec<PeriodDigest> =
                    sealed.iter().map(|s| s.digest.clone()).collect();
                periods.sort_by(|a, b| b.period.cmp(&a.period));
                RoundDigest {
                    slug: round.slug.to_string(),
                    title: round.title.clone(),
                    min_group: round.min_group.get(),
                    period_weeks: round.period.weeks(),
                    periods,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Date, Month};

    fn period() -> Period {
        let d = Date::from_calendar_date(2026, Month::November, 18).unwrap();
        Period::containing(d, crate::domain::PeriodLength::ONE_WEEK)
    }

    #[test]
    fn small_counts_are_withheld() {
        let round = Round::parse("r", "o", "R", None, None, None, None).unwrap();
        let counts = PeriodCounts {
            period_id: "2026-11-16".into(),
            total: 10,
            themes: vec![("leadership".into(), 4), ("information".into(), 6)],
        };
        let p = period_digest(&round, period(), &counts);
        assert_eq!(p.total.count, Some(10));
        let get = |slug: &str| p.themes.iter().find(|t| t.slug == slug).unwrap().shown;
        assert_eq!(get("leadership").count, None);
        assert_eq!(get("leadership").fewer_than, Some(5));
        assert_eq!(get("information").count, Some(6));
        assert_eq!(get("whose-voices").fewer_than, Some(5));
    }

    #[test]
    fn a_small_total_is_withheld() {
        let round = Round::parse("r", "o", "R", None, None, None, None).unwrap();
        let counts = PeriodCounts {
            period_id: "2026-11-16".into(),
            total: 4,
            themes: vec![("leadership".into(), 4)],
        };
        assert_eq!(period_digest(&round, period(), &counts).total.count, None);
    }
}
