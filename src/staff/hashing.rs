//! A bound on Argon2id work running at once.
//!
//! Each hash or verification takes 19 MiB for its duration
//! ([`super::password`]). Without a bound, 48 sign-ins sent together took a
//! server from 15 to 929 MiB (issue 16): memory is the scarce resource, not
//! time. So every computation runs on one of [`HashingGate::permits`]
//! threads of the gate's own, one at a time each; a request waits for a
//! free thread up to [`HashingGate::patience`], then is refused as busy (the
//! console says so on a page, with `Retry-After`), having cost nothing.
//!
//! Each thread keeps one [`Workspace`]: the 19 MiB are allocated once per
//! thread and reused, because allocating them afresh for every check left
//! freed blocks the allocator neither reused nor returned (a server grew by
//! 19 MiB a sign-in, one at a time, to over 300 MiB; BENCHMARKS.md). So the
//! memory Argon2id can hold is at most `permits` × 19 MiB, whatever the
//! load.
//!
//! # Security contract
//! Every Argon2id computation a request can cause goes through
//! [`HashingGate::run`]. Being refused as busy says nothing about the user
//! name or password (the gate is taken before either is looked at).

use super::password::Workspace;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;
use tokio::sync::{oneshot, Semaphore};

/// The gate was full for longer than the patience allows (or its threads
/// could not be started).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("password hashing is busy")]
pub struct Busy;

type Job = Box<dyn FnOnce(&mut Workspace) + Send>;

/// At most `permits` Argon2id computations at once, shared by the server.
pub struct HashingGate {
    permits: Arc<Semaphore>,
    size: usize,
    patience: Duration,
    /// The threads' queue, started on first use; the threads end when the
    /// gate is dropped.
    jobs: OnceLock<Option<Mutex<Sender<Job>>>>,
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
            jobs: OnceLock::new(),
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

    fn start(size: usize) -> Option<Mutex<Sender<Job>>> {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for i in 0..size {
            let receiver: Arc<Mutex<Receiver<Job>>> = receiver.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("parrhesia-hashing-{i}"))
                .spawn(move || {
                    let mut workspace = Workspace::new();
                    loop {
                        let next = receiver
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .recv();
                        match next {
                            Ok(job) => job(&mut workspace),
                            Err(_) => break,
                        }
                    }
                });
            if spawned.is_err() {
                tracing::error!("could not start the password hashing threads");
                return None;
            }
        }
        Some(Mutex::new(sender))
    }

    /// Run `work` with one of the gate's threads and its workspace once
    /// one is free, or give up with [`Busy`] after
    /// [`HashingGate::patience`].
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Workspace) -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let permit = tokio::time::timeout(self.patience, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        let (answer, answered) = oneshot::channel();
        // The permit moves into the job: it is released when the work ends,
        // even if the request that asked went away. With no more jobs in
        // flight than threads, a job never waits in the queue.
        let job: Job = Box::new(move |workspace| {
            let _ = answer.send(work(workspace));
            drop(permit);
        });
        let jobs = self.jobs.get_or_init(|| Self::start(self.size));
        let sent = jobs.as_ref().map(|sender| {
            sender
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .send(job)
        });
        match sent {
            Some(Ok(())) => answered.await.map_err(|_| Busy),
            _ => Err(Busy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn no_more_than_the_permits_run_at_once_and_the_rest_wait_or_give_up() {
        // Arrange: two permits, 300 ms of patience, work that takes 400 ms
        // and records how many run together and on which threads.
        let gate = Arc::new(HashingGate::new(2, Duration::from_millis(300)));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let threads = Arc::new(Mutex::new(HashSet::new()));
        // Act: ten at once.
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (gate, running, most) = (gate.clone(), running.clone(), most.clone());
                let threads = threads.clone();
                tokio::spawn(async move {
                    gate.run(move |_| {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        threads.lock().unwrap().insert(std::thread::current().id());
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
        // Assert: never more than two at once, on no more than two threads;
        // the first two ran, and those that could not start within the
        // patience were refused (ten at 400 ms each, two at a time, would
        // need two seconds).
        assert_eq!(most.load(Ordering::SeqCst), 2);
        assert!(threads.lock().unwrap().len() <= 2);
        assert!(done >= 2, "{done} done");
        assert!(busy >= 1, "{busy} refused");
        assert_eq!(done + busy, 10);
        // Later work runs on the same threads.
        let again = gate.run(|_| std::thread::current().id()).await.unwrap();
        assert!(threads.lock().unwrap().contains(&again));
    }
}
