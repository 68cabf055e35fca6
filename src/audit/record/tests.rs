//! The record's leaves and the auditor's check, on honest and tampered
//! copies.

use super::*;
use crate::clock::day;
use crate::digest::record::{round_record, DaysToAnswer};
use crate::digest::voices::{PledgeChange, PledgeStatus, Release};
use crate::domain::ResponseVersion;
use crate::domain::{Period, PeriodLength};
use time::Duration;

fn week(n: i64) -> Period {
    Period::containing(
        day(2027, 1, 4) + Duration::weeks(n - 1),
        PeriodLength::ONE_WEEK,
    )
}

fn responses() -> Vec<ResponseRecord> {
    vec![ResponseRecord {
        round: "day".into(),
        period: week(1).id(),
        theme: "money".into(),
        versions: vec![
            ResponseVersion {
                text: "We will review the fares.".into(),
                changed_in: week(2).id(),
                translations: Default::default(),
            },
            ResponseVersion {
                text: "We reviewed the fares: they fall in April.".into(),
                changed_in: week(6).id(),
                translations: Default::default(),
            },
        ],
    }]
}

fn pledges() -> Vec<PledgeRecord> {
    let step = |status, w: i64, reason: Option<&str>| PledgeChange {
        status,
        reason: reason.map(str::to_owned),
        period: week(w).id(),
    };
    vec![PledgeRecord {
        id: "0f".repeat(16),
        organisation: "care".into(),
        round: "day".into(),
        period: week(1).id(),
        theme: "money".into(),
        text: "Cheaper fares".into(),
        translations: Default::default(),
        history: vec![
            step(PledgeStatus::Planned, 2, None),
            step(PledgeStatus::Dropped, 7, Some("The council said no.")),
        ],
    }]
}

fn records(responses: &[ResponseRecord], pledges: &[PledgeRecord]) -> Vec<ReleaseRecord> {
    let p = week(1);
    let release = Release {
        period: p.id(),
        label: p.label(),
        k: 5,
        base: 1,
        shown_themes: vec!["money".into()],
        number_themes: vec!["money".into()],
        covers: vec![p.id()],
        critiques: crate::digest::disclosure::Band::of(0),
        days_to_answer: None,
    };
    round_record(
        "day",
        PeriodLength::ONE_WEEK,
        DaysToAnswer::default(),
        &[release],
        responses,
        pledges,
        day(2027, 6, 1),
    )
}

/// A log holding other leaves around the record's, in the order the writer
/// would have appended them (by the period each version was made in).
fn log(responses: &[ResponseRecord], pledges: &[PledgeRecord]) -> Vec<String> {
    let mut mine = leaves(responses, pledges);
    mine.sort_by_key(|l| match l {
        Leaf::Response { changed_in, .. } | Leaf::Pledge { changed_in, .. } => changed_in.clone(),
        _ => String::new(),
    });
    let other = Leaf::Digest {
        round: "day".into(),
        period: week(1).id(),
        sha256: "00".repeat(32),
    };
    std::iter::once(other)
        .chain(mine)
        .map(|l| String::from_utf8(l.to_bytes()).unwrap())
        .collect()
}

/// The head that sealed week 5 (the deadline period of week 1's release),
/// covering the first `size` leaves.
fn head(size: u64) -> TreeHead {
    TreeHead {
        tree_size: size,
        root_hash: String::new(),
        round: "day".into(),
        period: week(5).id(),
        digest_sha256: String::new(),
        signature: String::new(),
    }
}

fn failures(checks: &[Check]) -> Vec<&str> {
    checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.what.as_str())
        .collect()
}

