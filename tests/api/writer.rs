//! The writer (issue 15): an answer earned by a durable batch is never
//! taken back by background work that fails afterwards.

use crate::backends::{spawn_on, Backend};
use crate::helpers::thursday;
use crate::privacy_pass::critique;
use futures_util::future::join_all;
use serde_json::json;
use time::Duration;

crate::for_both_backends!(a_failing_seal_never_takes_back_an_answer_already_earned);

/// The bug issue 15 names: a sealing error *after* a batch had committed
/// answered every submitter of that batch "unavailable", though their
/// critiques and spent codes were stored (a retry then said `code_spent`).
/// Here shredding fails (the period's data key cannot be destroyed) while
/// 48 submissions arrive with the sealing request. Whatever each answer
/// is, every spent code belongs to a submission that was told "received".
async fn a_failing_seal_never_takes_back_an_answer_already_earned(backend: Backend) {
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 2).await;
    for code in app.codes("spring", 2).await {
        let mut body = critique();
        body["code"] = json!(code);
        assert_eq!(app.submit_json("spring", body).await.status.as_u16(), 201);
    }
    app.clock.set(thursday() + Duration::days(7));
    app.store
        .seal(thursday() + Duration::days(7), false)
        .await
        .unwrap();
    // The sealed week's data key cannot be destroyed: a directory is in
    // its place.
    let key = app.dirs.path().join("keys/data.spring.2026-11-23.key");
    std::fs::remove_file(&key).unwrap();
    std::fs::create_dir(&key).unwrap();
    app.clock.set(thursday() + Duration::weeks(60));
    let codes = app.codes("spring", 48).await;
    let (half, rest) = codes.split_at(24);
    let send = |code: &String| {
        let mut body = critique();
        body["code"] = json!(code);
        app.submit_json("spring", body)
    };
    let ((first, close), second) = futures_util::future::join(
        futures_util::future::join(
            join_all(half.iter().map(send)),
            app.admin_post("/api/v1/admin/periods/close", json!({})),
        ),
        join_all(rest.iter().map(send)),
    )
    .await;
    assert_ne!(
        close.status.as_u16(),
        200,
        "shredding failed: {}",
        close.body
    );
    let mut received = 0;
    for a in first.iter().chain(&second) {
        match a.status.as_u16() {
            201 => received += 1,
            503 => assert!(a.body.contains("Nothing was stored"), "{}", a.body),
            other => panic!("unexpected {other}: {}", a.body),
        }
    }
    eprintln!("{received} of 48 received around the failed sealing");
    assert_eq!(
        app.store.spent_code_count().unwrap(),
        2 + received,
        "a code was spent for a submission told it was not received"
    );
}
