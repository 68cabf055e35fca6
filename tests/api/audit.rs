//! Guarantees 5 and 7: encryption at rest, sealed periods, the signed
//! append-only log, receipts, retention, and the auditor's checks —
//! including that `verify` catches every kind of tampering.

use crate::helpers::{spawn_app, thursday, TestApp};
use crate::process::files_under;
use awc::http::StatusCode;
use parrhesia::audit::fetch::fetch;
use parrhesia::audit::log::{LogSigner, TreeHead};
use parrhesia::audit::verifier::{Policy, State};
use parrhesia::audit::verify::{verify, PublishedTokenKey, Report};
use parrhesia::domain::Slug;
use parrhesia::encoding::hex;
use parrhesia::secrets::keys::KeyDir;
use parrhesia::secrets::vault::Vault;
use serde_json::json;
use time::Duration;

async fn submit(app: &TestApp, codes: &[String], text: &str) -> Vec<String> {
    let mut receipts = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let theme = ["leadership", "information", "digital-access"][i % 3];
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": text}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        receipts.push(a.json()["receipt"].as_str().unwrap().to_owned());
    }
    receipts
}

/// `parrhesia verify` against `app` as of the app's own day.
pub async fn audit_now(
    app: &TestApp,
    policy: &Policy,
    state: Option<&State>,
) -> (Report, Option<State>) {
    let today = parrhesia::clock::Clock::today(&app.clock);
    audit_on(&app.address, policy, state, today).await
}

/// `parrhesia verify` against the server at `url` on `today`.
pub async fn audit_on(
    url: &str,
    policy: &Policy,
    state: Option<&State>,
    today: time::Date,
) -> (Report, Option<State>) {
    let client = parrhesia::audit::fetch::client(std::time::Duration::from_secs(30), None).unwrap();
    parrhesia::audit::fetch::audit(&client, url, policy, state, today)
        .await
        .unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[actix_web::test]
async fn critique_text_is_encrypted_at_rest() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 3).await;
    let phrase = "Zephyrine marmalade on Tuesdays";
    submit(&app, &codes, phrase).await;
    let utf16: Vec<u8> = phrase.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for file in files_under(&app.dirs.path().join("data")) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !contains(&bytes, phrase.as_bytes()),
            "plain in {}",
            file.display()
        );
        assert!(!contains(&bytes, &utf16), "UTF-16 in {}", file.display());
    }
    // The host can still read them, with the keys.
    let week = "2026-11-23";
    let texts = app
        .store
        .critique_texts(&Slug::parse("spring", "r").unwrap(), week)
        .unwrap();
    assert_eq!(texts, vec![phrase; 3]);
}

#[actix_web::test]
async fn receipts_are_listed_after_sealing_not_before_and_not_in_arrival_order() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 24).await;
    let receipts = submit(&app, &codes, "words").await;
    let list = "/audit/receipts/spring/2026-11-23";
    assert_eq!(
        app.get(list).await.status,
        StatusCode::NOT_FOUND,
        "not before sealing"
    );
    assert_eq!(
        app.get(&format!("{list}/receipts.txt")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/api/v1/audit").await.json()["periods"], json!([]));

    app.clock.set(thursday() + Duration::days(4));
    let page = app.get(list).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = app.get(&format!("{list}/receipts.txt")).await.body;
    let listed: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(listed.len(), 24);
    for r in &receipts {
        assert!(page.body.contains(r.as_str()), "receipt {r} on the page");
        assert!(listed.contains(&r.as_str()), "receipt {r} in the file");
    }
    assert_ne!(
        listed,
        receipts.iter().map(String::as_str).collect::<Vec<_>>(),
        "not arrival order"
    );
    // In the log too, the commitments are not in arrival order.
    let published = fetch(&app.address).await.unwrap();
    let first = published.periods[0].first_leaf as usize;
    let logged: Vec<String> = published.leaves[first..first + 24]
        .iter()
        .map(|l| {
            let c = serde_json::from_str::<serde_json::Value>(l).unwrap()["commitment"]
                .as_str()
                .unwrap()
                .to_owned();
            parrhesia::domain::Receipt::from_commitment(
                parrhesia::encoding::hash_from_hex(&c).unwrap(),
            )
            .display()
        })
        .collect();
    assert_ne!(logged, receipts, "log order is not arrival order");
    let mut a = logged.clone();
    a.sort();
    let mut b = receipts.clone();
    b.sort();
    assert_eq!(a, b, "every receipt is a leaf");
}

/// Two sealed periods with critiques (the first, with 8, too small to
/// release on its own: it rolls into the second), then the published log.
async fn two_sealed_periods(app: &TestApp) {
    app.setup_round("care", "spring", 5).await;
    // Invitations: the round's token key is logged first.
    app.invitations("spring", 1, None).await;
    let codes = app.codes("spring", 14).await;
    submit(app, &codes[..8], "first week").await;
    app.clock.set(thursday() + Duration::days(7));
    submit(app, &codes[8..], "second week").await;
    app.clock.set(thursday() + Duration::days(14));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 1, "{d}");
    assert_eq!(releases[0]["periods"], json!(["2026-11-23", "2026-11-30"]));
}

