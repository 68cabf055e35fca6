//! What staff see counted while a period is open (issue 16, item 5).
//!
//! A live count lets whoever watches it time one person: a critique showed
//! in the host's counts ten milliseconds after its answer. So counts of the
//! open period (critiques, codes spent, invitations used up) are shown only
//! as bands ([`Band`]: "fewer than 10", "10-19", "20-49", …), from a
//! snapshot taken at most once an hour per round, held in memory only.
//! Exact counts are shown only for sealed periods, which the log publishes
//! anyway. A snapshot is retaken early only when a period is sealed (so the
//! open band starts again from the new period), and the number of sealings
//! is itself limited ([`super::rounds`], early closing).

use crate::digest::disclosure::Band;
use std::collections::HashMap;
use std::sync::Mutex;

/// A snapshot is kept this long (seconds) before it may be retaken.
pub const REFRESH_SECS: u64 = 3600;

/// Exact counts of the open period, as of a snapshot. Never shown: only
/// their bands, and whether the critiques reach the early-close minimum,
/// leave this module.
#[derive(Debug, Clone, Copy, Default)]
pub struct Open {
    pub critiques: u64,
    pub codes_spent: u64,
    pub invitations_used_up: u64,
}

/// The open period's counts as staff may see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenBands {
    pub critiques: Band,
    pub codes_spent: Band,
    pub invitations_used_up: Band,
}

struct Snapshot {
    taken: u64,
    sealed_periods: usize,
    open: Open,
}

/// Per round, the last snapshot of its open counts (in memory only).
#[derive(Default)]
struct Snapshots(Mutex<HashMap<String, Snapshot>>);

impl Snapshots {
    /// `round`'s snapshot if it is less than an hour old (by `now`,
    /// seconds on a monotonic clock) and no period was sealed since, else a
    /// new one that `take` counts.
    fn get<E>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> Result<Open, E>,
    ) -> Result<Open, E> {
        let mut snapshots = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match snapshots.get(round) {
            Some(s)
                if s.sealed_periods == sealed_periods
                    && now.saturating_sub(s.taken) < REFRESH_SECS =>
            {
                Ok(s.open)
            }
            _ => {
                let open = take()?;
                let taken = Snapshot {
                    taken: now,
                    sealed_periods,
                    open,
                };
                snapshots.insert(round.to_owned(), taken);
                Ok(open)
            }
        }
    }
}

/// The snapshots staff see bands of, and the early-close gate's own.
///
/// The gate keeps its own so that seeing a round (its creation, the
/// dashboard) never starts the gate's hour: a coordinator who looks at a
/// round and closes it half an hour later, once it holds enough, is not
/// refused for a count taken before. Each is retaken at most hourly, so
/// whoever watches both learns at most two counts an hour.
#[derive(Default)]
pub struct LiveCounts {
    shown: Snapshots,
    gate: Snapshots,
}

impl LiveCounts {
    /// The bands of `round`'s open counts: from its snapshot if it is less
    /// than an hour old (by `now`, seconds on a monotonic clock) and no
    /// period was sealed since, else from a new one that `take` counts.
    pub fn bands<E>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> Result<Open, E>,
    ) -> Result<OpenBands, E> {
        let open = self.shown.get(round, sealed_periods, now, take)?;
        Ok(OpenBands {
            critiques: Band::of(open.critiques),
            codes_spent: Band::of(open.codes_spent),
            invitations_used_up: Band::of(open.invitations_used_up),
        })
    }

    /// The exact counts of `round`'s gate snapshot (refreshed like the
    /// bands' one, but separately), for the early-close gate
    /// ([`super::rounds`]): it decides on a count taken at most hourly, so
    /// polling it cannot time the critique that makes a period closable.
    /// Never shown.
    pub(super) fn for_gate<E>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> Result<Open, E>,
    ) -> Result<Open, E> {
        self.gate.get(round, sealed_periods, now, take)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count that finds `n` critiques.
    fn count(n: u64) -> impl FnOnce() -> Result<Open, ()> {
        move || {
            Ok(Open {
                critiques: n,
                ..Open::default()
            })
        }
    }

    #[test]
    fn a_snapshot_is_kept_for_an_hour_unless_a_period_is_sealed() {
        let live = LiveCounts::default();
        assert_eq!(
            live.bands("r", 0, 0, count(3)).unwrap().critiques.label(),
            "fewer than 10"
        );
        // Within the hour, a new count is not even taken.
        let kept = live.bands("r", 0, REFRESH_SECS - 1, || Err(()));
        assert_eq!(kept.unwrap().critiques, Band::of(3));
        assert_eq!(
            live.bands("r", 0, REFRESH_SECS, count(25))
                .unwrap()
                .critiques
                .label(),
            "20-49"
        );
        // A sealing starts again.
        assert_eq!(
            live.bands("r", 1, REFRESH_SECS + 1, count(0))
                .unwrap()
                .critiques,
            Band::of(0)
        );
    }

    #[test]
    fn the_gate_keeps_its_own_snapshot_for_an_hour() {
        let live = LiveCounts::default();
        // Seeing the round's bands does not start the gate's hour...
        live.bands("r", 0, 0, count(0)).unwrap();
        assert_eq!(live.for_gate("r", 0, 10, count(10)).unwrap().critiques, 10);
        // ...but the gate's own look does: within the hour it keeps its count.
        assert_eq!(
            live.for_gate("r", 0, REFRESH_SECS + 9, || Err(()))
                .unwrap()
                .critiques,
            10
        );
        assert_eq!(
            live.for_gate("r", 0, REFRESH_SECS + 10, count(12))
                .unwrap()
                .critiques,
            12
        );
        // A sealing starts it again at once.
        assert_eq!(
            live.for_gate("r", 1, REFRESH_SECS + 11, count(0))
                .unwrap()
                .critiques,
            0
        );
    }
}
