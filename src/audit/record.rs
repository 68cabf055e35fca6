//! The public record of answering, in the log: the leaves that commit each
//! response version and pledge step, and the auditor's check of a
//! published record against the published leaves and tree heads.
//!
//! # Leaf shape
//! [`Leaf::Response`] and [`Leaf::Pledge`] name what they commit (round,
//! release period, theme or pledge id, version number, the period the
//! version was made in) and hold the SHA-256 of its canonical bytes: a
//! domain separator and every field, NUL-separated (translations last,
//! each tag then its text, only when there are any). The text itself stays
//! out of the log (it is published on the record page and can be edited
//! only by adding a version). The writer appends a version's leaf in the
//! same transaction that stores the version.
//!
//! # What [`check`] proves (run by `parrhesia verify`)
//! 1. every version and step the record shows has its leaf in the log;
//! 2. every response or pledge leaf of the record's rounds is on the record
//!    (a version deleted or rewritten leaves a leaf nothing matches);
//! 3. each response's and pledge's leaves are in version order;
//! 4. an answer the record calls "on time" was logged before the tree head
//!    that sealed its deadline period, or before the log's first week
//!    marker after that period, whichever the log has first: the
//!    organisation cannot back-date an answer.

use super::log::{Leaf, TreeHead};
use super::verify::Check;
use crate::digest::record::{ReleaseRecord, Standing};
use crate::domain::{Period, PeriodLength, PledgeRecord, ResponseRecord, Translations};
use std::collections::{BTreeSet, HashMap};

fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            ctx.update(b"\0");
        }
        ctx.update(p);
    }
    crate::encoding::hex(ctx.finish().as_ref())
}

/// The translations of a response version or pledge, after its other
/// fields: each language tag and its text, in tag order. None adds
/// nothing, so an answer in English alone hashes as it always did.
fn translated<'a>(parts: &mut Vec<&'a [u8]>, translations: &'a Translations) {
    for (language, text) in translations {
        parts.push(language.as_bytes());
        parts.push(text.as_bytes());
    }
}

/// The log leaf of version `index` (0 = first) of a response. The hash is
/// over a domain separator and every field, NUL-separated (no field may
/// hold NUL: the text is form input, which cannot), so a changed word, a
/// moved response or a renumbered version gives another hash.
pub fn response_leaf(response: &ResponseRecord, index: usize) -> Option<Leaf> {
    let v = response.versions.get(index)?;
    let version = index.to_string();
    let mut parts: Vec<&[u8]> = vec![
        b"parrhesia/response/v1",
        response.round.as_bytes(),
        response.period.as_bytes(),
        response.theme.as_bytes(),
        version.as_bytes(),
        v.changed_in.as_bytes(),
        v.text.as_bytes(),
    ];
    translated(&mut parts, &v.translations);
    let sha256 = sha256_hex(&parts);
    Some(Leaf::Response {
        round: response.round.clone(),
        period: response.period.clone(),
        theme: response.theme.clone(),
        version: index as u32,
        changed_in: v.changed_in.clone(),
        sha256,
    })
}

/// The log leaf of step `index` of a pledge's history (0 = made). The text
/// and theme are in every step's hash, so a pledge reworded after the fact
/// no longer matches its earlier leaves.
pub fn pledge_leaf(pledge: &PledgeRecord, index: usize) -> Option<Leaf> {
    let step = pledge.history.get(index)?;
    let version = index.to_string();
    let status = serde_json::to_string(&step.status).unwrap_or_default();
    let mut parts: Vec<&[u8]> = vec![
        b"parrhesia/pledge/v1",
        pledge.id.as_bytes(),
        pledge.organisation.as_bytes(),
        pledge.round.as_bytes(),
        pledge.period.as_bytes(),
        pledge.theme.as_bytes(),
        pledge.text.as_bytes(),
        version.as_bytes(),
        status.trim_matches('"').as_bytes(),
        step.reason.as_deref().unwrap_or("").as_bytes(),
        step.period.as_bytes(),
    ];
    translated(&mut parts, &pledge.translations);
    let sha256 = sha256_hex(&parts);
    Some(Leaf::Pledge {
        round: pledge.round.clone(),
        period: pledge.period.clone(),
        pledge: pledge.id.clone(),
        version: index as u32,
        changed_in: step.period.clone(),
        sha256,
    })
}

/// Every leaf a round's responses and pledges should have put in the log.
pub fn leaves(responses: &[ResponseRecord], pledges: &[PledgeRecord]) -> Vec<Leaf> {
    let mut out = Vec::new();
    for r in responses {
        out.extend((0..r.versions.len()).filter_map(|i| response_leaf(r, i)));
    }
    for p in pledges {
        out.extend((0..p.history.len()).filter_map(|i| pledge_leaf(p, i)));
    }
    out
}

