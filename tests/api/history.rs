//! Guarantee 3 at byte level (issue 15): someone holding the data
//! directory (or the database's pages and system columns) *and* the key
//! directory learns nothing, within a mixing epoch, about the order in
//! which critiques arrived or which code, invitation or token paid for
//! which; finds no running counter; and no file time finer than the epoch.
//!
//! 800 critiques arrive one after another in a known order (by paper code
//! and by Privacy Pass token, fetched on an invitation just before, in
//! turn), across four epochs of 200. (So many that a correlation of 0.2
//! would be four standard deviations from none.) The test then reads the raw redb
//! file, or PostgreSQL's rows with `xmin` and `ctid` and its raw pages
//! (`pageinspect`), using the key directory to tell which stored record is
//! which arrival (codes and invitations through their keyed hashes,
//! critiques by decrypting their text). Each critique's one-time "about
//! you" code (issue 16) is a record of its own, made in the critique's
//! transaction: its keyed hash must not be paired with the critique by
//! place either.

use crate::backends::{fresh_database, postgres_server, sql, Backend};
use crate::helpers::{spawn_app_with, thursday, TestApp};
use parrhesia::tokens::{AboutYouCode, CodeKey, Invitation, InvitationKey, PaperCode};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

crate::for_both_backends!(the_disk_forgets_arrival_order_credential_pairings_counts_and_times);

/// By chance, about one critique per epoch is paired right by place
/// (its nearest record before it is its own, among the epoch's), so the
/// right guesses of a store that forgets are roughly Poisson with mean
/// EPOCHS, and the tests allow twice that. With 4 epochs of 200 a
/// forgetting store failed about one assertion in fifty (9 right, 4 by
/// chance, on CI); with 16 epochs of 50 a false failure (33 or more, mean
/// 16) is about one in six thousand, and the rank correlations, averaged
/// over as many critiques, are as tight.
const CRITIQUES: usize = 800;
const PER_EPOCH: usize = 50;
const EPOCHS: usize = CRITIQUES / PER_EPOCH;
const UNSENT_CODES: usize = 20_000;

/// One critique as the test sent it.
struct Arrival {
    id: [u8; 16],
    /// The code's keyed hash, or the token's nonce.
    credential: Vec<u8>,
    /// The keyed hash of the invitation the token was fetched on.
    invitation: Option<Vec<u8>>,
    /// The keyed hash of the "about you" code the critique came with.
    about: Vec<u8>,
}

fn epoch_of(i: usize) -> usize {
    i / PER_EPOCH
}

/// Spearman's rank correlation of `xs` and `ys` (average ranks for ties;
/// 0 when either has no spread).
fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|a, b| v[*a].partial_cmp(&v[*b]).unwrap());
        let mut r = vec![0.0; v.len()];
        let mut i = 0;
        while i < idx.len() {
            let mut j = i;
            while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
                j += 1;
            }
            for k in i..=j {
                r[idx[k]] = (i + j) as f64 / 2.0;
            }
            i = j + 1;
        }
        r
    }
    let (rx, ry) = (ranks(xs), ranks(ys));
    let n = xs.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    if vx == 0.0 || vy == 0.0 {
        0.0
    } else {
        cov / (vx * vy).sqrt()
    }
}

/// The rank correlation between arrival and `position` within each epoch,
/// averaged over the epochs weighted by size (`None`: not on disk).
fn within_epochs(position: impl Fn(usize) -> Option<f64>) -> f64 {
    let mut sum = 0.0;
    let mut n = 0.0;
    for e in 0..EPOCHS {
        let (xs, ys): (Vec<f64>, Vec<f64>) = (e * PER_EPOCH..(e + 1) * PER_EPOCH)
            .filter_map(|i| position(i).map(|p| (i as f64, p)))
            .unzip();
        if xs.len() > 2 {
            sum += spearman(&xs, &ys) * xs.len() as f64;
            n += xs.len() as f64;
        }
    }
    assert!(n > 0.0, "nothing to correlate");
    sum / n
}

