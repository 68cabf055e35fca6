//! The themed digest: what an organisation, and the public, may see.
//!
//! First honest version of disclosure control (guarantee 4): only periods
//! that have ended are shown; the open period never is. Within a period, a
//! theme's count is shown only if at least `k` critiques chose it (otherwise
//! "fewer than k"), and the period's total only if it is at least `k`.
//!
//! This module is pure: it is handed the counts and today's date.

use crate::domain::{Organisation, Period, Round};
use crate::store::PeriodCounts;
use serde::Serialize;
use time::Date;

/// A count as published: the number, or `None` when it is below the
/// round's minimum group size and so withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    pub slug: String,
    pub label: String,
    #[serde(flatten)]
    pub shown: Shown,
}

#[derive(Debug, Clone, Serialize)]
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

/// Build the published digest of `org` as of `today`.
pub fn build(org: &Organisation, rounds: &[(Round, Vec<PeriodCounts>)], today: Date) -> Digest {
    Digest {
        organisation: org.slug.to_string(),
        name: org.name.clone(),
        rounds: rounds
            .iter()
            .map(|(round, counts)| round_digest(round, counts, today))
            .collect(),
    }
}

fn round_digest(round: &Round, counts: &[PeriodCounts], today: Date) -> RoundDigest {
    let k = round.min_group.get();
    let mut periods: Vec<PeriodDigest> = counts
        .iter()
        .filter_map(|c| {
            let period = Period::from_id(&c.period_id, round.period)?;
            // The open period is never shown, whatever its counts.
            if !period.has_ended(today) {
                return None;
            }
            let themes = round
                .themes
                .iter()
                .map(|t| {
                    let n = c
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
            Some(PeriodDigest {
                period: period.id(),
                label: period.label(),
                total: Shown::new(c.total, k),
                themes,
            })
        })
        .collect();
    periods.sort_by(|a, b| b.period.cmp(&a.period));
    RoundDigest {
        slug: round.slug.to_string(),
        title: round.title.clone(),
        min_group: k,
        period_weeks: round.period.weeks(),
        periods,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    fn date(d: u8) -> Date {
        Date::from_calendar_date(2026, Month::November, d).unwrap()
    }

    #[test]
    fn small_counts_are_withheld_and_the_open_period_is_hidden() {
        let org = Organisation::parse("o", "Org").unwrap();
        let round = Round::parse("r", "o", "R", None, None, None, None).unwrap();
        let counts = vec![
            PeriodCounts {
                period_id: "2026-11-16".into(),
                total: 10,
                themes: vec![("leadership".into(), 4), ("information".into(), 6)],
            },
            PeriodCounts {
                period_id: "2026-11-23".into(),
                total: 50,
                themes: vec![("leadership".into(), 50)],
            },
        ];
        let d = build(&org, &[(round, counts)], date(26));
        let periods = &d.rounds[0].periods;
        assert_eq!(periods.len(), 1, "the open period must not appear");
        let p = &periods[0];
        assert_eq!(p.total.count, Some(10));
        let get = |slug: &str| p.themes.iter().find(|t| t.slug == slug).unwrap().shown;
        assert_eq!(get("leadership").count, None);
        assert_eq!(get("leadership").fewer_than, Some(5));
        assert_eq!(get("information").count, Some(6));
        assert_eq!(get("whose-voices").fewer_than, Some(5));
    }

    #[test]
    fn a_small_total_is_withheld() {
        let org = Organisation::parse("o", "Org").unwrap();
        let round = Round::parse("r", "o", "R", None, None, None, None).unwrap();
        let counts = vec![PeriodCounts {
            period_id: "2026-11-16".into(),
            total: 4,
            themes: vec![("leadership".into(), 4)],
        }];
        let d = build(&org, &[(round, counts)], date(30));
        assert_eq!(d.rounds[0].periods[0].total.count, None);
    }
}