fn ok(ok: bool, what: String) -> Check {
    Check { ok, what }
}

/// Check a round's published record (`responses`, `pledges`, and the
/// release `records` computed from them) against the log's `leaves` (their
/// canonical JSON, in log order) and signed `heads`.
pub fn check(
    responses: &[ResponseRecord],
    pledges: &[PledgeRecord],
    records: &[ReleaseRecord],
    leaves: &[String],
    heads: &[TreeHead],
) -> Vec<Check> {
    let mut out = Vec::new();
    let parsed: Vec<Option<Leaf>> = leaves
        .iter()
        .map(|l| serde_json::from_str(l).ok())
        .collect();
    let index: HashMap<&Leaf, usize> = parsed
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.as_ref().map(|l| (l, i)))
        .collect();
    let rounds: BTreeSet<&str> = responses
        .iter()
        .map(|r| r.round.as_str())
        .chain(pledges.iter().map(|p| p.round.as_str()))
        .chain(records.iter().map(|r| r.round.as_str()))
        .collect();

    // 1 and 3: every version is logged, in order.
    let mut expected: BTreeSet<String> = BTreeSet::new();
    let mut first_answer: HashMap<(String, String), usize> = HashMap::new();
    let mut series = |what: String, round: &str, period: &str, leaves: Vec<Leaf>| {
        let positions: Vec<Option<usize>> = leaves.iter().map(|l| index.get(l).copied()).collect();
        let missing = positions.iter().filter(|p| p.is_none()).count();
        out.push(ok(
            missing == 0,
            format!(
                "{what}: {} version(s) in the log, {missing} missing",
                leaves.len()
            ),
        ));
        let found: Vec<usize> = positions.iter().flatten().copied().collect();
        out.push(ok(
            found.windows(2).all(|w| w[0] < w[1]),
            format!("{what}: versions logged in order"),
        ));
        if let Some(&first) = found.first() {
            let slot = first_answer
                .entry((round.to_owned(), period.to_owned()))
                .or_insert(first);
            *slot = (*slot).min(first);
        }
        for l in leaves {
            expected.insert(String::from_utf8_lossy(&l.to_bytes()).into_owned());
        }
    };
    for r in responses {
        let what = format!("response {}/{}/{}", r.round, r.period, r.theme);
        let leaves = (0..r.versions.len())
            .filter_map(|i| response_leaf(r, i))
            .collect();
        series(what, &r.round, &r.period, leaves);
    }
    for p in pledges {
        let what = format!("pledge {} ({}/{})", p.id, p.round, p.period);
        let leaves = (0..p.history.len())
            .filter_map(|i| pledge_leaf(p, i))
            .collect();
        series(what, &p.round, &p.period, leaves);
    }

    // 2: nothing logged for these rounds is missing from the record.
    let unmatched = parsed
        .iter()
        .flatten()
        .filter(|l| match l {
            Leaf::Response { round, .. } | Leaf::Pledge { round, .. } => {
                rounds.contains(round.as_str())
            }
            _ => false,
        })
        .filter(|l| !expected.contains(String::from_utf8_lossy(&l.to_bytes()).as_ref()))
        .count();
    out.push(ok(
        unmatched == 0,
        format!("record: {unmatched} logged answer version(s) not on the record"),
    ));

    // 4: "on time" answers were logged before their deadline period's head.
    for r in records {
        let Standing::Answered { on_time: true, .. } = r.standing else {
            continue;
        };
        let deadline_id = r.deadline_period.id();
        // The deadline period is over once its sealing head exists, or
        // once the log shows a week after it (a period nobody wrote in is
        // never sealed, but the log is appended to every week).
        let sealed = heads
            .iter()
            .filter(|h| h.round == r.round && h.period == deadline_id)
            .map(|h| h.tree_size)
            .min();
        let after = Period::containing(
            r.deadline_period.last_day() + time::Duration::days(1),
            PeriodLength::ONE_WEEK,
        )
        .id();
        let next_week = parsed
            .iter()
            .position(|l| matches!(l, Some(Leaf::Period { period }) if *period >= after))
            .map(|i| i as u64);
        let Some(end) = sealed.into_iter().chain(next_week).min() else {
            continue;
        };
        let logged = first_answer.get(&(r.round.clone(), r.period.id()));
        out.push(ok(
            logged.is_some_and(|&i| (i as u64) < end),
            format!(
                "release {}/{}: answered on time, logged before {deadline_id} was sealed or a \
                 later week began",
                r.round,
                r.period.id()
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