/// How often a critique's nearest preceding credential record (by
/// `position`) is its own: the expected number of right guesses, ties
/// shared evenly.
fn pairing_by_position(
    critique_at: &[Option<f64>],
    credential_at: &[Option<f64>],
    arrivals: impl Iterator<Item = usize> + Clone,
) -> f64 {
    let mut right = 0.0;
    for i in arrivals.clone() {
        let Some(c) = critique_at[i] else { continue };
        let before: Vec<(usize, f64)> = arrivals
            .clone()
            .filter_map(|j| credential_at[j].map(|p| (j, p)))
            .filter(|(_, p)| *p < c)
            .collect();
        let Some(nearest) = before.iter().map(|(_, p)| *p).reduce(f64::max) else {
            continue;
        };
        let guesses: Vec<usize> = before
            .iter()
            .filter(|(_, p)| *p == nearest)
            .map(|(j, _)| *j)
            .collect();
        if guesses.contains(&i) {
            right += 1.0 / guesses.len() as f64;
        }
    }
    right
}

/// The expected number of right guesses for whoever pairs each critique
/// with a credential written in the same epoch, at random: one per epoch.
fn chance(arrivals: impl Iterator<Item = usize>) -> f64 {
    let mut per_epoch = BTreeMap::new();
    for i in arrivals {
        *per_epoch.entry(epoch_of(i)).or_insert(0usize) += 1;
    }
    per_epoch.len() as f64
}

