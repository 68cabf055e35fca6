//! Abuse: rate limits (per client, per action, global), the trusted-proxy
//! rule, uniform admin refusals, request bounds, slow clients, and the
//! security headers on every refusal.

use crate::helpers::{collect, enc, spawn_app_with, TestApp, ADMIN_TOKEN};
use awc::http::StatusCode;
use futures_util::future::join_all;
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const FLOODER: &str = "203.0.113.9";
const HONEST: &str = "198.51.100.7";

/// A well-formed code (its check symbol is right) that was never issued:
/// what a guesser sends. Malformed codes are caught by the check symbol
/// before any lookup and are not charged.
pub fn unknown_code() -> String {
    parrhesia::tokens::PaperCode::generate(&ring::rand::SystemRandom::new())
        .unwrap()
        .display()
}

/// A server behind a "proxy" on 127.0.0.1 that names clients in
/// X-Forwarded-For, with `per_minute` failed codes per client.
async fn behind_proxy(per_minute: u32) -> TestApp {
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.code_attempts_per_minute = per_minute;
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    app
}

async fn submit_as(app: &TestApp, client: &str, code: &str) -> crate::helpers::Answer {
    collect(
        app.client
            .post(app.url("/api/v1/rounds/spring/critiques"))
            .insert_header(("X-Forwarded-For", client))
            .send_json(&json!({"code": code, "themes": ["leadership"], "text": "still heard"})),
    )
    .await
}

/// The flood test: a flood of guessed codes from one client is refused
/// with 429 while an honest client's submissions still succeed.
#[actix_web::test]
async fn a_flood_of_invalid_codes_gets_429_while_honest_clients_get_through() {
    // Arrange
    let app = behind_proxy(10).await;
    let honest_codes = app.codes("spring", 8).await;
    // Act: 300 well-formed guesses, 40 at a time, with an honest
    // submission between waves.
    let guesses: Vec<String> = (0..300).map(|_| unknown_code()).collect();
    let mut statuses = Vec::new();
    let mut honest = Vec::new();
    for (wave, code) in guesses.chunks(40).zip(&honest_codes) {
        statuses.extend(
            join_all(wave.iter().map(|g| submit_as(&app, FLOODER, g)))
                .await
                .into_iter()
                .map(|a| (a.status, a.headers.get("retry-after").is_some(), a.body)),
        );
        honest.push(submit_as(&app, HONEST, code).await.status);
    }
    // Assert
    let limited = statuses
        .iter()
        .filter(|(s, _, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(
        limited >= 280,
        "only {limited} of 300 guesses were rate limited"
    );
    for (status, retry_after, body) in &statuses {
        match status.as_u16() {
            429 => {
                assert!(retry_after, "429 without Retry-After");
                let v: serde_json::Value = serde_json::from_str(body).unwrap();
                assert_eq!(v["error"], "rate_limited");
                assert!(v["message"].as_str().unwrap().contains("try again"));
            }
            403 => {}
            other => panic!("unexpected status {other} for a guess: {body}"),
        }
    }
    assert!(
        honest.iter().all(|s| *s == StatusCode::CREATED),
        "honest submissions were refused: {honest:?}"
    );
    let (critiques, spent) = app.stored();
    assert_eq!((critiques, spent), (honest.len(), honest.len()));
}

/// Participants flooding the HTML form get a human page, not JSON.
#[actix_web::test]
async fn the_rate_limited_form_gets_a_human_page_with_retry_after() {
    let app = behind_proxy(2).await;
    let send = || {
        collect(
            app.client
                .post(app.url("/r/spring"))
                .insert_header(("X-Forwarded-For", FLOODER))
                .content_type("application/x-www-form-urlencoded")
                .send_body(format!(
                    "code={}&themes=leadership&text=hello",
                    enc(&unknown_code())
                )),
        )
    };
    assert_eq!(send().await.status.as_u16(), 403);
    assert_eq!(send().await.status.as_u16(), 403);
    let limited = send().await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited
        .headers
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(limited
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(limited.body.contains("<h1>Too many attempts</h1>"));
    assert!(limited.body.contains(&format!("Wait {wait} seconds")));
    assert!(limited.body.contains("your code was not used"));
}

/// Without a trusted proxy, X-Forwarded-For is ignored: a flooder cannot
/// escape its own limit by writing a new address into each request.
#[actix_web::test]
async fn forwarding_headers_from_untrusted_peers_do_not_escape_the_limit() {
    let app = spawn_app_with(|c| c.rate_limits.code_attempts_per_minute = 3).await;
    app.setup_round("care", "spring", 5).await;
    let mut statuses = Vec::new();
    for i in 0..6 {
        let fake = format!("192.0.2.{i}");
        statuses.push(
            submit_as(&app, &fake, &unknown_code())
                .await
                .status
                .as_u16(),
        );
    }
    assert_eq!(statuses, vec![403, 403, 403, 429, 429, 429]);
}

/// Behind Tor every client looks the same: the global bucket caps all
/// POSTs together, whatever their address.
#[actix_web::test]
async fn the_global_post_limit_caps_all_clients_together() {
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.posts_per_second = 5;
    })
    .await;
    // GETs are not charged.
    for _ in 0..20 {
        assert_eq!(app.get("/").await.status, StatusCode::OK);
    }
    let mut limited = 0;
    for i in 0..30 {
        let a = submit_as(&app, &format!("192.0.2.{i}"), "AAAA-BBBB-CCCC").await;
        if a.status == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
            assert_eq!(a.json()["error"], "rate_limited");
        }
    }
    assert!(limited >= 20, "only {limited} of 30 POSTs were limited");
}

