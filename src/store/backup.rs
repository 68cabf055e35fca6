//! Backups of the store: export every tree (in the writer thread, between
//! commits) and restore them into an empty data directory.
//!
//! The file is ours, not the storage engine's, so a backup does not depend on the storage
//! engine's on-disk format:
//!
//! ```text
//! "parrhesia-backup/1\n"
//! per tree, the fixed [`TREES`] in order, then any others by name (the
//! invitations and the per-key spent-nonce trees):
//!   u32 name length, name, u64 entry count,
//!   per entry: u32 key length, key, u32 value length, value
//! SHA-256 of everything above (32 bytes)
//! ```
//!
//! All integers are big-endian. Entries are in key order, as the store keeps
//! them: no arrival order is added.
//!
//! # Security contract
//! A backup holds exactly what the data directory holds: critique text only
//! sealed under per-period data keys, codes only as keyed hashes. It never
//! holds a key: those live in the key directory, which the operator backs
//! up separately (deploy/README.md). A backup without the key directory
//! restores counts, digests and the log, not text.

use super::kv::Kv;
use super::{Location, StoreError};
use ring::digest::{digest, SHA256};

const MAGIC: &[u8] = b"parrhesia-backup/1\n";

/// Every tree, in file order.
const TREES: [&str; 9] = [
    "organisations",
    "rounds",
    "codes",
    "critiques",
    "counters",
    "members",
    "periods",
    "log_leaves",
    "log_heads",
];

fn put(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), StoreError> {
    let len = u32::try_from(bytes.len()).map_err(|_| StoreError::Io("record too long".into()))?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// Every tree as one backup file. Only the writer calls this, between
/// commits, so nothing changes while it reads.
pub(super) fn export(db: &Kv) -> Result<Vec<u8>, StoreError> {
    let others: Vec<String> = db
        .tree_names()?
        .into_iter()
        .filter(|n| !TREES.contains(&n.as_str()))
        .collect();
    let mut out = MAGIC.to_vec();
    for name in TREES
        .iter()
        .copied()
        .chain(others.iter().map(String::as_str))
    {
        let entries = db.open_tree(name)?.iter()?;
        put(&mut out, name.as_bytes())?;
        out.extend_from_slice(&(entries.len() as u64).to_be_bytes());
        for (k, v) in &entries {
            put(&mut out, k)?;
            put(&mut out, v)?;
        }
    }
    let sum = digest(&SHA256, &out);
    out.extend_from_slice(sum.as_ref());
    Ok(out)
}

/// One key and its value, borrowed from the backup file.
type Entry<'a> = (&'a [u8], &'a [u8]);

/// A backup file, checked and split into trees.
struct Parsed<'a> {
    trees: Vec<(&'a str, Vec<Entry<'a>>)>,
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], StoreError> {
        if self.0.len() < n {
            return Err(damaged("it ends too early"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<usize, StoreError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn u64(&mut self) -> Result<u64, StoreError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_be_bytes(b))
    }

    fn field(&mut self) -> Result<&'a [u8], StoreError> {
        let n = self.u32()?;
        self.take(n)
    }
}

fn damaged(why: &str) -> StoreError {
    StoreError::Io(format!("this is not an intact Parrhesia backup: {why}"))
}

