//! Fetch everything a service publishes for auditors, for `parrhesia verify`.

use super::merkle::Hash;
use super::verify::Published;
use super::AuditDocument;
use crate::encoding::{from_base64, hash_from_hex};
use anyhow::{anyhow, bail, Context, Result};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::time::Duration;

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
    let server = server.trim_end_matches('/');
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(60))
        .finish();
    let doc: AuditDocument = get(&client, &format!("{server}/api/v1/audit")).await?;
    let mut leaves = Vec::with_capacity(usize::try_from(doc.log_size).unwrap_or(0));
    let mut start = 0;
    while start < doc.log_size {
        let end = (start + 10_000).min(doc.log_size);
        let page: Leaves = get(
            &client,
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
        let proof: Proof = get(&client, &url).await?;
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
