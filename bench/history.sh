#!/usr/bin/env bash
# Issue 15's benchmarks, side by side in ONE run on this machine: this
# commit ("new") against the commit it changes ("base": where this branch
# meets main, or BASE=<commit>), both built here in release mode, data on
# the real disk under target/:
#   1. durable submissions/s, p50/p99 at 64 connections (RUNS runs each,
#      alternating base and new, a fresh store each time);
#   2. with BIG (default 1,000,000) critiques seeded by each binary's own
#      `bench-seed` (ten past weeks, sealed): start-up to "listening" (the
#      first start and RUNS restarts), resident memory after the first start
#      and after serving DIGEST_REQUESTS digests, start-up after a SIGKILL
#      of a server that has just taken CRASH_REQUESTS submissions, data
#      directory per critique (apparent size and blocks actually used);
#   3. sealing under load: a period of SMALL (default 100,000) critiques,
#      submitted over HTTP, closed while 64 connections keep submitting
#      (base and new); and, new only, a period of BIG critiques seeded and
#      left open, closed while 64 connections submit; submission latency
#      while the sealing runs, and resident memory after it.
# VERSIONS (default "base new") says which binaries parts 2 and 3 measure,
# in that order; SMALL=0 leaves out part 3's cases of SMALL. The base
# binary is built once per commit into target/history-base-<commit>/ and
# reused by later runs (delete that directory to rebuild it).
# Raw lines go to target/bench-history-raw.txt; the summary is printed as
# Markdown. Big stores are deleted as soon as they are measured.
#
#   bash bench/history.sh        # RUNS=3 REQUESTS=20000 BIG=1000000 SMALL=100000 PARTS=123
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
REQUESTS=${REQUESTS:-20000}
BIG=${BIG:-1000000}
SMALL=${SMALL:-100000}
DIGEST_REQUESTS=${DIGEST_REQUESTS:-2000}
CRASH_REQUESTS=${CRASH_REQUESTS:-2000}
VERSIONS=${VERSIONS:-base new}
SEAL_LOAD_SECONDS=${SEAL_LOAD_SECONDS:-90}
# Which of the three parts to run (PARTS=3: sealing under load only).
PARTS=${PARTS:-123}
BASE=${BASE:-$(git merge-base HEAD main)}
work=$(mktemp -d -p "$PWD/target" history.XXXXXX)
raw=target/bench-history-raw.txt
: >"$raw"
token="bench-admin-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=
url=
startup_ms=
load_pid=
cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building new ($(git rev-parse --short HEAD)) and base ($(git rev-parse --short "$BASE"))"
cargo build --release --locked --bin parrhesia --example load --example digest
based="$PWD/target/history-base-$(git rev-parse --short "$BASE")"
declare -A bin=([new]=target/release/parrhesia [base]="$based/release/parrhesia")
if [ -n "${BASE_BIN:-}" ]; then
  # For trying the script out only: figures for BENCHMARKS.md come from a
  # run that builds both (or reuses the base built for this commit).
  bin[base]=$BASE_BIN
elif [ ! -x "${bin[base]}" ]; then
  git worktree add --detach "$work/base-src" "$BASE" >/dev/null
  (cd "$work/base-src" && CARGO_TARGET_DIR="$based" cargo build --release --locked --bin parrhesia)
  git worktree remove --force "$work/base-src"
fi
ex=target/release/examples

now_ms() { date +%s%3N; }

