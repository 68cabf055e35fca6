//! Everything that holds or makes secret material, in one place: the key
//! directory ([`keys`]: files kept apart from the data, mode 0600), the
//! vault that seals critique text under per-period data keys ([`vault`]),
//! and the operating system's CSPRNG ([`random`]) behind every random id,
//! nonce and shuffle. Nothing here knows about HTTP or the store.

pub mod keys;
pub mod random;
pub mod vault;
