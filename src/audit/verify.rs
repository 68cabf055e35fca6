//! The auditor's checks, as a pure function over what the service publishes.
//! `parrhesia verify --server URL` fetches everything and runs [`verify`];
//! the tests run it on tampered copies.
//!
//! What is checked:
//! 1. every signed tree head's Ed25519 signature, under the published key;
//! 2. each head's root against the root recomputed from the published
//!    leaves (so a removed, added or modified leaf is caught), and that heads
//!    only grow;
//! 3. the server's consistency proof between each successive pair of heads
//!    (RFC 9162 §2.1.4.2), so the log was only ever appended to;
//! 4. each sealed period: its digest JSON hashes to the value in its head and
//!    in its digest leaf; its totals equal the number of its critique leaves
//!    and the spent credentials;
//! 5. the token keys published now are exactly the ones logged;
//! 6. each organisation's record of answering against the response and
//!    pledge leaves ([`super::record::check`]): every version shown is
//!    logged, in order, nothing logged is missing, and no answer called
//!    "on time" was logged after its deadline period was sealed or a later
//!    week began; each release's deadline follows from the days logged
//!    with its sealed digest; a round's releases are exactly its sealed
//!    releases, each listed once; the rate follows from the releases; and
//!    every round the log has answers or releases for is on a published
//!    record: the record of the organisation its sealed digests name, and
//!    no other (digests sealed before they named it are reported as not
//!    checkable; once one names it, every later one must), with each
//!    pledge on the record of the organisation its leaf names. (Check 4
//!    also requires each digest leaf to be published exactly once; `fetch`
//!    refuses a record whose organisation is not the one of its address.)
//! 7. per round, why each sealed period rolled or was released, from the
//!    logged totals and rules ([`super::rolls::check`]): "too few" only
//!    below the round's `min_period`, merged over the periods rolled since
//!    its last release; a release only at or above it, covering exactly
//!    those periods and its own. Whether a period "cannot be protected"
//!    depends on secret theme counts and is not checked.

use super::log::{Leaf, TreeHead};
use super::merkle::{self, Hash};
use crate::crypto::sha256;
use crate::digest::record::{DaysToAnswer, PublicRecord};
use crate::digest::SealedDigest;
use crate::domain::SealedPeriod;
use crate::encoding::hex;
use serde::{Deserialize, Serialize};

/// A token key as the service publishes it for auditors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedTokenKey {
    pub token_type: u16,
    pub key_id: String,
    pub token_key: String,
    /// The round whose tokens it signs (absent before issue 17, when one
    /// key served every round).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// The day it starts issuing (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<String>,
    /// The index of its leaf in the log (for an inclusion proof).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaf_index: Option<u64>,
}

/// Everything public that the checks need.
#[derive(Debug, Clone)]
pub struct Published {
    pub log_public_key: Vec<u8>,
    pub heads: Vec<TreeHead>,
    pub periods: Vec<SealedPeriod>,
    /// Every leaf, as its canonical JSON.
    pub leaves: Vec<String>,
    /// The server's consistency proof from head `i` to head `i + 1`.
    pub consistency: Vec<Vec<Hash>>,
    pub token_keys: Vec<PublishedTokenKey>,
    /// Every head's signed checkpoint and its cosignatures.
    pub checkpoints: Vec<super::log::CheckpointRecord>,
    /// Every organisation's published record of answering (issue 21).
    pub records: Vec<PublicRecord>,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub ok: bool,
    pub what: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    pub fn check(&mut self, ok: bool, what: impl Into<String>) {
        self.checks.push(Check {
            ok,
            what: what.into(),
        });
    }

    pub fn ok(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.ok)
    }

    pub fn failures(&self) -> Vec<&Check> {
        self.checks.iter().filter(|c| !c.ok).collect()
    }

    /// A readable report, one line per check.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for c in &self.checks {
            out.push_str(if c.ok { "ok    " } else { "FAIL  " });
            out.push_str(&c.what);
            out.push('\n');
        }
        let failed = self.failures().len();
        out.push_str(&format!(
            "{} checks, {} passed, {} failed: {}\n",
            self.checks.len(),
            self.checks.len() - failed,
            failed,
            if self.ok() {
                "the log verifies"
            } else {
                "THE LOG DOES NOT VERIFY"
            }
        ));
        out
    }
}

