//! Tests for disclosure control (guarantee 4). The property tests build
//! random critique sets, release them, and then try to find, for every
//! hidden value, a different critique set that releases identically but
//! gives the hidden value any other value in `0..k`: the definition of
//! "cannot be recovered" in the module docs, checked from first principles
//! (it does not call `is_protected`).

use super::*;
use proptest::prelude::*;

fn counts(total: u64, themes: &[(&str, u64)]) -> Counts {
    Counts {
        total,
        themes: themes.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect(),
    }
}

// ------------------------------------------------------------ rules

#[test]
fn the_default_rules_are_k5_base5_min_period10() {
    let r = Rules::default();
    assert_eq!((r.k(), r.base(), r.min_period()), (5, 5, 10));
    assert_eq!(Rules::with_k(8), Rules::new(8, 5, 15));
}

#[test]
fn rules_refuse_values_that_would_break_the_guarantee() {
    assert_eq!(Rules::new(1, 5, 10), Err(RulesError::MinGroup));
    assert_eq!(Rules::new(5, 0, 10), Err(RulesError::Base));
    assert_eq!(Rules::new(5, 5, 8), Err(RulesError::MinPeriod));
    assert!(Rules::new(5, 5, 9).is_ok());
}

#[test]
fn thresholds_cannot_be_lowered_after_opening() {
    let r = Rules::default();
    assert_eq!(r.tighten(4, 5, 10), Err(RulesError::Loosened));
    assert_eq!(r.tighten(5, 2, 10), Err(RulesError::Loosened));
    assert_eq!(r.tighten(5, 5, 9), Err(RulesError::Loosened));
    let tighter = r.tighten(10, 10, 25).unwrap();
    assert_eq!(tighter.tighten(5, 5, 10), Err(RulesError::Loosened));
}

