//! Cross-organisation totals: the host's view of each theme across all
//! organisations, computed from released (rounded) figures only, with
//! optional two-sided geometric noise.

use super::{Figure, Published};
use std::collections::BTreeMap;

/// A source of uniformly random 64-bit words. The service passes its
/// system random source; tests pass a fixed sequence.
pub trait RandomSource {
    fn next_u64(&mut self) -> u64;
}

/// Noise parameters for one cross-organisation release.
///
/// `epsilon` is the privacy budget spent by ONE release of the whole table
/// (default 1). `sensitivity` is 3: one critique counts in at most three
/// themes, so adding or removing it changes the vector of per-theme counts
/// by at most 3 in total (L1). Each theme's total gets independent noise
/// from the two-sided geometric distribution with
/// `α = exp(−epsilon / sensitivity)`, P(noise = z) ∝ α^|z|: the discrete
/// Laplace mechanism, ε-differentially private for the underlying counts.
/// The inputs here are already rounded and suppressed, which changes a
/// theme's contribution by up to the rounding base when one critique is
/// added; the noise is therefore an extra layer over the rounding, not a
/// formal ε guarantee for the rounded figures (stated on the page).
/// Draws use inversion on 53-bit uniforms in floating point: adequate here,
/// but not hardened against the floating-point attacks known for Laplace
/// sampling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Noise {
    epsilon: f64,
    sensitivity: u32,
}

impl Default for Noise {
    fn default() -> Self {
        Self {
            epsilon: 1.0,
            sensitivity: 3,
        }
    }
}

impl Noise {
    /// `epsilon` must be finite and in (0, 10]; larger means less noise.
    pub fn new(epsilon: f64) -> Option<Self> {
        (epsilon.is_finite() && epsilon > 0.0 && epsilon <= 10.0).then_some(Self {
            epsilon,
            sensitivity: 3,
        })
    }
    pub fn epsilon(&self) -> f64 {
        self.epsilon
    }
    pub fn sensitivity(&self) -> u32 {
        self.sensitivity
    }
    /// The geometric parameter α = exp(−ε / sensitivity).
    pub fn alpha(&self) -> f64 {
        (-self.epsilon / f64::from(self.sensitivity)).exp()
    }
}

/// A uniform number in (0, 1]: 53 random bits, never 0.
fn unit(rng: &mut dyn RandomSource) -> f64 {
    ((rng.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
}

/// One geometric draw (failures before the first success, success
/// probability 1 − α), by inversion.
fn geometric(alpha: f64, rng: &mut dyn RandomSource) -> i64 {
    let g = (unit(rng).ln() / alpha.ln()).floor();
    if g.is_finite() && g < 1e12 {
        g as i64
    } else {
        0
    }
}

/// A draw from the two-sided geometric distribution with parameter
/// `alpha` (0 < α < 1): the difference of two independent geometric draws.
pub fn two_sided_geometric(alpha: f64, rng: &mut dyn RandomSource) -> i64 {
    geometric(alpha, rng) - geometric(alpha, rng)
}

/// One theme across organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CrossTotal {
    /// The sum of the organisations' shown (rounded) counts, plus noise if
    /// asked for, never below 0.
    pub value: u64,
    /// Organisations whose figure was a number.
    pub counted: usize,
    /// Organisations where the theme was "fewer than k" (not added).
    pub fewer_than: usize,
    /// Organisations where it was "almost everyone" (not added: no number
    /// was released).
    pub almost_everyone: usize,
}

/// Per-theme totals across released digests. Only released figures go in,
/// so the result can reveal nothing they do not; with `noise`, each theme's
/// sum gets independent two-sided geometric noise.
pub fn cross_organisation(
    releases: &[&Published],
    noise: Option<(&Noise, &mut dyn RandomSource)>,
) -> BTreeMap<String, CrossTotal> {
    let mut out: BTreeMap<String, CrossTotal> = BTreeMap::new();
    for release in releases {
        for (slug, f) in &release.themes {
            let t = out.entry(slug.clone()).or_insert(CrossTotal {
                value: 0,
                counted: 0,
                fewer_than: 0,
                almost_everyone: 0,
            });
            match f {
                Figure::About(n) => {
                    t.value += n;
                    t.counted += 1;
                }
                Figure::FewerThan(_) => t.fewer_than += 1,
                Figure::AlmostEveryone => t.almost_everyone += 1,
            }
        }
    }
    if let Some((params, rng)) = noise {
        let alpha = params.alpha();
        for t in out.values_mut() {
            let noisy =
                i64::try_from(t.value).unwrap_or(i64::MAX) + two_sided_geometric(alpha, rng);
            t.value = u64::try_from(noisy.max(0)).unwrap_or(0);
        }
    }
    out
}
