//! Signed notes, checkpoints and cosignatures in the C2SP formats, so that
//! standard transparency tools can read and check this log's heads:
//!
//! - c2sp.org/signed-note: text ending in a newline, a blank line, then
//!   signature lines `— <key name> base64(key ID || signature)`; key ID =
//!   SHA-256(name || 0x0A || type || public key)[:4]; verifier keys written
//!   `<name>+<hex key ID>+base64(type || public key)`. Type 0x01 is an
//!   Ed25519 signature over the text (the log's own).
//! - c2sp.org/tlog-checkpoint: the text is `origin\nsize\nbase64(root)\n`
//!   (no extension lines: they are not auditable).
//! - c2sp.org/tlog-cosignature: type 0x04, a witness's timestamped Ed25519
//!   signature, 8-byte big-endian POSIX time then 64 bytes, over
//!   `cosignature/v1\ntime <t>\n` followed by the checkpoint text.
//!
//! Pure functions: parsing, formatting, signing and checking.

use crate::encoding::{base64, from_base64};
use ring::digest::{digest, SHA256};
use ring::signature::{Ed25519KeyPair, UnparsedPublicKey};

/// Signature type of a plain Ed25519 note signature (the log's).
pub const ED25519: u8 = 0x01;
/// Signature type of a timestamped Ed25519 cosignature (a witness's).
pub const COSIGNATURE_V1: u8 = 0x04;
/// Verifiers must accept at least 16 signatures (signed-note); more is
/// refused as abuse.
const MAX_SIGNATURES: usize = 64;

/// Why a note or key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("the note is malformed: {0}")]
    Malformed(&'static str),
    #[error("the verifier key is malformed: {0}")]
    BadKey(&'static str),
}

/// One signature line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSignature {
    pub name: String,
    pub key_id: u32,
    /// The signature bytes after the key ID.
    pub bytes: Vec<u8>,
}

impl NoteSignature {
    /// `— <name> <base64(key ID || bytes)>\n`.
    pub fn line(&self) -> String {
        let mut raw = self.key_id.to_be_bytes().to_vec();
        raw.extend_from_slice(&self.bytes);
        format!("\u{2014} {} {}\n", self.name, base64(&raw))
    }
}

/// A signed note: its text (with its final newline) and its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub signatures: Vec<NoteSignature>,
}

fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

impl Note {
    /// Parse a signed note (c2sp.org/signed-note).
    pub fn parse(note: &str) -> Result<Self, NoteError> {
        if note.chars().any(|c| c.is_control() && c != '\n') {
            return Err(NoteError::Malformed("a control character"));
        }
        // The text ends at the last blank line.
        let split = note
            .rfind("\n\n")
            .ok_or(NoteError::Malformed("no blank line before the signatures"))?;
        let (text, sigs) = (&note[..=split], &note[split + 2..]);
        if !sigs.ends_with('\n') {
            return Err(NoteError::Malformed(
                "the last signature line has no newline",
            ));
        }
        let mut signatures = Vec::new();
        for line in sigs[..sigs.len() - 1].split('\n') {
            let rest = line
                .strip_prefix("\u{2014} ")
                .ok_or(NoteError::Malformed("a signature line without its dash"))?;
            let (name, sig) = rest
                .split_once(' ')
                .ok_or(NoteError::Malformed("a signature line without a signature"))?;
            if !valid_name(name) {
                return Err(NoteError::Malformed("a key name with a space or plus"));
            }
            let raw = from_base64(sig).ok_or(NoteError::Malformed("a signature not in base64"))?;
            if raw.len() < 5 {
                return Err(NoteError::Malformed("a signature too short"));
            }
            signatures.push(NoteSignature {
                name: name.to_owned(),
                key_id: u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]),
                bytes: raw[4..].to_vec(),
            });
        }
        if signatures.is_empty() || signatures.len() > MAX_SIGNATURES {
            return Err(NoteError::Malformed("no signature, or too many"));
        }
        Ok(Self {
            text: text.to_owned(),
            signatures,
        })
    }

    /// The note as text: its text, a blank line, its signature lines.
    pub fn render(&self) -> String {
        let mut out = self.text.clone();
        out.push('\n');
        for s in &self.signatures {
            out.push_str(&s.line());
        }
        out
    }

    /// The signatures that `verifier` recognises (name and key ID) and
    /// that verify. A recognised signature that does not verify makes the
    /// whole note bad (signed-note: "clients SHOULD reject the whole note").
    pub fn verified_by(&self, verifier: &Verifier) -> Result<Vec<&NoteSignature>, NoteError> {
        let mut good = Vec::new();
        for s in &self.signatures {
            if s.name != verifier.name || s.key_id != verifier.key_id {
                continue; // Unknown keys are ignored.
            }
            if !verifier.verify(&self.text, &s.bytes) {
                return Err(NoteError::Malformed(
                    "a signature by a known key does not verify",
                ));
            }
            good.push(s);
        }
        Ok(good)
    }
}

