//! A host that shows a round under another organisation (guarantee 7):
//! each sealed digest names the round's organisation, so `verify` checks
//! that the round is on that organisation's record of answering and on no
//! other. Without it, a host could move a round's releases (and the
//! criticism in them) to another organisation's pages and record, and the
//! log would not say otherwise.

use crate::helpers::{spawn_app, thursday, TestApp};
use crate::responses::{new_key, org_post};
use crate::rolled::{caught, digest_of, forge};
use awc::http::StatusCode;
use parrhesia::audit::fetch::fetch;
use parrhesia::audit::log::LogSigner;
use parrhesia::audit::verify::{verify, Published};
use parrhesia::digest::record::{rate, RateView};
use parrhesia::secrets::keys::KeyDir;
use serde_json::json;
use time::Duration;

const WEEK_1: &str = "2026-11-23";

async fn submit(app: &TestApp, round: &str, count: usize) {
    let codes = app.codes(round, count).await;
    crate::rolled::submit(app, round, &codes).await;
}

/// Two organisations, one round each (`spring` about `care`, `autumn`
/// about `other`), each with one sealed, released week. Returns the
/// published log and the host's log signer.
async fn two_organisations() -> (TestApp, Published, LogSigner) {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    app.setup_round("other", "autumn", 5).await;
    submit(&app, "spring", 10).await;
    submit(&app, "autumn", 10).await;
    app.clock.set(thursday() + Duration::days(7));
    for org in ["care", "other"] {
        let d = app
            .get(&format!("/api/v1/organisations/{org}/digest"))
            .await
            .json();
        assert_eq!(
            d["rounds"][0]["releases"].as_array().unwrap().len(),
            1,
            "{d}"
        );
    }
    let published = fetch(&app.address).await.unwrap();
    let keys = KeyDir::open(&app.dirs.path().join("keys"), &app.dirs.path().join("data")).unwrap();
    let signer = LogSigner::load(&keys).unwrap();
    (app, published, signer)
}

fn says(p: &Published, what: &str) -> bool {
    verify(p)
        .checks
        .iter()
        .any(|c| c.ok && c.what.contains(what))
}

