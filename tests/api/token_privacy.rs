//! Unlinkability and storage of online tokens (issue 3, guarantees 1 and 2):
//! nothing stored or printed ties an issuance to a redemption, and spent
//! sets go with their keys.

use crate::privacy_pass::{app_with_round, critique, www_authenticate};
use awc::http::StatusCode;

/// Every file under `dir`, as bytes.
pub(crate) fn raw_files(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(raw_files(&path));
        } else {
            out.push(std::fs::read(&path).unwrap());
        }
    }
    out
}

pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Guarantee 2 for online tokens: after issuing and redeeming, nothing in
/// the data directory equals or derives from what the issuer saw (blinded
/// messages and blind signatures), and nothing stored at issuance (the
/// invitation record) holds a redeemed token's nonce or signature.
#[actix_web::test]
async fn nothing_stored_links_an_issuance_to_a_redemption() {
    // Arrange: three invitations, three tokens, three critiques.
    let app = app_with_round().await;
    let mut seen_at_issuance = Vec::new();
    let mut seen_at_redemption = Vec::new();
    for invitation in app.invitations("spring", 3, None).await {
        let (request, response, token) = app.fetch_token("spring", &invitation).await;
        let a = app.submit_with_token("spring", &token, critique()).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        seen_at_issuance.push(request[3..].to_vec()); // the blinded message
        seen_at_issuance.push(response);
        let raw = crate::privacy_pass::token_bytes(&token);
        seen_at_redemption.push(raw[2..34].to_vec()); // the nonce
        seen_at_redemption.push(raw[raw.len() - 256..].to_vec()); // the signature
    }
    // Act: read every byte the store wrote.
    let files = raw_files(&app.dirs.path().join("data"));
    // Assert
    let forms = |v: &Vec<u8>| {
        let sha = ring::digest::digest(&ring::digest::SHA256, v);
        vec![
            v.clone(),
            v[..16].to_vec(),
            sha.as_ref().to_vec(),
            parrhesia::tokens::b64(v).into_bytes()[..40].to_vec(),
            v.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
                .into_bytes()[..40]
                .to_vec(),
        ]
    };
    for value in &seen_at_issuance {
        for form in forms(value) {
            assert!(
                !files.iter().any(|f| contains(f, &form)),
                "an issuance value reached the data directory"
            );
        }
    }
    // The signatures are never stored; the nonces are (that is the spent
    // set), but never next to anything from issuance: the invitation
    // records hold only a keyed hash and a count.
    for value in seen_at_redemption.iter().skip(1).step_by(2) {
        assert!(!files.iter().any(|f| contains(f, &value[..32])));
    }
    let invitations = app.store.invitation_records().unwrap();
    assert_eq!(invitations.len(), 3);
    for (key, record) in invitations {
        assert_eq!(key.len(), 32);
        assert_eq!(&record[..4], &0u32.to_be_bytes(), "used up");
        assert_eq!(&record[4..], b"spring", "nothing but count and round");
    }
}

/// Issue 17, item 7: a key's spent nonces may go once it has expired,
/// but its tombstone stays, so that a key file restored from before (or an
/// instance whose clock runs behind) can never make a spent token good.
#[actix_web::test]
async fn spent_nonces_are_kept_per_key_and_dropped_with_an_expired_key() {
    // Epochs close as soon as two critiques are in one, so the nonce
    // reaches its key's tree before the key is retired.
    let app = crate::helpers::spawn_app_with(|c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(2);
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    let invitation = app.invitations("spring", 1, Some(2)).await.remove(0);
    let (_, _, token) = app.fetch_token("spring", &invitation).await;
    let a = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(a.status, StatusCode::CREATED);
    let mut by_code = critique();
    by_code["code"] = serde_json::json!(app.codes("spring", 1).await.remove(0));
    assert_eq!(
        app.submit_json("spring", by_code).await.status,
        StatusCode::CREATED
    );
    app.store
        .rotate_epoch(crate::helpers::thursday())
        .await
        .unwrap();
    let old_key = app.store.token_key_records().unwrap().remove(0);
    let key_file = app.dirs.path().join("keys/privacy-pass-keys.json");
    let saved_key_file = std::fs::read(&key_file).unwrap();
    // While the key verifies, its spent set stays (a challenge runs the
    // day's upkeep).
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(119));
    www_authenticate(&app.ask_challenge("spring").await);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
    assert!(app.store.retired_token_keys().unwrap().is_empty());
    // Expired: tombstoned, its spent set dropped, out of the key file.
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(120));
    www_authenticate(&app.ask_challenge("spring").await);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 0);
    assert!(app
        .store
        .retired_token_keys()
        .unwrap()
        .contains(&old_key.key_id));
    // A clock that ran ahead comes back, and the old key file is restored:
    // the spent token is still refused.
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(1));
    std::fs::write(&key_file, &saved_key_file).unwrap();
    let replay = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "{}", replay.body);
    assert_eq!(replay.json()["error"], "token_invalid");
    www_authenticate(&app.ask_challenge("spring").await);
    let replay = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "{}", replay.body);
    assert_eq!(
        app.store.critique_count().unwrap(),
        2,
        "the token's and the code's"
    );
}