/// Every file under `dir`, and `dir` itself.
fn tree_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_owned()];
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(tree_of(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// No file time finer than the epoch: every modification time is the
/// start of an epoch, a whole minute, not after now. (Access times move
/// with every reader, this test included, unless the file system is
/// mounted `noatime`, as deploy/README.md asks; the store sets them with
/// the modification times.)
pub(crate) fn assert_times_no_finer_than_the_epoch(dir: &Path) {
    let now = std::time::SystemTime::now();
    for p in tree_of(dir) {
        let t = std::fs::metadata(&p).unwrap().modified().unwrap();
        let d = t.duration_since(std::time::UNIX_EPOCH).unwrap();
        assert!(
            d.subsec_nanos() == 0 && d.as_secs() % 60 == 0 && t <= now,
            "{} was modified at {d:?}, finer than the epoch's start",
            p.display()
        );
    }
}

/// Distinct values 1..=CRITIQUES stored, big-endian, within a few bytes
/// after any copy of `key` in `bytes`: the versions of a running count.
fn counter_values(bytes: &[u8], key: &[u8]) -> BTreeSet<u64> {
    let mut seen = BTreeSet::new();
    for at in memchr::memmem::find_iter(bytes, key) {
        let tail = &bytes[at + key.len()..(at + key.len() + 24).min(bytes.len())];
        for w in tail.windows(8) {
            let v = u64::from_be_bytes(w.try_into().unwrap());
            if (1..=CRITIQUES as u64).contains(&v) {
                seen.insert(v);
            }
        }
    }
    seen
}

/// Every (key, value) of every redb leaf page in `bytes`, live or stale:
/// redb writes a changed page elsewhere and reuses freed pages without
/// zeroing them, so old versions stay until overwritten. A leaf page (its
/// first byte 1) holds a little-endian u16 count n at 2, then n u32 key
/// ends and n u32 value ends, then the keys, then the values (redb 5's
/// `btree_base.rs`); its key and its value are therefore not adjacent, and
/// a search for bytes after a key would find nothing.
fn redb_leaf_pairs(bytes: &[u8]) -> Vec<(&[u8], &[u8])> {
    const PAGE: usize = 4096;
    let mut out = Vec::new();
    for page in bytes.chunks_exact(PAGE) {
        if page[0] != 1 {
            continue;
        }
        let n = u16::from_le_bytes([page[2], page[3]]) as usize;
        let at = |i: usize| u32::from_le_bytes(page[i..i + 4].try_into().unwrap()) as usize;
        if n == 0 || 4 + 8 * n > PAGE {
            continue;
        }
        let mut start = 4 + 8 * n;
        let mut keys = Vec::with_capacity(n);
        let mut ok = true;
        for i in 0..n {
            let end = at(4 + 4 * i);
            if end < start || end > PAGE {
                ok = false;
                break;
            }
            keys.push(&page[start..end]);
            start = end;
        }
        for (i, key) in keys.into_iter().enumerate() {
            if !ok {
                break;
            }
            let end = at(4 + 4 * n + 4 * i);
            if end < start || end > PAGE {
                break;
            }
            out.push((key, &page[start..end]));
            start = end;
        }
    }
    out
}

/// Distinct values 1..=CRITIQUES stored under `key` in any leaf page,
/// stale or live, of the redb file `bytes`: the versions of a count.
fn redb_counter_values(bytes: &[u8], key: &[u8]) -> BTreeSet<u64> {
    redb_leaf_pairs(bytes)
        .into_iter()
        .filter(|(k, v)| *k == key && v.len() == 8)
        .map(|(_, v)| u64::from_be_bytes(v.try_into().unwrap()))
        .filter(|v| (1..=CRITIQUES as u64).contains(v))
        .collect()
}

/// Check that every sealed ingest record in the redb file `bytes`, live
/// or left in a freed page, is padded (`Entry::encode`): named by 32 bytes,
/// its value a 12-byte nonce, a power of two of at least 1 KiB of
/// ciphertext and a 16-byte tag. Returns how many it checked.
fn assert_ingest_records_padded(bytes: &[u8]) -> usize {
    let mut checked = 0;
    for (k, v) in redb_leaf_pairs(bytes) {
        if k.len() == 32 && v.len() > 1024 {
            let plain = v.len() - 12 - 16;
            assert!(
                plain.is_power_of_two(),
                "an ingest record of {plain} bytes shows its critique's length"
            );
            checked += 1;
        }
    }
    checked
}

/// 800 critiques in a known order across four epochs; their ids,
/// credentials and invitations as the key directory tells them. Every
/// tenth arrival, `dump` reads what a dump taken then would show of the
/// round's count; the distinct values seen are returned too.
async fn arrive(app: &TestApp, dump: impl Fn() -> Option<u64>) -> (Vec<Arrival>, BTreeSet<u64>) {
    let mut dumped = BTreeSet::new();
    app.setup_round("care", "ordering", 5).await;
    let keys = app.dirs.path().join("keys");
    // Many more codes than critiques, issued and never sent: each spent code
    // then lands on a leaf page of its own, the strongest case for pairing
    // by page (a pass that wrote a critique and then its code would hand
    // out their pages one after the other).
    for _ in 0..UNSENT_CODES / 10_000 {
        app.codes("ordering", 10_000).await;
    }
    let codes = app.codes("ordering", CRITIQUES).await;
    let invitations = app.invitations("ordering", CRITIQUES / 2, Some(1)).await;
    let code_key = CodeKey::new(&std::fs::read(keys.join("paper-code.key")).unwrap());
    let invitation_key = InvitationKey::new(&std::fs::read(keys.join("invitation.key")).unwrap());
    let mut sent = Vec::new();
    let mut abouts = Vec::new();
    let about_hash = |a: &crate::helpers::Answer| {
        let code = a.json()["about_you_code"].as_str().unwrap().to_owned();
        let code = AboutYouCode::parse(&code).unwrap();
        code_key.about_you(&code, "ordering", "2026-11-23").to_vec()
    };
    for i in 0..CRITIQUES {
        // Lengths vary (53 to 365 characters), so that an ingest record's
        // size would show which critique it is if it were not padded.
        let text = format!(
            "Arrival number {i:04} says the meetings are too short.{}",
            " Really.".repeat(i % 40)
        );
        let body = json!({"themes": ["leadership"], "text": text});
        if i % 2 == 1 {
            let inv = &invitations[i / 2];
            let (_, _, token) = app.fetch_token("ordering", inv).await;
            let a = app.submit_with_token("ordering", &token, body).await;
            assert_eq!(a.status.as_u16(), 201, "{}", a.body);
            abouts.push(about_hash(&a));
            let b64 = token
                .trim_start_matches("PrivateToken token=")
                .trim_matches('"');
            let raw = parrhesia::tokens::b64_decode(b64).unwrap();
            let hash = invitation_key.hash(&Invitation::parse(inv).unwrap());
            sent.push((raw[2..34].to_vec(), Some(hash.as_bytes().to_vec())));
        } else {
            let mut body = body;
            body["code"] = json!(codes[i]);
            let a = app.submit_json("ordering", body).await;
            assert_eq!(a.status.as_u16(), 201, "{}", a.body);
            abouts.push(about_hash(&a));
            let hash = code_key.hash(&PaperCode::parse(&codes[i]).unwrap());
            sent.push((hash.as_bytes().to_vec(), None));
        }
        if i % 10 == 9 {
            dumped.extend(dump());
        }
    }
    // Wait for the last epoch's rewrite.
    app.store.rotate_epoch(thursday()).await.unwrap();
    assert_eq!(app.store.critique_count().unwrap(), CRITIQUES);
    // Which stored critique is which arrival: decrypt with the keys.
    let vault = parrhesia::secrets::vault::Vault::load(
        &parrhesia::secrets::keys::KeyDir::open(&keys, &app.dirs.path().join("data")).unwrap(),
    )
    .unwrap();
    let round = parrhesia::domain::Slug::parse("ordering", "round").unwrap();
    let mut ids = vec![None; CRITIQUES];
    for (context, sealed) in app.store.sealed_records(&round, "2026-11-23").unwrap() {
        let plain = vault.unseal(&sealed, &context).unwrap();
        let text: serde_json::Value = serde_json::from_slice(&plain).unwrap();
        let text = text["text"].as_str().unwrap();
        let i: usize = text["Arrival number ".len()..][..4].parse().unwrap();
        let hex = context.trim_start_matches("critique/");
        let bytes: Vec<u8> = (0..32)
            .step_by(2)
            .map(|k| u8::from_str_radix(&hex[k..k + 2], 16).unwrap())
            .collect();
        ids[i] = Some(<[u8; 16]>::try_from(bytes.as_slice()).unwrap());
    }
    // Every epoch but the open (empty) one is closed: its key is gone.
    let epoch_keys = std::fs::read_dir(&keys)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("epoch.")
        })
        .count();
    assert_eq!(epoch_keys, 1, "only the open epoch's key is left");
    let arrivals = sent
        .into_iter()
        .zip(ids)
        .zip(abouts)
        .map(|(((credential, invitation), id), about)| Arrival {
            id: id.expect("every arrival stored"),
            credential,
            invitation,
            about,
        })
        .collect();
    (arrivals, dumped)
}