/// key ID = SHA-256(name || 0x0A || type || public key)[:4], big-endian.
pub fn key_id(name: &str, kind: u8, public_key: &[u8]) -> u32 {
    let mut input = name.as_bytes().to_vec();
    input.push(b'\n');
    input.push(kind);
    input.extend_from_slice(public_key);
    let h = digest(&SHA256, &input);
    let h = h.as_ref();
    u32::from_be_bytes([h[0], h[1], h[2], h[3]])
}

/// A verifier key: a name, a type (0x01 or 0x04) and an Ed25519 key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verifier {
    pub name: String,
    pub kind: u8,
    pub key_id: u32,
    pub public_key: [u8; 32],
}

impl Verifier {
    pub fn new(name: &str, kind: u8, public_key: [u8; 32]) -> Result<Self, NoteError> {
        if !valid_name(name) {
            return Err(NoteError::BadKey("a name with a space or plus"));
        }
        Ok(Self {
            name: name.to_owned(),
            kind,
            key_id: key_id(name, kind, &public_key),
            public_key,
        })
    }

    /// Read `<name>+<hex key ID>+<base64(type || key)>`; the key ID must be
    /// the one the name and key give.
    pub fn parse(vkey: &str) -> Result<Self, NoteError> {
        let mut parts = vkey.trim().splitn(3, '+');
        let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(NoteError::BadKey("not name+id+key"));
        };
        let id = u32::from_str_radix(id, 16)
            .ok()
            .filter(|_| id.len() == 8)
            .ok_or(NoteError::BadKey("the key ID is not 8 hex digits"))?;
        let raw = from_base64(key).ok_or(NoteError::BadKey("the key is not base64"))?;
        let (&kind, public_key) = raw.split_first().ok_or(NoteError::BadKey("empty"))?;
        if kind != ED25519 && kind != COSIGNATURE_V1 {
            return Err(NoteError::BadKey("not an Ed25519 or cosignature/v1 key"));
        }
        let public_key: [u8; 32] = public_key
            .try_into()
            .map_err(|_| NoteError::BadKey("an Ed25519 key is 32 bytes"))?;
        let verifier = Self::new(name, kind, public_key)?;
        if verifier.key_id != id {
            return Err(NoteError::BadKey(
                "the key ID does not match the name and key",
            ));
        }
        Ok(verifier)
    }

    /// The vkey text.
    pub fn vkey(&self) -> String {
        let mut raw = vec![self.kind];
        raw.extend_from_slice(&self.public_key);
        format!("{}+{:08x}+{}", self.name, self.key_id, base64(&raw))
    }

    fn verify(&self, text: &str, sig: &[u8]) -> bool {
        let key = UnparsedPublicKey::new(&ring::signature::ED25519, &self.public_key);
        match self.kind {
            ED25519 => key.verify(text.as_bytes(), sig).is_ok(),
            COSIGNATURE_V1 => {
                let Some((time, sig)) = sig.split_first_chunk::<8>() else {
                    return false;
                };
                let time = u64::from_be_bytes(*time);
                time <= i64::MAX as u64
                    && key
                        .verify(cosigned_message(text, time).as_bytes(), sig)
                        .is_ok()
            }
            _ => false,
        }
    }
}

