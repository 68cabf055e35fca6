//! Operations (issue 8): backup and restore, readiness, metrics on their
//! own listener, and graceful shutdown under load.

use crate::helpers::{client, collect, thursday, Api, ADMIN_TOKEN};
use crate::process::{assert_all_acknowledged_kept, round_with_codes, submit_all, Server};
use parrhesia::clock::ManualClock;
use parrhesia::config::Config;
use parrhesia::startup::Application;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

/// Run the binary with the admin token set; (success, everything printed).
fn parrhesia(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parrhesia"))
        .args(args)
        .env("PARRHESIA_ADMIN_TOKEN", ADMIN_TOKEN)
        .env_remove("PARRHESIA_DATA")
        .env_remove("PARRHESIA_KEYS")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every (tree, key, value) of a stopped server's store.
fn raw_records(data: &Path) -> BTreeSet<(String, Vec<u8>, Vec<u8>)> {
    let mut out = BTreeSet::new();
    parrhesia::store::scan_raw(data, |tree, k, v| {
        out.insert((tree.to_owned(), k.to_vec(), v.to_vec()));
    })
    .unwrap();
    out
}

/// Copy a directory tree (a key directory, for a second server), private to its owner.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

async fn json_of(api: &Api, path: &str) -> Value {
    api.get(path).await.json()
}

/// Backups are consistent and complete: after a restore (data from the
/// backup, keys from their own separate copy) every critique, code state,
/// counter, sealed period and log entry is byte-for-byte the same, the
/// public log verifies, and the backup holds no key.
#[actix_web::test]
async fn backup_and_restore_round_trip_keeps_every_record_identical() {
    // Arrange: a sealed period with a log, an open one, spent and unspent codes.
    let root = tempfile::tempdir().unwrap();
    let server = Server::start(root.path());
    // Ten before the close: at least max(k, min_period) (issue 16, item 4).
    let codes = round_with_codes(&server.api, 13).await;
    submit_all(&server.api, "spring", &codes[..10]).await;
    let closed = server
        .api
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(closed.json()["sealed"], 1, "{}", closed.body);
    submit_all(&server.api, "spring", &codes[10..12]).await;
    let audit_before = json_of(&server.api, "/api/v1/audit").await;
    let leaves_before = json_of(&server.api, "/api/v1/audit/leaves?start=0&end=1000").await;
    // The round as the host sees it, less its address (the port changes).
    let stats = |mut v: Value| {
        v.as_object_mut().unwrap().remove("url");
        v
    };
    let stats_before = stats(
        server
            .api
            .admin_get("/api/v1/admin/rounds/spring")
            .await
            .json(),
    );

    // Act: back up the running server, stop it, restore elsewhere.
    let backup = root.path().join("parrhesia.backup");
    let (ok, out) = parrhesia(&[
        "backup",
        "--server",
        &server.api.address,
        "--out",
        s(&backup),
    ]);
    assert!(ok, "{out}");
    let (ok, out) = parrhesia(&[
        "backup",
        "--server",
        &server.api.address,
        "--out",
        s(&backup),
    ]);
    assert!(
        !ok && out.contains("exists already"),
        "never overwrites: {out}"
    );
    server.stop();
    let restored: PathBuf = root.path().join("restored");
    let (ok, out) = parrhesia(&["restore", "--from", s(&backup), "--data", s(&restored)]);
    assert!(ok, "{out}");

    // Assert: the same records, byte for byte.
    let original = raw_records(&root.path().join("data"));
    let copy = raw_records(&restored);
    assert!(original.len() > 30, "{} records", original.len());
    assert_eq!(original, copy, "the restored store differs");

    // No key is inside the backup: no key file's secret bytes appear in it.
    let bytes = std::fs::read(&backup).unwrap();
    let mut key_files = 0;
    for entry in std::fs::read_dir(root.path().join("keys")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        let key = std::fs::read(&path).unwrap();
        if key.len() >= 16 {
            key_files += 1;
            let probe = &key[key.len() - 16..];
            assert!(
                !bytes.windows(16).any(|w| w == probe),
                "{} is inside the backup",
                path.display()
            );
        }
    }
    assert!(key_files >= 2, "the key directory was examined");

    // The restored service, with the separately kept keys, answers the same
    // and verifies.
    let keys_copy = root.path().join("keys-restored");
    copy_dir(&root.path().join("keys"), &keys_copy);
    let server = Server::start_in(&restored, &keys_copy);
    assert_eq!(json_of(&server.api, "/api/v1/audit").await, audit_before);
    assert_eq!(
        json_of(&server.api, "/api/v1/audit/leaves?start=0&end=1000").await,
        leaves_before
    );
    let stats_after = server
        .api
        .admin_get("/api/v1/admin/rounds/spring")
        .await
        .json();
    assert_eq!(stats(stats_after), stats_before);
    let (ok, report) = parrhesia(&["verify", "--server", &server.api.address]);
    assert!(ok && report.contains("the log verifies"), "{report}");
    // Spent codes stay spent; unspent ones still work.
    assert_all_acknowledged_kept(&server.api, "spring", &codes[..12]).await;
    let fresh = submit_all(&server.api, "spring", &codes[12..]).await;
    assert!(fresh.iter().all(|(_, status)| *status == 201), "{fresh:?}");
    server.stop();
    let (ok, inventory) = parrhesia(&["audit", "--data", s(&restored), "--keys", s(&keys_copy)]);
    assert!(ok, "{inventory}");
}

/// A restore never mixes with or overwrites a store.
#[test]
fn restore_refuses_a_directory_that_is_not_empty() {
    let root = tempfile::tempdir().unwrap();
    let target = root.path().join("data");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("db"), b"existing").unwrap();
    std::fs::write(root.path().join("backup"), b"not a backup").unwrap();
    let (ok, out) = parrhesia(&[
        "restore",
        "--from",
        s(&root.path().join("backup")),
        "--data",
        s(&target),
    ]);
    assert!(!ok, "{out}");
    assert_eq!(std::fs::read(target.join("db")).unwrap(), b"existing");
}

