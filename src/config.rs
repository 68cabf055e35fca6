//! Configuration: command-line flags and `PARRHESIA_*` environment variables
//! (clap reads both; a flag wins over the environment), validated into
//! [`Config`].

use crate::http::ratelimit::RateLimitOptions;
use crate::store::StoreOptions;
use std::path::PathBuf;
use std::time::Duration;

/// Validated settings for one server.
#[derive(Clone)]
pub struct Config {
    /// Where the store lives (`PARRHESIA_DATA`).
    pub data_dir: PathBuf,
    /// Where secrets live, outside the data directory (`PARRHESIA_KEYS`).
    pub keys_dir: PathBuf,
    /// Address to listen on (`PARRHESIA_BIND`); port 0 picks a free one.
    pub bind: String,
    /// The address people type, printed on cards (`PARRHESIA_PUBLIC_URL`).
    /// Defaults to `http://` and the bound address.
    pub public_url: Option<String>,
    /// The admin bearer token (`PARRHESIA_ADMIN_TOKEN`). When unset, one is
    /// generated on first start, printed once, and only its hash is kept.
    pub admin_token: Option<String>,
    /// Seed the demo organisation and round and print fresh codes.
    pub demo: bool,
    /// Privacy Pass issuer name in token challenges (`PARRHESIA_ISSUER_NAME`,
    /// RFC 9577 §2.1). Defaults to the host of the public address.
    pub issuer_name: Option<String>,
    /// Privacy Pass origin name in token challenges (`PARRHESIA_ORIGIN_NAME`,
    /// the challenge's `origin_info`). Defaults to the host of the public
    /// address.
    pub origin_name: Option<String>,
    pub store: StoreOptions,
    /// Rate limits and the trusted proxies (`PARRHESIA_TRUSTED_PROXY`).
    pub rate_limits: RateLimitOptions,
    /// Always send `Strict-Transport-Security` (`PARRHESIA_HSTS`); without
    /// it, HSTS is sent only when a trusted proxy says the client used TLS.
    pub hsts: bool,
    /// How long a client may take to send a request's head, and its body;
    /// slower clients are cut off (408).
    pub client_timeout: Duration,
}

/// Shortest admin token accepted from the environment.
pub const MIN_ADMIN_TOKEN_LEN: usize = 24;

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("keys_dir", &self.keys_dir)
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("admin_token", &self.admin_token.as_ref().map(|_| "<set>"))
            .field("demo", &self.demo)
            .field("rate_limits", &self.rate_limits)
            .field("hsts", &self.hsts)
            .field("client_timeout", &self.client_timeout)
            .field("issuer_name", &self.issuer_name)
            .field("origin_name", &self.origin_name)
            .finish()
    }
}

impl Config {
    /// Settings for a server with everything at its default but the
    /// directories (used by tests and as the base for the CLI).
    pub fn new(data_dir: PathBuf, keys_dir: PathBuf) -> Self {
        Self {
            data_dir,
            keys_dir,
            bind: "127.0.0.1:8080".into(),
            public_url: None,
            admin_token: None,
            demo: false,
            issuer_name: None,
            origin_name: None,
            store: StoreOptions::default(),
            rate_limits: RateLimitOptions::default(),
            hsts: false,
            client_timeout: Duration::from_secs(10),
        }
    }

    /// Check what cannot be checked by type alone.
    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(t) = &self.admin_token {
            if t.len() < MIN_ADMIN_TOKEN_LEN || !t.bytes().all(|b| b.is_ascii_graphic()) {
                anyhow::bail!(
                    "PARRHESIA_ADMIN_TOKEN must be at least {MIN_ADMIN_TOKEN_LEN} printable \
                     characters without spaces; unset it to have one generated"
                );
            }
        }
        if let Some(u) = &self.public_url {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                anyhow::bail!("PARRHESIA_PUBLIC_URL must start with http:// or https://");
            }
        }
        for (name, value) in [
            ("PARRHESIA_ISSUER_NAME", &self.issuer_name),
            ("PARRHESIA_ORIGIN_NAME", &self.origin_name),
        ] {
            if let Some(v) = value {
                // RFC 9577 §2.1: names are ASCII host names; a comma would
                // split origin_info into two origins.
                let ok = !v.is_empty()
                    && v.len() <= 255
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
                if !ok {
                    anyhow::bail!(
                        "{name} must be a host name such as feedback.example.org (letters, \
                         digits, '-', '.', optionally ':port')"
                    );
                }
            }
        }
        Ok(())
    }
}

/// The host (and port) of a URL such as `https://feedback.example.org/x`.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}
