//! The embedded store's file: one redb database, `store.redb`, in the data
//! directory, opened through a storage backend of our own ([`TimedFile`])
//! that sets the file's times to the open epoch's start before every
//! fsync, so the times that reach the disk are never a commit's.
//!
//! Why redb (5.0.0) and not sled (0.34.7, the store until issue 15's
//! last step): sled kept every tree's page table in memory and replayed
//! its whole log at a start after a crash, so at 1,000,000 critiques it
//! took 226–723 MiB of memory, 5.8 s to start after a crash and 5.4 KB of
//! disk per critique (BENCHMARKS.md §8). redb is a copy-on-write B-tree
//! with a bounded page cache: memory is the cache, a start reads two
//! headers (with quick repair, also after a crash), and a record costs its
//! bytes plus the B-tree's slack.
//!
//! What redb's bytes hold, for guarantee 3 (see [`super`]'s module docs):
//! a page is written wherever the allocator finds room (lowest free page
//! first), and pages freed by later commits are reused without being
//! zeroed, so an old copy of a page stays until its space is reused. In the
//! ingest areas such copies hold records sealed under an epoch key, named
//! by a PRF of it: once the epoch is rewritten the key is gone. In the main
//! tables an old copy of a page shows what the tree held at an earlier
//! rewrite: at most which epoch a record came in. The two commit slots of
//! the header hold redb's transaction counter (how many commits the file
//! has seen: batches of submissions, rewrite passes, staff actions), and
//! its system tables tie pages to commits: the pages each commit freed,
//! keyed by its number, and with quick repair the free-page map as of the
//! last commit. So whoever reads the file can date a page copy to a
//! commit and tell the order in which one commit was handed its pages.
//! That is why a rewrite pass writes tree by tree in key order
//! ([`super::merge`]'s `write_pass`), never a critique and then its
//! credential: the order of a pass's pages is then key order.
//!
//! A data directory written by sled (its `db` file) is copied into a new
//! redb file, tree by tree in key order, the first time it is opened
//! ([`migrate`]); sled's files are then overwritten with zeros and removed.

use super::kv::redb_err;
use super::StoreError;
use redb::backends::FileBackend;
use redb::{
    BackendError, ReadableDatabase, ReadableTable, StorageBackend, TableDefinition, TableHandle,
};
use std::fs::{File, OpenOptions};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The database file in the data directory.
pub(super) const FILE: &str = "store.redb";
/// The file a migration from sled writes, renamed to [`FILE`] when whole.
const PARTIAL: &str = "store.redb.migrating";
/// Entries copied per transaction while migrating.
const MIGRATE_CHUNK: usize = 16_384;

/// The time every file of the store is to carry: the open epoch's start,
/// in whole seconds since 1970 (0 until the writer has read the epochs).
#[derive(Clone, Default, Debug)]
pub(super) struct FileTime(Arc<AtomicU64>);

impl FileTime {
    pub(super) fn set(&self, t: SystemTime) {
        let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        self.0.store(secs, Ordering::Release);
    }

    fn get(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::Acquire))
    }
}

/// redb's own file backend, with the file's times set to [`FileTime`]
/// before every sync, and the sync a full `fsync` (data and metadata, the
/// times included).
#[derive(Debug)]
struct TimedFile {
    inner: FileBackend,
    file: File,
    time: FileTime,
}

impl StorageBackend for TimedFile {
    fn len(&self) -> Result<u64, BackendError> {
        self.inner.len()
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), BackendError> {
        self.inner.read(offset, out)
    }

    /// As for [`TimedFile::write`]: the times are set back at once.
    fn set_len(&self, len: u64) -> Result<(), BackendError> {
        self.inner.set_len(len)?;
        super::times::set(&self.file, self.time.get())?;
        Ok(())
    }

    fn sync_data(&self) -> Result<(), BackendError> {
        super::times::set(&self.file, self.time.get())?;
        self.file.sync_all()?;
        Ok(())
    }

