//! "You said, we did": organisation keys (own organisation only, stored
//! as a hash, uniform refusals), responses per theme per published period
//! with their versions, and pledges with a status history recorded by
//! period.

use crate::helpers::{collect, spawn_app, thursday, Answer, TestApp, ADMIN_TOKEN};
use crate::quotes::sealed_week;
use awc::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

pub async fn new_key(app: &TestApp, org: &str) -> String {
    let a = app
        .admin_post(
            &format!("/api/v1/admin/organisations/{org}/keys"),
            json!({}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    a.json()["key"].as_str().unwrap().to_owned()
}

pub async fn org_post(app: &TestApp, key: Option<&str>, path: &str, body: Value) -> Answer {
    let mut req = app.client.post(app.url(path));
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    collect(req.send_json(&body)).await
}

async fn org_patch(app: &TestApp, key: &str, path: &str, body: Value) -> Answer {
    collect(
        app.client
            .patch(app.url(path))
            .bearer_auth(key)
            .send_json(&body),
    )
    .await
}

fn response(theme: &str, text: &str) -> Value {
    json!({"round": "spring", "period": "2026-11-23", "theme": theme, "text": text})
}

#[actix_web::test]
async fn organisation_keys_open_only_their_own_organisations_routes() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    app.admin_post(
        "/api/v1/admin/organisations",
        json!({"slug": "other", "name": "Other services"}),
    )
    .await;
    // Only the host makes keys; an unknown organisation gets none.
    let a = collect(
        app.client
            .post(app.url("/api/v1/admin/organisations/care/keys"))
            .send(),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = app
        .admin_post("/api/v1/admin/organisations/nobody/keys", json!({}))
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let care = new_key(&app, "care").await;
    let other = new_key(&app, "other").await;
    assert_eq!(care.len(), 64);

    // Only the hash is stored.
    let stored = app.store.voice_records().unwrap();
    assert!(stored
        .iter()
        .all(|(_, k, v)| !String::from_utf8_lossy(k).contains(&care)
            && !String::from_utf8_lossy(v).contains(&care)));

    let path = "/api/v1/organisations/care/responses";
    let body = response("leadership", "We will hold meetings at 6pm.");
    // No key, a wrong key, another organisation's key, the admin token:
    // the same refusal.
    let mut refusals = Vec::new();
    for key in [None, Some("wrong"), Some(other.as_str()), Some(ADMIN_TOKEN)] {
        let a = org_post(&app, key, path, body.clone()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{key:?}");
        refusals.push(a.body);
    }
    assert!(refusals.windows(2).all(|w| w[0] == w[1]));
    // An organisation key opens no admin route.
    let a = collect(
        app.client
            .get(app.url("/api/v1/admin/quotes"))
            .bearer_auth(&care)
            .send(),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    // Its own key works.
    let a = org_post(&app, Some(&care), path, body).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[actix_web::test]
async fn responses_need_a_published_period_and_keep_every_version() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    let path = "/api/v1/organisations/care/responses";

    // The open period has no digest to answer.
    let a = org_post(
        &app,
        Some(&key),
        path,
        json!({"round": "spring", "period": "2026-11-30", "theme": "leadership", "text": "x"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"], "period_not_published");
    let a = org_post(&app, Some(&key), path, response("no-such-theme", "x")).await;
    assert_eq!(a.json()["error"], "theme_unknown");
    let a = org_post(&app, Some(&key), path, response("leadership", "   ")).await;
    assert_eq!(a.json()["error"], "text_invalid");

    let a = org_post(
        &app,
        Some(&key),
        path,
        response("leadership", "First answer."),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = org_post(
        &app,
        Some(&key),
        path,
        response("leadership", "Second answer."),
    )
    .await;
    let versions = a.json()["versions"].as_array().unwrap().clone();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["text"], "First answer.");
    assert_eq!(versions[1]["changed_in"], "2026-11-30");

    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let r = &d["voices"][0]["responses"][0];
    assert_eq!(r["theme"], "leadership");
    assert_eq!(r["text"], "Second answer.");
    assert_eq!(r["versions"].as_array().unwrap().len(), 2);
    let page = app.get("/o/care").await;
    assert!(page.body.contains("Second answer."), "{}", page.body);
}

#[actix_web::test]
async fn pledges_keep_their_history_by_period_and_dropping_needs_a_reason() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    app.admin_post(
        "/api/v1/admin/organisations",
        json!({"slug": "other", "name": "Other services"}),
    )
    .await;
    let other = new_key(&app, "other").await;

    let mut body = response("leadership", "Managers will attend every group meeting.");
    body["status"] = json!("finished");
    let a = org_post(
        &app,
        Some(&key),
        "/api/v1/organisations/care/pledges",
        body.clone(),
    )
    .await;
    assert_eq!(a.json()["error"], "status_invalid");
    body["status"] = json!("planned");
    let a = org_post(&app, Some(&key), "/api/v1/organisations/care/pledges", body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let id = a.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 32);
    let path = format!("/api/v1/organisations/care/pledges/{id}");

    let a = org_patch(&app, &key, &path, json!({"status": "in_progress"})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    // Another organisation cannot touch it, even with a valid key of its own.
    let a = org_patch(
        &app,
        &other,
        &format!("/api/v1/organisations/other/pledges/{id}"),
        json!({"status": "done"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"], "pledge_unknown");

    // A week later it is dropped, which needs a reason.
    app.clock.set(thursday() + Duration::days(11));
    let a = org_patch(&app, &key, &path, json!({"status": "dropped"})).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.json()["error"], "reason_required");
    let a = org_patch(
        &app,
        &key,
        &path,
        json!({"status": "dropped", "reason": "The budget was cut."}),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);

    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let voices = d["voices"].as_array().unwrap();
    let week = voices.iter().find(|v| v["period"] == "2026-11-23").unwrap();
    let history = week["pledges"][0]["history"].as_array().unwrap();
    let steps: Vec<(&str, &str)> = history
        .iter()
        .map(|c| (c["status"].as_str().unwrap(), c["period"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("planned", "2026-11-30"),
            ("in_progress", "2026-11-30"),
            ("dropped", "2026-12-07"),
        ]
    );
    assert_eq!(history[2]["reason"], "The budget was cut.");
    // Periods only: no finer time anywhere in a pledge.
    for c in history {
        let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        assert!(keys
            .iter()
            .all(|k| ["status", "reason", "period"].contains(&k.as_str())));
    }
    let page = app.get("/o/care").await;
    assert!(page
        .body
        .contains("Managers will attend every group meeting."));
    assert!(page.body.contains("Dropped") && page.body.contains("The budget was cut."));
}