#[test]
fn leaves_have_a_stable_form_and_commit_every_field() {
    let r = &responses()[0];
    let leaf = response_leaf(r, 0).unwrap();
    let json = String::from_utf8(leaf.to_bytes()).unwrap();
    assert!(
        json.starts_with(r#"{"kind":"response","round":"day","period":"2027-01-04","theme":"money","version":0,"changed_in":"2027-01-11","sha256":""#),
        "{json}"
    );
    assert!(response_leaf(r, 2).is_none());
    // Changing any one field changes the hash.
    let base = response_leaf(r, 0).unwrap();
    let mut edits: Vec<ResponseRecord> = Vec::new();
    for f in 0..5 {
        let mut e = r.clone();
        match f {
            0 => e.round.push('x'),
            1 => e.period = week(2).id(),
            2 => e.theme.push('x'),
            3 => e.versions[0].changed_in = week(3).id(),
            _ => e.versions[0].text.push('!'),
        }
        edits.push(e);
    }
    for e in &edits {
        let Leaf::Response { sha256, .. } = response_leaf(e, 0).unwrap() else {
            panic!()
        };
        let Leaf::Response {
            sha256: original, ..
        } = &base
        else {
            panic!()
        };
        assert_ne!(&sha256, original);
    }
    let p = &pledges()[0];
    let a = pledge_leaf(p, 1).unwrap();
    let mut reworded = p.clone();
    reworded.text = "Free fares".into();
    assert_ne!(a, pledge_leaf(&reworded, 1).unwrap());
    let mut reason = p.clone();
    reason.history[1].reason = Some("We changed our minds.".into());
    assert_ne!(a, pledge_leaf(&reason, 1).unwrap());
}

#[test]
fn translations_are_committed_and_english_alone_hashes_as_before() {
    // The v1 layout of an answer in English alone, computed here by hand.
    let r = &responses()[0];
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let v = &r.versions[0];
    let parts: [&[u8]; 7] = [
        b"parrhesia/response/v1",
        r.round.as_bytes(),
        r.period.as_bytes(),
        r.theme.as_bytes(),
        b"0",
        v.changed_in.as_bytes(),
        v.text.as_bytes(),
    ];
    ctx.update(&parts.join(&b"\0"[..]));
    let by_hand = crate::encoding::hex(ctx.finish().as_ref());
    let sha = |r: &ResponseRecord| match response_leaf(r, 0) {
        Some(Leaf::Response { sha256, .. }) => sha256,
        _ => panic!(),
    };
    assert_eq!(sha(r), by_hand);
    // A translation is committed, word for word.
    let mut welsh = r.clone();
    welsh.versions[0].translations =
        [("cy".to_owned(), "Byddwn yn adolygu'r prisiau.".to_owned())].into();
    assert_ne!(sha(&welsh), by_hand);
    let mut reworded = welsh.clone();
    reworded.versions[0]
        .translations
        .insert("cy".into(), "Dim byd.".into());
    assert_ne!(sha(&reworded), sha(&welsh));
    let p = &pledges()[0];
    let mut polish = p.clone();
    polish.translations = [("pl".to_owned(), "Tańsze bilety".to_owned())].into();
    assert_ne!(pledge_leaf(p, 0), pledge_leaf(&polish, 0));
}

#[test]
fn an_honest_record_checks_out() {
    let (r, p) = (responses(), pledges());
    let log = log(&r, &p);
    let checks = check(&r, &p, &records(&r, &p), &log, &[head(3)]);
    assert!(failures(&checks).is_empty(), "{:?}", failures(&checks));
    // 2 series x 2 checks, the "nothing unmatched" check, the on-time check.
    assert_eq!(checks.len(), 6);
}

#[test]
fn a_rewritten_or_deleted_version_is_caught() {
    let (r, p) = (responses(), pledges());
    let log = log(&r, &p);
    // The organisation edits its first answer in place.
    let mut rewritten = r.clone();
    rewritten[0].versions[0].text = "We always planned to cut fares.".into();
    let f = check(&rewritten, &p, &records(&rewritten, &p), &log, &[]);
    assert!(
        f.iter().any(|c| !c.ok && c.what.contains("1 missing")),
        "{f:?}"
    );
    assert!(failures(&f)
        .iter()
        .any(|w| w.contains("1 logged answer version(s) not on the record")));
    // It deletes the dropped step of its pledge.
    let mut hidden = p.clone();
    hidden[0].history.pop();
    let f = check(&r, &hidden, &records(&r, &hidden), &log, &[]);
    assert_eq!(
        failures(&f),
        ["record: 1 logged answer version(s) not on the record"]
    );
    // Leaves of another round are not this record's business.
    let mut elsewhere = p.clone();
    elsewhere[0].round = "other".into();
    let mut log2 = log.clone();
    log2.extend(
        leaves(&[], &elsewhere)
            .iter()
            .map(|l| String::from_utf8(l.to_bytes()).unwrap()),
    );
    assert!(failures(&check(&r, &p, &records(&r, &p), &log2, &[])).is_empty());
}

#[test]
fn versions_out_of_order_are_caught() {
    let (r, p) = (responses(), pledges());
    let mut log = log(&r, &p);
    let first = log
        .iter()
        .position(|l| l.contains("\"version\":0") && l.contains("response"))
        .unwrap();
    let second = log
        .iter()
        .position(|l| l.contains("\"version\":1") && l.contains("response"))
        .unwrap();
    log.swap(first, second);
    let f = check(&r, &p, &records(&r, &p), &log, &[]);
    assert_eq!(
        failures(&f),
        ["response day/2027-01-04/money: versions logged in order"]
    );
}

#[test]
fn an_on_time_claim_needs_the_answer_logged_before_the_deadline_head() {
    let (r, p) = (responses(), pledges());
    let log = log(&r, &p);
    // Leaf 0 is the digest; the first answers are leaves 1 and 2. A head
    // sealing the deadline period that covers only leaf 0 means the answer
    // was logged after the deadline, whatever period it claims.
    let f = check(&r, &p, &records(&r, &p), &log, &[head(1)]);
    assert_eq!(
        failures(&f),
        ["release day/2027-01-04: answered on time, logged before 2027-02-01 was sealed or a later week began"]
    );
    assert!(failures(&check(&r, &p, &records(&r, &p), &log, &[head(2)])).is_empty());
}

/// A deadline period nobody wrote in is never sealed, so has no head; the
/// log's weekly markers still date the answer: one logged after the marker
/// of a week past the deadline period was not on time, whatever period it
/// claims.
#[test]
fn an_on_time_claim_needs_the_answer_logged_before_a_week_past_the_deadline() {
    let (r, p) = (responses(), pledges());
    let marker = |week: &str| {
        String::from_utf8(
            Leaf::Period {
                period: week.into(),
            }
            .to_bytes(),
        )
        .unwrap()
    };
    let records = records(&r, &p);
    assert_eq!(records[0].deadline_period.id(), "2027-02-01");
    // Markers of weeks up to the deadline period's, then the answers: on
    // time. Then markers of later weeks come after the answers: still on
    // time.
    for week in ["2027-01-11", "2027-02-01"] {
        let mut log = log(&r, &p);
        log.insert(1, marker(week));
        log.push(marker("2027-02-08"));
        assert!(
            failures(&check(&r, &p, &records, &log, &[])).is_empty(),
            "{week}"
        );
    }
    // The week after the deadline period (or any later one) was logged
    // before the first answer: caught, with no head at all.
    for week in ["2027-02-08", "2027-03-01"] {
        let mut log = log(&r, &p);
        log.insert(1, marker(week));
        assert_eq!(
            failures(&check(&r, &p, &records, &log, &[])),
            ["release day/2027-01-04: answered on time, logged before 2027-02-01 was sealed or a later week began"],
            "{week}"
        );
    }
}
