//! Issue 17, item 4: someone who can write the store but holds no key (a
//! database administrator, or whoever edits a backup) changes a critique's
//! consent flag or theme, or adds a copy of a record, and restores it. On
//! both backends, the changed and added records fail to open: none is
//! queued for quoting, counted in the digest, or logged.

use crate::backends::{fresh_database, postgres_server, spawn_on_with, Backend};
use crate::helpers::{spawn_app_with, thursday, TestApp};
use crate::quotes::queue;
use awc::http::StatusCode;
use parrhesia::store::Location;
use serde_json::{json, Value};
use time::Duration;

/// A backup file's trees, in order: (name, entries).
type Trees = Vec<(String, Vec<(Vec<u8>, Vec<u8>)>)>;

const MAGIC: &[u8] = b"parrhesia-backup/1\n";

/// Split a backup file (format: `src/store/backup.rs`).
fn read_backup(bytes: &[u8]) -> Trees {
    let mut body = &bytes[MAGIC.len()..bytes.len() - 32];
    fn take<'a>(body: &mut &'a [u8], n: usize) -> &'a [u8] {
        let (head, rest) = body.split_at(n);
        *body = rest;
        head
    }
    fn field(body: &mut &[u8]) -> Vec<u8> {
        let n = u32::from_be_bytes(take(body, 4).try_into().unwrap()) as usize;
        take(body, n).to_vec()
    }
    let mut trees = Vec::new();
    while !body.is_empty() {
        let name = String::from_utf8(field(&mut body)).unwrap();
        let count = u64::from_be_bytes(take(&mut body, 8).try_into().unwrap());
        let entries = (0..count)
            .map(|_| (field(&mut body), field(&mut body)))
            .collect();
        trees.push((name, entries));
    }
    trees
}

/// Write a backup file back, with a good checksum (it guards against
/// accidents, not against whoever holds the file).
fn write_backup(trees: &Trees) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let put = |out: &mut Vec<u8>, b: &[u8]| {
        out.extend_from_slice(&(b.len() as u32).to_be_bytes());
        out.extend_from_slice(b);
    };
    for (name, entries) in trees {
        put(&mut out, name.as_bytes());
        out.extend_from_slice(&(entries.len() as u64).to_be_bytes());
        for (k, v) in entries {
            put(&mut out, k);
            put(&mut out, v);
        }
    }
    let sum = ring::digest::digest(&ring::digest::SHA256, &out);
    out.extend_from_slice(sum.as_ref());
    out
}

/// A stored critique in its compact form (`src/store/records.rs`): the
/// clear fields a key-less writer can change, the rest as stored.
struct Compact {
    quote_ok: bool,
    /// The commitment and the sealing nonce.
    fixed: Vec<u8>,
    round: String,
    period: String,
    themes: Vec<String>,
    ciphertext: Vec<u8>,
}

impl Compact {
    fn decode(v: &[u8]) -> Self {
        assert_eq!(v[0], 1, "a critique in compact format 1");
        let mut rest = &v[2 + 32 + 12..];
        // A u16 length, then that many bytes.
        let mut field = || {
            let n = u16::from_be_bytes([rest[0], rest[1]]) as usize;
            let f = rest[2..2 + n].to_vec();
            rest = &rest[2 + n..];
            f
        };
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        let round = text(field());
        let period = text(field());
        let count = u16::from_be_bytes([rest[0], rest[1]]);
        rest = &rest[2..];
        let mut themes = Vec::new();
        for _ in 0..count {
            let n = u16::from_be_bytes([rest[0], rest[1]]) as usize;
            themes.push(text(rest[2..2 + n].to_vec()));
            rest = &rest[2 + n..];
        }
        Self {
            quote_ok: v[1] == 1,
            fixed: v[2..2 + 32 + 12].to_vec(),
            round,
            period,
            themes,
            ciphertext: rest.to_vec(),
        }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = vec![1, u8::from(self.quote_ok)];
        out.extend_from_slice(&self.fixed);
        let mut put = |f: &str| {
            out.extend_from_slice(&(f.len() as u16).to_be_bytes());
            out.extend_from_slice(f.as_bytes());
        };
        put(&self.round);
        put(&self.period);
        out.extend_from_slice(&(self.themes.len() as u16).to_be_bytes());
        for t in &self.themes {
            out.extend_from_slice(&(t.len() as u16).to_be_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&self.ciphertext);
        out
    }
}

fn tree<'a>(trees: &'a mut Trees, name: &str) -> &'a mut Vec<(Vec<u8>, Vec<u8>)> {
    &mut trees.iter_mut().find(|(n, _)| n == name).unwrap().1
}

