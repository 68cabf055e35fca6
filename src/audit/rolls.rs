//! The auditor's check of why each sealed period rolled or was released,
//! recomputed from the log alone (run by `parrhesia verify`).
//!
//! Sealing ([`crate::digest::seal_until`]) merges a period with the
//! round's periods that rolled since its last release (the sealed digests
//! without a release, oldest first) and publishes the merge through
//! [`crate::digest::disclosure::publish_with`], which decides in this
//! order:
//! 1. fewer than the round's `min_period` critiques in the merge: the
//!    period rolls as `too_few`;
//! 2. otherwise, figures that would narrow a hidden value: it rolls as
//!    `cannot_protect`;
//! 3. otherwise a release, whose `periods` are the merged ones.
//!
//! Every input to step 1 is logged: each period's exact number of
//! critiques (`totals.critiques`, itself checked against the critique
//! leaves) and the rules the round had at sealing (`rules`). So [`check`]
//! walks each round's sealed digests in order and proves, per digest:
//! - it holds a release or a known roll reason, exactly one;
//! - `too_few` only when the merged total is below `min_period` (a host
//!   cannot call a period that held enough "too few" to owe no release
//!   and no answer);
//! - `cannot_protect` and a release only when the merged total reaches
//!   `min_period`;
//! - a release's periods are exactly the periods rolled since the round's
//!   previous release, then this one (a rolled period cannot be dropped
//!   from the release that had to show it, nor one claimed twice).
//!
//! What it cannot check: step 2. Whether figures can be protected depends
//! on the merged theme counts, which are secret (only the release's
//! figures are published), so a `cannot_protect` that reaches `min_period`
//! is taken on trust. SECURITY.md (guarantee 7) says so. Questions
//! (issue 20) roll on their own and are not checked here.

use super::verify::Check;
use crate::digest::SealedDigest;
use std::collections::BTreeMap;

/// The reasons sealing logs for a period that rolled.
const TOO_FEW: &str = "too_few";
const CANNOT_PROTECT: &str = "cannot_protect";

/// One line per finding for every digest of `digests` (any order, any
/// rounds); see the module docs for what is proved.
pub fn check(digests: &[SealedDigest]) -> Vec<Check> {
    let mut out = Vec::new();
    let mut rounds: BTreeMap<&str, Vec<&SealedDigest>> = BTreeMap::new();
    for d in digests {
        rounds.entry(d.round.as_str()).or_default().push(d);
    }
    for sealed in rounds.values_mut() {
        // Period ids are their first days (YYYY-MM-DD), so they sort in
        // time, as the sealing code sorts them to find what is waiting.
        sealed.sort_by(|a, b| a.period.cmp(&b.period));
        let mut waiting: Vec<&SealedDigest> = Vec::new();
        for d in sealed.iter() {
            one(&mut out, d, &waiting);
            // As sealing does: a digest without a release waits, whatever
            // it says about why.
            if d.release.is_some() {
                waiting.clear();
            } else {
                waiting.push(d);
            }
        }
    }
    out
}

/// The checks of `d`, sealed after the periods `waiting` rolled.
fn one(out: &mut Vec<Check>, d: &SealedDigest, waiting: &[&SealedDigest]) {
    let mut push = |ok: bool, what: String| out.push(Check { ok, what });
    let name = format!("{} {}", d.round, d.period);
    let before: u64 = waiting.iter().map(|w| w.totals.critiques).sum();
    let merged = before.saturating_add(d.totals.critiques);
    let min = u64::from(d.rules.min_period());
    let earlier = if waiting.is_empty() {
        "none rolled before it".to_owned()
    } else {
        format!(
            "{before} in the {} period(s) rolled before it: {}",
            waiting.len(),
            list(waiting.iter().map(|w| w.period.as_str()))
        )
    };
    let counted = format!(
        "{merged} critiques ({} in this period, {earlier})",
        d.totals.critiques
    );
    match (&d.release, d.rolled.as_deref()) {
        (None, Some(TOO_FEW)) => push(
            merged < min,
            if merged < min {
                format!(
                    "{name}: too few to release, as logged: {counted}, below the round's \
                     minimum of {min}"
                )
            } else {
                format!(
                    "{name}: logged as too few, but its {counted} reach the round's minimum of \
                     {min} for a release"
                )
            },
        ),
        (None, Some(CANNOT_PROTECT)) => push(
            merged >= min,
            // Whether the figures could be protected depends on the secret
            // theme counts: only that the merge was large enough to get
            // that far is checked.
            format!(
                "{name}: rolled as not protectable with {counted}, at least the round's minimum \
                 of {min} (below it, it is too few); whether its figures could be protected is \
                 not in the log"
            ),
        ),
        (Some(release), None) => {
            let expected: Vec<&str> = waiting
                .iter()
                .map(|w| w.period.as_str())
                .chain([d.period.as_str()])
                .collect();
            let named: Vec<&str> = release.periods.iter().map(String::as_str).collect();
            let covers = format!(
                "{name}: the release covers {}, the periods rolled since the round's last \
                 release and this one",
                list(expected.iter().copied())
            );
            push(
                named == expected,
                if named == expected {
                    covers
                } else {
                    format!("{covers}, but it names {}", list(named.iter().copied()))
                },
            );
            push(
                merged >= min,
                format!(
                    "{name}: the release merges {counted}, at least the round's minimum of {min}"
                ),
            );
        }
        (release, rolled) => push(
            false,
            format!(
                "{name}: a release or a roll reason ({TOO_FEW}, {CANNOT_PROTECT}), exactly one \
                 (it has {}a release and roll reason {rolled:?})",
                if release.is_some() { "" } else { "no " }
            ),
        ),
    }
}

fn list<'a>(periods: impl Iterator<Item = &'a str>) -> String {
    periods.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests;
