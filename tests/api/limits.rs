//! Rate limits nobody can sidestep or be shut out by (issue 16, items 1
//! and 2): every other spelling of a limited address is refused before any
//! handler, sign-ins are limited for everyone together, codes count only
//! when they fail, and visitors behind one address (a care home, a
//! library, the onion entrance) cannot lock each other out.

use crate::abuse::unknown_code;
use crate::helpers::{collect, enc, spawn_app_with, Answer, TestApp};
use awc::http::{Method, StatusCode};
use futures_util::future::join_all;
use serde_json::json;

/// The limited addresses, concretely, with the method that is limited.
const LIMITED: &[(&str, &str)] = &[
    ("POST", "/console/login"),
    ("POST", "/console/setup"),
    ("GET", "/api/v1/admin/rounds/spring"),
    ("POST", "/api/v1/admin/organisations"),
    ("POST", "/r/spring"),
    ("POST", "/r/spring/about-you"),
    ("POST", "/api/v1/rounds/spring/critiques"),
    ("POST", "/api/v1/token-request"),
    ("POST", "/api/v1/organisations/care/responses"),
];

/// Every other way of writing `path`: each character percent-encoded alone
/// (upper- and lower-case hex), the whole path encoded, and each
/// structural trick (double slashes, dot segments, a trailing slash, an
/// encoded slash).
fn spellings(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in path.char_indices() {
        if c == '/' {
            continue;
        }
        let (before, after) = (&path[..i], &path[i + c.len_utf8()..]);
        out.push(format!("{before}%{:02X}{after}", c as u32));
        out.push(format!("{before}%{:02x}{after}", c as u32));
    }
    let all: String = path
        .split('/')
        .map(|segment| segment.bytes().map(|b| format!("%{b:02X}")).collect())
        .collect::<Vec<String>>()
        .join("/");
    out.push(all);
    for (i, _) in path.match_indices('/') {
        let (before, after) = (&path[..i], &path[i..]);
        out.push(format!("{before}/{after}"));
        out.push(format!("{before}/.{after}"));
        out.push(format!("{before}/x/..{after}"));
        if i > 0 {
            out.push(format!("{before}%2F{}", &after[1..]));
            out.push(format!("{before}%2f{}", &after[1..]));
        }
    }
    out.push(format!("{path}/"));
    out.push(format!("{path}/."));
    out.push(format!("{path}%2F"));
    out
}

async fn send(app: &TestApp, method: &str, path: &str) -> Answer {
    let method: Method = method.parse().unwrap();
    collect(
        app.client
            .request(method, app.url(path))
            .insert_header(("X-Forwarded-For", "203.0.113.50"))
            .content_type("application/x-www-form-urlencoded")
            .send_body("code=7K3M-Q9XT-4WPR&username=admin&password=wrong-password-1"),
    )
    .await
}

