//! Load generator for durable submissions: issues fresh paper codes through
//! the admin API, then submits one critique per code from N concurrent
//! connections and reports throughput and latency percentiles.
//!
//! cargo run --release --example load -- URL ADMIN_TOKEN ROUND CONNECTIONS REQUESTS
//!
//! URL may be a comma-separated list of instances sharing one store: codes
//! are issued through the first, and connection i submits to URL i mod n.

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
    let errors = Arc::new(Mutex::new(0usize));
    let started = Instant::now();
    join_all((0..connections).map(|i| {
        let (client, codes, latencies, errors) = (
            client.clone(),
            codes.clone(),
            latencies.clone(),
            errors.clone(),
        );
        let endpoint = format!("{}/api/v1/rounds/{round}/critiques", urls[i % urls.len()]);
        async move {
            loop {
                let Some(code) = codes.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                let ok = client
                    .post(&endpoint)
                    .send_json(&json!({"code": code, "themes": ["leadership"],
                        "text": "The meeting was moved online and I could not join."}))
                    .await
                    .map(|r| r.status().as_u16() == 201)
                    .unwrap_or(false);
                latencies.lock().unwrap().push(t.elapsed());
                if !ok {
                    *errors.lock().unwrap() += 1;
                }
            }
        }
    }))
    .await;
    let elapsed = started.elapsed();
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
