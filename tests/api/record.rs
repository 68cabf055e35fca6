//! Answering on the record (issue 21): a round's days to answer, each
//! release's standing (open, overdue, on time, late) from the injected
//! clock, pledges' history on the record page, the response and pledge
//! leaves in the log, `verify` catching an edited or dropped answer, and
//! overdue answers in `/digests.atom`.

use crate::helpers::{collect, spawn_app, thursday, TestApp};
use crate::quotes::{open_week, seal_week, sealed_week};
use crate::responses::{new_key, org_post};
use awc::http::StatusCode;
use parrhesia::audit::fetch::fetch;
use parrhesia::audit::log::Leaf;
use parrhesia::audit::verify::verify;
use serde_json::{json, Value};
use time::Duration;

/// The release of `sealed_week`: week 48 (23-29 November 2026).
const RELEASE: &str = "2026-11-23";

async fn record(app: &TestApp) -> Value {
    let a = app.get("/o/care/record.json").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()
}

fn release(record: &Value) -> &Value {
    &record["rounds"][0]["releases"][0]
}

async fn respond(app: &TestApp, key: &str, text: &str) {
    let body = json!({"round": "spring", "period": RELEASE, "theme": "leadership", "text": text});
    let a = org_post(app, Some(key), "/api/v1/organisations/care/responses", body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

async fn pledge(app: &TestApp, key: &str, text: &str) -> String {
    let body = json!({"round": "spring", "period": RELEASE, "theme": "leadership", "text": text});
    let a = org_post(app, Some(key), "/api/v1/organisations/care/pledges", body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    a.json()["id"].as_str().unwrap().to_owned()
}

async fn restatus(app: &TestApp, key: &str, id: &str, body: Value) {
    let path = format!("/api/v1/organisations/care/pledges/{id}");
    let a = collect(
        app.client
            .patch(app.url(&path))
            .bearer_auth(key)
            .send_json(&body),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[actix_web::test]
async fn days_to_answer_defaults_to_28_and_bad_values_name_their_field() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 3).await;
    let round = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(round["days_to_answer"], 28);
    for bad in [json!(0), json!(366), json!(-1)] {
        let a = app
            .admin_patch(
                "/api/v1/admin/rounds/spring",
                json!({ "days_to_answer": bad }),
            )
            .await;
        assert!(a.status.is_client_error(), "{bad}: {}", a.body);
        if bad != json!(-1) {
            assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
            assert_eq!(a.json()["error"], "days_to_answer_invalid", "{}", a.body);
            assert_eq!(a.json()["field"], "days_to_answer", "{}", a.body);
        }
    }
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"days_to_answer": 10}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["days_to_answer"], 10);
    // On a new round too.
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "autumn", "organisation": "care", "title": "Autumn", "days_to_answer": 400}),
        )
        .await;
    assert_eq!(a.json()["error"], "days_to_answer_invalid", "{}", a.body);
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "autumn", "organisation": "care", "title": "Autumn", "days_to_answer": 14}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(a.json()["days_to_answer"], 14);
}

