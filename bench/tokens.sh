#!/usr/bin/env bash
# Privacy Pass issuance over HTTP with a key per round, side by side with
# the in-process blind-signing rate, in ONE run on this machine (issue 17):
# RUNS times, alternately, `blind_sign` (one thread, in process) and
# `tokens` (HTTP, CONNECTIONS connections, TOKENS tokens spread over
# ROUNDS rounds, each with its own key), against one release server with
# its limits raised. Prints every run and the medians.
#
#   bash bench/tokens.sh    # RUNS=3 ROUNDS=8 TOKENS=2000 CONNECTIONS=16 SIGN=1000
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-8}
TOKENS=${TOKENS:-2000}
CONNECTIONS=${CONNECTIONS:-16}
SIGN=${SIGN:-1000}

cargo build --release --locked --bin parrhesia --example tokens --example blind_sign
bin=target/release/parrhesia
ex=target/release/examples
work=$(mktemp -d -p "$PWD/target" bench-tokens.XXXXXX)
token="bench-admin-token-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

PARRHESIA_ADMIN_TOKEN=$token PARRHESIA_LOG=warn \
  "$bin" serve --bind 127.0.0.1:0 --data "$work/data" --keys "$work/keys" \
  --token-requests-per-minute 1000000000 --code-attempts-per-minute 1000000000 \
  --admin-attempts-per-minute 1000000 --max-posts-per-second 1000000 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q 'Parrhesia is listening on' "$work/server.log" && break
  sleep 0.2
done
url=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.log")

admin() { curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" "$url$1"; }
admin /api/v1/admin/organisations '{"slug":"bench","name":"Bench"}'

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sign=()
http=()
for run in $(seq 1 "$RUNS"); do
  # Fresh rounds each run: every one makes (and logs) its own key first.
  list=
  for r in $(seq 1 "$ROUNDS"); do
    slug="r${run}x${r}"
    admin /api/v1/admin/rounds "{\"slug\":\"$slug\",\"organisation\":\"bench\",\"title\":\"Bench\"}"
    list="${list:+$list,}$slug"
  done
  s=$("$ex/blind_sign" "$SIGN" | sed -n 's/^issuer blind-sign (parse + sign): .* = \([0-9.]*\)\/s.*/\1/p')
  h=$("$ex/tokens" "$url" "$token" "$list" "$CONNECTIONS" "$TOKENS" | tee "$work/tokens.$run" |
    sed -n 's/^issuance: .* = \([0-9.]*\)\/s;.*/\1/p')
  echo "run $run: in-process blind signing $s/s (one thread); issuance over HTTP $h/s ($ROUNDS rounds, $CONNECTIONS connections)"
  grep -E '^(issuance|redemption):' "$work/tokens.$run"
  sign+=("$s")
  http+=("$h")
done
ms=$(printf '%s\n' "${sign[@]}" | median)
mh=$(printf '%s\n' "${http[@]}" | median)
echo
echo "| what | median of $RUNS runs |"
echo "|---|---|"
echo "| in-process blind signing, one thread ($SIGN signatures) | ${ms}/s |"
echo "| issuance over HTTP, a key per round ($ROUNDS rounds, $TOKENS tokens, $CONNECTIONS connections) | ${mh}/s |"
awk -v h="$mh" -v s="$ms" 'BEGIN { printf "| HTTP / in-process | %.2f |\n", h / s }'