/// Issue 17, item 7, on a shared store: another instance (its clock ahead)
/// has tombstoned a key this instance still holds in memory; the store
/// refuses the token in the transaction that would spend it.
#[actix_web::test]
async fn a_tombstoned_key_is_refused_by_the_store_even_where_it_is_still_loaded() {
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, Some(2)).await.remove(0);
    let (_, _, spent) = app.fetch_token("spring", &invitation).await;
    let (_, _, unspent) = app.fetch_token("spring", &invitation).await;
    let a = app.submit_with_token("spring", &spent, critique()).await;
    assert_eq!(a.status, StatusCode::CREATED);
    let key = app.store.token_key_records().unwrap().remove(0);
    // What another instance's upkeep does, through the shared store.
    app.store.retire_token_keys(vec![key.key_id]).await.unwrap();
    for token in [&spent, &unspent] {
        let a = app.submit_with_token("spring", token, critique()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
        assert_eq!(a.json()["error"], "token_invalid");
        www_authenticate(&a);
    }
    assert_eq!(app.store.critique_count().unwrap(), 1);
}

/// Guarantee 1 for online tokens: the real binary, logging at debug level,
/// prints no invitation, token, blinded message or signature, and the key
/// and data directories hold none of them in the clear.
#[actix_web::test]
async fn no_invitation_or_token_reaches_the_logs_or_disk() {
    // Arrange
    let root = tempfile::tempdir().unwrap();
    let server = crate::process::Server::start(root.path());
    let api = &server.api;
    api.setup_round("care", "spring", 5).await;
    let invitations = api.invitations("spring", 2, None).await;
    // Act: one token spent, one refused request with a wrong invitation,
    // one replay.
    let (request, response, token) = api.fetch_token("spring", &invitations[0]).await;
    assert_eq!(
        api.submit_with_token("spring", &token, critique())
            .await
            .status,
        StatusCode::CREATED
    );
    api.submit_with_token("spring", &token, critique()).await;
    api.token_request(&invitations[1][..21], request.clone())
        .await;
    let output = server.stop();
    // Assert
    let hex = |v: &[u8]| v.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let raw = crate::privacy_pass::token_bytes(&token);
    let secrets = [
        invitations[0].clone(),
        invitations[1].clone(),
        invitations[1][..21].to_owned(),
        parrhesia::tokens::b64(&raw)[..40].to_owned(),
        hex(&request[3..40]),
        parrhesia::tokens::b64(&request[3..])[..40].to_owned(),
        hex(&response[..40]),
        parrhesia::tokens::b64(&response)[..40].to_owned(),
        hex(&raw[2..34]),
    ];
    let mut files = raw_files(&root.path().join("data"));
    files.extend(raw_files(&root.path().join("keys")));
    for secret in &secrets {
        assert!(
            !output.contains(secret.as_str()),
            "printed: {secret}\n{output}"
        );
        assert!(
            !files.iter().any(|f| contains(f, secret.as_bytes())),
            "on disk: {secret}"
        );
    }
}

/// Issue 17: a round's next key is logged ahead of its day (listed in the
/// directory with a future `not-before`), takes over on its day, and the
/// old key's tokens still redeem during the overlap, all without a restart.
#[actix_web::test]
async fn keys_rotate_in_stages_without_a_restart() {
    use parrhesia::tokens::token_keys::{ANNOUNCE_DAYS, ISSUE_DAYS, SLACK_DAYS};
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, Some(3)).await.remove(0);
    let first = app.store.token_key_records().unwrap();
    assert_eq!(first.len(), 1);
    let (_, _, old_token) = app.fetch_token("spring", &invitation).await;
    let day = |n: i64| crate::helpers::thursday() + time::Duration::days(n);
    // Two weeks before the key's last issuing day, the next is announced.
    app.clock.set(day(ISSUE_DAYS - ANNOUNCE_DAYS));
    let www = www_authenticate(&app.ask_challenge("spring").await);
    let records = app.store.token_key_records().unwrap();
    assert_eq!(records.len(), 2, "the successor is logged");
    let next = records
        .iter()
        .find(|r| r.key_id != first[0].key_id)
        .unwrap()
        .clone();
    assert_eq!(next.not_before, day(ISSUE_DAYS));
    assert_eq!(
        crate::privacy_pass::challenge_key(&www),
        parrhesia::tokens::b64(&first[0].token_key),
        "the old key still issues"
    );
    let dir = app
        .get("/.well-known/private-token-issuer-directory")
        .await
        .json();
    let listed = dir["token-keys"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{dir}");
    let future = next.not_before.midnight().assume_utc().unix_timestamp();
    assert!(listed.iter().any(|k| k["not-before"] == future), "{dir}");
    // On its day (give or take the clock slack) the new key issues.
    app.clock.set(day(ISSUE_DAYS - SLACK_DAYS));
    let www = www_authenticate(&app.ask_challenge("spring").await);
    assert_eq!(
        crate::privacy_pass::challenge_key(&www),
        parrhesia::tokens::b64(&next.token_key)
    );
    let (_, _, new_token) = app.fetch_token("spring", &invitation).await;
    // Both tokens redeem: the old key verifies through its overlap.
    for token in [&old_token, &new_token] {
        let a = app.submit_with_token("spring", token, critique()).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    assert_eq!(app.store.token_key_records().unwrap().len(), 2);
}
