//! The disclosure rules of a round: the minimum group size `k`, the
//! rounding base, and the minimum number of critiques a period needs to be
//! published. They are fixed when a round opens and afterwards only
//! tightened; `digest::disclosure` applies them.

use serde::{Deserialize, Serialize};

/// The disclosure rules of a round.
///
/// # Security contract
/// Fields are private: a `Rules` is made once by [`Rules::new`] when the
/// round opens and can afterwards only be replaced by [`Rules::tighten`],
/// which refuses to lower any threshold. Deserialising validates like
/// `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawRules", into = "RawRules")]
pub struct Rules {
    k: u32,
    base: u32,
    min_period: u32,
}

#[derive(Serialize, Deserialize)]
struct RawRules {
    k: u32,
    base: u32,
    min_period: u32,
}

impl TryFrom<RawRules> for Rules {
    type Error = RulesError;
    fn try_from(r: RawRules) -> Result<Self, RulesError> {
        Rules::new(r.k, r.base, r.min_period)
    }
}

impl From<Rules> for RawRules {
    fn from(r: Rules) -> Self {
        RawRules {
            k: r.k,
            base: r.base,
            min_period: r.min_period,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("the minimum group size must be between 2 and 1000")]
    MinGroup,
    #[error("the rounding base must be between 1 and 1000")]
    Base,
    #[error("the minimum period size must be at least twice the minimum group size, less one, and at most 100000")]
    MinPeriod,
    #[error("rules can be made stricter, never looser")]
    Loosened,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            k: 5,
            base: 5,
            min_period: 10,
        }
    }
}

impl Rules {
    /// `k` 2-1000; `base` 1-1000; `min_period` at least `2k − 1` (so that
    /// "fewer than k" and "almost everyone" can never describe the same
    /// theme) and at most 100,000.
    pub fn new(k: u32, base: u32, min_period: u32) -> Result<Self, RulesError> {
        if !(2..=1000).contains(&k) {
            return Err(RulesError::MinGroup);
        }
        if !(1..=1000).contains(&base) {
            return Err(RulesError::Base);
        }
        if min_period < 2 * k - 1 || min_period > 100_000 {
            return Err(RulesError::MinPeriod);
        }
        Ok(Self {
            k,
            base,
            min_period,
        })
    }

    /// The default base and minimum period with this `k` (the minimum
    /// period raised to `2k − 1` if needed).
    pub fn with_k(k: u32) -> Result<Self, RulesError> {
        let d = Self::default();
        Self::new(k, d.base, d.min_period.max((2 * k).saturating_sub(1)))
    }

    /// New rules no looser than these: every threshold equal or higher.
    pub fn tighten(self, k: u32, base: u32, min_period: u32) -> Result<Self, RulesError> {
        if k < self.k || base < self.base || min_period < self.min_period {
            return Err(RulesError::Loosened);
        }
        Self::new(k, base, min_period)
    }

    pub fn k(&self) -> u32 {
        self.k
    }
    pub fn base(&self) -> u32 {
        self.base
    }
    pub fn min_period(&self) -> u32 {
        self.min_period
    }

    /// The shown value of a count that is shown as a number: rounded to
    /// the nearest `base` (halves up), never below the first multiple of
    /// `base` that is at least `k`.
    pub fn rounded(&self, count: u64) -> u64 {
        let b = u64::from(self.base);
        let nearest = (count + b / 2) / b * b;
        let floor = u64::from(self.k).div_ceil(b) * b;
        nearest.max(floor)
    }
}
