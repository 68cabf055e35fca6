//! Upgrading a store that holds data of earlier versions loses nothing
//! already accepted: "about you" answers kept one record per person (tree
//! `about_you`, before issue 16 item 3) are folded into the per-period
//! counts once, at the store's start, and the old records are deleted.

use crate::backends::{fresh_database, postgres_server, spawn_on_with, sql, Backend};
use crate::helpers::thursday;
use awc::http::StatusCode;
use parrhesia::domain::Slug;
use parrhesia::domain::{AboutYou, AboutYouTally};
use parrhesia::store::MixedWrite;
use parrhesia::store::Store;
use std::collections::BTreeMap;
use std::path::Path;

crate::for_both_backends!(
    old_about_you_answers_are_counted_once_when_the_store_opens,
    an_old_answer_still_being_mixed_is_counted_when_it_is_rewritten,
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

/// Open the store, waiting for the last one opened on this sled directory
/// to let it go (its writer thread ends after the store is dropped).
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

/// The same sled configuration as the store's (sled refuses another
/// segment size for an existing database).
fn raw_sled(dir: &Path) -> ::sled::Db {
    for _ in 0..100 {
        if let Ok(db) = ::sled::Config::new()
            .path(dir.join("data"))
            .segment_size(8 * 1024 * 1024)
            .open()
        {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the store's sled database stays locked");
}

async fn old_about_you_answers_are_counted_once_when_the_store_opens(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Sled => None,
        Backend::Postgres => Some(fresh_database(&postgres_server())),
    };
    let url = url.as_deref();
    // A store as an earlier version left it: made, then holding old records.
    drop(open(dir.path(), url));
    let old = old_answers();
    match url {
        None => {
            let db = raw_sled(dir.path());
            let tree = db.open_tree("about_you").unwrap();
            for (round, period, answers) in &old {
                let key = uuid::Uuid::new_v4().into_bytes();
                tree.insert(key, old_value(round, period, answers)).unwrap();
            }
            db.flush().unwrap();
        }
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
        None => !raw_sled(dir)
            .tree_names()
            .iter()
            .any(|n| n.as_ref() == b"about_you"),
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
