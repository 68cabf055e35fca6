//! Issue 16, item 4: early closing is allowed only when the open period
//! holds at least max(k, the round's fewest critiques per published
//! period), and at most once per period; a refusal says why with a stable
//! code.

use crate::audit::audit_now;
use crate::backends::{spawn_on, Backend};
use crate::helpers::{thursday, TestApp};
use awc::http::StatusCode;
use parrhesia::audit::verifier::Policy;
use parrhesia::digest::SealedDigest;
use serde_json::json;

crate::for_both_backends!(
    early_closing_needs_enough_critiques_and_happens_once_per_period,
    every_early_close_is_on_the_audit_page_in_every_language_and_in_the_log,
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
    assert_eq!(close(&app).await, (1, None), "ten may close");
    // Once per period: the next period cannot be closed before it begins,
    // however many arrive meanwhile.
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

async fn every_early_close_is_on_the_audit_page_in_every_language_and_in_the_log(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    send(&app, 10).await;
    assert_eq!(close(&app).await, (1, None));
    // After the close, one more, sealed at its period's end: not early.
    send(&app, 1).await;
    app.clock.set(thursday() + time::Duration::days(11));
    assert_eq!(close(&app).await.0, 1);
    let digests = sealed(&app).await;
    let flags: Vec<(&str, bool)> = digests
        .iter()
        .map(|d| (d.period.as_str(), d.closed_early))
        .collect();
    assert_eq!(flags, [("2026-11-23", true), ("2026-11-30", false)]);
    // In the log: the flag is in the logged digest, and verify checks the
    // early close held enough critiques.
    let (report, _) = audit_now(&app, &Policy::default(), None).await;
    let text = report.render();
    assert!(report.ok(), "{text}");
    assert!(
        text.contains("spring 2026-11-23: closed early by the host with 10 critiques (an early close needs at least 10)"),
        "{text}"
    );
    assert!(!text.contains("spring 2026-11-30: closed early"), "{text}");
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
