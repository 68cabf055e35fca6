//! Unlinkability and storage of online tokens (issue 3, guarantees 1 and 2):
//! nothing stored or printed ties an issuance to a redemption, and spent
//! sets go with their keys.

use crate::privacy_pass::{app_with_round, critique};
use awc::http::StatusCode;

/// Every file under `dir`, as bytes.
fn raw_files(dir: &std::path::Path) -> Vec<Vec<u8>> {
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

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
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
        let raw = parrhesia::tokens::b64_decode(token.strip_prefix("PrivateToken token=").unwrap())
            .unwrap();
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

#[actix_web::test]
async fn spent_nonces_are_kept_per_key_and_dropped_with_an_expired_key() {
    // Epochs close as soon as two critiques are in one, so the nonce
    // reaches its key's tree.
    let app = crate::helpers::spawn_app_with(|c| {
        c.store.epochs.min_secs = 0;
        c.store.epochs.min_critiques = Some(2);
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
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
    let current = parrhesia::tokens::b64_decode(&app.token_keys[0].token_key).unwrap();
    let id: [u8; 32] = ring::digest::digest(&ring::digest::SHA256, &current)
        .as_ref()
        .try_into()
        .unwrap();
    // Start-up keeps the spent set of every key still in use ...
    assert_eq!(app.store.prune_spent_nonces(&[id]).unwrap(), 0);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
    // ... and drops the set of a key that has expired.
    assert_eq!(app.store.prune_spent_nonces(&[]).unwrap(), 1);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 0);
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
    let raw =
        parrhesia::tokens::b64_decode(token.strip_prefix("PrivateToken token=").unwrap()).unwrap();
    let secrets = [
        invitations[0].clone(),
        invitations[1].clone(),
        invitations[1][..21].to_owned(),
        token.strip_prefix("PrivateToken token=").unwrap()[..40].to_owned(),
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