#[actix_web::test]
async fn each_round_is_on_the_record_of_the_organisation_its_digests_name() {
    let (_app, honest, _) = two_organisations().await;
    let spring = honest.periods.iter().find(|s| s.round == "spring").unwrap();
    assert!(
        spring.digest_json.contains(r#""organisation":"care""#),
        "{}",
        spring.digest_json
    );
    let report = verify(&honest);
    assert!(report.ok(), "{}", report.render());
    for (round, org) in [("spring", "care"), ("autumn", "other")] {
        assert!(
            says(
                &honest,
                &format!("round {round}: on the record of {org}, the organisation its digests name, and on no other")
            ),
            "{round} is checked against {org}'s record:\n{}",
            report.render()
        );
    }
}

/// Where `org`'s record is in `published`'s records.
fn record_of(published: &Published, org: &str) -> usize {
    published
        .records
        .iter()
        .position(|r| r.organisation == org)
        .unwrap()
}

/// `published` with the round `spring` moved from care's record to
/// other's, the log untouched: both records' rates follow the move, as a
/// host's would.
fn spring_moved_to_other(published: &Published) -> Published {
    let mut moved = published.clone();
    let (care, other) = (record_of(&moved, "care"), record_of(&moved, "other"));
    let spring = moved.records[care].rounds.remove(0);
    assert_eq!(spring.round, "spring");
    moved.records[other].rounds.push(spring);
    for record in &mut moved.records {
        let models: Vec<_> = record.rounds.iter().flat_map(|r| r.models()).collect();
        record.rate = RateView::from(rate(&models));
    }
    moved
}

#[actix_web::test]
async fn a_round_shown_on_another_organisations_record_fails_verify() {
    let (_app, honest, signer) = two_organisations().await;
    // The host moves `spring` (about care) onto other's record.
    let moved = spring_moved_to_other(&honest);
    caught(
        &moved,
        "a round moved to another organisation's record",
        &["round spring: its digests name care, but it is on the record of other"],
    );
    // Shown on both records: still on another's.
    let mut both = honest.clone();
    let spring = both.records[record_of(&both, "care")].rounds[0].clone();
    let other = record_of(&both, "other");
    both.records[other].rounds.push(spring);
    caught(
        &both,
        "a round shown on two organisations' records",
        &["round spring: its digests name care, but it is on the record of other"],
    );
    // A host holding the log key strips the organisation from the newest
    // digest, to pass it off as one sealed before digests named it.
    let newest = honest.periods.iter().max_by_key(|s| s.head).unwrap();
    let round = newest.round.clone();
    let stripped = {
        // `forge` rewrites the first period named WEEK_1: make the newest
        // one first so that it is the one rewritten.
        let mut p = honest.clone();
        let i = p.periods.iter().position(|s| s.round == round).unwrap();
        let s = p.periods.remove(i);
        p.periods.insert(0, s);
        forge(&p, &signer, WEEK_1, |d| {
            d.as_object_mut().unwrap().remove("organisation");
        })
    };
    assert!(digest_of(&stripped, WEEK_1).organisation.is_none());
    caught(
        &stripped,
        "a digest stripped of its organisation",
        &[&format!(
            "{round} {WEEK_1}: its digest names its organisation, as every digest sealed after"
        )],
    );
}

#[actix_web::test]
async fn digests_sealed_before_they_named_the_organisation_pass_as_not_checkable() {
    let (app, _, signer) = two_organisations().await;
    // care pledges something on spring's release: its leaf names care.
    let key = new_key(&app, "care").await;
    let body = json!({"round": "spring", "period": WEEK_1, "theme": "leadership",
        "text": "Evening meetings every month."});
    let a = org_post(&app, Some(&key), "/api/v1/organisations/care/pledges", body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let pledge = a.json()["id"].as_str().unwrap().to_owned();
    let honest = fetch(&app.address).await.unwrap();
    // A log sealed before this change: no digest names its organisation.
    let mut old = honest.clone();
    let rounds: Vec<String> = old.periods.iter().map(|s| s.round.clone()).collect();
    for round in rounds {
        let i = old.periods.iter().position(|s| s.round == round).unwrap();
        let s = old.periods.remove(i);
        old.periods.insert(0, s);
        old = forge(&old, &signer, WEEK_1, |d| {
            d.as_object_mut().unwrap().remove("organisation");
        });
    }
    assert!(old
        .periods
        .iter()
        .all(|s| !s.digest_json.contains("organisation")));
    let report = verify(&old);
    assert!(report.ok(), "{}", report.render());
    for round in ["spring", "autumn"] {
        assert!(
            says(
                &old,
                &format!("round {round}: its digests were sealed before digests named their organisation, so whose record it belongs on is not checkable")
            ),
            "{}",
            report.render()
        );
    }
    // Such a round can be moved to another organisation's record without
    // the round check noticing (the line above admits it), but not with
    // its pledges: their leaves name the organisation that made them.
    let moved = spring_moved_to_other(&old);
    caught(
        &moved,
        "an old round with a pledge moved to another organisation's record",
        &[&format!(
            "pledge {pledge} (spring): made by care, but on the record of other"
        )],
    );
}

/// A front for `target` that serves `/o/care/record.json` with the record
/// of `other`.
async fn swapping_front(target: String) -> String {
    use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        let target = target.clone();
        App::new().default_service(web::to(move |req: HttpRequest| {
            let target = target.clone();
            async move {
                let path = match req.uri().to_string().as_str() {
                    "/o/care/record.json" => "/o/other/record.json".to_owned(),
                    other => other.to_owned(),
                };
                let mut res = awc::Client::default()
                    .get(format!("{target}{path}"))
                    .send()
                    .await
                    .unwrap();
                HttpResponse::build(res.status())
                    .content_type("application/json")
                    .body(res.body().limit(1 << 26).await.unwrap())
            }
        }))
    })
    .workers(1)
    .listen(listener)
    .unwrap();
    actix_web::rt::spawn(server.run());
    format!("http://127.0.0.1:{port}")
}

#[actix_web::test]
async fn a_record_published_at_another_organisations_address_is_refused() {
    let (app, _, _) = two_organisations().await;
    let front = swapping_front(app.address.clone()).await;
    let err = fetch(&front).await.unwrap_err().to_string();
    assert!(
        err.contains(
            "/o/care/record.json is published as the record of another organisation (other)"
        ),
        "{err}"
    );
}
