//! A host that lies about why a period rolled (guarantee 7): `verify`
//! recomputes the "too few" decision from the logged totals, and checks
//! that a release merges exactly the periods rolled since the round's last
//! release. The lies here are forged the way the host could forge them: it
//! holds the log key, so it rebuilds the log around the lie (the digest's
//! leaf, every head's root, re-signed, and the proofs between heads) and
//! publishes a record of answering to match. Only a check of what the
//! digests say can catch them.

use crate::helpers::{spawn_app, thursday, TestApp};
use awc::http::StatusCode;
use parrhesia::audit::fetch::fetch;
use parrhesia::audit::log::{Leaf, LogSigner};
use parrhesia::audit::merkle::{self, Hash};
use parrhesia::audit::verify::{verify, Published};
use parrhesia::digest::record::{rate, RateView};
use parrhesia::digest::SealedDigest;
use parrhesia::encoding::hex;
use parrhesia::secrets::keys::KeyDir;
use serde_json::{json, Value};
use time::Duration;

const WEEK_1: &str = "2026-11-23";
const WEEK_2: &str = "2026-11-30";
const WEEK_3: &str = "2026-12-07";

/// One critique to `round` for each of `codes`, the themes in turn.
pub(crate) async fn submit(app: &TestApp, round: &str, codes: &[String]) {
    for (i, code) in codes.iter().enumerate() {
        let theme = ["leadership", "information", "digital-access"][i % 3];
        let a = app
            .submit_json(
                round,
                json!({"code": code, "themes": [theme], "text": "how it went"}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// Three sealed weeks of the round `spring` (k = 5, min_period = 10): 8
/// critiques (too few: rolls), 6 (merged, 14: released with the first),
/// then 10 (released alone). Returns the published log and the host's
/// log signer.
async fn three_sealed_weeks() -> (TestApp, Published, LogSigner) {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 24).await;
    submit(&app, "spring", &codes[..8]).await;
    app.clock.set(thursday() + Duration::days(7));
    submit(&app, "spring", &codes[8..14]).await;
    app.clock.set(thursday() + Duration::days(14));
    submit(&app, "spring", &codes[14..]).await;
    app.clock.set(thursday() + Duration::days(21));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 2, "{d}");
    assert_eq!(releases[1]["periods"], json!([WEEK_1, WEEK_2]));
    assert_eq!(releases[0]["periods"], json!([WEEK_3]));
    let published = fetch(&app.address).await.unwrap();
    let keys = KeyDir::open(&app.dirs.path().join("keys"), &app.dirs.path().join("data")).unwrap();
    let signer = LogSigner::load(&keys).unwrap();
    (app, published, signer)
}

pub(crate) fn digest_of(p: &Published, period: &str) -> SealedDigest {
    let s = p.periods.iter().find(|s| s.period == period).unwrap();
    serde_json::from_str(&s.digest_json).unwrap()
}

/// What a host holding the log key can publish: `lie` rewrites the sealed
/// digest of `period` before it is logged; the digest's leaf, every head
/// (root and, for its own head, digest hash; re-signed) and every
/// consistency proof follow, and the record of answering lists only the
/// releases the forged digests still make.
pub(crate) fn forge(
    honest: &Published,
    signer: &LogSigner,
    period: &str,
    lie: impl FnOnce(&mut Value),
) -> Published {
    let mut p = honest.clone();
    let s = p.periods.iter_mut().find(|s| s.period == period).unwrap();
    let mut digest: Value = serde_json::from_str(&s.digest_json).unwrap();
    lie(&mut digest);
    s.digest_json = digest.to_string();
    s.digest_sha256 =
        hex(ring::digest::digest(&ring::digest::SHA256, s.digest_json.as_bytes()).as_ref());
    let (round, sha) = (s.round.clone(), s.digest_sha256.clone());
    let at = p
        .leaves
        .iter()
        .position(|l| {
            matches!(serde_json::from_str(l), Ok(Leaf::Digest { round: r, period: q, .. })
                if r == round && q == period)
        })
        .unwrap();
    let leaf = Leaf::Digest {
        round: round.clone(),
        period: period.to_owned(),
        sha256: sha.clone(),
    };
    p.leaves[at] = String::from_utf8(leaf.to_bytes()).unwrap();
    let hashes: Vec<Hash> = p
        .leaves
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect();
    for head in &mut p.heads {
        head.root_hash = hex(&merkle::root(&hashes[..head.tree_size as usize]));
        if head.round == round && head.period == period {
            head.digest_sha256.clone_from(&sha);
        }
        signer.sign(head);
    }
    p.consistency = p
        .heads
        .windows(2)
        .map(|w| {
            merkle::consistency_path(&hashes[..w[1].tree_size as usize], w[0].tree_size as usize)
                .unwrap()
        })
        .collect();
    // The record lists the sealed releases, so the host forges it too.
    let released: Vec<(String, String)> = p
        .periods
        .iter()
        .filter_map(|s| {
            let d: SealedDigest = serde_json::from_str(&s.digest_json).ok()?;
            d.release.map(|_| (d.round, d.period))
        })
        .collect();
    for record in &mut p.records {
        let mut models = Vec::new();
        for r in &mut record.rounds {
            r.releases
                .retain(|v| released.contains(&(r.round.clone(), v.period.clone())));
            models.extend(r.models());
        }
        record.rate = RateView::from(rate(&models));
    }
    p
}

/// The failures of `verify` on `p`, which must include one mentioning
/// each of `expected`.
pub(crate) fn caught(p: &Published, what: &str, expected: &[&str]) {
    let report = verify(p);
    let failures: Vec<String> = report.failures().iter().map(|c| c.what.clone()).collect();
    assert!(
        !failures.is_empty(),
        "{what} was not caught:\n{}",
        report.render()
    );
    for e in expected {
        assert!(
            failures.iter().any(|f| f.contains(e)),
            "{what}: no failure says {e:?}:\n{}",
            report.render()
        );
    }
}

#[actix_web::test]
async fn the_forger_alone_breaks_nothing_and_the_honest_rolls_verify() {
    let (_app, honest, signer) = three_sealed_weeks().await;
    // Honest rolls: week 1 rolled as too few, and week 2's release merges it.
    assert_eq!(
        digest_of(&honest, WEEK_1).rolled.as_deref(),
        Some("too_few")
    );
    let report = verify(&honest);
    assert!(report.ok(), "{}", report.render());
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.ok && c.what.contains(WEEK_1) && c.what.contains("too few")),
        "the roll is checked:\n{}",
        report.render()
    );
    // The forger rebuilds the log and the record faithfully: a digest
    // re-serialised but unchanged still verifies, so what the tests below
    // catch is the lie, not the forging.
    let same = forge(&honest, &signer, WEEK_2, |_| {});
    assert_ne!(same.leaves, honest.leaves, "the forger rewrote the log");
    let report = verify(&same);
    assert!(report.ok(), "{}", report.render());
}