/// For each round, in sealing order: the tokens spent in its sealed
/// periods so far never exceed the tokens issued to its invitations by that
/// sealing.
fn spent_within_issued(r: &mut Report, periods: &[SealedPeriod]) {
    let mut spent: std::collections::BTreeMap<&str, u64> = Default::default();
    let mut checked: std::collections::BTreeMap<&str, (u64, u64)> = Default::default();
    for s in periods {
        let Ok(d) = serde_json::from_str::<SealedDigest>(&s.digest_json) else {
            continue;
        };
        let so_far = spent.entry(s.round.as_str()).or_default();
        *so_far += d.totals.tokens_spent;
        if let Some(issued) = d.totals.tokens_issued {
            if *so_far > issued {
                r.check(
                    false,
                    format!(
                        "{} {}: {} tokens spent so far, but only {issued} issued to the round's \
                         invitations",
                        s.round, s.period, so_far
                    ),
                );
            }
            checked.insert(s.round.as_str(), (*so_far, issued));
        }
    }
    for (round, (spent, issued)) in checked {
        r.check(
            spent <= issued,
            format!("{round}: tokens spent ({spent}) within tokens issued ({issued})"),
        );
    }
}

pub fn verify(p: &Published) -> Report {
    let mut r = Report::default();
    let leaves: Vec<Option<Leaf>> = p
        .leaves
        .iter()
        .map(|l| serde_json::from_str(l).ok())
        .collect();
    r.check(
        leaves.iter().all(Option::is_some),
        format!("all {} leaves are well-formed", leaves.len()),
    );
    let hashes: Vec<Hash> = p
        .leaves
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect();

    // 1 and 2: signatures, roots, growth.
    let mut previous_size = 0;
    for (i, head) in p.heads.iter().enumerate() {
        r.check(
            head.verify(&p.log_public_key),
            format!(
                "head {i} (size {}) is signed by the log key",
                head.tree_size
            ),
        );
        let size = usize::try_from(head.tree_size).unwrap_or(usize::MAX);
        let matches = size <= hashes.len() && head.root() == Some(merkle::root(&hashes[..size]));
        r.check(
            matches,
            format!(
                "head {i}: root matches the first {} published leaves",
                head.tree_size
            ),
        );
        r.check(
            head.tree_size > previous_size || i == 0,
            format!("head {i} grows the log"),
        );
        previous_size = head.tree_size;
    }
    if let Some(last) = p.heads.last() {
        r.check(
            last.tree_size == p.leaves.len() as u64,
            format!("the newest head covers all {} leaves", p.leaves.len()),
        );
    }

    // 3: consistency between successive heads, by the server's proofs.
    for (i, pair) in p.heads.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let ok = match (a.root(), b.root(), p.consistency.get(i)) {
            (Some(ra), Some(rb), Some(proof)) => {
                merkle::verify_consistency(a.tree_size, b.tree_size, &ra, &rb, proof)
            }
            _ => false,
        };
        r.check(ok, format!("head {} is consistent with head {}", i + 1, i));
    }

    // 4: sealed periods.
    let exact: std::collections::HashMap<(String, String), u64> = p
        .periods
        .iter()
        .filter_map(|s| {
            let d = serde_json::from_str::<SealedDigest>(&s.digest_json).ok()?;
            Some(((d.round, d.period), d.totals.critiques))
        })
        .collect();
    // Every digest leaf is a published sealed period, and a round's period
    // is sealed once: a host cannot seal a period again (say with longer
    // days to answer) and publish only the copy it likes, nor leave a
    // sealed period out of what it publishes.
    let mut digest_leaves: std::collections::BTreeMap<(&str, &str), usize> =
        std::collections::BTreeMap::new();
    for l in leaves.iter().flatten() {
        if let Leaf::Digest { round, period, .. } = l {
            *digest_leaves.entry((round, period)).or_default() += 1;
        }
    }
    let mut published: std::collections::BTreeMap<(&str, &str), usize> =
        std::collections::BTreeMap::new();
    for s in &p.periods {
        *published.entry((&s.round, &s.period)).or_default() += 1;
    }
    for (&(round, period), &n) in &digest_leaves {
        r.check(
            n == 1 && published.get(&(round, period)) == Some(&1),
            format!("{round} {period}: sealed once ({n} digest leaf/leaves) and published once"),
        );
    }
    for &(round, period) in published.keys() {
        if !digest_leaves.contains_key(&(round, period)) {
            r.check(
                false,
                format!("{round} {period}: published, and its digest is a leaf once"),
            );
        }
    }
    for s in &p.periods {
        let name = format!("{} {}", s.round, s.period);
        let sha = hex(&sha256(s.digest_json.as_bytes()));
        r.check(
            sha == s.digest_sha256,
            format!("{name}: digest hashes to its published hash"),
        );
        let head = usize::try_from(s.head).ok().and_then(|i| p.heads.get(i));
        r.check(
            head.is_some_and(|h| {
                h.digest_sha256 == sha && h.round == s.round && h.period == s.period
            }),
            format!("{name}: its signed head names this digest"),
        );
        let logged = leaves.iter().any(|l| {
            matches!(l, Some(Leaf::Digest { round, period, sha256 })
                if *round == s.round && *period == s.period && *sha256 == sha)
        });
        r.check(
            logged,
            format!("{name}: the digest's hash is a leaf of the log"),
        );
        let critiques = leaves
            .iter()
            .filter(|l| {
                matches!(l, Some(Leaf::Critique { round, period, .. })
                    if *round == s.round && *period == s.period)
            })
            .count() as u64;
        match serde_json::from_str::<SealedDigest>(&s.digest_json) {
            Ok(d) => {
                r.check(
                    d.totals.critiques == critiques,
                    format!(
                        "{name}: digest total {} equals the {critiques} critique leaves",
                        d.totals.critiques
                    ),
                );
                r.check(
                    d.totals.codes_spent + d.totals.tokens_spent == d.totals.critiques,
                    format!(
                        "{name}: spent codes {} + spent tokens {} equal critiques {}",
                        d.totals.codes_spent, d.totals.tokens_spent, d.totals.critiques
                    ),
                );
                r.check(
                    d.round == s.round && d.period == s.period,
                    format!("{name}: the digest names its round and period"),
                );
                if d.closed_early {
                    // Issue 16, item 4: a host may close a period early only
                    // once it holds as many as a published period needs.
                    let needed = u64::from(d.rules.k().max(d.rules.min_period()));
                    r.check(
                        d.totals.critiques >= needed,
                        format!(
                            "{name}: closed early by the host with {} critiques (an early close \
                             needs at least {needed})",
                            d.totals.critiques
                        ),
                    );
                }
                if let Some(release) = &d.release {
                    // The band covers the exact totals of every period the
                    // release merges (rolled periods and this one).
                    let sum: Option<u64> = release
                        .periods
                        .iter()
                        .map(|period| exact.get(&(d.round.clone(), period.clone())).copied())
                        .sum();
                    r.check(
                        sum.is_some_and(|n| release.total.low <= n && n <= release.total.high),
                        format!(
                            "{name}: the published band {} holds the logged totals of {} period(s)",
                            release.total.label(),
                            release.periods.len()
                        ),
                    );
                }
            }
            Err(_) => r.check(false, format!("{name}: digest JSON is well-formed")),
        }
    }

    // 7: why each period rolled or was released, recomputed from the
    // logged totals and rules.
    let digests: Vec<SealedDigest> = p
        .periods
        .iter()
        .filter_map(|s| serde_json::from_str(&s.digest_json).ok())
        .collect();
    r.checks.extend(super::rolls::check(&digests));

    // 6: the record of answering (issue 21).
    // Each sealed release (its digest is a leaf, checked in 4), with the
    // days to answer logged with it.
    // Days outside 1-365 were never logged by an honest server: such a
    // release fails rather than fall back to the round's current days.
    let mut logged_releases: std::collections::BTreeMap<(String, String), Option<DaysToAnswer>> =
        std::collections::BTreeMap::new();
    for s in &p.periods {
        if let Ok(d) = serde_json::from_str::<SealedDigest>(&s.digest_json) {
            if let Some(release) = &d.release {
                let days = release.answer_days();
                if release.days_to_answer.is_some() && days.is_none() {
                    r.check(
                        false,
                        format!(
                            "{} {}: the logged days to answer are 1 to 365",
                            d.round, d.period
                        ),
                    );
                }
                logged_releases.insert((d.round, d.period), days);
            }
        }
    }
    // The newest week the log shows it was appended in: a release whose
    // deadline period ended before that week began is no longer open.
    let newest_week = leaves
        .iter()
        .flatten()
        .filter_map(|l| match l {
            Leaf::Period { period } => Some(period.as_str()),
            _ => None,
        })
        .max();
    let mut on_record = std::collections::BTreeSet::new();
    for record in &p.records {
        let mut models_of_record = Vec::new();
        for round in &record.rounds {
            r.check(
                on_record.insert(round.round.clone()),
                format!("round {}: on one record, once", round.round),
            );
            let models = round.models();
            r.checks.extend(super::record::check(
                &round.responses,
                &round.pledges,
                &models,
                &p.leaves,
                &p.heads,
            ));
            standings_follow(&mut r, round, &models, &logged_releases, newest_week);
            models_of_record.extend(models);
        }
        let rate =
            crate::digest::record::RateView::from(crate::digest::record::rate(&models_of_record));
        r.check(
            record.rate == rate,
            format!(
                "record of {}: its response rate follows from its releases",
                record.organisation
            ),
        );
    }
    rounds_on_their_records(&mut r, p);
    let released: std::collections::BTreeSet<&str> = logged_releases
        .keys()
        .map(|(round, _)| round.as_str())
        .collect();
    for round in released {
        r.check(
            on_record.contains(round),
            format!("round {round}: its sealed releases are on a published record"),
        );
    }
    let answered: std::collections::BTreeSet<String> = leaves
        .iter()
        .flatten()
        .filter_map(|l| match l {
            Leaf::Response { round, .. } | Leaf::Pledge { round, .. } => Some(round.clone()),
            _ => None,
        })
        .collect();
    for round in answered {
        r.check(
            on_record.contains(&round),
            format!("round {round}: its logged answers are on a published record"),
        );
    }

    // 5: token keys, the same for everyone as logged (RFC 9576 §6).
    let logged: Vec<PublishedTokenKey> = leaves
        .iter()
        .filter_map(|l| match l {
            Some(Leaf::TokenKey {
                token_type,
                key_id,
                token_key,
            }) => Some(PublishedTokenKey {
                token_type: *token_type,
                key_id: key_id.clone(),
                token_key: token_key.clone(),
                round: None,
                not_before: None,
                leaf_index: None,
            }),
            Some(Leaf::RoundTokenKey {
                round,
                token_type,
                key_id,
                token_key,
                not_before,
            }) => Some(PublishedTokenKey {
                token_type: *token_type,
                key_id: key_id.clone(),
                token_key: token_key.clone(),
                round: Some(round.clone()),
                not_before: Some(not_before.clone()),
                leaf_index: None,
            }),
            _ => None,
        })
        .collect();
    for key in &p.token_keys {
        let bare = PublishedTokenKey {
            leaf_index: None,
            ..key.clone()
        };
        let at_its_leaf = key.leaf_index.is_none_or(|i| {
            usize::try_from(i)
                .ok()
                .and_then(|i| leaves.get(i))
                .is_some_and(|l| matches!(l, Some(Leaf::RoundTokenKey { key_id, .. }) if *key_id == key.key_id))
        });
        r.check(
            logged.contains(&bare) && at_its_leaf,
            format!("token key {} is in the log", key.key_id),
        );
    }
    if p.token_keys.is_empty() {
        r.check(true, "no token keys are published");
    }

    // 6: per round, tokens spent never exceed the tokens its invitations
    // were given (issue 17: a token works only in its invitation's round).
    spent_within_issued(&mut r, &p.periods);
    r
}

