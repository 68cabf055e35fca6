#!/usr/bin/env bash
# Submissions per second with five questions answered against with none
# (issue 20), measured in ONE run against one server: two rounds of one
# organisation, the same text and theme, one round asking five questions
# (a scale, two choices, a multiple choice and a required scale) whose
# answers every critique carries. Runs alternate between the two rounds,
# so both see the same machine load. Prints one line per run and the
# medians.
#
#   bash bench/questions.sh          # RUNS=3 REQUESTS=4000 CONNECTIONS=64
#   PROFILE=debug bash bench/questions.sh   # with the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
REQUESTS=${REQUESTS:-4000}
CONNECTIONS=${CONNECTIONS:-64}
PROFILE=${PROFILE:-release}

if [ "$PROFILE" = release ]; then
  cargo build --release --locked --bin parrhesia --example load
else
  cargo build --locked --bin parrhesia --example load
fi
bin=target/$PROFILE/parrhesia
ex=target/$PROFILE/examples
work=$(mktemp -d -p "$PWD/target" bench-questions.XXXXXX)
token="bench-admin-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

PARRHESIA_ADMIN_TOKEN=$token PARRHESIA_LOG=warn \
  "$bin" serve --bind 127.0.0.1:0 --data "$work/data" --keys "$work/keys" \
  --code-attempts-per-minute 1000000000 --admin-attempts-per-minute 1000000 \
  --max-posts-per-second 1000000 >"$work/server.log" 2>&1 &
pid=$!
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; exit 1; }

admin() { # PATH JSON
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$2" "$url$1" >/dev/null
}
admin /api/v1/admin/organisations '{"slug":"load","name":"Load Care"}'
admin /api/v1/admin/rounds '{"slug":"plain","organisation":"load","title":"Plain"}'
admin /api/v1/admin/rounds '{"slug":"asked","organisation":"load","title":"Asked","questions":[
  {"id":"listened","kind":"scale","prompt":"How well did staff listen?","required":true},
  {"id":"where","kind":"choice","prompt":"Where was it?","options":[{"id":"home","label":"At home"},{"id":"clinic","label":"At the clinic"},{"id":"online","label":"Online"}]},
  {"id":"who","kind":"choice","prompt":"Who did you see?","options":[{"id":"nurse","label":"A nurse"},{"id":"doctor","label":"A doctor"}]},
  {"id":"helped","kind":"multi","prompt":"What helped?","max":2,"options":[{"id":"time","label":"Time"},{"id":"kind","label":"Kindness"},{"id":"info","label":"Information"}]},
  {"id":"again","kind":"scale","prompt":"Would you come back?"}]}'
answers='{"listened":"well","where":"clinic","who":"nurse","helped":["time","info"],"again":"very-well"}'

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $PROFILE build, $CONNECTIONS connections, $REQUESTS requests a run"
raw=$work/raw.txt
for run in $(seq "$RUNS"); do
  echo "run=$run questions=0 $("$ex/load" "$url" "$token" plain "$CONNECTIONS" "$REQUESTS")" | tee -a "$raw"
  echo "run=$run questions=5 $(LOAD_ANSWERS=$answers "$ex/load" "$url" "$token" asked "$CONNECTIONS" "$REQUESTS")" | tee -a "$raw"
done
python3 - "$raw" <<'EOF'
import re, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
kv = lambda l: dict(re.findall(r'(\w+)=([\w.]+)', l))
for q in ('0', '5'):
    rows = [kv(l) for l in lines if f'questions={q} ' in l]
    med = lambda k: statistics.median(float(r[k]) for r in rows)
    errors = sum(int(r['errors']) for r in rows)
    print(f"questions={q} per_second={med('per_second'):.0f} p50_ms={med('p50_ms'):.2f} p99_ms={med('p99_ms'):.2f} errors={errors}")
EOF
