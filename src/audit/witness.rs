//! A witness (issue 17): an independent party's process that keeps the
//! newest checkpoint of one log it has cosigned, and cosigns a new one only
//! if it is consistent with that (c2sp.org/tlog-witness). Hosts cannot then
//! show two auditors two histories both cosigned by the same witness.
//!
//! [`add_checkpoint`] is the `add-checkpoint` call of c2sp.org/tlog-witness,
//! with its answers (403, 404, 400, 409, 422); [`run`] drives it by pulling
//! from the log instead of being called by it, so a witness needs no open
//! port: it fetches `/checkpoint` and a consistency proof, checks, cosigns
//! (c2sp.org/tlog-cosignature, cosignature/v1), saves its state, then hands
//! the cosigned note back to the log (`POST /api/v1/audit/cosignatures`).

use super::merkle::{self, Hash};
use super::note::{self, Checkpoint, Note, Verifier};
use crate::encoding::{base64, from_base64, hash_from_hex};
use anyhow::{anyhow, bail, Context, Result};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What a witness remembers about the log it witnesses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WitnessState {
    /// The witness's key name (its cosignatures carry it).
    pub name: String,
    /// The log's verifier key (its name is the log's origin).
    pub log_vkey: String,
    /// The newest checkpoint it cosigned: size and root (base64).
    pub size: u64,
    pub root: String,
}

/// Why a checkpoint was not cosigned, with the HTTP status
/// c2sp.org/tlog-witness gives it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("403: the checkpoint is not signed by the log's key")]
    NotSigned,
    #[error("404: the checkpoint is of another log ({0})")]
    UnknownOrigin(String),
    #[error("400: the old size is larger than the checkpoint's")]
    BadRequest,
    #[error("409: this witness last cosigned size {0}, not the old size given")]
    Conflict(u64),
    #[error("422: THE LOG IS NOT CONSISTENT with what this witness cosigned before: {0}")]
    Inconsistent(&'static str),
}

/// c2sp.org/tlog-witness `add-checkpoint`: check `note` (signed by `log`)
/// against `state`, with a consistency proof from `old` (which must be the
/// size last cosigned). Returns the checkpoint to cosign.
pub fn add_checkpoint(
    state: &WitnessState,
    log: &Verifier,
    old: u64,
    proof: &[Hash],
    note: &str,
) -> Result<Checkpoint, Refusal> {
    let note = Note::parse(note).map_err(|_| Refusal::NotSigned)?;
    let checkpoint = Checkpoint::parse(&note.text).map_err(|_| Refusal::NotSigned)?;
    if checkpoint.origin != log.name {
        return Err(Refusal::UnknownOrigin(checkpoint.origin));
    }
    if !note.verified_by(log).is_ok_and(|s| !s.is_empty()) {
        return Err(Refusal::NotSigned);
    }
    if old > checkpoint.size {
        return Err(Refusal::BadRequest);
    }
    if old != state.size {
        return Err(Refusal::Conflict(state.size));
    }
    if checkpoint.size == 0 && checkpoint.root != merkle::root(&[]) {
        return Err(Refusal::Inconsistent("an empty tree with another root"));
    }
    let old_root: Hash = match from_base64(&state.root).and_then(|r| r.try_into().ok()) {
        Some(r) => r,
        None if old == 0 => merkle::root(&[]),
        None => return Err(Refusal::Inconsistent("the witness's state is damaged")),
    };
    if old == 0 && !proof.is_empty() {
        return Err(Refusal::Inconsistent("a proof from the empty tree"));
    }
    if old == checkpoint.size && old_root != checkpoint.root {
        return Err(Refusal::Inconsistent("the same size with another root"));
    }
    if old != 0
        && old != checkpoint.size
        && !merkle::verify_consistency(old, checkpoint.size, &old_root, &checkpoint.root, proof)
    {
        return Err(Refusal::Inconsistent(
            "the consistency proof does not verify",
        ));
    }
    Ok(checkpoint)
}

