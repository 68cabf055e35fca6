//! The two store backends for the generic store suite: the embedded store in the test's
//! own data directory, and PostgreSQL in a fresh database per test.
//!
//! PostgreSQL tests need a server: `PARRHESIA_TEST_POSTGRES` is the URL of
//! a database on it whose user may create databases. They are `#[ignore]`d,
//! so a plain `cargo test` reports them as ignored (never as passed), and
//! without the variable they fail rather than skip. `.ci/postgres.sh` (run
//! by CI after `cargo test`) starts a real cluster, sets the variable, runs
//! them with `--include-ignored`, and fails unless every one of them ran
//! and passed.

use crate::helpers::{spawn_app_with, TestApp};
use parrhesia::config::Config;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Embedded,
    Postgres,
}

/// The server's URL for PostgreSQL tests. Panics without one: a test that
/// needs PostgreSQL and runs without it fails, it never passes unrun.
pub fn postgres_server() -> String {
    match std::env::var("PARRHESIA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "PARRHESIA_TEST_POSTGRES is unset: this test needs a PostgreSQL server \
             (.ci/postgres.sh starts one and runs the PostgreSQL tests)"
        ),
    }
}

/// Run `sql` on the server at `url` from a plain thread (the synchronous
/// client must not run inside the test's async runtime).
pub fn sql(url: &str, statement: &str) -> Vec<postgres::Row> {
    let (url, statement) = (url.to_owned(), statement.to_owned());
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        c.query(statement.as_str(), &[]).expect("query")
    })
    .join()
    .expect("sql thread")
}

/// A new, empty database on the test server: its URL.
pub fn fresh_database(server: &str) -> String {
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    sql(server, &format!("CREATE DATABASE {name}"));
    let (base, _) = server.rsplit_once('/').expect("a URL with a database name");
    format!("{base}/{name}")
}

/// A server on `backend` (a fresh database for PostgreSQL).
pub async fn spawn_on(backend: Backend) -> TestApp {
    spawn_on_with(backend, |_| {}).await
}

pub async fn spawn_on_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let store_url = match backend {
        Backend::Embedded => None,
        Backend::Postgres => Some(fresh_database(&postgres_server())),
    };
    spawn_app_with(move |c| {
        c.store_url = store_url;
        adjust(c);
    })
    .await
}

/// Instantiate each named `async fn(Backend)` once per backend, as
/// `embedded::NAME` and `postgres::NAME` (the latter `#[ignore]`d: see the
/// module's paragraph).
#[macro_export]
macro_rules! for_both_backends {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[actix_web::test]
                async fn $name() {
                    super::$name($crate::backends::Backend::Embedded).await
                }
            )*
        }
        mod postgres {
            $(
                #[actix_web::test]
                #[ignore = "needs PostgreSQL (PARRHESIA_TEST_POSTGRES); .ci/postgres.sh runs it"]
                async fn $name() {
                    super::$name($crate::backends::Backend::Postgres).await
                }
            )*
        }
    };
}
