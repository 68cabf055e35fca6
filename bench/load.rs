//! Load generator for durable submissions: issues fresh paper codes through
//! the admin API, then submits one critique per code from N concurrent
//! connections and reports throughput and latency percentiles.
//!
//! cargo run --release --example load -- URL ADMIN_TOKEN ROUND CONNECTIONS REQUESTS
//!
//! URL may be a comma-separated list of instances sharing one store: codes
//! are issued through the first, and connection i submits to URL i mod n.
//!
//! With `LOAD_SECONDS`, clients stop after that many seconds (codes left
//! over are not used). With `LOAD_LATENCIES=FILE`, every request is written
//! to FILE as `start_unix_ms latency_ms status`, so a script can look at
//! the requests sent while something else happened (bench/history.sh: a
//! period being sealed). With `LOAD_ANSWERS='{"q": "o", ...}'`, every
//! critique also carries those answers to the round's questions (issue 20;
//! bench/questions.sh).

use futures_util::future::join_all;
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 {
        eprintln!("usage: load URL ADMIN_TOKEN ROUND CONNECTIONS REQUESTS");
        std::process::exit(2);
    }
    let (url, token, round) = (args[1].clone(), args[2].clone(), args[3].clone());
    let connections: usize = args[4].parse().expect("CONNECTIONS");
    let requests: usize = args[5].parse().expect("REQUESTS");
    actix_web::rt::System::new().block_on(run(url, token, round, connections, requests));
}

async fn run(url: String, token: String, round: String, connections: usize, requests: usize) {
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .connector(awc::Connector::new().limit(0))
        .finish();
    let urls: Vec<String> = url.split(',').map(str::to_owned).collect();
    let url = urls[0].clone();
    let mut codes = Vec::with_capacity(requests);
    while codes.len() < requests {
        let count = (requests - codes.len()).min(10_000);
        let mut res = client
            .post(format!("{url}/api/v1/admin/rounds/{round}/codes"))
            .bearer_auth(&token)
            .send_json(&json!({ "count": count }))
            .await
            .expect("issue codes");
        let body: serde_json::Value = res.json().limit(1 << 24).await.expect("codes json");
        for c in body["codes"].as_array().expect("codes") {
            codes.push(c.as_str().unwrap_or_default().to_owned());
        }
    }
    let codes = Arc::new(Mutex::new(codes));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let timeline = Arc::new(Mutex::new(Vec::new()));
    let limit = std::env::var("LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .map(Duration::from_secs_f64);
    let answers: Option<serde_json::Value> = std::env::var("LOAD_ANSWERS")
        .ok()
        .map(|a| serde_json::from_str(&a).expect("LOAD_ANSWERS is JSON"));
    let errors = Arc::new(Mutex::new(0usize));
    // On stderr, for a script that must wait for the submissions to begin
    // (issuing many codes first can take a while).
    eprintln!("load: codes issued, submitting");
    let started = Instant::now();
    join_all((0..connections).map(|i| {
        let (client, codes, latencies, errors, timeline) = (
            client.clone(),
            codes.clone(),
            latencies.clone(),
            errors.clone(),
            timeline.clone(),
        );
        let endpoint = format!("{}/api/v1/rounds/{round}/critiques", urls[i % urls.len()]);
        let answers = answers.clone();
        async move {
            loop {
                if limit.is_some_and(|l| started.elapsed() >= l) {
                    break;
                }
                let Some(code) = codes.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                let at = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_millis());
                let mut body = json!({"code": code, "themes": ["leadership"],
                    "text": "The meeting was moved online and I could not join."});
                if let Some(a) = &answers {
                    body["answers"] = a.clone();
                }
                let status = client
                    .post(&endpoint)
                    .send_json(&body)
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0);
                let took = t.elapsed();
                latencies.lock().unwrap().push(took);
                timeline
                    .lock()
                    .unwrap()
                    .push((at, took.as_secs_f64() * 1000.0, status));
                if status != 201 {
                    *errors.lock().unwrap() += 1;
                }
            }
        }
    }))
    .await;
    let elapsed = started.elapsed();
    if let Ok(file) = std::env::var("LOAD_LATENCIES") {
        let lines: String = timeline
            .lock()
            .unwrap()
            .iter()
            .map(|(at, ms, status)| format!("{at} {ms:.3} {status}\n"))
            .collect();
        std::fs::write(file, lines).expect("write the latencies");
    }
    let mut l = latencies.lock().unwrap().clone();
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "connections={connections} requests={} errors={} seconds={:.2} per_second={:.0} p50_ms={:.2} p99_ms={:.2}",
        l.len(),
        errors.lock().unwrap(),
        elapsed.as_secs_f64(),
        l.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99)
    );
}