/// The witness's signing key, from `file` (PKCS#8), made on first use.
pub fn load_key(file: &Path) -> Result<Ed25519KeyPair> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if !file.exists() {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new())
            .map_err(|_| anyhow!("could not make a witness key"))?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(file)
            .with_context(|| format!("could not create {}", file.display()))?;
        f.write_all(pkcs8.as_ref())?;
        f.sync_all()?;
    }
    Ed25519KeyPair::from_pkcs8(&std::fs::read(file)?)
        .map_err(|_| anyhow!("{} is not an Ed25519 key (PKCS#8)", file.display()))
}

/// The witness's verifier key (cosignature/v1), to give to the host
/// (`PARRHESIA_WITNESSES`) and to auditors (`verify --witness`).
pub fn vkey(pair: &Ed25519KeyPair, name: &str) -> Result<Verifier> {
    let key: [u8; 32] = pair
        .public_key()
        .as_ref()
        .try_into()
        .map_err(|_| anyhow!("not an Ed25519 key"))?;
    Verifier::new(name, note::COSIGNATURE_V1, key).map_err(|e| anyhow!("{e}"))
}

fn read_state(file: &Path) -> Result<Option<WitnessState>> {
    if !file.exists() {
        return Ok(None);
    }
    let bytes = std::fs::read(file)?;
    Ok(Some(serde_json::from_slice(&bytes).with_context(|| {
        format!("the witness state {} is damaged", file.display())
    })?))
}

/// Write a state file atomically (a new file, then a rename).
pub fn write_atomically(file: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = file.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp)
        .with_context(|| format!("could not write {}", tmp.display()))?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, file)?;
    Ok(())
}

/// What one run of the witness did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cosigned {
    pub size: u64,
    pub origin: String,
}

