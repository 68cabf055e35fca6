//! The writer (issue 15): an answer earned by a durable batch is never
//! taken back by background work that fails afterwards, and appends to the
//! log outside sealing (issue 17's weekly markers and round keys) never
//! land among the leaves of a sealing that runs in steps.

use crate::backends::{spawn_on, Backend};
use crate::helpers::thursday;
use crate::privacy_pass::critique;
use futures_util::future::join_all;
use serde_json::json;
use time::Duration;

crate::for_both_backends!(
    a_failing_seal_never_takes_back_an_answer_already_earned,
    log_appends_during_a_chunked_sealing_never_land_among_its_leaves,
);

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

/// A period of more critiques than one sealing step writes leaves for
/// (4,096) is sealed while weekly ticks keep asking for markers of later
/// weeks. Each tick appends a head of its own, before or after the
/// period's leaves, never among them: the period's leaves are its
/// commitments and then its digest, every head's root is the root of the
/// leaves it covers, and each marker has its own head.
async fn log_appends_during_a_chunked_sealing_never_land_among_its_leaves(backend: Backend) {
    use parrhesia::audit::merkle;
    let app = spawn_on(backend).await;
    app.setup_round("care", "spring", 2).await;
    let codes = app.codes("spring", 4_200).await;
    for wave in codes.chunks(64) {
        let sent = join_all(wave.iter().map(|code| {
            let mut body = critique();
            body["code"] = json!(code);
            app.submit_json("spring", body)
        }))
        .await;
        assert!(sent.iter().all(|a| a.status.as_u16() == 201));
    }
    let today = thursday() + Duration::days(7);
    app.clock.set(today);
    let sealing = app.store.seal(today, false);
    let ticks = async {
        let mut weeks: i64 = 0;
        // Ticks of later and later weeks, each due, while the sealing runs.
        while app
            .store
            .sealed_periods(&parrhesia::domain::Slug::parse("spring", "round").unwrap())
            .unwrap()
            .is_empty()
        {
            weeks += 1;
            app.store
                .tick(today + Duration::weeks(weeks))
                .await
                .unwrap();
            if weeks > 500 {
                break;
            }
        }
        weeks
    };
    let (sealed, weeks) = futures_util::future::join(sealing, ticks).await;
    assert_eq!(sealed.unwrap(), 1);
    eprintln!("{weeks} ticks during the sealing");
    let period = app.store.all_sealed_periods().unwrap().remove(0);
    let leaves = app
        .store
        .leaves(period.first_leaf, period.first_leaf + period.leaf_count)
        .unwrap();
    assert_eq!(period.leaf_count, 4_200 + 1);
    let (last, commitments) = leaves.split_last().unwrap();
    assert!(last.contains(r#""kind":"digest""#), "{last}");
    for leaf in commitments {
        assert!(
            leaf.contains(r#""kind":"critique""#),
            "among the period's leaves: {leaf}"
        );
    }
    // Every head's root is its leaves' root: nothing was written over.
    let size = app.store.log_size().unwrap();
    let hashes = app.store.leaf_hashes(size).unwrap();
    let heads = app.store.tree_heads().unwrap();
    for head in &heads {
        let n = head.tree_size as usize;
        assert_eq!(
            parrhesia::encoding::hex(&merkle::root(&hashes[..n])),
            head.root_hash,
            "head of size {n}"
        );
        assert!(app.store.checkpoint(head.tree_size).unwrap().is_some());
    }
    let markers = app
        .store
        .leaves(0, size)
        .unwrap()
        .iter()
        .filter(|l| l.contains(r#""kind":"period""#))
        .count();
    assert!(
        markers as i64 >= weeks,
        "{markers} markers for {weeks} ticks"
    );
}
