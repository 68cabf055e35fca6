//! File times: every file the store writes (the redb file in the data
//! directory, every file of the key directory, and the directories
//! themselves) has its modification and access times set to the start of
//! the open mixing epoch (rounded down to the minute), so no file time is
//! finer than the epoch. The writer sets the database file's times after
//! every flush, before its fsync, and every file's at each epoch change.
//!
//! What this cannot do: a file's status-change time (`ctime`) is set by the
//! kernel to the moment of the last change — setting the times is itself a
//! change — and reads may move the access time on file systems mounted
//! without `noatime` (deploy/README.md asks for it). See SECURITY.md.

use std::fs::{File, FileTimes};
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// Set `file`'s access and modification times to `t`.
pub(super) fn set(file: &File, t: SystemTime) -> io::Result<()> {
    file.set_times(FileTimes::new().set_accessed(t).set_modified(t))
}

/// Set the times of `dir`, and of every file and directory under it, to
/// `t`. A file that vanishes meanwhile (a temporary file renamed into
/// place) is skipped.
pub(super) fn set_all(dir: &Path, t: SystemTime) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let result = if path.is_dir() {
            set_all(&path, t)
        } else {
            File::open(&path).and_then(|f| set(&f, t))
        };
        match result {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    set(&File::open(dir)?, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_and_directory_gets_the_time() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("blobs")).unwrap();
        std::fs::write(root.path().join("db"), b"x").unwrap();
        std::fs::write(root.path().join("blobs/1"), b"y").unwrap();
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_800_000_000);
        set_all(root.path(), t).unwrap();
        for p in ["", "db", "blobs", "blobs/1"] {
            let m = std::fs::metadata(root.path().join(p)).unwrap();
            assert_eq!(m.modified().unwrap(), t, "{p}");
            assert_eq!(m.accessed().unwrap(), t, "{p}");
        }
    }
}
