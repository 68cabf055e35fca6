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
use std::future::Future;
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
    ///
    /// `take` reads the store, so it is awaited without the lock held.
    /// Two requests that find the snapshot stale together may both count;
    /// the first to finish is kept and the other's count is dropped
    /// unseen, so at most one count an hour is ever shown.
    async fn get<E, F: Future<Output = Result<Open, E>>>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> F,
    ) -> Result<Open, E> {
        if let Some(open) = self.fresh(round, sealed_periods, now) {
            return Ok(open);
        }
        let open = take().await?;
        let mut snapshots = self.lock();
        match snapshots.get(round) {
            Some(s) if s.is_fresh(sealed_periods, now) => Ok(s.open),
            // Taken by a request that saw a later sealing while this count
            // was read: the sealed periods only grow, so replacing it with
            // this older view would let the next request count afresh
            // within the hour.
            Some(s) if s.sealed_periods > sealed_periods => Ok(s.open),
            _ => {
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

    fn fresh(&self, round: &str, sealed_periods: usize, now: u64) -> Option<Open> {
        let snapshots = self.lock();
        let s = snapshots.get(round)?;
        s.is_fresh(sealed_periods, now).then_some(s.open)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Snapshot>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Snapshot {
    /// Taken less than an hour before `now`, with no period sealed since.
    fn is_fresh(&self, sealed_periods: usize, now: u64) -> bool {
        self.sealed_periods == sealed_periods && now.saturating_sub(self.taken) < REFRESH_SECS
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
    pub async fn bands<E, F: Future<Output = Result<Open, E>>>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> F,
    ) -> Result<OpenBands, E> {
        let open = self.shown.get(round, sealed_periods, now, take).await?;
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
    pub(super) async fn for_gate<E, F: Future<Output = Result<Open, E>>>(
        &self,
        round: &str,
        sealed_periods: usize,
        now: u64,
        take: impl FnOnce() -> F,
    ) -> Result<Open, E> {
        self.gate.get(round, sealed_periods, now, take).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count that finds `n` critiques.
    fn count(n: u64) -> impl FnOnce() -> std::future::Ready<Result<Open, ()>> {
        move || {
            std::future::ready(Ok(Open {
                critiques: n,
                ..Open::default()
            }))
        }
    }

    /// A count that must not be taken.
    fn none() -> std::future::Ready<Result<Open, ()>> {
        std::future::ready(Err(()))
    }

    #[actix_web::test]
    async fn a_snapshot_is_kept_for_an_hour_unless_a_period_is_sealed() {
        let live = LiveCounts::default();
        assert_eq!(
            live.bands("r", 0, 0, count(3))
                .await
                .unwrap()
                .critiques
                .label(),
            "fewer than 10"
        );
        // Within the hour, a new count is not even taken.
        let kept = live.bands("r", 0, REFRESH_SECS - 1, none).await;
        assert_eq!(kept.unwrap().critiques, Band::of(3));
        assert_eq!(
            live.bands("r", 0, REFRESH_SECS, count(25))
                .await
                .unwrap()
                .critiques
                .label(),
            "20-49"
        );
        // A sealing starts again.
        assert_eq!(
            live.bands("r", 1, REFRESH_SECS + 1, count(0))
                .await
                .unwrap()
                .critiques,
            Band::of(0)
        );
    }

    #[actix_web::test]
    async fn the_gate_keeps_its_own_snapshot_for_an_hour() {
        let live = LiveCounts::default();
        // Seeing the round's bands does not start the gate's hour...
        live.bands("r", 0, 0, count(0)).await.unwrap();
        assert_eq!(
            live.for_gate("r", 0, 10, count(10))
                .await
                .unwrap()
                .critiques,
            10
        );
        // ...but the gate's own look does: within the hour it keeps its count.
        assert_eq!(
            live.for_gate("r", 0, REFRESH_SECS + 9, none)
                .await
                .unwrap()
                .critiques,
            10
        );
        assert_eq!(
            live.for_gate("r", 0, REFRESH_SECS + 10, count(12))
                .await
                .unwrap()
                .critiques,
            12
        );
        // A sealing starts it again at once.
        assert_eq!(
            live.for_gate("r", 1, REFRESH_SECS + 11, count(0))
                .await
                .unwrap()
                .critiques,
            0
        );
    }

    /// A count of 25 during whose read another request, seeing
    /// `sealed_periods`, counts 5 and finishes first.
    async fn counted_meanwhile(live: &LiveCounts, sealed_periods: usize) -> Result<Open, ()> {
        live.bands("r", sealed_periods, 0, count(5)).await?;
        Ok(Open {
            critiques: 25,
            ..Open::default()
        })
    }

    #[actix_web::test]
    async fn a_count_from_before_a_sealing_never_replaces_one_from_after() {
        let live = LiveCounts::default();
        // This count saw no sealed period; while it is read, a period is
        // sealed and another request counts 5 after it.
        let late = || counted_meanwhile(&live, 1);
        let shown = live.bands("r", 0, 0, late).await.unwrap();
        assert_eq!(shown.critiques, Band::of(5));
        // Within the hour, a request that sees the sealing counts nothing.
        assert_eq!(
            live.bands("r", 1, 1, none).await.unwrap().critiques,
            Band::of(5)
        );
    }

    #[actix_web::test]
    async fn of_two_counts_taken_together_the_first_finished_is_kept() {
        let live = LiveCounts::default();
        // While this count is read, another request counts 5 and finishes
        // first: its snapshot is kept, and this count of 25 is never shown.
        let late = || counted_meanwhile(&live, 0);
        let shown = live.bands("r", 0, 0, late).await.unwrap();
        assert_eq!(shown.critiques, Band::of(5));
        assert_eq!(
            live.bands("r", 0, 1, none).await.unwrap().critiques,
            Band::of(5)
        );
    }
}
