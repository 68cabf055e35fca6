//! Issue 17, item 2, 3 and 8: auditors against a host who cheats. A
//! verifier that remembers, witnesses that cosign only what extends what
//! they cosigned, dated heads, key consistency checked as a client sees
//! it, and `verify` over https.

use crate::audit::{audit_now, audit_on};
use crate::helpers::{spawn_app_with, thursday, TestApp};
use crate::privacy_pass::{challenge_key, www_authenticate};
use awc::http::StatusCode;
use parrhesia::audit::note::{Checkpoint, Note, Verifier};
use parrhesia::audit::verifier::Policy;
use parrhesia::audit::witness::{self, Refusal};
use parrhesia::store::Location;
use ring::signature::Ed25519KeyPair;
use serde_json::json;
use std::path::{Path, PathBuf};
use time::Duration;

/// A witness of our own: its key, name, state file, and verifier key.
struct Witness {
    pair: Ed25519KeyPair,
    name: String,
    state: PathBuf,
    vkey: String,
    _dir: tempfile::TempDir,
}

fn witness(name: &str) -> Witness {
    let dir = tempfile::tempdir().unwrap();
    let pair = witness::load_key(&dir.path().join("witness.key")).unwrap();
    let vkey = witness::vkey(&pair, name).unwrap().vkey();
    Witness {
        pair,
        name: name.into(),
        state: dir.path().join("witness.json"),
        vkey,
        _dir: dir,
    }
}

impl Witness {
    /// One run against the log at `url`.
    async fn run(&self, url: &str) -> anyhow::Result<witness::Cosigned> {
        let client = parrhesia::audit::fetch::client(std::time::Duration::from_secs(30), None)?;
        witness::run(
            &client,
            url,
            &self.pair,
            Some(&self.name),
            &self.state,
            None,
            1_795_000_000,
        )
        .await
    }

    fn policy(&self) -> Policy {
        Policy {
            log_key: None,
            witnesses: vec![Verifier::parse(&self.vkey).unwrap()],
            quorum: 1,
        }
    }
}

/// Critiques for round "spring" with `codes`, then the period sealed at its
/// end (a signed head): a week later, as a period this small may not be
/// closed early (issue 16, item 4).
async fn send_and_close(app: &TestApp, codes: &[String], text: &str) {
    for code in codes {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": ["leadership"], "text": text}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock
        .set(parrhesia::clock::Clock::today(&app.clock) + Duration::weeks(1));
    let a = app
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["sealed"], 1, "{}", a.body);
}

/// A second server on a copy of `app`'s store and the same key directory
/// (so the same log key): from here on the host can show two histories.
async fn fork(app: &TestApp, witnesses: Vec<String>) -> (TestApp, tempfile::TempDir) {
    let backup = app.store.backup().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    parrhesia::store::restore(&backup, &Location::Embedded(data.clone())).unwrap();
    let keys = app.dirs.path().join("keys");
    let copy = spawn_app_with(move |c| {
        c.data_dir = data;
        c.keys_dir = keys;
        c.store_url = None;
        c.witnesses = witnesses;
    })
    .await;
    copy.clock.set(parrhesia::clock::Clock::today(&app.clock));
    (copy, dir)
}

