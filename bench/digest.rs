//! Digest latency: GET one address REQUESTS times over CONNECTIONS
//! keep-alive connections, after a warm-up, and print p50/p99 and rate.
//!
//! cargo run --release --example digest -- URL CONNECTIONS REQUESTS

use futures_util::future::join_all;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: digest URL CONNECTIONS REQUESTS");
        std::process::exit(2);
    }
    let url = args[1].clone();
    let connections: usize = args[2].parse().expect("CONNECTIONS");
    let requests: usize = args[3].parse().expect("REQUESTS");
    actix_web::rt::System::new().block_on(run(url, connections, requests));
}

async fn run(url: String, connections: usize, requests: usize) {
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .connector(awc::Connector::new().limit(0))
        .finish();
    let get = |client: awc::Client, url: String| async move {
        let mut res = client.get(&url).send().await.ok()?;
        let ok = res.status().is_success();
        let body = res.body().limit(1 << 24).await.ok()?;
        (ok && !body.is_empty()).then_some(())
    };
    for _ in 0..50 {
        get(client.clone(), url.clone())
            .await
            .expect("warm-up request");
    }
    let left = Arc::new(AtomicUsize::new(requests));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    join_all((0..connections).map(|_| {
        let (client, url, left, latencies, errors) = (
            client.clone(),
            url.clone(),
            left.clone(),
            latencies.clone(),
            errors.clone(),
        );
        async move {
            while left
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok()
            {
                let t = Instant::now();
                if get(client.clone(), url.clone()).await.is_none() {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
                latencies.lock().unwrap().push(t.elapsed());
            }
        }
    }))
    .await;
    let elapsed = started.elapsed().as_secs_f64();
    let mut l = latencies.lock().unwrap().clone();
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "connections={connections} requests={} errors={} per_second={:.0} p50_ms={:.3} p99_ms={:.3}",
        l.len(),
        errors.load(Ordering::Relaxed),
        l.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
}