/// One round of the witness: fetch the log's newest checkpoint, check it
/// against `state_file` (made on the first run, pinning `log_key` or, if
/// none is given, the key the log shows), cosign it at POSIX time `now`,
/// save the new state, and hand the cosigned note back to the log.
pub async fn run(
    client: &awc::Client,
    server: &str,
    pair: &Ed25519KeyPair,
    name: Option<&str>,
    state_file: &Path,
    log_key: Option<&Verifier>,
    now: u64,
) -> Result<Cosigned> {
    let server = server.trim_end_matches('/');
    let state = match read_state(state_file)? {
        Some(s) => s,
        None => {
            let name = name.ok_or_else(|| anyhow!("the first run needs --name"))?;
            let log = match log_key {
                Some(k) => k.clone(),
                None => {
                    let doc: super::AuditDocument =
                        super::fetch::get(client, &format!("{server}/api/v1/audit")).await?;
                    Verifier::parse(&doc.log_vkey).map_err(|e| anyhow!("{e}"))?
                }
            };
            WitnessState {
                name: name.to_owned(),
                log_vkey: log.vkey(),
                size: 0,
                root: String::new(),
            }
        }
    };
    let log = Verifier::parse(&state.log_vkey).map_err(|e| anyhow!("{e}"))?;
    if log_key.is_some_and(|k| *k != log) {
        bail!("--log-key differs from the log key this witness pinned");
    }
    let note = super::fetch::get_text(client, &format!("{server}/checkpoint")).await?;
    let size = Note::parse(&note)
        .ok()
        .and_then(|n| Checkpoint::parse(&n.text).ok())
        .map(|c| c.size)
        .ok_or_else(|| anyhow!("{server}/checkpoint is not a checkpoint"))?;
    let proof = if state.size > 0 && state.size < size {
        let url = format!(
            "{server}/api/v1/audit/proof/consistency?first={}&second={size}",
            state.size
        );
        let p: super::fetch::Proof = super::fetch::get(client, &url).await?;
        p.path
            .iter()
            .map(|h| hash_from_hex(h))
            .collect::<Option<Vec<Hash>>>()
            .ok_or_else(|| anyhow!("{url} returned a malformed proof"))?
    } else {
        Vec::new()
    };
    let checkpoint = add_checkpoint(&state, &log, state.size, &proof, &note)?;
    let line = note::cosign(pair, &state.name, &checkpoint.text(), now);
    // c2sp.org/tlog-witness: the new state is persisted before the
    // cosignature leaves.
    let next = WitnessState {
        size: checkpoint.size,
        root: base64(&checkpoint.root),
        ..state
    };
    write_atomically(state_file, &serde_json::to_vec_pretty(&next)?)?;
    let cosigned = format!("{note}{}", line.line());
    let url = format!("{server}/api/v1/audit/cosignatures");
    let mut res = client
        .post(&url)
        .content_type("text/plain; charset=utf-8")
        .send_body(cosigned)
        .await
        .map_err(|e| anyhow!("could not reach {url}: {e}"))?;
    if !res.status().is_success() {
        let body = res.body().limit(4096).await.unwrap_or_default();
        bail!(
            "{url} answered {}: {} (the cosignature is made; the log did not keep it)",
            res.status(),
            String::from_utf8_lossy(&body)
        );
    }
    Ok(Cosigned {
        size: checkpoint.size,
        origin: checkpoint.origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::log::LogSigner;

    fn new_log() -> (tempfile::TempDir, LogSigner, Verifier) {
        let root = tempfile::tempdir().unwrap();
        let keys =
            crate::secrets::keys::KeyDir::open(&root.path().join("k"), &root.path().join("d"))
                .unwrap();
        let signer = LogSigner::load(&keys).unwrap();
        let v = Verifier::parse(&signer.vkey()).unwrap();
        (root, signer, v)
    }

    fn leaves(n: u8) -> Vec<Hash> {
        (0..n).map(|i| merkle::leaf_hash(&[i])).collect()
    }

    #[test]
    fn a_witness_cosigns_only_what_extends_what_it_cosigned() {
        let (_root, signer, log) = new_log();
        let all = leaves(10);
        let note_of = |n: usize| signer.checkpoint(n as u64, &merkle::root(&all[..n]));
        let mut state = WitnessState {
            name: "witness.example/w".into(),
            log_vkey: log.vkey(),
            size: 0,
            root: String::new(),
        };
        // First: from nothing, no proof.
        let cp = add_checkpoint(&state, &log, 0, &[], &note_of(4)).unwrap();
        state.size = cp.size;
        state.root = base64(&cp.root);
        // Then an extension, with its proof.
        let proof = merkle::consistency_path(&all[..7], 4).unwrap();
        assert!(add_checkpoint(&state, &log, 4, &proof, &note_of(7)).is_ok());
        // The same checkpoint again is fine (a fresh timestamp); a wrong
        // old size is a conflict; a bigger old size a bad request.
        assert!(add_checkpoint(&state, &log, 4, &[], &note_of(4)).is_ok());
        assert_eq!(
            add_checkpoint(&state, &log, 3, &[], &note_of(7)),
            Err(Refusal::Conflict(4))
        );
        assert_eq!(
            add_checkpoint(&state, &log, 8, &[], &note_of(7)),
            Err(Refusal::BadRequest)
        );
        // A fork: same key, another history.
        let mut forked = all.clone();
        forked[2] = merkle::leaf_hash(b"a receipt replaced");
        let fork_note = signer.checkpoint(7, &merkle::root(&forked[..7]));
        let fork_proof = merkle::consistency_path(&forked[..7], 4).unwrap();
        assert!(matches!(
            add_checkpoint(&state, &log, 4, &fork_proof, &fork_note),
            Err(Refusal::Inconsistent(_))
        ));
        let same_size_fork = signer.checkpoint(4, &merkle::root(&forked[..4]));
        assert!(matches!(
            add_checkpoint(&state, &log, 4, &[], &same_size_fork),
            Err(Refusal::Inconsistent(_))
        ));
        // Another key, or another log.
        let (_other_root, other, other_v) = new_log();
        assert_eq!(
            add_checkpoint(&state, &log, 4, &[], &other.checkpoint(4, &cp.root)),
            Err(Refusal::UnknownOrigin(other_v.name.clone()))
        );
        let mut unsigned = note_of(4);
        unsigned.truncate(unsigned.find('\u{2014}').unwrap());
        unsigned.push_str(
            &note::sign(
                &Ed25519KeyPair::from_pkcs8(
                    Ed25519KeyPair::generate_pkcs8(&ring::rand::SystemRandom::new())
                        .unwrap()
                        .as_ref(),
                )
                .unwrap(),
                &log.name,
                "x\n",
            )
            .line(),
        );
        assert_eq!(
            add_checkpoint(&state, &log, 4, &[], &unsigned),
            Err(Refusal::NotSigned)
        );
    }
}
