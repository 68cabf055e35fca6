//! A bound on Argon2id work running at once.
//!
//! Each hash or verification takes 19 MiB for its duration
//! ([`super::password`]). Without a bound, 48 sign-ins sent together took a
//! server from 15 to 929 MiB (issue 16): memory is the scarce resource, not
//! time. So at most [`HashingGate::permits`] run at once, each on a blocking
//! thread; a request waits for a permit up to [`HashingGate::patience`],
//! then is refused as busy (the console says so on a page, with
//! `Retry-After`), having cost nothing.
//!
//! # Security contract
//! Every Argon2id computation a request can cause goes through
//! [`HashingGate::run`]. Being refused as busy says nothing about the user
//! name or password (the gate is taken before either is looked at).

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The gate was full for longer than the patience allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("password hashing is busy")]
pub struct Busy;

/// At most `permits` Argon2id computations at once, shared by the server.
pub struct HashingGate {
    permits: Arc<Semaphore>,
    size: usize,
    patience: Duration,
}

impl HashingGate {
    /// Two at once on a machine of two cores or fewer, at most four: each
    /// holds 19 MiB and a core, and more at once would only queue on the
    /// cores while holding memory.
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self::new(cores.clamp(2, 4), Duration::from_secs(5))
    }

    pub fn new(permits: usize, patience: Duration) -> Self {
        let size = permits.max(1);
        Self {
            permits: Arc::new(Semaphore::new(size)),
            size,
            patience,
        }
    }

    /// How many computations may run at once.
    pub fn permits(&self) -> usize {
        self.size
    }

    /// How long a request waits for a permit before it is refused.
    pub fn patience(&self) -> Duration {
        self.patience
    }

    /// Run `work` on a blocking thread once a permit is free, or give up
    /// with [`Busy`] after [`HashingGate::patience`].
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let permit = tokio::time::timeout(self.patience, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        // The permit moves into the blocking task: it is released when the
        // work ends, even if the request that asked went away.
        tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        })
        .await
        .map_err(|_| Busy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn no_more_than_the_permits_run_at_once_and_the_rest_wait_or_give_up() {
        // Arrange: two permits, 300 ms of patience, work that takes 400 ms
        // and records how many run together.
        let gate = Arc::new(HashingGate::new(2, Duration::from_millis(300)));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        // Act: ten at once.
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (gate, running, most) = (gate.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    gate.run(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(400));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
                })
            })
            .collect();
        let mut done = 0;
        let mut busy = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(()) => done += 1,
                Err(Busy) => busy += 1,
            }
        }
        // Assert: never more than two at once; the first two ran, and those
        // that could not start within the patience were refused (ten at
        // 400 ms each, two at a time, would need two seconds).
        assert_eq!(most.load(Ordering::SeqCst), 2);
        assert!(done >= 2, "{done} done");
        assert!(busy >= 1, "{busy} refused");
        assert_eq!(done + busy, 10);
    }
}
