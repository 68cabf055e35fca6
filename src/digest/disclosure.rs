//! Disclosure control for digests (guarantee 4: nothing published can
//! single anyone out). Pure: counts in, published figures out.
//!
//! The rules, fixed when a round opens and afterwards only tightened
//! ([`Rules::tighten`]):
//! - A period is published only with at least `min_period` critiques
//!   (default 10); otherwise it rolls into the next ([`publish`] says
//!   [`Outcome::Roll`], [`merge`] adds rolled periods to the next one).
//! - A theme chosen by fewer than `k` (default 5) is shown as "fewer than
//!   k"; a theme that fewer than `k` did NOT choose is shown as "almost
//!   everyone"; every other theme is shown rounded to the nearest `base`
//!   (default 5), never below the first multiple of `base` that is ≥ `k`.
//! - The period's total is shown only as a band (see [`Band`]).
//! - Before release, [`is_protected`] checks that the figures, read
//!   together, leave every hidden cell completely open (see "What
//!   'recover' means" below). If not, the period rolls, like a small one.
//! - Trends ([`trend`]) and cross-organisation totals
//!   ([`cross_organisation`]) take published figures only, never counts,
//!   so they cannot add information; cross-organisation totals can carry
//!   two-sided geometric noise ([`Noise`]).
//! - An exact-count export ([`export_exact`]) uses complementary
//!   suppression (see [`suppress`]).
//!
//! # What "recover" means
//!
//! Each critique belongs to exactly one period and chooses 1-3 distinct
//! themes. A release describes one period, or several consecutive rolled
//! periods merged; releases never overlap, so figures from different
//! releases are about disjoint sets of critiques and subtracting across
//! periods learns nothing about a hidden cell. Trends and cross-organisation
//! totals are functions of released figures only. So it is enough to look
//! at one release at a time.
//!
//! Within a release an attacker knows: the total's band (or the exact
//! total, when it is published elsewhere: see [`TotalIs`]), `min_period`
//! (a released period has at least that many), each theme's figure, and the
//! rules (rounding, "almost everyone", that each critique picks 1-3 themes).
//! A *hidden value* is the count of a "fewer than k" theme, or the number of
//! people who did not choose an "almost everyone" theme; the release says
//! it lies in `0..k`. The release **protects** a hidden value when EVERY
//! value in `0..k` is possible: for each `v` in `0..k` there is a set of
//! critiques whose release would be identical and in which that hidden
//! value is `v`. So no subtraction across themes and total, however
//! clever, narrows a hidden value at all, not even to "at least one".
//! [`publish`] releases only protected periods; the property tests in this
//! module build such witness critique sets explicitly and re-release them.
//!
//! What this does not cover: the fact that a period rolled is visible
//! (that it was small, or could not be protected), and writing style can
//! identify an author whatever the counts say (SECURITY.md).

pub use crate::domain::{Rules, RulesError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The counts of one period (or of merged rolled periods): how many
/// critiques, and how many chose each theme. Every theme of the round
/// should be present, with 0 where nobody chose it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub total: u64,
    pub themes: BTreeMap<String, u64>,
}

/// Add up consecutive periods' counts (rolled periods and the one they
/// roll into).
pub fn merge(periods: &[Counts]) -> Counts {
    let mut out = Counts::default();
    for p in periods {
        out.total += p.total;
        for (slug, n) in &p.themes {
            *out.themes.entry(slug.clone()).or_insert(0) += n;
        }
    }
    out
}

/// A band for the total: 0-9, then the 1-2-5 ladder (10-19, 20-49, 50-99,
/// 100-199, 200-499, 500-999, 1,000-1,999, …). A band is always at least
/// ten wide, and at least as wide as the rounding of theme counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub low: u64,
    pub high: u64,
}

impl Band {
    pub fn of(total: u64) -> Self {
        if total < 10 {
            return Self { low: 0, high: 9 };
        }
        let mut low = 10u64;
        let mut step = 0;
        loop {
            // 10 → 20 → 50 → 100 → 200 → 500 → …
            let next = if step % 3 == 1 {
                (low / 2).checked_mul(5)
            } else {
                low.checked_mul(2)
            };
            let Some(next) = next else {
                return Self {
                    low,
                    high: u64::MAX,
                };
            };
            if total < next {
                return Self {
                    low,
                    high: next - 1,
                };
            }
            low = next;
            step += 1;
        }
    }

