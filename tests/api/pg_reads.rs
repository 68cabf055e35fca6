//! Issue 15, part 3: a PostgreSQL read that waits must not hold up the
//! actix worker that awaits it (`Store::read` runs it on the blocking
//! pool). A server of one worker, a store read held up by a lock another
//! session holds on `kv`, and a request that reads nothing: it is answered
//! while the read waits, and the read completes once the lock goes. And a
//! hung database holds a bounded number of reads: the rest are told
//! "busy" after waiting their turn.
//!
//! `#[ignore]`d by a plain `cargo test` (it needs a server);
//! `.ci/postgres.sh` starts one and runs it. Run with `--include-ignored`
//! and no `PARRHESIA_TEST_POSTGRES`, it prints "skipped:" and passes,
//! except when `CI=true`: there it fails, so CI can never skip it.

use crate::backends::{spawn_on_with, Backend};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Whether a PostgreSQL server was given; `false` (after saying why) to
/// skip, outside CI only.
fn have_postgres() -> bool {
    if std::env::var("PARRHESIA_TEST_POSTGRES").is_ok_and(|v| !v.is_empty()) {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true but no PostgreSQL: run the test through .ci/postgres.sh");
    }
    eprintln!(
        "skipped: PARRHESIA_TEST_POSTGRES unset (.ci/postgres.sh starts a PostgreSQL \
         server and runs this test with it)"
    );
    false
}

/// `LOCK TABLE kv IN ACCESS EXCLUSIVE MODE` in an open transaction on its
/// own connection, from a plain thread, until `release` is dropped or sent
/// to, or `most` has passed (so that a server that does block its worker
/// fails this test rather than hanging it).
fn lock_kv(url: &str, most: Duration) -> (mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let url = url.to_owned();
    let (locked_tx, locked) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        let mut tx = client.transaction().expect("begin");
        tx.batch_execute("LOCK TABLE kv IN ACCESS EXCLUSIVE MODE")
            .expect("lock kv");
        locked_tx.send(()).expect("tell the test");
        let _ = released.recv_timeout(most);
        tx.rollback().expect("release the lock");
    });
    locked.recv().expect("the lock is taken");
    (release, holder)
}

/// Sessions waiting for a lock on `kv`, seen from another connection.
fn waiting_on_kv(url: &str) -> i64 {
    let (url, sql) = (
        url.to_owned(),
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'kv'::regclass",
    );
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        c.query_one(sql, &[]).expect("pg_locks").get(0)
    })
    .join()
    .expect("pg_locks thread")
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (PARRHESIA_TEST_POSTGRES); .ci/postgres.sh runs it"]
async fn a_read_waiting_on_postgresql_leaves_its_worker_free() {
    if !have_postgres() {
        return;
    }
    // Arrange: one worker, one organisation, and kv locked.
    let mut db = None;
    let app = spawn_on_with(Backend::Postgres, |c| {
        c.workers = Some(1);
        db.clone_from(&c.store_url);
    })
    .await;
    let db = db.expect("a PostgreSQL database");
    app.setup_round("care", "spring", 5).await;
    let (release, holder) = lock_kv(&db, Duration::from_secs(40));

    // Act: a page that reads the store (the digest), sent first...
    let url = app.api.url("/o/care");
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(90))
        .finish();
    let digest = actix_web::rt::spawn(async move {
        let mut res = client.get(url).send().await.expect("the digest answers");
        let body = res.body().limit(4 * 1024 * 1024).await.expect("body");
        (res.status(), String::from_utf8_lossy(&body).into_owned())
    });
    // ...is waiting for the lock (its read has reached PostgreSQL)...
    let start = Instant::now();
    while waiting_on_kv(&db) == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no read ever waited on the lock"
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    // ...while a request that reads nothing goes to the same worker.
    let health = awc::Client::builder()
        .timeout(Duration::from_secs(5))
        .finish()
        .get(app.api.url("/healthz"))
        .send()
        .await;

    // Assert: answered at once, while the digest still waits.
    let answered = health.map(|r| r.status());
    assert_eq!(
        answered.as_ref().map(|s| s.as_u16()).ok(),
        Some(200),
        "the worker must answer /healthz while a store read waits: {answered:?}"
    );
    assert!(!digest.is_finished(), "the digest must wait for the lock");
    assert!(waiting_on_kv(&db) > 0, "the read still waits");
    // Once the lock goes, the digest completes, and correctly.
    release.send(()).expect("release");
    holder.join().expect("lock thread");
    let (status, body) = digest.await.expect("the digest's task");
    assert_eq!(status.as_u16(), 200, "{body}");
    assert!(body.contains("care services"), "{body}");
}

/// Reads a hung database holds at once: `READS_IN_FLIGHT` in
/// src/store/pg.rs. Later ones wait their turn for `READ_WAIT` (10 s) and
/// are then told "busy" rather than piling up threads.
const READS_IN_FLIGHT: usize = 32;

#[actix_web::test]
#[ignore = "needs PostgreSQL (PARRHESIA_TEST_POSTGRES); .ci/postgres.sh runs it"]
async fn reads_held_up_by_postgresql_are_bounded_and_the_rest_told_busy() {
    if !have_postgres() {
        return;
    }
    // Arrange: one organisation, and kv locked.
    let mut db = None;
    let app = spawn_on_with(Backend::Postgres, |c| db.clone_from(&c.store_url)).await;
    let db = db.expect("a PostgreSQL database");
    app.setup_round("care", "spring", 5).await;
    let (release, holder) = lock_kv(&db, Duration::from_secs(60));

    // Act: more digest requests at once than reads may wait.
    let extra = 8;
    let requests: Vec<_> = (0..READS_IN_FLIGHT + extra)
        .map(|_| {
            let url = app.api.url("/api/v1/organisations/care/digest");
            actix_web::rt::spawn(async move {
                let client = awc::Client::builder()
                    .timeout(Duration::from_secs(90))
                    .finish();
                let mut res = client.get(url).send().await.expect("the digest answers");
                let body = res.body().limit(4 * 1024 * 1024).await.expect("body");
                (
                    res.status().as_u16(),
                    String::from_utf8_lossy(&body).into_owned(),
                )
            })
        })
        .collect();
    // Assert: while the lock is held, exactly the requests past the bound
    // are answered "busy", after waiting their turn...
    let start = Instant::now();
    while requests.iter().filter(|r| r.is_finished()).count() < extra {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "requests past the bound must be told busy while the database hangs"
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    // (a moment more: no further request may finish while the lock holds)
    actix_web::rt::time::sleep(Duration::from_secs(1)).await;
    let (done, waiting): (Vec<_>, Vec<_>) = requests.into_iter().partition(|r| r.is_finished());
    assert_eq!(done.len(), extra, "only the requests past the bound finish");
    for r in done {
        let (status, body) = r.await.expect("task");
        assert_eq!(status, 503, "{body}");
        assert!(body.contains("\"busy\""), "{body}");
    }
    // ...and once the lock goes, every read that waited completes.
    release.send(()).expect("release");
    holder.join().expect("lock thread");
    for r in waiting {
        let (status, body) = r.await.expect("task");
        assert_eq!(status, 200, "{body}");
    }
}
