#!/usr/bin/env bash
# Submission throughput for BENCHMARKS.md ("Several instances on
# PostgreSQL"), measured side by side in ONE run: durable submissions/s and
# p50/p99 at CONNECTIONS connections for
#   sled      one instance, embedded store (the default)
#   pg-1      one instance on PostgreSQL
#   pg-2      two instances on the same PostgreSQL database, the load split
#             between them (bench/load.rs with two URLs)
# PostgreSQL is Debian's, in a throw-away cluster under target/ (the real
# disk), run as the `postgres` user with fsync and synchronous_commit on
# (the defaults). Each configuration gets a fresh store per run; figures are
# medians of RUNS runs. Raw lines go to target/bench-postgres-raw.txt.
#
#   sudo bash bench/postgres.sh     # RUNS=5 REQUESTS=10000 CONNECTIONS=64
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
REQUESTS=${REQUESTS:-10000}
CONNECTIONS=${CONNECTIONS:-64}

cargo build --release --locked --bin parrhesia --example load
bin=target/release/parrhesia
load=target/release/examples/load
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
work=$(mktemp -d -p "$PWD/target" bench-pg.XXXXXX)
chmod 755 "$work"
raw=target/bench-postgres-raw.txt
: >"$raw"
token="bench-admin-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=$((20000 + RANDOM % 20000))
pids=()
urls=()
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  urls=()
}
cleanup() {
  stop_all
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgrun/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/pgrun"
chown postgres "$work/pgrun"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pgrun/data" -A trust -U parrhesia >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgrun/data" -l "$work/pgrun/log" -w -o \
  "-p $port -k $work/pgrun -c listen_addresses=127.0.0.1 -c log_statement=none \
   -c log_min_duration_statement=-1" start >/dev/null
psql() { command psql -qAt -h 127.0.0.1 -p "$port" -U parrhesia -d postgres -c "$1"; }

start() { # NAME DATA KEYS [STORE]
  local log="$work/$1.log"
  PARRHESIA_ADMIN_TOKEN=$token PARRHESIA_LOG=warn PARRHESIA_STORE=${4:-sled} \
    PARRHESIA_PUBLIC_URL=http://bench.invalid \
    "$bin" serve --bind 127.0.0.1:0 --data "$2" --keys "$3" \
    --code-attempts-per-minute 1000000000 --admin-attempts-per-minute 1000000 \
    --max-posts-per-second 1000000 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do
    local u
    u=$(sed -n 's/^Parrhesia is listening on //p' "$log")
    if [ -n "$u" ]; then
      urls+=("$u")
      return 0
    fi
    sleep 0.1
  done
  cat "$log"
  exit 1
}

admin() { # URL PATH JSON
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$3" "$1$2" >/dev/null
}

measure() { # CONFIG RUN
  admin "${urls[0]}" /api/v1/admin/organisations '{"slug":"load","name":"Load Care"}'
  admin "${urls[0]}" /api/v1/admin/rounds '{"slug":"load","organisation":"load","title":"Load"}'
  local joined
  joined=$(IFS=,; echo "${urls[*]}")
  echo "config=$1 run=$2 $("$load" "$joined" "$token" load "$CONNECTIONS" "$REQUESTS")" | tee -a "$raw"
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$raw"
echo "== $("$pgbin/postgres" --version)" | tee -a "$raw"
for run in $(seq "$RUNS"); do
  d="$work/run$run"
  start sled "$d/sled/data" "$d/sled/keys"
  measure sled "$run"
  stop_all

  psql "CREATE DATABASE one_$run"
  start pg1 "$d/pg1/data" "$d/pg1/keys" "postgres://parrhesia@127.0.0.1:$port/one_$run"
  measure pg-1 "$run"
  stop_all

  psql "CREATE DATABASE two_$run"
  start pg2a "$d/pg2a" "$d/pg2keys" "postgres://parrhesia@127.0.0.1:$port/two_$run"
  start pg2b "$d/pg2b" "$d/pg2keys" "postgres://parrhesia@127.0.0.1:$port/two_$run"
  measure pg-2 "$run"
  stop_all
  rm -rf "$d"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$raw"

python3 - "$raw" <<'EOF'
import statistics, sys
lines = [l.split() for l in open(sys.argv[1]) if l.startswith('config=')]
rows = {}
for parts in lines:
    kv = dict(p.split('=', 1) for p in parts)
    rows.setdefault(kv['config'], []).append(kv)
print("| store | instances | submissions/s (median) | min–max | p50 ms | p99 ms | errors |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for name, label, n in [("sled", "sled", 1), ("pg-1", "PostgreSQL", 1), ("pg-2", "PostgreSQL", 2)]:
    r = rows.get(name, [])
    if not r:
        continue
    ps = [float(x['per_second']) for x in r]
    med = statistics.median
    print(f"| {label} | {n} | {med(ps):,.0f} | {min(ps):,.0f}–{max(ps):,.0f} | "
          f"{med([float(x['p50_ms']) for x in r]):.1f} | {med([float(x['p99_ms']) for x in r]):.1f} | "
          f"{sum(int(x['errors']) for x in r)} |")
EOF