/// Issue 16, item 1: `/api/v1/%61dmin/…`, `/%72/{round}`,
/// `/api/v1/%72ounds/…`, `/console/%6Cogin`, `/api/v1/%74oken-request` and
/// every other spelling reached their handlers with no limit. Now each is
/// refused as not canonical before any bucket or handler: it can do nothing
/// the plain address could not, and the plain address is limited.
#[actix_web::test]
async fn every_other_spelling_of_a_limited_address_is_refused_before_its_handler() {
    // Arrange: one attempt per client and action, then the bucket is empty.
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.code_attempts_per_minute = 1;
        // Two: the round is set up from the proxy's own address first.
        c.rate_limits.admin_attempts_per_minute = 2;
        c.rate_limits.login_attempts_per_minute = 1;
        c.rate_limits.token_issuance_per_minute = 1;
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    let mut forms = 0;
    let mut wrong = Vec::new();
    for (method, plain) in LIMITED {
        // The plain address: its bucket runs dry (a guessed code is a
        // failure, so it is charged; everything else is charged anyway).
        let mut plain_statuses = Vec::new();
        for _ in 0..3 {
            let a = if *plain == "/r/spring" || plain.ends_with("/critiques") {
                guess_at(&app, plain, "203.0.113.50").await
            } else {
                send(&app, method, plain).await
            };
            plain_statuses.push(a.status);
        }
        assert_eq!(
            plain_statuses.last(),
            Some(&StatusCode::TOO_MANY_REQUESTS),
            "{method} {plain}: {plain_statuses:?}"
        );
        // Act + Assert: every other spelling is refused with a clear
        // error, never answered by the handler.
        for path in spellings(plain) {
            forms += 1;
            let a = send(&app, method, &path).await;
            let refused = a.status == StatusCode::BAD_REQUEST
                && if path.starts_with("/api/") {
                    a.json()["error"] == "path_not_canonical"
                } else {
                    a.body.contains("Check the web address")
                        && a.body.contains("not written in its usual form")
                };
            if !refused {
                wrong.push(format!("{method} {path} → {} {:.80}", a.status, a.body));
            }
        }
    }
    assert!(forms > 400, "only {forms} spellings tried");
    assert!(
        wrong.is_empty(),
        "{} of {forms} spellings were not refused:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

async fn guess_at(app: &TestApp, path: &str, client: &str) -> Answer {
    let guess = unknown_code();
    let request = app
        .client
        .post(app.url(path))
        .insert_header(("X-Forwarded-For", client));
    if path.starts_with("/api/") {
        collect(request.send_json(&json!({"code": guess, "themes": ["leadership"], "text": "hi"})))
            .await
    } else {
        collect(
            request
                .content_type("application/x-www-form-urlencoded")
                .send_body(format!("code={}&themes=leadership&text=hi", enc(&guess))),
        )
        .await
    }
}

/// The refusal for a non-canonical address is a human page for people and
/// stable JSON for the API, with the security headers, and costs nothing.
#[actix_web::test]
async fn a_non_canonical_address_gets_a_clear_error_page_or_json() {
    let app = spawn_app_with(|_| {}).await;
    app.setup_round("care", "spring", 5).await;
    let page = app.get("/r/%73pring").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body.contains("<h1>Check the web address</h1>"),
        "{}",
        page.body
    );
    assert!(page.headers.contains_key("content-security-policy"));
    let api = app.get("/api/v1/organisations/care//digest").await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    assert_eq!(api.json()["error"], "path_not_canonical");
    // The plain addresses still work.
    assert_eq!(app.get("/r/spring").await.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/organisations/care/digest").await.status,
        StatusCode::OK
    );
}

/// Issue 16, item 1: sign-ins are limited for everyone together too, so an
/// attacker with many addresses cannot make the server hash without end.
#[actix_web::test]
async fn sign_ins_are_limited_for_all_clients_together() {
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.sign_ins_per_minute = 3;
    })
    .await;
    let (cookie, token) =
        crate::console::presession(&crate::console::Browser::new(&app), "/console/login").await;
    let mut statuses = Vec::new();
    for i in 0..6 {
        let a = collect(
            app.client
                .post(app.url("/console/login"))
                .insert_header(("Cookie", format!("parrhesia_console={cookie}")))
                .insert_header(("X-Forwarded-For", format!("198.51.100.{i}")))
                .content_type("application/x-www-form-urlencoded")
                .send_body(format!(
                    "csrf={token}&username=someone{i}&password=not-the-password"
                )),
        )
        .await;
        if a.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(a.body.contains("Too many sign-in attempts"));
            assert!(a.headers.contains_key("retry-after"));
        }
        statuses.push(a.status.as_u16());
    }
    assert_eq!(statuses, vec![400, 400, 400, 429, 429, 429]);
}

