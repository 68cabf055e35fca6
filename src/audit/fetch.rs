//! Fetch everything a service publishes for auditors, for `parrhesia verify`;
//! and the HTTP client every command-line tool uses.

use super::merkle::Hash;
use super::verify::Published;
use super::AuditDocument;
use crate::encoding::{from_base64, hash_from_hex};
use anyhow::{anyhow, bail, Context, Result};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// The HTTP client of the command-line tools (`verify`, `witness`, `token
/// fetch`, `submit`, `backup`): plain `http://`, or `https://` through
/// rustls on ring, trusting Mozilla's roots (compiled in, so the machine's
/// own store plays no part) and any certificate authorities in `extra`
/// (PEM: a host's private CA). Issue 17, item 8: `verify` over https.
pub fn client(timeout: Duration, extra: Option<&std::path::Path>) -> Result<awc::Client> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(file) = extra {
        let mut added = 0;
        for cert in CertificateDer::pem_file_iter(file)
            .with_context(|| format!("could not read {}", file.display()))?
        {
            let cert =
                cert.with_context(|| format!("{} is not PEM certificates", file.display()))?;
            roots.add(cert).with_context(|| {
                format!("{} holds a certificate rustls refuses", file.display())
            })?;
            added += 1;
        }
        if added == 0 {
            bail!("{} holds no certificate", file.display());
        }
    }
    // rustls 0.23.48 deprecates the ring provider for lacking post-quantum
    // key exchange (which guards confidentiality against traffic recorded
    // now and decrypted later; SECURITY.md says what that leaves open for
    // `submit`). `verify` and `witness` fetch public data only; ring is
    // already in the tree, and aws-lc would add a C library to build.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| anyhow!("TLS set-up failed: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(awc::Client::builder()
        .timeout(timeout)
        .connector(awc::Connector::new().rustls_0_23(Arc::new(config)))
        .finish())
}

async fn get<T: DeserializeOwned>(client: &awc::Client, url: &str) -> Result<T> {
    let mut res = client
        .get(url)
        .send()
        .await
        .map_err(|e| anyhow!("could not reach {url}: {e}"))?;
    if !res.status().is_success() {
        bail!("{url} answered {}", res.status());
    }
    res.json::<T>()
        .limit(64 * 1024 * 1024)
        .await
        .with_context(|| format!("{url} did not answer the JSON expected"))
}

#[derive(Deserialize)]
struct Leaves {
    leaves: Vec<String>,
}

#[derive(Deserialize)]
struct Proof {
    path: Vec<String>,
}

/// Fetch the audit document, every leaf, and the consistency proof between
/// each successive pair of tree heads.
pub async fn fetch(server: &str) -> Result<Published> {
    fetch_with(&client(Duration::from_secs(60), None)?, server).await
}

/// [`fetch`] with a given client.
pub async fn fetch_with(client: &awc::Client, server: &str) -> Result<Published> {
    let server = server.trim_end_matches('/');
    let doc: AuditDocument = get(client, &format!("{server}/api/v1/audit")).await?;
    let mut leaves = Vec::with_capacity(usize::try_from(doc.log_size).unwrap_or(0));
    let mut start = 0;
    while start < doc.log_size {
        let end = (start + 10_000).min(doc.log_size);
        let page: Leaves = get(
            client,
            &format!("{server}/api/v1/audit/leaves?start={start}&end={end}"),
        )
        .await?;
        if page.leaves.is_empty() {
            bail!("the server returned no leaves for {start}..{end}");
        }
        start += page.leaves.len() as u64;
        leaves.extend(page.leaves);
    }
    let mut consistency = Vec::new();
    for pair in doc.tree_heads.windows(2) {
        let url = format!(
            "{server}/api/v1/audit/proof/consistency?first={}&second={}",
            pair[0].tree_size, pair[1].tree_size
        );
        let proof: Proof = get(client, &url).await?;
        let path: Option<Vec<Hash>> = proof.path.iter().map(|h| hash_from_hex(h)).collect();
        consistency.push(path.ok_or_else(|| anyhow!("{url} returned a malformed proof"))?);
    }
    Ok(Published {
        log_public_key: from_base64(&doc.log_public_key)
            .ok_or_else(|| anyhow!("the log key is not base64"))?,
        heads: doc.tree_heads,
        periods: doc.periods,
        leaves,
        consistency,
        token_keys: doc.token_keys,
    })
}
