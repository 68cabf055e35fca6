//! Configuration: a TOML file (`--config` / `PARRHESIA_CONFIG`), then
//! `PARRHESIA_*` environment variables, then command-line flags, each
//! overriding the one before; validated into [`Config`].
//!
//! One struct, [`Settings`], is at once the TOML schema (unknown keys are
//! rejected), the set of `serve` flags and environment variables (clap), and
//! what `parrhesia config check` prints. To add a setting: add a field to
//! [`Settings`] (with its `#[arg]`), give it a default in
//! [`Settings::defaults`] if it has one, and read it in
//! [`Settings::into_config`]; if it is a secret, list it in [`SECRETS`].
//! Layers are merged generically, so nothing else changes.

mod rate_limits;

pub use crate::metrics::DEFAULT_METRICS_PUBLISH_SECS;
pub use rate_limits::RateLimitOptions;

use crate::store::{EpochOptions, Location, StoreOptions};
use anyhow::Context;
use clap::parser::ValueSource;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Validated settings for one server.
#[derive(Clone)]
pub struct Config {
    /// Where the store lives (`PARRHESIA_DATA`).
    pub data_dir: PathBuf,
    /// The store (`PARRHESIA_STORE`): `None`, `embedded` or `sled` (its
    /// old name) for the embedded store in `data_dir` (the default), or a `postgres://` URL for PostgreSQL.
    pub store_url: Option<String>,
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
    /// Where to serve Prometheus `/metrics` (`PARRHESIA_METRICS_BIND`); off
    /// when `None`. A separate listener, so the public proxy never reaches it.
    pub metrics_bind: Option<String>,
    /// How often the activity counters shown on `/metrics` are refreshed
    /// (`PARRHESIA_METRICS_PUBLISH_SECS`): coarse, so a monitoring system's
    /// stored samples do not time individual submissions.
    pub metrics_publish: Duration,
    pub store: StoreOptions,
    /// Rate limits and the trusted proxies (`PARRHESIA_TRUSTED_PROXY`).
    pub rate_limits: RateLimitOptions,
    /// Always send `Strict-Transport-Security` (`PARRHESIA_HSTS`); without
    /// it, HSTS is sent only when a trusted proxy says the client used TLS.
    pub hsts: bool,
    /// Administrators must have a second factor
    /// (`PARRHESIA_SECOND_FACTOR_FOR_ADMINISTRATORS`): one without it who
    /// signs in is sent to enrol before reaching anything else.
    pub second_factor_for_administrators: bool,
    /// How long a client may take to send a request's head, and its body;
    /// slower clients are cut off (408).
    pub client_timeout: Duration,
    /// How long the console's close waits for the sealing before it shows
    /// the round with the close still under way (not a setting: sealing a
    /// period of 1,000,000 takes over a minute, and the shipped nginx gives
    /// up on an answer after 30 s; tests shorten it).
    pub close_wait: Duration,
    /// Privacy Pass issuer name in token challenges (`PARRHESIA_ISSUER_NAME`,
    /// RFC 9577 §2.1). Defaults to the host of the public address.
    pub issuer_name: Option<String>,
    /// Privacy Pass origin name in token challenges (`PARRHESIA_ORIGIN_NAME`,
    /// the challenge's `origin_info`). Defaults to the host of the public
    /// address.
    pub origin_name: Option<String>,
    /// The witnesses whose cosignatures of the log's checkpoints the server
    /// accepts and publishes (`PARRHESIA_WITNESSES`): verifier keys in the
    /// c2sp.org/signed-note form, of type cosignature/v1.
    pub witnesses: Vec<String>,
    /// A directory of message files that change the shipped wording for
    /// this instance (`PARRHESIA_MESSAGES`, see `locales/README.md`).
    pub messages_dir: Option<PathBuf>,
    /// Staff mail (`PARRHESIA_SMTP_*`); off when no host is set.
    pub smtp: Option<crate::mail::SmtpConfig>,
    /// HTTP worker threads; `None` is actix's default (one per physical
    /// core). Not a setting operators are offered: tests use it to serve
    /// from one worker, where a request that held its worker would hold up
    /// every other.
    pub workers: Option<usize>,
}