/// `config check` as an operator runs it: the file, the environment and a
/// flag merged, the token masked, and a misspelt key refused by name.
#[test]
fn config_check_masks_the_token_and_refuses_unknown_keys() {
    let root = tempfile::tempdir().unwrap();
    let good = root.path().join("good.toml");
    std::fs::write(
        &good,
        "bind = \"127.0.0.1:9999\"\nadmin_token = \"file-secret-token-0123456789\"\n",
    )
    .unwrap();
    let (ok, out) = parrhesia(&["config", "check", "--config", s(&good), "--demo"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("bind = \"127.0.0.1:9999\"  # config file"),
        "{out}"
    );
    assert!(out.contains("demo = true  # flag"), "{out}");
    // PARRHESIA_ADMIN_TOKEN (set by `parrhesia`) overrides the file.
    assert!(
        out.contains("admin_token = \"********\"  # environment"),
        "{out}"
    );
    assert!(
        !out.contains("file-secret-token") && !out.contains(ADMIN_TOKEN),
        "{out}"
    );
    let bad = root.path().join("bad.toml");
    std::fs::write(
        &bad,
        "bind = \"127.0.0.1:1\"\nmetrics_bnid = \"127.0.0.1:2\"\n",
    )
    .unwrap();
    let (ok, out) = parrhesia(&["config", "check", "--config", s(&bad)]);
    assert!(!ok, "{out}");
    assert!(out.contains("unknown field `metrics_bnid`"), "{out}");
    let (ok, out) = parrhesia(&["serve", "--config", s(&bad)]);
    assert!(
        !ok && out.contains("metrics_bnid"),
        "serve refuses it too: {out}"
    );
}

#[test]
fn config_check_shows_the_store_without_its_password_and_refuses_a_bad_one() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("pg.toml");
    std::fs::write(
        &file,
        "store = \"postgres://parrhesia:db-secret-pw@db.internal:5432/parrhesia\"\n",
    )
    .unwrap();
    let (ok, out) = parrhesia(&["config", "check", "--config", s(&file)]);
    assert!(ok, "{out}");
    assert!(
        out.contains(
            "store = \"postgres://parrhesia:********@db.internal:5432/parrhesia\"  # config file"
        ),
        "{out}"
    );
    assert!(!out.contains("db-secret-pw"), "{out}");
    let (ok, out) = parrhesia(&["config", "check", "--store", "mysql://x@y/z"]);
    assert!(!ok, "{out}");
    assert!(out.contains("PARRHESIA_STORE must be"), "{out}");
}

/// A server with metrics on their own listener, counters published live.
async fn spawn_with_metrics() -> (Api, Api, tempfile::TempDir) {
    let dirs = tempfile::tempdir().unwrap();
    let mut config = Config::new(dirs.path().join("data"), dirs.path().join("keys"));
    config.bind = "127.0.0.1:0".into();
    config.metrics_bind = Some("127.0.0.1:0".into());
    config.metrics_publish = Duration::ZERO;
    config.admin_token = Some(ADMIN_TOKEN.into());
    let app = Application::build(config, Arc::new(ManualClock::new(thursday())))
        .await
        .unwrap();
    let api = Api::new(format!("http://{}", app.address()));
    let metrics = Api::new(format!("http://{}", app.metrics_address().unwrap()));
    actix_web::rt::spawn(app.run_until_stopped());
    (api, metrics, dirs)
}