    /// The write moves the file's modification time to now, in memory; it
    /// is set back at once, so that the kernel's own flush of the inode
    /// (every few seconds, and at a crash before the next sync) finds the
    /// epoch's time, but for the instant between the two calls.
    fn write(&self, offset: u64, data: &[u8]) -> Result<(), BackendError> {
        self.inner.write(offset, data)?;
        super::times::set(&self.file, self.time.get())?;
        Ok(())
    }

    fn close(&self) -> Result<(), BackendError> {
        self.inner.close()
    }

    fn try_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.try_lock_range(start, end)
    }

    fn try_lock_shared_range(
        &self,
        start: Bound<u64>,
        end: Bound<u64>,
    ) -> Result<bool, BackendError> {
        self.inner.try_lock_shared_range(start, end)
    }

    fn lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_range(start, end)
    }

    fn lock_shared_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_shared_range(start, end)
    }

    fn unlock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.unlock_range(start, end)
    }

    fn query_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.query_lock_range(start, end)
    }
}

/// Open (or create) the store file `path` with a page cache of
/// `cache_bytes`; `Ok(None)` while another handle holds it.
fn open_file(
    path: &Path,
    cache_bytes: u64,
    time: &FileTime,
) -> Result<Option<redb::Database>, StoreError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| StoreError::Io(format!("could not open {}: {e}", path.display())))?;
    let backend = TimedFile {
        inner: FileBackend::new(
            file.try_clone()
                .map_err(|e| StoreError::Io(e.to_string()))?,
        ),
        file,
        time: time.clone(),
    };
    match redb::Builder::new()
        .set_cache_size(usize::try_from(cache_bytes).unwrap_or(usize::MAX))
        .create_with_backend(backend)
    {
        Ok(db) => Ok(Some(db)),
        Err(redb::DatabaseError::DatabaseAlreadyOpen) => Ok(None),
        Err(e) => Err(redb_err(e)),
    }
}

