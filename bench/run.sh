#!/usr/bin/env bash
# Benchmarks for BENCHMARKS.md, measured side by side in ONE run on this
# machine, with a data directory on the real disk (under target/):
#   1. durable submissions/s and p50/p99 at 16, 64 and 256 connections,
#      next to the disk's fsync ceiling (bench/fsync.rs) measured in the
#      same run with batches of 1 and of the connection count;
#   2. digest latency p50/p99 with 10,000, 100,000 and 1,000,000 critiques
#      stored (seeded with the hidden `parrhesia bench-seed`, which spends a
#      real issued code per critique through the Store API);
#   3. RSS and data-directory size at each size.
# Each figure is the median of RUNS runs (default 3). Raw lines go to
# target/bench-raw.txt; the summary is printed as Markdown.
#
#   bash bench/run.sh            # RUNS=3 REQUESTS=20000 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
REQUESTS=${REQUESTS:-20000}
DIGEST_REQUESTS=${DIGEST_REQUESTS:-2000}
SIZES=${SIZES:-"10000 100000 1000000"}
# The fsync ceiling's record: about one submission's bytes. (It was sled's
# log append; redb writes whole pages copy-on-write at each commit, so what
# a commit writes is more than this: the ceiling is an upper bound.)
RECORD_BYTES=512

cargo build --release --locked --bin parrhesia --example load --example fsync --example digest
bin=target/release/parrhesia
ex=target/release/examples
work=$(mktemp -d -p "$PWD/target" bench.XXXXXX)
raw=target/bench-raw.txt
: >"$raw"
token="bench-admin-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=
url=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

start() { # DATA KEYS
  # Limits raised: the bench drives the server from one address, and the
  # point is the writer's capacity, not the limiter's.
  PARRHESIA_ADMIN_TOKEN=$token PARRHESIA_LOG=warn \
    "$bin" serve --bind 127.0.0.1:0 --data "$1" --keys "$2" \
    --code-attempts-per-minute 1000000000 --admin-attempts-per-minute 1000000 \
    --max-posts-per-second 1000000 >"$work/server.log" 2>&1 &
  pid=$!
  url=
  for _ in $(seq 300); do
    url=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.log")
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  cat "$work/server.log"
  exit 1
}

stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }

admin() { # PATH JSON
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$2" "$url$1" >/dev/null
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$raw"

echo "== 1. durable submissions vs the disk's fsync ceiling"
start "$work/sub/data" "$work/sub/keys"
admin /api/v1/admin/organisations '{"slug":"load","name":"Load Care"}'
admin /api/v1/admin/rounds '{"slug":"load","organisation":"load","title":"Load"}'
for run in $(seq "$RUNS"); do
  for c in 16 64 256; do
    echo "run=$run $("$ex/load" "$url" "$token" load "$c" "$REQUESTS")" | tee -a "$raw"
    for b in 1 "$c"; do
      for mode in inplace append; do
        echo "run=$run $("$ex/fsync" "$work" "$RECORD_BYTES" "$b" 2 "$mode")" | tee -a "$raw"
      done
    done
  done
done
echo "submissions rss_kib=$(rss_kib) data_bytes=$(du -sb "$work/sub/data" | cut -f1)" | tee -a "$raw"
stop

echo "== 2. digest latency at growing N (seeded through the Store API)"
for n in $SIZES; do
  # A fresh store per size, so the digest has the same shape (one round,
  # ten sealed weeks) and only N changes.
  rm -rf "$work/dig"
  "$bin" bench-seed --data "$work/dig/data" --keys "$work/dig/keys" --count "$n" 2>&1 | tail -2
  start "$work/dig/data" "$work/dig/keys"
  for run in $(seq "$RUNS"); do
    echo "n=$n run=$run page $("$ex/digest" "$url/o/bench" 1 "$DIGEST_REQUESTS")" | tee -a "$raw"
    echo "n=$n run=$run json $("$ex/digest" "$url/api/v1/organisations/bench/digest" 1 "$DIGEST_REQUESTS")" | tee -a "$raw"
  done
  echo "n=$n size rss_kib=$(rss_kib) data_bytes=$(du -sb "$work/dig/data" | cut -f1)" | tee -a "$raw"
  stop
done

echo "== summary (medians of $RUNS runs)"
python3 - "$raw" <<'EOF'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
def kv(line):
    return dict(re.findall(r'(\w+)=([\w.]+)', line))
med = lambda xs: statistics.median(xs) if xs else float('nan')
print("| connections | durable submissions/s | p50 ms | p99 ms | fsyncs/s, batch 1, in place (append) | ceiling at batch = connections, records/s, in place | submissions/s ÷ fsyncs/s (batch 1, in place) |")
print("|---|---|---|---|---|---|---|")
for c in ('16', '64', '256'):
    load = [kv(l) for l in lines if l.startswith('run=') and f'connections={c} ' in l]
    f1 = [kv(l) for l in lines if 'mode=inplace batch=1 ' in l]
    a1 = [kv(l) for l in lines if 'mode=append batch=1 ' in l]
    fc = [kv(l) for l in lines if f'mode=inplace batch={c} ' in l]
    s = med([float(x['per_second']) for x in load])
    one = med([float(x['fsyncs_per_second']) for x in f1])
    app = med([float(x['fsyncs_per_second']) for x in a1])
    print(f"| {c} | {s:,.0f} | {med([float(x['p50_ms']) for x in load]):.1f} | {med([float(x['p99_ms']) for x in load]):.1f} | {one:,.0f} ({app:,.0f}) | {med([float(x['records_per_second']) for x in fc]):,.0f} | {s/one:.2f} |")
errs = sum(int(kv(l).get('errors', 0)) for l in lines if 'requests=' in l)
print(f"\nerrors across all load and digest runs: {errs}\n")
print("| critiques stored | digest page p50 ms | p99 ms | JSON digest p50 ms | p99 ms | RSS MiB | data dir MiB |")
print("|---|---|---|---|---|---|---|")
for n in sorted({kv(l)['n'] for l in lines if l.startswith('n=')}, key=int):
    page = [kv(l) for l in lines if l.startswith(f'n={n} ') and ' page ' in l]
    js = [kv(l) for l in lines if l.startswith(f'n={n} ') and ' json ' in l]
    size = [kv(l) for l in lines if l.startswith(f'n={n} size')][0]
    p = lambda rows, k: med([float(r[k]) for r in rows])
    print(f"| {int(n):,} | {p(page,'p50_ms'):.2f} | {p(page,'p99_ms'):.2f} | {p(js,'p50_ms'):.2f} | {p(js,'p99_ms'):.2f} | {int(size['rss_kib'])/1024:.0f} | {int(size['data_bytes'])/2**20:.0f} |")
EOF