/// The same bounds for the "about you" codes: each is stored, and neither
/// its place keeps arrival order nor pairs it with its critique.
fn assert_codes_forgotten(what: &str, critique_at: &[Option<f64>], about_at: &[Option<f64>]) {
    assert!(
        about_at.iter().all(Option::is_some),
        "{what}: every code is stored"
    );
    let rho = within_epochs(|i| about_at[i]);
    eprintln!("{what}: rank correlation of arrival and about-you codes' place: {rho:+.3}");
    assert!(
        rho.abs() <= 0.2,
        "{what}: about-you codes keep arrival order (ρ = {rho:.3})"
    );
    let right = pairing_by_position(critique_at, about_at, 0..CRITIQUES);
    let by_chance = chance(0..CRITIQUES);
    eprintln!(
        "{what}: about-you code pairing by place: {right:.1} right, {by_chance:.1} by chance"
    );
    assert!(
        right <= 2.0 * by_chance,
        "{what}: place pairs critiques with their about-you codes ({right:.1} right)"
    );
}

/// The correlation and pairing bounds, whatever the positions are.
fn assert_forgotten(
    what: &str,
    critique_at: &[Option<f64>],
    credential_at: &[Option<f64>],
    invitation_at: &[Option<f64>],
) {
    let tokens = (0..CRITIQUES).filter(|i| i % 2 == 1);
    for (name, at) in [
        ("critiques", critique_at),
        ("spent credentials", credential_at),
        ("invitations", invitation_at),
    ] {
        let rho = within_epochs(|i| at[i]);
        eprintln!("{what}: rank correlation of arrival and {name}' place: {rho:+.3}");
        assert!(
            rho.abs() <= 0.2,
            "{what}: {name} keep arrival order (ρ = {rho:.3})"
        );
    }
    let right = pairing_by_position(critique_at, credential_at, 0..CRITIQUES);
    let by_chance = chance(0..CRITIQUES);
    eprintln!("{what}: credential pairing by place: {right:.1} right, {by_chance:.1} by chance");
    assert!(
        right <= 2.0 * by_chance,
        "{what}: place pairs critiques with credentials ({right:.1} right)"
    );
    let right = pairing_by_position(critique_at, invitation_at, tokens.clone());
    let by_chance = chance(tokens);
    eprintln!("{what}: invitation pairing by place: {right:.1} right, {by_chance:.1} by chance");
    assert!(
        right <= 2.0 * by_chance,
        "{what}: place pairs critiques with invitations ({right:.1} right)"
    );
}

