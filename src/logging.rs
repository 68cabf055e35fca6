//! Where log lines go and which ones are kept.
//!
//! Lines go to standard error without timestamps: a line's time could
//! otherwise be matched to a person's visit (guarantee 1). `PARRHESIA_LOG`
//! (error, warn, info, debug, trace; default info) sets the level of our own
//! targets only. Every other target — actix, h2, mio, the PostgreSQL client,
//! sled — is capped at info whatever `PARRHESIA_LOG` says: below info they
//! describe single requests (body sizes, connection events, statements), and
//! journald would give each of those lines a timestamp on disk.

use tracing::Level;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Our own targets: every module path of this crate starts with it.
const OWN_TARGET: &str = "parrhesia";

/// The most detail any dependency may log.
const DEPENDENCY_CAP: Level = Level::INFO;

/// The level `PARRHESIA_LOG` asks for (`info` when unset or unreadable).
pub fn level_from(setting: Option<&str>) -> Level {
    setting
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(Level::INFO)
}

/// Which targets log at `level`: ours at `level`, everyone else's at
/// `level` or info, whichever logs less.
pub fn filter(level: Level) -> Targets {
    // `Level` orders by verbosity: TRACE is the greatest.
    Targets::new()
        .with_target(OWN_TARGET, level)
        .with_default(LevelFilter::from_level(level.min(DEPENDENCY_CAP)))
}

/// Install the subscriber for this process, reading `PARRHESIA_LOG`.
pub fn init() {
    let level = level_from(std::env::var("PARRHESIA_LOG").ok().as_deref());
    let lines = tracing_subscriber::fmt::layer()
        .without_time()
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    // A second `init` (tests) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(lines)
        .with(filter(level))
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Targets our dependencies log under (module paths of their crates).
    const DEPENDENCY_TARGETS: &[&str] = &[
        "actix_http::h1::dispatcher",
        "actix_http::h1::decoder",
        "actix_server::worker",
        "actix_server::accept",
        "actix_web::middleware",
        "actix_router::resource",
        "actix_codec::framed",
        "h2::codec::framed_read",
        "h2::proto::connection",
        "mio::poll",
        "tokio_postgres::prepare",
        "tokio_postgres::query",
        "postgres::config",
        "sled::pagecache",
        "awc::client",
        "privacypass",
    ];

    #[test]
    fn dependency_targets_never_log_below_info_whatever_parrhesia_log_says() {
        for setting in ["trace", "TRACE", "debug", "info", "5", "nonsense"] {
            let filter = filter(level_from(Some(setting)));
            for target in DEPENDENCY_TARGETS {
                for detail in [Level::DEBUG, Level::TRACE] {
                    assert!(
                        !filter.would_enable(target, &detail),
                        "PARRHESIA_LOG={setting} lets {target} log at {detail}"
                    );
                }
            }
        }
        // At trace, dependencies still say what matters (info and above).
        let filter = filter(Level::TRACE);
        for target in DEPENDENCY_TARGETS {
            assert!(filter.would_enable(target, &Level::INFO), "{target}");
            assert!(filter.would_enable(target, &Level::ERROR), "{target}");
        }
    }

    #[test]
    fn our_own_targets_follow_parrhesia_log_and_the_cap_only_ever_lowers() {
        let at = |setting: &str| filter(level_from(Some(setting)));
        assert!(at("trace").would_enable("parrhesia::http::ratelimit", &Level::TRACE));
        assert!(at("debug").would_enable("parrhesia::store", &Level::DEBUG));
        assert!(!at("debug").would_enable("parrhesia::store", &Level::TRACE));
        assert!(!at("info").would_enable("parrhesia::cli", &Level::DEBUG));
        assert!(at("info").would_enable("parrhesia::cli", &Level::INFO));
        // Quieter than info: dependencies are as quiet as we are.
        let warn = at("warn");
        assert!(!warn.would_enable("parrhesia::cli", &Level::INFO));
        assert!(!warn.would_enable("actix_server::worker", &Level::INFO));
        assert!(warn.would_enable("actix_server::worker", &Level::WARN));
        assert!(!at("error").would_enable("h2::proto", &Level::WARN));
        // Unset or unreadable: info.
        assert_eq!(level_from(None), Level::INFO);
        assert_eq!(level_from(Some("loud")), Level::INFO);
    }
}
