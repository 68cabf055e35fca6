//! The transparency log's records: leaves, signed tree heads, sealed
//! digests, and the Ed25519 key that signs tree heads.
//!
//! Leaves are canonical JSON (the exact bytes are stored and published), one
//! of: a critique commitment, a sealed digest's SHA-256, a token key in
//! use (RFC 9576 §6 key consistency: everyone must see the same keys), or
//! the hash of a response version or pledge step (the public record).
//! Critique commitments of a period are appended in random order, so a
//! leaf's position says nothing about when its critique arrived.

use super::merkle::Hash;
use super::note::{Checkpoint, Note, NoteSignature, Verifier};
pub use crate::domain::Totals;
use crate::encoding::{base64, from_base64, hash_from_hex, hex};
use crate::secrets::keys::KeyDir;
use anyhow::{anyhow, Result};
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::{Deserialize, Serialize};

/// Key-directory file of the log's signing key (PKCS#8).
const SIGNING_KEY_FILE: &str = "log-signing.pk8";

/// One leaf of the log.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Leaf {
    /// The commitment (receipt) of one stored critique.
    Critique {
        round: String,
        period: String,
        commitment: String,
    },
    /// The SHA-256 of a sealed digest's published JSON.
    Digest {
        round: String,
        period: String,
        sha256: String,
    },
    /// A token-issuing key in use (RFC 9578 token_key_id and key): the one
    /// key shared by every round before issue 17.
    TokenKey {
        token_type: u16,
        key_id: String,
        token_key: String,
    },
    /// The week (its Monday, YYYY-MM-DD) in which the heads after it were
    /// made: the first append of every week logs one (and the server logs
    /// one each week even when nothing else happens), so a head shows when
    /// it was made and a log that stopped moving shows too.
    Period { period: String },
    /// A round's token-issuing key (RFC 9578 token_key_id, hex, and SPKI,
    /// padded base64url) and the day it starts issuing, logged before any
    /// challenge names it (RFC 9576 §6.2: everyone can check they see the
    /// same key for the round).
    RoundTokenKey {
        round: String,
        token_type: u16,
        key_id: String,
        token_key: String,
        not_before: String,
    },
    /// One version of an organisation's response to a theme of a release
    /// (see [`super::record`]): the SHA-256 of its canonical bytes, not
    /// its text, which the record page publishes.
    Response {
        round: String,
        /// The release's period.
        period: String,
        theme: String,
        /// 0 for the first version.
        version: u32,
        /// The period the version was published in.
        changed_in: String,
        sha256: String,
    },
    /// One step of a pledge's history (0: made), hashed the same way.
    Pledge {
        round: String,
        /// The release's period.
        period: String,
        /// The pledge's random id.
        pledge: String,
        version: u32,
        changed_in: String,
        sha256: String,
    },
}

impl Leaf {
    /// The exact bytes that are hashed into the tree.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// A signed tree head: the log's state after a period was sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeHead {
    pub tree_size: u64,
    pub root_hash: String,
    /// The period this head sealed.
    pub round: String,
    pub period: String,
    /// SHA-256 of that period's published digest JSON.
    pub digest_sha256: String,
    /// Ed25519 over [`TreeHead::signed_bytes`], base64.
    pub signature: String,
}

impl TreeHead {
    /// What the signature covers: a domain separator, then every field.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut b = b"parrhesia/tree-head/v1\0".to_vec();
        b.extend_from_slice(&self.tree_size.to_be_bytes());
        b.extend_from_slice(self.root_hash.as_bytes());
        for field in [&self.round, &self.period, &self.digest_sha256] {
            b.push(0);
            b.extend_from_slice(field.as_bytes());
        }
        b
    }

    pub fn root(&self) -> Option<Hash> {
        hash_from_hex(&self.root_hash)
    }

    /// Check the signature against the log's public key.
    pub fn verify(&self, public_key: &[u8]) -> bool {
        from_base64(&self.signature).is_some_and(|sig| {
            UnparsedPublicKey::new(&ED25519, public_key)
                .verify(&self.signed_bytes(), &sig)
                .is_ok()
        })
    }
}

/// A checkpoint as stored and published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointRecord {
    /// The checkpoint note signed by the log.
    pub note: String,
    /// Witnesses' cosignature lines (`— name base64…\n`), one per key.
    pub cosignatures: Vec<String>,
}

impl CheckpointRecord {
    /// The note with every cosignature: what `/checkpoint` serves.
    pub fn render(&self) -> String {
        let mut out = self.note.clone();
        for line in &self.cosignatures {
            out.push_str(line);
        }
        out
    }

    /// Its size, read from the note.
    pub fn size(&self) -> Option<u64> {
        let note = Note::parse(&self.note).ok()?;
        Checkpoint::parse(&note.text).ok().map(|c| c.size)
    }