/// Each round is on the record of the organisation its sealed digests
/// name, and on no other (a host cannot show a round's releases, and the
/// criticism in them, under another organisation); each pledge is on the
/// record of the organisation its logged leaf names. Digests sealed before
/// they named their organisation cannot be checked, and say so; but once a
/// digest in the log names its organisation, every digest sealed after it
/// must (an honest server never stops), so a host cannot strip the name
/// from new digests to make them look older.
fn rounds_on_their_records(r: &mut Report, p: &Published) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut in_log_order: Vec<&SealedPeriod> = p.periods.iter().collect();
    in_log_order.sort_by_key(|s| s.head);
    let mut named: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut released: BTreeSet<String> = BTreeSet::new();
    let mut first_named: Option<String> = None;
    for s in in_log_order {
        let Ok(d) = serde_json::from_str::<SealedDigest>(&s.digest_json) else {
            continue;
        };
        let orgs = named.entry(d.round.clone()).or_default();
        if d.release.is_some() {
            released.insert(d.round.clone());
        }
        match (&d.organisation, &first_named) {
            (Some(org), None) => {
                orgs.insert(org.clone());
                first_named = Some(format!("{} {}", d.round, d.period));
            }
            (Some(org), Some(_)) => {
                orgs.insert(org.clone());
            }
            (None, Some(first)) => r.check(
                false,
                format!(
                    "{} {}: its digest names its organisation, as every digest sealed after \
                     {first} must",
                    d.round, d.period
                ),
            ),
            (None, None) => {}
        }
    }
    let mut shown_by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for record in &p.records {
        for round in &record.rounds {
            shown_by
                .entry(round.round.as_str())
                .or_default()
                .push(record.organisation.as_str());
            for pledge in &round.pledges {
                if pledge.organisation != record.organisation {
                    r.check(
                        false,
                        format!(
                            "pledge {} ({}): made by {}, but on the record of {}",
                            pledge.id, round.round, pledge.organisation, record.organisation
                        ),
                    );
                }
            }
        }
    }
    for (round, orgs) in &named {
        let shown = shown_by.get(round.as_str()).cloned().unwrap_or_default();
        let mut orgs = orgs.iter();
        match (orgs.next(), orgs.next()) {
            (None, _) => r.check(
                true,
                format!(
                    "round {round}: its digests were sealed before digests named their \
                     organisation, so whose record it belongs on is not checkable"
                ),
            ),
            (Some(a), Some(b)) => r.check(
                false,
                format!("round {round}: its digests name one organisation (they name {a} and {b})"),
            ),
            (Some(org), None) => {
                let elsewhere: Vec<&str> = shown.iter().copied().filter(|o| o != org).collect();
                if !elsewhere.is_empty() {
                    r.check(
                        false,
                        format!(
                            "round {round}: its digests name {org}, but it is on the record of {}",
                            elsewhere.join(", ")
                        ),
                    );
                } else if shown.is_empty() {
                    // A round with no release yet need not be on a record.
                    if released.contains(round) {
                        r.check(
                            false,
                            format!(
                                "round {round}: on the record of {org}, the organisation its \
                                 digests name"
                            ),
                        );
                    }
                } else {
                    r.check(
                        true,
                        format!(
                            "round {round}: on the record of {org}, the organisation its digests \
                             name, and on no other"
                        ),
                    );
                }
            }
        }
    }
}

