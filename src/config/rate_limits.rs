//! The rate limits' settings (README.md lists the flags), kept with the
//! rest of the configuration so that reading a configuration needs nothing
//! from the HTTP layer, which enforces them (`http::ratelimit`).

use std::net::IpAddr;

/// Settings for the limits (README.md lists the flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitOptions {
    /// Peers whose `Forwarded` / `X-Forwarded-*` headers are believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Failed paper codes and Privacy Pass tokens (unknown, already used or
    /// not verifying) per client per minute, also the burst; good ones are
    /// never counted. Also the per-client allowance of "about you" answers.
    pub code_attempts_per_minute: u32,
    /// Admin API requests per client per minute, counted before the token
    /// is checked; also the burst.
    pub admin_attempts_per_minute: u32,
    /// Console sign-in attempts per client per minute (and, in the
    /// console, per account); also the burst.
    pub login_attempts_per_minute: u32,
    /// Console sign-ins (and first-administrator set-ups) per minute from
    /// everyone together; also the burst. Bounds the Argon2id work an
    /// attacker with many addresses can cause.
    pub sign_ins_per_minute: u32,
    /// Privacy Pass token issuances per client per minute (the issuer
    /// route charges the token-issuance bucket).
    pub token_issuance_per_minute: u32,
    /// POSTs per second across all clients; also the burst. Sized to the
    /// writer's measured group-commit capacity (BENCHMARKS.md).
    pub posts_per_second: u32,
}

impl Default for RateLimitOptions {
    fn default() -> Self {
        Self {
            trusted_proxies: Vec::new(),
            // Only failures count: 30 wrong codes a minute is far beyond a
            // group's typing slips, and far below what guessing 55-bit
            // codes would need (SECURITY.md, "Codes count only when they
            // fail").
            code_attempts_per_minute: 30,
            admin_attempts_per_minute: 60,
            login_attempts_per_minute: 10,
            // Two a second: about 10% of one core of Argon2id at most.
            sign_ins_per_minute: 120,
            token_issuance_per_minute: 10,
            posts_per_second: 5_000,
        }
    }
}
