//! Test helpers: a fresh server per test on port 0, with its own data and key
//! directories and a clock the test sets by hand.

use awc::http::StatusCode;
use parrhesia::clock::{ManualClock, ManualSessionClock};
use parrhesia::config::Config;
use parrhesia::config::RateLimitOptions;
use parrhesia::startup::Application;
use parrhesia::store::Store;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tempfile::TempDir;
use time::{Date, Month};

pub const ADMIN_TOKEN: &str = "test-admin-token-0123456789abcdef";

/// Thursday 26 November 2026, in ISO week 48 (23-29 November).
pub fn thursday() -> Date {
    Date::from_calendar_date(2026, Month::November, 26).unwrap()
}

/// A client for one running server, in-process or not.
pub struct Api {
    pub address: String,
    pub client: awc::Client,
}

impl Api {
    pub fn new(address: String) -> Self {
        Self {
            address,
            client: client(),
        }
    }
}

/// An in-process server with a hand-set clock and a view of its store.
pub struct TestApp {
    pub api: Api,
    pub clock: ManualClock,
    /// The clock of staff sessions' time-outs (seconds).
    pub session_clock: ManualSessionClock,
    pub store: Store,
    /// The data and key directories (`data/`, `keys/`).
    pub dirs: TempDir,
    /// Runs a staff mail batch now (as the minute ticker does).
    pub mail: parrhesia::startup::MailBatches,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: awc::http::header::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

pub fn client() -> awc::Client {
    awc::Client::builder()
        .timeout(Duration::from_secs(60))
        .connector(awc::Connector::new().limit(0))
        .finish()
}

/// Limits so high that tests of other things never meet them (every test
/// client shares the address 127.0.0.1).
pub fn unlimited() -> RateLimitOptions {
    RateLimitOptions {
        trusted_proxies: Vec::new(),
        code_attempts_per_minute: 1_000_000,
        admin_attempts_per_minute: 1_000_000,
        login_attempts_per_minute: 1_000_000,
        sign_ins_per_minute: 1_000_000,
        token_issuance_per_minute: 1_000_000,
        posts_per_second: 1_000_000,
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A server whose configuration `adjust` changes first (rate limits start
/// at [`unlimited`]).
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let dirs = tempfile::tempdir().unwrap();
    let keys = dirs.path().join("keys");
    let mut config = Config::new(dirs.path().join("data"), keys.clone());
    config.bind = "127.0.0.1:0".into();
    config.admin_token = Some(ADMIN_TOKEN.into());
    config.rate_limits = unlimited();
    // `.ci/postgres.sh` runs the whole suite once more with every in-process
    // server on a fresh PostgreSQL database.
    if let Ok(server) = std::env::var("PARRHESIA_TEST_ALL_ON_POSTGRES") {
        config.store_url = Some(crate::backends::fresh_database(&server));
    }
    adjust(&mut config);
    let clock = ManualClock::new(thursday());
    let session_clock = ManualSessionClock::default();
    let app = Application::build_with(
        config,
        Arc::new(clock.clone()),
        Arc::new(session_clock.clone()),
    )
    .await
    .expect("server builds");
    let address = format!("http://{}", app.address());
    let store = app.store();
    let mail = app.mail_batches();
    actix_web::rt::spawn(app.run_until_stopped());
    TestApp {
        api: Api::new(address),
        clock,
        session_clock,
        store,
        dirs,
        mail,
    }
}

/// Send and read the whole answer.
pub async fn collect(send: awc::SendClientRequest) -> Answer {
    let mut res = send.await.expect("request completes");
    let body = res.body().limit(4 * 1024 * 1024).await.expect("body");
    Answer {
        status: res.status(),
        headers: res.headers().clone(),
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

impl std::ops::Deref for TestApp {
    type Target = Api;
    fn deref(&self) -> &Api {
        &self.api
    }
}

impl TestApp {
    /// Stored critiques and spent codes, read from the store itself.
    pub fn stored(&self) -> (usize, usize) {
        (
            self.store.critique_count().unwrap(),
            self.store.spent_code_count().unwrap(),
        )
    }
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Answer {
        collect(self.client.get(self.url(path)).send()).await
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> Answer {
        collect(
            self.client
                .post(self.url(path))
                .bearer_auth(ADMIN_TOKEN)
                .send_json(&body),
        )
        .await
    }

    /// The host's view of `round` after sealing every open period, so its
    /// counts are exact (open periods are only shown in bands); the
    /// period must hold enough critiques to be closed early.
    pub async fn sealed_round(&self, round: &str) -> Value {
        let (stats, closed) = self.close_and_read(round).await;
        assert!(closed, "{round}'s open period was not closed: {stats}");
        stats
    }

    /// The host's view of `round` after closing every open period that may
    /// be closed early now, and whether `round`'s was (or had nothing
    /// open).
    pub async fn close_and_read(&self, round: &str) -> (Value, bool) {
        self.close_and_read_within(round, Duration::from_secs(60))
            .await
    }

    /// [`Api::close_and_read`], waiting up to `wait` for the close:
    /// closing answers once the period is sealed, which takes time in
    /// proportion to its size (the soak's 200,000 critiques take about a
    /// minute on CI's machine: the rewrite of their mixing epoch, then the
    /// sealing).
    pub async fn close_and_read_within(&self, round: &str, wait: Duration) -> (Value, bool) {
        let closed = collect(
            self.client
                .post(self.url("/api/v1/admin/periods/close"))
                .bearer_auth(ADMIN_TOKEN)
                .timeout(wait)
                .send_json(&json!({})),
        )
        .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        let refused = closed.json()["refused"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["round"] == round);
        let stats = self
            .admin_get(&format!("/api/v1/admin/rounds/{round}"))
            .await
            .json();
        (stats, !refused)
    }

    pub async fn admin_get(&self, path: &str) -> Answer {
        collect(
            self.client
                .get(self.url(path))
                .bearer_auth(ADMIN_TOKEN)
                .send(),
        )
        .await
    }

    pub async fn admin_patch(&self, path: &str, body: Value) -> Answer {
        collect(
            self.client
                .patch(self.url(path))
                .bearer_auth(ADMIN_TOKEN)
                .send_json(&body),
        )
        .await
    }

    /// An organisation `org` with a round `round` (k = `k`).
    pub async fn setup_round(&self, org: &str, round: &str, k: u32) {
        let a = self
            .admin_post(
                "/api/v1/admin/organisations",
                json!({"slug": org, "name": format!("{org} services")}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        let a = self
            .admin_post(
                "/api/v1/admin/rounds",
                json!({"slug": round, "organisation": org, "title": "How are we doing?", "min_group": k}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }

    /// Let a small period publish: the least `min_period` the rules allow
    /// (2k - 1), set before the round opens.
    pub async fn publish_small_periods(&self, round: &str, k: u32) {
        let a = self
            .admin_patch(
                &format!("/api/v1/admin/rounds/{round}"),
                json!({ "min_period": 2 * k - 1 }),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }

    pub async fn codes(&self, round: &str, count: usize) -> Vec<String> {
        let a = self
            .admin_post(
                &format!("/api/v1/admin/rounds/{round}/codes"),
                json!({ "count": count }),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        a.json()["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    }

    pub async fn submit_json(&self, round: &str, body: Value) -> Answer {
        collect(
            self.client
                .post(self.url(&format!("/api/v1/rounds/{round}/critiques")))
                .send_json(&body),
        )
        .await
    }

    pub async fn submit_form(&self, round: &str, body: &str) -> Answer {
        collect(
            self.client
                .post(self.url(&format!("/r/{round}")))
                .content_type("application/x-www-form-urlencoded")
                .send_body(body.to_owned()),
        )
        .await
    }
}

/// Percent-encode a form value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `<input ...>` (or `<textarea ...>`) tag with this id in a page.
pub fn input_tag<'a>(page: &'a str, id: &str) -> &'a str {
    let at = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} on the page"));
    let start = page[..at].rfind('<').unwrap();
    let end = at + page[at..].find('>').unwrap();
    &page[start..=end]
}
