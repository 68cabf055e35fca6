//! The staff console (issue 10): sign-in, sessions, CSRF, time-outs, the
//! first administrator, the action log, and a host's journey through the
//! pages. Role checks per route are in `console_roles`.

use crate::helpers::{collect, enc, spawn_app, spawn_app_with, Answer, TestApp, ADMIN_TOKEN};
use awc::http::StatusCode;
use parrhesia::app::live::REFRESH_SECS;
use parrhesia::staff::password::{self, Password};
use parrhesia::staff::session::{ABSOLUTE_SECS, IDLE_SECS};
use parrhesia::staff::{Role, User, Username};
use std::time::{Duration, Instant};

pub const PASSWORD: &str = "a long and unremarkable passphrase";

/// A client that keeps the console cookie by hand (awc has no cookie jar)
/// and never follows redirects, so tests see every 303.
pub struct Browser {
    pub address: String,
    pub client: awc::Client,
    pub cookie: Option<String>,
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Self {
            address: app.address.clone(),
            client: awc::Client::builder()
                .timeout(Duration::from_secs(60))
                .disable_redirects()
                .finish(),
            cookie: None,
        }
    }

    fn with_cookie(&self, req: awc::ClientRequest) -> awc::ClientRequest {
        match &self.cookie {
            Some(c) => req.insert_header(("Cookie", format!("parrhesia_console={c}"))),
            None => req,
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        let req = self.client.get(format!("{}{path}", self.address));
        collect(self.with_cookie(req).send()).await
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        let req = self
            .client
            .post(format!("{}{path}", self.address))
            .content_type("application/x-www-form-urlencoded");
        collect(self.with_cookie(req).send_body(body)).await
    }

    /// POST a sign-in or set-up form as a browser would: first the page,
    /// whose pre-session cookie and token the form then carries.
    pub async fn post_signed_out(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let (cookie, token) = presession(self, path).await;
        let b = Browser {
            address: self.address.clone(),
            client: self.client.clone(),
            cookie: Some(cookie),
        };
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        b.post_raw(path, &all).await
    }

    /// POST a form with this session's CSRF token, read from a page.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.csrf().await;
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// The CSRF token on the console's home page.
    pub async fn csrf(&self) -> String {
        let home = self.get("/console").await;
        csrf_in(&home.body).unwrap_or_default()
    }
}

/// The value of the first hidden `csrf` field of a page.
pub fn csrf_in(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(body[at..].split('"').next()?.to_owned())
}

/// The pre-session cookie value and form token of a signed-out console
/// page (sign-in or set-up).
pub async fn presession(b: &Browser, path: &str) -> (String, String) {
    let page = Browser {
        address: b.address.clone(),
        client: b.client.clone(),
        cookie: None,
    }
    .get(path)
    .await;
    let cookie = session_from(&page).expect("a pre-session cookie");
    (cookie, csrf_in(&page.body).expect("a pre-session token"))
}

/// The session id a `Set-Cookie` header gives, if any.
pub fn session_from(a: &Answer) -> Option<String> {
    let set = a.headers.get("set-cookie")?.to_str().ok()?;
    let value = set.strip_prefix("parrhesia_console=")?.split(';').next()?;
    (!value.is_empty()).then(|| value.to_owned())
}

/// Add an account straight through the store (as `parrhesia user add`).
pub async fn add_user(app: &TestApp, name: &str, role: Role, org: Option<&str>) {
    let hash = password::hash(&Password::parse(PASSWORD).unwrap()).unwrap();
    let org = org.map(|o| parrhesia::domain::Slug::parse(o, "organisation").unwrap());
    let user = User::new(Username::parse(name).unwrap(), role, org, hash).unwrap();
    app.store.add_user(user).await.unwrap();
}