/// Issue 16, item 2: a care home or a library, everyone behind one
/// address, each person checking their answers and then sending, some
/// mistyping their code first (most slips are caught by the check symbol;
/// a few make another valid-looking code). Nobody is shut out: only
/// failed codes count, and a group makes very few.
#[actix_web::test]
async fn a_group_behind_one_address_all_get_through() {
    // Arrange: the default allowance (30 failures a minute).
    const PEOPLE: usize = 90;
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.code_attempts_per_minute = 30;
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", PEOPLE).await;
    let library = "192.0.2.80";
    let form = |code: &str| format!("code={}&themes=leadership&text=the+bus+was+late", enc(code));
    let post = |path: &'static str, body: String| {
        collect(
            app.client
                .post(app.url(path))
                .insert_header(("X-Forwarded-For", library))
                .content_type("application/x-www-form-urlencoded")
                .send_body(body),
        )
    };
    // Act: ten at a time, as at a session's start.
    let mut sent = Vec::new();
    for (wave, group) in codes.chunks(10).enumerate() {
        let people = group.iter().enumerate().map(|(i, code)| {
            let post = &post;
            let form = &form;
            async move {
                let mut slips = Vec::new();
                if i % 4 == 0 {
                    // One wrong symbol: caught by the check symbol.
                    let mut typo: Vec<char> = code.chars().collect();
                    typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
                    slips.push(
                        post("/r/spring/check", form(&typo.iter().collect::<String>())).await,
                    );
                }
                if i == 0 && wave % 2 == 0 {
                    // Two slips that happen to make another valid code.
                    slips.push(post("/r/spring", form(&unknown_code())).await);
                }
                let checked = post("/r/spring/check", form(code)).await;
                let sent = post("/r/spring", form(code)).await;
                (slips, checked.status, sent.status, sent.body)
            }
        });
        sent.extend(join_all(people).await);
    }
    // Assert: every person got through; slips got their error, not 429.
    for (slips, checked, status, body) in &sent {
        assert_eq!(*checked, StatusCode::OK);
        assert_eq!(*status, StatusCode::OK, "{body:.200}");
        for slip in slips {
            assert!(
                matches!(slip.status.as_u16(), 403 | 422),
                "a slip was answered {}",
                slip.status
            );
        }
    }
    assert_eq!(app.stored(), (PEOPLE, PEOPLE));
}

/// Onion visitors, as nginx's onion entrance forwards them.
async fn tor_app() -> TestApp {
    let app = spawn_app_with(|c| {
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c.rate_limits.code_attempts_per_minute = 10;
    })
    .await;
    app.setup_round("care", "spring", 5).await;
    app
}

/// Issue 16, item 2: every onion visitor reaches the app through the local
/// proxy. With tor exporting circuit ids (deploy/tor), each circuit has its
/// own allowance: one attacker's wrong codes lock out only their circuit.
#[actix_web::test]
async fn one_tor_users_wrong_codes_do_not_lock_out_other_tor_circuits() {
    let app = tor_app().await;
    let codes = app.codes("spring", 3).await;
    let attacker = "fc00:dead:beef:4dad::3a:91c2";
    let mut attacker_statuses = Vec::new();
    for _ in 0..40 {
        attacker_statuses.push(
            guess_at(&app, "/api/v1/rounds/spring/critiques", attacker)
                .await
                .status,
        );
    }
    let limited = attacker_statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(
        limited >= 29,
        "the attacker's circuit was limited {limited} times of 40"
    );
    for (i, code) in codes.iter().enumerate() {
        let honest = format!("fc00:dead:beef:4dad::{:x}:{:x}", 0x10 + i, 0x2000 + i);
        let a = collect(
            app.client
                .post(app.url("/api/v1/rounds/spring/critiques"))
                .insert_header(("X-Forwarded-For", honest))
                .send_json(&json!({"code": code, "themes": ["leadership"], "text": "heard"})),
        )
        .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// Issue 16, item 2: without circuit ids every onion visitor is the same
/// loopback address. Then nobody there is limited per client (the global
/// limits and Tor's proof-of-work still apply), so a flood of wrong codes
/// from that shared address never shuts out the next Tor user.
#[actix_web::test]
async fn wrong_codes_from_the_shared_tor_address_do_not_lock_out_other_tor_users() {
    let app = tor_app().await;
    let codes = app.codes("spring", 2).await;
    let guesses = join_all((0..60).map(|_| guess_at(&app, "/r/spring", "127.0.0.1"))).await;
    assert!(guesses.iter().all(|a| a.status == StatusCode::FORBIDDEN));
    for code in &codes {
        let a = collect(
            app.client
                .post(app.url("/r/spring"))
                .insert_header(("X-Forwarded-For", "127.0.0.1"))
                .content_type("application/x-www-form-urlencoded")
                .send_body(format!("code={}&themes=leadership&text=heard", enc(code))),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{:.300}", a.body);
    }
    assert_eq!(app.stored(), (2, 2));
}