#[actix_web::test]
async fn an_answer_in_time_is_on_time_and_the_release_is_open_before() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    // Monday 30 November: released, 28 days to answer from Sunday 29th.
    let r = record(&app).await;
    let rel = release(&r);
    assert_eq!(rel["period"], RELEASE);
    assert_eq!(rel["deadline"], "2026-12-27");
    assert_eq!(rel["deadline_period"], "2026-12-21");
    assert_eq!(rel["standing"], "open");
    assert_eq!(r["rate"]["counted"], 0, "an open release is not counted");
    // The organisation's console says by when to answer.
    let role = parrhesia::staff::Role::Organisation;
    crate::console::add_user(&app, "carer", role, Some("care")).await;
    let b = crate::console::sign_in(&app, "carer").await;
    let space = b.get("/console/space").await;
    assert!(
        space.body.contains("Answer by 27 December 2026"),
        "{}",
        space.body
    );

    // Answered in the deadline's own week: still on time (judged by period).
    app.clock.set(thursday() + Duration::days(28));
    respond(&app, &key, "We will hold meetings at 6pm.").await;
    let r = record(&app).await;
    let rel = release(&r);
    assert_eq!(rel["standing"], "on_time", "{r}");
    assert_eq!(rel["answered_in"], "2026-12-21");
    assert_eq!(rel["responses"], 1);
    assert_eq!(r["rate"]["answered_percent"], 100);
    assert_eq!(r["rate"]["on_time_percent"], 100);

    // The digest says so and links to the record.
    let page = app.get("/o/care").await;
    assert!(page.body.contains("Answered on time"), "{}", page.body);
    assert!(page.body.contains("href=\"/o/care/record\""));
    // The page form of the record, and the same JSON by Accept.
    let page = app.get("/o/care/record").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Answered on time"));
    assert!(page.body.contains("We will hold meetings at 6pm."));
    let by_accept = collect(
        app.client
            .get(app.url("/o/care/record"))
            .insert_header(("Accept", "application/json"))
            .send(),
    )
    .await;
    assert_eq!(by_accept.json(), r);
    assert_eq!(
        app.get("/o/nobody/record").await.status,
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn a_release_nobody_answers_is_overdue_in_the_feed_then_late_once_answered() {
    let app = spawn_app().await;
    // One day to answer, set before the week is sealed: the release is
    // logged with it.
    open_week(&app).await;
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"days_to_answer": 1}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    seal_week(&app).await;
    let key = new_key(&app, "care").await;
    // Deadline Monday 30 November, in the week of 30 November: on the
    // Sunday it is still open, on the Monday after it is overdue.
    app.clock.set(thursday() + Duration::days(10));
    assert_eq!(release(&record(&app).await)["standing"], "open");
    let feed = app.get("/digests.atom").await.body;
    assert!(!feed.contains("urn:parrhesia:overdue:"), "{feed}");
    app.clock.set(thursday() + Duration::days(11));
    let r = record(&app).await;
    assert_eq!(release(&r)["standing"], "overdue", "{r}");
    assert_eq!(r["rate"]["counted"], 1);
    assert_eq!(r["rate"]["answered_percent"], 0);
    // A record that still calls it open once the log shows a later week
    // fails verify: "open" would keep it out of the rate. The server logs
    // each week's marker (here the week of 7 December) at its weekly tick.
    app.store
        .tick(thursday() + Duration::days(11))
        .await
        .unwrap();
    let overdue = fetch(&app.address).await.unwrap();
    assert!(verify(&overdue).ok(), "{}", verify(&overdue).render());
    assert!(
        overdue.leaves.iter().any(|l| l.contains("2026-12-07")),
        "no marker of the week of 7 December: {:?}",
        overdue.leaves
    );
    let mut lie = overdue.clone();
    lie.records[0].rounds[0].releases[0].standing = parrhesia::digest::record::StandingView::Open;
    lie.records[0].rate.counted = 0;
    lie.records[0].rate.answered_percent = None;
    lie.records[0].rate.on_time_percent = None;
    assert!(
        !verify(&lie).ok(),
        "an overdue release called open was not caught"
    );
    let feed = app.get("/digests.atom").await.body;
    let entry = "<id>urn:parrhesia:overdue:care:spring:2026-11-23</id>";
    assert_eq!(feed.matches(entry).count(), 1, "{feed}");
    // Dated by day only: the last day of the deadline period.
    assert!(
        feed.contains("<updated>2026-12-06T23:59:59Z</updated>"),
        "{feed}"
    );
    assert!(app
        .get("/o/care")
        .await
        .body
        .contains("Not answered: the deadline was"));

    respond(&app, &key, "Sorry we are late.").await;
    let r = record(&app).await;
    assert_eq!(release(&r)["standing"], "late", "{r}");
    assert_eq!(release(&r)["answered_in"], "2026-12-07");
    assert_eq!(r["rate"]["answered"], 1);
    assert_eq!(r["rate"]["on_time"], 0);
    let feed = app.get("/digests.atom").await.body;
    assert!(!feed.contains(entry), "answered: no longer overdue");
    assert!(app
        .get("/o/care/record")
        .await
        .body
        .contains("Answered late"));

    // verify recomputes standings from the logged answers: the honest
    // record passes; one that calls the late answer on time (alone, or
    // with its deadline moved to match), or calls it unanswered, fails.
    let honest = fetch(&app.address).await.unwrap();
    assert!(verify(&honest).ok(), "{}", verify(&honest).render());
    let forge = |change: &dyn Fn(&mut parrhesia::digest::record::ReleaseView)| {
        let mut p = honest.clone();
        change(&mut p.records[0].rounds[0].releases[0]);
        p
    };
    use parrhesia::digest::record::StandingView;
    let lies = [
        forge(&|r| r.standing = StandingView::OnTime),
        forge(&|r| {
            r.standing = StandingView::OnTime;
            r.deadline = "2027-01-03".into();
            r.deadline_period = "2026-12-28".into();
        }),
        forge(&|r| {
            r.standing = StandingView::Overdue;
            r.answered_in = None;
        }),
        forge(&|r| r.answered_in = Some("2026-11-30".into())),
    ];
    for (i, lie) in lies.iter().enumerate() {
        assert!(!verify(lie).ok(), "forged standing {i} was not caught");
    }
}