/// Guarantee 1 for operators: /metrics has totals only: no address, no
/// user agent, no round or organisation (so nothing about a round below k),
/// and no text; and it is not served on the public listener.
#[actix_web::test]
async fn metrics_hold_only_totals_and_live_on_their_own_listener() {
    // Arrange: a round below k (two critiques, k = 5) and refusals.
    let (api, metrics, _dirs) = spawn_with_metrics().await;
    api.setup_round("riverside", "autumn-listening", 5).await;
    let codes = api.codes("autumn-listening", 3).await;
    let markers = |req: awc::ClientRequest| {
        req.insert_header(("X-Forwarded-For", "203.0.113.88"))
            .insert_header(("User-Agent", "MetricsMarker/1.0"))
    };
    for (code, text) in [
        (&codes[0], "free text marker one"),
        (&codes[1], "free text marker two"),
    ] {
        let a = collect(
            markers(
                api.client
                    .post(api.url("/api/v1/rounds/autumn-listening/critiques")),
            )
            .send_json(&json!({"code": code, "themes": ["leadership"], "text": text})),
        )
        .await;
        assert_eq!(a.status.as_u16(), 201, "{}", a.body);
    }
    let spent = api
        .submit_json(
            "autumn-listening",
            json!({"code": codes[0], "themes": ["leadership"], "text": "again"}),
        )
        .await;
    assert_eq!(spent.status.as_u16(), 409);
    let invalid = api
        .submit_json(
            "autumn-listening",
            json!({"code": codes[2], "themes": [], "text": "no theme"}),
        )
        .await;
    assert_eq!(invalid.status.as_u16(), 422, "{}", invalid.body);

    // Act
    let text = metrics.get("/metrics").await;
    let public = api.get("/metrics").await;
    let elsewhere = metrics.get("/r/autumn-listening").await;

    // Assert
    assert_eq!(text.status.as_u16(), 200);
    let body = &text.body;
    assert!(
        body.contains("parrhesia_submissions_accepted_total 2\n"),
        "{body}"
    );
    assert!(body.contains("parrhesia_codes_issued_total 3\n"), "{body}");
    assert!(
        body.contains("parrhesia_submissions_rejected_total{reason=\"code_spent\"} 1\n"),
        "{body}"
    );
    assert!(
        body.contains("parrhesia_submissions_rejected_total{reason=\"themes_missing\"} 1\n"),
        "{body}"
    );
    assert!(
        body.contains("parrhesia_commit_duration_seconds_count "),
        "{body}"
    );
    assert!(body.contains("parrhesia_write_queue_depth 0\n"), "{body}");
    for needle in [
        "203.0.113.88",
        "127.0.0.1",
        "MetricsMarker",
        "riverside",
        "autumn-listening",
        "free text marker",
        "no theme",
    ] {
        assert!(!body.contains(needle), "{needle:?} in /metrics:\n{body}");
    }
    // Every sample line is a known metric name with only closed-set labels.
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        let name = line.split(['{', ' ']).next().unwrap();
        assert!(name.starts_with("parrhesia_"), "{line}");
        if let Some(labels) = line.split_once('{').map(|(_, l)| l) {
            assert!(
                labels.starts_with("reason=\"") || labels.starts_with("le=\""),
                "{line}"
            );
        }
    }
    assert_eq!(public.status.as_u16(), 404, "not on the public listener");
    assert_eq!(
        elsewhere.status.as_u16(),
        404,
        "only /metrics on its listener"
    );
    let ready = api.get("/readyz").await;
    assert_eq!((ready.status.as_u16(), ready.body.as_str()), (200, "ready"));
}

#[actix_web::test]
async fn backup_needs_the_admin_token() {
    let (api, _metrics, _dirs) = spawn_with_metrics().await;
    let a = collect(api.client.post(api.url("/api/v1/admin/backup")).send()).await;
    assert_eq!(a.status.as_u16(), 401);
    assert_eq!(a.json()["error"], "unauthorized");
    let a = collect(
        client()
            .post(api.url("/api/v1/admin/backup"))
            .bearer_auth(ADMIN_TOKEN)
            .send(),
    )
    .await;
    assert_eq!(a.status.as_u16(), 200);
    assert!(a.body.starts_with("parrhesia-backup/1\n"));
}

/// Graceful shutdown under load: SIGTERM while waves of submissions are in
/// flight; the server exits 0 and every acknowledged critique is kept.
#[actix_web::test]
async fn sigterm_under_load_exits_cleanly_and_loses_nothing_acknowledged() {
    let root = tempfile::tempdir().unwrap();
    let mut server = Server::start(root.path());
    let codes = round_with_codes(&server.api, 4000).await;
    let pid = server.child.id();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
    });
    let mut acknowledged = Vec::new();
    let mut refused = 0;
    for wave in codes.chunks(64) {
        let mut stop = false;
        for (code, status) in submit_all(&server.api, "spring", wave).await {
            match status {
                201 => acknowledged.push(code),
                // Cut off or turned away while stopping: not acknowledged.
                0 | 503 => {
                    refused += 1;
                    stop = true;
                }
                other => panic!("unexpected status {other}"),
            }
        }
        if stop {
            break;
        }
    }
    stopper.join().unwrap();
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "exit after SIGTERM under load: {exit}");
    std::thread::sleep(Duration::from_millis(100));
    let printed = server.output.lock().unwrap().clone();
    assert!(
        printed.contains("every acknowledged write is on disk"),
        "the write queue was drained: {printed}"
    );
    assert!(
        refused > 0 && acknowledged.len() < codes.len(),
        "SIGTERM landed after all {} submissions",
        codes.len()
    );
    eprintln!("{} acknowledged before SIGTERM", acknowledged.len());
    server = Server::start(root.path());
    assert_all_acknowledged_kept(&server.api, "spring", &acknowledged).await;
    server.stop();
}