start() { # VERSION DATA KEYS [ENV=VALUE...] -> sets pid, url, and startup_ms (to "listening")
  local t0 v=$1 data=$2 keys=$3
  shift 3
  t0=$(now_ms)
  env "$@" PARRHESIA_ADMIN_TOKEN=$token PARRHESIA_LOG=warn \
    "${bin[$v]}" serve --bind 127.0.0.1:0 --data "$data" --keys "$keys" \
    --code-attempts-per-minute 1000000000 --admin-attempts-per-minute 1000000 \
    --max-posts-per-second 1000000 >"$work/server.log" 2>&1 &
  pid=$!
  url=
  for _ in $(seq 3000); do
    url=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.log")
    [ -n "$url" ] && break
    sleep 0.01
  done
  [ -n "$url" ] || { cat "$work/server.log"; exit 1; }
  startup_ms=$(($(now_ms) - t0))
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

# A period length in weeks whose open period did not begin today (UTC):
# a period cannot be closed early on the day it began, and weekly periods
# all begin on a Monday. Periods are counted from Monday 1970-01-05.
closable_weeks() {
  local days=$(($(date -u +%s) / 86400 - 4)) w
  for w in $(seq 13); do
    if ((days % (7 * w))); then
      echo "$w"
      return
    fi
  done
}

round() { # SLUG
  admin /api/v1/admin/organisations "{\"slug\":\"$1\",\"name\":\"Load Care\"}"
  admin /api/v1/admin/rounds "{\"slug\":\"$1\",\"organisation\":\"$1\",\"title\":\"Load\",\"period_weeks\":$(closable_weeks)}"
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$raw"

if [[ $PARTS == *1* ]]; then
echo "== 1. durable submissions at 64 connections, base and new in turn"
# "new-rewriting": epochs closing after every few critiques (the least
# time, 0 s), so their rewrite runs throughout: the worst case.
for run in $(seq "$RUNS"); do
  for v in base new new-rewriting; do
    case $v in
      new-rewriting) start new "$work/t/data" "$work/t/keys" PARRHESIA_EPOCH_MIN_SECS=0 ;;
      *) start "$v" "$work/t/data" "$work/t/keys" ;;
    esac
    round load
    echo "v=$v run=$run $("$ex/load" "$url" "$token" load 64 "$REQUESTS")" | tee -a "$raw"
    stop
    rm -rf "$work/t"
  done
done
fi

if [[ $PARTS == *2* ]]; then
echo "== 2. a store of $BIG critiques: start-up, memory, size"
for v in $VERSIONS; do
  d="$work/big-$v"
  t0=$(now_ms)
  "${bin[$v]}" bench-seed --data "$d/data" --keys "$d/keys" --count "$BIG" 2>&1 | tail -2
  echo "v=$v seed_seconds=$((($(now_ms) - t0) / 1000))" | tee -a "$raw"
  start "$v" "$d/data" "$d/keys"
  sleep 5
  echo "v=$v first_start startup_ms=$startup_ms rss_kib=$(rss_kib)" | tee -a "$raw"
  stop
  for run in $(seq "$RUNS"); do
    start "$v" "$d/data" "$d/keys"
    sleep 5
    echo "v=$v restart run=$run startup_ms=$startup_ms rss_kib=$(rss_kib)" | tee -a "$raw"
    [ "$run" -lt "$RUNS" ] && stop
  done
  for run in $(seq "$RUNS"); do
    echo "v=$v run=$run page $("$ex/digest" "$url/o/bench" 1 "$DIGEST_REQUESTS")" | tee -a "$raw"
    echo "v=$v run=$run json $("$ex/digest" "$url/api/v1/organisations/bench/digest" 1 "$DIGEST_REQUESTS")" | tee -a "$raw"
  done
  echo "v=$v after_digests rss_kib=$(rss_kib)" | tee -a "$raw"
  # A crash: submissions since the last start, then SIGKILL, then a start.
  round crash
  echo "v=$v crash_load $("$ex/load" "$url" "$token" crash 64 "$CRASH_REQUESTS")" | tee -a "$raw"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  start "$v" "$d/data" "$d/keys"
  sleep 5
  echo "v=$v after_sigkill startup_ms=$startup_ms rss_kib=$(rss_kib)" | tee -a "$raw"
  stop
  # apparent_bytes: the files' sizes (du --apparent-size); allocated_bytes:
  # the disk blocks they use (du), smaller where a file has holes.
  echo "v=$v size apparent_bytes=$(du -sB1 --apparent-size "$d/data" | cut -f1) allocated_bytes=$(du -sB1 "$d/data" | cut -f1) critiques=$BIG" | tee -a "$raw"
  rm -rf "$d"
