//! Disclosure control for a round's questions (issue 20): the same
//! guarantee as for themes (no hidden value can be narrowed at all, see
//! the parent module), for each question's distribution of answers.
//!
//! # The model
//!
//! A release of a question covers one or more consecutive ended periods
//! with `total` submissions between them: the attacker knows `total`
//! exactly (the transparency log publishes every period's number of
//! critiques). Of them, `respondents` answered the question; each chose
//! one option (`scale`, `choice`) or one to `max` options (`multi`).
//! Every option is a cell; a question that is not required has one more
//! cell, **no answer** (`total − respondents`), so that a small number of
//! people who skipped it is protected like any other small group.
//!
//! - Each option is shown, relative to `respondents`, as "fewer than k",
//!   rounded, or "almost everyone" ([`super::figure`]); "no answer" the
//!   same, relative to `total`. The number of respondents is stated only
//!   as far as the total and the "no answer" figure already tell.
//! - If every hidden value is then completely open (for every `v` in
//!   `0..k`, some set of answers gives the same release), the release
//!   stands, exactly as for themes.
//! - Otherwise, **complementary suppression**: the rounded cell nearest
//!   the first hidden one (in the question's order, "no answer" last) is
//!   withheld ("not shown"). The choice depends only on which cells are
//!   hidden, which the release shows. Seeing a cell withheld tells the
//!   attacker that its rounded value was one for which the release could
//!   not stand as it was; so the check of the withheld release considers
//!   exactly those values of the cell (each a "world"), no more: every
//!   hidden value must be completely open in some world. If it is not,
//!   or if fewer than `min_period` people answered, the question's counts
//!   roll into the next period's: each question rolls up on its own
//!   ([`settle_question`]), the same way as themes. (With rounding, the
//!   cell's possible values are few, so this mostly rolls; withholding
//!   earns its keep with exact or finely rounded counts.)
//!
//! # Why questions can be released one at a time
//!
//! Each release shows one question's marginal counts over one set of
//! periods, and releases of the same question never overlap. Any pairing of
//! one question's answers with another question's answers, or with themes,
//! is consistent with every release (answers can be shuffled between people
//! of the same periods without changing any published figure). So a
//! witness for one question never conflicts with the others' releases, and
//! checking each question alone is enough. This holds only because nothing
//! cross-tabulates them: see docs/disclosure.md for why there is no
//! cross-tabulation.

use super::{mark_hidden, range_at, roll_up, Figure, Hidden, Picks, RollReason, Rules};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The counts of one question over one period (or merged periods).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionCounts {
    /// Submissions in the period(s), answering or not: the public total.
    pub total: u64,
    /// Of them, how many answered this question.
    pub respondents: u64,
    /// Every option of the question, in its order, with how many chose it
    /// (0 where nobody did).
    pub options: Vec<(String, u64)>,
}

impl QuestionCounts {
    /// Add up consecutive periods' counts of the same question.
    pub fn merge(periods: &[QuestionCounts]) -> QuestionCounts {
        let mut out = QuestionCounts::default();
        for p in periods {
            out.total += p.total;
            out.respondents += p.respondents;
            for (id, n) in &p.options {
                match out.options.iter_mut().find(|(o, _)| o == id) {
                    Some((_, m)) => *m += n,
                    None => out.options.push((id.clone(), *n)),
                }
            }
        }
        out
    }
}

/// What the attacker knows of a question from the rules of the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The most options one respondent may choose: 1 for a scale or a
    /// choice.
    pub max_choices: u64,
    /// Every submission answers it: there is no "no answer" cell.
    pub required: bool,
}

/// How one cell of a question is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Shown {
    /// "fewer than k".
    FewerThan(u32),
    /// "about n".
    About(u64),
    /// "almost everyone".
    AlmostEveryone,
    /// "not shown": withheld so that a hidden cell stays hidden.
    Withheld,
}

impl From<Figure> for Shown {
    fn from(f: Figure) -> Self {
        match f {
            Figure::FewerThan(k) => Self::FewerThan(k),
            Figure::About(n) => Self::About(n),
            Figure::AlmostEveryone => Self::AlmostEveryone,
        }
    }
}

impl Shown {
    /// The theme-style figure, unless withheld.
    pub fn figure(self) -> Option<Figure> {
        match self {
            Self::FewerThan(k) => Some(Figure::FewerThan(k)),
            Self::About(n) => Some(Figure::About(n)),
            Self::AlmostEveryone => Some(Figure::AlmostEveryone),
            Self::Withheld => None,
        }
    }

