//! The host's API: bearer authentication, set-up, codes, and the rules that
//! only tighten once a round has opened.

use crate::helpers::{collect, spawn_app, ADMIN_TOKEN};
use awc::http::StatusCode;
use serde_json::json;

#[actix_web::test]
async fn admin_routes_need_the_token_and_answer_alike_without_it() {
    let app = spawn_app().await;
    let url = app.url("/api/v1/admin/organisations");
    let body = json!({"slug": "care", "name": "Care"});
    let none = collect(app.client.post(url.clone()).send_json(&body)).await;
    let wrong = collect(
        app.client
            .post(url.clone())
            .bearer_auth(format!("{ADMIN_TOKEN}x"))
            .send_json(&body),
    )
    .await;
    for a in [&none, &wrong] {
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert_eq!(a.json()["error"], "unauthorized");
        assert_eq!(a.headers.get("www-authenticate").unwrap(), "Bearer");
    }
    assert_eq!(
        none.body, wrong.body,
        "missing and wrong tokens look the same"
    );
    assert_eq!(
        app.admin_get("/api/v1/admin/rounds/x").await.status,
        StatusCode::NOT_FOUND
    );
    let unauth = collect(app.client.get(app.url("/api/v1/admin/rounds/x")).send()).await;
    assert_eq!(
        unauth.status,
        StatusCode::UNAUTHORIZED,
        "no probing without the token"
    );
}

#[actix_web::test]
async fn organisations_and_rounds_are_created_once() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let again = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": "care", "name": "Again"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let orphan = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "r2", "organisation": "nobody", "title": "T"}),
        )
        .await;
    assert_eq!(orphan.status, StatusCode::NOT_FOUND);
    assert_eq!(orphan.json()["error"], "organisation_unknown");
    let bad_slug = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": "Not A Slug", "name": "x"}),
        )
        .await;
    assert_eq!(bad_slug.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_slug.json()["error"], "slug_invalid");
    let custom = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "custom", "organisation": "care", "title": "T",
                   "themes": [{"slug": "food", "label": "Food"}, {"slug": "transport", "label": "Transport"}]}),
        )
        .await;
    assert_eq!(custom.status, StatusCode::CREATED, "{}", custom.body);
    assert_eq!(custom.json()["themes"].as_array().unwrap().len(), 2);
    let round = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(
        round["themes"].as_array().unwrap().len(),
        13,
        "default themes"
    );
    assert_eq!(round["min_group"], 5);
    assert_eq!(round["critiques"], 0);
    assert_eq!(round["opened"], false);
}

#[actix_web::test]
async fn code_batches_are_bounded_and_counted() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for count in [0, 10_001] {
        let a = app
            .admin_post(
                "/api/v1/admin/rounds/spring/codes",
                json!({ "count": count }),
            )
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{count}");
        assert_eq!(a.json()["error"], "count_invalid");
    }
    let codes = app.codes("spring", 25).await;
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 25);
    assert!(codes
        .iter()
        .all(|c| c.len() == 14 && c.matches('-').count() == 2));
    let round = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(round["codes_issued"], 25);
    assert_eq!(round["opened"], true);
}

#[actix_web::test]
async fn the_printable_sheet_has_every_code_once_with_the_address() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let a = app
        .admin_post(
            "/api/v1/admin/rounds/spring/codes/sheet",
            json!({"count": 8}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert!(a
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(a.body.matches("class=\"card\"").count(), 8);
    assert_eq!(
        a.body.matches(&format!("{}/r/spring", app.address)).count(),
        8
    );
    assert!(a.body.contains("@page"), "print CSS for A4");
    assert!(a.body.contains("Each code works once."));
    let csp = a
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("style-src 'sha256-"), "{csp}");
    let round = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(round["codes_issued"], 8);
}

#[actix_web::test]
async fn k_can_only_rise_and_themes_only_grow_once_a_round_is_open() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let patch = |body| app.admin_patch("/api/v1/admin/rounds/spring", body);
    // Before opening, anything goes.
    let a = patch(json!({"min_group": 3})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["min_group"], 3);
    // Opening: the first codes.
    app.codes("spring", 1).await;
    let a = patch(json!({"min_group": 2})).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.json()["error"], "min_group_lowered");
    let a = patch(json!({"min_group": 7})).await;
    assert_eq!(a.json()["min_group"], 7);
    let a = patch(json!({"themes": [{"slug": "only", "label": "Only"}]})).await;
    assert_eq!(a.json()["error"], "themes_locked");
    let mut themes = app.admin_get("/api/v1/admin/rounds/spring").await.json()["themes"].clone();
    themes
        .as_array_mut()
        .unwrap()
        .push(json!({"slug": "transport", "label": "Transport"}));
    let a = patch(json!({ "themes": themes })).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["themes"].as_array().unwrap().len(), 14);
}