/// redb's pages (4 KiB): a copy-on-write engine hands them out in the
/// order of a commit's writes, and saves its free-page map with every
/// commit, so whoever reads the file can tell which leaves one commit
/// wrote one after another. Within each epoch, the rank correlation
/// between the page of a critique's id and the page of the credential it
/// spent, and how often the credential on the nearest page (either side)
/// is its own, ties shared.
fn assert_pages_do_not_pair(
    what: &str,
    critique_at: &[Option<f64>],
    credential_at: &[Option<f64>],
) {
    let page = |p: Option<f64>| p.map(|p| (p / 4096.0).floor());
    let mut sum = 0.0;
    let mut n = 0.0;
    let mut right = 0.0;
    for e in 0..EPOCHS {
        let epoch: Vec<(usize, f64, f64)> = (e * PER_EPOCH..(e + 1) * PER_EPOCH)
            .filter_map(|i| Some((i, page(critique_at[i])?, page(credential_at[i])?)))
            .collect();
        let (xs, ys): (Vec<f64>, Vec<f64>) = epoch.iter().map(|(_, c, k)| (*c, *k)).unzip();
        if xs.len() > 2 {
            sum += spearman(&xs, &ys) * xs.len() as f64;
            n += xs.len() as f64;
        }
        for (i, c, _) in &epoch {
            let nearest = epoch
                .iter()
                .map(|(_, _, k)| (k - c).abs())
                .reduce(f64::min)
                .unwrap();
            let guesses: Vec<usize> = epoch
                .iter()
                .filter(|(_, _, k)| (k - c).abs() == nearest)
                .map(|(j, _, _)| *j)
                .collect();
            if guesses.contains(i) {
                right += 1.0 / guesses.len() as f64;
            }
        }
    }
    assert!(n > 0.0, "nothing to correlate");
    let rho = sum / n;
    let by_chance = chance(0..CRITIQUES);
    eprintln!(
        "{what}: pages of critiques and their credentials: rank correlation {rho:+.3}, \
         nearest page pairs {right:.1} right, {by_chance:.1} by chance"
    );
    assert!(
        rho.abs() <= 0.2,
        "{what}: a critique's page follows its credential's (ρ = {rho:.3})"
    );
    assert!(
        right <= 2.0 * by_chance,
        "{what}: pages pair critiques with credentials ({right:.1} right)"
    );
}