    /// True for the cells whose value must stay hidden.
    fn hides(self) -> bool {
        matches!(self, Self::FewerThan(_) | Self::AlmostEveryone)
    }
}

/// A released question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedQuestion {
    /// How many answered, rounded, as far as the public total and the "no
    /// answer" figure tell (`None` when "no answer" is withheld).
    pub respondents: Option<u64>,
    /// Every option, in the question's order.
    pub options: Vec<(String, Shown)>,
    /// How many did not answer; `None` when the question is required.
    pub no_answer: Option<Shown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionOutcome {
    Publish(PublishedQuestion),
    Roll(RollReason),
}

/// Decide whether a question's counts (one period, or merged rolled
/// periods) are released, and what is shown (see the module docs).
pub fn publish_question(c: &QuestionCounts, rules: &Rules, shape: Shape) -> QuestionOutcome {
    if c.respondents < u64::from(rules.min_period()) {
        return QuestionOutcome::Roll(RollReason::TooFew);
    }
    // A required question is answered in every submission; if the counts
    // say otherwise, treat it as optional, which protects "no answer" too.
    let required = shape.required && c.respondents == c.total;
    let mut cells: Vec<Shown> = c
        .options
        .iter()
        .map(|(_, n)| super::figure(*n, c.respondents, rules).into())
        .collect();
    if !required {
        let skipped = c.total.saturating_sub(c.respondents);
        cells.push(super::figure(skipped, c.total, rules).into());
    }
    let view = View {
        total: c.total,
        required,
        picks: Picks {
            min: 1,
            max: shape.max_choices,
        },
        rules,
    };
    let released = if view.protected(&[&cells]) {
        Some(cells)
    } else {
        complement(&cells).and_then(|at| {
            // Every value the complement could have had for this release
            // to need it: the attacker knows no more than that.
            let worlds = view.unprotected_values(&cells, at);
            let trials: Vec<Vec<Shown>> = worlds
                .iter()
                .map(|m| {
                    let mut t = cells.clone();
                    t[at] = Shown::About(*m);
                    t
                })
                .collect();
            let refs: Vec<&[Shown]> = trials.iter().map(Vec::as_slice).collect();
            view.protected(&refs).then(|| {
                cells[at] = Shown::Withheld;
                cells
            })
        })
    };
    match released {
        Some(mut cells) => {
            let no_answer = (!required).then(|| cells.pop()).flatten();
            QuestionOutcome::Publish(PublishedQuestion {
                respondents: view.respondents_shown(no_answer),
                options: c
                    .options
                    .iter()
                    .map(|(id, _)| id.clone())
                    .zip(cells)
                    .collect(),
                no_answer,
            })
        }
        None => QuestionOutcome::Roll(RollReason::CannotProtect),
    }
}

/// One release of a question: the periods it covers (indices into the
/// input, consecutive) and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRelease {
    pub periods: Range<usize>,
    pub published: PublishedQuestion,
}

/// Walk a question's ended periods in order, rolling each unreleasable run
/// into the next, as [`super::settle`] does for themes. Returns the
/// releases and the periods still waiting.
pub fn settle_question(
    periods: &[QuestionCounts],
    rules: &Rules,
    shape: Shape,
) -> (Vec<QuestionRelease>, Range<usize>) {
    let (releases, pending) = roll_up(periods.len(), |range| {
        match publish_question(&QuestionCounts::merge(&periods[range]), rules, shape) {
            QuestionOutcome::Publish(p) => Some(p),
            QuestionOutcome::Roll(_) => None,
        }
    });
    let releases = releases
        .into_iter()
        .map(|(periods, published)| QuestionRelease { periods, published })
        .collect();
    (releases, pending)
}

/// The complement of a question with a hidden cell: the rounded cell
/// nearest the first hidden one, the earlier on a tie. Depends only on
/// which cells are hidden, which the release shows.
fn complement(cells: &[Shown]) -> Option<usize> {
    let first = cells.iter().position(|c| c.hides())?;
    cells
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Shown::About(_)))
        .min_by_key(|(i, _)| (i.abs_diff(first), *i))
        .map(|(i, _)| i)
}

/// What the attacker knows besides the cells.
struct View<'a> {
    total: u64,
    required: bool,
    picks: Picks,
    rules: &'a Rules,
}