/// Issue 21's gaps, closed: a round's days to answer are logged with each
/// release when it is sealed, so a host who lengthens them afterwards moves
/// no published deadline, and `verify` fails a record that does; and a
/// record must list exactly the round's sealed releases.
#[actix_web::test]
async fn a_release_keeps_its_logged_days_and_verify_catches_moved_deadlines_and_missing_releases() {
    use parrhesia::digest::record::StandingView;
    let app = spawn_app().await;
    sealed_week(&app).await; // sealed with the default 28 days
    let key = new_key(&app, "care").await;
    // Lengthened afterwards (e.g. to turn a late answer into an on-time
    // one): the published release keeps its 28 days.
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"days_to_answer": 90}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r = record(&app).await;
    assert_eq!(r["rounds"][0]["days_to_answer"], 90, "{r}");
    assert_eq!(release(&r)["days_to_answer"], 28, "{r}");
    assert_eq!(release(&r)["deadline"], "2026-12-27", "{r}");
    assert_eq!(release(&r)["deadline_period"], "2026-12-21", "{r}");
    let page = app.get("/o/care/record").await.body;
    assert!(
        page.contains("28 (set when this digest was published)"),
        "{page}"
    );
    let caught = |p: &parrhesia::audit::verify::Published, what: &str, needle: &str| {
        let report = verify(p);
        assert!(!report.ok(), "{what} was not caught");
        assert!(
            report.failures().iter().any(|c| c.what.contains(needle)),
            "{what}: {}",
            report.render()
        );
    };
    let unanswered = fetch(&app.address).await.unwrap();
    assert!(verify(&unanswered).ok(), "{}", verify(&unanswered).render());
    // An unanswered release left off the record (hiding that it waits).
    let mut lie = unanswered.clone();
    lie.records[0].rounds[0].releases.clear();
    caught(
        &lie,
        "a release left off",
        "the sealed release 2026-11-23 is on the record",
    );
    // A release the log never sealed, added to the record.
    let mut lie = unanswered.clone();
    let mut extra = lie.records[0].rounds[0].releases[0].clone();
    extra.period = "2026-11-16".into();
    extra.standing = StandingView::Overdue;
    extra.answered_in = None;
    extra.deadline = "2026-12-20".into();
    extra.deadline_period = "2026-12-14".into();
    lie.records[0].rounds[0].releases.insert(0, extra);
    caught(
        &lie,
        "a release never sealed",
        "release 2026-11-16 is a sealed release in the log",
    );
    // The whole round left off the organisation's record.
    let mut lie = unanswered.clone();
    lie.records[0].rounds.clear();
    caught(
        &lie,
        "a round left off",
        "round spring: its sealed releases are on a published record",
    );
    // A release listed twice.
    let mut lie = unanswered.clone();
    let twice = lie.records[0].rounds[0].releases[0].clone();
    lie.records[0].rounds[0].releases.push(twice);
    caught(&lie, "a release listed twice", "each release listed once");
    // The headline rate not what the releases say.
    let mut lie = unanswered.clone();
    lie.records[0].rate.answered = 1;
    lie.records[0].rate.counted = 1;
    lie.records[0].rate.answered_percent = Some(100);
    caught(
        &lie,
        "a made-up rate",
        "its response rate follows from its releases",
    );
    // The period sealed again (a second digest leaf), or published twice.
    let mut lie = unanswered.clone();
    let digest = lie
        .leaves
        .iter()
        .find(|l| l.contains("\"digest\"") && l.contains("2026-11-23"))
        .unwrap()
        .clone();
    lie.leaves.push(digest);
    caught(
        &lie,
        "a period sealed twice",
        "spring 2026-11-23: sealed once (2 digest leaf/leaves)",
    );
    let mut lie = unanswered.clone();
    let again = lie.periods[0].clone();
    lie.periods.push(again);
    caught(&lie, "a period published twice", "published once");
    // Days outside 1-365 in a sealed digest (a modified server's trick to
    // fall back to the round's current days).
    let mut lie = unanswered.clone();
    let at = lie
        .periods
        .iter()
        .position(|s| s.period == RELEASE)
        .unwrap();
    lie.periods[at].digest_json = lie.periods[at]
        .digest_json
        .replace("\"days_to_answer\":28", "\"days_to_answer\":0");
    caught(
        &lie,
        "days of 0 logged",
        "the logged days to answer are 1 to 365",
    );
    // Answered in the week of 4 January: after the logged deadline, so
    // late, though 90 days would call it on time.
    app.clock.set(thursday() + Duration::days(39));
    respond(&app, &key, "We are sorry this took so long.").await;
    let r = record(&app).await;
    assert_eq!(release(&r)["standing"], "late", "{r}");
    assert_eq!(release(&r)["answered_in"], "2027-01-04", "{r}");

    let honest = fetch(&app.address).await.unwrap();
    assert!(verify(&honest).ok(), "{}", verify(&honest).render());
    let lengthen = |p: &mut parrhesia::audit::verify::Published, stated: Option<u16>| {
        let round = &mut p.records[0].rounds[0];
        round.days_to_answer = 90;
        let r = &mut round.releases[0];
        r.days_to_answer = stated;
        r.deadline = "2027-02-27".into();
        r.deadline_period = "2027-02-22".into();
        r.standing = StandingView::OnTime;
    };
    // The record's deadline from 90 days, whether the release states 90
    // or states nothing (as a record of an older version would).
    for stated in [Some(90), None] {
        let mut lie = honest.clone();
        lengthen(&mut lie, stated);
        caught(
            &lie,
            "a deadline lengthened after sealing",
            "28 days to answer as logged",
        );
    }
}