/// Each release's deadline and standing, recomputed from the days to
/// answer logged with the release at sealing (`logged`, from the sealed
/// digests; the record's own days only for a release sealed before they
/// were logged) and its responses' and pledges' versions (whose periods
/// the log's leaves commit): a record that calls a late answer "on time",
/// moves the deadline (also by lengthening the round's days afterwards),
/// names another first-answer period, or calls an answered release
/// unanswered fails. The record's releases must be exactly the round's
/// sealed releases: one left off (or one never sealed) fails. Open and
/// overdue differ only by the day the record was read, so they are not
/// told apart here.
fn standings_follow(
    r: &mut Report,
    round: &crate::digest::record::RoundRecord,
    models: &[crate::digest::record::ReleaseRecord],
    logged: &std::collections::BTreeMap<(String, String), Option<DaysToAnswer>>,
    newest_week: Option<&str>,
) {
    use crate::digest::record::{deadline, first_answers, Standing};
    use crate::domain::{Period, PeriodLength};
    let name = &round.round;
    let (Ok(length), Ok(days)) = (
        PeriodLength::parse(u64::from(round.period_weeks)),
        DaysToAnswer::parse(u64::from(round.days_to_answer)),
    ) else {
        r.check(
            false,
            format!("record of {name}: period length and days to answer are valid"),
        );
        return;
    };
    r.check(
        models.len() == round.releases.len(),
        format!("record of {name}: every release's periods and days parse"),
    );
    let sealed: std::collections::BTreeSet<&str> = logged
        .keys()
        .filter(|(round, _)| round == name)
        .map(|(_, period)| period.as_str())
        .collect();
    let listed: std::collections::BTreeSet<&str> =
        round.releases.iter().map(|v| v.period.as_str()).collect();
    r.check(
        listed.len() == round.releases.len(),
        format!("record of {name}: each release listed once"),
    );
    for period in sealed.difference(&listed) {
        r.check(
            false,
            format!("record of {name}: the sealed release {period} is on the record"),
        );
    }
    for period in listed.difference(&sealed) {
        r.check(
            false,
            format!("record of {name}: release {period} is a sealed release in the log"),
        );
    }
    if sealed == listed {
        r.check(
            true,
            format!(
                "record of {name}: its {} release(s) are the round's sealed releases",
                listed.len()
            ),
        );
    }
    let first = first_answers(name, length, &round.responses, &round.pledges);
    for m in models {
        let id = m.period.id();
        let days = logged
            .get(&(name.clone(), id.clone()))
            .copied()
            .flatten()
            .unwrap_or(days);
        let due = deadline(m.period, days);
        let due_period = Period::containing(due, length);
        let standing = match (m.standing, first.get(&id)) {
            (Standing::Answered { in_period, on_time }, Some(&f)) => {
                in_period == f && on_time == (f <= due_period)
            }
            // Open only while the log shows no week after the deadline
            // period (the record is read after the newest marker).
            (Standing::Open, None) => {
                let after = Period::containing(
                    due_period.last_day() + time::Duration::days(1),
                    PeriodLength::ONE_WEEK,
                )
                .id();
                newest_week.is_none_or(|w| w < after.as_str())
            }
            (Standing::Overdue, None) => true,
            _ => false,
        };
        r.check(
            m.days == days && m.deadline == due && m.deadline_period == due_period && standing,
            format!(
                "record of {name}, release {id}: {} days to answer as logged; deadline and \
                 standing follow from the logged answers",
                days.days()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sealed period whose digest has these token totals (the rest of
    /// the digest does not matter to this check).
    fn sealed(round: &str, period: &str, spent: u64, issued: Option<u64>) -> SealedPeriod {
        let settings = crate::domain::RoundSettings {
            title: Some("R".into()),
            ..Default::default()
        };
        let round_value = crate::domain::NewRound::parse(round, "org", None, settings)
            .unwrap()
            .into_round();
        let at = crate::domain::Period::from_id(period, round_value.period).unwrap();
        let counts = crate::domain::PeriodCounts {
            period_id: period.into(),
            total: spent,
            themes: Vec::new(),
        };
        let totals = super::super::log::Totals {
            critiques: spent,
            codes_spent: 0,
            tokens_spent: spent,
            tokens_issued: issued,
        };
        let digest = crate::digest::seal(&round_value, at, &[], &counts, totals);
        SealedPeriod {
            round: round.into(),
            period: period.into(),
            digest_json: serde_json::to_string(&digest).unwrap(),
            digest_sha256: String::new(),
            head: 0,
            first_leaf: 0,
            leaf_count: 0,
            shredded: false,
            closed_on: None,
        }
    }

    fn failures(periods: &[SealedPeriod]) -> Vec<String> {
        let mut r = Report::default();
        spent_within_issued(&mut r, periods);
        r.failures().iter().map(|c| c.what.clone()).collect()
    }

    /// `sealed`, with its digest naming `organisation` (none: sealed
    /// before digests named it) and its head at `head`.
    fn of(mut s: SealedPeriod, organisation: Option<&str>, head: u64) -> SealedPeriod {
        let mut d: serde_json::Value = serde_json::from_str(&s.digest_json).unwrap();
        assert_eq!(
            d["organisation"], "org",
            "sealing names the round's organisation"
        );
        match organisation {
            Some(o) => d["organisation"] = o.into(),
            None => drop(d.as_object_mut().unwrap().remove("organisation")),
        }
        s.digest_json = d.to_string();
        s.head = head;
        s
    }

    fn organisation_failures(periods: Vec<SealedPeriod>) -> Vec<String> {
        let p = Published {
            log_public_key: Vec::new(),
            heads: Vec::new(),
            periods,
            leaves: Vec::new(),
            consistency: Vec::new(),
            token_keys: Vec::new(),
            checkpoints: Vec::new(),
            records: Vec::new(),
        };
        let mut r = Report::default();
        rounds_on_their_records(&mut r, &p);
        r.failures().iter().map(|c| c.what.clone()).collect()
    }

    #[test]
    fn a_rounds_digests_name_one_organisation_and_never_stop_naming_it() {
        let week = |round, period, org, head| of(sealed(round, period, 1, None), org, head);
        // Old digests, then named ones: fine.
        assert!(organisation_failures(vec![
            week("a", "2026-11-23", None, 0),
            week("b", "2026-11-23", None, 1),
            week("a", "2026-11-30", Some("x"), 2),
            week("b", "2026-11-30", Some("y"), 3),
        ])
        .is_empty());
        // One round, two organisations.
        let two = organisation_failures(vec![
            week("a", "2026-11-23", Some("x"), 0),
            week("a", "2026-11-30", Some("y"), 1),
        ]);
        assert_eq!(
            two,
            ["round a: its digests name one organisation (they name x and y)"]
        );
        // A digest without its organisation after one with it (in log
        // order, whatever order they are published in).
        let stripped = organisation_failures(vec![
            week("b", "2026-11-30", None, 3),
            week("a", "2026-11-23", Some("x"), 2),
        ]);
        assert_eq!(
            stripped,
            [
                "b 2026-11-30: its digest names its organisation, as every digest sealed after \
                 a 2026-11-23 must"
            ]
        );
    }

    #[test]
    fn spent_tokens_may_not_outrun_the_tokens_a_round_was_issued() {
        // Within bounds, period by period.
        assert!(failures(&[
            sealed("a", "2026-11-23", 2, Some(3)),
            sealed("a", "2026-11-30", 1, Some(3)),
            sealed("b", "2026-11-23", 0, Some(0)),
        ])
        .is_empty());
        // Two tokens a week against three issued: the second week is over.
        let over = failures(&[
            sealed("a", "2026-11-23", 2, Some(3)),
            sealed("b", "2026-11-23", 5, Some(9)),
            sealed("a", "2026-11-30", 2, Some(3)),
        ]);
        assert_eq!(over.len(), 2, "{over:?}");
        assert!(over.iter().all(|f| f.starts_with("a")), "{over:?}");
        // A round that took tokens but had none issued (another round's).
        assert_eq!(failures(&[sealed("c", "2026-11-23", 1, Some(0))]).len(), 2);
        // Digests sealed before issue 17 carry no issued count: unchecked.
        assert!(failures(&[sealed("d", "2026-11-23", 4, None)]).is_empty());
    }
}