impl View<'_> {
    fn k(&self) -> u64 {
        u64::from(self.rules.k())
    }

    /// The number of respondents the release states: a function of the
    /// public total and the "no answer" figure only, so it adds nothing.
    /// The total when required; the total less the shown "no answer"; the
    /// total when fewer than k skipped; unknown when "no answer" is
    /// withheld.
    fn respondents_shown(&self, no_answer: Option<Shown>) -> Option<u64> {
        let r = match no_answer {
            None | Some(Shown::FewerThan(_)) => self.total,
            Some(Shown::About(n)) => self.total.saturating_sub(n),
            Some(Shown::AlmostEveryone | Shown::Withheld) => return None,
        };
        Some(self.rules.rounded(r))
    }

    /// The respondents counts consistent with the cells: exactly the total
    /// when required; otherwise total − no answer, for each possible "no
    /// answer", if at least the minimum period.
    fn candidates(&self, cells: &[Shown]) -> impl Iterator<Item = u64> {
        let (lo, hi) = match (self.required, cells.last()) {
            (true, _) => (0, 0),
            (false, Some(s)) => self.range(*s, self.total).unwrap_or((1, 0)),
            (false, None) => (1, 0),
        };
        let none = lo > hi || lo > self.total;
        let top = self.total.saturating_sub(lo);
        let bottom = self
            .total
            .saturating_sub(hi)
            .max(u64::from(self.rules.min_period()));
        (bottom..=top).filter(move |_| !none)
    }

    /// The counts a cell can have out of `of` people; `None` if none (a
    /// withheld cell is never checked as such: see [`Self::protected`]).
    fn range(&self, s: Shown, of: u64) -> Option<(u64, u64)> {
        range_at(&s.figure()?, of, self.rules)
    }

    /// The options' ranges out of `r` respondents.
    fn option_ranges(&self, cells: &[Shown], r: u64) -> Vec<Option<(u64, u64)>> {
        let options = if self.required {
            cells
        } else {
            &cells[..cells.len() - 1]
        };
        options.iter().map(|s| self.range(*s, r)).collect()
    }

    /// Some answers give these figures with `r` respondents.
    fn feasible_at(&self, ranges: &[Option<(u64, u64)>], r: u64) -> bool {
        let Some(ranges) = ranges.iter().copied().collect::<Option<Vec<_>>>() else {
            return false;
        };
        let lo: u64 = ranges.iter().map(|r| r.0).sum();
        let hi: u64 = ranges.iter().map(|r| r.1).sum();
        lo <= self.picks.max * r && hi >= self.picks.min * r
    }

    /// True if every hidden value can be anything in `0..k` in at least
    /// one of `worlds`: alternatives for the same release that differ only
    /// in a withheld cell's rounded value (one world when nothing is
    /// withheld). All worlds share which cells are hidden.
    fn protected(&self, worlds: &[&[Shown]]) -> bool {
        let Some(cells) = worlds.first() else {
            return false;
        };
        let k = self.k();
        let n_options = cells.len() - usize::from(!self.required);
        let mut open: Vec<Hidden> = cells[..n_options]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Hidden::of(i, &s.figure()?, self.rules))
            .collect();
        // "No answer" hidden: its count is total − r. ("Almost everyone"
        // skipping would leave fewer than k respondents, below any minimum
        // period: no candidate, so never released.)
        let mut skipped: Option<Vec<bool>> = cells
            .get(n_options)
            .filter(|s| s.hides())
            .map(|_| vec![false; k as usize]);
        if open.is_empty() && skipped.is_none() {
            return true;
        }
        for cells in worlds {
            for r in self.candidates(cells) {
                let ranges = self.option_ranges(cells, r);
                mark_hidden(r, &ranges, &mut open, self.picks, k);
                if let Some(seen) = skipped.as_mut() {
                    if self.feasible_at(&ranges, r) {
                        if let Some(slot) = seen.get_mut((self.total - r) as usize) {
                            *slot = true;
                        }
                    }
                }
            }
        }
        open.iter().all(Hidden::all_seen) && skipped.is_none_or(|s| s.iter().all(|x| *x))
    }

    /// The rounded values cell `at` could show, for some answers with the
    /// other cells as they are, such that the release would not be
    /// protected: the values consistent with seeing the cell withheld.
    fn unprotected_values(&self, cells: &[Shown], at: usize) -> Vec<u64> {
        let mut trial = cells.to_vec();
        let mut out = Vec::new();
        let mut last = None;
        // Counts above the total are impossible for any cell.
        for c in self.k()..=self.total {
            let shown = self.rules.rounded(c);
            if last == Some(shown) {
                continue;
            }
            last = Some(shown);
            trial[at] = Shown::About(shown);
            let possible = self
                .candidates(&trial)
                .any(|r| self.feasible_at(&self.option_ranges(&trial, r), r));
            if possible && !self.protected(&[&trial]) {
                out.push(shown);
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "questions_tests.rs"]
mod tests;