/// Issue 17, item 2: the host forks its log with its own key and shows the
/// fork to a second auditor. Both auditors trust the same witness.
#[actix_web::test]
async fn a_fork_shown_to_a_second_verifier_fails_with_a_shared_witness() {
    let w = witness("witness.example/w1");
    let vkeys = vec![w.vkey.clone()];
    let host = spawn_app_with({
        let vkeys = vkeys.clone();
        move |c| c.witnesses = vkeys
    })
    .await;
    host.setup_round("care", "spring", 2).await;
    let codes = host.codes("spring", 10).await;
    send_and_close(&host, &codes[..4], "before the fork").await;
    w.run(&host.address).await.unwrap();
    // The fork: the same log up to here, then each copy its own critiques.
    let (forked, _dir) = fork(&host, vkeys).await;
    send_and_close(&host, &codes[4..6], "the history the first auditor sees").await;
    send_and_close(&forked, &codes[6..9], "the history shown to the second").await;
    // The witness sees the real log and cosigns it; the first auditor,
    // requiring that witness, verifies it and keeps what it saw.
    w.run(&host.address).await.unwrap();
    let (report, first_state) = audit_now(&host, &w.policy(), None).await;
    assert!(report.ok(), "{}", report.render());
    let first_state = first_state.unwrap();
    // The witness refuses the fork ...
    let refused = w.run(&forked.address).await.unwrap_err();
    assert!(
        refused.downcast_ref::<Refusal>().is_some(),
        "the witness must refuse the fork: {refused:#}"
    );
    // ... so the second auditor, requiring the same witness, fails, ...
    let (report, state) = audit_now(&forked, &w.policy(), None).await;
    assert!(!report.ok(), "the fork verified:\n{}", report.render());
    assert!(state.is_none());
    assert!(
        report.render().contains("cosigned by 0 of the witnesses"),
        "{}",
        report.render()
    );
    // ... even if the host copies the witness's cosignature across: it
    // does not verify on the fork's checkpoint.
    let real = host.get("/checkpoint").await.body;
    let line = real.lines().last().unwrap().to_owned() + "\n";
    let fork_note = forked.get("/checkpoint").await.body + &line;
    let a = crate::helpers::collect(
        forked
            .client
            .post(forked.url("/api/v1/audit/cosignatures"))
            .content_type("text/plain")
            .send_body(fork_note),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    // And the first auditor, shown the fork later, fails on its state
    // alone (no witness needed): the log it saw was rewritten.
    let (report, _) = audit_now(&forked, &Policy::default(), Some(&first_state)).await;
    assert!(!report.ok(), "a rewrite passed:\n{}", report.render());
    assert!(
        report.render().contains("FAIL  the log at size"),
        "{}",
        report.render()
    );
}

/// Issue 17, item 2: heads are dated by the week markers; a log (or a view
/// of it) that stopped moving fails, witnessed or not.
#[actix_web::test]
async fn verify_fails_against_a_frozen_log() {
    let w = witness("witness.example/w2");
    let vkeys = vec![w.vkey.clone()];
    let host = spawn_app_with(move |c| c.witnesses = vkeys).await;
    host.setup_round("care", "spring", 2).await;
    let codes = host.codes("spring", 3).await;
    send_and_close(&host, &codes, "the last thing this log ever took").await;
    w.run(&host.address).await.unwrap();
    // The same week, and the next: it moves.
    for days in [0, 6, 10] {
        let (report, _) = audit_on(
            &host.address,
            &w.policy(),
            None,
            thursday() + Duration::days(days),
        )
        .await;
        assert!(report.ok(), "day +{days}:\n{}", report.render());
    }
    // Three weeks later the host still serves the same heads (and the
    // witness, which sees nothing newer, cosigns them again): frozen.
    w.run(&host.address).await.unwrap();
    let later = thursday() + Duration::days(21);
    let (report, _) = audit_on(&host.address, &w.policy(), None, later).await;
    assert!(!report.ok(), "a frozen log passed:\n{}", report.render());
    assert!(
        report.render().contains("the log is frozen"),
        "{}",
        report.render()
    );
    // A host that keeps running logs each week's marker, so it passes.
    host.clock.set(later);
    host.store.tick(later).await.unwrap();
    w.run(&host.address).await.unwrap();
    let (report, _) = audit_on(&host.address, &w.policy(), None, later).await;
    assert!(report.ok(), "{}", report.render());
}

/// The checkpoint is a c2sp.org signed note under the log's verifier key;
/// only a configured witness's valid cosignature is kept and served.
#[actix_web::test]
async fn the_checkpoint_is_a_signed_note_and_only_configured_witnesses_cosign_it() {
    let w = witness("witness.example/w3");
    let stranger = witness("witness.example/stranger");
    let vkeys = vec![w.vkey.clone()];
    let host = spawn_app_with(move |c| c.witnesses = vkeys).await;
    let doc = host.get("/api/v1/audit").await.json();
    let log = Verifier::parse(doc["log_vkey"].as_str().unwrap()).unwrap();
    assert_eq!(doc["witnesses"], json!([w.vkey]));
    let a = host.get("/checkpoint").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let note = Note::parse(&a.body).unwrap();
    assert_eq!(note.verified_by(&log).unwrap().len(), 1);
    let checkpoint = Checkpoint::parse(&note.text).unwrap();
    assert_eq!(checkpoint.origin, log.name);
    assert_eq!(checkpoint.size, host.store.log_size().unwrap());
    // A stranger's cosignature is refused (403); garbage is a 400; a
    // checkpoint the log never signed is a 404.
    let post = |body: String| {
        crate::helpers::collect(
            host.client
                .post(host.url("/api/v1/audit/cosignatures"))
                .content_type("text/plain")
                .send_body(body),
        )
    };
    let by = |wit: &Witness, text: &str| {
        parrhesia::audit::note::cosign(&wit.pair, &wit.name, text, 1_795_000_000).line()
    };
    let answer = post(format!("{}{}", a.body, by(&stranger, &note.text))).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
    assert_eq!(answer.json()["error"], "cosignature_invalid");
    let answer = post("not a note".into()).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    let other = Checkpoint {
        size: checkpoint.size + 1,
        ..checkpoint.clone()
    };
    let fake = format!(
        "{}\n{}",
        other.text(),
        a.body.lines().last().unwrap().to_owned() + "\n"
    );
    let answer = post(fake + &by(&w, &other.text())).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.body);
    // The witness's own run: kept, served, and a stranger's line ignored.
    w.run(&host.address).await.unwrap();
    let served = host.get("/checkpoint").await.body;
    let served = Note::parse(&served).unwrap();
    let wv = Verifier::parse(&w.vkey).unwrap();
    assert_eq!(served.verified_by(&wv).unwrap().len(), 1);
    assert_eq!(served.signatures.len(), 2, "the log's and the witness's");
    // Running again the same week keeps one line per witness.
    w.run(&host.address).await.unwrap();
    let again = Note::parse(&host.get("/checkpoint").await.body).unwrap();
    assert_eq!(again.signatures.len(), 2);
}

