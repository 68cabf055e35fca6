//! Random choices from the operating system's CSPRNG (through ring): used
//! wherever an order could otherwise carry information.

use ring::rand::{SecureRandom, SystemRandom};

/// A uniform number in `0..n` (n > 0), by rejection sampling so that no value
/// is more likely than another.
fn below(rng: &SystemRandom, n: u64) -> Result<u64, ring::error::Unspecified> {
    let zone = u64::MAX - (u64::MAX % n);
    loop {
        let mut b = [0u8; 8];
        rng.fill(&mut b)?;
        let v = u64::from_le_bytes(b);
        if v < zone {
            return Ok(v % n);
        }
    }
}

/// Shuffle in place (Fisher-Yates).
pub fn shuffle<T>(items: &mut [T]) -> Result<(), ring::error::Unspecified> {
    let rng = SystemRandom::new();
    for i in (1..items.len()).rev() {
        let j = below(&rng, i as u64 + 1)? as usize;
        items.swap(i, j);
    }
    Ok(())
}

/// `N` random bytes.
pub fn bytes<const N: usize>() -> Result<[u8; N], ring::error::Unspecified> {
    let mut b = [0u8; N];
    SystemRandom::new().fill(&mut b)?;
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_keeps_every_item_and_moves_them() {
        let original: Vec<u32> = (0..100).collect();
        let mut v = original.clone();
        shuffle(&mut v).unwrap();
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, original);
        // 1 in 100! chance of a false failure.
        assert_ne!(v, original);
    }
}