fn parse(bytes: &[u8]) -> Result<Parsed<'_>, StoreError> {
    if bytes.len() < MAGIC.len() + 32 || !bytes.starts_with(MAGIC) {
        return Err(damaged("it does not start with the backup header"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 32);
    // Not secret: an integrity check against truncation and corruption.
    if digest(&SHA256, body).as_ref() != sum {
        return Err(damaged(
            "its checksum does not match (truncated or corrupted)",
        ));
    }
    let mut r = Reader(&body[MAGIC.len()..]);
    let mut trees = Vec::new();
    while !r.0.is_empty() {
        let name = std::str::from_utf8(r.field()?).map_err(|_| damaged("a tree name"))?;
        if let Some(expected) = TREES.get(trees.len()) {
            if name != *expected {
                return Err(damaged(&format!("expected tree {expected}, found {name}")));
            }
        }
        let count = r.u64()?;
        let mut entries = Vec::new();
        for _ in 0..count {
            entries.push((r.field()?, r.field()?));
        }
        trees.push((name, entries));
    }
    if trees.len() < TREES.len() {
        return Err(damaged("trees are missing"));
    }
    Ok(Parsed { trees })
}

/// Check a backup file's header, structure and checksum; returns how many
/// records it holds.
pub fn check(backup: &[u8]) -> Result<u64, StoreError> {
    Ok(parse(backup)?
        .trees
        .iter()
        .map(|(_, entries)| entries.len() as u64)
        .sum())
}

/// Restore `backup` into `target`: a data directory that must be absent or
/// empty, or a PostgreSQL database that holds no data yet (a restore never
/// mixes with or overwrites a store). Returns the number of records
/// written. The key directory that belongs with the backup is restored
/// separately.
pub fn restore(backup: &[u8], target: &Location) -> Result<u64, StoreError> {
    let parsed = parse(backup)?;
    let dir = match target {
        Location::Embedded(dir) => dir,
        Location::Postgres(url) => return restore_postgres(&parsed, url),
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| StoreError::Io(e.to_string()))?;
        if entries.next().is_some() {
            return Err(StoreError::Exists(
                "data in the target directory (restore needs an empty one)",
            ));
        }
    }
    // Every commit syncs the file with its times set to this minute.
    let time = super::embedded::FileTime::default();
    time.set(super::merge::minute(std::time::SystemTime::now()));
    let kv = Kv::Redb(super::embedded::open(dir, 16 * 1024 * 1024, &time)?);
    let mut written = 0;
    for (name, entries) in &parsed.trees {
        kv.open_tree(name)?.insert_all(entries)?;
        written += entries.len() as u64;
    }
    Ok(written)
}

/// Restore into a PostgreSQL database (migrated first) that holds no data.
fn restore_postgres(parsed: &Parsed<'_>, url: &str) -> Result<u64, StoreError> {
    let kv = Kv::Pg(super::pg::Pg::open(url)?);
    let super::kv::Kv::Pg(pg) = &kv else {
        return Err(StoreError::Io("not PostgreSQL".into()));
    };
    if !pg.is_empty()? {
        return Err(StoreError::Exists(
            "data in the target database (restore needs an empty one)",
        ));
    }
    let mut written = 0;
    for (name, entries) in &parsed.trees {
        kv.open_tree(name)?.insert_all(entries)?;
        written += entries.len() as u64;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        let time = super::super::embedded::FileTime::default();
        let kv = Kv::Redb(super::super::embedded::open(dir.path(), 1 << 20, &time).unwrap());
        let rounds: &[(&[u8], &[u8])] = &[(b"spring", b"{}")];
        kv.open_tree("rounds").unwrap().insert_all(rounds).unwrap();
        let codes: &[(&[u8], &[u8])] = &[(&[7u8; 32], b"\x01spring")];
        kv.open_tree("codes").unwrap().insert_all(codes).unwrap();
        // A per-key spent-nonce tree travels too.
        let nonces: &[(&[u8], &[u8])] = &[(&[9u8; 32], b"")];
        kv.open_tree("spent-nonces/ab")
            .unwrap()
            .insert_all(nonces)
            .unwrap();
        export(&kv).unwrap()
    }

    #[test]
    fn a_backup_restores_into_an_empty_directory_only() {
        let bytes = sample();
        let target = tempfile::tempdir().unwrap();
        let data = target.path().join("data");
        let data = Location::Embedded(data);
        assert_eq!(restore(&bytes, &data).unwrap(), 3);
        let again = restore(&bytes, &data);
        assert!(matches!(again, Err(StoreError::Exists(_))), "{again:?}");
    }

    #[test]
    fn a_damaged_backup_is_refused_before_anything_is_written() {
        let mut bytes = sample();
        let n = bytes.len();
        bytes[n / 2] ^= 1;
        let target = tempfile::tempdir().unwrap();
        let dir = target.path().join("data");
        let data = Location::Embedded(dir.clone());
        assert!(restore(&bytes, &data).is_err());
        assert!(!dir.exists());
        assert!(restore(&bytes[..n - 40], &data).is_err());
        assert!(restore(b"hello", &data).is_err());
    }
}
