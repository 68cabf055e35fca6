//! Privacy Pass (issue 3): invitations, issuance (RFC 9578), redemption
//! (RFC 9577), races and unlinkability. Guarantees 2, 3 and 6 for online
//! tokens.

use crate::helpers::{collect, spawn_app, Answer, Api, TestApp, ADMIN_TOKEN};
use awc::http::StatusCode;
use futures_util::future::join_all;
use parrhesia::tokens::client;
use serde_json::{json, Value};

impl Api {
    pub async fn invitations(&self, round: &str, count: usize, tokens: Option<u32>) -> Vec<String> {
        let mut body = json!({ "count": count });
        if let Some(t) = tokens {
            body["tokens_per_invitation"] = json!(t);
        }
        let a = self
            .admin_post(&format!("/api/v1/admin/rounds/{round}/invitations"), body)
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        a.json()["invitations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["invitation"].as_str().unwrap().to_owned())
            .collect()
    }

    /// POST with no credentials: the 401 and its challenge.
    pub async fn ask_challenge(&self, round: &str) -> Answer {
        self.submit_json(round, json!({})).await
    }

    pub async fn token_request(&self, invitation: &str, body: Vec<u8>) -> Answer {
        collect(
            self.client
                .post(self.url("/api/v1/token-request"))
                .insert_header(("Authorization", format!("Bearer {invitation}")))
                .content_type("application/private-token-request")
                .send_body(body),
        )
        .await
    }

    /// Fetch one token for `round` with `invitation`: (request, response,
    /// Authorization header value).
    pub async fn fetch_token(&self, round: &str, invitation: &str) -> (Vec<u8>, Vec<u8>, String) {
        let www = www_authenticate(&self.ask_challenge(round).await);
        let challenge = client::parse_challenge(&www).unwrap();
        let (request, pending) = client::request(&challenge).unwrap();
        let mut res = self
            .client
            .post(self.url("/api/v1/token-request"))
            .insert_header(("Authorization", format!("Bearer {invitation}")))
            .content_type("application/private-token-request")
            .send_body(request.clone())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers().get("content-type").unwrap(),
            "application/private-token-response"
        );
        let response = res.body().await.unwrap().to_vec();
        let token = client::finalize(&pending, &response).unwrap();
        (request, response, token)
    }

    pub async fn submit_with_token(&self, round: &str, token: &str, body: Value) -> Answer {
        collect(
            self.client
                .post(self.url(&format!("/api/v1/rounds/{round}/critiques")))
                .insert_header(("Authorization", token.to_owned()))
                .send_json(&body),
        )
        .await
    }
}

pub fn www_authenticate(a: &Answer) -> String {
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
    a.headers
        .get("www-authenticate")
        .expect("a challenge")
        .to_str()
        .unwrap()
        .to_owned()
}

/// The token bytes in an `Authorization: PrivateToken token=…` value,
/// quoted or bare.
pub fn token_bytes(authorization: &str) -> Vec<u8> {
    let credentials = parrhesia::tokens::auth_param::parse_credentials(authorization).unwrap();
    parrhesia::tokens::b64_decode(credentials.param("token").unwrap()).unwrap()
}

pub fn critique() -> Value {
    json!({"themes": ["leadership"], "text": "Decisions are made before we are asked."})
}

pub async fn app_with_round() -> TestApp {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    app
}

/// The round's key in a challenge: its SPKI, base64url as sent.
pub fn challenge_key(www: &str) -> String {
    let parsed = parrhesia::tokens::auth_param::parse_challenges(www).unwrap();
    parsed[0].param("token-key").unwrap().to_owned()
}

