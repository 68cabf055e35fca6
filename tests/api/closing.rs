//! Issue 16, item 4 (work in progress): early closing is allowed only when
//! the open period holds at least max(k, the round's fewest critiques per
//! published period), and at most once per period.

use crate::backends::{spawn_on, Backend};
use crate::helpers::TestApp;
use awc::http::StatusCode;
use serde_json::json;

crate::for_both_backends!(early_closing_needs_enough_critiques_and_happens_once_per_period);

async fn send(app: &TestApp, n: usize) {
    for code in app.codes("spring", n).await {
        let body = json!({"code": code, "themes": ["leadership"], "text": "Nobody calls back."});
        let a = app.submit_json("spring", body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

async fn close(app: &TestApp) -> u64 {
    let a = app
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()["sealed"].as_u64().unwrap()
}

async fn early_closing_needs_enough_critiques_and_happens_once_per_period(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    // k = 5, fewest per published period 10: nine are not enough.
    send(&app, 9).await;
    assert_eq!(close(&app).await, 0, "closed with nine");
    send(&app, 1).await;
    assert_eq!(close(&app).await, 1, "ten may close");
    // Once per period: the next period cannot be closed before it begins,
    // however many arrive meanwhile.
    send(&app, 12).await;
    assert_eq!(close(&app).await, 0, "closed twice in one period");
}
