//! Where a stopped sled store's bytes go (issue 15's disk target): the
//! files of the data directory, and per tree (ingest areas and spent-nonce
//! trees grouped) the number of entries and the sum of their key and value
//! bytes. Then, with
//! - `--compact OUT`: every tree copied into a fresh sled directory OUT
//!   (sled's own export and import), and its size: what a rewrite of the
//!   whole store would reclaim;
//! - `--per-tree OUT`: each tree alone copied into a fresh directory under
//!   OUT, and its size: what each tree costs in sled by itself;
//! - `--idle SECONDS`: the store opened and left idle that long, then its
//!   size.
//!
//! sled is opened as the store opens it (8 MiB segments, no background
//! flusher), unless `FLUSH_EVERY_MS` is set: then sled's own flusher runs,
//! and with it sled's segment cleaning. Opening a store is sled's own
//! recovery, which may write to it: run this on a stopped store's copy.
//!
//!   cargo run --release --example sled_usage -- DATA_DIR [--compact OUT | --per-tree OUT | --idle SECONDS]

use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &Path) -> (u64, u64, Vec<(String, u64, u64)>) {
    let mut out = Vec::new();
    let (mut apparent, mut allocated) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let m = e.metadata().unwrap();
            if m.is_dir() {
                stack.push(e.path());
                continue;
            }
            let blocks = std::os::unix::fs::MetadataExt::blocks(&m) * 512;
            apparent += m.len();
            allocated += blocks;
            let name = e.path().strip_prefix(dir).unwrap().display().to_string();
            out.push((name, m.len(), blocks));
        }
    }
    out.sort();
    (apparent, allocated, out)
}

fn open(dir: &Path) -> sled::Db {
    let every = std::env::var("FLUSH_EVERY_MS")
        .ok()
        .map(|v| v.parse().unwrap());
    sled::Config::new()
        .path(dir)
        .flush_every_ms(every)
        .segment_size(8 * 1024 * 1024)
        .open()
        .unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]);
    let (apparent, allocated, list) = files(dir);
    println!("files of {} (apparent / allocated bytes):", dir.display());
    for (name, len, blocks) in &list {
        println!("  {name:<24} {len:>14} {blocks:>14}");
    }
    println!("  {:<24} {apparent:>14} {allocated:>14}", "total");
    let db = open(dir);
    // group -> (trees, entries, key bytes, value bytes)
    let mut groups: BTreeMap<String, (u64, u64, u64, u64)> = BTreeMap::new();
    let mut values_by_len: BTreeMap<String, BTreeMap<usize, u64>> = BTreeMap::new();
    for name in db.tree_names() {
        let name = String::from_utf8_lossy(&name).to_string();
        let group = match name.split_once('/') {
            Some((g, _)) => format!("{g}/*"),
            None => name.clone(),
        };
        let tree = db.open_tree(&name).unwrap();
        let g = groups.entry(group.clone()).or_default();
        g.0 += 1;
        for item in tree.iter() {
            let (k, v) = item.unwrap();
            g.1 += 1;
            g.2 += k.len() as u64;
            g.3 += v.len() as u64;
            *values_by_len
                .entry(group.clone())
                .or_default()
                .entry(v.len())
                .or_default() += 1;
        }
    }
    println!("trees (grouped): trees, entries, key bytes, value bytes, key+value");
    let mut total = 0;
    for (g, (t, n, k, v)) in &groups {
        total += k + v;
        println!("  {g:<28} {t:>6} {n:>10} {k:>12} {v:>12} {:>12}", k + v);
    }
    println!(
        "  {:<28} {:>6} {:>10} {:>12} {:>12} {total:>12}",
        "total", "", "", "", ""
    );
    for (g, lens) in &values_by_len {
        let common: Vec<_> = {
            let mut l: Vec<_> = lens.iter().collect();
            l.sort_by(|a, b| b.1.cmp(a.1));
            l.into_iter().take(3).collect()
        };
        println!("  value sizes in {g}: most common (len, count) {common:?}");
    }
    println!("sled size_on_disk: {}", db.size_on_disk().unwrap());
    if let (Some(flag), Some(out)) = (args.get(2), args.get(3)) {
        if flag == "--per-tree" {
            for name in db.tree_names() {
                let tree = db.open_tree(&name).unwrap();
                if tree.is_empty() {
                    continue;
                }
                let path = Path::new(out).join(String::from_utf8_lossy(&name).replace('/', "_"));
                let fresh = open(&path);
                let t = fresh.open_tree(&name).unwrap();
                for item in tree.iter() {
                    let (k, v) = item.unwrap();
                    t.insert(k, v).unwrap();
                }
                fresh.flush().unwrap();
                drop(t);
                drop(fresh);
                std::thread::sleep(std::time::Duration::from_millis(200));
                let (apparent, _, _) = files(&path);
                println!(
                    "  alone in a fresh sled: {:<24} {apparent:>12}",
                    String::from_utf8_lossy(&name)
                );
            }
            return;
        }
        if flag == "--idle" {
            let secs: u64 = out.parse().unwrap();
            std::thread::sleep(std::time::Duration::from_secs(secs));
            db.flush().unwrap();
            drop(db);
            std::thread::sleep(std::time::Duration::from_millis(500));
            let (apparent, allocated, _) = files(dir);
            println!("after {secs} s idle: {apparent} {allocated}");
            return;
        }
        assert_eq!(flag, "--compact");
        let fresh = open(Path::new(out));
        fresh.import(db.export());
        fresh.flush().unwrap();
        drop(fresh);
        drop(db);
        std::thread::sleep(std::time::Duration::from_millis(500));
        let (apparent, allocated, list) = files(Path::new(out));
        println!("after export and import into {out}:");
        for (name, len, blocks) in &list {
            println!("  {name:<24} {len:>14} {blocks:>14}");
        }
        println!("  {:<24} {apparent:>14} {allocated:>14}", "total");
    }
}