#[actix_web::test]
async fn a_period_with_enough_critiques_logged_as_too_few_fails_verify() {
    let (_app, honest, signer) = three_sealed_weeks().await;
    // Week 3 alone holds 10 = min_period: it had to be released.
    let alone = forge(&honest, &signer, WEEK_3, |d| {
        d["release"] = Value::Null;
        d["rolled"] = json!("too_few");
    });
    caught(
        &alone,
        "ten critiques logged as too few",
        &[
            "spring 2026-12-07: logged as too few",
            "10 critiques",
            "minimum of 10",
        ],
    );
}

#[actix_web::test]
async fn a_too_few_claim_counts_the_rolled_periods_before_it() {
    let (_app, honest, signer) = three_sealed_weeks().await;
    // Week 2 alone holds 6, but with week 1 rolled into it 14: together
    // they had to be released.
    let merged = forge(&honest, &signer, WEEK_2, |d| {
        d["release"] = Value::Null;
        d["rolled"] = json!("too_few");
    });
    caught(
        &merged,
        "fourteen merged critiques logged as too few",
        &[
            "spring 2026-11-30: logged as too few",
            "14 critiques",
            "minimum of 10",
        ],
    );
}

#[actix_web::test]
async fn a_release_that_drops_a_rolled_period_fails_verify() {
    let (_app, honest, signer) = three_sealed_weeks().await;
    // Week 2's release leaves week 1 out (its 8 critiques never shown),
    // with a band that holds the 6 it still names.
    let dropped = forge(&honest, &signer, WEEK_2, |d| {
        d["release"]["periods"] = json!([WEEK_2]);
        d["release"]["total"] = json!({"low": 0, "high": 9});
    });
    caught(
        &dropped,
        "a release that drops a rolled period",
        &["spring 2026-11-30: the release covers 2026-11-23, 2026-11-30"],
    );
    // And one that claims a period it does not follow.
    let claimed = forge(&honest, &signer, WEEK_3, |d| {
        d["release"]["periods"] = json!([WEEK_2, WEEK_3]);
        d["release"]["total"] = json!({"low": 10, "high": 19});
    });
    caught(
        &claimed,
        "a release that claims a released period",
        &["spring 2026-12-07: the release covers 2026-12-07"],
    );
}

#[actix_web::test]
async fn a_digest_with_both_or_neither_or_an_unknown_roll_reason_fails_verify() {
    let (_app, honest, signer) = three_sealed_weeks().await;
    let both = forge(&honest, &signer, WEEK_3, |d| d["rolled"] = json!("too_few"));
    caught(
        &both,
        "a release that also rolled",
        &["spring 2026-12-07: a release or a roll"],
    );
    let unknown = forge(&honest, &signer, WEEK_1, |d| {
        d["rolled"] = json!("host_said_so")
    });
    caught(
        &unknown,
        "an unknown roll reason",
        &["spring 2026-11-23: a release or a roll"],
    );
    let neither = forge(&honest, &signer, WEEK_1, |d| d["rolled"] = Value::Null);
    caught(
        &neither,
        "neither release nor roll",
        &["spring 2026-11-23: a release or a roll"],
    );
}
