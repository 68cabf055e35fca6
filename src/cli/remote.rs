//! The participant's command-line client: `parrhesia token fetch` and
//! `parrhesia submit`, talking to a running server over HTTP.
//!
//! The Privacy Pass work (blinding, finalizing) is [`crate::tokens::client`];
//! this module only moves bytes and files. The token file is written with
//! mode 0600 and deleted once the token is spent.
//!
//! Before it blinds anything, `token fetch` checks the round's key against
//! the transparency log (issue 17, RFC 9576 §6.2): logged for the round
//! under the newest checkpoint, cosigned by the witnesses given. A key the
//! host served to this person alone would fail, so no token is fetched.
//! Both speak `http://` and `https://` ([`crate::audit::fetch::client`]).

use super::auditor::TrustArgs;
use crate::clock::{Clock, SystemClock};
use crate::tokens::client;
use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

/// What `token fetch` saves: enough to spend the token later.
#[derive(Serialize, Deserialize)]
struct TokenFile {
    server: String,
    round: String,
    /// The `Authorization` header value: `PrivateToken token=…`.
    authorization: String,
}

fn base(server: &str) -> Result<String> {
    if !server.starts_with("http://") && !server.starts_with("https://") {
        bail!("--server must start with http:// or https://");
    }
    Ok(server.trim_end_matches('/').to_owned())
}

async fn error_text(
    res: &mut awc::ClientResponse<
        impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>>
            + Unpin,
    >,
) -> String {
    let status = res.status();
    let body = res.body().limit(64 * 1024).await.unwrap_or_default();
    let message = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["message"].as_str().map(str::to_owned))
        .unwrap_or_default();
    format!("the server answered {status}: {message}")
}

/// `parrhesia token fetch`: get one token for `round` with `invitation` and
/// save it to `out`.
pub async fn fetch_token(
    server: &str,
    round: &str,
    invitation: &str,
    out: &Path,
    trust: &TrustArgs,
) -> Result<()> {
    let base = base(server)?;
    if out.exists() {
        bail!(
            "{} exists already: choose another --out file",
            out.display()
        );
    }
    let http = trust.client()?;
    let critiques = format!("{base}/api/v1/rounds/{round}/critiques");
    // A POST without credentials answers 401 with the round's challenge.
    let res = http
        .post(&critiques)
        .send_json(&serde_json::json!({}))
        .await
        .map_err(|e| anyhow!("could not reach {base}: {e}"))?;
    let www = res
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .filter(|_| res.status().as_u16() == 401)
        .ok_or_else(|| anyhow!("{critiques} did not ask for a Privacy Pass token"))?
        .to_owned();
    let challenge = client::parse_challenge(&www)?;
    crate::audit::fetch::check_round_key(
        &http,
        &base,
        round,
        challenge.token_key(),
        &trust.policy()?,
        SystemClock.today(),
    )
    .await
    .context("the round's key does not check out against the log, so no token was fetched")?;
    let mut res = http
        .get(format!("{base}/.well-known/private-token-issuer-directory"))
        .send()
        .await
        .map_err(|e| anyhow!("could not reach {base}: {e}"))?;
    // Its media type is application/private-token-issuer-directory (RFC
    // 9578 §4), so read the bytes rather than ask for application/json.
    let directory: serde_json::Value = serde_json::from_slice(&res.body().limit(64 * 1024).await?)
        .context("the issuer directory is not JSON")?;
    let request_uri = directory["issuer-request-uri"]
        .as_str()
        .ok_or_else(|| anyhow!("the issuer directory has no issuer-request-uri"))?
        .to_owned();
    let (request, pending) = client::request(&challenge)?;
    let mut res = http
        .post(&request_uri)
        .insert_header(("Authorization", format!("Bearer {}", invitation.trim())))
        .content_type(crate::tokens::issuer::REQUEST_MEDIA_TYPE)
        .send_body(request)
        .await
        .map_err(|e| anyhow!("could not reach {request_uri}: {e}"))?;
    if !res.status().is_success() {
        bail!("no token: {}", error_text(&mut res).await);
    }
    let response = res.body().limit(4096).await?;
    let authorization = client::finalize(&pending, &response)?;
    let file = TokenFile {
        server: base,
        round: round.to_owned(),
        authorization,
    };
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(out)
        .with_context(|| format!("could not create {}", out.display()))?;
    f.write_all(&serde_json::to_vec_pretty(&file)?)?;
    f.sync_all()?;
    Ok(())
}

/// `parrhesia submit`: spend the token in `token_file` on a critique.
/// Returns the receipt.
pub async fn submit(
    server: &str,
    round: &str,
    token_file: &Path,
    themes: &[String],
    text: &str,
    quote_ok: bool,
    ca: Option<&Path>,
) -> Result<String> {
    let base = base(server)?;
    let saved: TokenFile = serde_json::from_slice(
        &std::fs::read(token_file)
            .with_context(|| format!("could not read {}", token_file.display()))?,
    )
    .with_context(|| format!("{} is not a token file", token_file.display()))?;
    if saved.round != round {
        bail!(
            "this token is for the round {:?}, not {round:?}",
            saved.round
        );
    }
    let mut res = crate::audit::fetch::client(Duration::from_secs(30), ca)?
        .post(format!("{base}/api/v1/rounds/{round}/critiques"))
        .insert_header(("Authorization", saved.authorization.as_str()))
        .send_json(&serde_json::json!({
            "themes": themes,
            "text": text,
            "quote_ok": quote_ok,
        }))
        .await
        .map_err(|e| anyhow!("could not reach {base}: {e}"))?;
    let status = res.status().as_u16();
    if status == 201 || status == 409 {
        // Spent (now or before): the file is of no further use.
        let _ = std::fs::remove_file(token_file);
    }
    if status != 201 {
        bail!("not stored: {}", error_text(&mut res).await);
    }
    let body: serde_json::Value = res.json().await?;
    body["receipt"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("the server sent no receipt"))
}
