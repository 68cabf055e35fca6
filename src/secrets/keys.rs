//! The key directory: secrets kept apart from the data directory so that a
//! copy of the data alone is not enough to test guessed codes or to read what
//! later versions encrypt.
//!
//! The directory is created with mode 0700 and every secret file with 0600.
//! A key directory inside the data directory, or a secret file that other
//! users can read, is refused at start-up with a plain message.

use anyhow::{bail, Context, Result};
use ring::rand::{SecureRandom, SystemRandom};
use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// An opened, checked key directory.
#[derive(Debug, Clone)]
pub struct KeyDir {
    path: PathBuf,
}

impl KeyDir {
    /// Open (creating if needed) the key directory at `path`, which must not
    /// be the data directory or inside it.
    pub fn open(path: &Path, data_dir: &Path) -> Result<Self> {
        let inside = |keys: &Path, data: &Path| keys.starts_with(data);
        if inside(&std::path::absolute(path)?, &std::path::absolute(data_dir)?) {
            bail!(
                "the key directory {} is inside the data directory {}: keep keys apart \
                 from data (use --keys or PARRHESIA_KEYS)",
                path.display(),
                data_dir.display()
            );
        }
        if !path.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(path)
                .with_context(|| {
                    format!("could not create the key directory {}", path.display())
                })?;
        }
        let path = path
            .canonicalize()
            .with_context(|| format!("could not open the key directory {}", path.display()))?;
        // Again after resolving symbolic links.
        if let Ok(data) = data_dir.canonicalize() {
            if inside(&path, &data) {
                bail!(
                    "the key directory {} is inside the data directory {}: keep keys apart \
                     from data (use --keys or PARRHESIA_KEYS)",
                    path.display(),
                    data.display()
                );
            }
        }
        let mode = fs::metadata(&path)?.permissions().mode();
        if mode & 0o077 != 0 {
            bail!(
                "the key directory {} can be read by other users (mode {:o}): run \
                 `chmod 700 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
        Ok(Self { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read the secret `name`, or create it with `len` random bytes.
    /// Returns the bytes and whether it was just created.
    pub fn secret(&self, name: &str, len: usize) -> Result<(Vec<u8>, bool)> {
        let file = self.path.join(name);
        if file.exists() {
            return Ok((self.read(name)?, false));
        }
        let mut bytes = vec![0u8; len];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| anyhow::anyhow!("the operating system's random generator failed"))?;
        self.write(name, &bytes)?;
        Ok((bytes, true))
    }

    /// Read an existing secret file, refusing one others can read.
    pub fn read(&self, name: &str) -> Result<Vec<u8>> {
        let file = self.path.join(name);
        let mode = fs::metadata(&file)
            .with_context(|| format!("could not read {}", file.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            bail!(
                "the key file {} can be read by other users (mode {:o}): run `chmod 600 {}`",
                file.display(),
                mode & 0o777,
                file.display()
            );
        }
        fs::read(&file).with_context(|| format!("could not read {}", file.display()))
    }

    /// Whether the secret `name` exists.
    pub fn has(&self, name: &str) -> bool {
        self.path.join(name).exists()
    }

    /// Names of the files in the directory.
    pub fn list(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in fs::read_dir(&self.path)? {
            if let Some(name) = entry?.file_name().to_str() {
                if !name.starts_with('.') {
                    names.push(name.to_owned());
                }
            }
        }
        Ok(names)
    }

    /// Overwrite a secret file with zeros, fsync, then remove it. On
    /// filesystems that rewrite in place this also clears the old blocks;
    /// on copy-on-write ones only removal is certain.
    pub fn destroy(&self, name: &str) -> Result<()> {
        let file = self.path.join(name);
        if !file.exists() {
            return Ok(());
        }
        let len = fs::metadata(&file)?.len();
        let mut f = fs::OpenOptions::new().write(true).open(&file)?;
        f.write_all(&vec![0u8; usize::try_from(len).unwrap_or(0)])?;
        f.sync_all()?;
        drop(f);
        fs::remove_file(&file)?;
        fs::File::open(&self.path)?.sync_all()?;
        Ok(())
    }

    /// Create the secret file `name` with mode 0600, durably, unless it
    /// exists: `false` if another process (an instance sharing the key
    /// directory) made it first, whose bytes the caller then reads. The
    /// file appears whole or not at all (a hard link of a private
    /// temporary file, which fails rather than replace).
    pub fn write_new(&self, name: &str, bytes: &[u8]) -> Result<bool> {
        let mut nonce = [0u8; 8];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| anyhow::anyhow!("random generator failed"))?;
        let tmp = self.path.join(format!(
            ".{name}.{}.tmp",
            nonce.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ));
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .with_context(|| format!("could not write {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        let linked = fs::hard_link(&tmp, self.path.join(name));
        fs::remove_file(&tmp)?;
        let made = match linked {
            Ok(()) => true,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
            Err(e) => return Err(e.into()),
        };
        fs::File::open(&self.path)?.sync_all()?;
        Ok(made)
    }

    /// Write a secret file atomically with mode 0600, durably.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let file = self.path.join(name);
        let tmp = self.path.join(format!(".{name}.tmp"));
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .with_context(|| format!("could not write {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, &file)?;
        fs::File::open(&self.path)?.sync_all()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_private_and_stable() {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        let (a, created) = keys.secret("k", 32).unwrap();
        assert!(created);
        let (b, created) = keys.secret("k", 32).unwrap();
        assert!(!created);
        assert_eq!(a, b);
        let mode = fs::metadata(keys.path().join("k"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = fs::metadata(keys.path()).unwrap().permissions().mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }

    #[test]
    fn a_secret_made_at_once_by_many_is_made_once_and_whole() {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        // Instances sharing the key directory, racing for one data key.
        let made: Vec<(bool, u8)> = std::thread::scope(|s| {
            let racers: Vec<_> = (0..8u8)
                .map(|i| {
                    let keys = &keys;
                    s.spawn(move || (keys.write_new("data.r.p.key", &[i; 64]).unwrap(), i))
                })
                .collect();
            racers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        let winners: Vec<u8> = made.iter().filter(|(m, _)| *m).map(|(_, i)| *i).collect();
        assert_eq!(winners.len(), 1, "{made:?}");
        assert_eq!(keys.read("data.r.p.key").unwrap(), vec![winners[0]; 64]);
        assert_eq!(keys.list().unwrap(), vec!["data.r.p.key".to_owned()]);
        assert_eq!(
            fs::read_dir(keys.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn keys_inside_data_are_refused() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        fs::create_dir(&data).unwrap();
        assert!(KeyDir::open(&data.join("keys"), &data).is_err());
    }

    #[test]
    fn readable_secret_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let keys = KeyDir::open(&root.path().join("keys"), &root.path().join("data")).unwrap();
        keys.secret("k", 8).unwrap();
        fs::set_permissions(keys.path().join("k"), fs::Permissions::from_mode(0o644)).unwrap();
        assert!(keys.read("k").is_err());
    }
}
