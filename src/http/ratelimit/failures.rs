//! Per-client allowances of failed credentials (a paper code or a Privacy
//! Pass token that was checked and refused), charged in advance and given
//! back when the credential turns out good.
//!
//! `governor` (used for every other bucket) cannot give a cell back, and
//! charging only after a failure would let one client send any number of
//! guesses at once before the first failure is counted. So each attempt
//! reserves one unit before its handler runs ([`Failures::reserve`]) and the
//! reservation is kept only if the handler marks the answer as a failure;
//! otherwise it is refunded. Honest people, whose codes work, are never
//! charged, however many of them share an address.
//!
//! Each bucket is a plain token bucket: `burst` units, refilled at `rate`
//! per second. A client is held only while its bucket is below full;
//! [`Failures::prune`] forgets the rest.

use super::super::client::ClientKey;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
struct Bucket {
    units: f64,
    at: Instant,
}

/// The failure buckets of every client.
pub struct Failures {
    burst: f64,
    /// Units regained per second.
    rate: f64,
    clients: Mutex<HashMap<ClientKey, Bucket>>,
}

impl Failures {
    /// `per_minute` failures a minute, and as many at once.
    pub fn per_minute(per_minute: u32) -> Self {
        let n = f64::from(per_minute.max(1));
        Self {
            burst: n,
            rate: n / 60.0,
            clients: Mutex::new(HashMap::new()),
        }
    }

    fn clients(&self) -> MutexGuard<'_, HashMap<ClientKey, Bucket>> {
        // A panic elsewhere while holding the lock leaves consistent data
        // (each update is one assignment).
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn refilled(&self, bucket: Bucket, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        (bucket.units + elapsed * self.rate).min(self.burst)
    }

    /// Reserve one failure for `who`: `Err(seconds to wait)` when none is
    /// left.
    pub fn reserve(&self, who: ClientKey, now: Instant) -> Result<(), u64> {
        let mut clients = self.clients();
        let units = clients
            .get(&who)
            .map_or(self.burst, |b| self.refilled(*b, now));
        if units >= 1.0 {
            clients.insert(
                who,
                Bucket {
                    units: units - 1.0,
                    at: now,
                },
            );
            Ok(())
        } else {
            let wait = Duration::from_secs_f64((1.0 - units) / self.rate);
            Err(super::wait_secs(wait))
        }
    }

    /// Give back a reservation whose credential was good.
    pub fn refund(&self, who: ClientKey, now: Instant) {
        let mut clients = self.clients();
        if let Some(bucket) = clients.get(&who).copied() {
            let units = (self.refilled(bucket, now) + 1.0).min(self.burst);
            if units >= self.burst {
                clients.remove(&who);
            } else {
                clients.insert(who, Bucket { units, at: now });
            }
        }
    }

    /// Forget every client whose bucket is full again.
    pub fn prune(&self, now: Instant) {
        let mut clients = self.clients();
        clients.retain(|_, b| self.refilled(*b, now) < self.burst);
        clients.shrink_to_fit();
    }

    /// Clients currently remembered.
    pub fn len(&self) -> usize {
        self.clients().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::IpAddr;

    fn client(last: u8) -> ClientKey {
        ClientKey::of(IpAddr::from([192, 0, 2, last]))
    }

    #[test]
    fn refunded_reservations_are_never_charged() {
        let failures = Failures::per_minute(3);
        let now = Instant::now();
        // A thousand good codes in the same instant: each reserved, then
        // refunded.
        for _ in 0..1000 {
            failures.reserve(client(1), now).unwrap();
            failures.refund(client(1), now);
        }
        assert_eq!(failures.len(), 0, "a full bucket is not kept");
        // Three failures are allowed, the fourth waits about 20 seconds.
        for _ in 0..3 {
            failures.reserve(client(1), now).unwrap();
        }
        let wait = failures.reserve(client(1), now).unwrap_err();
        assert_eq!(wait, 20);
        // Another client is not affected.
        failures.reserve(client(2), now).unwrap();
    }

    #[test]
    fn reservations_in_flight_count_until_refunded() {
        // Concurrent guesses: each holds a unit while its handler runs, so
        // no more than the burst can be in flight.
        let failures = Failures::per_minute(2);
        let now = Instant::now();
        failures.reserve(client(1), now).unwrap();
        failures.reserve(client(1), now).unwrap();
        assert!(failures.reserve(client(1), now).is_err());
        failures.refund(client(1), now);
        failures.reserve(client(1), now).unwrap();
    }

    #[test]
    fn buckets_refill_over_time_and_full_ones_are_forgotten() {
        let failures = Failures::per_minute(60);
        let start = Instant::now();
        for last in 0..10 {
            for _ in 0..60 {
                failures.reserve(client(last), start).unwrap();
            }
            assert!(failures.reserve(client(last), start).is_err());
        }
        // One unit a second comes back.
        let later = start + Duration::from_secs(1);
        failures.reserve(client(0), later).unwrap();
        assert!(failures.reserve(client(0), later).is_err());
        failures.prune(start + Duration::from_secs(30));
        assert_eq!(failures.len(), 10);
        failures.prune(start + Duration::from_secs(61));
        assert_eq!(failures.len(), 0, "no address is held once refilled");
    }
}
