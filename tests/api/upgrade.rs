//! Upgrading a store that holds data of earlier versions loses nothing
//! already accepted: "about you" answers kept one record per person (tree
//! `about_you`, before issue 16 item 3) are folded into the per-period
//! counts once, at the store's start, and the old records are deleted;
//! responses and pledges stored before their log leaves existed (before
//! issue 21's leaves) get them once, at the store's start, in order.

use crate::backends::{fresh_database, postgres_server, spawn_on_with, sql, Backend};
use crate::helpers::{spawn_app, thursday, TestApp};
use awc::http::StatusCode;
use parrhesia::audit::fetch::fetch;
use parrhesia::audit::log::Leaf;
use parrhesia::audit::merkle;
use parrhesia::audit::record::{leaves, pledge_leaf, response_leaf};
use parrhesia::audit::verify::verify;
use parrhesia::digest::record::StandingView;
use parrhesia::domain::Slug;
use parrhesia::domain::{
    AboutYou, AboutYouTally, PledgeChange, PledgeRecord, PledgeStatus, ResponseRecord,
    ResponseVersion,
};
use parrhesia::encoding::hex;
use parrhesia::store::MixedWrite;
use parrhesia::store::Store;
use std::collections::BTreeMap;
use std::path::Path;

crate::for_both_backends!(
    old_about_you_answers_are_counted_once_when_the_store_opens,
    an_old_answer_still_being_mixed_is_counted_when_it_is_rewritten,
    answers_stored_before_their_leaves_are_logged_once_when_the_store_opens,
);

/// One old record: round, period and answers.
type Old = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

/// Old records: several periods and rounds, one person who skipped every
/// question, and repeats of the same answers.
fn old_answers() -> Vec<Old> {
    let mut out = Vec::new();
    let choices = [
        vec![("age", "25_34"), ("ethnicity", "black")],
        vec![("age", "25_34")],
        vec![],
        vec![("age", "80_plus"), ("disability", "yes")],
    ];
    for (i, period) in ["2026-11-16", "2026-11-23", "2026-11-30"]
        .iter()
        .enumerate()
    {
        for (j, round) in ["spring", "autumn"].iter().enumerate() {
            for n in 0..(3 + i + 2 * j) {
                out.push((*round, *period, choices[(n + i) % choices.len()].clone()));
            }
        }
    }
    out
}

/// One old record's value, as the earlier version wrote it (JSON of its
/// `AboutYouRecord`: the answers flattened in beside round, organisation
/// and period).
fn old_value(round: &str, period: &str, answers: &[(&str, &str)]) -> Vec<u8> {
    let answers: BTreeMap<&str, &str> = answers.iter().copied().collect();
    serde_json::to_vec(&serde_json::json!({
        "round": round,
        "organisation": "care",
        "period": period,
        "answers": answers,
    }))
    .unwrap()
}

fn expected(round: &str) -> BTreeMap<String, AboutYouTally> {
    let mut out: BTreeMap<String, AboutYouTally> = BTreeMap::new();
    for (r, period, answers) in old_answers() {
        if r == round {
            let person = AboutYou {
                answers: answers
                    .iter()
                    .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
                    .collect(),
            };
            out.entry(period.to_owned()).or_default().add(&person);
        }
    }
    out
}

/// Open the store, waiting for the last one opened on this directory (or
/// sled's handle on it) to let it go (its writer thread ends after the
/// store is dropped).
fn open(dir: &Path, url: Option<&str>) -> Store {
    let mut tries = 0;
    loop {
        match parrhesia::startup::open_stopped_store(&dir.join("data"), &dir.join("keys"), url) {
            Ok(store) => return store,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => panic!("{e:#}"),
        }
    }
}