/// The message a cosignature/v1 signs (c2sp.org/tlog-cosignature).
fn cosigned_message(text: &str, time: u64) -> String {
    format!("cosignature/v1\ntime {time}\n{text}")
}

/// The time in a cosignature/v1 signature (POSIX seconds).
pub fn cosignature_time(sig: &NoteSignature) -> Option<u64> {
    sig.bytes
        .split_first_chunk::<8>()
        .filter(|_| sig.bytes.len() == 8 + 64)
        .map(|(t, _)| u64::from_be_bytes(*t))
}

/// Sign `text` with the log's key: a type 0x01 signature line.
pub fn sign(pair: &Ed25519KeyPair, name: &str, text: &str) -> NoteSignature {
    let public: [u8; 32] = ring::signature::KeyPair::public_key(pair)
        .as_ref()
        .try_into()
        .unwrap_or([0; 32]);
    NoteSignature {
        name: name.to_owned(),
        key_id: key_id(name, ED25519, &public),
        bytes: pair.sign(text.as_bytes()).as_ref().to_vec(),
    }
}

/// Cosign checkpoint `text` at POSIX time `time`: a type 0x04 line.
pub fn cosign(pair: &Ed25519KeyPair, name: &str, text: &str, time: u64) -> NoteSignature {
    let public: [u8; 32] = ring::signature::KeyPair::public_key(pair)
        .as_ref()
        .try_into()
        .unwrap_or([0; 32]);
    let mut bytes = time.to_be_bytes().to_vec();
    bytes.extend_from_slice(pair.sign(cosigned_message(text, time).as_bytes()).as_ref());
    NoteSignature {
        name: name.to_owned(),
        key_id: key_id(name, COSIGNATURE_V1, &public),
        bytes,
    }
}

/// A checkpoint's text (c2sp.org/tlog-checkpoint).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: [u8; 32],
}

impl Checkpoint {
    pub fn text(&self) -> String {
        format!("{}\n{}\n{}\n", self.origin, self.size, base64(&self.root))
    }