/// Issue 17: each round has its own type-2 key, logged (with its round)
/// before the first challenge names it, and the directory lists them all.
#[actix_web::test]
async fn each_round_has_its_own_logged_key_and_the_directory_lists_them() {
    let app = app_with_round().await;
    app.admin_post(
        "/api/v1/admin/rounds",
        json!({"slug": "autumn", "organisation": "care", "title": "Autumn"}),
    )
    .await;
    assert!(
        app.store.token_key_records().unwrap().is_empty(),
        "made when first needed"
    );
    let spring = challenge_key(&www_authenticate(&app.ask_challenge("spring").await));
    let autumn = challenge_key(&www_authenticate(&app.ask_challenge("autumn").await));
    assert_ne!(spring, autumn, "one key per round");
    // The same key for every visitor of a round.
    assert_eq!(
        spring,
        challenge_key(&www_authenticate(&app.ask_challenge("spring").await))
    );
    let a = app.get("/.well-known/private-token-issuer-directory").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.headers.get("content-type").unwrap(),
        "application/private-token-issuer-directory"
    );
    let dir = a.json();
    assert_eq!(
        dir["issuer-request-uri"],
        app.url("/api/v1/token-request").as_str()
    );
    let keys = dir["token-keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2, "{dir}");
    for k in keys {
        assert_eq!(k["token-type"], 2);
        assert!(k["not-before"].as_i64().unwrap() > 0);
    }
    let listed: Vec<&str> = keys
        .iter()
        .map(|k| k["token-key"].as_str().unwrap())
        .collect();
    assert!(listed.contains(&spring.as_str()) && listed.contains(&autumn.as_str()));
    // Each is in the store's records and in the log, with its round, named
    // by token_key_id = SHA-256(SPKI).
    let records = app.store.token_key_records().unwrap();
    assert_eq!(records.len(), 2);
    let leaves = app.store.leaves(0, app.store.log_size().unwrap()).unwrap();
    for (round, key) in [("spring", &spring), ("autumn", &autumn)] {
        let spki = parrhesia::tokens::b64_decode(key).unwrap();
        let id: [u8; 32] = ring::digest::digest(&ring::digest::SHA256, &spki)
            .as_ref()
            .try_into()
            .unwrap();
        let record = records.iter().find(|r| r.round == round).unwrap();
        assert_eq!(record.key_id, id);
        assert_eq!(record.token_key, spki);
        let id_hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
        assert!(
            leaves
                .iter()
                .any(|l| l.contains("\"kind\":\"round_token_key\"")
                    && l.contains(&format!("\"round\":\"{round}\""))
                    && l.contains(&id_hex)),
            "{round}'s key is in the log"
        );
    }
}

/// Issue 17, item 1: an invitation for one round cannot mint a token that
/// another round accepts, by any of the ways a client could try.
#[actix_web::test]
async fn a_token_cannot_be_made_with_one_rounds_invitation_for_another_round() {
    let app = app_with_round().await;
    app.admin_post(
        "/api/v1/admin/rounds",
        json!({"slug": "autumn", "organisation": "care", "title": "Autumn"}),
    )
    .await;
    let invitation = app.invitations("autumn", 1, Some(5)).await.remove(0);
    // (a) spring's challenge (spring's key), with autumn's invitation: the
    // issuer signs only with autumn's key, so it refuses the request.
    let spring_www = www_authenticate(&app.ask_challenge("spring").await);
    let spring_challenge = client::parse_challenge(&spring_www).unwrap();
    let (request, _) = client::request(&spring_challenge).unwrap();
    let a = app.token_request(&invitation, request).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(a.json()["error"], "token_request_invalid");
    // (b) spring's challenge with autumn's key: signed, but spring does not
    // accept autumn's key.
    let autumn_www = www_authenticate(&app.ask_challenge("autumn").await);
    let mixed = format!(
        "PrivateToken challenge=\"{}\", token-key=\"{}\"",
        parrhesia::tokens::auth_param::parse_challenges(&spring_www).unwrap()[0]
            .param("challenge")
            .unwrap(),
        challenge_key(&autumn_www)
    );
    let challenge = client::parse_challenge(&mixed).unwrap();
    let (request, pending) = client::request(&challenge).unwrap();
    let mut res = app
        .client
        .post(app.url("/api/v1/token-request"))
        .insert_header(("Authorization", format!("Bearer {invitation}")))
        .content_type("application/private-token-request")
        .send_body(request)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let token = client::finalize(&pending, &res.body().await.unwrap()).unwrap();
    let refused = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.body);
    assert_eq!(refused.json()["error"], "token_invalid");
    // (c) and of course autumn's own token is refused in spring.
    let (_, _, own) = app.fetch_token("autumn", &invitation).await;
    let refused = app.submit_with_token("spring", &own, critique()).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.body);
    // Spring received nothing; autumn's token still works in autumn.
    assert_eq!(app.store.critique_count().unwrap(), 0);
    let a = app.submit_with_token("autumn", &own, critique()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
}