async fn the_disk_forgets_arrival_order_credential_pairings_counts_and_times(backend: Backend) {
    let url = match backend {
        Backend::Embedded => None,
        Backend::Postgres => Some(fresh_database(&postgres_server())),
    };
    let store_url = url.clone();
    let app = spawn_app_with(move |c| {
        c.store_url = store_url;
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(PER_EPOCH as u64);
    })
    .await;
    if let Some(url) = &url {
        // Keep every dead row version: the strongest case for an attacker.
        sql(url, "ALTER TABLE kv SET (autovacuum_enabled = false)");
        sql(url, "CREATE EXTENSION IF NOT EXISTS pageinspect");
    }
    // What a dump taken at any moment shows of the round's count.
    let data = app.dirs.path().join("data/store.redb");
    let padded = std::cell::Cell::new(0);
    let dump = || {
        let Some(url) = url.as_deref() else {
            // The embedded store's file as a copy taken now would hold it:
            // the newest of the count's versions (counts only grow).
            let bytes = std::fs::read(&data).ok()?;
            padded.set(padded.get() + assert_ingest_records_padded(&bytes));
            return redb_counter_values(&bytes, b"r\0ordering\0critiques")
                .into_iter()
                .max();
        };
        let key: String = b"r\0ordering\0critiques"
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let rows = sql(
            url,
            &format!("SELECT value FROM kv WHERE tree = 'counters' AND key = '\\x{key}'::bytea"),
        );
        rows.first()
            .map(|r| u64::from_be_bytes(r.get::<_, Vec<u8>>(0).try_into().unwrap()))
    };
    let (arrivals, dumped) = arrive(&app, dump).await;
    eprintln!("counts seen in dumps taken every tenth arrival: {dumped:?}");
    assert!(
        dumped.len() <= EPOCHS,
        "dumps show a running count: {dumped:?}"
    );
    if url.is_none() {
        eprintln!(
            "sealed ingest records seen in the dumps, all padded: {}",
            padded.get()
        );
        assert!(padded.get() >= CRITIQUES, "the dumps saw the ingest areas");
    }
    match &url {
        None => embedded_bytes_forget(&app, &arrivals),
        Some(url) => postgres_forgets(url, &arrivals),
    }
    assert_times_no_finer_than_the_epoch(&app.dirs.path().join("keys"));
    if url.is_none() {
        assert_times_no_finer_than_the_epoch(&app.dirs.path().join("data"));
    }
}

fn embedded_bytes_forget(app: &TestApp, arrivals: &[Arrival]) {
    let bytes = std::fs::read(app.dirs.path().join("data/store.redb")).unwrap();
    let first = |needle: &[u8]| memchr::memmem::find(&bytes, needle).map(|p| p as f64);
    let last = |needle: &[u8]| memchr::memmem::rfind(&bytes, needle).map(|p| p as f64);
    for (name, at) in [
        ("first copy", &first as &dyn Fn(&[u8]) -> Option<f64>),
        ("last copy", &last),
    ] {
        let critique_at: Vec<_> = arrivals.iter().map(|a| at(&a.id)).collect();
        assert!(
            critique_at.iter().all(Option::is_some),
            "every critique id is in the file"
        );
        let credential_at: Vec<_> = arrivals.iter().map(|a| at(&a.credential)).collect();
        let invitation_at: Vec<_> = arrivals
            .iter()
            .map(|a| a.invitation.as_deref().and_then(at))
            .collect();
        assert_forgotten(
            &format!("embedded, {name}"),
            &critique_at,
            &credential_at,
            &invitation_at,
        );
        assert_pages_do_not_pair(&format!("embedded, {name}"), &critique_at, &credential_at);
        let about_at: Vec<_> = arrivals.iter().map(|a| at(&a.about)).collect();
        assert_codes_forgotten(&format!("embedded, {name}"), &critique_at, &about_at);
    }
    for key in [
        &b"r\0ordering\0critiques"[..],
        b"p\0ordering\x002026-11-23\0",
    ] {
        let values = redb_counter_values(&bytes, key);
        eprintln!("embedded: versions of a count in the file: {values:?}");
        // The count is there (the parse reads redb's pages), with one
        // version per rewrite at most, where a running count would leave
        // one per critique.
        assert!(values.contains(&(CRITIQUES as u64)), "the round's count");
        assert!(values.len() <= EPOCHS, "a running count: {values:?}");
    }
}