#[actix_web::test]
async fn pledges_history_is_on_the_record_page_with_reasons() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    let done = pledge(&app, &key, "Evening meetings every month.").await;
    let dropped = pledge(&app, &key, "A new minibus.").await;
    app.clock.set(thursday() + Duration::days(11));
    restatus(&app, &key, &done, json!({"status": "done"})).await;
    restatus(
        &app,
        &key,
        &dropped,
        json!({"status": "dropped", "reason": "The council cut the transport budget."}),
    )
    .await;
    let r = record(&app).await;
    let rel = release(&r);
    assert_eq!(rel["standing"], "on_time", "a pledge is an answer");
    assert_eq!(rel["pledges_made"], 2);
    assert_eq!(rel["pledges_done"], 1);
    assert_eq!(rel["pledges_dropped"], 1);
    let page = app.get("/o/care/record").await.body;
    for shown in [
        "Evening meetings every month.",
        "A new minibus.",
        "2 made, 1 done, 1 dropped",
        "Dropped in the period",
        "Reason given: The council cut the transport budget.",
        "Planned in the period",
    ] {
        assert!(page.contains(shown), "{shown} in {page}");
    }
}

#[actix_web::test]
async fn answers_are_logged_and_verify_catches_an_edited_or_dropped_answer() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    respond(&app, &key, "First answer.").await;
    respond(&app, &key, "Second answer.").await;
    let id = pledge(&app, &key, "Evening meetings.").await;
    restatus(&app, &key, &id, json!({"status": "done"})).await;

    // Each version and step has its leaf in the log.
    let size = app.store.log_size().unwrap();
    let leaves: Vec<Leaf> = app
        .store
        .leaves(0, size)
        .unwrap()
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let responses = leaves
        .iter()
        .filter(|l| matches!(l, Leaf::Response { .. }))
        .count();
    let pledges = leaves
        .iter()
        .filter(|l| matches!(l, Leaf::Pledge { pledge, .. } if *pledge == id))
        .count();
    assert_eq!((responses, pledges), (2, 2));

    let honest = fetch(&app.address).await.unwrap();
    assert_eq!(honest.records.len(), 1);
    let report = verify(&honest);
    assert!(report.ok(), "{}", report.render());

    let fails = |p: &parrhesia::audit::verify::Published, what: &str| {
        let report = verify(p);
        assert!(!report.ok(), "{what} was not caught");
    };
    // A response edited in place.
    let mut edited = honest.clone();
    edited.records[0].rounds[0].responses[0].versions[0].text = "We never said that.".into();
    fails(&edited, "an edited response");
    // A version dropped.
    let mut dropped = honest.clone();
    dropped.records[0].rounds[0].responses[0].versions.pop();
    fails(&dropped, "a dropped response version");
    // A pledge's "dropped" step rewritten as "done" earlier, or removed.
    let mut gone = honest.clone();
    gone.records[0].rounds[0].pledges.clear();
    fails(&gone, "a removed pledge");
    // The whole record withheld.
    let mut withheld = honest.clone();
    withheld.records.clear();
    fails(&withheld, "a withheld record");
    assert!(verify(&honest).ok(), "and the honest copy still verifies");
}