/// The same sled configuration as the store before redb's (sled refuses
/// another segment size for an existing database).
fn raw_sled(dir: &Path) -> ::sled::Db {
    for _ in 0..100 {
        if let Ok(db) = ::sled::Config::new()
            .path(dir.join("data"))
            .segment_size(8 * 1024 * 1024)
            .flush_every_ms(None)
            .open()
        {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the store's sled database stays locked");
}

/// Trees by name, each with its entries (key, value) in key order.
type Trees = BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>;

/// Every tree of the stopped embedded store in `dir`, with its entries in
/// key order: its redb file's tables, or, before this version has opened
/// it, the sled store an earlier version left.
fn stored_trees(dir: &Path) -> Trees {
    use redb::{ReadableDatabase, ReadableTable, TableHandle};
    let path = dir.join("data").join("store.redb");
    let mut out = BTreeMap::new();
    if !path.exists() {
        let db = raw_sled(dir);
        for name in db.tree_names() {
            let name = String::from_utf8(name.to_vec()).unwrap();
            if name.starts_with("__sled__") {
                continue;
            }
            let pairs = db
                .open_tree(&name)
                .unwrap()
                .iter()
                .map(|e| e.map(|(k, v)| (k.to_vec(), v.to_vec())).unwrap())
                .collect();
            out.insert(name, pairs);
        }
        return out;
    }
    // The store's last handle lets the file go a moment after it is dropped.
    let mut tries = 0;
    let db = loop {
        match redb::ReadOnlyDatabase::open(&path) {
            Ok(db) => break db,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => panic!("{e}"),
        }
    };
    let tx = db.begin_read().unwrap();
    let names: Vec<String> = tx
        .list_tables()
        .unwrap()
        .map(|t| t.name().to_owned())
        .collect();
    for name in names {
        let table = tx
            .open_table(redb::TableDefinition::<&[u8], &[u8]>::new(&name))
            .unwrap();
        let pairs = table
            .iter()
            .unwrap()
            .map(|e| {
                let (k, v) = e.unwrap();
                (k.value().to_vec(), v.value().to_vec())
            })
            .collect();
        out.insert(name, pairs);
    }
    out
}

/// Turn the stopped embedded store in `dir` into the store an earlier
/// version (sled's) would have left: every tree and entry of its redb
/// file, which is removed, written into a sled store in its place, and
/// then `change` made to that. The next open copies it into a new redb
/// file (and runs the upgrades), as the first start after an upgrade does.
fn as_earlier_version_left_it(dir: &Path, change: impl FnOnce(&::sled::Db)) {
    let redb_file = dir.join("data").join("store.redb");
    let trees = if redb_file.exists() {
        let trees = stored_trees(dir);
        std::fs::remove_file(&redb_file).unwrap();
        trees
    } else {
        BTreeMap::new()
    };
    let db = raw_sled(dir);
    for (name, pairs) in &trees {
        let tree = db.open_tree(name).unwrap();
        for (k, v) in pairs {
            tree.insert(k.as_slice(), v.as_slice()).unwrap();
        }
    }
    change(&db);
    db.flush().unwrap();
}

async fn old_about_you_answers_are_counted_once_when_the_store_opens(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Embedded => None,
        Backend::Postgres => Some(fresh_database(&postgres_server())),
    };
    let url = url.as_deref();
    // A store as an earlier version left it: made, then holding old records.
    drop(open(dir.path(), url));
    let old = old_answers();
    match url {
        None => as_earlier_version_left_it(dir.path(), |db| {
            let tree = db.open_tree("about_you").unwrap();
            for (round, period, answers) in &old {
                let key = uuid::Uuid::new_v4().into_bytes();
                tree.insert(key, old_value(round, period, answers)).unwrap();
            }
        }),
        Some(url) => {
            for (round, period, answers) in &old {
                let key = uuid::Uuid::new_v4().simple().to_string();
                let value = parrhesia::encoding::hex(&old_value(round, period, answers));
                sql(
                    url,
                    &format!(
                        "INSERT INTO kv (tree, key, value) VALUES \
                         ('about_you', decode('{key}', 'hex'), decode('{value}', 'hex'))"
                    ),
                );
            }
        }
    }
    let gone = |dir: &Path| match url {
        None => !stored_trees(dir).contains_key("about_you"),
        Some(url) => {
            let rows = sql(url, "SELECT count(*) FROM kv WHERE tree = 'about_you'");
            rows[0].get::<_, i64>(0) == 0
        }
    };
    assert!(!gone(dir.path()), "the old records were written");
    // Opened by this version: every old record is counted, in its period.
    for _ in 0..2 {
        let store = open(dir.path(), url);
        for round in ["spring", "autumn"] {
            let tallies = store.about_you_of(round).unwrap();
            assert_eq!(tallies, expected(round), "{round}");
            assert_eq!(tallies.len(), 3);
        }
        assert_eq!(
            expected("spring")["2026-11-30"].count("age", "25_34"),
            2,
            "the test's own sums"
        );
        drop(store);
        // The old records are deleted, and opening again counts nothing twice.
        assert!(gone(dir.path()), "the old records are deleted");
    }
}

/// An old record still waiting in an ingest area when this version starts
/// (an earlier version's `Append` to `about_you`) is counted when its
/// epoch is rewritten, through the same pass as today's counts, and never
/// written as a record.
async fn an_old_answer_still_being_mixed_is_counted_when_it_is_rewritten(backend: Backend) {
    // Epochs close as soon as a round has k (3) critiques in one.
    let app = spawn_on_with(backend, |c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(3);
    })
    .await;
    app.setup_round("care", "spring", 3).await;
    let slug = Slug::parse("spring", "round").unwrap();
    let period = "2026-11-23";
    let old: Vec<_> = old_answers()
        .into_iter()
        .filter(|(r, p, _)| *r == "spring" && *p == period)
        .collect();
    assert!(old.len() >= 3);
    for (round, period, answers) in &old {
        let write = MixedWrite::Append {
            tree: "about_you".into(),
            value: old_value(round, period, answers),
        };
        app.store
            .mix(&slug, thursday(), true, vec![write])
            .await
            .unwrap();
    }
    for code in app.codes("spring", 3).await {
        let body = serde_json::json!({"code": code, "themes": ["leadership"], "text": "words"});
        let a = app.submit_json("spring", body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.store.rotate_epoch(thursday()).await.unwrap();
    let mut want = expected("spring");
    want.retain(|p, _| p == period);
    assert_eq!(app.store.about_you_of("spring").unwrap(), want);
    assert!(
        app.store.mixed_values("about_you").unwrap().is_empty(),
        "no old record is written"
    );
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

fn version(text: &str, changed_in: &str) -> ResponseVersion {
    ResponseVersion {
        text: text.into(),
        changed_in: changed_in.into(),
        translations: Default::default(),
    }
}

fn step(status: PledgeStatus, reason: Option<&str>, period: &str) -> PledgeChange {
    PledgeChange {
        status,
        reason: reason.map(str::to_owned),
        period: period.into(),
    }
}

/// The key of a response record (round, period, theme).
fn response_key(r: &ResponseRecord) -> Vec<u8> {
    format!("{}\0{}\0{}", r.round, r.period, r.theme).into_bytes()
}

/// Write `records` (tree, key, JSON) into the stopped store as an earlier
/// version did, with no leaf, and remove this version's mark that the
/// answers' leaves are done (an earlier version never wrote it). The
/// embedded store is left as sled's, as that version would have left it
/// ([`as_earlier_version_left_it`]).
fn write_old(dir: &Path, url: Option<&str>, records: &[(&str, Vec<u8>, Vec<u8>)]) {
    match url {
        None => as_earlier_version_left_it(dir, |db| {
            for (tree, key, value) in records {
                db.open_tree(tree)
                    .unwrap()
                    .insert(key.as_slice(), value.as_slice())
                    .unwrap();
            }
            db.open_tree("upgrades")
                .unwrap()
                .remove("answer_leaves")
                .unwrap();
        }),
        Some(url) => {
            for (tree, key, value) in records {
                let (key, value) = (hex(key), hex(value));
                sql(
                    url,
                    &format!(
                        "INSERT INTO kv (tree, key, value) VALUES \
                         ('{tree}', decode('{key}', 'hex'), decode('{value}', 'hex')) \
                         ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value"
                    ),
                );
            }
            sql(url, "DELETE FROM kv WHERE tree = 'upgrades'");
        }
    }
}

/// Whether the stopped store holds the mark that its answers' leaves are
/// done.
fn mark_stored(dir: &Path, url: Option<&str>) -> bool {
    match url {
        None => stored_trees(dir)
            .get("upgrades")
            .is_some_and(|t| t.iter().any(|(k, _)| k == b"answer_leaves")),
        Some(url) => {
            let rows = sql(url, "SELECT count(*) FROM kv WHERE tree = 'upgrades'");
            rows[0].get::<_, i64>(0) == 1
        }
    }
}

/// The response and pledge leaves in the log, in log order, and the
/// store's log size and number of heads.
fn answer_leaves(store: &Store) -> (Vec<Leaf>, u64, usize) {
    let size = store.log_size().unwrap();
    let leaves = store
        .leaves(0, size)
        .unwrap()
        .iter()
        .map(|l| serde_json::from_str::<Leaf>(l).unwrap())
        .filter(|l| matches!(l, Leaf::Response { .. } | Leaf::Pledge { .. }))
        .collect();
    (leaves, size, store.tree_heads().unwrap().len())
}

/// Issue 21: responses and pledges an earlier version stored without log
/// leaves get them at the next start, each version in order, records in
/// key order, under a signed head; a record half logged (as a crash in the
/// middle of the upgrade leaves it) gets only what it lacks; opening again
/// appends nothing and signs no head, even without the upgrade's mark.
async fn answers_stored_before_their_leaves_are_logged_once_when_the_store_opens(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Embedded => None,
        Backend::Postgres => Some(fresh_database(&postgres_server())),
    };
    let url = url.as_deref();
    // This version stores one response with its leaf.
    let store = open(dir.path(), url);
    store
        .put_response(
            "spring",
            "2026-11-23",
            "leadership",
            version("We hear you.", "2026-11-30"),
            thursday(),
        )
        .await
        .unwrap();
    let logged_now = store.responses_of("spring").unwrap().remove(0);
    let (before, size_before, heads_before) = answer_leaves(&store);
    assert_eq!(before.len(), 1);
    drop(store);
    // Opened with no answer stored, the store wrote no mark (so a store
    // nobody has used stays empty enough to restore into).
    assert!(!mark_stored(dir.path(), url));

    // What an earlier version left: answers without leaves, and a second
    // version of the logged response (half logged).
    let mut half = logged_now.clone();
    half.versions
        .push(version("We hear you, and will act.", "2026-12-07"));
    let information = ResponseRecord {
        round: "spring".into(),
        period: "2026-11-23".into(),
        theme: "information".into(),
        versions: vec![
            version("Letters will go out sooner.", "2026-11-30"),
            version("Letters now go out a week sooner.", "2026-12-07"),
        ],
    };
    let autumn = ResponseRecord {
        round: "autumn".into(),
        period: "2026-11-16".into(),
        theme: "leadership".into(),
        versions: vec![ResponseVersion {
            translations: [("cy".to_owned(), "Rydym yn gwrando.".to_owned())].into(),
            ..version("We are listening.", "2026-11-23")
        }],
    };
    let pledge = |id: &str, text: &str, history: Vec<PledgeChange>| PledgeRecord {
        id: id.into(),
        organisation: "care".into(),
        round: "spring".into(),
        period: "2026-11-23".into(),
        theme: "leadership".into(),
        text: text.into(),
        translations: Default::default(),
        history,
    };
    let pledges = [
        pledge(
            "f0000000000000000000000000000001",
            "A new minibus.",
            vec![
                step(PledgeStatus::Planned, None, "2026-11-30"),
                step(PledgeStatus::InProgress, None, "2026-12-07"),
                step(PledgeStatus::Dropped, Some("No budget."), "2026-12-14"),
            ],
        ),
        pledge(
            "0a000000000000000000000000000002",
            "Evening meetings.",
            vec![step(PledgeStatus::Planned, None, "2026-11-30")],
        ),
    ];
    let mut old: Vec<(&str, Vec<u8>, Vec<u8>)> = [&half, &information, &autumn]
        .iter()
        .map(|r| ("responses", response_key(r), json(*r)))
        .collect();
    for p in &pledges {
        old.push((
            "pledges",
            parrhesia::encoding::from_hex(&p.id).unwrap(),
            json(p),
        ));
    }
    write_old(dir.path(), url, &old);

    // Opened by this version: exactly the missing leaves, records in key
    // order (autumn, then spring's information, then leadership; pledges
    // by id), each record's versions in order, under one new signed head.
    let store = open(dir.path(), url);
    let (after, size, heads) = answer_leaves(&store);
    let mut want = before.clone();
    want.extend(
        [
            response_leaf(&autumn, 0),
            response_leaf(&information, 0),
            response_leaf(&information, 1),
            response_leaf(&half, 1),
            pledge_leaf(&pledges[1], 0),
            pledge_leaf(&pledges[0], 0),
            pledge_leaf(&pledges[0], 1),
            pledge_leaf(&pledges[0], 2),
        ]
        .map(Option::unwrap),
    );
    assert_eq!(after, want, "the leaves, in order");
    assert_eq!(size, size_before + 8, "nothing else appended");
    assert_eq!(heads, heads_before + 1, "one head over them");
    // Exactly what `record::leaves` computes from the stored records.
    let mut stored = store.responses_of("autumn").unwrap();
    stored.extend(store.responses_of("spring").unwrap());
    let mut from_records = leaves(&stored, &store.pledges_of("spring").unwrap());
    let mut logged = after.clone();
    let order = |l: &Leaf| l.to_bytes();
    from_records.sort_by_key(order);
    logged.sort_by_key(order);
    assert_eq!(logged, from_records);
    // Under a signed head covering the whole log, whose root is the log's.
    let last = store.tree_heads().unwrap().pop().unwrap();
    assert_eq!(last.tree_size, size);
    assert!(last.verify(store.log_public_key()), "the head is signed");
    let hashes = store.leaf_hashes(size).unwrap();
    assert_eq!(hex(&merkle::root(&hashes)), last.root_hash);
    drop(store);
    assert!(mark_stored(dir.path(), url));

    // Opened again, with the mark and then without it: nothing appended,
    // no head signed.
    for remove_mark in [false, true] {
        if remove_mark {
            write_old(dir.path(), url, &[]);
        }
        let store = open(dir.path(), url);
        assert_eq!(answer_leaves(&store), (after.clone(), size, heads));
        drop(store);
    }
}

/// A copy of `app`'s store (its backup restored under the same keys) as an
/// earlier version left it, holding `old` records written without leaves,
/// and a server of this version started on it: its address (and the
/// directory, to keep while it runs).
async fn upgraded_server(
    app: &TestApp,
    old: &[(&str, Vec<u8>, Vec<u8>)],
) -> (tempfile::TempDir, String) {
    let backup = crate::record::backup_of(app).await;
    crate::record::serve_restored(app, backup, |data| {
        write_old(data.parent().unwrap(), None, old)
    })
    .await
}

/// An answer to the release of `sealed_week` (week 48), as stored by an
/// earlier version: a response of two versions and a pledge of two steps,
/// made in `made_in`.
fn old_answers_to_week_48(made_in: &str) -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
    let response = ResponseRecord {
        round: "spring".into(),
        period: "2026-11-23".into(),
        theme: "leadership".into(),
        versions: vec![
            version("Meetings will be at 6pm.", made_in),
            version("Meetings will be at 6pm, every month.", made_in),
        ],
    };
    let pledge = PledgeRecord {
        id: "5e000000000000000000000000000003".into(),
        organisation: "care".into(),
        round: "spring".into(),
        period: "2026-11-23".into(),
        theme: "leadership".into(),
        text: "Managers visit the group.".into(),
        translations: Default::default(),
        history: vec![
            step(PledgeStatus::Planned, None, made_in),
            step(PledgeStatus::InProgress, None, made_in),
        ],
    };
    vec![
        ("responses", response_key(&response), json(&response)),
        (
            "pledges",
            parrhesia::encoding::from_hex(&pledge.id).unwrap(),
            json(&pledge),
        ),
    ]
}

/// Issue 21, through the server: a store upgraded from a version that
/// stored answers without leaves serves a record `parrhesia verify`
/// accepts whole (every version in the log, in order, nothing unmatched),
/// since the answer's deadline period was not sealed before the upgrade.
#[actix_web::test]
async fn an_upgraded_store_logs_its_old_answers_and_its_record_verifies() {
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    let (_dir, address) = upgraded_server(&app, &old_answers_to_week_48("2026-11-30")).await;
    let published = fetch(&address).await.unwrap();
    let round = &published.records[0].rounds[0];
    assert_eq!(round.responses[0].versions.len(), 2);
    assert_eq!(round.pledges[0].history.len(), 2);
    assert_eq!(round.releases[0].standing, StandingView::OnTime);
    let report = verify(&published);
    assert!(report.ok(), "{}", report.render());
    for logged in [
        "response spring/2026-11-23/leadership: 2 version(s) in the log, 0 missing",
        "pledge 5e000000000000000000000000000003 (spring/2026-11-23): 2 version(s) in the log, 0 missing",
        "round spring: its logged answers are on a published record",
    ] {
        assert!(
            report.checks.iter().any(|c| c.ok && c.what == logged),
            "{logged}: {}",
            report.render()
        );
    }
}

/// Issue 21: an old answer the record calls on time (by period) whose
/// deadline period was sealed before the upgrade logged it cannot be
/// proven on time from the log, and `verify` says so (that check alone
/// fails); the record keeps its standing by period.
#[actix_web::test]
async fn a_backfilled_answer_is_not_proven_on_time_once_its_deadline_was_sealed() {
    let app = spawn_app().await;
    // One day to answer, set before week 48 is sealed (a release keeps the
    // days it was sealed with).
    crate::quotes::open_week(&app).await;
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            serde_json::json!({"days_to_answer": 1}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    crate::quotes::seal_week(&app).await;
    // Critiques in the deadline period (week 49); on Monday 7 December it
    // is sealed.
    app.clock.set(thursday() + time::Duration::days(7));
    for code in app.codes("spring", 3).await {
        let body = serde_json::json!({"code": code, "themes": ["leadership"], "text": "words"});
        let a = app.submit_json("spring", body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock.set(thursday() + time::Duration::days(11));
    assert_eq!(
        app.get("/api/v1/organisations/care/digest").await.status,
        StatusCode::OK
    );
    let heads = app.store.tree_heads().unwrap();
    assert!(heads
        .iter()
        .any(|h| h.round == "spring" && h.period == "2026-11-30"));
    let (_dir, address) = upgraded_server(&app, &old_answers_to_week_48("2026-11-30")).await;
    let published = fetch(&address).await.unwrap();
    let release = &published.records[0].rounds[0].releases[0];
    assert_eq!(release.deadline_period, "2026-11-30");
    assert_eq!(release.standing, StandingView::OnTime, "by period");
    let report = verify(&published);
    let failures: Vec<&str> = report.failures().iter().map(|c| c.what.as_str()).collect();
    assert_eq!(
        failures,
        ["release spring/2026-11-23: answered on time, logged before 2026-11-30 was sealed or a later week began"],
        "{}",
        report.render()
    );
}

/// On PostgreSQL, a store starting while another instance holds the log's
/// append lock (`SEAL_LOCK` in `src/store/pg.rs`) does not append then:
/// its backfill waits as a log job and runs once the lock is free.
#[actix_web::test]
#[ignore = "needs PostgreSQL (PARRHESIA_TEST_POSTGRES); .ci/postgres.sh runs it"]
async fn the_backfill_waits_for_another_instance_appending_to_the_log() {
    const SEAL_LOCK: i64 = 0x5061_7272_6865_0004;
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(&postgres_server());
    drop(open(dir.path(), Some(&url)));
    let response = ResponseRecord {
        round: "spring".into(),
        period: "2026-11-23".into(),
        theme: "leadership".into(),
        versions: vec![version("Meetings will be at 6pm.", "2026-11-30")],
    };
    let old = [("responses", response_key(&response), json(&response))];
    write_old(dir.path(), Some(&url), &old);
    // Another instance appending: it holds the append lock.
    let (locked, release) = (
        std::sync::mpsc::channel::<()>(),
        std::sync::mpsc::channel::<()>(),
    );
    let holder = {
        let url = url.clone();
        std::thread::spawn(move || {
            let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
            c.execute("SELECT pg_advisory_lock($1)", &[&SEAL_LOCK])
                .unwrap();
            locked.0.send(()).unwrap();
            release.1.recv().unwrap();
            c.execute("SELECT pg_advisory_unlock($1)", &[&SEAL_LOCK])
                .unwrap();
        })
    };
    locked.1.recv().unwrap();
    let store = open(dir.path(), Some(&url));
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(answer_leaves(&store).0, Vec::<Leaf>::new(), "nothing yet");
    release.0.send(()).unwrap();
    holder.join().unwrap();
    let want = vec![response_leaf(&response, 0).unwrap()];
    for _ in 0..100 {
        if answer_leaves(&store).0 == want {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        answer_leaves(&store).0,
        want,
        "appended once the lock was free"
    );
    drop(store);
    assert!(mark_stored(dir.path(), Some(&url)));
}
