//! Issue 16, item 5: the host's live counts must not time individual
//! people. Staff see the open period's counts only as bands from a
//! snapshot refreshed at most hourly (API, console, invitations used up);
//! exact counts only for sealed periods. On sled and PostgreSQL.

use crate::backends::{spawn_on, Backend};
use crate::console::{add_user, sign_in};
use awc::http::StatusCode;
use parrhesia::app::live::REFRESH_SECS;
use parrhesia::staff::Role;
use serde_json::json;

crate::for_both_backends!(staff_see_the_open_period_only_in_bands_refreshed_at_most_hourly);

/// The counts table of the console's round page.
fn counts(page: &str) -> String {
    let from = page
        .find("Counts for this round")
        .unwrap_or_else(|| panic!("no counts table: {page}"));
    let to = page[from..].find("</table>").unwrap() + from;
    page[from..to].to_owned()
}

async fn staff_see_the_open_period_only_in_bands_refreshed_at_most_hourly(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 12).await;
    add_user(&app, "admin", Role::Administrator, None).await;
    let console = sign_in(&app, "admin").await;
    let api = || app.admin_get("/api/v1/admin/rounds/spring");
    let before = api().await.json();
    assert_eq!(before["critiques"], 0, "{before}");
    assert_eq!(before["critiques_open_band"], "fewer than 10", "{before}");
    let p = console.get("/console/rounds/spring").await;
    assert_eq!(p.status, StatusCode::OK, "{:?}", p.headers);
    let shown = counts(&p.body);
    // Twelve critiques, one after another: within the hour neither the
    // API nor the console moves at all, so no answer times anyone.
    for (i, code) in codes.iter().enumerate() {
        let body = json!({"code": code, "themes": ["digital-access"], "text": "Online only.", "quote_ok": false});
        let sent = app.submit_json("spring", body).await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
        assert_eq!(api().await.json(), before, "after critique {}", i + 1);
        let p = console.get("/console/rounds/spring").await;
        assert_eq!(counts(&p.body), shown, "after critique {}", i + 1);
    }
    app.session_clock.advance(REFRESH_SECS - 1);
    assert_eq!(api().await.json(), before, "refreshed before the hour");
    // An hour on: bands only, never the exact twelve.
    app.session_clock.advance(1);
    let later = api().await.json();
    assert_eq!(later["critiques"], 0, "{later}");
    assert_eq!(later["codes_spent"], 0, "{later}");
    assert_eq!(later["critiques_open_band"], "10-19", "{later}");
    assert_eq!(later["codes_spent_open_band"], "10-19", "{later}");
    // (The session timed out meanwhile: sign in again.)
    let console = sign_in(&app, "admin").await;
    let table = counts(&console.get("/console/rounds/spring").await.body);
    let row = |name: &str| format!("{name}</th><td class=\"numeric\">");
    assert!(
        table.contains(&(row("Critiques in the open period") + "10-19")),
        "{table}"
    );
    assert!(
        table.contains(&(row("Critiques in sealed periods") + "0<")),
        "{table}"
    );
    // Sealed: exact.
    let closed = app
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    let sealed = api().await.json();
    assert_eq!(sealed["critiques"], 12, "{sealed}");
    assert_eq!(sealed["codes_spent"], 12, "{sealed}");
    assert_eq!(sealed["critiques_open_band"], "fewer than 10", "{sealed}");
}