async fn admin_with(app: &TestApp, authorization: Option<&str>) -> crate::helpers::Answer {
    let mut req = app.client.get(app.url("/api/v1/admin/rounds/spring"));
    if let Some(value) = authorization {
        req = req.insert_header(("Authorization", value));
    }
    collect(req.send()).await
}

/// Admin attempts are limited per client before the token is checked, so
/// a limited client learns nothing about the token it sends.
#[actix_web::test]
async fn admin_attempts_are_rate_limited_before_the_token_is_checked() {
    let app = spawn_app_with(|c| c.rate_limits.admin_attempts_per_minute = 4).await;
    app.setup_round("care", "spring", 5).await; // two admin requests
    let wrong = admin_with(&app, Some("Bearer wrong-token-0123456789abcdef")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let right = format!("Bearer {ADMIN_TOKEN}");
    assert_eq!(admin_with(&app, Some(&right)).await.status, StatusCode::OK);
    // The bucket is empty: the right token gets the same 429 as a wrong one.
    let right_limited = admin_with(&app, Some(&right)).await;
    let wrong_limited = admin_with(&app, Some("Bearer nope")).await;
    for a in [&right_limited, &wrong_limited] {
        assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(a.json()["error"], "rate_limited");
    }
}

/// "No key" and "wrong key" (and a malformed header) get the same answer,
/// byte for byte. That they cost the same work (one SHA-256 each) is
/// `http::admin::tests::every_refused_admin_header_costs_the_one_hash_a_wrong_token_costs`:
/// counted, because timing requests could not see one hash.
#[actix_web::test]
async fn missing_and_wrong_admin_tokens_get_the_same_answer() {
    let app = spawn_app_with(|_| {}).await;
    app.setup_round("care", "spring", 5).await;
    let variants = [
        None,
        Some("Bearer wrong-token-0123456789abcdef"),
        Some("Bearer "),
        Some("Basic dXNlcjpwYXNz"),
        Some("Bearer test-admin-token-0123456789abcdeX"),
    ];
    let mut answers = Vec::new();
    for v in variants {
        let a = admin_with(&app, v).await;
        let mut headers: Vec<(String, String)> = a
            .headers
            .iter()
            .filter(|(k, _)| k.as_str() != "date")
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        headers.sort();
        answers.push((a.status, headers, a.body));
    }
    assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED);
    for other in &answers[1..] {
        assert_eq!(&answers[0], other);
    }
}

