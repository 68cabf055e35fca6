//! Issue 16, item 4: early closing is allowed only when the open period
//! holds at least max(k, the round's fewest critiques per published
//! period), and at most once per period; a refusal says why with a stable
//! code.

use crate::audit::audit_now;
use crate::backends::{spawn_on, Backend};
use crate::helpers::{thursday, TestApp};
use awc::http::StatusCode;
use parrhesia::app::live::REFRESH_SECS;
use parrhesia::audit::verifier::Policy;
use parrhesia::digest::SealedDigest;
use serde_json::json;

crate::for_both_backends!(
    early_closing_needs_enough_critiques_and_happens_once_per_period,
    the_period_after_an_early_close_begins_on_the_day_of_the_close,
    every_early_close_is_on_the_audit_page_in_every_language_and_in_the_log,
    a_close_that_raced_past_the_gate_leaves_the_rest_of_the_period_open,
);

async fn send(app: &TestApp, n: usize) {
    if n == 0 {
        return;
    }
    for code in app.codes("spring", n).await {
        let body = json!({"code": code, "themes": ["leadership"], "text": "Nobody calls back."});
        let a = app.submit_json("spring", body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// Close every round's period that may be closed: how many were sealed,
/// and the refusal code for round "spring", if any.
async fn close(app: &TestApp) -> (u64, Option<String>) {
    let a = app
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let v = a.json();
    let refused = v["refused"].as_array().and_then(|r| {
        r.iter()
            .find(|r| r["round"] == "spring")
            .map(|r| r["error"].as_str().unwrap().to_owned())
    });
    (v["sealed"].as_u64().unwrap(), refused)
}

async fn early_closing_needs_enough_critiques_and_happens_once_per_period(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    // k = 5, fewest per published period 10: none, one, nine are not
    // enough, whatever the number.
    for n in [0, 1, 8] {
        send(&app, n).await;
        let (sealed, refused) = close(&app).await;
        assert_eq!(sealed, 0, "closed with {n} more");
        assert_eq!(refused.as_deref(), Some("period_too_small_to_close"));
    }
    let stats = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(stats["critiques"], 0, "{stats}");
    send(&app, 1).await;
    // The gate reads the hourly snapshot, not the live count: within the
    // hour the tenth critique changes nothing, so polling the gate cannot
    // time it.
    app.session_clock.advance(REFRESH_SECS - 1);
    let (sealed, refused) = close(&app).await;
    assert_eq!(sealed, 0, "the gate followed the live count");
    assert_eq!(refused.as_deref(), Some("period_too_small_to_close"));
    app.session_clock.advance(1);
    assert_eq!(close(&app).await, (1, None), "ten may close");
    // Once per period: the rest of it cannot be closed early, however many
    // arrive meanwhile.
    send(&app, 12).await;
    let (sealed, refused) = close(&app).await;
    assert_eq!(sealed, 0, "closed twice in one period");
    assert_eq!(refused.as_deref(), Some("period_closed_early_already"));
    // At its end the period seals by itself, small or not.
    app.clock.set(thursday() + time::Duration::days(11));
    let (sealed, _) = close(&app).await;
    assert_eq!(
        sealed, 1,
        "the period after the close did not seal at its end"
    );
}

/// The sealed digests listed by `/api/v1/audit`, oldest first.
async fn sealed(app: &TestApp) -> Vec<SealedDigest> {
    let audit = app.get("/api/v1/audit").await.json();
    let mut all: Vec<SealedDigest> = audit["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| serde_json::from_str(p["digest_json"].as_str().unwrap()).unwrap())
        .collect();
    all.sort_by(|a, b| a.period.cmp(&b.period));
    all
}

/// Each sealed period, oldest first, with whether it was closed early.
async fn early_flags(app: &TestApp) -> Vec<(String, bool)> {
    sealed(app)
        .await
        .into_iter()
        .map(|d| (d.period, d.closed_early))
        .collect()
}

async fn every_early_close_is_on_the_audit_page_in_every_language_and_in_the_log(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    send(&app, 10).await;
    assert_eq!(close(&app).await, (1, None));
    // After the close, one more, sealed at its period's end: not early.
    send(&app, 1).await;
    app.clock.set(thursday() + time::Duration::days(11));
    assert_eq!(close(&app).await.0, 1);
    assert_eq!(
        early_flags(&app).await,
        [
            ("2026-11-23".to_owned(), true),
            ("2026-11-26".to_owned(), false)
        ]
    );
    // In the log: the flag is in the logged digest, and verify checks the
    // early close held enough critiques.
    let (report, _) = audit_now(&app, &Policy::default(), None).await;
    let text = report.render();
    assert!(report.ok(), "{text}");
    assert!(
        text.contains("spring 2026-11-23: closed early by the host with 10 critiques (an early close needs at least 10)"),
        "{text}"
    );
    assert!(!text.contains("spring 2026-11-26: closed early"), "{text}");
    // On the public audit page, in every language: the early close marked
    // once, with what it means.
    for (lang, mark, note) in [
        ("en", "(closed early)", "was closed by us before its end"),
        ("cy", "(wedi'i gau'n gynnar)", "cyn ei ddiwedd"),
        ("pl", "(zamknięty wcześniej)", "przed jego końcem"),
        ("ar", "(أُغلقت مبكرًا)", "قبل نهايتها"),
    ] {
        let page = app.get(&format!("/audit?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body.matches(mark).count(), 1, "{lang}: {}", page.body);
        assert!(page.body.contains(note), "{lang}: {}", page.body);
    }
}

/// Critique periods as the store files them, by period id.
fn filed(app: &TestApp, period: &str) -> usize {
    let round = parrhesia::domain::Slug::parse("spring", "round").unwrap();
    app.store.critique_texts(&round, period).unwrap().len()
}

async fn the_period_after_an_early_close_begins_on_the_day_of_the_close(backend: Backend) {
    let app = spawn_on(backend).await;
    // Two-week periods: 23 November to 6 December 2026.
    let org = json!({"slug": "care", "name": "Care services"});
    let a = app.admin_post("/api/v1/admin/organisations", org).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let round = json!({"slug": "spring", "organisation": "care", "title": "How are we doing?",
        "min_group": 5, "period_weeks": 2});
    let a = app.admin_post("/api/v1/admin/rounds", round).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    // Closing on the period's first day is refused: the rest of it would
    // be the period itself.
    app.clock.set(thursday() - time::Duration::days(3));
    send(&app, 10).await;
    assert_eq!(close(&app).await, (0, Some("period_just_begun".to_owned())));
    // Friday 4 December: closed early with ten.
    app.clock.set(thursday() + time::Duration::days(8));
    assert_eq!(close(&app).await, (1, None));
    // Critiques sent later that day and the next are filed under the
    // period that began on the day of the close, never a future one.
    send(&app, 2).await;
    app.clock.set(thursday() + time::Duration::days(9));
    send(&app, 1).await;
    assert_eq!(filed(&app, "2026-12-04"), 3);
    assert_eq!(filed(&app, "2026-12-07"), 0);
    let digests = sealed(&app).await;
    assert_eq!(digests.len(), 1);
    let release = digests[0].release.as_ref().unwrap();
    assert_eq!(release.label, "23 November to 4 December 2026");
    // The rest seals at the period's normal end, named truthfully, and the
    // grid goes on: 7 December opens the next two-week period.
    app.clock.set(thursday() + time::Duration::days(11));
    assert_eq!(close(&app).await.0, 1);
    send(&app, 1).await;
    assert_eq!(filed(&app, "2026-12-07"), 1);
    let digests = sealed(&app).await;
    let periods: Vec<&str> = digests.iter().map(|d| d.period.as_str()).collect();
    assert_eq!(periods, ["2026-11-23", "2026-12-04"]);
    // Three are too few to publish alone: rolled, so labelled by the
    // release that takes it later; the sealed record names the close day.
    let audit = app.get("/api/v1/audit").await.json();
    let first = audit["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == "2026-11-23")
        .unwrap()
        .clone();
    assert_eq!(first["closed_on"], "2026-12-04", "{first}");
}

/// Two closes can both pass the application's gate before either reaches
/// the writer (two staff at once, or a close sent again while a large one
/// is still sealing). The second must not close the rest of the period:
/// with the few critiques sent since, that would be a second early close,
/// with fewer than an early close needs, and the honest host's log would
/// then fail the audit.
async fn a_close_that_raced_past_the_gate_leaves_the_rest_of_the_period_open(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    send(&app, 10).await;
    assert_eq!(close(&app).await, (1, None));
    send(&app, 2).await;
    // The racing close, as it reaches the store after the gate let it by.
    let round = parrhesia::domain::Slug::parse("spring", "round").unwrap();
    let again = app.store.close_round(thursday(), &round).await.unwrap();
    assert_eq!(
        again, 0,
        "the rest of a period closed early was closed again"
    );
    assert_eq!(filed(&app, "2026-11-26"), 2);
    assert_eq!(sealed(&app).await.len(), 1);
    // The rest still seals at the period's end, and the log passes.
    app.clock.set(thursday() + time::Duration::days(11));
    assert_eq!(close(&app).await.0, 1);
    assert_eq!(
        early_flags(&app).await,
        [
            ("2026-11-23".to_owned(), true),
            ("2026-11-26".to_owned(), false)
        ]
    );
    let (report, _) = audit_now(&app, &Policy::default(), None).await;
    assert!(report.ok(), "{}", report.render());
}
