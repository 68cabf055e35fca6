//! Races and load: a code is spent exactly once, and the single writer keeps
//! up with many requests in flight (guarantee 6).

use crate::helpers::spawn_app;
use futures_util::future::join_all;
use serde_json::json;

#[actix_web::test]
async fn sixty_four_concurrent_uses_of_one_code_store_exactly_one_critique() {
    // Arrange
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    // Act
    let answers = join_all((0..64).map(|i| {
        app.submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": format!("attempt {i}")}),
        )
    }))
    .await;
    // Assert
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        63,
        "{statuses:?}"
    );
    assert_eq!(app.stored(), (1, 1), "critiques stored == codes spent == 1");
}

#[actix_web::test]
async fn two_hundred_fifty_six_concurrent_submissions_all_complete() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 256).await;
    let answers = join_all(codes.iter().map(|code| {
        app.submit_json(
            "spring",
            json!({"code": code, "themes": ["money-and-time"], "text": "Not enough staff."}),
        )
    }))
    .await;
    let failures: Vec<String> = answers
        .iter()
        .filter(|a| a.status.as_u16() != 201)
        .map(|a| format!("{} {}", a.status, a.body))
        .collect();
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(app.stored(), (256, 256));
    let stats = app.sealed_round("spring").await;
    assert_eq!(stats["critiques"], 256);
    assert_eq!(stats["codes_spent"], 256);
    assert_eq!(stats["codes_issued"], 256);
}