/// Over-long addresses and oversized headers are refused, with a page or
/// JSON, before any handler reads them.
#[actix_web::test]
async fn over_long_addresses_and_oversized_headers_are_refused() {
    let app = spawn_app_with(|_| {}).await;
    let long = "a".repeat(3000);
    let page = app.get(&format!("/r/{long}")).await;
    assert_eq!(page.status, StatusCode::URI_TOO_LONG);
    assert!(page.body.contains("Web address too long"));
    let api = app
        .get(&format!("/api/v1/organisations/{long}/digest"))
        .await;
    assert_eq!(api.status, StatusCode::URI_TOO_LONG);
    assert_eq!(api.json()["error"], "uri_too_long");
    let big = collect(
        app.client
            .get(app.url("/api/openapi.json"))
            .insert_header(("X-Padding", "b".repeat(20 * 1024)))
            .send(),
    )
    .await;
    assert_eq!(big.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert_eq!(big.json()["error"], "headers_too_large");
    let mut many = app.client.get(app.url("/"));
    for i in 0..80 {
        many = many.insert_header((format!("x-h{i}"), "v"));
    }
    assert_eq!(
        collect(many.send()).await.status,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
    );
}

/// Write `head` (and maybe part of a body) then stall; return what the
/// server said and how long it took to give up on us.
fn stall(address: &str, sent: &str) -> (String, Duration) {
    let mut stream = TcpStream::connect(address.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    stream.write_all(sent.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

/// Slowloris: a client that never finishes its head, or trickles its body,
/// is cut off after the client timeout.
#[actix_web::test]
async fn slow_clients_are_cut_off() {
    let app = spawn_app_with(|c| c.client_timeout = Duration::from_secs(1)).await;
    app.setup_round("care", "spring", 5).await;
    let address = app.address.clone();
    let (head_answer, head_took, body_answer, body_took) =
        actix_web::rt::task::spawn_blocking(move || {
            let (a, t) = stall(&address, "GET /r/spring HTTP/1.1\r\nHost: x\r\nX-Slow: 1");
            let (b, u) = stall(
                &address,
                "POST /api/v1/rounds/spring/critiques HTTP/1.1\r\nHost: x\r\n\
                 Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"code\":",
            );
            (a, t, b, u)
        })
        .await
        .unwrap();
    assert!(
        head_took < Duration::from_secs(8),
        "unfinished head held for {head_took:?}"
    );
    assert!(
        head_answer.is_empty() || head_answer.starts_with("HTTP/1.1 408"),
        "{head_answer}"
    );
    assert!(
        body_took < Duration::from_secs(8),
        "trickled body held for {body_took:?}"
    );
    assert!(
        body_answer.starts_with("HTTP/1.1 408"),
        "slow body: {body_answer}"
    );
    assert!(body_answer.contains("request_timeout"));
    assert_eq!(app.stored(), (0, 0));
}

/// Every refusal carries the security headers too, and sets no cookie.
#[actix_web::test]
async fn refusals_carry_the_security_headers() {
    let app = spawn_app_with(|c| c.rate_limits.code_attempts_per_minute = 1).await;
    app.setup_round("care", "spring", 5).await;
    let long = "a".repeat(3000);
    let guess = format!("code={}&themes=leadership&text=hi", enc(&unknown_code()));
    let answers = vec![
        app.get("/no/such/page").await,
        app.get(&format!("/r/{long}")).await,
        app.submit_form("spring", "code=AAAA").await, // malformed: not charged
        app.submit_form("spring", &guess).await,
        app.submit_form("spring", &guess).await, // 429
        app.get("/console/%6Cogin").await,
        admin_with(&app, None).await,
        collect(
            app.client
                .post(app.url("/api/v1/admin/organisations"))
                .bearer_auth(ADMIN_TOKEN)
                .content_type("application/json")
                .send_body("x".repeat(70_000)),
        )
        .await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(statuses, vec![404, 414, 422, 403, 429, 400, 401, 413]);
    for a in &answers {
        for header in [
            "content-security-policy",
            "referrer-policy",
            "x-content-type-options",
            "x-frame-options",
            "permissions-policy",
            "cache-control",
        ] {
            assert!(
                a.headers.contains_key(header),
                "{} lacks {header}",
                a.status
            );
        }
        assert!(a.headers.get("set-cookie").is_none());
        assert!(a.headers.get("strict-transport-security").is_none());
    }
}

/// HSTS is sent when a trusted proxy says the client used TLS, or when
/// configured; a client's own X-Forwarded-Proto proves nothing.
#[actix_web::test]
async fn hsts_is_sent_over_tls_from_a_trusted_proxy_or_when_configured() {
    let https = |app: &TestApp| {
        collect(
            app.client
                .get(app.url("/"))
                .insert_header(("X-Forwarded-Proto", "https"))
                .send(),
        )
    };
    let proxied = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let a = https(&proxied).await;
    assert_eq!(
        a.headers.get("strict-transport-security").unwrap(),
        "max-age=63072000; includeSubDomains"
    );
    assert!(proxied
        .get("/")
        .await
        .headers
        .get("strict-transport-security")
        .is_none());
    let direct = spawn_app_with(|_| {}).await;
    assert!(https(&direct)
        .await
        .headers
        .get("strict-transport-security")
        .is_none());
    let always = spawn_app_with(|c| c.hsts = true).await;
    assert!(always
        .get("/healthz")
        .await
        .headers
        .contains_key("strict-transport-security"));
}

/// A known address asked with a method it does not answer says so (405 with
/// `Allow`), as the OpenAPI document promises; unknown addresses stay 404.
#[actix_web::test]
async fn other_methods_on_known_addresses_get_405_with_allow() {
    let app = spawn_app_with(|_| {}).await;
    app.setup_round("care", "spring", 5).await;
    let api = collect(
        app.client
            .delete(app.url("/api/v1/rounds/spring/critiques"))
            .send(),
    )
    .await;
    assert_eq!(api.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(api.headers.get("allow").unwrap(), "POST");
    assert_eq!(api.json()["error"], "method_not_allowed");
    let page = collect(app.client.put(app.url("/r/spring")).send()).await;
    assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(page.headers.get("allow").unwrap(), "GET, POST");
    assert!(page.body.contains("This page cannot be used in that way."));
    let admin = collect(
        app.client
            .delete(app.url("/api/v1/admin/rounds/spring"))
            .send(),
    )
    .await;
    assert_eq!(admin.headers.get("allow").unwrap(), "GET, PATCH");
    assert_eq!(
        app.get("/r/spring/extra").await.status,
        StatusCode::NOT_FOUND
    );
}

/// Token issuance is limited per client too: a client that keeps asking
/// for tokens (say, with stolen or guessed invitations) gets 429, while
/// another client can still ask.
#[actix_web::test]
async fn token_requests_are_rate_limited_per_client() {
    // Arrange: two token requests a minute per client.
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.token_issuance_per_minute = 2;
    })
    .await;
    let ask = |client: &'static str| {
        collect(
            app.client
                .post(app.url("/api/v1/token-request"))
                .insert_header(("X-Forwarded-For", client))
                .insert_header(("Authorization", "Bearer not-an-invitation"))
                .content_type("application/private-token-request")
                .send_body(vec![0u8; 259]),
        )
    };
    // Act
    let mut flooder = Vec::new();
    for _ in 0..4 {
        flooder.push(ask(FLOODER).await);
    }
    let other = ask(HONEST).await;
    // Assert: the first two reach the issuer (and are refused there: the
    // invitation is wrong); the rest are stopped before it.
    for a in &flooder[..2] {
        assert_ne!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    }
    for a in &flooder[2..] {
        assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(a.headers.get("retry-after").is_some());
        assert_eq!(a.json()["error"], "rate_limited");
    }
    assert_ne!(other.status, StatusCode::TOO_MANY_REQUESTS);
}