    /// "10-19", "1,000-1,999", "fewer than 10".
    pub fn label(&self) -> String {
        if self.low == 0 {
            format!("fewer than {}", self.high + 1)
        } else {
            format!("{}-{}", thousands(self.low), thousands(self.high))
        }
    }
}

/// `n` with commas between thousands: "1,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How one theme is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Figure {
    /// "fewer than k": the count is in `0..k`.
    FewerThan(u32),
    /// "about n": the count rounded (see [`Rules::rounded`]).
    About(u64),
    /// "almost everyone": fewer than k did NOT choose this theme.
    AlmostEveryone,
}

/// A released period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub total: Band,
    pub themes: BTreeMap<String, Figure>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Publish(Published),
    Roll(RollReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollReason {
    /// Fewer than `min_period` critiques.
    TooFew,
    /// The figures would narrow a hidden value (see the module docs).
    CannotProtect,
}

/// How one count is shown, given the period's total.
pub fn figure(count: u64, total: u64, rules: &Rules) -> Figure {
    let k = u64::from(rules.k());
    if count < k {
        Figure::FewerThan(rules.k())
    } else if total.saturating_sub(count) < k {
        Figure::AlmostEveryone
    } else {
        Figure::About(rules.rounded(count))
    }
}

/// What else the world knows about a release's total.
///
/// # Security contract
/// Pass [`TotalIs::Public`] whenever the exact number of critiques of the
/// period is published anywhere else. The transparency log does publish it
/// (every sealed period's leaves, and the totals auditors check), so
/// sealing must use `Public`; `Banded` is only right for figures whose
/// exact total is never released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalIs {
    /// Only the band is known.
    Banded,
    /// The exact total is known.
    Public,
}

/// Decide whether a period (or merged rolled periods) is released, and
/// what is shown.
pub fn publish(counts: &Counts, rules: &Rules, total: TotalIs) -> Outcome {
    publish_with(counts, rules, total, Picks::THEMES)
}

/// [`publish`] when each critique chooses `picks` themes: use
/// [`Picks::THEMES_OR_NONE`] for a round that takes answers without text.
pub fn publish_with(counts: &Counts, rules: &Rules, total: TotalIs, picks: Picks) -> Outcome {
    if counts.total < u64::from(rules.min_period()) {
        return Outcome::Roll(RollReason::TooFew);
    }
    let published = Published {
        total: Band::of(counts.total),
        themes: counts
            .themes
            .iter()
            .map(|(slug, n)| (slug.clone(), figure(*n, counts.total, rules)))
            .collect(),
    };
    let exact = (total == TotalIs::Public).then_some(counts.total);
    if is_protected_with(&published, rules, exact, picks) {
        Outcome::Publish(published)
    } else {
        Outcome::Roll(RollReason::CannotProtect)
    }
}

/// One release of a sequence of periods: which periods it covers (indices
/// into the input, consecutive) and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub periods: std::ops::Range<usize>,
    pub published: Published,
}

/// Walk ended periods in order, rolling each unreleasable one into the
/// next. Returns the releases and the periods still waiting (rolled, with
/// nothing after them yet).
pub fn settle(
    periods: &[Counts],
    rules: &Rules,
    total: TotalIs,
) -> (Vec<Release>, std::ops::Range<usize>) {
    let (releases, pending) = roll_up(periods.len(), |range| {
        match publish(&merge(&periods[range]), rules, total) {
            Outcome::Publish(p) => Some(p),
            Outcome::Roll(_) => None,
        }
    });
    let releases = releases
        .into_iter()
        .map(|(periods, published)| Release { periods, published })
        .collect();
    (releases, pending)
}