/// [`open_file`], waiting briefly for a handle of this process: the last
/// handle of a store just stopped here (its writer thread ends a moment
/// after the store is dropped) may still hold the file. Another process
/// holding it still fails.
fn open_waiting(
    path: &Path,
    cache_bytes: u64,
    time: &FileTime,
) -> Result<redb::Database, StoreError> {
    for _ in 0..30 {
        if let Some(db) = open_file(path, cache_bytes, time)? {
            return Ok(db);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(StoreError::Io(format!(
        "{} is open in another process (is the server still running?)",
        path.display()
    )))
}

/// Open the embedded store in `dir` (creating the directory, private, if
/// need be), migrating a sled store found there first.
pub(super) fn open(
    dir: &Path,
    cache_bytes: u64,
    time: &FileTime,
) -> Result<Arc<redb::Database>, StoreError> {
    create_private_dir(dir)?;
    let path = dir.join(FILE);
    if !path.exists() && dir.join("db").exists() {
        migrate(dir, time)?;
    }
    // A migration cut off before its rename left a partial copy; one cut
    // off after it left sled's files. Neither is read again.
    remove_sled_files(dir)?;
    let db = open_waiting(&path, cache_bytes, time)?;
    sync_dir(dir)?;
    Ok(Arc::new(db))
}

/// Copy the sled store in `dir` into a new redb file, tree by tree in key
/// order, then rename it into place, durably. sled's files are removed by
/// the caller.
fn migrate(dir: &Path, time: &FileTime) -> Result<(), StoreError> {
    tracing::info!("copying the sled store into {FILE}, once");
    let sled = open_sled(dir)?;
    let partial = dir.join(PARTIAL);
    if partial.exists() {
        std::fs::remove_file(&partial).map_err(|e| StoreError::Io(e.to_string()))?;
    }
    let db = open_waiting(&partial, 16 * 1024 * 1024, time)?;
    let mut copied = 0u64;
    for name in sled_tree_names(&sled) {
        // One iterator over the tree, committed a chunk at a time (a
        // first commit even for an empty tree, so that its table exists).
        let mut entries = sled.open_tree(&name)?.iter();
        loop {
            let chunk = entries
                .by_ref()
                .take(MIGRATE_CHUNK)
                .collect::<Result<Vec<_>, _>>()?;
            let tx = db.begin_write().map_err(redb_err)?;
            {
                let mut t = tx
                    .open_table(TableDefinition::<&[u8], &[u8]>::new(&name))
                    .map_err(redb_err)?;
                for (k, v) in &chunk {
                    t.insert(k.as_ref(), v.as_ref()).map_err(redb_err)?;
                }
            }
            tx.commit().map_err(redb_err)?;
            copied += chunk.len() as u64;
            if chunk.len() < MIGRATE_CHUNK {
                break;
            }
        }
    }
    // A last commit with quick repair on, so the file opens at once.
    let tx = super::kv::begin(&db)?;
    tx.commit().map_err(redb_err)?;
    drop(db);
    drop(sled);
    std::fs::rename(&partial, dir.join(FILE)).map_err(|e| StoreError::Io(e.to_string()))?;
    sync_dir(dir)?;
    tracing::info!(
        entries = copied,
        "copied the sled store; removing sled's files"
    );
    Ok(())
}

/// The store's trees in a sled database, by name: never sled's own
/// default tree (the store never wrote to it), nor a name that is not
/// UTF-8 (the store never made one; said in the log).
fn sled_tree_names(sled: &sled::Db) -> Vec<String> {
    let mut names: Vec<String> = sled
        .tree_names()
        .iter()
        .filter_map(|n| match String::from_utf8(n.to_vec()) {
            Ok(name) => Some(name),
            Err(_) => {
                tracing::warn!("a sled tree whose name is not UTF-8 was left out");
                None
            }
        })
        .filter(|n| !n.starts_with("__sled__"))
        .collect();
    names.sort();
    names
}

/// Open the sled store in `dir` to read it.
fn open_sled(dir: &Path) -> Result<sled::Db, StoreError> {
    // sled 0.34.7 reads every `snap.*` file but `*.in___motion`, so one
    // left unfinished by a kill would stop it opening (sled issues 1387
    // and 1527): the complete snapshot before it is still there.
    for path in sled_files(dir)? {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(&path).map_err(|e| StoreError::Io(e.to_string()))?;
        }
    }
    sled::Config::new()
        .path(dir)
        .cache_capacity(16 * 1024 * 1024)
        .flush_every_ms(None)
        .segment_size(8 * 1024 * 1024)
        .open()
        .map_err(|e| StoreError::Io(format!("{e} (is the server still running?)")))
}

/// sled's files in `dir`, and a partial migration's.
fn sled_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| StoreError::Io(e.to_string()))? {
        let path = entry.map_err(|e| StoreError::Io(e.to_string()))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if matches!(name, "db" | "conf" | "blobs" | PARTIAL) || name.starts_with("snap.") {
            out.push(path);
        }
    }
    Ok(out)
}