    /// Add `lines`, replacing an older line of the same key.
    pub fn merge(&mut self, lines: &[NoteSignature]) {
        for new in lines {
            let same = Some((new.name.as_str(), new.key_id));
            self.cosignatures.retain(|old| line_key(old) != same);
            self.cosignatures.push(new.line());
        }
        self.cosignatures.sort();
    }
}

/// The key name and key ID of a signature line.
fn line_key(line: &str) -> Option<(&str, u32)> {
    let (name, sig) = line
        .strip_prefix("\u{2014} ")?
        .trim_end_matches('\n')
        .split_once(' ')?;
    let raw = crate::encoding::from_base64(sig)?;
    let id = raw.get(..4)?;
    Some((name, u32::from_be_bytes([id[0], id[1], id[2], id[3]])))
}

/// The log's signing key; its public half is published at `/audit`.
pub struct LogSigner(Ed25519KeyPair);

impl std::fmt::Debug for LogSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LogSigner({})", hex(self.public_key()))
    }
}

impl LogSigner {
    /// Load the signing key from the key directory, creating it on first run.
    pub fn load(keys: &KeyDir) -> Result<Self> {
        if !keys.has(SIGNING_KEY_FILE) {
            let pkcs8 = Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new())
                .map_err(|_| anyhow!("could not make the log signing key"))?;
            keys.write(SIGNING_KEY_FILE, pkcs8.as_ref())?;
        }
        let pair = Ed25519KeyPair::from_pkcs8(&keys.read(SIGNING_KEY_FILE)?)
            .map_err(|_| anyhow!("{SIGNING_KEY_FILE} is damaged"))?;
        Ok(Self(pair))
    }

    pub fn public_key(&self) -> &[u8] {
        self.0.public_key().as_ref()
    }

    /// Fill in the head's signature.
    pub fn sign(&self, head: &mut TreeHead) {
        head.signature = base64(self.0.sign(&head.signed_bytes()).as_ref());
    }

    /// The log's origin line and note key name (c2sp.org/tlog-checkpoint):
    /// derived from its key, so it is stable while the key is and unique to
    /// this log, whatever address the service has.
    pub fn origin(&self) -> String {
        origin_of(self.public_key())
    }

    /// The log's verifier key, `origin+keyid+base64(0x01 || key)`.
    pub fn vkey(&self) -> String {
        log_verifier(self.public_key())
            .map(|v| v.vkey())
            .unwrap_or_default()
    }

    /// The signed checkpoint of a tree of `size` leaves with root `root`.
    pub fn checkpoint(&self, size: u64, root: &Hash) -> String {
        let text = Checkpoint {
            origin: self.origin(),
            size,
            root: *root,
        }
        .text();
        let signature = super::note::sign(&self.0, &self.origin(), &text);
        Note {
            text,
            signatures: vec![signature],
        }
        .render()
    }
}

/// The origin of the log whose Ed25519 key is `public_key`.
pub fn origin_of(public_key: &[u8]) -> String {
    let h = ring::digest::digest(&ring::digest::SHA256, public_key);
    format!("parrhesia.log/{}", hex(&h.as_ref()[..8]))
}

/// The note verifier of the log whose Ed25519 key is `public_key`.
pub fn log_verifier(public_key: &[u8]) -> Option<Verifier> {
    let key: [u8; 32] = public_key.try_into().ok()?;
    Verifier::new(&origin_of(public_key), super::note::ED25519, key).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_verify_only_unchanged_and_with_the_right_key() {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("k"), &root.path().join("d")).unwrap();
        let signer = LogSigner::load(&keys).unwrap();
        let mut head = TreeHead {
            tree_size: 3,
            root_hash: hex(&[7; 32]),
            round: "r".into(),
            period: "2026-11-23".into(),
            digest_sha256: hex(&[9; 32]),
            signature: String::new(),
        };
        signer.sign(&mut head);
        assert!(head.verify(signer.public_key()));
        let mut forged = head.clone();
        forged.tree_size = 4;
        assert!(!forged.verify(signer.public_key()));
        let other = KeyDir::open(&root.path().join("k2"), &root.path().join("d")).unwrap();
        assert!(!head.verify(LogSigner::load(&other).unwrap().public_key()));
        // The key survives a restart.
        assert_eq!(
            LogSigner::load(&keys).unwrap().public_key(),
            signer.public_key()
        );
    }

    #[test]
    fn leaves_have_a_stable_tagged_form() {
        let leaf = Leaf::Digest {
            round: "r".into(),
            period: "p".into(),
            sha256: "00".into(),
        };
        assert_eq!(
            String::from_utf8(leaf.to_bytes()).unwrap(),
            r#"{"kind":"digest","round":"r","period":"p","sha256":"00"}"#
        );
    }
}
