//! Operational counters for Prometheus, in its text exposition format
//! (written by hand: it is a few lines).
//!
//! # Security contract
//! Only service-wide totals: no label ever carries a round, an organisation,
//! a client detail or free text. Rejection reasons are the stable error
//! codes (`&'static str`, a closed set), so no input can reach a label. The
//! activity counters (submissions, rejections, codes, seals, commits) are
//! published as a snapshot refreshed at most once per `publish` interval
//! (default one hour): a monitoring system that stores a sample every few
//! seconds would otherwise hold the time of each submission on its disk,
//! which Parrhesia itself never keeps (guarantee 1). The queue depth and the
//! health flags are live: they say whether the service is keeping up.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Upper bounds of the commit latency buckets, in seconds.
pub const COMMIT_BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// The counters, as they stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub submissions_accepted: u64,
    /// Rejected submissions by stable error code.
    pub rejections: BTreeMap<&'static str, u64>,
    pub codes_issued: u64,
    pub periods_sealed: u64,
    /// Cumulative counts per bucket of [`COMMIT_BUCKETS`], then +Inf.
    pub commit_buckets: [u64; COMMIT_BUCKETS.len() + 1],
    pub commit_seconds_sum: f64,
}

/// Live gauges read at each scrape.
#[derive(Debug, Clone, Copy)]
pub struct Gauges {
    pub queue_depth: usize,
    pub queue_capacity: usize,
    pub store_healthy: bool,
    pub ready: bool,
}

pub struct Metrics {
    live: Mutex<Snapshot>,
    published: Mutex<(Instant, Snapshot)>,
    publish: Duration,
    /// Commits since start, for tests that wait for the writer.
    commits: AtomicU64,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics")
            .field("publish", &self.publish)
            .finish_non_exhaustive()
    }
}

/// Default refresh of the published activity counters: one hour.
pub const DEFAULT_METRICS_PUBLISH_SECS: u64 = 3600;

impl Default for Metrics {
    fn default() -> Self {
        Self::new(Duration::from_secs(DEFAULT_METRICS_PUBLISH_SECS))
    }
}

impl Metrics {
    /// Counters whose published snapshot is refreshed every `publish`.
    pub fn new(publish: Duration) -> Self {
        Self {
            live: Mutex::new(Snapshot::default()),
            published: Mutex::new((Instant::now(), Snapshot::default())),
            publish,
            commits: AtomicU64::new(0),
        }
    }