/// Remove sled's files (and a partial copy), overwriting sled's with zeros
/// first: its log holds every write in the order it came, some of it
/// unsealed (main-tree records as each rewrite wrote them). A plain unlink
/// would leave those blocks on the disk until the file system reuses them.
/// The overwrite is best effort: a copy-on-write file system or an SSD's
/// wear levelling may keep the old blocks anyway (SECURITY.md says so).
fn remove_sled_files(dir: &Path) -> Result<(), StoreError> {
    let found = sled_files(dir)?;
    for path in &found {
        let io =
            |e: std::io::Error| StoreError::Io(format!("could not remove {}: {e}", path.display()));
        if path.file_name().is_some_and(|n| n == PARTIAL) {
            // A copy in key order, as store.redb is: nothing to hide.
            std::fs::remove_file(path).map_err(io)?;
        } else if path.is_dir() {
            for entry in std::fs::read_dir(path).map_err(io)? {
                zero(&entry.map_err(io)?.path()).map_err(io)?;
            }
            std::fs::remove_dir_all(path).map_err(io)?;
        } else {
            zero(path).map_err(io)?;
            std::fs::remove_file(path).map_err(io)?;
        }
    }
    if !found.is_empty() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Overwrite the file at `path` with zeros, durably (nothing for a
/// directory).
fn zero(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    if path.is_dir() {
        return Ok(());
    }
    let mut file = OpenOptions::new().write(true).open(path)?;
    let mut left = file.metadata()?.len();
    let block = vec![0u8; 1 << 20];
    while left > 0 {
        let n = left.min(block.len() as u64) as usize;
        file.write_all(&block[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::Io(e.to_string()))
}

/// Create `dir` (and its parents) if missing, readable by its owner only.
pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| StoreError::Io(format!("could not create {}: {e}", dir.display())))
}

/// Hand every record of every tree of the stopped store in `dir` to `f`,
/// writing nothing: the redb file read-only, or a store sled wrote and no
/// server has opened since.
pub(super) fn scan(dir: &Path, mut f: impl FnMut(&str, &[u8], &[u8])) -> Result<(), StoreError> {
    let path = dir.join(FILE);
    if !path.exists() {
        if !dir.join("db").exists() {
            return Err(StoreError::NotFound("store"));
        }
        let sled = open_sled(dir)?;
        for name in sled_tree_names(&sled) {
            for item in sled.open_tree(&name)?.iter() {
                let (k, v) = item?;
                f(&name, &k, &v);
            }
        }
        return Ok(());
    }
    let db = redb::Builder::new()
        .set_cache_size(16 * 1024 * 1024)
        .open_read_only(&path)
        .map_err(|e| StoreError::Io(format!("{e} (is the server still running?)")))?;
    let tx = db.begin_read().map_err(redb_err)?;
    let mut names: Vec<String> = tx
        .list_tables()
        .map_err(redb_err)?
        .map(|t| t.name().to_owned())
        .collect();
    names.sort();
    for name in names {
        let table = tx
            .open_table(TableDefinition::<&[u8], &[u8]>::new(&name))
            .map_err(redb_err)?;
        for item in table.range(..).map_err(redb_err)? {
            let (k, v) = item.map_err(redb_err)?;
            f(&name, k.value(), v.value());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::kv::{Kv, Pair};
    use super::*;
    use std::collections::BTreeMap;

    /// Every tree of a store and its entries, in key order.
    type Trees = BTreeMap<String, Vec<Pair>>;

    /// A sled store in `dir` holding `trees`, written as the store before
    /// redb wrote its own, and closed.
    fn write_sled(dir: &Path, trees: &Trees) {
        let db = sled::Config::new()
            .path(dir)
            .segment_size(8 * 1024 * 1024)
            .flush_every_ms(None)
            .open()
            .unwrap();
        for (name, pairs) in trees {
            let tree = db.open_tree(name).unwrap();
            for (k, v) in pairs {
                tree.insert(k.as_slice(), v.as_slice()).unwrap();
            }
        }
        db.flush().unwrap();
    }

    /// Several trees: a large one (more than one migration chunk), one
    /// whose name holds a `/`, one empty, and keys and values of any bytes
    /// (empty ones too).
    fn sled_trees() -> Trees {
        let mut trees = Trees::new();
        trees.insert(
            "critiques".into(),
            (0..(2 * MIGRATE_CHUNK as u32 + 7))
                .map(|i| {
                    (
                        i.to_be_bytes().to_vec(),
                        format!("critique {i}").into_bytes(),
                    )
                })
                .collect(),
        );
        trees.insert(
            "spent-nonces/2026-11-30".into(),
            vec![
                (Vec::new(), b"empty key".to_vec()),
                (vec![0, 0xff, 1], Vec::new()),
                (vec![0xff; 40], vec![7; 3000]),
            ],
        );
        trees.insert("empty".into(), Vec::new());
        trees.insert(
            "upgrades".into(),
            vec![(b"answer_leaves".to_vec(), Vec::new())],
        );
        trees
    }

    /// What the redb store `db` holds, through the store's own reads.
    fn redb_trees(db: Arc<redb::Database>) -> Trees {
        let kv = Kv::Redb(db);
        let mut out = Trees::new();
        for name in kv.tree_names().unwrap() {
            let pairs = kv.open_tree(&name).unwrap().iter().unwrap();
            out.insert(name, pairs);
        }
        out
    }

    /// [`open`], waiting for sled to let its files go (a moment after its
    /// last handle is dropped).
    fn open_retrying(dir: &Path, time: &FileTime) -> Arc<redb::Database> {
        for _ in 0..100 {
            match open(dir, 1024 * 1024, time) {
                Ok(db) => return db,
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        open(dir, 1024 * 1024, time).unwrap()
    }

    /// The names of the files in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    fn assert_sled_written(dir: &Path) {
        let names = names_in(dir);
        for file in ["db", "conf"] {
            assert!(
                names.iter().any(|n| n == file),
                "sled wrote {file}: {names:?}"
            );
        }
    }

    /// A redb file at `path` holding one table `name` with one entry.
    fn write_redb(path: &Path, name: &str) {
        let db = redb::Database::create(path).unwrap();
        let tx = db.begin_write().unwrap();
        tx.open_table(TableDefinition::<&[u8], &[u8]>::new(name))
            .unwrap()
            .insert(b"k".as_slice(), b"v".as_slice())
            .unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn a_sled_store_is_copied_whole_into_redb_and_its_files_removed() {
        let dir = tempfile::tempdir().unwrap();
        let trees = sled_trees();
        write_sled(dir.path(), &trees);
        assert_sled_written(dir.path());
        let db = open_retrying(dir.path(), &FileTime::default());
        assert_eq!(names_in(dir.path()), [FILE], "only the redb file is left");
        assert_eq!(redb_trees(db.clone()), trees);
        drop(db);
        // Opened again: the same, nothing copied twice.
        let db = open_retrying(dir.path(), &FileTime::default());
        assert_eq!(redb_trees(db), trees);
        assert_eq!(names_in(dir.path()), [FILE]);
    }

    /// A migration cut off after its rename left the whole redb file and
    /// sled's files: the redb file is opened as it is, sled's files removed.
    /// sled's log (every write in arrival order, rewrites unsealed) is
    /// overwritten before it is unlinked: another link to the same file
    /// (here a hard link; on a real disk, its freed blocks) reads zeros.
    #[test]
    fn sled_files_are_overwritten_with_zeros_before_they_are_removed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        std::fs::write(dir.join("db"), b"critique then its code ".repeat(1000)).unwrap();
        std::fs::write(dir.join("snap.0000000000001234"), b"page table").unwrap();
        std::fs::create_dir(dir.join("blobs")).unwrap();
        std::fs::write(dir.join("blobs/7"), b"a large record").unwrap();
        let kept = root.path().join("kept");
        std::fs::create_dir(&kept).unwrap();
        for (from, to) in [
            ("db", "db"),
            ("snap.0000000000001234", "snap"),
            ("blobs/7", "blob"),
        ] {
            std::fs::hard_link(dir.join(from), kept.join(to)).unwrap();
        }
        remove_sled_files(dir).unwrap();
        assert!(!dir.join("db").exists() && !dir.join("blobs").exists());
        for (name, len) in [("db", 23_000), ("snap", 10), ("blob", 14)] {
            let bytes = std::fs::read(kept.join(name)).unwrap();
            assert_eq!(bytes.len(), len, "{name}");
            assert!(
                bytes.iter().all(|b| *b == 0),
                "{name} still holds its bytes"
            );
        }
    }

    #[test]
    fn a_migration_cut_off_after_its_rename_is_not_copied_again() {
        let dir = tempfile::tempdir().unwrap();
        write_sled(dir.path(), &sled_trees());
        assert_sled_written(dir.path());
        write_redb(&dir.path().join(FILE), "copied");
        let db = open_retrying(dir.path(), &FileTime::default());
        let want: Trees = [("copied".into(), vec![(b"k".to_vec(), b"v".to_vec())])].into();
        assert_eq!(redb_trees(db), want, "the redb file, not sled's");
        assert_eq!(names_in(dir.path()), [FILE]);
    }

    /// A migration cut off before its rename left a partial copy beside the
    /// sled store: it is discarded and the copy made again.
    #[test]
    fn a_partial_copy_is_discarded_and_the_migration_done_again() {
        let dir = tempfile::tempdir().unwrap();
        let trees = sled_trees();
        write_sled(dir.path(), &trees);
        write_redb(&dir.path().join(PARTIAL), "stale");
        let db = open_retrying(dir.path(), &FileTime::default());
        assert_eq!(redb_trees(db), trees, "no table of the partial copy");
        assert_eq!(names_in(dir.path()), [FILE]);
    }

    /// The migrated file carries the time it is given (the open epoch's
    /// start), not the time it was written, open or closed.
    #[test]
    fn the_migrated_file_carries_the_file_time() {
        let dir = tempfile::tempdir().unwrap();
        write_sled(dir.path(), &sled_trees());
        let at = UNIX_EPOCH + Duration::from_secs(29_933_940 * 60);
        let time = FileTime::default();
        time.set(at);
        let modified = || {
            std::fs::metadata(dir.path().join(FILE))
                .unwrap()
                .modified()
                .unwrap()
        };
        let db = open_retrying(dir.path(), &time);
        assert_eq!(modified(), at, "once open");
        drop(db);
        assert_eq!(modified(), at, "once closed");
    }

    fn scanned(dir: &Path) -> Result<Trees, StoreError> {
        let mut out = Trees::new();
        scan(dir, |tree, k, v| {
            out.entry(tree.to_owned())
                .or_default()
                .push((k.to_vec(), v.to_vec()));
        })?;
        Ok(out)
    }

    /// `scan` reads a stopped store and writes nothing (the file's bytes
    /// and time stay as they were); while the store is open it refuses,
    /// saying why.
    #[test]
    fn scan_reads_a_stopped_store_read_only_and_refuses_an_open_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = open(dir.path(), 1024 * 1024, &FileTime::default()).unwrap();
        let tx = super::super::kv::begin(&db).unwrap();
        {
            let mut t = tx
                .open_table(TableDefinition::<&[u8], &[u8]>::new("critiques"))
                .unwrap();
            t.insert(b"a".as_slice(), b"one".as_slice()).unwrap();
            t.insert(b"b".as_slice(), b"two".as_slice()).unwrap();
        }
        tx.commit().unwrap();
        let refused = scanned(dir.path()).expect_err("scanned an open store");
        assert!(
            refused.to_string().contains("server still running"),
            "{refused}"
        );
        drop(db);
        let path = dir.path().join(FILE);
        let before = (
            std::fs::read(&path).unwrap(),
            std::fs::metadata(&path).unwrap().modified().unwrap(),
        );
        let want: Trees = [(
            "critiques".into(),
            vec![
                (b"a".to_vec(), b"one".to_vec()),
                (b"b".to_vec(), b"two".to_vec()),
            ],
        )]
        .into();
        assert_eq!(scanned(dir.path()).unwrap(), want);
        let after = (
            std::fs::read(&path).unwrap(),
            std::fs::metadata(&path).unwrap().modified().unwrap(),
        );
        assert!(before == after, "scan changed the file");
    }

    /// A sled store no server has opened since is scanned as it is: not
    /// migrated, its files left in place.
    #[test]
    fn scan_reads_a_sled_store_without_migrating_it() {
        let dir = tempfile::tempdir().unwrap();
        let trees = sled_trees();
        write_sled(dir.path(), &trees);
        let mut found = None;
        for _ in 0..100 {
            match scanned(dir.path()) {
                Ok(t) => {
                    found = Some(t);
                    break;
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        let mut want = trees;
        // An empty tree has nothing to hand over.
        want.remove("empty");
        assert_eq!(found.expect("the sled store is scanned"), want);
        assert!(!dir.path().join(FILE).exists(), "nothing migrated");
        assert_sled_written(dir.path());
    }
}