    /// Read a checkpoint's text; extension lines are refused (we write
    /// none, and they are not auditable).
    pub fn parse(text: &str) -> Result<Self, NoteError> {
        let lines: Vec<&str> = text
            .strip_suffix('\n')
            .ok_or(NoteError::Malformed("a checkpoint ends with a newline"))?
            .split('\n')
            .collect();
        let [origin, size, root] = lines.as_slice() else {
            return Err(NoteError::Malformed(
                "a checkpoint has exactly three lines here",
            ));
        };
        let size_ok = !size.is_empty()
            && size.bytes().all(|b| b.is_ascii_digit())
            && (*size == "0" || !size.starts_with('0'));
        let size: u64 = size
            .parse()
            .ok()
            .filter(|_| size_ok)
            .ok_or(NoteError::Malformed("the tree size"))?;
        let root: [u8; 32] = from_base64(root)
            .and_then(|r| r.try_into().ok())
            .ok_or(NoteError::Malformed("the root hash"))?;
        if origin.is_empty() {
            return Err(NoteError::Malformed("an empty origin"));
        }
        Ok(Self {
            origin: (*origin).to_owned(),
            size,
            root,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of c2sp.org/signed-note, "Verifier keys".
    #[test]
    fn the_signed_note_example_verifies() {
        let v = Verifier::parse(
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        )
        .unwrap();
        assert_eq!(v.kind, ED25519);
        let note = "This is an example message.\n\n\u{2014} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        let parsed = Note::parse(note).unwrap();
        assert_eq!(parsed.text, "This is an example message.\n");
        assert_eq!(parsed.verified_by(&v).unwrap().len(), 1);
        assert_eq!(parsed.render(), note);
        let mut changed = parsed.clone();
        changed.text = "This is an example message!\n".into();
        assert!(changed.verified_by(&v).is_err());
        // A different key of the same name is ignored, not an error.
        let other = Verifier::new("example.com/foo", ED25519, [9; 32]).unwrap();
        assert!(parsed.verified_by(&other).unwrap().is_empty());
    }

    /// Verifier keys published by the transparency-dev/formats tests: a
    /// cosignature/v1 (type 0x04) witness key, and a plain Ed25519 one.
    #[test]
    fn published_vkeys_have_the_key_ids_the_spec_computes() {
        let w =
            Verifier::parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2")
                .unwrap();
        assert_eq!(w.kind, COSIGNATURE_V1);
        assert_eq!(
            w.vkey(),
            "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"
        );
        assert!(
            Verifier::parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").is_ok()
        );
        for bad in [
            "rekor.sigstore.dev+00000000+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
            "bananas.sigstore.dev+12344556",
            "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
            "rekor.sigstore.dev+12345678+AwEB",
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2",
        ] {
            assert!(Verifier::parse(bad).is_err(), "{bad}");
        }
        // The timestamp of a published cosignature (2024-10-03 14:06:07).
        let raw = from_base64(
            "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==",
        )
        .unwrap();
        let sig = NoteSignature {
            name: "w".into(),
            key_id: u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]),
            bytes: raw[4..].to_vec(),
        };
        assert_eq!(cosignature_time(&sig), Some(1727964367));
    }

    #[test]
    fn checkpoints_are_signed_and_cosigned_and_tampering_shows() {
        let rng = ring::rand::SystemRandom::new();
        let pair = |_| {
            Ed25519KeyPair::from_pkcs8(Ed25519KeyPair::generate_pkcs8(&rng).unwrap().as_ref())
                .unwrap()
        };
        let (log, witness) = (pair(0), pair(1));
        let pk = |p: &Ed25519KeyPair| -> [u8; 32] {
            ring::signature::KeyPair::public_key(p)
                .as_ref()
                .try_into()
                .unwrap()
        };
        let checkpoint = Checkpoint {
            origin: "example.org/log".into(),
            size: 20852163,
            root: [7; 32],
        };
        let text = checkpoint.text();
        assert_eq!(Checkpoint::parse(&text).unwrap(), checkpoint);
        let note = Note {
            text: text.clone(),
            signatures: vec![
                sign(&log, "example.org/log", &text),
                cosign(&witness, "witness.example/w1", &text, 1679315147),
            ],
        };
        let rendered = note.render();
        let parsed = Note::parse(&rendered).unwrap();
        let log_v = Verifier::new("example.org/log", ED25519, pk(&log)).unwrap();
        let wit_v = Verifier::new("witness.example/w1", COSIGNATURE_V1, pk(&witness)).unwrap();
        assert_eq!(parsed.verified_by(&log_v).unwrap().len(), 1);
        let cosigs = parsed.verified_by(&wit_v).unwrap();
        assert_eq!(cosignature_time(cosigs[0]), Some(1679315147));
        assert_eq!(Verifier::parse(&wit_v.vkey()).unwrap(), wit_v);
        // A cosignature is not a plain signature, even with the same key.
        let plain = Verifier::new("witness.example/w1", ED25519, pk(&witness)).unwrap();
        assert!(parsed.verified_by(&plain).unwrap().is_empty());
        // Another size, root or time: nothing verifies.
        for (from, to) in [("20852163", "20852164"), ("Bwc", "Bwd")] {
            let forged = Note::parse(&rendered.replacen(from, to, 1)).unwrap();
            assert!(forged.verified_by(&log_v).is_err(), "{from}");
            assert!(forged.verified_by(&wit_v).is_err(), "{from}");
        }
        let mut late = parsed.clone();
        late.signatures[1].bytes[7] ^= 1;
        assert!(late.verified_by(&wit_v).is_err());
        for bad in [
            "a\n1\nAA==\n",
            "a\n01\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n",
            "\n1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n",
            "a\n1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\next\n",
            "a\n1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
        ] {
            assert!(Checkpoint::parse(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "text\n",
            "text\n\n",
            "text\n\n\u{2014} name\n",
            "text\n\n- name AAAAAAA=\n",
            "text\n\n\u{2014} na+me AAAAAAA=\n",
            "te\u{7}xt\n\n\u{2014} name AAAAAAA=\n",
        ] {
            assert!(Note::parse(bad).is_err(), "{bad:?}");
        }
    }
}
