//! Staff sessions, in memory only.
//!
//! A session id is 256 random bits, handed to the browser once in a cookie.
//! The server keeps only its SHA-256, with the user's id, a CSRF token and
//! two times on the [`SessionClock`] (when it started and when it was last
//! used), all in memory: nothing about a session reaches the disk, and a
//! restart signs everyone out.
//!
//! # Security contract
//! [`Sessions::get`] refuses (and forgets) a session idle for more than
//! [`IDLE_SECS`] or older than [`ABSOLUTE_SECS`]; [`Sessions::end`] removes
//! it at once, so a copied cookie is worthless after log-out. CSRF tokens
//! are compared in constant time.

use crate::clock::SessionClock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use subtle::ConstantTimeEq;

/// A session unused for this long ends (30 minutes).
pub const IDLE_SECS: u64 = 30 * 60;
/// A session ends this long after log-in, however busy (12 hours).
pub const ABSOLUTE_SECS: u64 = 12 * 60 * 60;

/// What the server remembers of one session.
struct Entry {
    user_id: String,
    csrf: [u8; 32],
    started: u64,
    last_used: u64,
}

/// A live session, as a handler sees it.
#[derive(Clone)]
pub struct Session {
    pub user_id: String,
    csrf: [u8; 32],
}

impl Session {
    /// The token every state-changing form of this session carries.
    pub fn csrf_token(&self) -> String {
        crate::encoding::hex(&self.csrf)
    }

    /// Whether `presented` is this session's CSRF token, compared in
    /// constant time.
    pub fn csrf_ok(&self, presented: &str) -> bool {
        let expected = self.csrf_token();
        presented.len() == expected.len()
            && bool::from(presented.as_bytes().ct_eq(expected.as_bytes()))
    }
}

/// Every live session of one server.
pub struct Sessions {
    map: Mutex<HashMap<[u8; 32], Entry>>,
    clock: Arc<dyn SessionClock>,
}

fn key(id: &str) -> [u8; 32] {
    crate::crypto::sha256(id.as_bytes())
}

impl Sessions {
    pub fn new(clock: Arc<dyn SessionClock>) -> Self {
        Self {
            map: Mutex::new(HashMap::new()),
            clock,
        }
    }

    /// Seconds on the monotonic clock sessions are timed by (also used
    /// for the hourly snapshots of live counts, `app::live`).
    pub fn now_secs(&self) -> u64 {
        self.clock.now_secs()
    }

    /// Unix time on the same clock, for one-time codes' steps.
    pub fn unix_secs(&self) -> u64 {
        self.clock.unix_secs()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], Entry>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Start a session for `user_id`; returns the id for the cookie (shown
    /// to no one else and not kept).
    pub fn start(&self, user_id: &str) -> Result<String, ring::error::Unspecified> {
        let id = crate::encoding::hex(&crate::secrets::random::bytes::<32>()?);
        let now = self.clock.now_secs();
        let entry = Entry {
            user_id: user_id.to_owned(),
            csrf: crate::secrets::random::bytes::<32>()?,
            started: now,
            last_used: now,
        };
        let mut map = self.lock();
        Self::prune_locked(&mut map, now);
        map.insert(key(&id), entry);
        Ok(id)
    }

    /// The live session with this id, marked as used now; `None` if there
    /// is none or it has timed out (then it is forgotten).
    pub fn get(&self, id: &str) -> Option<Session> {
        let now = self.clock.now_secs();
        let k = key(id);
        let mut map = self.lock();
        let entry = map.get_mut(&k)?;
        if expired(entry, now) {
            map.remove(&k);
            return None;
        }
        entry.last_used = now;
        Some(Session {
            user_id: entry.user_id.clone(),
            csrf: entry.csrf,
        })
    }

    /// End the session with this id (log-out).
    pub fn end(&self, id: &str) {
        self.lock().remove(&key(id));
    }

    /// End every session of `user_id` (removed, or given a new password).
    pub fn end_user(&self, user_id: &str) {
        self.lock().retain(|_, e| e.user_id != user_id);
    }

    /// End every session of `user_id` except `keep` (the browser that just
    /// changed the account's second factor stays signed in; any other,
    /// perhaps an attacker's with a phished password, does not).
    pub fn end_others(&self, user_id: &str, keep: &str) {
        let kept = key(keep);
        self.lock()
            .retain(|k, e| e.user_id != user_id || *k == kept);
    }

    /// Sessions remembered (for tests).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn prune_locked(map: &mut HashMap<[u8; 32], Entry>, now: u64) {
        map.retain(|_, e| !expired(e, now));
    }
}

fn expired(e: &Entry, now: u64) -> bool {
    now.saturating_sub(e.last_used) > IDLE_SECS || now.saturating_sub(e.started) > ABSOLUTE_SECS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualSessionClock;

    #[test]
    fn sessions_end_when_idle_too_long_or_too_old_or_logged_out() {
        let clock = ManualSessionClock::default();
        let sessions = Sessions::new(Arc::new(clock.clone()));
        let id = sessions.start("u1").unwrap();
        assert_eq!(id.len(), 64);
        clock.advance(IDLE_SECS);
        assert!(
            sessions.get(&id).is_some(),
            "exactly the idle limit is fine"
        );
        clock.advance(IDLE_SECS + 1);
        assert!(sessions.get(&id).is_none(), "idle too long");
        assert!(sessions.is_empty());

        let id = sessions.start("u1").unwrap();
        for _ in 0..(ABSOLUTE_SECS / IDLE_SECS) {
            clock.advance(IDLE_SECS - 1);
            assert!(sessions.get(&id).is_some());
        }
        clock.advance(IDLE_SECS);
        assert!(sessions.get(&id).is_none(), "older than the absolute limit");

        let id = sessions.start("u1").unwrap();
        sessions.end(&id);
        assert!(sessions.get(&id).is_none());
    }

    #[test]
    fn only_the_hash_of_the_id_is_kept_and_csrf_is_checked() {
        let sessions = Sessions::new(Arc::new(ManualSessionClock::default()));
        let id = sessions.start("u1").unwrap();
        let map = sessions.lock();
        assert!(map.contains_key(&key(&id)));
        assert!(!map.keys().any(|k| crate::encoding::hex(k) == id));
        drop(map);
        let s = sessions.get(&id).unwrap();
        assert!(s.csrf_ok(&s.csrf_token()));
        assert!(!s.csrf_ok(""));
        assert!(!s.csrf_ok(&"0".repeat(64)));
    }
}
