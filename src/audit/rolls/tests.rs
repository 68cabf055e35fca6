//! The roll check against digests made by the real sealing function: an
//! honest sequence always passes, and each lie a host could log fails.

use super::*;
use crate::domain::{Period, PeriodCounts, PeriodLength, Round, Rules, Totals};
use proptest::prelude::*;
use time::{Date, Duration, Month};

fn round(slug: &str, rules: Rules) -> Round {
    let settings = crate::domain::RoundSettings {
        title: Some("R".into()),
        ..Default::default()
    };
    let mut r = crate::domain::NewRound::parse(slug, "org", None, settings)
        .unwrap()
        .into_round();
    r.rules = rules;
    r
}

fn week(i: usize) -> Period {
    let first = Date::from_calendar_date(2026, Month::November, 2).unwrap();
    Period::containing(first + Duration::weeks(i as i64), PeriodLength::ONE_WEEK)
}

/// `n` critiques spread over three themes.
fn counts(period: Period, n: u64) -> PeriodCounts {
    let themes = ["leadership", "information", "digital-access"];
    PeriodCounts {
        period_id: period.id(),
        total: n,
        themes: themes
            .iter()
            .enumerate()
            .map(|(i, t)| ((*t).to_owned(), n / 3 + u64::from((i as u64) < n % 3)))
            .filter(|(_, c)| *c > 0)
            .collect(),
    }
}

/// Seal one week after another as the store does: each with the counts
/// of the weeks that rolled since the last release, under the rules the
/// round has then (`rules_at(i)`).
fn sealed_with(slug: &str, totals: &[u64], rules_at: impl Fn(usize) -> Rules) -> Vec<SealedDigest> {
    let mut out: Vec<SealedDigest> = Vec::new();
    let mut waiting: Vec<PeriodCounts> = Vec::new();
    for (i, &n) in totals.iter().enumerate() {
        let c = counts(week(i), n);
        let t = Totals {
            critiques: n,
            codes_spent: n,
            tokens_spent: 0,
            tokens_issued: Some(0),
        };
        let d = crate::digest::seal(&round(slug, rules_at(i)), week(i), &waiting, &c, t);
        if d.release.is_some() {
            waiting.clear();
        } else {
            waiting.push(c);
        }
        out.push(d);
    }
    out
}

fn sealed(slug: &str, totals: &[u64]) -> Vec<SealedDigest> {
    sealed_with(slug, totals, |_| Rules::with_k(5).unwrap())
}

fn failures(digests: &[SealedDigest]) -> Vec<String> {
    check(digests)
        .into_iter()
        .filter(|c| !c.ok)
        .map(|c| c.what)
        .collect()
}

fn lie_too_few(d: &mut SealedDigest) {
    d.release = None;
    d.rolled = Some(TOO_FEW.into());
}

#[test]
fn honest_rolls_and_the_releases_that_merge_them_pass() {
    // min_period 10: 8 rolls; 8 + 6 released; 10 alone; 3, 2 and 4 roll;
    // 3 + 2 + 4 + 20 released.
    let a = sealed("a", &[8, 6, 10, 3, 2, 4, 20]);
    let shapes: Vec<(Option<&str>, usize)> = a
        .iter()
        .map(|d| {
            let n = d.release.as_ref().map_or(0, |r| r.periods.len());
            (d.rolled.as_deref(), n)
        })
        .collect();
    assert_eq!(
        shapes,
        [
            (Some("too_few"), 0),
            (None, 2),
            (None, 1),
            (Some("too_few"), 0),
            (Some("too_few"), 0),
            (Some("too_few"), 0),
            (None, 4),
        ]
    );
    // Another round, with its own rules, interleaved and out of order.
    let b = sealed_with("b", &[2, 1, 3], |_| Rules::new(2, 1, 3).unwrap());
    let mut all: Vec<SealedDigest> = a.into_iter().chain(b).rev().collect();
    all.swap(0, 5);
    let checks = check(&all);
    assert!(checks.iter().all(|c| c.ok), "{checks:#?}");
    // One check per roll, two per release.
    assert_eq!(checks.len(), 4 + 3 * 2 + 1 + 2 * 2, "{checks:#?}");
}

#[test]
fn too_few_is_judged_under_the_rules_logged_with_the_period() {
    // The round's minimum rose from 10 to 15 after the first week: 8 + 6
    // is too few under the new rules, and 8 + 6 + 1 is enough.
    let raised = |i: usize| {
        let old = Rules::with_k(5).unwrap();
        if i == 0 {
            old
        } else {
            old.tighten(5, 5, 15).unwrap()
        }
    };
    let d = sealed_with("a", &[8, 6, 1], raised);
    assert_eq!(d[1].rolled.as_deref(), Some("too_few"));
    assert!(d[2].release.is_some());
    assert!(failures(&d).is_empty(), "{:?}", failures(&d));
}

