//! The two store backends for the generic store suite: sled in the test's
//! own data directory, and PostgreSQL in a fresh database per test.
//!
//! PostgreSQL tests need a server: `PARRHESIA_TEST_POSTGRES` is the URL of
//! a database on it whose user may create databases. Without it they print
//! "skipped:" and the reason, and pass. `.ci/postgres.sh` (run by CI after
//! `cargo test`) starts a real cluster, sets it, runs them with their
//! output shown, and fails if any printed "skipped:" or did not run: in CI
//! they always run.

use crate::helpers::{spawn_app_with, TestApp};
use parrhesia::config::Config;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sled,
    Postgres,
}

/// The server's URL for PostgreSQL tests, or `None` (skip) with the reason
/// printed.
pub fn postgres_server() -> Option<String> {
    match std::env::var("PARRHESIA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!(
                "skipped: PARRHESIA_TEST_POSTGRES is unset (.ci/postgres.sh starts a server \
                 and runs these tests)"
            );
            None
        }
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

/// A server on `backend` (a fresh database for PostgreSQL), or `None` when
/// PostgreSQL is not available locally.
pub async fn spawn_on(backend: Backend) -> Option<TestApp> {
    spawn_on_with(backend, |_| {}).await
}

pub async fn spawn_on_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let store_url = match backend {
        Backend::Sled => None,
        Backend::Postgres => Some(fresh_database(&postgres_server()?)),
    };
    Some(
        spawn_app_with(move |c| {
            c.store_url = store_url;
            adjust(c);
        })
        .await,
    )
}

/// Instantiate each named `async fn(Backend)` once per backend, as
/// `sled::NAME` and `postgres::NAME`.
#[macro_export]
macro_rules! for_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sled {
            $(
                #[actix_web::test]
                async fn $name() {
                    super::$name($crate::backends::Backend::Sled).await
                }
            )*
        }
        mod postgres {
            $(
                #[actix_web::test]
                async fn $name() {
                    super::$name($crate::backends::Backend::Postgres).await
                }
            )*
        }
    };
}
