//! Load generator for Privacy Pass: makes invitations through the admin
//! API, spread over ROUNDS (comma-separated; each round has its own key,
//! so issuance signs with several keys), blinds one token request per
//! invitation with its round's key (untimed), then measures (1) issuance:
//! POSTs to the issuer request URI from N concurrent connections, and (2)
//! redemption: one critique per finalized token, in its round.
//!
//! cargo run --release --example tokens -- URL ADMIN_TOKEN ROUNDS CONNECTIONS TOKENS
//!
//! The client's own blinding and finalizing run before and between the
//! timed phases, so the rates are the server's (on a shared machine the
//! client's HTTP work still competes for the same cores).

use futures_util::future::join_all;
use parrhesia::tokens::client;
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 {
        eprintln!("usage: tokens URL ADMIN_TOKEN ROUNDS CONNECTIONS TOKENS");
        std::process::exit(2);
    }
    let (url, admin, round) = (args[1].clone(), args[2].clone(), args[3].clone());
    let connections: usize = args[4].parse().expect("CONNECTIONS");
    let tokens: usize = args[5].parse().expect("TOKENS");
    actix_web::rt::System::new().block_on(run(url, admin, round, connections, tokens));
}

struct Phase {
    latencies: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

fn report(name: &str, p: &mut Phase) {
    p.latencies.sort();
    let pct = |q: f64| {
        p.latencies
            .get(((p.latencies.len() as f64 * q) as usize).min(p.latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "{name}: {} ok, {} errors in {:.2} s = {:.0}/s; p50 {:.1} ms, p99 {:.1} ms",
        p.latencies.len(),
        p.errors,
        p.elapsed.as_secs_f64(),
        p.latencies.len() as f64 / p.elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
    );
}

/// Send every job from `connections` concurrent workers; `send` returns
/// whether the answer was the expected one, and its payload.
async fn drive<J, R, F, Fut>(jobs: Vec<J>, connections: usize, send: F) -> (Phase, Vec<R>)
where
    J: 'static,
    R: 'static,
    F: Fn(J) -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = Option<R>>,
{
    let jobs = Arc::new(Mutex::new(jobs));
    let out = Arc::new(Mutex::new((Vec::new(), 0usize, Vec::new())));
    let started = Instant::now();
    join_all((0..connections).map(|_| {
        let (jobs, out, send) = (jobs.clone(), out.clone(), send.clone());
        async move {
            loop {
                let Some(job) = jobs.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                let result = send(job).await;
                let mut o = out.lock().unwrap();
                match result {
                    Some(r) => {
                        o.0.push(t.elapsed());
                        o.2.push(r);
                    }
                    None => o.1 += 1,
                }
            }
        }
    }))
    .await;
    let elapsed = started.elapsed();
    let (latencies, errors, results) = std::mem::take(&mut *out.lock().unwrap());
    (
        Phase {
            latencies,
            errors,
            elapsed,
        },
        results,
    )
}

async fn run(url: String, admin: String, rounds: String, connections: usize, tokens: usize) {
    let http = awc::Client::builder()
        .timeout(Duration::from_secs(60))
        .connector(awc::Connector::new().limit(0))
        .finish();
    let rounds: Vec<String> = rounds.split(',').map(str::to_owned).collect();
    let mut jobs = Vec::with_capacity(tokens);
    let mut blinding = Duration::ZERO;
    for (i, round) in rounds.iter().enumerate() {
        // Tokens spread evenly over the rounds.
        let count = tokens / rounds.len() + usize::from(i < tokens % rounds.len());
        let mut res = http
            .post(format!("{url}/api/v1/admin/rounds/{round}/invitations"))
            .bearer_auth(&admin)
            .send_json(&json!({ "count": count }))
            .await
            .expect("invitations");
        let body: serde_json::Value = res.json().limit(1 << 24).await.expect("invitations json");
        let invitations: Vec<String> = body["invitations"]
            .as_array()
            .expect("invitations")
            .iter()
            .map(|i| i["invitation"].as_str().unwrap_or_default().to_owned())
            .collect();
        let res = http
            .post(format!("{url}/api/v1/rounds/{round}/critiques"))
            .send_json(&json!({}))
            .await
            .expect("challenge");
        let www = res
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .expect("challenge")
            .to_owned();
        let challenge = client::parse_challenge(&www).expect("challenge parses");
        let t = Instant::now();
        for inv in invitations {
            let (request, pending) = client::request(&challenge).expect("blind");
            jobs.push((inv, request, pending, round.clone()));
        }
        blinding += t.elapsed();
    }
    println!(
        "client blinding (untimed below): {tokens} requests for {} rounds in {:.2} s",
        rounds.len(),
        blinding.as_secs_f64()
    );
    let issuer = format!("{url}/api/v1/token-request");
    let (h, i) = (http.clone(), issuer.clone());
    let (mut issued, responses) =
        drive(jobs, connections, move |(inv, request, pending, round)| {
            let (h, i) = (h.clone(), i.clone());
            async move {
                let mut res = h
                    .post(i)
                    .insert_header(("Authorization", format!("Bearer {inv}")))
                    .content_type("application/private-token-request")
                    .send_body(request)
                    .await
                    .ok()?;
                if res.status().as_u16() != 200 {
                    return None;
                }
                Some((res.body().await.ok()?.to_vec(), pending, round))
            }
        })
        .await;
    report("issuance", &mut issued);
    let tokens: Vec<(String, String)> = responses
        .iter()
        .map(|(r, p, round)| (client::finalize(p, r).expect("finalize"), round.clone()))
        .collect();
    let (mut redeemed, _) = drive(
        tokens,
        connections,
        move |(token, round): (String, String)| {
            let (h, u) = (http.clone(), url.clone());
            async move {
                let res = h
                    .post(format!("{u}/api/v1/rounds/{round}/critiques"))
                    .insert_header(("Authorization", token))
                    .send_json(&json!({"themes": ["leadership"], "text": "Load test critique."}))
                    .await
                    .ok()?;
                (res.status().as_u16() == 201).then_some(())
            }
        },
    )
    .await;
    report("redemption", &mut redeemed);
}