/// Shortest admin token accepted from the environment.
pub const MIN_ADMIN_TOKEN_LEN: usize = 24;

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field(
                "store",
                &self.store_url.as_deref().map(crate::store::mask_password),
            )
            .field("keys_dir", &self.keys_dir)
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("admin_token", &self.admin_token.as_ref().map(|_| "<set>"))
            .field("demo", &self.demo)
            .field("metrics_bind", &self.metrics_bind)
            .field("metrics_publish", &self.metrics_publish)
            .field("rate_limits", &self.rate_limits)
            .field("hsts", &self.hsts)
            .field(
                "second_factor_for_administrators",
                &self.second_factor_for_administrators,
            )
            .field("client_timeout", &self.client_timeout)
            .field("close_wait", &self.close_wait)
            .field("issuer_name", &self.issuer_name)
            .field("origin_name", &self.origin_name)
            .field("witnesses", &self.witnesses)
            .field("messages_dir", &self.messages_dir)
            .field("smtp", &self.smtp)
            .finish()
    }
}

impl Config {
    /// Settings for a server with everything at its default but the
    /// directories (used by tests and as the base for the CLI).
    pub fn new(data_dir: PathBuf, keys_dir: PathBuf) -> Self {
        Self {
            data_dir,
            store_url: None,
            keys_dir,
            bind: "127.0.0.1:8080".into(),
            public_url: None,
            admin_token: None,
            demo: false,
            metrics_bind: None,
            metrics_publish: Duration::from_secs(DEFAULT_METRICS_PUBLISH_SECS),
            store: StoreOptions::default(),
            rate_limits: RateLimitOptions::default(),
            hsts: false,
            second_factor_for_administrators: false,
            client_timeout: Duration::from_secs(10),
            close_wait: Duration::from_secs(10),
            issuer_name: None,
            origin_name: None,
            witnesses: Vec::new(),
            messages_dir: None,
            smtp: None,
            workers: None,
        }
    }

    /// Where the store lives: embedded in the data directory, or PostgreSQL.
    pub fn location(&self) -> anyhow::Result<Location> {
        Location::parse(self.store_url.as_deref(), &self.data_dir).ok_or_else(|| {
            anyhow::anyhow!(
                "PARRHESIA_STORE must be `embedded` (the default; `sled` is its old name) or a \
                 PostgreSQL URL starting with postgres:// or postgresql://"
            )
        })
    }

