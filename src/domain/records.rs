//! What the store keeps about rounds and periods and the digest and the
//! audit log read back: critique counts per period ([`PeriodCounts`]), the
//! host's counts per round ([`RoundStats`]), a sealed period's frozen
//! digest and place in the log ([`SealedPeriod`]) and the exact totals the
//! log commits to ([`Totals`]). Plain data: no storage, no rules.

use serde::{Deserialize, Serialize};

/// Counts the host sees for a round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RoundStats {
    pub critiques: u64,
    pub codes_issued: u64,
    pub codes_spent: u64,
}

/// Critique counts for one period of one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCounts {
    pub period_id: String,
    pub total: u64,
    /// (theme slug, count), only themes with at least one critique.
    pub themes: Vec<(String, u64)>,
}

/// A sealed period: its frozen digest (the exact JSON that was hashed into
/// the log), where its leaves are, and the head that sealed it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SealedPeriod {
    pub round: String,
    pub period: String,
    pub digest_json: String,
    pub digest_sha256: String,
    pub head: u64,
    pub first_leaf: u64,
    pub leaf_count: u64,
    /// Set once the period's texts and data key have been destroyed.
    pub shredded: bool,
    /// The day the host closed it early (issue 16, item 4), `YYYY-MM-DD`:
    /// the rest of its grid period is the next period, from that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<String>,
}

/// Exact totals of a sealed period, for auditors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub critiques: u64,
    pub codes_spent: u64,
    pub tokens_spent: u64,
    /// Tokens signed for the round's invitations since the round began,
    /// as of this sealing: the tokens spent in this and every earlier
    /// period of the round cannot exceed it (issue 17). Absent from digests
    /// sealed before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_issued: Option<u64>,
}