#[actix_web::test]
async fn verify_passes_on_an_honest_log() {
    let app = spawn_app().await;
    two_sealed_periods(&app).await;
    let published = fetch(&app.address).await.unwrap();
    // The week's marker at start-up, the round's token key, then one head
    // per sealed period (the second week's also logs its week first).
    assert_eq!(published.heads.len(), 4);
    assert_eq!(published.heads[1].round, "");
    assert!(published.leaves[0].contains("\"kind\":\"period\""));
    assert!(published.leaves[1].contains("\"kind\":\"round_token_key\""));
    assert_eq!(
        published.token_keys.len(),
        1,
        "the round's key is published"
    );
    assert_eq!(published.token_keys[0].round.as_deref(), Some("spring"));
    assert_eq!(published.token_keys[0].leaf_index, Some(1));
    let report = verify(&published);
    assert!(report.ok(), "{}", report.render());
    // Every head has its signed checkpoint; the auditor's own checks pass.
    assert_eq!(published.checkpoints.len(), published.heads.len());
    let (report, state) = audit_now(&app, &Policy::default(), None).await;
    assert!(report.ok(), "{}", report.render());
    assert_eq!(state.unwrap().size, published.leaves.len() as u64);
    // An inclusion proof from the server checks out for a leaf.
    let head = &published.heads[2];
    let proof = app
        .get(&format!(
            "/api/v1/audit/proof/inclusion?index=3&size={}",
            head.tree_size
        ))
        .await
        .json();
    let path: Vec<[u8; 32]> = proof["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| parrhesia::encoding::hash_from_hex(h.as_str().unwrap()).unwrap())
        .collect();
    let leaf = parrhesia::audit::merkle::leaf_hash(published.leaves[3].as_bytes());
    assert!(parrhesia::audit::merkle::verify_inclusion(
        &leaf,
        3,
        head.tree_size,
        &path,
        &head.root().unwrap()
    ));
    let bad = app
        .get("/api/v1/audit/proof/inclusion?index=99&size=2")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["error"], "invalid_query");
    let bad = app.get("/api/v1/audit/leaves?start=x").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["error"], "invalid_query");
}

#[actix_web::test]
async fn verify_catches_every_kind_of_tampering() {
    let app = spawn_app().await;
    two_sealed_periods(&app).await;
    let honest = fetch(&app.address).await.unwrap();
    let fails = |p: &parrhesia::audit::verify::Published, what: &str| {
        let report = verify(p);
        assert!(!report.ok(), "{what} was not caught:\n{}", report.render());
    };

    let mut removed = honest.clone();
    removed.leaves.remove(2);
    fails(&removed, "a removed leaf");

    let mut modified = honest.clone();
    let critique = modified
        .leaves
        .iter()
        .position(|l| l.contains("\"commitment\""))
        .unwrap();
    modified.leaves[critique] =
        modified.leaves[critique].replace("\"commitment\":\"", "\"commitment\":\"0");
    fails(&modified, "a modified leaf");

    // A fork: a properly signed head whose tree differs from the others.
    let keys = KeyDir::open(&app.dirs.path().join("keys"), &app.dirs.path().join("data")).unwrap();
    let signer = LogSigner::load(&keys).unwrap();
    let mut forked = honest.clone();
    let mut head: TreeHead = forked.heads[1].clone();
    head.root_hash = hex(&[0xab; 32]);
    signer.sign(&mut head);
    forked.heads[1] = head;
    fails(&forked, "a forked tree head");

    let mut unsigned = honest.clone();
    let mut sig = parrhesia::encoding::from_base64(&unsigned.heads[0].signature).unwrap();
    sig[10] ^= 1;
    unsigned.heads[0].signature = parrhesia::encoding::base64(&sig);
    fails(&unsigned, "a bad signature");

    let mut swapped = honest.clone();
    swapped.token_keys.push(PublishedTokenKey {
        token_type: 2,
        key_id: hex(&[1; 32]),
        token_key: "c3dhcHBlZA==".into(),
        round: Some("spring".into()),
        not_before: Some("2026-11-26".into()),
        leaf_index: None,
    });
    fails(&swapped, "a token key that is not in the log");

    let mut inflated = honest.clone();
    let p = &mut inflated.periods[0];
    let mut digest: serde_json::Value = serde_json::from_str(&p.digest_json).unwrap();
    digest["totals"]["critiques"] = json!(digest["totals"]["critiques"].as_u64().unwrap() + 1);
    p.digest_json = digest.to_string();
    p.digest_sha256 =
        hex(ring::digest::digest(&ring::digest::SHA256, p.digest_json.as_bytes()).as_ref());
    fails(&inflated, "a digest whose totals disagree with the log");

    // A release whose band does not hold the logged totals of the periods
    // it covers (8 + 6 critiques).
    let mut narrowed = honest.clone();
    let p = &mut narrowed.periods[1];
    let mut digest: serde_json::Value = serde_json::from_str(&p.digest_json).unwrap();
    assert_eq!(digest["release"]["total"]["low"], 10, "{digest}");
    digest["release"]["total"] = json!({"low": 20, "high": 49});
    p.digest_json = digest.to_string();
    p.digest_sha256 =
        hex(ring::digest::digest(&ring::digest::SHA256, p.digest_json.as_bytes()).as_ref());
    fails(&narrowed, "a release band that disagrees with the log");

    assert!(verify(&honest).ok(), "and the honest copy still verifies");
}

