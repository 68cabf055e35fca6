//! Hashes shared by every layer: SHA-256 for fingerprints and for the
//! stored form of high-entropy secrets (the admin token, organisation keys,
//! Privacy Pass key ids). Keyed hashes of low-entropy secrets (paper codes,
//! invitations) are HMACs and live with their keys in `tokens`.
//!
//! Unit tests can count the hashes a piece of code computes
//! ([`hashes_during`]): a deterministic way to check that two paths do the
//! same work, where timing them would need a bound far wider than one hash.

use ring::digest;

/// SHA-256, for fingerprints and hashes of high-entropy secrets.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    #[cfg(test)]
    HASHES.with(|n| n.set(n.get() + 1));
    let mut out = [0u8; 32];
    out.copy_from_slice(digest::digest(&digest::SHA256, bytes).as_ref());
    out
}

#[cfg(test)]
thread_local! {
    /// [`sha256`] calls on this thread (tests only).
    static HASHES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// What `f` returns and how many times it called [`sha256`] on this thread.
#[cfg(test)]
pub(crate) fn hashes_during<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = HASHES.with(std::cell::Cell::get);
    let out = f();
    (out, HASHES.with(std::cell::Cell::get) - before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_fips_180_2_vector_and_is_counted() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        let (hash, n) = hashes_during(|| sha256(b"abc"));
        assert_eq!(
            crate::encoding::hex(&hash),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(n, 1);
    }
}
