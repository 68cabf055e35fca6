//! In-process cost of the issuer's blind signature and the redeemer's
//! verification (token type 2, RSA-2048), on one thread: the CPU ceiling
//! that the HTTP figures of the `tokens` example can be compared with.
//!
//! cargo run --release --example blind_sign -- [COUNT]

use parrhesia::tokens::issuer::Issuer;
use parrhesia::tokens::redeemer::Redeemer;
use parrhesia::tokens::{client, KeyRing, NewKey, TokenKeys};
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("COUNT"))
        .unwrap_or(1000);
    let today = time::OffsetDateTime::now_utc().date();
    let t = Instant::now();
    let key = NewKey::generate("bench", today).expect("key");
    println!("key generation: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let keys = Arc::new(KeyRing::new(TokenKeys::unlogged(vec![key])));
    let issuer = Issuer::new(keys.clone());
    let redeemer = Redeemer::new(keys, "issuer.example".into(), "origin.example".into());
    let www = redeemer
        .www_authenticate("bench", today)
        .expect("challenge");
    let challenge = client::parse_challenge(&www).expect("challenge parses");

    let t = Instant::now();
    let requests: Vec<_> = (0..count)
        .map(|_| client::request(&challenge).expect("blind"))
        .collect();
    let blind = t.elapsed();

    let t = Instant::now();
    let responses: Vec<_> = requests
        .iter()
        .map(|(r, _)| {
            let parsed = issuer.parse(r, "bench", today).expect("parse");
            issuer.sign(parsed).expect("sign")
        })
        .collect();
    let sign = t.elapsed();

    let t = Instant::now();
    let tokens: Vec<_> = requests
        .iter()
        .zip(&responses)
        .map(|((_, p), r)| client::finalize(p, r).expect("finalize"))
        .collect();
    let finalize = t.elapsed();

    let t = Instant::now();
    for token in &tokens {
        redeemer.redeem(token, "bench", today).expect("verify");
    }
    let verify = t.elapsed();

    let line = |name: &str, d: std::time::Duration| {
        println!(
            "{name}: {count} in {:.3} s = {:.0}/s ({:.3} ms each)",
            d.as_secs_f64(),
            count as f64 / d.as_secs_f64(),
            d.as_secs_f64() * 1e3 / count as f64
        );
    };
    line("client blind", blind);
    line("issuer blind-sign (parse + sign)", sign);
    line("client finalize (includes a verify)", finalize);
    line("redeemer verify (signature + challenge)", verify);
}
