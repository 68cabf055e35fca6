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

/// GET `url` as JSON of type `T`.
pub async fn get<T: DeserializeOwned>(client: &awc::Client, url: &str) -> Result<T> {
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

/// GET `url` as text (a signed note).
pub async fn get_text(client: &awc::Client, url: &str) -> Result<String> {
    let mut res = client
        .get(url)
        .send()
        .await
        .map_err(|e| anyhow!("could not reach {url}: {e}"))?;
    if !res.status().is_success() {
        bail!("{url} answered {}", res.status());
    }
    let body = res.body().limit(1024 * 1024).await?;
    String::from_utf8(body.to_vec()).with_context(|| format!("{url} is not UTF-8"))
}

/// A Merkle proof as the server writes it.
#[derive(Deserialize)]
pub struct Proof {
    pub path: Vec<String>,
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
    let mut records = Vec::with_capacity(doc.records.len());
    for path in &doc.records {
        // Only paths on this server: a document cannot send verify
        // elsewhere.
        if !path.starts_with("/o/") {
            bail!("the audit document names a record outside /o/: {path}");
        }
        let record: crate::digest::record::PublicRecord =
            get(client, &format!("{server}{path}")).await?;
        // The record is the one of the organisation whose address it is
        // published at: `verify` then checks that each round on it is that
        // organisation's, as its digests say.
        if path != &format!("/o/{}/record.json", record.organisation) {
            bail!(
                "{path} is published as the record of another organisation ({})",
                record.organisation
            );
        }
        records.push(record);
    }
    Ok(Published {
        records,
        log_public_key: from_base64(&doc.log_public_key)
            .ok_or_else(|| anyhow!("the log key is not base64"))?,
        heads: doc.tree_heads,
        periods: doc.periods,
        leaves,
        consistency,
        token_keys: doc.token_keys,
        checkpoints: doc.checkpoints,
    })
}

/// Beside the published log, what a client sees: the consistency proof
/// from the state's checkpoint to `size`, each of `rounds`' challenge (a
/// critique sent without credentials answers 401 with it), and the issuer
/// directory's keys.
pub async fn seen(
    client: &awc::Client,
    server: &str,
    state: Option<&super::verifier::State>,
    size: u64,
    rounds: &[String],
) -> Result<super::verifier::Seen> {
    let server = server.trim_end_matches('/');
    let mut seen = super::verifier::Seen::default();
    if let Some(s) = state.filter(|s| 0 < s.size && s.size < size) {
        let url = format!(
            "{server}/api/v1/audit/proof/consistency?first={}&second={size}",
            s.size
        );
        let proof: Proof = get(client, &url).await?;
        seen.proof_from_state = proof.path.iter().map(|h| hash_from_hex(h)).collect();
    }
    for round in rounds {
        let url = format!("{server}/api/v1/rounds/{round}/critiques");
        let answer = match client.post(&url).send_json(&serde_json::json!({})).await {
            Ok(res) if res.status().as_u16() == 401 => res
                .headers()
                .get("www-authenticate")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
                .ok_or_else(|| "a 401 without WWW-Authenticate".to_owned()),
            Ok(res) => Err(format!("answered {}", res.status())),
            Err(e) => Err(format!("could not reach {url}: {e}")),
        };
        seen.challenges.push((round.clone(), answer));
    }
    let mut res = client
        .get(format!(
            "{server}/.well-known/private-token-issuer-directory"
        ))
        .send()
        .await
        .map_err(|e| anyhow!("could not reach {server}: {e}"))?;
    let directory: serde_json::Value = serde_json::from_slice(&res.body().limit(1 << 20).await?)
        .context("the issuer directory is not JSON")?;
    seen.directory = directory["token-keys"]
        .as_array()
        .map(|keys| {
            keys.iter()
                .filter_map(|k| k["token-key"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(seen)
}

/// Everything `parrhesia verify` does: fetch the log, run the content
/// checks ([`super::verify::verify`]), then, against `policy` and `state`,
/// the checks of [`super::verifier`]. Returns the report and, if every
/// check passed, the state to keep.
pub async fn audit(
    client: &awc::Client,
    server: &str,
    policy: &super::verifier::Policy,
    state: Option<&super::verifier::State>,
    today: time::Date,
) -> Result<(super::verify::Report, Option<super::verifier::State>)> {
    use super::verifier;
    let published = fetch_with(client, server).await?;
    let mut report = super::verify::verify(&published);
    let size = verifier::pinned(policy, state, &published)
        .ok()
        .and_then(|log| verifier::choose(&published.checkpoints, &log, policy).ok())
        .map_or(published.leaves.len() as u64, |c| c.checkpoint.size);
    let rounds = verifier::rounds_with_keys(&published, size);
    let seen = seen(client, server, state, size, &rounds).await?;
    let next = verifier::check(&mut report, &published, policy, state, &seen, today);
    Ok((report, next))
}

/// A client's check of the key a challenge gave it (RFC 9576 §6.2, issue
/// 17): the key must be logged for `round` under the newest checkpoint,
/// which the log signed (the key in `policy`, else the one it shows) and
/// `policy`'s witnesses cosigned, shown by an inclusion proof; and usable
/// `today`. Refuses otherwise, so a key served to one person only (a way
/// to recognise their token) is never used.
pub async fn check_round_key(
    client: &awc::Client,
    server: &str,
    round: &str,
    spki: &[u8],
    policy: &super::verifier::Policy,
    today: time::Date,
) -> Result<()> {
    use super::log::Leaf;
    let server = server.trim_end_matches('/');
    let doc: AuditDocument = get(client, &format!("{server}/api/v1/audit")).await?;
    let shown = from_base64(&doc.log_public_key)
        .and_then(|k| super::log::log_verifier(&k))
        .ok_or_else(|| anyhow!("the server's log key is malformed"))?;
    let log = match &policy.log_key {
        Some(k) if *k != shown => bail!("the server's log key is not the one given"),
        Some(k) => k.clone(),
        None => shown,
    };
    let chosen = super::verifier::choose(&doc.checkpoints, &log, policy).map_err(|e| anyhow!(e))?;
    let size = chosen.checkpoint.size;
    let key = crate::tokens::b64(spki);
    let unpadded = |k: &str| k.trim_end_matches('=').to_owned();
    let entry = doc
        .token_keys
        .iter()
        .find(|k| k.round.as_deref() == Some(round) && unpadded(&k.token_key) == unpadded(&key))
        .ok_or_else(|| anyhow!("the round's key is not among the keys the log publishes"))?;
    let index = entry
        .leaf_index
        .filter(|i| *i < size)
        .ok_or_else(|| anyhow!("the round's key is not under the log's newest checkpoint"))?;
    let page: Leaves = get(
        client,
        &format!(
            "{server}/api/v1/audit/leaves?start={index}&end={}",
            index + 1
        ),
    )
    .await?;
    let leaf = page
        .leaves
        .first()
        .ok_or_else(|| anyhow!("the server did not return the key's leaf"))?;
    let ok = match serde_json::from_str::<Leaf>(leaf) {
        Ok(Leaf::RoundTokenKey {
            round: r,
            key_id,
            token_key,
            not_before,
            ..
        }) => {
            r == round
                && key_id == crate::encoding::hex(&crate::crypto::sha256(spki))
                && unpadded(&token_key) == unpadded(&key)
                && crate::tokens::token_keys::parse_date(&not_before)
                    .is_some_and(|nb| crate::tokens::token_keys::verifies_on(nb, today))
        }
        _ => false,
    };
    if !ok {
        bail!("the log's leaf {index} is not this round's key, usable today");
    }
    let proof: Proof = get(
        client,
        &format!("{server}/api/v1/audit/proof/inclusion?index={index}&size={size}"),
    )
    .await?;
    let path: Vec<Hash> = proof
        .path
        .iter()
        .map(|h| hash_from_hex(h))
        .collect::<Option<_>>()
        .ok_or_else(|| anyhow!("a malformed inclusion proof"))?;
    let included = super::merkle::verify_inclusion(
        &super::merkle::leaf_hash(leaf.as_bytes()),
        index,
        size,
        &path,
        &chosen.checkpoint.root,
    );
    if !included {
        bail!("the inclusion proof of the round's key does not verify");
    }
    Ok(())
}
