//! `parrhesia backup` and `parrhesia restore`: the operator's side of
//! [`crate::store::restore`] and of `POST /api/v1/admin/backup`.
//!
//! A backup is taken from a running server, through its admin API, so the
//! store's single writer makes it consistent. It never contains a key; the
//! key directory is backed up separately (deploy/README.md says how).

use anyhow::{anyhow, bail, Context, Result};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Largest backup the command accepts from a server.
const MAX_BACKUP_BYTES: usize = 4 * 1024 * 1024 * 1024;

/// Fetch a snapshot from `server` with the admin token in
/// `PARRHESIA_ADMIN_TOKEN`, check it, and write it to `out` (a new file,
/// readable by its owner only).
pub fn backup(server: &str, out: &Path) -> Result<()> {
    let token = std::env::var("PARRHESIA_ADMIN_TOKEN")
        .ok()
        .filter(|t| !t.is_empty())
        .ok_or_else(|| anyhow!("set PARRHESIA_ADMIN_TOKEN to the server's admin token"))?;
    if out.exists() {
        bail!("{} exists already; choose a new file", out.display());
    }
    let url = format!("{}/api/v1/admin/backup", server.trim_end_matches('/'));
    let bytes = actix_web::rt::System::new().block_on(async {
        let client = awc::Client::builder()
            .timeout(Duration::from_secs(600))
            .finish();
        let mut res = client
            .post(&url)
            .bearer_auth(&token)
            .send()
            .await
            .map_err(|e| anyhow!("could not reach {url}: {e}"))?;
        if !res.status().is_success() {
            let body = res.body().limit(64 * 1024).await.unwrap_or_default();
            bail!(
                "{url} answered {}: {}",
                res.status(),
                String::from_utf8_lossy(&body)
            );
        }
        let body = res
            .body()
            .limit(MAX_BACKUP_BYTES)
            .await
            .with_context(|| format!("could not read the backup from {url}"))?;
        Ok::<_, anyhow::Error>(body.to_vec())
    })?;
    let records = crate::store::check_backup(&bytes)?;
    write_new(out, &bytes)?;
    println!(
        "Backed up {records} records ({} bytes) to {}. Keys are not in it: back up the key \
         directory separately.",
        bytes.len(),
        out.display()
    );
    Ok(())
}

/// Restore the backup in `from` into the empty or absent directory `data`,
/// or, when `store` is a PostgreSQL URL, into that empty database.
pub fn restore(from: &Path, data: &Path, store: Option<&str>) -> Result<()> {
    let location = crate::store::Location::parse(store, data).ok_or_else(|| {
        anyhow!("--store must be `embedded` (or `sled`, its old name) or a postgres:// URL")
    })?;
    let bytes =
        std::fs::read(from).with_context(|| format!("could not read {}", from.display()))?;
    let records = crate::store::restore(&bytes, &location)?;
    println!(
        "Restored {records} records into {}. Put the matching key directory in place before \
         starting the server.",
        location.describe()
    );
    Ok(())
}

/// Create `path` (never overwrite), owner-only, and make its bytes durable.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("could not create {}", path.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}
