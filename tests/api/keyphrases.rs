//! The host's "Something else" view (issue 5): recurring keyphrases over
//! the sealed "Something else" critiques, only groups in at least k texts,
//! scrubbed; and promoting one to a theme of another round, append-only.

use crate::helpers::{spawn_app, thursday, TestApp};
use awc::http::StatusCode;
use serde_json::json;
use time::Duration;

async fn submit(app: &TestApp, round: &str, items: &[(&str, &str)]) {
    let codes = app.codes(round, items.len()).await;
    for (code, (theme, text)) in codes.iter().zip(items) {
        let a = app
            .submit_json(
                round,
                json!({"code": code, "themes": [theme], "text": text}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

#[actix_web::test]
async fn keyphrases_come_from_sealed_something_else_texts_in_at_least_k_of_them() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let mut items = vec![
        (
            "something-else",
            "The parking permit for my carer ran out again.",
        ),
        (
            "something-else",
            "Nobody renews the parking permit on time.",
        ),
        (
            "something-else",
            "My daughter cannot visit without a parking permit.",
        ),
        (
            "something-else",
            "Parking permits take months, so visits stop.",
        ),
        ("something-else", "The parking permit office never answers."),
        (
            "something-else",
            "A friend called Gary drives me, and his parking permit lapsed.",
        ),
        ("something-else", "The lift at the day centre is broken."),
    ];
    items.extend(vec![
        (
            "information",
            "Staff never send the minutes before meetings."
        );
        4
    ]);
    submit(&app, "spring", &items).await;

    let path = "/api/v1/admin/rounds/spring/keyphrases";
    let open = app.admin_get(path).await;
    assert_eq!(open.status, StatusCode::OK, "{}", open.body);
    assert_eq!(
        open.json()["groups"],
        json!([]),
        "the open period is never read"
    );
    assert_eq!(open.json()["periods"], json!([]));

    app.clock.set(thursday() + Duration::days(7));
    let a = app.admin_get(path).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let v = a.json();
    assert_eq!(v["k"], 5);
    assert_eq!(v["periods"], json!(["2026-11-23"]));
    let groups = v["groups"].as_array().unwrap();
    assert!(
        groups
            .iter()
            .any(|g| g["label"].as_str().unwrap().contains("parking")),
        "{v}"
    );
    for g in groups {
        assert!(g["texts"].as_u64().unwrap() >= 5, "{g}");
    }
    let body = a.body.to_lowercase();
    assert!(!body.contains("gary"), "names are scrubbed: {body}");
    assert!(!body.contains("lift"), "a phrase in one text is not shown");
    assert!(
        !body.contains("minutes"),
        "other themes are only the background"
    );

    let anonymous = app.get(path).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn a_group_can_be_promoted_to_a_theme_of_another_round_only_by_adding() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "autumn", "organisation": "care", "title": "Next round"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    app.codes("autumn", 1).await; // opened: themes can now only be added
    let theme = json!({"slug": "parking", "label": "Parking permits",
        "description": "Permits for carers and visitors to park.",
        "easy_read": "Carers and visitors need a permit to park."});
    let a = app
        .admin_post("/api/v1/admin/rounds/autumn/themes", theme.clone())
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let themes = a.json()["themes"].as_array().unwrap().clone();
    assert_eq!(themes.len(), 14);
    assert_eq!(themes[13]["slug"], "parking");
    assert_eq!(
        themes[13]["easy_read"],
        "Carers and visitors need a permit to park."
    );
    assert_eq!(
        themes[0]["slug"], "whose-voices",
        "the old list is unchanged"
    );

    let again = app
        .admin_post("/api/v1/admin/rounds/autumn/themes", theme)
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.json()["error"], "themes_invalid");

    // Participants see it, in Easy Read with its Easy Read line.
    assert!(app.get("/r/autumn").await.body.contains("Parking permits"));
    let easy = app.get("/r/autumn?easy=1").await.body;
    assert!(easy.contains("Carers and visitors need a permit to park."));
}

/// The "parking" group of a keyphrases answer.
fn parking_group(v: &serde_json::Value) -> serde_json::Value {
    let groups = v["groups"].as_array().unwrap();
    let found = groups
        .iter()
        .find(|g| g["label"].as_str().unwrap().contains("parking"));
    found.unwrap_or_else(|| panic!("{v}")).clone()
}

/// Issue 16, item 7: keyphrases are read only from released periods and
/// their counts are banded, so a period sealed with one critique in it
/// (held back, too few to publish) moves nothing; "in N critiques" went
/// from 5 to 6 after such a sealing.
async fn keyphrases_read_only_released_periods_and_band_their_counts(
    backend: crate::backends::Backend,
) {
    let app = crate::backends::spawn_on(backend).await;
    app.setup_round("care", "spring", 5).await;
    let parking = [
        "The parking permit for my carer ran out again.",
        "Nobody renews the parking permit on time.",
        "My daughter cannot visit without a parking permit.",
        "Parking permits take months, so visits stop.",
        "The parking permit office never answers.",
    ];
    let mut week: Vec<(&str, &str)> = parking.iter().map(|t| ("something-else", *t)).collect();
    week.extend(
        [(
            "information",
            "Staff never send the minutes before meetings.",
        ); 5],
    );
    submit(&app, "spring", &week).await;
    let path = "/api/v1/admin/rounds/spring/keyphrases";
    app.clock.set(thursday() + Duration::days(7));
    let first = app.admin_get(path).await.json();
    assert_eq!(first["periods"], json!(["2026-11-23"]), "{first}");
    let group = parking_group(&first);
    assert_eq!(group["texts_band"], "5-9", "{group}");
    assert_eq!(group["texts"], 5, "{group}");
    // One more text with the phrase, in a week sealed with that one
    // critique only: held back, so nothing moves.
    submit(
        &app,
        "spring",
        &[("something-else", "Another parking permit refused.")],
    )
    .await;
    app.clock.set(thursday() + Duration::days(14));
    assert_eq!(
        app.admin_get(path).await.json(),
        first,
        "a held-back period was read"
    );
    // Released together with the next week, it is read, and the count
    // stays in its band.
    submit(
        &app,
        "spring",
        &[("information", "The minutes come late again."); 9],
    )
    .await;
    app.clock.set(thursday() + Duration::days(21));
    let later = app.admin_get(path).await.json();
    assert_eq!(
        later["periods"],
        json!(["2026-11-23", "2026-11-30", "2026-12-07"]),
        "{later}"
    );
    let group = parking_group(&later);
    assert_eq!(group["texts_band"], "5-9", "{group}");
    for g in later["groups"].as_array().unwrap() {
        let band = g["texts_band"].as_str().unwrap();
        assert!(band.contains('-') || band.ends_with("or more"), "{g}");
    }
}

crate::for_both_backends!(keyphrases_read_only_released_periods_and_band_their_counts);