    /// Check what cannot be checked by type alone.
    pub fn validate(&self) -> anyhow::Result<()> {
        self.location()?;
        let e = self.store.noise_epsilon;
        if !(e == 0.0 || crate::digest::disclosure::Noise::new(e).is_some()) {
            anyhow::bail!("PARRHESIA_NOISE_EPSILON must be 0 (no noise) or more than 0 up to 10");
        }
        if let Some(n) = self.store.epochs.min_critiques {
            if !(2..=1000).contains(&n) {
                anyhow::bail!(
                    "PARRHESIA_EPOCH_MIN_CRITIQUES must be 0 (the round's k) or 2 to 1000: \
                     an epoch of one critique would pair it with its code"
                );
            }
        }
        if let Some(t) = &self.admin_token {
            if t.len() < MIN_ADMIN_TOKEN_LEN || !t.bytes().all(|b| b.is_ascii_graphic()) {
                anyhow::bail!(
                    "PARRHESIA_ADMIN_TOKEN must be at least {MIN_ADMIN_TOKEN_LEN} printable \
                     characters without spaces; unset it to have one generated"
                );
            }
        }
        for w in &self.witnesses {
            let ok = crate::audit::note::Verifier::parse(w)
                .is_ok_and(|v| v.kind == crate::audit::note::COSIGNATURE_V1);
            if !ok {
                anyhow::bail!(
                    "PARRHESIA_WITNESSES: {w:?} is not a witness's verifier key \
                     (name+keyid+key of type cosignature/v1, as `parrhesia witness key` prints it)"
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
        // (Port 0 picks a fresh port for each listener, so it never clashes.)
        if self.metrics_bind.as_deref() == Some(self.bind.as_str()) && !self.bind.ends_with(":0") {
            anyhow::bail!(
                "PARRHESIA_METRICS_BIND must differ from PARRHESIA_BIND: metrics have their \
                 own listener so the public proxy never reaches them"
            );
        }
        Ok(())
    }
}

/// Settings whose values `config check` never prints.
pub const SECRETS: &[&str] = &["admin_token"];

/// One layer of settings (the file, or the environment and flags), and the
/// schema of the TOML file. Every field is optional: an absent one leaves
/// the layer below in force.
#[derive(clap::Args, Serialize, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A TOML file of settings; environment variables and flags override it.
    #[arg(long = "config", env = "PARRHESIA_CONFIG")]
    #[serde(skip)]
    pub config: Option<PathBuf>,
    /// Data directory (the store). Default ./parrhesia-data.
    #[arg(long = "data", env = "PARRHESIA_DATA")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<PathBuf>,
    /// The store: `embedded` (default, in the data directory; `sled` is its
    /// old name) or a PostgreSQL
    /// URL (postgres://user@host/db) shared by several instances. Prefer
    /// the variable or the file to the flag when the URL holds a password.
    #[arg(long = "store", env = "PARRHESIA_STORE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    /// Key directory (secrets), kept outside the data directory. Default
    /// ./parrhesia-keys.
    #[arg(long = "keys", env = "PARRHESIA_KEYS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<PathBuf>,
    /// Address to listen on. Default 127.0.0.1:8080.
    #[arg(long = "bind", env = "PARRHESIA_BIND")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    /// Public address of the service, printed on code cards.
    #[arg(long = "public-url", env = "PARRHESIA_PUBLIC_URL")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Seed a demo organisation and round and print ten fresh codes.
    #[arg(
        long = "demo",
        num_args = 0,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demo: Option<bool>,
    /// Address for the Prometheus /metrics listener (off when unset); keep
    /// it on loopback or a private network.
    #[arg(long = "metrics-bind", env = "PARRHESIA_METRICS_BIND")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics_bind: Option<String>,
    /// Seconds between refreshes of the activity counters on /metrics.
    /// Default 3600.
    #[arg(long = "metrics-publish-secs", env = "PARRHESIA_METRICS_PUBLISH_SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics_publish_secs: Option<u64>,
    /// A reverse proxy whose Forwarded / X-Forwarded-For / X-Forwarded-Proto
    /// headers are believed (repeatable; the variable is comma-separated).
    #[arg(
        long = "trusted-proxy",
        env = "PARRHESIA_TRUSTED_PROXY",
        value_name = "ADDR",
        value_delimiter = ','
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trusted_proxy: Option<Vec<IpAddr>>,
    /// Always send Strict-Transport-Security (serve only over TLS).
    #[arg(
        long = "hsts",
        env = "PARRHESIA_HSTS",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hsts: Option<bool>,
    /// Administrators must sign in with a second factor (TOTP): one
    /// without it is sent to enrol before reaching anything else.
    #[arg(
        long = "second-factor-for-administrators",
        env = "PARRHESIA_SECOND_FACTOR_FOR_ADMINISTRATORS",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_factor_for_administrators: Option<bool>,
    /// Failed paper codes and Privacy Pass tokens (unknown, used or not
    /// verifying) per client per minute; good ones never count. Default 30.
    #[arg(long, env = "PARRHESIA_CODE_ATTEMPTS_PER_MINUTE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_attempts_per_minute: Option<u32>,
    /// Privacy Pass token requests per client per minute. Default 10.
    #[arg(long, env = "PARRHESIA_TOKEN_REQUESTS_PER_MINUTE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_requests_per_minute: Option<u32>,
    /// Admin API requests (and witnesses' cosignature posts) per client
    /// per minute. Default 60.
    #[arg(long, env = "PARRHESIA_ADMIN_ATTEMPTS_PER_MINUTE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_attempts_per_minute: Option<u32>,
    /// Console sign-in attempts per client, and per account, per minute.
    /// Default 10.
    #[arg(long, env = "PARRHESIA_LOGIN_ATTEMPTS_PER_MINUTE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_attempts_per_minute: Option<u32>,
    /// Console sign-ins per minute from all clients together (bounds the
    /// Argon2id work). Default 120.
    #[arg(long, env = "PARRHESIA_MAX_SIGN_INS_PER_MINUTE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_sign_ins_per_minute: Option<u32>,
    /// POST requests per second across all clients (size to the writer's
    /// commit capacity, see BENCHMARKS.md). Default 5000.
    #[arg(long, env = "PARRHESIA_MAX_POSTS_PER_SECOND")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_posts_per_second: Option<u32>,
    /// Privacy budget ε of the noise added, once per release, to the
    /// cross-organisation theme totals (`/themes`): 0 (no noise) or more
    /// than 0 up to 10. Default 1.
    #[arg(long = "noise-epsilon", env = "PARRHESIA_NOISE_EPSILON")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noise_epsilon: Option<f64>,
    /// Seconds a mixing epoch stays open at least before its records are
    /// rewritten in key order (SECURITY.md, guarantee 3). Default 3600.
    #[arg(long = "epoch-min-secs", env = "PARRHESIA_EPOCH_MIN_SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epoch_min_secs: Option<u64>,
    /// Critiques a round needs in a mixing epoch before they are rewritten:
    /// 0 (the round's smallest published group, k) or 2 to 1000. Default 0.
    #[arg(long = "epoch-min-critiques", env = "PARRHESIA_EPOCH_MIN_CRITIQUES")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epoch_min_critiques: Option<u64>,
    /// Privacy Pass issuer name in token challenges. Default: the public
    /// address's host.
    #[arg(long = "issuer-name", env = "PARRHESIA_ISSUER_NAME")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// Privacy Pass origin name in token challenges. Default: the public
    /// address's host.
    #[arg(long = "origin-name", env = "PARRHESIA_ORIGIN_NAME")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_name: Option<String>,
    /// A witness whose cosignatures of the log's checkpoints are accepted
    /// and published: its verifier key (repeatable; the variable is
    /// comma-separated).
    #[arg(
        long = "witness",
        env = "PARRHESIA_WITNESSES",
        value_name = "VKEY",
        value_delimiter = ','
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub witness: Option<Vec<String>>,
    /// A directory of message files (`<language>/standard.ftl`,
    /// `<language>/easy-read.ftl`) that change the shipped wording for this
    /// instance, checked at start-up. Keep it beside the config file.
    #[arg(long = "messages", env = "PARRHESIA_MESSAGES")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messages: Option<PathBuf>,
    /// Mail server for staff mail (off when unset).
    #[arg(long = "smtp-host", env = "PARRHESIA_SMTP_HOST")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_host: Option<String>,
    /// Mail server port. Default 587 (starttls), 465 (tls) or 25 (none).
    #[arg(long = "smtp-port", env = "PARRHESIA_SMTP_PORT")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_port: Option<u16>,
    /// starttls (default), tls (implicit TLS) or none (only to a mail
    /// server on this machine).
    #[arg(long = "smtp-security", env = "PARRHESIA_SMTP_SECURITY")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_security: Option<String>,
    /// User name for the mail server (with a password file).
    #[arg(long = "smtp-user", env = "PARRHESIA_SMTP_USER")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_user: Option<String>,
    /// A file holding the mail server's password (one line), readable only
    /// by the service. The password itself is never a setting.
    #[arg(long = "smtp-password-file", env = "PARRHESIA_SMTP_PASSWORD_FILE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_password_file: Option<PathBuf>,
    /// An extra trusted root certificate (PEM) for the mail server.
    #[arg(long = "smtp-ca-file", env = "PARRHESIA_SMTP_CA_FILE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_ca_file: Option<PathBuf>,
    /// The From address of staff mail, e.g. "Parrhesia <parrhesia@example.org>".
    #[arg(long = "smtp-sender", env = "PARRHESIA_SMTP_SENDER")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_sender: Option<String>,
    /// The admin token: from the file or `PARRHESIA_ADMIN_TOKEN`, never a
    /// flag (a flag would show in the process list).
    #[arg(skip)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_token: Option<String>,
}

/// Where a setting's effective value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    Environment,
    Flag,
}

impl Origin {
    fn label(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::File => "config file",
            Self::Environment => "environment",
            Self::Flag => "flag",
        }
    }
}