done
fi

seal_under_load() { # VERSION LABEL -> the server at $url already holds the period to seal
  local lat="$work/lat-$1-$2" t0 t1
  LOAD_SECONDS=$SEAL_LOAD_SECONDS LOAD_LATENCIES="$lat" \
    "$ex/load" "$url" "$token" "$3" 64 $((SEAL_LOAD_SECONDS * 8000)) >"$work/load-out" 2>"$work/load-err" &
  load_pid=$!
  # The load issues all its codes first: close 8 s after it begins to
  # submit, not 8 s after it starts (with many codes the close came before
  # the first submission and nothing was measured during it).
  for _ in $(seq 3000); do
    grep -q submitting "$work/load-err" && break
    sleep 0.1
  done
  grep -q submitting "$work/load-err" || { echo "the load never began to submit" >&2; exit 1; }
  sleep 8
  t0=$(now_ms)
  closed=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{}' "$url/api/v1/admin/periods/close")
  t1=$(now_ms)
  # A refused close (or one with nothing to seal) measures nothing.
  case $closed in
    *'"sealed":0,'* | *'"sealed":0}'*) echo "the close sealed nothing: $closed" >&2; exit 1 ;;
    *'"sealed":'*) ;;
    *) echo "the close failed: $closed" >&2; exit 1 ;;
  esac
  wait "$load_pid"
  load_pid=
  echo "v=$1 seal=$2 $(cat "$work/load-out") seal_ms=$((t1 - t0)) rss_kib=$(rss_kib)" | tee -a "$raw"
  awk -v a="$t0" -v b="$t1" -v v="$1" -v s="$2" \
    '$1 >= a && $1 <= b {print "v=" v " seal=" s " during " $2 " " $3}' "$lat" >>"$raw"
  awk -v a="$t0" -v v="$1" -v s="$2" \
    '$1 < a {print "v=" v " seal=" s " before " $2 " " $3}' "$lat" >>"$raw"
}

if [[ $PARTS == *3* ]]; then
echo "== 3. sealing while 64 connections submit"
for v in $VERSIONS; do
  ((SMALL > 0)) || break
  start "$v" "$work/s/data" "$work/s/keys"
  round small
  "$ex/load" "$url" "$token" small 64 "$SMALL" | sed "s/^/v=$v fill /" | tee -a "$raw"
  seal_under_load "$v" "$SMALL" small
  stop
  rm -rf "$work/s"
done
d="$work/big-open"
"${bin[new]}" bench-seed --data "$d/data" --keys "$d/keys" --count "$BIG" --weeks 0 2>&1 | tail -1
start new "$d/data" "$d/keys"
sleep 3
seal_under_load new "$BIG" bench
stop
rm -rf "$d"
fi

echo "== summary (medians of $RUNS runs; raw lines in $raw)"
python3 - "$raw" "$BIG" "$SMALL" <<'EOF'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
big, small = int(sys.argv[2]), int(sys.argv[3])
kv = lambda l: dict(re.findall(r'(\w+)=([\w.]+)', l))
med = lambda xs: statistics.median(xs) if xs else float('nan')
load = lambda v: [kv(l) for l in lines if l.startswith(f'v={v} run=') and 'connections=64' in l]
print("| measure | base | new | new ÷ base |\n|---|---|---|---|")
tp = {v: med([float(r['per_second']) for r in load(v)]) for v in ('base', 'new')}
p99 = {v: med([float(r['p99_ms']) for r in load(v)]) for v in ('base', 'new')}
print(f"| durable submissions/s at 64 connections | {tp['base']:,.0f} | {tp['new']:,.0f} | {tp['new']/tp['base']:.2f} |")
print(f"| p99 ms at 64 connections | {p99['base']:.1f} | {p99['new']:.1f} | |")
rw = load('new-rewriting')
if rw:
    t = med([float(r['per_second']) for r in rw])
    print(f"| the same, epochs rewritten throughout (new only, --epoch-min-secs 0) | | {t:,.0f} (p99 {med([float(r['p99_ms']) for r in rw]):.1f} ms) | {t/tp['base']:.2f} |")