fn postgres_forgets(url: &str, arrivals: &[Arrival]) {
    let rows = sql(
        url,
        "SELECT key, xmin::text::bigint, (ctid::text::point)[0]::bigint, \
         (ctid::text::point)[1]::bigint FROM kv \
         WHERE tree IN ('critiques', 'codes', 'invitations', 'about_you_codes') \
         OR tree LIKE 'spent-nonces/%'",
    );
    let mut place: BTreeMap<Vec<u8>, (i64, i64, i64)> = BTreeMap::new();
    for r in &rows {
        place.insert(r.get(0), (r.get(1), r.get(2), r.get(3)));
    }
    let ctid = |k: &[u8]| {
        place
            .get(k)
            .map(|(_, page, line)| (*page * 1000 + *line) as f64)
    };
    let xmin = |k: &[u8]| place.get(k).map(|(x, _, _)| *x as f64);
    for (name, at) in [
        ("ctid", &ctid as &dyn Fn(&[u8]) -> Option<f64>),
        ("xmin", &xmin),
    ] {
        let critique_at: Vec<_> = arrivals.iter().map(|a| at(&a.id)).collect();
        assert!(
            critique_at.iter().all(Option::is_some),
            "every critique is a row"
        );
        let credential_at: Vec<_> = arrivals.iter().map(|a| at(&a.credential)).collect();
        let invitation_at: Vec<_> = arrivals
            .iter()
            .map(|a| a.invitation.as_deref().and_then(at))
            .collect();
        assert_forgotten(
            &format!("PostgreSQL, {name}"),
            &critique_at,
            &credential_at,
            &invitation_at,
        );
        let about_at: Vec<_> = arrivals.iter().map(|a| at(&a.about)).collect();
        assert_codes_forgotten(&format!("PostgreSQL, {name}"), &critique_at, &about_at);
    }
    // Sharing a transaction id: whoever pairs a critique with a credential
    // of the same xmin, at random, is right no more often than chance.
    let mut right = 0.0;
    for a in arrivals {
        let x = place[&a.id.to_vec()].0;
        let same: Vec<&Arrival> = arrivals
            .iter()
            .filter(|b| place.get(&b.credential).is_some_and(|p| p.0 == x))
            .collect();
        if same.iter().any(|b| b.credential == a.credential) {
            right += 1.0 / same.len() as f64;
        }
    }
    eprintln!("PostgreSQL: pairing by xmin: {right:.1} right, {EPOCHS} by chance");
    assert!(
        right <= 2.0 * EPOCHS as f64,
        "xmin pairs critiques with credentials"
    );
    let mut right = 0.0;
    for a in arrivals {
        let x = place[&a.id.to_vec()].0;
        let same = arrivals
            .iter()
            .filter(|b| place.get(&b.about).is_some_and(|p| p.0 == x))
            .count();
        if place.get(&a.about).is_some_and(|p| p.0 == x) {
            right += 1.0 / same as f64;
        }
    }
    eprintln!("PostgreSQL: about-you code pairing by xmin: {right:.1} right, {EPOCHS} by chance");
    assert!(
        right <= 2.0 * EPOCHS as f64,
        "xmin pairs critiques with their about-you codes"
    );
    // Every row version on the table's pages, dead ones included.
    let pages = sql(
        url,
        "SELECT t_data FROM generate_series(0, (pg_relation_size('kv') / 8192)::int - 1) AS p, \
         LATERAL heap_page_items(get_raw_page('kv', p)) WHERE t_data IS NOT NULL",
    );
    let mut bytes = Vec::new();
    for r in &pages {
        bytes.extend_from_slice(&r.get::<_, Vec<u8>>(0));
        bytes.extend_from_slice(&[0xff; 8]);
    }
    // And the write-ahead log, which holds every row version written
    // (dead versions leave the pages when PostgreSQL prunes them). The
    // round's slug is this test's own, so other tests' rows do not count.
    match std::env::var("PARRHESIA_TEST_PGDATA") {
        Ok(pgdata) => {
            for file in tree_of(&Path::new(&pgdata).join("pg_wal")) {
                if file.is_file() {
                    bytes.extend_from_slice(&std::fs::read(&file).unwrap());
                }
            }
        }
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("PARRHESIA_TEST_PGDATA must be set in CI (.ci/postgres.sh sets it)")
        }
        Err(_) => eprintln!("skipped the WAL check: PARRHESIA_TEST_PGDATA is unset"),
    }
    for key in [
        &b"r\0ordering\0critiques"[..],
        b"p\0ordering\x002026-11-23\0",
    ] {
        let values = counter_values(&bytes, key);
        eprintln!("PostgreSQL: versions of a count on the pages and in the WAL: {values:?}");
        // One version per rewrite (a stray match in unrelated bytes aside),
        // where a running count leaves one per critique.
        assert!(values.len() <= 2 * EPOCHS, "a running count: {values:?}");
    }
    // Closed epochs' ingest tables are gone; the open one is left.
    let tables = sql(
        url,
        "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'ingest\\_%'",
    );
    assert_eq!(tables[0].get::<_, i64>(0), 1);
}