/// The merged settings and where each came from.
pub struct Effective {
    values: Map<String, Value>,
    origins: Vec<(String, Origin)>,
    pub file: Option<PathBuf>,
}

impl Settings {
    /// The defaults, as a layer.
    fn defaults() -> Self {
        let limits = RateLimitOptions::default();
        Self {
            data: Some("./parrhesia-data".into()),
            keys: Some("./parrhesia-keys".into()),
            bind: Some("127.0.0.1:8080".into()),
            demo: Some(false),
            metrics_publish_secs: Some(DEFAULT_METRICS_PUBLISH_SECS),
            trusted_proxy: Some(Vec::new()),
            witness: Some(Vec::new()),
            hsts: Some(false),
            second_factor_for_administrators: Some(false),
            code_attempts_per_minute: Some(limits.code_attempts_per_minute),
            token_requests_per_minute: Some(limits.token_issuance_per_minute),
            admin_attempts_per_minute: Some(limits.admin_attempts_per_minute),
            login_attempts_per_minute: Some(limits.login_attempts_per_minute),
            max_sign_ins_per_minute: Some(limits.sign_ins_per_minute),
            max_posts_per_second: Some(limits.posts_per_second),
            noise_epsilon: Some(1.0),
            epoch_min_secs: Some(EpochOptions::default().min_secs),
            epoch_min_critiques: Some(0),
            ..Self::default()
        }
    }