#[test]
fn too_few_with_enough_critiques_fails_alone_and_merged() {
    // Alone: 12 critiques called too few.
    let mut d = sealed("a", &[12]);
    lie_too_few(&mut d[0]);
    let f = failures(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains(
            "a 2026-11-02: logged as too few, but its 12 critiques (12 in this period, none \
             rolled before it) reach the round's minimum of 10"
        ),
        "{f:?}"
    );
    // Merged: 4 and 3 rolled honestly, then 3 more (10 together).
    let mut d = sealed("a", &[4, 3, 3]);
    assert!(failures(&d).is_empty());
    lie_too_few(&mut d[2]);
    let f = failures(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains(
            "its 10 critiques (3 in this period, 7 in the 2 period(s) rolled before it: \
             2026-11-02, 2026-11-09)"
        ),
        "{f:?}"
    );
    // The lie also makes the next release's periods wrong if the host
    // keeps the later release honest-looking: it must now cover the
    // falsely rolled week too.
    let mut d = sealed("a", &[4, 3, 3, 10]);
    lie_too_few(&mut d[2]);
    let f = failures(&d);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f[1].contains(
            "a 2026-11-23: the release covers 2026-11-02, 2026-11-09, 2026-11-16, 2026-11-23"
        ),
        "{f:?}"
    );
}

#[test]
fn a_release_or_a_not_protectable_roll_needs_the_minimum() {
    // 8 critiques released alone: below min_period 10.
    let mut d = sealed("a", &[12]);
    d[0].totals.critiques = 8;
    let f = failures(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("the release merges 8 critiques"), "{f:?}");
    // "Cannot be protected" for 8 critiques: sealing says too few first.
    let mut d = sealed("a", &[8]);
    d[0].rolled = Some(CANNOT_PROTECT.into());
    let f = failures(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("rolled as not protectable with 8 critiques"),
        "{f:?}"
    );
    // For 12 it may be true: not recomputable, so it passes.
    let mut d = sealed("a", &[12]);
    d[0].release = None;
    d[0].rolled = Some(CANNOT_PROTECT.into());
    assert!(failures(&d).is_empty(), "{:?}", failures(&d));
}

#[test]
fn a_release_must_cover_exactly_the_rolled_periods_and_its_own() {
    let honest = sealed("a", &[4, 3, 5, 10]);
    assert_eq!(
        honest[2].release.as_ref().unwrap().periods,
        ["2026-11-02", "2026-11-09", "2026-11-16"]
    );
    let periods = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    for (lie, what) in [
        (periods(&["2026-11-09", "2026-11-16"]), "drops the oldest"),
        (periods(&["2026-11-02", "2026-11-16"]), "drops one between"),
        (
            periods(&["2026-11-09", "2026-11-02", "2026-11-16"]),
            "out of order",
        ),
        (periods(&["2026-11-02", "2026-11-09"]), "without its own"),
        (
            periods(&["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]),
            "one never sealed",
        ),
    ] {
        let mut d = honest.clone();
        d[2].release.as_mut().unwrap().periods = lie;
        let f = failures(&d);
        assert_eq!(f.len(), 1, "{what}: {f:?}");
        assert!(
            f[0].starts_with("a 2026-11-16: the release covers 2026-11-02, 2026-11-09, 2026-11-16"),
            "{what}: {f:?}"
        );
    }
    // The release after a release covers only its own period.
    let mut d = honest.clone();
    d[3].release.as_mut().unwrap().periods = periods(&["2026-11-16", "2026-11-23"]);
    assert_eq!(failures(&d).len(), 1);
}

#[test]
fn a_digest_has_a_release_or_a_known_roll_reason_exactly_one() {
    let honest = sealed("a", &[8, 6]);
    let mut both = honest.clone();
    both[1].rolled = Some(TOO_FEW.into());
    let mut neither = honest.clone();
    neither[0].rolled = None;
    let mut unknown = honest.clone();
    unknown[0].rolled = Some("small".into());
    for (d, what) in [(both, "both"), (neither, "neither"), (unknown, "unknown")] {
        let f = failures(&d);
        assert_eq!(f.len(), 1, "{what}: {f:?}");
        assert!(
            f[0].contains("a release or a roll reason (too_few, cannot_protect), exactly one"),
            "{what}: {f:?}"
        );
    }
}

proptest! {
    /// Any sequence of weeks, sealed honestly, passes; calling any release
    /// "too few" fails, because a release always merged at least
    /// `min_period` (as the sealing code decides).
    #[test]
    fn honest_sequences_pass_and_every_false_too_few_fails(
        totals in prop::collection::vec(1u64..16, 1..10),
        k in 2u32..6,
    ) {
        let rules = Rules::new(k, 1, 2 * k - 1 + k).unwrap();
        let d = sealed_with("a", &totals, |_| rules);
        prop_assert!(failures(&d).is_empty(), "{:?}", failures(&d));
        for i in (0..d.len()).filter(|i| d[*i].release.is_some()) {
            let mut lie = d.clone();
            lie_too_few(&mut lie[i]);
            let f = failures(&lie);
            prop_assert!(
                f.iter().any(|f| f.contains("logged as too few, but")),
                "release {} called too few was not caught: {:?}", i, f
            );
        }
    }
}