#[actix_web::test]
async fn a_critique_without_code_or_token_gets_a_privacy_pass_challenge() {
    let app = app_with_round().await;
    let a = app.ask_challenge("spring").await;
    let www = www_authenticate(&a);
    assert_eq!(a.json()["error"], "token_required");
    assert!(www.starts_with("PrivateToken challenge=\""), "{www}");
    // Parses with the crate's client: type 2, an RSA-2048 key.
    client::parse_challenge(&www).unwrap();
    // Every client of a round gets the same challenge: nothing per visit.
    assert_eq!(www, www_authenticate(&app.ask_challenge("spring").await));
    assert_eq!(app.stored(), (0, 0));
}

#[actix_web::test]
async fn an_invited_token_stores_one_critique_and_a_replay_is_refused() {
    // Arrange
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
    let (_, _, token) = app.fetch_token("spring", &invitation).await;
    // Act
    let first = app.submit_with_token("spring", &token, critique()).await;
    let replay = app.submit_with_token("spring", &token, critique()).await;
    // Assert
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert!(first.json()["receipt"].is_string());
    assert_eq!(replay.status, StatusCode::CONFLICT, "{}", replay.body);
    assert_eq!(replay.json()["error"], "token_spent");
    assert_eq!(app.store.critique_count().unwrap(), 1);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
}

#[actix_web::test]
async fn wrong_or_used_up_invitations_get_no_token() {
    let app = app_with_round().await;
    let www = www_authenticate(&app.ask_challenge("spring").await);
    let challenge = client::parse_challenge(&www).unwrap();
    let (request, _) = client::request(&challenge).unwrap();
    // Unknown (well-formed) invitation: 401.
    let a = app
        .token_request("AAAAAAAAAAAAAAAAAAAAAA", request.clone())
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
    assert_eq!(a.json()["error"], "invitation_unknown");
    // No invitation at all: 401.
    let a = collect(
        app.client
            .post(app.url("/api/v1/token-request"))
            .content_type("application/private-token-request")
            .send_body(request.clone()),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    // A two-token invitation gives two tokens, then 403.
    let invitation = app.invitations("spring", 1, Some(2)).await.remove(0);
    app.fetch_token("spring", &invitation).await;
    app.fetch_token("spring", &invitation).await;
    let a = app.token_request(&invitation, request).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert_eq!(a.json()["error"], "invitation_used");
    assert!(
        a.body.len() < 1000 && !a.body.contains("token="),
        "no token"
    );
}

#[actix_web::test]
async fn a_token_for_another_round_or_tampered_is_refused_with_a_fresh_challenge() {
    let app = app_with_round().await;
    app.admin_post(
        "/api/v1/admin/rounds",
        json!({"slug": "autumn", "organisation": "care", "title": "Autumn"}),
    )
    .await;
    let invitation = app.invitations("autumn", 1, Some(3)).await.remove(0);
    // A genuine token for autumn's challenge, spent in spring.
    let (_, _, autumn_token) = app.fetch_token("autumn", &invitation).await;
    let a = app
        .submit_with_token("spring", &autumn_token, critique())
        .await;
    let www = www_authenticate(&a);
    assert_eq!(a.json()["error"], "token_invalid");
    assert_eq!(www, www_authenticate(&app.ask_challenge("spring").await));
    // Tampered signature, unknown key id, wrong token type.
    let spring_invitation = app.invitations("spring", 1, None).await.remove(0);
    let (_, _, token) = app.fetch_token("spring", &spring_invitation).await;
    let raw = token_bytes(&token);
    let tamper = |at: usize| {
        let mut t = raw.clone();
        t[at] ^= 1;
        format!("PrivateToken token={}", parrhesia::tokens::b64(&t))
    };
    for (what, header) in [
        ("signature", tamper(raw.len() - 1)),
        ("key id", tamper(2 + 32 + 32)),
        ("nonce", tamper(2)),
        ("challenge digest", tamper(2 + 32)),
        ("token type", tamper(1)),
    ] {
        let a = app.submit_with_token("spring", &header, critique()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{what}: {}", a.body);
        www_authenticate(&a);
    }
    // The untampered token still works: refusals spent nothing.
    let a = app.submit_with_token("spring", &token, critique()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(app.store.critique_count().unwrap(), 1);
}

#[actix_web::test]
async fn sixty_four_concurrent_redemptions_of_one_token_store_exactly_one_critique() {
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
    let (_, _, token) = app.fetch_token("spring", &invitation).await;
    let answers = join_all((0..64).map(|i| {
        app.submit_with_token(
            "spring",
            &token,
            json!({"themes": ["leadership"], "text": format!("attempt {i}")}),
        )
    }))
    .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        63,
        "{statuses:?}"
    );
    assert_eq!(app.store.critique_count().unwrap(), 1);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
}

#[actix_web::test]
async fn sixty_four_concurrent_issuances_on_a_one_token_invitation_give_exactly_one_token() {
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
    let www = www_authenticate(&app.ask_challenge("spring").await);
    let challenge = client::parse_challenge(&www).unwrap();
    let requests: Vec<_> = (0..64)
        .map(|_| client::request(&challenge).unwrap())
        .collect();
    let answers = join_all(
        requests
            .iter()
            .map(|(body, _)| app.token_request(&invitation, body.clone())),
    )
    .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 403).count(),
        63,
        "{statuses:?}"
    );
}