#[test]
fn deserialising_rules_validates_them() {
    assert!(serde_json::from_str::<Rules>(r#"{"k":1,"base":5,"min_period":10}"#).is_err());
    let r: Rules = serde_json::from_str(r#"{"k":6,"base":5,"min_period":12}"#).unwrap();
    assert_eq!(r.k(), 6);
}

proptest! {
    #[test]
    fn tighten_never_gives_looser_rules(k in 2u32..20, b in 1u32..20, extra in 0u32..20,
                                        k2 in 0u32..40, b2 in 0u32..40, m2 in 0u32..80) {
        let r = Rules::new(k, b, 2 * k - 1 + extra).unwrap();
        if let Ok(t) = r.tighten(k2, b2, m2) {
            prop_assert!(t.k() >= r.k() && t.base() >= r.base() && t.min_period() >= r.min_period());
        }
    }
}

// ------------------------------------------------------------ figures

#[test]
fn counts_are_rounded_to_the_base_and_never_below_k() {
    let r = Rules::default();
    let shown: Vec<u64> = [5, 7, 8, 12, 13, 22, 23].map(|c| r.rounded(c)).to_vec();
    assert_eq!(shown, [5, 5, 10, 10, 15, 20, 25]);
    let r7 = Rules::new(7, 5, 13).unwrap();
    assert_eq!(r7.rounded(7), 10, "never shows a number below k");
}

#[test]
fn totals_are_shown_as_bands() {
    let labels: Vec<String> = [3, 10, 19, 20, 49, 50, 99, 100, 250, 999, 1000, 4321]
        .map(|t| Band::of(t).label())
        .to_vec();
    assert_eq!(
        labels,
        [
            "fewer than 10",
            "10-19",
            "10-19",
            "20-49",
            "20-49",
            "50-99",
            "50-99",
            "100-199",
            "200-499",
            "500-999",
            "1,000-1,999",
            "2,000-4,999"
        ]
    );
    assert_eq!(Band::of(u64::MAX).high, u64::MAX);
}

#[test]
fn a_theme_is_hidden_below_k_and_almost_everyone_when_few_did_not_raise_it() {
    let r = Rules::default();
    assert_eq!(figure(0, 20, &r), Figure::FewerThan(5));
    assert_eq!(figure(4, 20, &r), Figure::FewerThan(5));
    assert_eq!(figure(5, 20, &r), Figure::About(5));
    assert_eq!(figure(15, 20, &r), Figure::About(15));
    assert_eq!(figure(16, 20, &r), Figure::AlmostEveryone);
    assert_eq!(figure(20, 20, &r), Figure::AlmostEveryone);
}

#[test]
fn a_small_period_rolls_into_the_next() {
    let r = Rules::default();
    let first = counts(6, &[("a", 6), ("b", 0)]);
    let second = counts(9, &[("a", 5), ("b", 4)]);
    assert_eq!(
        publish(&first, &r, TotalIs::Public),
        Outcome::Roll(RollReason::TooFew)
    );
    let merged = merge(&[first.clone(), second.clone()]);
    assert_eq!(merged, counts(15, &[("a", 11), ("b", 4)]));
    let (releases, _) = settle(&[first.clone(), second.clone()], &r, TotalIs::Public);
    // Only 4 of the 15 did not raise "a".
    assert_eq!(releases[0].published.themes["a"], Figure::AlmostEveryone);
    let third = counts(12, &[("a", 7), ("b", 5)]);
    let (releases, pending) = settle(
        &[first, second, third, counts(3, &[("a", 3), ("b", 0)])],
        &r,
        TotalIs::Public,
    );
    assert_eq!(releases.len(), 2);
    assert_eq!(releases[0].periods, 0..2);
    assert_eq!(releases[1].periods, 2..3);
    assert_eq!(pending, 3..4, "the last small period waits");
    assert_eq!(releases[0].published.themes["b"], Figure::FewerThan(5));
    assert_eq!(releases[1].published.themes["a"], Figure::About(5));
    assert_eq!(releases[1].published.themes["b"], Figure::About(5));
}

#[test]
fn a_period_whose_figures_would_narrow_a_hidden_cell_rolls() {
    // Twenty critiques, one theme each. "b" and "c" round down from 7 to 5
    // and "d" is at most 4, so the others add up to at most 18 while the
    // band says at least 20: "a" would have to be at least 2.
    let r = Rules::default();
    let c = counts(20, &[("a", 4), ("b", 7), ("c", 7), ("d", 2)]);
    assert_eq!(
        publish(&c, &r, TotalIs::Banded),
        Outcome::Roll(RollReason::CannotProtect)
    );
    // With one more critique in "b" the figures leave "a" open.
    let c = counts(20, &[("a", 4), ("b", 8), ("c", 6), ("d", 2)]);
    assert!(matches!(
        publish(&c, &r, TotalIs::Banded),
        Outcome::Publish(_)
    ));
    assert!(matches!(
        publish(&c, &r, TotalIs::Public),
        Outcome::Publish(_)
    ));
}

#[test]
fn a_public_exact_total_is_taken_into_account() {
    // 23 critiques, one theme each. Knowing only the band (20-49), "a"
    // could be 0; knowing the total is exactly 23 (the transparency log
    // says so), the others add up to at most 7 + 7 + 7 = 21, so "a" would
    // be at least 2. Released with a band, rolled with a public total.
    let r = Rules::default();
    let c = counts(23, &[("a", 4), ("b", 7), ("c", 7), ("d", 5)]);
    assert!(matches!(
        publish(&c, &r, TotalIs::Banded),
        Outcome::Publish(_)
    ));
    assert_eq!(
        publish(&c, &r, TotalIs::Public),
        Outcome::Roll(RollReason::CannotProtect)
    );
}

#[test]
fn trends_need_both_sides_shown() {
    assert_eq!(
        trend(Some(&Figure::About(10)), &Figure::About(25)),
        Some(15)
    );
    assert_eq!(trend(Some(&Figure::FewerThan(5)), &Figure::About(25)), None);
    assert_eq!(
        trend(Some(&Figure::About(10)), &Figure::AlmostEveryone),
        None
    );
    assert_eq!(trend(None, &Figure::About(10)), None);
}

// ------------------------------------------------------------ cross-organisation

/// A fixed sequence of words, so noise is deterministic in tests.
struct Fixed(Vec<u64>, usize);
impl RandomSource for Fixed {
    fn next_u64(&mut self) -> u64 {
        let w = self.0[self.1 % self.0.len()];
        self.1 += 1;
        w
    }
}

/// xorshift64*, for the distribution test only.
struct XorShift(u64);
impl RandomSource for XorShift {
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn release(themes: &[(&str, Figure)]) -> Published {
    Published {
        total: Band::of(40),
        themes: themes.iter().map(|(s, f)| ((*s).to_owned(), *f)).collect(),
    }
}

#[test]
fn cross_organisation_totals_add_only_released_numbers() {
    let a = release(&[("x", Figure::About(10)), ("y", Figure::FewerThan(5))]);
    let b = release(&[("x", Figure::About(25)), ("y", Figure::AlmostEveryone)]);
    let t = cross_organisation(&[&a, &b], None);
    assert_eq!(t["x"].value, 35);
    assert_eq!(t["x"].counted, 2);
    assert_eq!(
        (t["y"].value, t["y"].fewer_than, t["y"].almost_everyone),
        (0, 1, 1)
    );
}

#[test]
fn noise_is_deterministic_given_the_random_source_and_never_negative() {
    let a = release(&[("x", Figure::About(10)), ("y", Figure::FewerThan(5))]);
    let noise = Noise::default();
    let run = || {
        let mut rng = Fixed(vec![u64::MAX / 3, u64::MAX / 7 * 6, 12345, u64::MAX], 0);
        cross_organisation(&[&a], Some((&noise, &mut rng)))
    };
    assert_eq!(run(), run());
    // A word of all ones is u = 1, a draw of 0; a word of zeros is
    // u = 2^-53, a draw of floor(53 ln 2 / (1/3)) = 110.
    let mut down = Fixed(vec![u64::MAX, 0], 0);
    assert_eq!(two_sided_geometric(noise.alpha(), &mut down), -110);
    let mut down = Fixed(vec![u64::MAX, 0], 0);
    let t = cross_organisation(&[&a], Some((&noise, &mut down)));
    assert_eq!((t["x"].value, t["y"].value), (0, 0), "clamped at zero");
    let mut up = Fixed(vec![0, u64::MAX], 0);
    let t = cross_organisation(&[&a], Some((&noise, &mut up)));
    assert_eq!((t["x"].value, t["y"].value), (120, 110));
}

#[test]
fn geometric_noise_has_the_documented_spread() {
    // Variance of the two-sided geometric distribution is 2α/(1−α)².
    let noise = Noise::default();
    assert_eq!((noise.epsilon(), noise.sensitivity()), (1.0, 3));
    let alpha = noise.alpha();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let n = 200_000;
    let draws: Vec<f64> = (0..n)
        .map(|_| two_sided_geometric(alpha, &mut rng) as f64)
        .collect();
    let mean = draws.iter().sum::<f64>() / n as f64;
    let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / n as f64;
    let expected = 2.0 * alpha / (1.0 - alpha).powi(2);
    assert!(mean.abs() < 0.1, "mean {mean}");
    assert!(
        (var - expected).abs() / expected < 0.05,
        "variance {var}, expected {expected}"
    );
}

#[test]
fn noise_parameters_are_validated() {
    assert!(Noise::new(0.0).is_none());
    assert!(Noise::new(f64::NAN).is_none());
    assert!(Noise::new(-1.0).is_none());
    assert!((Noise::new(0.5).unwrap().alpha() - (-0.5f64 / 3.0).exp()).abs() < 1e-12);
}

// ------------------------------------------------------------ exact export

#[test]
fn exact_export_suppresses_small_cells_and_their_complements() {
    let cells = vec![vec![3, 20, 30], vec![12, 40, 9], vec![25, 18, 50]];
    let out = export_exact(&cells, 5).unwrap();
    assert_eq!(out.cells[0][0], None);
    let hidden = suppress(&cells, 5).unwrap();
    for row in &hidden {
        let n = row.iter().filter(|h| **h).count();
        assert!(n == 0 || n >= 2);
    }
    assert_eq!(out.row_totals, vec![53, 61, 93]);
    assert_eq!(out.grand_total, 207);
}

#[test]
fn two_per_line_is_not_enough_and_bridges_are_removed() {
    // Two suppressed rectangles joined by one cell: every row and column
    // has two or more suppressed cells, yet the joining cell is fixed.
    let mut hidden = vec![vec![false; 4]; 4];
    for (r, c) in [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
        (2, 2),
        (2, 3),
        (3, 2),
        (3, 3),
        (0, 2),
    ] {
        hidden[r][c] = true;
    }
    assert!(export::tests_support::is_bridge(&hidden, 0, 2));
    assert!(determined_cells(&hidden).contains(&(0, 2)));
}

#[test]
fn an_export_without_small_cells_hides_nothing_and_a_single_row_with_one_is_refused() {
    assert_eq!(
        suppress(&[vec![5, 6]], 5).unwrap(),
        vec![vec![false, false]]
    );
    assert_eq!(suppress(&[vec![5, 2]], 5), Err(ExportError::TooSmall));
    assert_eq!(
        suppress(&[vec![5, 2], vec![1]], 5),
        Err(ExportError::Ragged)
    );
}

/// Cells fixed by the released numbers: Gaussian elimination over the row
/// and column equations of the suppressed cells. A cell is fixed exactly
/// when its unit vector lies in the span of the equations. Independent of
/// the bridge argument used by `suppress`.
fn determined_cells(hidden: &[Vec<bool>]) -> Vec<(usize, usize)> {
    let vars: Vec<(usize, usize)> = hidden
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, h)| **h)
                .map(move |(c, _)| (r, c))
        })
        .collect();
    let rows = hidden.len();
    let cols = hidden.first().map_or(0, Vec::len);
    let mut eqs: Vec<Vec<f64>> = Vec::new();
    for r in 0..rows {
        eqs.push(
            vars.iter()
                .map(|v| if v.0 == r { 1.0 } else { 0.0 })
                .collect(),
        );
    }
    for c in 0..cols {
        eqs.push(
            vars.iter()
                .map(|v| if v.1 == c { 1.0 } else { 0.0 })
                .collect(),
        );
    }
    let base = rank(eqs.clone());
    vars.iter()
        .enumerate()
        .filter(|(i, _)| {
            let mut with = eqs.clone();
            with.push(
                (0..vars.len())
                    .map(|j| if j == *i { 1.0 } else { 0.0 })
                    .collect(),
            );
            rank(with) == base
        })
        .map(|(_, v)| *v)
        .collect()
}

