//! The first digest: counts per theme for ended periods only, with groups
//! below k withheld (guarantee 4, first version). Time is injected.

use crate::helpers::{spawn_app, thursday};
use awc::http::StatusCode;
use serde_json::json;
use time::Duration;

#[actix_web::test]
async fn small_groups_are_withheld_and_the_open_period_is_never_shown() {
    // Arrange: k = 5; in week 48, 4 critiques about leadership and 6 about
    // information.
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 12).await;
    for (i, code) in codes.iter().take(10).enumerate() {
        let theme = if i < 4 { "leadership" } else { "information" };
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": "words"}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED);
    }

    // Act + assert: while week 48 is open, nothing is shown.
    let open = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(open["rounds"][0]["periods"], json!([]));
    let page = app.get("/o/care").await;
    assert!(page.body.contains("Nothing has been published yet"));

    // Next Monday: week 48 has ended. Two critiques arrive in week 49.
    app.clock.set(thursday() + Duration::days(4));
    for code in &codes[10..] {
        app.submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": "later"}),
        )
        .await;
    }
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let periods = d["rounds"][0]["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 1, "only the ended week: {d}");
    let p = &periods[0];
    assert_eq!(p["period"], "2026-11-23");
    assert_eq!(p["total"]["count"], 10);
    let theme = |slug: &str| {
        p["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(theme("leadership")["count"], json!(null));
    assert_eq!(theme("leadership")["fewer_than"], 5);
    assert_eq!(theme("information")["count"], 6);

    // The page shows the same.
    let page = app.get("/o/care").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Week 48 of 2026"));
    assert!(!page.body.contains("Week 49 of 2026"));
    let row = |label: &str| {
        let at = page.body.find(label).unwrap();
        page.body[at..at + 200].to_owned()
    };
    assert!(row("Leadership and vision").contains("fewer than 5"));
    assert!(row("Information and communication").contains(">6<"));
}

#[actix_web::test]
async fn a_period_below_k_shows_no_total() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for code in app.codes("spring", 3).await {
        app.submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": "w"}),
        )
        .await;
    }
    app.clock.set(thursday() + Duration::days(7));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let p = &d["rounds"][0]["periods"][0];
    assert_eq!(p["total"]["count"], json!(null));
    assert_eq!(p["total"]["fewer_than"], 5);
    assert!(app
        .get("/o/care")
        .await
        .body
        .contains("critiques: fewer than 5"));
}

#[actix_web::test]
async fn unknown_organisation_is_404_in_both_forms() {
    let app = spawn_app().await;
    assert_eq!(app.get("/o/nobody").await.status, StatusCode::NOT_FOUND);
    let a = app.get("/api/v1/organisations/nobody/digest").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"], "organisation_unknown");
}