    /// Parse a TOML settings file; unknown keys and wrong types are errors
    /// that name the key.
    pub fn from_toml(text: &str) -> anyhow::Result<Self> {
        Ok(toml::from_str(text)?)
    }

    fn read_file(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("could not read the config file {}", path.display()))?;
        Self::from_toml(&text).with_context(|| format!("in the config file {}", path.display()))
    }

    /// Merge the file named by `--config`/`PARRHESIA_CONFIG` (if any) under
    /// these settings (from clap: environment and flags). `sources` tells
    /// environment from flag for each setting, by name.
    pub fn resolve(
        mut self,
        sources: impl Fn(&str) -> Option<ValueSource>,
    ) -> anyhow::Result<Effective> {
        if self.admin_token.is_none() {
            self.admin_token = std::env::var("PARRHESIA_ADMIN_TOKEN")
                .ok()
                .filter(|t| !t.is_empty());
        }
        let file = self.config.clone();
        let from_file = match &file {
            Some(path) => Self::read_file(path)?,
            None => Self::default(),
        };
        let mut values = Map::new();
        let mut origins = Vec::new();
        let layers = [
            (Self::defaults(), None),
            (from_file, Some(Origin::File)),
            (self, None),
        ];
        for (i, (layer, origin)) in layers.into_iter().enumerate() {
            let Value::Object(map) = serde_json::to_value(&layer)? else {
                anyhow::bail!("settings did not serialise to a table");
            };
            for (key, value) in map {
                let origin = match (i, origin) {
                    (0, _) => Origin::Default,
                    (_, Some(o)) => o,
                    // The token is never a flag.
                    _ if key == "admin_token" => Origin::Environment,
                    _ => match sources(&key) {
                        Some(ValueSource::CommandLine) => Origin::Flag,
                        _ => Origin::Environment,
                    },
                };
                origins.retain(|(k, _): &(String, Origin)| *k != key);
                origins.push((key.clone(), origin));
                values.insert(key, value);
            }
        }
        origins.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Effective {
            values,
            origins,
            file,
        })
    }
}

impl Effective {
    fn settings(&self) -> anyhow::Result<Settings> {
        Ok(serde_json::from_value(Value::Object(self.values.clone()))?)
    }