/// Sign in and return a browser holding the session.
pub async fn sign_in(app: &TestApp, name: &str) -> Browser {
    let mut b = Browser::new(app);
    let a = b
        .post_signed_out(
            "/console/login",
            &[("username", name), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    b.cookie = Some(session_from(&a).expect("a session cookie"));
    b
}

/// A server with an administrator `admin` signed in.
pub async fn admin_app() -> (TestApp, Browser) {
    let app = spawn_app().await;
    add_user(&app, "admin", Role::Administrator, None).await;
    let b = sign_in(&app, "admin").await;
    (app, b)
}

fn goes_to_sign_in(a: &Answer) -> bool {
    a.status == StatusCode::SEE_OTHER
        && a.headers.get("location").and_then(|l| l.to_str().ok()) == Some("/console/login")
}

#[actix_web::test]
async fn the_session_cookie_is_httponly_strict_and_limited_to_the_console() {
    let (app, _) = admin_app().await;
    let a = Browser::new(&app)
        .post_signed_out(
            "/console/login",
            &[("username", "admin"), ("password", PASSWORD)],
        )
        .await;
    let set = a.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(set.contains("; Path=/console"), "{set}");
    assert!(set.contains("; HttpOnly"), "{set}");
    assert!(set.contains("; SameSite=Strict"), "{set}");
    assert!(!set.contains("Secure"), "plain http in tests: {set}");
    assert!(
        !set.contains("Max-Age") && !set.contains("Expires"),
        "{set}"
    );
    // 256 random bits, hex.
    assert_eq!(session_from(&a).unwrap().len(), 64);

    // Served over TLS (its public address is https): Secure too.
    let tls = spawn_app_with(|c| c.public_url = Some("https://feedback.example.org".into())).await;
    add_user(&tls, "admin", Role::Administrator, None).await;
    let a = Browser::new(&tls)
        .post_signed_out(
            "/console/login",
            &[("username", "admin"), ("password", PASSWORD)],
        )
        .await;
    let set = a.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(set.ends_with("; Secure"), "{set}");
}

#[actix_web::test]
async fn log_out_ends_the_session_on_the_server() {
    let (app, b) = admin_app().await;
    assert_eq!(b.get("/console").await.status, StatusCode::OK);
    let out = b.post("/console/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let set = out.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(set.contains("Max-Age=0"), "{set}");
    // The old cookie, replayed, is worthless: the server forgot it.
    assert!(goes_to_sign_in(&b.get("/console").await));
    assert!(goes_to_sign_in(&b.get("/console/users").await));
    drop(app);
}

#[actix_web::test]
async fn sessions_time_out_when_idle_and_after_an_absolute_limit() {
    let (app, b) = admin_app().await;
    app.session_clock.advance(IDLE_SECS - 1);
    assert_eq!(b.get("/console").await.status, StatusCode::OK);
    app.session_clock.advance(IDLE_SECS + 1);
    assert!(goes_to_sign_in(&b.get("/console").await), "idle time-out");

    let b = sign_in(&app, "admin").await;
    let mut used = 0;
    while used + IDLE_SECS - 60 <= ABSOLUTE_SECS {
        app.session_clock.advance(IDLE_SECS - 60);
        used += IDLE_SECS - 60;
        assert_eq!(b.get("/console").await.status, StatusCode::OK, "at {used}s");
    }
    app.session_clock.advance(IDLE_SECS - 60);
    assert!(
        goes_to_sign_in(&b.get("/console").await),
        "absolute time-out despite activity"
    );
}

#[actix_web::test]
async fn csrf_is_required_on_every_state_changing_console_form() {
    let (app, b) = admin_app().await;
    app.setup_round("care", "spring", 5).await;
    let posts: Vec<&str> = parrhesia::http::ROUTES
        .iter()
        .filter(|r| r.method == "POST" && r.path.starts_with("/console"))
        .filter(|r| {
            parrhesia::http::console::rule("POST", r.path)
                != Some(parrhesia::http::console::Access::Public)
        })
        .map(|r| r.path)
        .collect();
    assert!(posts.len() >= 10, "{posts:?}");
    // Organisation users' forms are tried by one of them (an administrator
    // would be refused for the role, before the token matters).
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let carer = sign_in(&app, "carer").await;
    let admin = b;
    for path in posts {
        let b = match parrhesia::http::console::rule("POST", path) {
            Some(a) if !a.allows(Role::Administrator) => &carer,
            _ => &admin,
        };
        let token = b.csrf().await;
        let concrete = path
            .replace("{round}", "spring")
            .replace("{user}", "0123456789abcdef0123456789abcdef");
        let fields = [("name", "Sneaky"), ("slug", "sneaky"), ("count", "3")];
        for csrf in [None, Some("0".repeat(64)), Some(String::new())] {
            let mut all: Vec<(&str, &str)> = fields.to_vec();
            if let Some(c) = &csrf {
                all.push(("csrf", c.as_str()));
            }
            let a = b.post_raw(&concrete, &all).await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{path} with {csrf:?}");
            assert!(a.body.contains("This form has expired"), "{path}");
        }
        // The right token from another site's page is refused too.
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", token.as_str()));
        let body = all
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        for foreign in [
            ("Origin", "https://evil.example"),
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Site", "same-site"),
        ] {
            let a = collect(
                b.client
                    .post(format!("{}{concrete}", b.address))
                    .insert_header(foreign)
                    .insert_header((
                        "Cookie",
                        format!("parrhesia_console={}", b.cookie.as_ref().unwrap()),
                    ))
                    .content_type("application/x-www-form-urlencoded")
                    .send_body(body.clone()),
            )
            .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{path} with {foreign:?}");
        }
    }
    // Nothing was changed: still signed in, no organisation, no codes.
    assert_eq!(admin.get("/console").await.status, StatusCode::OK);
    assert_eq!(carer.get("/console").await.status, StatusCode::OK);
    assert!(app.store.organisation("sneaky").unwrap().is_none());
    let spring = parrhesia::domain::Slug::parse("spring", "round").unwrap();
    assert_eq!(app.store.round_stats(&spring).unwrap().codes_issued, 0);
}

/// Uniform answers protect the list of staff user names: an attacker must
/// not learn which names exist from the status, the page or the time.
#[actix_web::test]
async fn failed_sign_ins_look_the_same_for_unknown_users_and_wrong_passwords() {
    let (app, _) = admin_app().await;
    let attempt = |name: &'static str| {
        let b = Browser::new(&app);
        async move {
            let started = Instant::now();
            let a = b
                .post_signed_out(
                    "/console/login",
                    &[("username", name), ("password", "not the password at all")],
                )
                .await;
            (a, started.elapsed())
        }
    };
    let (wrong, _) = attempt("admin").await;
    let (unknown, _) = attempt("nobody").await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.status, wrong.status);
    assert!(wrong.headers.get("set-cookie").is_none());
    assert!(unknown.headers.get("set-cookie").is_none());
    // The same page, apart from the name typed, which is shown back, and
    // the browser's own pre-session token.
    let token = |a: &Answer| csrf_in(&a.body).unwrap();
    assert_eq!(
        unknown
            .body
            .replace("nobody", "NAME")
            .replace(&token(&unknown), "T"),
        wrong
            .body
            .replace("admin", "NAME")
            .replace(&token(&wrong), "T")
    );
    assert!(wrong
        .body
        .contains("Enter a correct user name and password."));

    // Timing: interleaved tries, compared by their fastest run (the
    // intrinsic cost), within a tolerance. Other tests hashing passwords
    // in parallel can slow one side for a whole burst, so up to five
    // bursts are measured and the closest counts; skipping the Argon2id
    // work for unknown users (about 1 ms against 20+ ms) fails every one.
    let mut best = f64::INFINITY;
    let mut seen = Vec::new();
    for _ in 0..5 {
        let (mut t_wrong, mut t_unknown) = (Vec::new(), Vec::new());
        for _ in 0..9 {
            t_wrong.push(attempt("admin").await.1);
            t_unknown.push(attempt("nobody").await.1);
        }
        let fastest = |t: &[Duration]| t.iter().min().unwrap().as_secs_f64();
        let (a, b) = (fastest(&t_wrong), fastest(&t_unknown));
        seen.push(format!("{a:.3}s vs {b:.3}s"));
        best = best.min(a.max(b) / a.min(b));
        if best < 1.5 {
            break;
        }
    }
    assert!(
        best < 1.5,
        "fastest wrong password vs unknown user: {}",
        seen.join(", ")
    );
}

#[actix_web::test]
async fn sign_in_is_rate_limited_per_account_and_per_client() {
    let app = spawn_app_with(|c| {
        c.rate_limits.login_attempts_per_minute = 3;
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    add_user(&app, "admin", Role::Administrator, None).await;
    let b = Browser::new(&app);
    let (cookie, token) = presession(&b, "/console/login").await;
    let try_as = |client: String, name: &'static str, password: &'static str| {
        let (b, cookie, token) = (&b, &cookie, &token);
        async move {
            let body = format!("csrf={token}&username={name}&password={}", enc(password));
            collect(
                b.client
                    .post(format!("{}/console/login", b.address))
                    .insert_header(("Cookie", format!("parrhesia_console={cookie}")))
                    .insert_header(("X-Forwarded-For", client))
                    .content_type("application/x-www-form-urlencoded")
                    .send_body(body),
            )
            .await
        }
    };
    // Per account: three clients, one account, then even the right
    // password from a fourth client waits.
    for i in 1..=3 {
        let a = try_as(format!("192.0.2.{i}"), "admin", "wrong password here").await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
    }
    let a = try_as("192.0.2.4".into(), "admin", PASSWORD).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(a.headers.contains_key("retry-after"));
    assert!(a.body.contains("Too many sign-in attempts"));
    // Per client: one client, many accounts.
    for name in ["ann", "bob", "cat"] {
        let a = try_as("198.51.100.7".into(), name, "wrong password here").await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
    }
    let a = try_as("198.51.100.7".into(), "dan", "wrong password here").await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
}

#[actix_web::test]
async fn the_first_administrator_is_made_with_the_admin_token_once() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let page = b.get("/console/login").await;
    assert!(page.body.contains("/console/setup"));
    let bad = b
        .post_signed_out(
            "/console/setup",
            &[
                ("token", "wrong-token"),
                ("username", "root"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("error-summary"));
    assert!(bad.body.contains("href=\"#token\""));
    assert!(bad.body.contains("href=\"#password\""));
    assert!(!app.store.has_users().unwrap());
    let good = b
        .post_signed_out(
            "/console/setup",
            &[
                ("token", ADMIN_TOKEN),
                ("username", "root"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    assert!(session_from(&good).is_some());
    let again = b
        .post_raw(
            "/console/setup",
            &[
                ("token", ADMIN_TOKEN),
                ("username", "second"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    let users = app.store.users().unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].role, Role::Administrator);
    // Only an Argon2id hash is kept.
    assert!(users[0].password_hash.starts_with("$argon2id$"));
    assert!(!users[0].password_hash.contains(PASSWORD));
}

/// An administrator's journey through the pages, and what the action log
/// keeps of it: who, what, which round, which period, and nothing else.
#[actix_web::test]
async fn a_host_runs_a_round_from_the_console_and_the_log_records_it() {
    let (app, b) = admin_app().await;
    let a = b
        .post(
            "/console/organisations",
            &[("name", "Riverside Care"), ("slug", "riverside")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // Bad input: an error summary, and what was typed is kept.
    let a = b
        .post(
            "/console/rounds",
            &[
                ("organisation", "riverside"),
                ("title", "How do we listen?"),
                ("slug", "Bad Slug"),
                ("min_group", "5"),
                ("period_weeks", "1"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("error-summary") && a.body.contains("href=\"#slug\""));
    assert!(a.body.contains("How do we listen?"));
    let a = b
        .post(
            "/console/rounds",
            &[
                ("organisation", "riverside"),
                ("title", "How do we listen?"),
                ("slug", "listen"),
                ("min_group", "5"),
                ("period_weeks", "1"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // Edit before opening: themes can be replaced, one row each.
    let rows = theme_rows(&[
        ("money", "Money and time", ""),
        ("power", "Power sharing", "Who decides"),
    ]);
    let mut fields = vec![
        ("title", "How well do we listen?"),
        ("description", ""),
        ("min_group", "6"),
    ];
    fields.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let a = b.post("/console/rounds/listen", &fields).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("listen").unwrap().unwrap();
    assert_eq!(round.themes.len(), 2);
    assert_eq!(round.min_group.get(), 6);
    // Cards: made once, then a page for the sheet (post/redirect/get), and
    // the sheet itself downloads once (issue 18, item 10).
    let made = b
        .post("/console/rounds/listen/codes", &[("count", "8")])
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let place = made
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        place.starts_with("/console/rounds/listen/cards/"),
        "{place}"
    );
    for _ in 0..2 {
        let ready = b.get(&place).await;
        assert_eq!(ready.status, StatusCode::OK);
        assert!(
            ready.body.contains("8 code cards are ready"),
            "{}",
            ready.body
        );
    }
    let listen_slug = parrhesia::domain::Slug::parse("listen", "round").unwrap();
    assert_eq!(
        app.store.round_stats(&listen_slug).unwrap().codes_issued,
        8,
        "reloading mints nothing"
    );
    let someone_else = sign_in(&app, "admin").await;
    let stolen = someone_else.get(&format!("{place}?download=yes")).await;
    assert_eq!(
        stolen.status,
        StatusCode::GONE,
        "another session cannot take the sheet"
    );
    let sheet = b.get(&format!("{place}?download=yes")).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(sheet
        .headers
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(sheet.body.contains("id=\"print\""), "a Print button");
    assert!(
        sheet
            .body
            .contains(&format!("href=\"{}/console/rounds/listen\"", app.address)),
        "a way back"
    );
    let again = b.get(&format!("{place}?download=yes")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(
        again.body.contains("The card sheet was downloaded") && !again.body.contains("card-code")
    );
    let codes: Vec<String> = sheet
        .body
        .split("<p class=\"card-code\" dir=\"ltr\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 8);
    assert!(app.store.round("listen").unwrap().unwrap().opened);
    // Each card prints the round's token key id, as people compare it by
    // hand (issue 17): the first 16 hex digits of the logged key's id.
    let key = app.store.token_key_records().unwrap().remove(0);
    let printed: String = parrhesia::encoding::hex(&key.key_id)
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(sheet.body.matches(&printed).count(), 8, "{printed}");
    // Once open, themes are only added; a new row that repeats a short name
    // is refused at that row (issue 18, item 13).
    let mut fields = vec![("title", "How well do we listen?"), ("min_group", "6")];
    let added = [
        ("theme-rows".to_owned(), "1".to_owned()),
        ("theme-2-slug".to_owned(), "money".to_owned()),
        ("theme-2-label".to_owned(), "Money again".to_owned()),
    ];
    fields.extend(added.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let a = b.post("/console/rounds/listen", &fields).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("href=\"#theme-2-slug\""), "{}", a.body);
    assert!(a
        .body
        .contains("Theme 3: another theme already has the short name “money”."));
    // Invitations: a CSV with one personal link a row, invitation in the fragment.
    let csv = b
        .post(
            "/console/rounds/listen/invitations",
            &[("invitations", "3")],
        )
        .await;
    assert_eq!(csv.status, StatusCode::CREATED);
    assert!(csv
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let rows: Vec<&str> = csv.body.lines().collect();
    assert_eq!(rows[0], "link,token_key");
    assert_eq!(rows.len(), 4);
    for row in &rows[1..] {
        assert!(
            row.starts_with(&format!("{}/i/listen#", app.address)),
            "{row}"
        );
        assert!(row.ends_with(&format!(",{printed}")), "{row}");
    }
    // A participant uses a card; the open period's counts show only in
    // bands (issue 16, item 5), sealed periods exactly.
    let sent = app
        .submit_form(
            "listen",
            &format!(
                "code={}&themes=money&text=Nobody+calls+back",
                enc(&codes[0])
            ),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let page = b.get("/console/rounds/listen").await;
    for (what, n) in [
        ("Critiques in sealed periods", "0"),
        ("Critiques in the open period", "fewer than 10"),
        ("Codes issued", "8"),
        ("Codes spent in the open period", "fewer than 10"),
        ("Invitations made", "3"),
    ] {
        let at = page.body.find(what).unwrap_or_else(|| panic!("{what}"));
        assert!(
            page.body[at..].contains(&format!("<td class=\"numeric\">{n}</td>")),
            "{what}"
        );
    }
    // Another organisation's round with a critique in its open period.
    app.setup_round("elsewhere", "other-round", 5).await;
    let code = app.codes("other-round", 1).await.remove(0);
    let sent = app
        .submit_json(
            "other-round",
            serde_json::json!({"code": code, "themes": ["leadership"], "text": "Still open."}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
    // Close the period: first what it will do (issue 18, item 11). One
    // comment is too few to close early (issue 16, item 4): the page says
    // so beforehand, without the exact count, and offers no button.
    let ahead = b.get("/console/rounds/listen/close").await;
    assert_eq!(ahead.status, StatusCode::OK);
    assert!(
        ahead.body.contains("It cannot be closed early yet")
            && ahead.body.contains("at least <strong>11 comments</strong>")
            && ahead.body.contains("It has fewer than 10 comments")
            && !ahead.body.contains("What will happen")
            && !ahead.body.contains("action=\"/console/periods/close\""),
        "{}",
        ahead.body
    );
    // Posting anyway is refused with an error summary.
    let refused = b
        .post("/console/periods/close", &[("round", "listen")])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.body.contains("error-summary")
            && refused
                .body
                .contains("This period cannot be closed early yet: it needs at least 11 comments."),
        "{}",
        refused.body
    );
    // With eleven (min_period here) it may be closed, and the result says
    // what happened.
    for code in app.codes("listen", 10).await {
        let body = format!("code={}&themes=money&text=Nobody+calls+back", enc(&code));
        let sent = app.submit_form("listen", &body).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    }
    // The gate decides on its own hourly count, taken when the close page
    // was first seen: within that hour the eleven change nothing, so
    // watching the page cannot time the eleventh. (The staff member stays
    // active meanwhile: sessions end after 30 idle minutes.)
    let ahead = b.get("/console/rounds/listen/close").await;
    assert!(
        ahead.body.contains("It cannot be closed early yet"),
        "the gate followed the live count: {}",
        ahead.body
    );
    for _ in 0..3 {
        app.session_clock.advance(REFRESH_SECS / 3);
        assert_eq!(b.get("/console").await.status, StatusCode::OK);
    }
    let ahead = b.get("/console/rounds/listen/close").await;
    assert!(
        ahead.body.contains("What will happen") && ahead.body.contains("comments, as counted"),
        "{}",
        ahead.body
    );
    let a = b
        .post("/console/periods/close", &[("round", "listen")])
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let place = a
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        place,
        "/console/rounds/listen?done=closed-published&period=2026-11-23"
    );
    // Named by the days it covered: closed early on Thursday 26 November,
    // it is not the whole of week 48.
    let result = b.get(&place).await;
    assert!(
        result
            .body
            .contains("23 to 26 November 2026 is closed. Its digest is published"),
        "{}",
        result.body
    );
    // Closing twice in a period is refused.
    let twice = b
        .post("/console/periods/close", &[("round", "listen")])
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(
        twice.body.contains("error-summary") && twice.body.contains("was closed early already"),
        "{}",
        twice.body
    );
    let listen = parrhesia::domain::Slug::parse("listen", "round").unwrap();
    assert_eq!(app.store.sealed_periods(&listen).unwrap().len(), 1);
    // Only that round's period: another organisation's round stays open.
    let other = parrhesia::domain::Slug::parse("other-round", "round").unwrap();
    assert!(app.store.sealed_periods(&other).unwrap().is_empty());
    let unknown = b
        .post("/console/periods/close", &[("round", "no-such-round")])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    // The log: who did what to which round, at the period's granularity.
    let log = app.store.staff_actions().unwrap();
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    for expected in [
        "organisation.create",
        "round.create",
        "round.update",
        "codes.issue",
        "invitations.issue",
        "periods.close",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    for entry in &log {
        assert_eq!(entry.actor, "admin");
        assert_eq!(entry.period, "2026-11-23", "the period's first day only");
    }
    let page = b.get("/console/log").await;
    assert!(page.body.contains("codes.issue") && page.body.contains("listen"));
    // Nothing in the log names a code or a critique.
    let raw = serde_json::to_string(&log).unwrap();
    for code in &codes {
        assert!(!raw.contains(code.as_str()));
    }
    assert!(!raw.contains("Nobody calls back"));
}

#[actix_web::test]
async fn administrators_add_and_remove_users_and_removal_ends_their_sessions() {
    let (app, admin) = admin_app().await;
    app.setup_round("care", "spring", 5).await;
    let bad = admin
        .post(
            "/console/users",
            &[
                ("username", "co"),
                ("email", "cora"),
                ("role", "organisation"),
                ("organisation", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for field in ["#username", "#email", "#organisation"] {
        assert!(bad.body.contains(&format!("href=\"{field}\"")), "{field}");
    }
    // Invited by e-mail (no SMTP here: the link is shown once), then she
    // sets her password from the link (issue 21).
    let a = crate::password_links::invite(&admin, "Cora", "cora@example.org", "coordinator").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let token = crate::password_links::token_of(&crate::password_links::link_on(&a.body).unwrap());
    let set = crate::password_links::use_link(&app, &token, PASSWORD).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let taken = crate::password_links::invite(&admin, "cora", "c2@example.org", "moderator").await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    let cora = sign_in(&app, "cora").await;
    assert_eq!(
        cora.get("/console/organisations").await.status,
        StatusCode::OK
    );
    let id = app.store.user_by_name("cora").unwrap().unwrap().id;
    // A new role applies at once, to the session she already has.
    let (role, org) = (format!("role-{id}"), format!("organisation-{id}"));
    let bad = admin
        .post(
            &format!("/console/users/{id}/role"),
            &[(role.as_str(), "organisation"), (org.as_str(), "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains(&format!("href=\"#{org}\"")));
    let a = admin
        .post(
            &format!("/console/users/{id}/role"),
            &[(role.as_str(), "moderator"), (org.as_str(), "")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(
        cora.get("/console/organisations").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(cora.get("/console/moderation").await.status, StatusCode::OK);
    let me = app.store.user_by_name("admin").unwrap().unwrap().id;
    let mine = format!("role-{me}");
    let a = admin
        .post(
            &format!("/console/users/{me}/role"),
            &[(mine.as_str(), "moderator")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        app.store.user(&me).unwrap().unwrap().role,
        Role::Administrator
    );
    let a = admin
        .post(&format!("/console/users/{id}/remove"), &[])
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(goes_to_sign_in(&cora.get("/console").await));
    // An administrator cannot remove themselves.
    let a = admin
        .post(&format!("/console/users/{me}/remove"), &[])
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT);
}

#[actix_web::test]
async fn participant_pages_set_no_cookie_even_for_a_signed_in_staff_member() {
    let (app, b) = admin_app().await;
    app.setup_round("care", "spring", 5).await;
    for path in [
        "/",
        "/r/spring",
        "/r/spring/paper",
        "/helping",
        "/o/care",
        "/i/spring",
    ] {
        let a = b.get(path).await;
        assert!(a.headers.get("set-cookie").is_none(), "{path}");
    }
}

/// `parrhesia user add --admin` on a stopped server's store makes an
/// administrator who can sign in once it runs; what it stores passes
/// `parrhesia audit` (an Argon2id hash, a name and a role, nothing else).
#[actix_web::test]
async fn user_add_makes_an_administrator_on_a_stopped_server_who_can_sign_in() {
    use crate::process::{run, Server};
    let root = tempfile::tempdir().unwrap();
    let (ok, out) = run(
        &["user", "add", "--admin", "--username", "Root"],
        root.path(),
    );
    assert!(ok, "{out}");
    let password = out
        .split("Password (shown once): ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a printed password")
        .to_owned();
    let (ok, out) = run(
        &["user", "add", "--admin", "--username", "root"],
        root.path(),
    );
    assert!(!ok && out.contains("already"), "{out}");

    let server = Server::start(root.path());
    let b = Browser {
        address: server.api.address.clone(),
        client: awc::Client::builder().disable_redirects().finish(),
        cookie: None,
    };
    let a = b
        .post_signed_out(
            "/console/login",
            &[("username", "root"), ("password", password.as_str())],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // The set-up page is closed: an account exists.
    let setup = b
        .post_raw(
            "/console/setup",
            &[
                ("token", ADMIN_TOKEN),
                ("username", "x-admin"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(setup.status, StatusCode::FORBIDDEN);
    let printed = server.stop();
    assert!(!printed.contains(&password), "the password was logged");
    let (ok, inventory) = run(&["audit"], root.path());
    assert!(ok, "{inventory}");
    assert!(inventory.contains("users"), "{inventory}");
}

/// Coordinators see the recurring "Something else" phrases of sealed
/// periods and promote one to a theme (the admin API's functions).
#[actix_web::test]
async fn a_recurring_phrase_is_promoted_to_a_theme_from_the_console() {
    let (app, b) = admin_app().await;
    app.setup_round("care", "spring", 5).await;
    let texts = [
        "The parking permit for my carer ran out again.",
        "Nobody renews the parking permit on time.",
        "My daughter cannot visit without a parking permit.",
        "Parking permits take months, so visits stop.",
        "The parking permit office never answers.",
    ];
    // Ten critiques: a period that is published (its phrases are read).
    let codes = app.codes("spring", texts.len() + 5).await;
    for (i, code) in codes.iter().enumerate() {
        let (theme, text) = match texts.get(i) {
            Some(t) => ("something-else", *t),
            None => (
                "information",
                "Staff never send the minutes before meetings.",
            ),
        };
        let a = app
            .submit_json(
                "spring",
                serde_json::json!({"code": code, "themes": [theme], "text": text}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(7));
    let page = b.get("/console/rounds/spring/keyphrases").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("parking permit"), "{}", page.body);
    assert!(
        page.body.contains("In 5-9 critiques."),
        "banded: {}",
        page.body
    );
    let a = b
        .post(
            "/console/themes",
            &[
                ("from", "spring"),
                ("round", "spring"),
                ("label", "parking permit"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    let last = round.themes.last().unwrap();
    assert_eq!(
        (last.slug().as_str(), last.label()),
        ("parking-permit", "Parking permit")
    );
    // Twice: refused with an error on the form, nothing changed.
    let again = b
        .post(
            "/console/themes",
            &[
                ("from", "spring"),
                ("round", "spring"),
                ("label", "parking permit"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("error-summary") && again.body.contains("href=\"#target-"));
    assert_eq!(
        app.store.round("spring").unwrap().unwrap().themes.len(),
        round.themes.len()
    );
    assert!(app
        .store
        .staff_actions()
        .unwrap()
        .iter()
        .any(|a| a.action == "theme.promote"));
}

/// Moderators see only scrubbed text, with each removal marked, and
/// approve, edit or reject with a reason code (the admin API's functions).
#[actix_web::test]
async fn a_moderator_sees_scrubbed_quotes_with_highlights_and_decides_them() {
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    add_user(&app, "moderator", Role::Moderator, None).await;
    let b = sign_in(&app, "moderator").await;
    let page = b.get("/console/moderation").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        !page.body.contains("07700 900123"),
        "the raw number is shown"
    );
    assert!(page.body.contains("<mark>"), "no highlight");
    assert!(page.body.contains("[phone]"));
    assert!(!page.body.contains("PRIVATE") && !page.body.contains("HIDDEN THEME"));
    let mut ids: Vec<String> = page
        .body
        .split("action=\"/console/moderation/")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{ids:?}");
    // Rejecting without a reason: an error on that quote's reason.
    let reason = format!("reason-{}", ids[2]);
    let a = b
        .post(
            &format!("/console/moderation/{}", ids[2]),
            &[("decision", "reject"), (reason.as_str(), "")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains(&format!("href=\"#{reason}\"")));
    let a = b
        .post(
            &format!("/console/moderation/{}", ids[0]),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let text = format!("text-{}", ids[1]);
    let a = b
        .post(
            &format!("/console/moderation/{}", ids[1]),
            &[
                ("decision", "edit"),
                (text.as_str(), "Call me on 07700 900456 please."),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let a = b
        .post(
            &format!("/console/moderation/{}", ids[2]),
            &[("decision", "reject"), (reason.as_str(), "unclear")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert!(b
        .get("/console/moderation")
        .await
        .body
        .contains("No quotes are waiting."));
    let edited = app.store.quote(&ids[1]).unwrap().unwrap();
    let shown = serde_json::to_string(&edited.state).unwrap();
    assert!(
        !shown.contains("900456"),
        "the edit was not scrubbed: {shown}"
    );
    let log = app.store.staff_actions().unwrap();
    for what in ["quote.approve", "quote.edit", "quote.reject"] {
        let entry = log.iter().find(|a| a.action == what).expect(what);
        assert_eq!(entry.round.as_deref(), Some("spring"));
        assert_eq!(entry.subject, None, "nothing about the quote itself");
    }
}

/// Organisation users answer their own organisation's digest, and only
/// theirs; the public digest shows their response at once.
#[actix_web::test]
async fn an_organisation_user_answers_only_their_own_digest_and_the_public_page_shows_it() {
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    app.setup_round("other", "autumn", 3).await;
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let b = sign_in(&app, "carer").await;
    let space = b.get("/console/space").await;
    assert_eq!(space.status, StatusCode::OK, "{}", space.body);
    assert!(
        !space.body.contains("autumn"),
        "another organisation's round"
    );
    let field = "response-spring-2026-11-23-leadership";
    assert!(space.body.contains(field), "{}", space.body);
    let respond = |round: &'static str, text: &'static str| {
        let b = &b;
        async move {
            b.post(
                "/console/space/responses",
                &[
                    ("round", round),
                    ("period", "2026-11-23"),
                    ("theme", "leadership"),
                    (field, text),
                ],
            )
            .await
        }
    };
    let empty = respond("spring", "").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body.contains(&format!("href=\"#{field}\"")));
    let a = respond("spring", "Managers will join the group every month.").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let public = app.get("/o/care").await;
    assert!(public
        .body
        .contains("Managers will join the group every month."));
    // Another organisation's round is not theirs to answer.
    let a = respond("autumn", "Not ours.").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.body);
    // Pledges: add, then drop only with a reason.
    let a = b
        .post(
            "/console/space/pledges",
            &[
                ("round", "spring"),
                ("period", "2026-11-23"),
                ("pledge-theme-spring-2026-11-23", "leadership"),
                (
                    "pledge-text-spring-2026-11-23",
                    "A manager at every group meeting.",
                ),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let pledge = app.store.pledges_of("spring").unwrap().pop().unwrap();
    let status = format!("status-{}", pledge.id);
    let reason = format!("reason-{}", pledge.id);
    let path = format!("/console/space/pledges/{}", pledge.id);
    let a = b
        .post(
            &path,
            &[(status.as_str(), "dropped"), (reason.as_str(), "")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains(&format!("href=\"#{reason}\"")));
    let a = b
        .post(
            &path,
            &[
                (status.as_str(), "dropped"),
                (reason.as_str(), "The group closed."),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(
        app.store.pledge(&pledge.id).unwrap().unwrap().history.len(),
        2
    );
    // Host staff cannot write an organisation's answers.
    add_user(&app, "admin", Role::Administrator, None).await;
    let admin = sign_in(&app, "admin").await;
    assert_eq!(
        admin.get("/console/space").await.status,
        StatusCode::FORBIDDEN
    );
}

/// The fields of the theme editor for these (short name, name,
/// description) rows.
pub fn theme_rows(rows: &[(&str, &str, &str)]) -> Vec<(String, String)> {
    let mut fields = vec![("theme-rows".to_owned(), rows.len().to_string())];
    for (i, (slug, label, description)) in rows.iter().enumerate() {
        fields.push((format!("theme-{i}-slug"), (*slug).to_owned()));
        fields.push((format!("theme-{i}-label"), (*label).to_owned()));
        fields.push((format!("theme-{i}-description"), (*description).to_owned()));
    }
    fields
}

/// POST `fields` (empty values left out) to `path` with the console
/// cookie `cookie`, if any.
async fn post_with(
    b: &Browser,
    path: &str,
    cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> Answer {
    let b = Browser {
        address: b.address.clone(),
        client: b.client.clone(),
        cookie: cookie.map(str::to_owned),
    };
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    b.post_raw(path, &fields).await
}

/// Issue 16, item 10 (OWASP login CSRF): the sign-in and set-up forms are
/// refused unless they carry the token bound to the browser's pre-session
/// cookie, so another site cannot sign a browser in to the attacker's
/// account or use the set-up form; the Origin checks stay.
#[actix_web::test]
async fn sign_in_and_set_up_refuse_a_form_without_its_pre_session_token() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    // The set-up page binds a token to a random, console-only cookie.
    let page = b.get("/console/setup").await;
    let set = page.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set.ends_with("; Path=/console; HttpOnly; SameSite=Strict"),
        "{set}"
    );
    let (cookie, token) = presession(&b, "/console/setup").await;
    let (other, other_token) = presession(&b, "/console/setup").await;
    assert_eq!(cookie.len(), 64);
    assert_ne!(cookie, other, "pre-sessions are fresh for each browser");
    let setup = |csrf: &'static str| {
        [
            ("token", ADMIN_TOKEN),
            ("username", "root"),
            ("password", PASSWORD),
            ("csrf", csrf),
        ]
    };
    let (t, o): (&'static str, &'static str) = (token.clone().leak(), other_token.leak());
    let zeros = "0".repeat(64);
    for (c, f) in [
        (None, setup("")),
        (None, setup(t)),
        (Some(cookie.as_str()), setup("")),
        (Some(&cookie), setup(o)),
        (Some(&other), setup(t)),
        (Some(&cookie), setup(&t[..63])),
        (Some(&zeros), setup(t)),
    ] {
        let a = post_with(&b, "/console/setup", c, &f).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
        assert!(a.body.contains("This form has expired"));
        assert!(session_from(&a).is_none());
    }
    assert!(
        !app.store.has_users().unwrap(),
        "a forged set-up made an account"
    );
    // The Origin check stays, token or not.
    let req = b
        .client
        .post(format!("{}/console/setup", b.address))
        .insert_header(("Cookie", format!("parrhesia_console={cookie}")))
        .insert_header(("Origin", "https://attacker.example"))
        .content_type("application/x-www-form-urlencoded");
    let body = format!(
        "csrf={token}&token={ADMIN_TOKEN}&username=root&password={}",
        enc(PASSWORD)
    );
    assert_eq!(
        collect(req.send_body(body)).await.status,
        StatusCode::FORBIDDEN
    );
    // The real form works, and the session is a new value, never the
    // pre-session one (no fixation).
    let made = post_with(&b, "/console/setup", Some(&cookie), &setup(t)).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_ne!(session_from(&made).unwrap(), cookie);

    // Sign-in: the same, before any password work.
    let (cookie, token) = presession(&b, "/console/login").await;
    let sign_in = |csrf: &str| {
        [("username", "root"), ("password", PASSWORD), ("csrf", csrf)]
            .map(|(k, v)| (k, v.to_owned()))
    };
    let ff = "f".repeat(64);
    for (c, t) in [
        (None, ""),
        (None, token.as_str()),
        (Some(cookie.as_str()), ""),
        (Some(&cookie), &ff),
        (Some(&other), &token),
    ] {
        let f = sign_in(t);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let a = post_with(&b, "/console/login", c, &f).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
        assert!(session_from(&a).is_none());
    }
    let f = sign_in(&token);
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = post_with(&b, "/console/login", Some(&cookie), &f).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_ne!(session_from(&a).unwrap(), cookie);
}

/// Sealing a large period takes minutes, longer than nginx waits for an
/// answer (30 s): a close that outlasts the console's wait goes on by
/// itself, and the round's page says where it stands until it is sealed,
/// then what became of it, as a close that finished at once does.
#[actix_web::test]
async fn a_close_that_outlasts_the_wait_goes_on_and_the_round_page_follows_it() {
    let app = spawn_app_with(|c| c.close_wait = Duration::ZERO).await;
    add_user(&app, "admin", Role::Administrator, None).await;
    let b = sign_in(&app, "admin").await;
    app.setup_round("care", "spring", 5).await;
    for code in app.codes("spring", 10).await {
        let body = serde_json::json!({"code": code, "themes": ["leadership"], "text": "Nobody calls back."});
        let sent = app.submit_json("spring", body).await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
    }
    let a = b
        .post("/console/periods/close", &[("round", "spring")])
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let place = crate::second_factor::location(&a).to_owned();
    assert_eq!(
        place,
        "/console/rounds/spring?done=closing&period=2026-11-23"
    );
    let sealing = "23 to 26 November 2026 is being closed. A period with many comments can take \
                   some minutes to seal, and the close goes on if you leave this page.";
    let sealed = "23 to 26 November 2026 is closed. Its digest is published";
    let started = Instant::now();
    loop {
        let page = b.get(&place).await;
        assert_eq!(page.status, StatusCode::OK);
        if page.body.contains(sealed) {
            assert!(!page.body.contains(sealing), "{}", page.body);
            break;
        }
        assert!(page.body.contains(sealing), "neither notice: {}", page.body);
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the close never ended"
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    // Sealed once, by the one close, and recorded as the staff member's.
    let spring = parrhesia::domain::Slug::parse("spring", "round").unwrap();
    assert_eq!(app.store.sealed_periods(&spring).unwrap().len(), 1);
    let log = app.store.staff_actions().unwrap();
    assert_eq!(
        log.iter().filter(|a| a.action == "periods.close").count(),
        1,
        "{log:?}"
    );
    // The close page now says the period was closed early already.
    let twice = b
        .post("/console/periods/close", &[("round", "spring")])
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}