fn rank(mut m: Vec<Vec<f64>>) -> usize {
    let cols = m.first().map_or(0, Vec::len);
    let mut rank = 0;
    for c in 0..cols {
        let Some(p) = (rank..m.len()).max_by(|a, b| m[*a][c].abs().total_cmp(&m[*b][c].abs()))
        else {
            break;
        };
        if m[p][c].abs() < 1e-9 {
            continue;
        }
        m.swap(rank, p);
        let pivot = m[rank].clone();
        for (r, row) in m.iter_mut().enumerate() {
            if r != rank {
                let f = row[c] / pivot[c];
                for (x, p) in row.iter_mut().zip(&pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
        rank += 1;
    }
    rank
}

proptest! {
    #[test]
    fn exact_export_never_lets_a_suppressed_cell_be_worked_out(
        cells in (2usize..6, 2usize..6).prop_flat_map(|(r, c)| {
            proptest::collection::vec(proptest::collection::vec(prop_oneof![0u64..5, 5u64..60], c), r)
        }),
        k in 2u32..6,
    ) {
        let hidden = suppress(&cells, k).unwrap();
        for (row, h) in cells.iter().zip(&hidden) {
            for (c, h) in row.iter().zip(h) {
                prop_assert!(*c >= u64::from(k) || *h, "every small cell is suppressed");
            }
            let n = h.iter().filter(|h| **h).count();
            prop_assert!(n == 0 || n >= 2);
        }
        for c in 0..hidden[0].len() {
            let n = hidden.iter().filter(|r| r[c]).count();
            prop_assert!(n == 0 || n >= 2);
        }
        prop_assert_eq!(determined_cells(&hidden), vec![]);
    }
}

// ------------------------------------------------------------ the main property

/// One period: each critique is the list of theme indices it chose.
type Period = Vec<Vec<usize>>;

fn slug(i: usize) -> String {
    format!("t{i}")
}

fn count(period: &[Vec<usize>], themes: usize) -> Counts {
    let mut c = Counts {
        total: period.len() as u64,
        themes: (0..themes).map(|i| (slug(i), 0)).collect(),
    };
    for critique in period {
        for t in critique {
            *c.themes.entry(slug(*t)).or_insert(0) += 1;
        }
    }
    c
}

/// The totals an attacker cannot rule out: the exact one if public, else
/// the band from `min_period` up (capped for test speed; test totals stay
/// far below the cap).
fn candidate_totals(
    published: &Published,
    rules: &Rules,
    exact: Option<u64>,
) -> std::ops::RangeInclusive<u64> {
    match exact {
        Some(t) => t..=t,
        None => {
            let low = published.total.low.max(u64::from(rules.min_period()));
            low..=published.total.high.min(low + 300)
        }
    }
}

/// Critiques with these theme counts: deal every theme's choices round
/// robin over `total` critiques. Each count ≤ total keeps a critique's
/// themes distinct; a sum in total..=3·total gives each 1-3 themes.
fn deal(theme_counts: &[(String, u64)], total: u64) -> Vec<Vec<String>> {
    let mut critiques = vec![Vec::new(); total as usize];
    let mut p = 0usize;
    for (slug, n) in theme_counts {
        for _ in 0..*n {
            critiques[p % total as usize].push(slug.clone());
            p += 1;
        }
    }
    critiques
}

/// Search for critiques that release exactly `published` and in which the
/// hidden value of `target` is `v`. Every count is found by brute force
/// from `figure`, and the witness is checked by releasing it again.
fn witness(published: &Published, rules: &Rules, exact: Option<u64>, target: &str, v: u64) -> bool {
    witness_picking(published, rules, exact, target, v, Picks::THEMES)
}

/// [`witness`] when each critique chooses `picks` themes.
fn witness_picking(
    published: &Published,
    rules: &Rules,
    exact: Option<u64>,
    target: &str,
    v: u64,
    picks: Picks,
) -> bool {
    for t in candidate_totals(published, rules, exact) {
        let mut chosen: Vec<(String, u64)> = Vec::new();
        let mut spare: Vec<u64> = Vec::new();
        let mut ok = true;
        for (slug, f) in &published.themes {
            if slug == target {
                let c = if *f == Figure::AlmostEveryone {
                    t.saturating_sub(v)
                } else {
                    v
                };
                ok &= figure(c, t, rules) == *f;
                chosen.push((slug.clone(), c));
                spare.push(0);
                continue;
            }
            let fits: Vec<u64> = (0..=t).filter(|c| figure(*c, t, rules) == *f).collect();
            match (fits.first(), fits.last()) {
                (Some(lo), Some(hi)) => {
                    chosen.push((slug.clone(), *lo));
                    spare.push(hi - lo);
                }
                _ => ok = false,
            }
        }
        if !ok {
            continue;
        }
        let mut sum: u64 = chosen.iter().map(|c| c.1).sum();
        for (c, s) in chosen.iter_mut().zip(&spare) {
            let add = (*s).min((picks.min * t).saturating_sub(sum));
            c.1 += add;
            sum += add;
        }
        if sum < picks.min * t || sum > picks.max * t {
            continue;
        }
        let critiques = deal(&chosen, t);
        if critiques
            .iter()
            .any(|c| (c.len() as u64) < picks.min || c.len() as u64 > picks.max)
        {
            continue;
        }
        let mut again = Counts {
            total: t,
            themes: published.themes.keys().map(|s| (s.clone(), 0)).collect(),
        };
        for c in &critiques {
            for s in c {
                *again.themes.entry(s.clone()).or_insert(0) += 1;
            }
        }
        let seen = if exact.is_some() {
            TotalIs::Public
        } else {
            TotalIs::Banded
        };
        if publish_with(&again, rules, seen, picks) == Outcome::Publish(published.clone()) {
            return true;
        }
    }
    false
}

fn critique(themes: usize) -> impl Strategy<Value = Vec<usize>> {
    let all: Vec<usize> = (0..themes).collect();
    prop_oneof![
        proptest::sample::subsequence(all, 1..=3.min(themes)),
        (0..themes).prop_map(|t| vec![t]),
        Just(vec![0]),
        Just(vec![0, 1]),
        Just(vec![1]),
    ]
}

fn periods() -> impl Strategy<Value = (usize, Vec<Period>)> {
    (2usize..7).prop_flat_map(|themes| {
        (
            Just(themes),
            proptest::collection::vec(proptest::collection::vec(critique(themes), 0..45), 1..5),
        )
    })
}

fn rules() -> impl Strategy<Value = Rules> {
    (
        2u32..7,
        prop_oneof![Just(1u32), Just(2), Just(5), Just(10)],
        0u32..8,
    )
        .prop_map(|(k, b, extra)| Rules::new(k, b, (2 * k - 1).max(10) + extra).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// For random critique sets over several periods: releases cover
    /// disjoint runs of consecutive periods (so nothing can be subtracted
    /// across periods), each shows the merged counts' figures, and every
    /// hidden value of every release can be anything in 0..k with the
    /// release unchanged (so nothing can be subtracted across themes and
    /// the total either).
    #[test]
    fn no_release_lets_anyone_recover_a_hidden_value(
        (themes, periods) in periods(), rules in rules(), public in any::<bool>()
    ) {
        let seen = if public { TotalIs::Public } else { TotalIs::Banded };
        let all: Vec<Counts> = periods.iter().map(|p| count(p, themes)).collect();
        let (releases, pending) = settle(&all, &rules, seen);
        let mut next = 0;
        for r in &releases {
            prop_assert_eq!(r.periods.start, next, "releases are consecutive and disjoint");
            next = r.periods.end;
            let merged = merge(&all[r.periods.clone()]);
            prop_assert!(merged.total >= u64::from(rules.min_period()));
            prop_assert_eq!(r.published.total, Band::of(merged.total));
            for (slug, f) in &r.published.themes {
                prop_assert_eq!(*f, figure(merged.themes[slug], merged.total, &rules));
                if matches!(f, Figure::FewerThan(_) | Figure::AlmostEveryone) {
                    for v in 0..u64::from(rules.k()) {
                        prop_assert!(
                            witness(&r.published, &rules, public.then_some(merged.total), slug, v),
                            "hidden value of {} could not be {} in {:?}", slug, v, r.published
                        );
                    }
                }
            }
        }
        prop_assert_eq!(pending.start, next);
        prop_assert_eq!(pending.end, all.len());
    }
}

proptest! {
    /// The protection check agrees with the first-principles witness search
    /// on single periods, including the ones it refuses.
    #[test]
    fn the_protection_check_matches_the_witness_search(
        (themes, period) in (2usize..7).prop_flat_map(|m| {
            (Just(m), proptest::collection::vec(critique(m), 17..60))
        }),
        rules in rules(),
        public in any::<bool>(),
    ) {
        let c = count(&period, themes);
        let exact = public.then_some(c.total);
        prop_assume!(c.total >= u64::from(rules.min_period()));
        let published = Published {
            total: Band::of(c.total),
            themes: c.themes.iter().map(|(s, n)| (s.clone(), figure(*n, c.total, &rules))).collect(),
        };
        let by_witness = published.themes.iter().all(|(slug, f)| {
            !matches!(f, Figure::FewerThan(_) | Figure::AlmostEveryone)
                || (0..u64::from(rules.k())).all(|v| witness_unchecked(&published, &rules, exact, slug, v))
        });
        prop_assert_eq!(is_protected(&published, &rules, exact), by_witness);
    }
}

proptest! {
    /// The same on tight periods, where every critique chose exactly one
    /// theme and the total sits near a band's lower edge: the cases where
    /// a release could narrow a hidden value.
    #[test]
    fn the_protection_check_matches_the_witness_search_on_tight_periods(
        theme_counts in proptest::collection::vec(0u64..16, 2..5),
        rules in rules(),
        public in any::<bool>(),
    ) {
        // Top up the first theme to reach the minimum period size.
        let mut theme_counts = theme_counts;
        let short = u64::from(rules.min_period()).saturating_sub(theme_counts.iter().sum());
        theme_counts[0] += short;
        let c = Counts {
            total: theme_counts.iter().sum(),
            themes: theme_counts.iter().enumerate().map(|(i, n)| (slug(i), *n)).collect(),
        };
        let exact = public.then_some(c.total);
        let seen = if public { TotalIs::Public } else { TotalIs::Banded };
        let published = Published {
            total: Band::of(c.total),
            themes: c.themes.iter().map(|(s, n)| (s.clone(), figure(*n, c.total, &rules))).collect(),
        };
        let by_witness = published.themes.iter().all(|(slug, f)| {
            !matches!(f, Figure::FewerThan(_) | Figure::AlmostEveryone)
                || (0..u64::from(rules.k())).all(|v| witness_unchecked(&published, &rules, exact, slug, v))
        });
        prop_assert_eq!(is_protected(&published, &rules, exact), by_witness);
        // And whenever publish releases it, a full witness re-releases it.
        if let Outcome::Publish(p) = publish(&c, &rules, seen) {
            for (slug, f) in &p.themes {
                if matches!(f, Figure::FewerThan(_) | Figure::AlmostEveryone) {
                    for v in 0..u64::from(rules.k()) {
                        prop_assert!(witness(&p, &rules, exact, slug, v));
                    }
                }
            }
        }
    }
}

/// Like `witness`, but only asks that the witness's FIGURES match (not that
/// it is released): used to test `is_protected` itself.
fn witness_unchecked(
    published: &Published,
    rules: &Rules,
    exact: Option<u64>,
    target: &str,
    v: u64,
) -> bool {
    candidate_totals(published, rules, exact).any(|t| {
        let mut lo_sum = 0;
        let mut hi_sum = 0;
        for (slug, f) in &published.themes {
            let fits: Vec<u64> = if slug == target {
                let c = if *f == Figure::AlmostEveryone {
                    t.saturating_sub(v)
                } else {
                    v
                };
                if v > t || figure(c, t, rules) != *f {
                    return false;
                }
                vec![c]
            } else {
                (0..=t).filter(|c| figure(*c, t, rules) == *f).collect()
            };
            let (Some(lo), Some(hi)) = (fits.first(), fits.last()) else {
                return false;
            };
            lo_sum += lo;
            hi_sum += hi;
        }
        lo_sum <= 3 * t && hi_sum >= t
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// The same guarantee in a round that takes answers without text,
    /// where a submission may choose no theme at all.
    #[test]
    fn no_release_lets_anyone_recover_a_hidden_value_when_a_critique_may_choose_no_theme(
        (themes, periods) in (2usize..6).prop_flat_map(|themes| {
            let critique = prop_oneof![2 => critique(themes), 1 => Just(Vec::new())];
            (
                Just(themes),
                proptest::collection::vec(proptest::collection::vec(critique, 0..45), 1..4),
            )
        }),
        rules in rules(),
    ) {
        let all: Vec<Counts> = periods.iter().map(|p| count(p, themes)).collect();
        let (releases, _) = roll_up(all.len(), |range| {
            match publish_with(&merge(&all[range]), &rules, TotalIs::Public, Picks::THEMES_OR_NONE) {
                Outcome::Publish(p) => Some(p),
                Outcome::Roll(_) => None,
            }
        });
        for (range, published) in &releases {
            let merged = merge(&all[range.clone()]);
            for (slug, f) in &published.themes {
                if matches!(f, Figure::FewerThan(_) | Figure::AlmostEveryone) {
                    for v in 0..u64::from(rules.k()) {
                        prop_assert!(
                            witness_picking(published, &rules, Some(merged.total), slug, v, Picks::THEMES_OR_NONE),
                            "hidden value of {} could not be {} in {:?}", slug, v, published
                        );
                    }
                }
            }
        }
    }
}