    /// The validated configuration.
    pub fn into_config(self) -> anyhow::Result<Config> {
        let s = self.settings()?;
        let defaults = Config::new(PathBuf::new(), PathBuf::new());
        let config = Config {
            data_dir: s.data.unwrap_or_default(),
            store_url: s.store.filter(|u| !u.is_empty()),
            keys_dir: s.keys.unwrap_or_default(),
            bind: s.bind.unwrap_or(defaults.bind),
            public_url: s.public_url,
            admin_token: s.admin_token,
            demo: s.demo.unwrap_or(false),
            metrics_bind: s.metrics_bind.filter(|b| !b.is_empty()),
            metrics_publish: s
                .metrics_publish_secs
                .map_or(defaults.metrics_publish, Duration::from_secs),
            store: StoreOptions {
                noise_epsilon: s.noise_epsilon.unwrap_or(defaults.store.noise_epsilon),
                epochs: EpochOptions {
                    min_secs: s.epoch_min_secs.unwrap_or(defaults.store.epochs.min_secs),
                    min_critiques: s.epoch_min_critiques.filter(|n| *n > 0),
                },
                ..defaults.store
            },
            hsts: s.hsts.unwrap_or(false),
            second_factor_for_administrators: s.second_factor_for_administrators.unwrap_or(false),
            rate_limits: RateLimitOptions {
                trusted_proxies: s.trusted_proxy.unwrap_or_default(),
                code_attempts_per_minute: s
                    .code_attempts_per_minute
                    .unwrap_or(defaults.rate_limits.code_attempts_per_minute),
                token_issuance_per_minute: s
                    .token_requests_per_minute
                    .unwrap_or(defaults.rate_limits.token_issuance_per_minute),
                admin_attempts_per_minute: s
                    .admin_attempts_per_minute
                    .unwrap_or(defaults.rate_limits.admin_attempts_per_minute),
                login_attempts_per_minute: s
                    .login_attempts_per_minute
                    .unwrap_or(defaults.rate_limits.login_attempts_per_minute),
                sign_ins_per_minute: s
                    .max_sign_ins_per_minute
                    .unwrap_or(defaults.rate_limits.sign_ins_per_minute),
                posts_per_second: s
                    .max_posts_per_second
                    .unwrap_or(defaults.rate_limits.posts_per_second),
            },
            client_timeout: defaults.client_timeout,
            close_wait: defaults.close_wait,
            issuer_name: s.issuer_name,
            origin_name: s.origin_name,
            witnesses: s.witness.unwrap_or_default(),
            messages_dir: s.messages.filter(|p| !p.as_os_str().is_empty()),
            smtp: crate::mail::RawSmtp {
                host: s.smtp_host,
                port: s.smtp_port,
                security: s.smtp_security,
                user: s.smtp_user,
                password_file: s.smtp_password_file,
                ca_file: s.smtp_ca_file,
                sender: s.smtp_sender,
            }
            .validate()?,
            workers: None,
        };
        config.validate()?;
        Ok(config)
    }

    /// The effective configuration as TOML, each line noting its origin,
    /// with secrets masked.
    pub fn render(&self) -> String {
        let mut out = String::from("# Effective configuration: file < environment < flags\n");
        match &self.file {
            Some(f) => out.push_str(&format!("# config file: {}\n", f.display())),
            None => out.push_str("# config file: none\n"),
        }
        for (key, origin) in &self.origins {
            let value = match self.values.get(key) {
                Some(_) if SECRETS.contains(&key.as_str()) => "\"********\"".to_string(),
                Some(Value::String(url)) if key == "store" => {
                    Value::String(crate::store::mask_password(url)).to_string()
                }
                Some(v) => v.to_string(),
                None => continue,
            };
            out.push_str(&format!("{key} = {value}  # {}\n", origin.label()));
        }
        for secret in SECRETS {
            if !self.values.contains_key(*secret) {
                out.push_str(&format!("# {secret} is unset\n"));
            }
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn no_sources(_: &str) -> Option<ValueSource> {
        None
    }

    #[test]
    fn unknown_keys_in_the_file_are_rejected_with_their_name() {
        let err = Settings::from_toml("bind = \"127.0.0.1:1\"\nbnid = \"x\"\n")
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("bnid"), "{err}");
    }

    #[test]
    fn the_config_key_itself_is_not_a_file_setting() {
        assert!(Settings::from_toml("config = \"other.toml\"").is_err());
    }

    #[test]
    fn wrong_types_are_rejected() {
        assert!(Settings::from_toml("demo = \"yes\"").is_err());
        assert!(Settings::from_toml("metrics_publish_secs = -1").is_err());
    }

    #[test]
    fn flags_and_environment_override_the_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(
            &file,
            "bind = \"127.0.0.1:9\"\npublic_url = \"https://file.example\"\n\
             metrics_bind = \"127.0.0.1:9100\"\nadmin_token = \"file-token-0123456789abcdef\"\n",
        )
        .unwrap();
        let cli = Settings {
            config: Some(file.clone()),
            bind: Some("127.0.0.1:7".into()),
            admin_token: Some("cli-env-token-0123456789abcdef".into()),
            ..Settings::default()
        };
        let effective = cli
            .resolve(|k| (k == "bind").then_some(ValueSource::CommandLine))
            .unwrap();
        let rendered = effective.render();
        let config = effective.into_config().unwrap();
        assert_eq!(config.bind, "127.0.0.1:7");
        assert_eq!(config.public_url.as_deref(), Some("https://file.example"));
        assert_eq!(config.metrics_bind.as_deref(), Some("127.0.0.1:9100"));
        assert_eq!(
            config.admin_token.as_deref(),
            Some("cli-env-token-0123456789abcdef")
        );
        assert_eq!(config.data_dir, PathBuf::from("./parrhesia-data"));
        assert!(
            rendered.contains("bind = \"127.0.0.1:7\"  # flag"),
            "{rendered}"
        );
        assert!(
            rendered.contains("public_url = \"https://file.example\"  # config file"),
            "{rendered}"
        );
        assert!(rendered.contains("data = \"./parrhesia-data\"  # default"));
        assert!(rendered.contains("admin_token = \"********\"  # environment"));
        assert!(!rendered.contains("token-0123456789"), "{rendered}");
    }