/// A TLS or plain front for `target`: forwards every request, but can
/// rewrite a round's challenge to carry another key (a host serving one
/// client a key of its own).
async fn front(target: String, swap_key: Option<String>, tls: bool) -> String {
    use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        let (target, swap_key) = (target.clone(), swap_key.clone());
        App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
            let (target, swap_key) = (target.clone(), swap_key.clone());
            async move {
                let client = awc::Client::default();
                let url = format!("{target}{}", req.uri());
                let mut forwarded = client.request(req.method().clone(), url);
                for name in ["content-type", "authorization"] {
                    if let Some(v) = req.headers().get(name) {
                        forwarded = forwarded.insert_header((name, v.clone()));
                    }
                }
                let mut res = forwarded.send_body(body).await.unwrap();
                let mut out = HttpResponse::build(res.status());
                for (name, value) in res.headers() {
                    if name == "www-authenticate" {
                        if let Some(key) = &swap_key {
                            let www = value.to_str().unwrap();
                            let old = challenge_key(www);
                            out.insert_header((name.clone(), www.replace(&old, key)));
                            continue;
                        }
                    }
                    if name != "content-length" && name != "transfer-encoding" {
                        out.insert_header((name.clone(), value.clone()));
                    }
                }
                out.body(res.body().limit(1 << 26).await.unwrap())
            }
        }))
    })
    .workers(1);
    let server = if tls {
        server.listen_rustls_0_23(listener, tls_config()).unwrap()
    } else {
        server.listen(listener).unwrap()
    };
    actix_web::rt::spawn(server.run());
    if tls {
        format!("https://localhost:{port}")
    } else {
        format!("http://127.0.0.1:{port}")
    }
}

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/tls")
}