    fn update(&self, f: impl FnOnce(&mut Snapshot)) {
        // A poisoned lock only means a panic elsewhere mid-update of a
        // counter; the counts are still usable.
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut live);
    }

    pub fn submission_accepted(&self) {
        self.update(|s| s.submissions_accepted += 1);
    }

    /// A submission refused, by its stable error code.
    pub fn submission_rejected(&self, code: &'static str) {
        self.update(|s| *s.rejections.entry(code).or_insert(0) += 1);
    }

    pub fn codes_issued(&self, n: u64) {
        self.update(|s| s.codes_issued += n);
    }

    pub fn periods_sealed(&self, n: u64) {
        self.update(|s| s.periods_sealed += n);
    }

    /// How long one group commit took, transaction through fsync: a
    /// duration, never a time of day.
    pub fn commit_took(&self, took: Duration) {
        let secs = took.as_secs_f64();
        self.update(|s| {
            let first = COMMIT_BUCKETS
                .iter()
                .position(|b| secs <= *b)
                .unwrap_or(COMMIT_BUCKETS.len());
            for bucket in &mut s.commit_buckets[first..] {
                *bucket += 1;
            }
            s.commit_seconds_sum += secs;
        });
        self.commits.fetch_add(1, Ordering::Relaxed);
    }

    /// Group commits since start (live; for tests and readiness).
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    /// The snapshot a scrape sees now: refreshed from the live counters
    /// only once the publish interval has passed.
    pub fn published(&self) -> Snapshot {
        let mut published = self.published.lock().unwrap_or_else(|p| p.into_inner());
        if published.0.elapsed() >= self.publish {
            let live = self.live.lock().unwrap_or_else(|p| p.into_inner()).clone();
            *published = (Instant::now(), live);
        }
        published.1.clone()
    }

    /// The Prometheus text exposition (format 0.0.4).
    pub fn render(&self, gauges: Gauges) -> String {
        let s = self.published();
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, value: u64| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} counter");
            let _ = writeln!(out, "{name} {value}");
        };
        counter(
            "parrhesia_submissions_accepted_total",
            "Critiques durably stored, all rounds together.",
            s.submissions_accepted,
        );
        counter(
            "parrhesia_codes_issued_total",
            "Paper codes issued, all rounds together.",
            s.codes_issued,
        );
        counter(
            "parrhesia_periods_sealed_total",
            "Periods sealed into the log.",
            s.periods_sealed,
        );
        let _ = writeln!(
            out,
            "# HELP parrhesia_submissions_rejected_total Submissions refused, by stable error code."
        );
        let _ = writeln!(out, "# TYPE parrhesia_submissions_rejected_total counter");
        for (reason, n) in &s.rejections {
            let _ = writeln!(
                out,
                "parrhesia_submissions_rejected_total{{reason=\"{reason}\"}} {n}"
            );
        }
        let name = "parrhesia_commit_duration_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} Time for one group commit, transaction through fsync."
        );
        let _ = writeln!(out, "# TYPE {name} histogram");
        for (bound, n) in COMMIT_BUCKETS.iter().zip(s.commit_buckets.iter()) {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {n}");
        }
        let count = s.commit_buckets[COMMIT_BUCKETS.len()];
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "{name}_sum {}", s.commit_seconds_sum);
        let _ = writeln!(out, "{name}_count {count}");
        let mut gauge = |name: &str, help: &str, value: usize| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {value}");
        };
        gauge(
            "parrhesia_write_queue_depth",
            "Writes waiting for the store's writer.",
            gauges.queue_depth,
        );
        gauge(
            "parrhesia_write_queue_capacity",
            "Writes that may wait before new ones are refused as busy.",
            gauges.queue_capacity,
        );
        gauge(
            "parrhesia_store_healthy",
            "1 while the store accepts writes.",
            usize::from(gauges.store_healthy),
        );
        gauge(
            "parrhesia_ready",
            "1 while the service is ready for traffic (as /readyz).",
            usize::from(gauges.ready),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gauges() -> Gauges {
        Gauges {
            queue_depth: 0,
            queue_capacity: 8,
            store_healthy: true,
            ready: true,
        }
    }

    #[test]
    fn commit_latency_lands_in_cumulative_buckets() {
        let m = Metrics::new(Duration::ZERO);
        m.commit_took(Duration::from_micros(300));
        m.commit_took(Duration::from_millis(3));
        m.commit_took(Duration::from_secs(5));
        let s = m.published();
        assert_eq!(s.commit_buckets[0], 1); // <= 0.5 ms
        assert_eq!(s.commit_buckets[2], 1); // <= 2 ms
        assert_eq!(s.commit_buckets[3], 2); // <= 5 ms
        assert_eq!(s.commit_buckets[11], 2); // <= 2.5 s
        assert_eq!(s.commit_buckets[12], 3); // +Inf
        let text = m.render(gauges());
        assert!(text.contains("parrhesia_commit_duration_seconds_count 3"));
        assert!(text.contains("parrhesia_commit_duration_seconds_bucket{le=\"+Inf\"} 3"));
    }

    /// Guarantee 1: activity is published in coarse steps, so stored
    /// samples do not time individual submissions.
    #[test]
    fn activity_counters_are_published_only_once_per_interval() {
        let m = Metrics::new(Duration::from_secs(3600));
        m.submission_accepted();
        m.submission_rejected("code_spent");
        assert_eq!(m.published(), Snapshot::default());
        let text = m.render(gauges());
        assert!(text.contains("parrhesia_submissions_accepted_total 0"));
        let live = Metrics::new(Duration::ZERO);
        live.submission_accepted();
        live.submission_rejected("code_spent");
        let text = live.render(gauges());
        assert!(text.contains("parrhesia_submissions_accepted_total 1"));
        assert!(text.contains("parrhesia_submissions_rejected_total{reason=\"code_spent\"} 1"));
    }
}