#[actix_web::test]
async fn bad_token_requests_and_headers_get_clear_4xx_never_5xx() {
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
    let www = www_authenticate(&app.ask_challenge("spring").await);
    let (good, _) = client::request(&client::parse_challenge(&www).unwrap()).unwrap();
    let mut wrong_type = good.clone();
    wrong_type[1] = 1;
    let mut wrong_key = good.clone();
    wrong_key[2] ^= 0xff;
    // A blinded message not below the RSA modulus (RFC 9474 §4.3).
    let mut too_big = good.clone();
    too_big[3..].fill(0xff);
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        // RFC 9578 §6.2: the issuer answers these with 422.
        ("empty", vec![], 422, "token_request_invalid"),
        (
            "truncated",
            good[..100].to_vec(),
            422,
            "token_request_invalid",
        ),
        (
            "one byte long",
            [good.clone(), vec![0]].concat(),
            422,
            "token_request_invalid",
        ),
        ("oversized", vec![0; 100_000], 413, "payload_too_large"),
        ("wrong token type", wrong_type, 422, "token_request_invalid"),
        ("unknown key", wrong_key, 422, "token_request_invalid"),
        (
            "blinded message too big",
            too_big,
            422,
            "token_request_invalid",
        ),
    ];
    for (what, body, status, code) in cases {
        let a = app.token_request(&invitation, body).await;
        assert_eq!(a.status.as_u16(), status, "{what}: {}", a.body);
        assert_eq!(a.json()["error"], code, "{what}");
        assert!(!a.json()["message"].as_str().unwrap().is_empty());
    }
    // Wrong media type.
    let a = collect(
        app.client
            .post(app.url("/api/v1/token-request"))
            .insert_header(("Authorization", format!("Bearer {invitation}")))
            .content_type("application/octet-stream")
            .send_body(good.clone()),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Malformed invitation headers.
    for header in ["Bearer", "Bearer !!", "Basic abc", "Bearer too many words"] {
        let a = collect(
            app.client
                .post(app.url("/api/v1/token-request"))
                .insert_header(("Authorization", header))
                .content_type("application/private-token-request")
                .send_body(good.clone()),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{header}: {}", a.body);
    }
    // Nothing above used the invitation up.
    app.fetch_token("spring", &invitation).await;
    // Malformed PrivateToken headers on the critique endpoint.
    for header in [
        "PrivateToken",
        "PrivateToken token=",
        "PrivateToken token=!!!",
        "PrivateToken token=AAAA",
        "PrivateToken token=AAAA, token=BBBB",
        "Bearer abc",
        "PrivateToken challenge=AAAA",
        "PrivateToken token=\"unclosed",
        "PrivateToken token=\"AAAA\" trailing",
    ] {
        let a = app.submit_with_token("spring", header, critique()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{header}: {}", a.body);
        assert_eq!(a.json()["error"], "token_invalid");
        www_authenticate(&a);
    }
    // A code and a token at once.
    let a = app
        .submit_with_token(
            "spring",
            "PrivateToken token=AAAA",
            json!({"code": "7KQ2-M9XD-4RT5", "themes": ["leadership"], "text": "x"}),
        )
        .await;
    assert!(a.status.is_client_error(), "{}", a.body);
    assert_eq!(app.store.critique_count().unwrap(), 0);
}

/// Issue 17, item 6: RFC 9577 §2.2 writes `token="…"` (privacypass-ts
/// sends it with `toString(true)`), RFC 9110 §11 lets a value be quoted or
/// bare and names be in any case, and unknown parameters MUST be ignored.
#[actix_web::test]
async fn quoted_and_bare_tokens_redeem_and_unknown_parameters_are_ignored() {
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, Some(6)).await.remove(0);
    let b64 = |t: &str| parrhesia::tokens::b64(&token_bytes(t));
    let forms: [fn(&str) -> String; 6] = [
        |t| format!("PrivateToken token=\"{t}\""),
        |t| format!("PrivateToken token={t}"),
        |t| format!("privatetoken TOKEN = \"{t}\""),
        |t| format!("PrivateToken max-age=\"60\", token=\"{t}\", realm=x"),
        |t| format!("PrivateToken token=\"{t}\", extension=\"a, b\""),
        |t| format!("PrivateToken ,token=\"{t}\","),
    ];
    for form in forms {
        let (_, _, token) = app.fetch_token("spring", &invitation).await;
        let header = form(&b64(&token));
        let a = app.submit_with_token("spring", &header, critique()).await;
        assert_eq!(a.status, StatusCode::CREATED, "{header}: {}", a.body);
        // The same token in another form is the same token: spent.
        let again = app
            .submit_with_token(
                "spring",
                &format!("PrivateToken token={}", b64(&token)),
                critique(),
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{header}");
    }
    assert_eq!(app.store.critique_count().unwrap(), 6);
}

/// Issue 17, item 6: padded base64url holds "=", which a bare auth-param
/// value may not (RFC 9110 §11.2), so the challenge quotes both values.
#[actix_web::test]
async fn the_challenge_quotes_its_base64_values() {
    let app = app_with_round().await;
    let www = www_authenticate(&app.ask_challenge("spring").await);
    let parsed = parrhesia::tokens::auth_param::parse_challenges(&www).unwrap();
    assert_eq!(parsed.len(), 1, "{www}");
    let challenge = parsed[0].param("challenge").unwrap();
    let key = parsed[0].param("token-key").unwrap();
    assert_eq!(
        www,
        format!("PrivateToken challenge=\"{challenge}\", token-key=\"{key}\"")
    );
    for value in [challenge, key] {
        assert!(parrhesia::tokens::b64_decode(value).is_some(), "{value}");
        assert_eq!(value.len() % 4, 0, "padded: {value}");
    }
}

#[actix_web::test]
async fn invitations_are_for_the_host_and_counted_sensibly() {
    let app = app_with_round().await;
    let path = "/api/v1/admin/rounds/spring/invitations";
    let a = collect(
        app.client
            .post(app.url(path))
            .send_json(&json!({"count": 1})),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    for body in [
        json!({"count": 0}),
        json!({"count": 10_001}),
        json!({"count": 1, "tokens_per_invitation": 0}),
    ] {
        let a = app.admin_post(path, body.clone()).await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            a.body
        );
        assert_eq!(a.json()["error"], "count_invalid");
    }
    let a = app
        .admin_post(
            "/api/v1/admin/rounds/nowhere/invitations",
            json!({"count": 1}),
        )
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = app.admin_post(path, json!({"count": 3})).await;
    assert_eq!(a.status, StatusCode::CREATED);
    let body = a.json();
    // The round's key id, for the letters (issue 17): the logged key's.
    let key = app.store.token_key_records().unwrap().remove(0);
    assert_eq!(
        body["token_key_id"],
        parrhesia::encoding::hex(&key.key_id).as_str()
    );
    let list = body["invitations"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    for i in list {
        let inv = i["invitation"].as_str().unwrap();
        assert_eq!(inv.len(), 22);
        assert_eq!(i["link"], app.url(&format!("/i/spring#{inv}")).as_str());
    }
    let _ = ADMIN_TOKEN;
}