/// What a key-less writer of the store can do to the critiques: flip the
/// consent of the two that refused it, move the one on a hidden theme to a
/// shown one, and add a copy of a quotable one (with its member entry and
/// the counters raised to match).
fn tamper(trees: &mut Trees) {
    let mut copy = None;
    let critiques = tree(trees, "critiques");
    assert_eq!(critiques.len(), 6, "every critique is rewritten");
    for (id, value) in critiques.iter_mut() {
        let mut record = Compact::decode(value);
        if !record.quote_ok {
            record.quote_ok = true;
        } else if record.themes == ["information"] {
            record.themes = vec!["leadership".into()];
        } else if copy.is_none() {
            copy = Some((id.clone(), value.clone()));
            continue;
        } else {
            continue;
        }
        *value = record.encode();
    }
    let (original, value) = copy.unwrap();
    let new_id = uuid::Uuid::new_v4().as_bytes().to_vec();
    tree(trees, "critiques").push((new_id.clone(), value));
    let members = tree(trees, "members");
    let (member_key, commitment) = members
        .iter()
        .find(|(k, _)| k.ends_with(&original))
        .cloned()
        .unwrap();
    let mut key = member_key[..member_key.len() - 16].to_vec();
    key.extend_from_slice(&new_id);
    members.push((key, commitment));
    for (k, v) in tree(trees, "counters").iter_mut() {
        let k = String::from_utf8_lossy(k);
        if k.starts_with("p\0spring\0") && (k.ends_with('\0') || k.ends_with("leadership")) {
            let n = u64::from_be_bytes(v.as_slice().try_into().unwrap());
            *v = (n + 1).to_be_bytes().to_vec();
        }
    }
    for (_, entries) in trees.iter_mut() {
        entries.sort();
    }
}

/// Six critiques in one week, not yet sealed; k = 2, so the three
/// untouched ones alone still make a published period.
async fn six_critiques(app: &TestApp) {
    app.setup_round("care", "spring", 2).await;
    app.publish_small_periods("spring", 2).await;
    let codes = app.codes("spring", 6).await;
    let critiques = [
        ("leadership", true, "Nobody tells us when the meetings are."),
        ("leadership", true, "The managers never come to our group."),
        (
            "leadership",
            true,
            "Decisions are made before we are asked.",
        ),
        ("leadership", false, "PRIVATE do not quote this one."),
        ("leadership", false, "PRIVATE another I do not want quoted."),
        ("information", true, "HIDDEN THEME letters arrive too late."),
    ];
    for (code, (theme, quote_ok, text)) in codes.iter().zip(critiques) {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": text, "quote_ok": quote_ok}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// Run on both backends by the store suite
/// (`store_suite::{embedded,postgres}::a_changed_consent_flag_theme_or_added_record_fails_to_open`).
pub async fn a_changed_consent_flag_theme_or_added_record_fails_to_open(backend: Backend) {
    // The six critiques close one mixing epoch, so they are rewritten into
    // the critiques tree (in the open epoch they are sealed under its key,
    // which a key-less writer cannot change at all).
    let original = spawn_on_with(backend, |c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(6);
    })
    .await;
    six_critiques(&original).await;
    original.store.rotate_epoch(thursday()).await.unwrap();
    let backup = original
        .store
        .backup()
        .await
        .expect("a backup of the store");
    let mut trees = read_backup(&backup);
    tamper(&mut trees);
    let tampered = write_backup(&trees);
    // Restored where the store lives, served with the same key directory.
    let target = tempfile::tempdir().unwrap();
    let location = match backend {
        Backend::Embedded => Location::Embedded(target.path().join("data")),
        Backend::Postgres => Location::Postgres(fresh_database(&postgres_server())),
    };
    parrhesia::store::restore(&tampered, &location).unwrap();
    let keys = original.dirs.path().join("keys");
    let app = spawn_app_with(move |c| {
        c.keys_dir = keys;
        match location {
            Location::Embedded(dir) => c.data_dir = dir,
            Location::Postgres(url) => c.store_url = Some(url),
        }
    })
    .await;
    // The week ends and is sealed. The ticker's first beat may be sealing
    // it already (the app was just started), and readers do not wait for
    // a sealing under way: so seal explicitly, which queues behind it.
    app.clock.set(thursday() + Duration::days(4));
    app.store
        .seal(thursday() + Duration::days(4), false)
        .await
        .unwrap();
    let d = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    // Only the three untouched critiques count, and only they are logged.
    let sealed = app.store.all_sealed_periods().unwrap();
    assert_eq!(sealed.len(), 1);
    let digest: Value = serde_json::from_str(&sealed[0].digest_json).unwrap();
    assert_eq!(digest["totals"]["critiques"], 3, "{digest}");
    assert_eq!(
        sealed[0].leaf_count,
        3 + 1,
        "three commitments and the digest"
    );
    // None of the changed records is offered to the moderator.
    let pending = queue(&app).await;
    let texts: Vec<&str> = pending
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    for text in texts {
        assert!(!text.contains("PRIVATE"), "consent was forged: {text}");
        assert!(!text.contains("HIDDEN"), "the theme was forged: {text}");
    }
    // The texts a moderator reads leave them out too.
    let round = parrhesia::domain::Slug::parse("spring", "round").unwrap();
    let texts = app.store.critique_texts(&round, "2026-11-23").unwrap();
    assert_eq!(texts.len(), 3, "{texts:?}");
}