#[actix_web::test]
async fn closing_early_seals_now_and_later_critiques_count_next_period() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 12).await;
    // At least max(k, min_period) = 10 in the open period (issue 16, item 4).
    submit(&app, &codes[..10], "before closing").await;
    let closed = app
        .admin_post("/api/v1/admin/periods/close", json!({}))
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    assert_eq!(closed.json()["sealed"], 1);
    // Still Thursday of week 48, but the week is sealed, logged and
    // published.
    let audit = app.get("/api/v1/audit").await.json();
    assert_eq!(audit["periods"][0]["period"], "2026-11-23");
    let sealed: serde_json::Value =
        serde_json::from_str(audit["periods"][0]["digest_json"].as_str().unwrap()).unwrap();
    assert_eq!(sealed["totals"]["critiques"], 10);
    assert_ne!(sealed["release"], json!(null));
    submit(&app, &codes[10..], "after closing").await;
    // The next period is the rest of week 48, from the day of the close
    // (issue 16, item 4): never a week still to come.
    let rest = app
        .store
        .critique_texts(&Slug::parse("spring", "r").unwrap(), "2026-11-26")
        .unwrap();
    assert_eq!(rest.len(), 2, "later critiques go to the next period");
    let unauth = parrhesia_post_without_token(&app).await;
    assert_eq!(unauth, StatusCode::UNAUTHORIZED);
    assert!(verify(&fetch(&app.address).await.unwrap()).ok());
}

async fn parrhesia_post_without_token(app: &TestApp) -> StatusCode {
    app.client
        .post(app.url("/api/v1/admin/periods/close"))
        .send()
        .await
        .unwrap()
        .status()
}

#[actix_web::test]
async fn retention_shreds_texts_but_keeps_digest_and_log() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"retention_periods": 1}),
        )
        .await;
    assert_eq!(a.json()["retention_periods"], 1);
    let codes = app.codes("spring", 10).await;
    submit(&app, &codes, "to be forgotten").await;
    let round = Slug::parse("spring", "r").unwrap();
    let sealed = app.store.sealed_records(&round, "2026-11-23").unwrap();
    assert_eq!(sealed.len(), 10);
    let keys = KeyDir::open(&app.dirs.path().join("keys"), &app.dirs.path().join("data")).unwrap();
    for (context, s) in &sealed {
        assert!(Vault::load(&keys).unwrap().unseal(s, context).is_ok());
    }

    // Week 48 ends; one period of retention later its texts go.
    app.clock.set(thursday() + Duration::days(4));
    app.get("/o/care").await;
    assert_eq!(
        app.store
            .critique_texts(&round, "2026-11-23")
            .unwrap()
            .len(),
        10,
        "kept during retention"
    );
    app.clock.set(thursday() + Duration::days(11));
    let page = app.get("/o/care").await;
    assert!(page.body.contains("Week 48 of 2026"), "the digest stays");
    assert!(app
        .store
        .critique_texts(&round, "2026-11-23")
        .unwrap()
        .is_empty());
    assert!(!app
        .dirs
        .path()
        .join("keys")
        .join("data.spring.2026-11-23.key")
        .exists());
    // Copies of the ciphertexts (as in old sled segments) no longer open,
    // even with every key in the key directory.
    let vault = Vault::load(&keys).unwrap();
    for (context, s) in &sealed {
        assert!(
            vault.unseal(s, context).is_err(),
            "shredded text still opens"
        );
    }
    let published = fetch(&app.address).await.unwrap();
    let report = verify(&published);
    assert!(report.ok(), "{}", report.render());
    assert!(published.periods[0].shredded);
    let audit = app.get("/audit").await;
    assert!(audit.body.contains("texts destroyed after retention"));
}