/// On either backend (`store_suite::{embedded,postgres}::…`): each response
/// version and pledge step is stored with its leaf under a signed head,
/// the leaf is the one `audit::record` computes from the stored record,
/// and the published record verifies.
pub async fn answers_are_stored_with_their_log_leaves(backend: crate::backends::Backend) {
    let app = crate::backends::spawn_on(backend).await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    let heads_before = app.store.tree_heads().unwrap().len();
    respond(&app, &key, "First answer.").await;
    let id = pledge(&app, &key, "Evening meetings.").await;
    restatus(&app, &key, &id, json!({"status": "in_progress"})).await;
    let size = app.store.log_size().unwrap();
    let logged: Vec<String> = app.store.leaves(0, size).unwrap();
    let response = &app.store.responses_of("spring").unwrap()[0];
    let stored = app.store.pledge(&id).unwrap().unwrap();
    let expected = [
        parrhesia::audit::record::response_leaf(response, 0).unwrap(),
        parrhesia::audit::record::pledge_leaf(&stored, 0).unwrap(),
        parrhesia::audit::record::pledge_leaf(&stored, 1).unwrap(),
    ];
    for leaf in &expected {
        let bytes = String::from_utf8(leaf.to_bytes()).unwrap();
        assert!(logged.contains(&bytes), "{bytes} in the log");
    }
    // Each under a head of its own, covering the whole log.
    let heads = app.store.tree_heads().unwrap();
    assert!(heads.len() >= heads_before + 3);
    assert_eq!(heads.last().unwrap().tree_size, size);
    let report = verify(&fetch(&app.address).await.unwrap());
    assert!(report.ok(), "{}", report.render());
}

