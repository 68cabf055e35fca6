//! The disk's own ceiling, for comparison with durable submissions: append
//! batches of BATCH records of RECORD_BYTES each to a file and fsync after
//! every batch, for SECONDS. Prints fsyncs per second and records per
//! second. With BATCH = 1 this is what "one fsync per submission" could
//! reach; with the server's batch size it is what group commit could reach.
//!
//! MODE `inplace` (the default) writes into a preallocated 64 MiB file and
//! wraps around, as sled does inside its preallocated segments, so an fsync
//! need not change the file's size; `append` grows the file at every batch
//! (the journal then commits the new size too); `inplace-fdatasync` is
//! `inplace` with fdatasync instead of fsync.
//!
//! cargo run --release --example fsync -- DIR RECORD_BYTES BATCH SECONDS [MODE]

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !(5..=6).contains(&args.len()) {
        eprintln!("usage: fsync DIR RECORD_BYTES BATCH SECONDS [inplace|append]");
        std::process::exit(2);
    }
    let append = args.get(5).is_some_and(|m| m == "append");
    let sync_data = args.get(5).is_some_and(|m| m == "inplace-fdatasync");
    let dir = std::path::PathBuf::from(&args[1]);
    let record_bytes: usize = args[2].parse().expect("RECORD_BYTES");
    let batch: usize = args[3].parse().expect("BATCH");
    let seconds: u64 = args[4].parse().expect("SECONDS");
    let path = dir.join(format!("fsync-ceiling-{}", std::process::id()));
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&path)
        .expect("open");
    const PREALLOCATED: u64 = 64 << 20;
    if !append {
        file.write_all(&vec![0u8; PREALLOCATED as usize])
            .expect("preallocate");
        file.sync_all().expect("fsync");
        file.seek(SeekFrom::Start(0)).expect("seek");
    }
    let record = vec![b'x'; record_bytes];
    let mut offset = 0u64;
    let started = Instant::now();
    let mut fsyncs = 0u64;
    let mut latencies = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        let t = Instant::now();
        let bytes = (batch * record_bytes) as u64;
        if !append && offset + bytes > PREALLOCATED {
            file.seek(SeekFrom::Start(0)).expect("seek");
            offset = 0;
        }
        for _ in 0..batch {
            file.write_all(&record).expect("write");
        }
        offset += bytes;
        if sync_data {
            file.sync_data().expect("fdatasync");
        } else {
            file.sync_all().expect("fsync");
        }
        latencies.push(t.elapsed());
        fsyncs += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    std::fs::remove_file(&path).ok();
    latencies.sort();
    let p50 = latencies[latencies.len() / 2].as_secs_f64() * 1000.0;
    println!(
        "mode={} batch={batch} record_bytes={record_bytes} fsyncs_per_second={:.0} records_per_second={:.0} fsync_p50_ms={p50:.2}",
        args.get(5).map_or("inplace", String::as_str),
        fsyncs as f64 / elapsed,
        (fsyncs * batch as u64) as f64 / elapsed
    );
}