/// The roll-up of small periods, for themes and questions alike: walk
/// `n` ended periods in order; `release` says whether the periods in a
/// range (merged) can be released, and what shows. Returns each release
/// with the periods it covers, and the periods still waiting.
pub fn roll_up<T>(
    n: usize,
    mut release: impl FnMut(std::ops::Range<usize>) -> Option<T>,
) -> (Vec<(std::ops::Range<usize>, T)>, std::ops::Range<usize>) {
    let mut releases = Vec::new();
    let mut start = 0;
    for end in 1..=n {
        if let Some(shown) = release(start..end) {
            releases.push((start..end, shown));
            start = end;
        }
    }
    (releases, start..n)
}

/// The range a count can have, given the release, if the total were `t`.
pub(super) fn range_at(f: &Figure, t: u64, rules: &Rules) -> Option<(u64, u64)> {
    let k = u64::from(rules.k());
    let (lo, hi) = match *f {
        Figure::FewerThan(_) => (0, k - 1),
        Figure::AlmostEveryone => ((t + 1).saturating_sub(k).max(k), t),
        Figure::About(r) => {
            // Every count c with k ≤ c ≤ t − k that rounds to r.
            let b = u64::from(rules.base());
            let from = r.saturating_sub(b).max(k);
            let lo = (from..=r + b).find(|c| rules.rounded(*c) == r)?;
            let hi = (lo..=r + b).take_while(|c| rules.rounded(*c) == r).last()?;
            (lo, hi.min(t.saturating_sub(k)))
        }
    };
    let hi = hi.min(t);
    (lo <= hi).then_some((lo, hi))
}

/// True if every hidden value of the release is completely open (see the
/// module docs): for each "fewer than k" theme, every count in `0..k`, and
/// for each "almost everyone" theme, every number of non-choosers in
/// `0..k`, is consistent with the rest of the release.
///
/// For a candidate total `t`, each other theme's count lies in an interval
/// and their sum in the interval of the sums, which gives an interval of
/// possible hidden values ([`mark_hidden`]); the union over `t` must cover
/// `0..k`. `exact_total` is the total when it is public (see
/// [`TotalIs`]): then it is the only candidate. Beyond `t_max` below nothing new becomes possible, so the
/// search is finite.
pub fn is_protected(p: &Published, rules: &Rules, exact_total: Option<u64>) -> bool {
    is_protected_with(p, rules, exact_total, Picks::THEMES)
}

/// [`is_protected`] when each critique chooses `picks` themes.
pub fn is_protected_with(
    p: &Published,
    rules: &Rules,
    exact_total: Option<u64>,
    picks: Picks,
) -> bool {
    let k = u64::from(rules.k());
    let low = p.total.low.max(u64::from(rules.min_period()));
    // When the total is public, it is the only candidate.
    let (low, high) = match exact_total {
        Some(t) => (t, t),
        None => (low, p.total.high),
    };
    let fixed: u64 = p
        .themes
        .values()
        .map(|f| match f {
            Figure::FewerThan(_) => k,
            Figure::About(r) => r + u64::from(rules.base()),
            Figure::AlmostEveryone => 0,
        })
        .sum();
    let almost = p
        .themes
        .values()
        .filter(|f| **f == Figure::AlmostEveryone)
        .count() as u64;
    // With no "almost everyone" theme, the sum of counts (≥ t) is at most
    // `fixed`; with one to three, the constraints only loosen as t grows;
    // with four or more, 4(t − k + 1) ≤ 3t bounds t by 4k. When a
    // critique may choose no theme, the search stops at a bound of the
    // same kind: stopping early can only find fewer possibilities, so it
    // errs towards rolling, never towards releasing.
    let t_max = if picks != Picks::THEMES {
        low.max(fixed + k).max(4 * k) * picks.max.max(1) + 1
    } else if almost == 0 {
        fixed
    } else {
        low.max(fixed + k).max(4 * k) + 1
    };
    let t_max = t_max.min(high);
    let mut open: Vec<Hidden> = p
        .themes
        .values()
        .enumerate()
        .filter_map(|(i, f)| Hidden::of(i, f, rules))
        .collect();
    if open.is_empty() {
        return true;
    }
    for t in low..=t_max {
        let ranges: Vec<Option<(u64, u64)>> =
            p.themes.values().map(|f| range_at(f, t, rules)).collect();
        mark_hidden(t, &ranges, &mut open, picks, k);
        if open.iter().all(Hidden::all_seen) {
            return true;
        }
    }
    false
}

