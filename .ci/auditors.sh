#!/usr/bin/env bash
# Auditors against the demo (issue 17), as README "For auditors" shows:
#  1. a witness (a second process, its own key and state) cosigns the
#     demo's checkpoints every few seconds;
#  2. `parrhesia verify` with a state file, requiring that witness, passes,
#     and passes again after the log has grown (a consistency proof from
#     its state);
#  3. verify requiring a witness that never ran fails.
# Prints "N passed, N failed" and exits non-zero on any failure. Run from
# .ci/run after `cargo test` (it uses the debug binary that built).
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

command -v curl >/dev/null 2>&1 || { apt-get update && apt-get install -y curl; }

passed=0
failed=0
check() { # what is checked, then the command
  local what=$1
  shift
  if "$@" >"$work/last" 2>&1; then
    passed=$((passed + 1)); echo "ok   $what"
  else
    failed=$((failed + 1)); echo "FAIL $what"; tail -n 30 "$work/last"
  fi
}
fails() { ! "$@"; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
[ -n "${AUDITORS_DEBUG:-}" ] && set -x

cargo build --locked --quiet || { echo "0 passed, 1 failed"; exit 1; }
bin=target/debug/parrhesia
name=ci.witness.example/parrhesia
vkey=$("$bin" witness key --key "$work/witness.key" --name "$name")
stranger=$("$bin" witness key --key "$work/stranger.key" --name ci.stranger.example/w)
admin="ci-admin-token-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

PARRHESIA_WITNESSES="$vkey" PARRHESIA_ADMIN_TOKEN="$admin" \
  "$bin" serve --demo --bind 127.0.0.1:0 --data "$work/data" --keys "$work/keys" \
  >"$work/server.out" 2>"$work/server.err" &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q 'Parrhesia is listening on' "$work/server.out" 2>/dev/null && break
  sleep 0.2
done
server=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.out")
if [ -z "$server" ]; then
  echo "FAIL the server did not start"; cat "$work/server.err"
  echo "0 passed, 1 failed"; exit 1
fi

# The witness: a second process, cosigning every 2 seconds.
"$bin" witness run --log "$server" --key "$work/witness.key" --state "$work/witness.json" \
  --name "$name" --every 2 >"$work/witness.out" 2>&1 &
pids+=($!)

size() { curl -fsS "$server/checkpoint" | sed -n 2p; }
cosigned() { # the newest checkpoint carries the witness's line
  local note
  note=$(curl -fsS "$server/checkpoint") || return 1
  grep -q "^— $name " <<<"$note"
}
wait_cosigned() {
  for _ in $(seq 1 60); do cosigned && return 0; sleep 0.5; done
  return 1
}
verify() {
  "$bin" verify --server "$server" --state "$work/verifier.json" --witness "$vkey" "$@"
}

check "the witness cosigns the demo's newest checkpoint" wait_cosigned
check "verify with a state file, requiring the witness, passes" verify
check "the verifier kept its state" test -s "$work/verifier.json"
before=$(size)
# The log grows. A critique alone is not logged until its period is
# sealed, and closing a period early needs max(k, min_period) critiques
# and never happens on a period's first day (issue 16, item 4), so the
# growth comes from a new round's first invitation, which logs the round's
# token key at once (issue 17).
code=$(sed -n '/Ten fresh paper codes/{n;p}' "$work/server.out" | tr -d ' ')
check "a critique is received" curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"themes\":[\"leadership\"],\"text\":\"Seen by the auditors' CI.\"}" \
  "$server/api/v1/rounds/demo/critiques"
admin_post() {
  curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "$2" "$server$1"
}
check "an organisation is added" \
  admin_post /api/v1/admin/organisations '{"slug":"auditors","name":"Auditors CI"}'
check "a round is added" admin_post /api/v1/admin/rounds \
  '{"slug":"auditors-ci","organisation":"auditors","title":"Seen by the auditors"}'
check "its first invitation logs the round's token key" \
  admin_post /api/v1/admin/rounds/auditors-ci/invitations '{"count":1}'
grown() { [ "$(size)" -gt "$before" ] && wait_cosigned; }
check "the witness cosigns the grown log" grown
check "verify again passes, by a consistency proof from its state" verify
check "verify requiring a witness that never ran fails" \
  fails "$bin" verify --server "$server" --witness "$stranger"
check "the witness process is still running" kill -0 "${pids[1]}"

echo "auditors: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