def one(v, word, key):
    r = [kv(l) for l in lines if l.startswith(f'v={v} {word}')]
    return float(r[0][key]) if r else float('nan')
for label, word, key, scale, fmt in [
    (f"start-up to listening, first start, {big:,} critiques (ms)", 'first_start', 'startup_ms', 1, '{:,.0f}'),
    (f"RSS after the first start, {big:,} critiques (MiB)", 'first_start', 'rss_kib', 1/1024, '{:,.0f}'),
    (f"RSS after serving digests, {big:,} critiques (MiB)", 'after_digests', 'rss_kib', 1/1024, '{:,.0f}'),
    (f"start-up to listening after a SIGKILL, {big:,} critiques (ms)", 'after_sigkill', 'startup_ms', 1, '{:,.0f}'),
    (f"RSS 5 s after that start, {big:,} critiques (MiB)", 'after_sigkill', 'rss_kib', 1/1024, '{:,.0f}'),
]:
    b, n = one('base', word, key) * scale, one('new', word, key) * scale
    print(f"| {label} | {fmt.format(b)} | {fmt.format(n)} | {n/b:.2f} |")
rs = {v: med([float(kv(l)['startup_ms']) for l in lines if l.startswith(f'v={v} restart')]) for v in ('base', 'new')}
rr = {v: med([float(kv(l)['rss_kib'])/1024 for l in lines if l.startswith(f'v={v} restart')]) for v in ('base', 'new')}
print(f"| start-up to listening, restart (ms, median) | {rs['base']:,.0f} | {rs['new']:,.0f} | {rs['new']/rs['base']:.2f} |")
print(f"| RSS 5 s after a restart (MiB, median) | {rr['base']:,.0f} | {rr['new']:,.0f} | {rr['new']/rr['base']:.2f} |")
for key, label in (('apparent_bytes', 'apparent size, du --apparent-size'), ('allocated_bytes', 'blocks used, du')):
    bpc = {v: one(v, 'size', key) / big for v in ('base', 'new')}
    print(f"| data directory per critique, {label} (bytes) | {bpc['base']:,.0f} | {bpc['new']:,.0f} | {bpc['new']/bpc['base']:.2f} |")
for v in ('base', 'new'):
    for kind in ('page', 'json'):
        r = [kv(l) for l in lines if l.startswith(f'v={v} run=') and f' {kind} ' in l]
        if r:
            print(f"| {v}: digest {kind} p50 / p99 ms at {big:,} | | {med([float(x['p50_ms']) for x in r]):.2f} / {med([float(x['p99_ms']) for x in r]):.2f} | |")
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float('nan')
print("\n| sealing while 64 connections submit | critiques sealed | sealing took (s) | requests during it | their p50 / p99 / max ms | errors during it | p99 ms before it | RSS after (MiB) |")
print("|---|---|---|---|---|---|---|---|")
for v, n in (('base', small), ('new', small), ('new', big)):
    head = [kv(l) for l in lines if l.startswith(f'v={v} seal={n} connections=')]
    if not head:
        continue
    during = [l.split() for l in lines if l.startswith(f'v={v} seal={n} during ')]
    before = [float(l.split()[3]) for l in lines if l.startswith(f'v={v} seal={n} before ')]
    ms = [float(x[3]) for x in during]
    errs = sum(1 for x in during if x[4] != '201')
    h = head[0]
    print(f"| {v} | {n:,} | {float(h['seal_ms'])/1000:.1f} | {len(ms):,} | {pct(ms,.5):.1f} / {pct(ms,.99):.1f} / {max(ms) if ms else float('nan'):.1f} | {errs} | {pct(before,.99):.1f} | {float(h['rss_kib'])/1024:,.0f} |")
EOF