/// How many cells one person (a critique, or a respondent to a question)
/// counts in: from `min` to `max`. The attacker knows it from the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picks {
    pub min: u64,
    pub max: u64,
}

impl Picks {
    /// A critique chooses one to three themes.
    pub const THEMES: Picks = Picks { min: 1, max: 3 };
    /// In a round that takes answers without text, a submission chooses
    /// none to three themes.
    pub const THEMES_OR_NONE: Picks = Picks { min: 0, max: 3 };
}

/// One hidden value being checked: its cell, whether it counts the people
/// NOT in the cell ("almost everyone"), and which of `0..k` it can be, as
/// far as found.
pub(super) struct Hidden {
    pub cell: usize,
    pub complement: bool,
    pub seen: Vec<bool>,
}

impl Hidden {
    pub fn of(cell: usize, f: &Figure, rules: &Rules) -> Option<Self> {
        let complement = match f {
            Figure::FewerThan(_) => false,
            Figure::AlmostEveryone => true,
            Figure::About(_) => return None,
        };
        Some(Self {
            cell,
            complement,
            seen: vec![false; rules.k() as usize],
        })
    }

    pub fn all_seen(&self) -> bool {
        self.seen.iter().all(|s| *s)
    }
}

/// At total `t`, with each cell's possible counts in `ranges` (`None`:
/// impossible at this `t`), mark every value each hidden value can take.
///
/// People with `picks.min..=picks.max` cells each exist exactly when the
/// sum of counts is in `min·t..=max·t` and no count exceeds `t` (deal the
/// choices round-robin; see the tests). So for each hidden value the
/// other cells' counts give an interval of sums, and that an interval of
/// possible values.
pub(super) fn mark_hidden(
    t: u64,
    ranges: &[Option<(u64, u64)>],
    open: &mut [Hidden],
    picks: Picks,
    k: u64,
) {
    let impossible = ranges.iter().filter(|r| r.is_none()).count();
    let all_lo: u64 = ranges.iter().flatten().map(|r| r.0).sum();
    let all_hi: u64 = ranges.iter().flatten().map(|r| r.1).sum();
    let (least, most) = (picks.min * t, picks.max * t);
    for h in open {
        // The other cells' counts must all be possible at this t.
        let own = ranges[h.cell];
        if impossible > usize::from(own.is_none()) {
            continue;
        }
        let (own_lo, own_hi) = own.unwrap_or((0, 0));
        let (sum_lo, sum_hi) = (all_lo - own_lo, all_hi - own_hi);
        if sum_lo > most {
            continue;
        }
        // The hidden value v: this cell's count is v (fewer than k), or
        // t − v (almost everyone, which also needs t − v ≥ k). Then
        // sum_lo + count ≤ max·t and sum_hi + count ≥ min·t.
        let (v_lo, v_hi) = if h.complement {
            let lo = (sum_lo + t).saturating_sub(most);
            let hi = (sum_hi + t).saturating_sub(least);
            (lo, hi.min(t.saturating_sub(k)).min(k - 1))
        } else {
            (least.saturating_sub(sum_hi), (most - sum_lo).min(k - 1))
        };
        for v in v_lo..=v_hi {
            if let Some(slot) = h.seen.get_mut(v as usize) {
                *slot = true;
            }
        }
    }
}

/// A theme's change against the previous released period, shown only when
/// both sides are shown as numbers. Computed from released figures, so it
/// reveals nothing they do not.
pub fn trend(previous: Option<&Figure>, current: &Figure) -> Option<i64> {
    match (previous?, current) {
        (Figure::About(a), Figure::About(b)) => {
            Some(i64::try_from(*b).ok()? - i64::try_from(*a).ok()?)
        }
        _ => None,
    }
}

mod cross;
mod export;
pub mod questions;

pub use cross::{cross_organisation, two_sided_geometric, CrossTotal, Noise, RandomSource};
pub use export::{export_exact, suppress, ExactRelease, ExportError};

#[cfg(test)]
mod tests;