    #[test]
    fn trusted_proxies_and_limits_come_from_the_file_too() {
        let s = Settings::from_toml(
            "trusted_proxy = [\"127.0.0.1\", \"::1\"]\nhsts = true\ncode_attempts_per_minute = 5\n\
             second_factor_for_administrators = true\n",
        )
        .unwrap();
        let config = s.resolve(no_sources).unwrap().into_config().unwrap();
        assert_eq!(config.rate_limits.trusted_proxies.len(), 2);
        assert!(config.hsts);
        assert!(config.second_factor_for_administrators);
        assert_eq!(config.rate_limits.code_attempts_per_minute, 5);
        assert_eq!(
            config.rate_limits.posts_per_second,
            RateLimitOptions::default().posts_per_second
        );
        assert!(Settings::from_toml("trusted_proxy = [\"not an address\"]").is_err());
    }

    #[test]
    fn defaults_alone_make_the_documented_configuration() {
        let config = Settings::default()
            .resolve(no_sources)
            .unwrap()
            .into_config()
            .unwrap();
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert_eq!(config.keys_dir, PathBuf::from("./parrhesia-keys"));
        assert!(!config.demo);
        assert!(config.metrics_bind.is_none());
    }

    #[test]
    fn smtp_settings_come_from_the_file_and_environment_and_the_password_never_shows() {
        let dir = tempfile::tempdir().unwrap();
        let password = dir.path().join("smtp-password");
        std::fs::write(&password, "mail-Secret-42\n").unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(
            &file,
            format!(
                "smtp_host = \"mail.example.org\"\nsmtp_security = \"tls\"\n\
                 smtp_sender = \"Parrhesia <p@example.org>\"\nsmtp_user = \"file-user\"\n\
                 smtp_password_file = {:?}\n",
                password.display().to_string()
            ),
        )
        .unwrap();
        let env = Settings {
            config: Some(file),
            smtp_user: Some("env-user".into()),
            ..Settings::default()
        };
        let effective = env.resolve(no_sources).unwrap();
        let rendered = effective.render();
        let config = effective.into_config().unwrap();
        let smtp = config.smtp.clone().unwrap();
        assert_eq!((smtp.host.as_str(), smtp.port), ("mail.example.org", 465));
        assert_eq!(smtp.user.as_deref(), Some("env-user"));
        assert_eq!(
            smtp.password.as_deref().map(String::as_str),
            Some("mail-Secret-42")
        );
        assert!(
            rendered.contains("smtp_user = \"env-user\"  # environment"),
            "{rendered}"
        );
        assert!(rendered.contains("smtp_security = \"tls\"  # config file"));
        assert!(!rendered.contains("mail-Secret-42"), "{rendered}");
        assert!(!format!("{config:?}").contains("mail-Secret-42"));
        // Plain SMTP to another machine is refused at start-up.
        let bad = Settings::from_toml(
            "smtp_host = \"mail.example.org\"\nsmtp_security = \"none\"\n\
             smtp_sender = \"p@example.org\"\n",
        )
        .unwrap();
        let err = bad.resolve(no_sources).unwrap().into_config().unwrap_err();
        assert!(err.to_string().contains("on this machine"), "{err}");
        // No host: no mail.
        let none = Settings::default()
            .resolve(no_sources)
            .unwrap()
            .into_config();
        assert!(none.unwrap().smtp.is_none());
    }

    #[test]
    fn metrics_cannot_share_the_public_listener() {
        let mut config = Config::new("d".into(), "k".into());
        config.metrics_bind = Some(config.bind.clone());
        assert!(config.validate().is_err());
    }
}
