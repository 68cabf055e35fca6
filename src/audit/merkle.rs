//! The Merkle tree of the transparency log, exactly as RFC 9162 §2.1
//! (Certificate Transparency v2) defines it: SHA-256, leaf hashes prefixed
//! with 0x00 and interior nodes with 0x01, splitting at the largest power of
//! two smaller than the size, with inclusion (§2.1.3) and consistency
//! (§2.1.4) proofs and their verification algorithms.
//!
//! Pure functions over leaf hashes; the known-answer tests below use the
//! published RFC 6962 test data in `tests/vectors/merkle-rfc6962.json`.

use ring::digest::{digest, Context, SHA256};

pub type Hash = [u8; 32];

fn finish(ctx: Context) -> Hash {
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

/// MTH({d}) = SHA-256(0x00 || d) (§2.1.1).
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut ctx = Context::new(&SHA256);
    ctx.update(&[0x00]);
    ctx.update(data);
    finish(ctx)
}

/// SHA-256(0x01 || left || right) (§2.1.1).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut ctx = Context::new(&SHA256);
    ctx.update(&[0x01]);
    ctx.update(left);
    ctx.update(right);
    finish(ctx)
}

/// The largest power of two smaller than `n` (n > 1).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

/// MTH(D[n]) over leaf hashes (§2.1.1); the empty tree hashes to SHA-256("").
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => {
            let mut out = [0u8; 32];
            out.copy_from_slice(digest(&SHA256, b"").as_ref());
            out
        }
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// The right edge of a growing tree: the roots of its complete subtrees,
/// largest first (one per set bit of the size). Enough to append leaves and
/// compute the root without holding the leaves (RFC 9162 §2.1.1 splits at
/// the largest power of two, so the root folds these roots from the right),
/// so the log's writer keeps `O(log n)` hashes, never one per leaf.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontier {
    size: u64,
    nodes: Vec<Hash>,
}

impl Frontier {
    /// A frontier read back from storage; `None` if `nodes` does not have
    /// one hash per set bit of `size`.
    pub fn from_parts(size: u64, nodes: Vec<Hash>) -> Option<Self> {
        (nodes.len() == size.count_ones() as usize).then_some(Self { size, nodes })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn nodes(&self) -> &[Hash] {
        &self.nodes
    }

    /// Append one leaf hash.
    pub fn push(&mut self, leaf: Hash) {
        let mut h = leaf;
        let mut s = self.size;
        while s & 1 == 1 {
            if let Some(left) = self.nodes.pop() {
                h = node_hash(&left, &h);
            }
            s >>= 1;
        }
        self.nodes.push(h);
        self.size += 1;
    }

    /// MTH of every leaf appended so far.
    pub fn root(&self) -> Hash {
        let mut nodes = self.nodes.iter().rev();
        let Some(last) = nodes.next() else {
            return root(&[]);
        };
        nodes.fold(*last, |right, left| node_hash(left, &right))
    }
}

/// PATH(m, D[n]) (§2.1.3.1): the inclusion proof of leaf `m`.
pub fn inclusion_path(leaves: &[Hash], m: usize) -> Option<Vec<Hash>> {
    if m >= leaves.len() {
        return None;
    }
    fn path(m: usize, d: &[Hash], out: &mut Vec<Hash>) {
        if d.len() <= 1 {
            return;
        }
        let k = split(d.len());
        if m < k {
            path(m, &d[..k], out);
            out.push(root(&d[k..]));
        } else {
            path(m - k, &d[k..], out);
            out.push(root(&d[..k]));
        }
    }
    let mut out = Vec::new();
    path(m, leaves, &mut out);
    Some(out)
}

/// PROOF(m, D[n]) (§2.1.4.1): the consistency proof between the first `m`
/// leaves and all of them.
pub fn consistency_path(leaves: &[Hash], m: usize) -> Option<Vec<Hash>> {
    if m > leaves.len() {
        return None;
    }
    fn subproof(m: usize, d: &[Hash], complete: bool, out: &mut Vec<Hash>) {
        let n = d.len();
        if m == n {
            if !complete {
                out.push(root(d));
            }
            return;
        }
        let k = split(n);
        if m <= k {
            subproof(m, &d[..k], complete, out);
            out.push(root(&d[k..]));
        } else {
            subproof(m - k, &d[k..], false, out);
            out.push(root(&d[..k]));
        }
    }
    let mut out = Vec::new();
    if m > 0 {
        subproof(m, leaves, true, &mut out);
    }
    Some(out)
}

/// Verify an inclusion proof (§2.1.3.2).
pub fn verify_inclusion(leaf: &Hash, index: u64, size: u64, path: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in path {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && &r == root
}

/// Verify a consistency proof (§2.1.4.2). Two degenerate cases the RFC's
/// algorithm leaves to the caller: equal sizes need an empty proof and equal
/// roots; every tree is consistent with the empty tree (empty proof).
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    path: &[Hash],
) -> bool {
    if first > second {
        return false;
    }
    if first == second {
        return path.is_empty() && first_root == second_root;
    }
    if first == 0 {
        return path.is_empty() && first_root == &root(&[]);
    }
    if path.is_empty() {
        return false;
    }
    let mut c: Vec<Hash> = Vec::with_capacity(path.len() + 1);
    if first.is_power_of_two() {
        c.push(*first_root);
    }
    c.extend_from_slice(path);
    let (mut f, mut s) = (first - 1, second - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (c[0], c[0]);
    for p in &c[1..] {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(p, &fr);
            sr = node_hash(p, &sr);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, p);
        }
        f >>= 1;
        s >>= 1;
    }
    &fr == first_root && &sr == second_root && s == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::{from_hex, hash_from_hex, hex};
    use serde_json::Value;