fn tls_config() -> rustls::ServerConfig {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_file_iter(vectors().join("localhost.pem"))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let key = PrivateKeyDer::from_pem_file(vectors().join("localhost.key")).unwrap();
    #[allow(deprecated)]
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap()
}

/// Issue 17, item 3: a host serves one client a key of its own (to know
/// its token when it is spent). `verify` fetches each round's challenge as
/// a client would and fails; `parrhesia token fetch` refuses to use it.
#[actix_web::test]
async fn verify_and_the_client_refuse_an_unlogged_key_served_to_one_client() {
    let host = spawn_app_with(|_| {}).await;
    host.setup_round("care", "spring", 2).await;
    let invitations = host.invitations("spring", 2, None).await;
    // Honest: both pass.
    let (report, _) = audit_now(&host, &Policy::default(), None).await;
    assert!(report.ok(), "{}", report.render());
    let unlogged = parrhesia::tokens::NewKey::generate("spring", thursday()).unwrap();
    let unlogged = parrhesia::tokens::b64(&unlogged.record().token_key);
    let liar = front(host.address.clone(), Some(unlogged.clone()), false).await;
    // The lie is in the challenge (and only there).
    let www = www_authenticate(
        &crate::helpers::collect(
            awc::Client::default()
                .post(format!("{liar}/api/v1/rounds/spring/critiques"))
                .send_json(&json!({})),
        )
        .await,
    );
    assert_eq!(challenge_key(&www), unlogged);
    let today = parrhesia::clock::Clock::today(&host.clock);
    let (report, _) = audit_on(&liar, &Policy::default(), None, today).await;
    assert!(!report.ok(), "an unlogged key passed:\n{}", report.render());
    assert!(
        report
            .render()
            .contains("FAIL  round spring: its challenge's key"),
        "{}",
        report.render()
    );
    let dir = tempfile::tempdir().unwrap();
    let trust = parrhesia::cli::auditor::TrustArgs::default();
    let refused = parrhesia::cli::remote::fetch_token(
        &liar,
        "spring",
        &invitations[0],
        &dir.path().join("token.json"),
        &trust,
    )
    .await
    .unwrap_err();
    assert!(
        format!("{refused:#}").contains("does not check out"),
        "{refused:#}"
    );
    assert!(!dir.path().join("token.json").exists());
    // The invitation was not spent on a token the host could recognise.
    parrhesia::cli::remote::fetch_token(
        &host.address,
        "spring",
        &invitations[0],
        &dir.path().join("token.json"),
        &trust,
    )
    .await
    .unwrap();
}

/// Issue 17, item 8: `parrhesia verify --server https://…`, as the binary
/// runs, through a TLS front whose certificate a private CA signed.
#[actix_web::test]
async fn verify_runs_over_https() {
    let host = spawn_app_with(|_| {}).await;
    // The binary checks freshness by the machine's clock.
    let today = time::OffsetDateTime::now_utc().date();
    host.clock.set(today);
    host.setup_round("care", "spring", 2).await;
    host.invitations("spring", 1, None).await;
    let https = front(host.address.clone(), None, true).await;
    let state = tempfile::tempdir().unwrap();
    // The binary runs while this test's runtime serves it.
    let verify = |extra: &[&str]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_parrhesia"));
        cmd.args(["verify", "--server", &https]).args(extra);
        actix_web::rt::task::spawn_blocking(move || cmd.output().unwrap())
    };
    let ca = vectors().join("ca.pem");
    let state_file = state.path().join("verifier.json");
    let out = verify(&[
        "--ca",
        ca.to_str().unwrap(),
        "--state",
        state_file.to_str().unwrap(),
    ])
    .await
    .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("the log verifies"), "{text}");
    assert!(state_file.exists(), "the state is kept");
    // Without the private CA the certificate is refused, plainly.
    let out = verify(&[]).await.unwrap();
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success());
    assert!(!text.contains("SSL is not supported"), "{text}");
    assert!(text.to_lowercase().contains("certificate"), "{text}");
}