#[actix_web::test]
async fn the_console_round_form_sets_days_to_answer_with_an_error_summary() {
    let (app, b) = crate::console::admin_app().await;
    app.setup_round("care", "spring", 2).await;
    let round = app.store.round("spring").unwrap().unwrap();
    let themes: Vec<(String, String, String)> = round
        .themes
        .iter()
        .map(|t| (t.slug().to_string(), t.label().to_owned(), String::new()))
        .collect();
    let borrowed: Vec<(&str, &str, &str)> = themes
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    let rows = crate::console::theme_rows(&borrowed);
    let form = |days: &'static str| {
        let mut fields = vec![
            ("title", "How are we doing?"),
            ("min_group", "2"),
            ("days_to_answer", days),
        ];
        fields.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        fields
    };
    let page = b.get("/console/rounds/spring").await;
    assert!(page.body.contains("id=\"days_to_answer\""), "no field");
    assert!(
        page.body.contains("value=\"28\""),
        "the default is not shown"
    );
    let a = b.post("/console/rounds/spring", &form("400")).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains("error-summary") && a.body.contains("href=\"#days_to_answer\""));
    assert!(a.body.contains(
        "Days the organisation has to answer a digest must be a whole number from 1 to 365."
    ));
    assert_eq!(
        app.store
            .round("spring")
            .unwrap()
            .unwrap()
            .days_to_answer
            .days(),
        28
    );
    let a = b.post("/console/rounds/spring", &form("14")).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(
        app.store
            .round("spring")
            .unwrap()
            .unwrap()
            .days_to_answer
            .days(),
        14
    );
    let page = b.get("/console/rounds/spring").await;
    assert!(page.body.contains("Days to answer a digest"));
    assert!(page.body.contains("href=\"/o/care/record\""));
}

/// `app`'s backup, as `POST /api/v1/admin/backup` gives it.
pub async fn backup_of(app: &TestApp) -> Vec<u8> {
    let mut res = app
        .client
        .post(app.url("/api/v1/admin/backup"))
        .bearer_auth(crate::helpers::ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.body().limit(1 << 26).await.unwrap().to_vec()
}

/// A second server on a copy of `app`'s store: `backup` restored into a
/// fresh directory under `app`'s keys, changed by `change` (given the data
/// directory) before the server starts, on `app`'s day. Its address, and
/// the directory to keep while it runs.
pub async fn serve_restored(
    app: &TestApp,
    backup: Vec<u8>,
    change: impl FnOnce(&std::path::Path),
) -> (tempfile::TempDir, String) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let target = parrhesia::store::Location::Embedded(data.clone());
    std::thread::spawn(move || parrhesia::store::restore(&backup, &target))
        .join()
        .unwrap()
        .unwrap();
    change(&data);
    crate::ops::copy_dir(&app.dirs.path().join("keys"), &root.path().join("keys"));
    let private = std::os::unix::fs::PermissionsExt::from_mode(0o700);
    std::fs::set_permissions(root.path().join("keys"), private).unwrap();
    let mut config = parrhesia::config::Config::new(data, root.path().join("keys"));
    config.bind = "127.0.0.1:0".into();
    let clock = parrhesia::clock::ManualClock::new(parrhesia::clock::Clock::today(&app.clock));
    let server = parrhesia::startup::Application::build_with(
        config,
        std::sync::Arc::new(clock),
        std::sync::Arc::new(parrhesia::clock::ManualSessionClock::default()),
    )
    .await
    .expect("the copy starts");
    let address = format!("http://{}", server.address());
    actix_web::rt::spawn(server.run_until_stopped());
    (root, address)
}

/// A host that edits a stored response in place (here: in a backup
/// restored under the same keys) serves a record `verify` refuses: the
/// logged version no longer matches anything on the record.
#[actix_web::test]
async fn verify_catches_a_response_edited_in_the_store() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    respond(&app, &key, "First answer.").await;
    assert!(verify(&fetch(&app.address).await.unwrap()).ok());
    let mut bytes = backup_of(&app).await;
    // The same length, so the file's framing holds; then its checksum.
    let (from, to) = (b"First answer.", b"Fixed answer.");
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the stored response");
    bytes[at..at + from.len()].copy_from_slice(to);
    let body = bytes.len() - 32;
    let sum = ring::digest::digest(&ring::digest::SHA256, &bytes[..body]);
    bytes[body..].copy_from_slice(sum.as_ref());
    let (_root, address) = serve_restored(&app, bytes, |_| ()).await;
    let published = fetch(&address).await.unwrap();
    assert_eq!(
        published.records[0].rounds[0].responses[0].versions[0].text,
        "Fixed answer."
    );
    let report = verify(&published);
    assert!(!report.ok(), "an edited stored response was not caught");
    assert!(
        report
            .failures()
            .iter()
            .any(|c| c.what.contains("not on the record")),
        "{}",
        report.render()
    );
}