    fn vectors() -> Value {
        serde_json::from_str(include_str!("../../tests/vectors/merkle-rfc6962.json")).unwrap()
    }

    fn hashes(v: &Value) -> Vec<Hash> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|h| hash_from_hex(h.as_str().unwrap()).unwrap())
            .collect()
    }

    fn leaves() -> Vec<Hash> {
        vectors()["leaves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| leaf_hash(&from_hex(l.as_str().unwrap()).unwrap()))
            .collect()
    }

    #[test]
    fn a_frontier_gives_the_root_of_every_size_and_survives_a_round_trip() {
        let many: Vec<Hash> = (0..70u8).map(|i| leaf_hash(&[i])).collect();
        let mut f = Frontier::default();
        assert_eq!(f.root(), root(&[]));
        for n in 1..=many.len() {
            f.push(many[n - 1]);
            assert_eq!(f.size(), n as u64);
            assert_eq!(f.root(), root(&many[..n]), "size {n}");
            let back = Frontier::from_parts(f.size(), f.nodes().to_vec()).unwrap();
            assert_eq!(back, f);
        }
        assert!(Frontier::from_parts(3, vec![[0; 32]]).is_none());
    }

    #[test]
    fn roots_match_the_published_vectors() {
        let v = vectors();
        let leaves = leaves();
        assert_eq!(hex(&root(&[])), v["empty_root"].as_str().unwrap());
        for (n, expected) in hashes(&v["roots"]).iter().enumerate() {
            assert_eq!(&root(&leaves[..=n]), expected, "size {}", n + 1);
        }
    }

    #[test]
    fn proofs_match_the_published_vectors_and_verify() {
        let v = vectors();
        let leaves = leaves();
        let roots = hashes(&v["roots"]);
        for case in v["inclusion"].as_array().unwrap() {
            let (i, n) = (
                case["index"].as_u64().unwrap(),
                case["size"].as_u64().unwrap(),
            );
            let expected = hashes(&case["path"]);
            let path = inclusion_path(&leaves[..n as usize], i as usize).unwrap();
            assert_eq!(path, expected, "inclusion {i} of {n}");
            assert!(verify_inclusion(
                &leaves[i as usize],
                i,
                n,
                &path,
                &roots[n as usize - 1]
            ));
        }
        for case in v["consistency"].as_array().unwrap() {
            let (m, n) = (
                case["first"].as_u64().unwrap(),
                case["second"].as_u64().unwrap(),
            );
            let expected = hashes(&case["path"]);
            let path = consistency_path(&leaves[..n as usize], m as usize).unwrap();
            assert_eq!(path, expected, "consistency {m} to {n}");
            assert!(verify_consistency(
                m,
                n,
                &roots[m as usize - 1],
                &roots[n as usize - 1],
                &path
            ));
        }
    }

    #[test]
    fn every_proof_verifies_and_tampered_ones_do_not() {
        let many: Vec<Hash> = (0..40u8)
            .map(|i| leaf_hash(&[i, i.wrapping_mul(7)]))
            .collect();
        let roots: Vec<Hash> = (0..=many.len()).map(|n| root(&many[..n])).collect();
        for n in 1..=many.len() {
            for i in 0..n {
                let path = inclusion_path(&many[..n], i).unwrap();
                assert!(verify_inclusion(
                    &many[i], i as u64, n as u64, &path, &roots[n]
                ));
                assert!(
                    !verify_inclusion(&many[(i + 1) % n], i as u64, n as u64, &path, &roots[n])
                        || n == 1
                );
                if let Some(first) = path.first() {
                    let mut bad = path.clone();
                    bad[0][0] ^= 1;
                    assert!(!verify_inclusion(
                        &many[i], i as u64, n as u64, &bad, &roots[n]
                    ));
                    assert!(first != &[0u8; 32]);
                }
            }
            for m in 0..=n {
                let path = consistency_path(&many[..n], m).unwrap();
                assert!(
                    verify_consistency(m as u64, n as u64, &roots[m], &roots[n], &path),
                    "{m}->{n}"
                );
                if m > 0 && m < n {
                    let mut bad = path.clone();
                    bad[0][5] ^= 0x80;
                    assert!(!verify_consistency(
                        m as u64, n as u64, &roots[m], &roots[n], &bad
                    ));
                    assert!(!verify_consistency(
                        m as u64,
                        n as u64,
                        &roots[m - 1],
                        &roots[n],
                        &path
                    ));
                    assert!(!verify_consistency(
                        m as u64,
                        n as u64,
                        &roots[m],
                        &roots[n],
                        &path[..path.len() - 1]
                    ));
                }
            }
        }
    }
}
