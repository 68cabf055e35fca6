#!/usr/bin/env bash
# Privacy Pass checks that need Node and Chromium (issue 3):
#  1. the browser bundle static/invite.js rebuilds byte for byte from the
#     committed package-lock.json;
#  2. @cloudflare/privacypass-ts as the client against the running server
#     (challenge, issuance with an invitation, redemption, replay refused);
#  3. the invitation page in headless Chromium gets a token and submits.
# Prints "N passed, N failed" and exits non-zero on any failure. Run from
# .ci/run after `cargo test` (it uses the debug binary that built).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update
  apt-get install -y "${need[@]}"
fi

passed=0
failed=0
tally() { # reads a tool's "N passed, N failed" line
  local line
  line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 || true)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
    return
  fi
  passed=$((passed + $(echo "$line" | awk '{print $1}')))
  failed=$((failed + $(echo "$line" | awk '{print $3}')))
}

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== npm ci (clients/browser)"
(cd clients/browser && npm ci --no-audit --no-fund)

echo "== the browser bundle is reproducible"
cp static/invite.js "$work/committed.js"
(cd clients/browser && npm run --silent build)
if cmp -s static/invite.js "$work/committed.js"; then
  passed=$((passed + 1)); echo "ok   static/invite.js rebuilds identically"
else
  failed=$((failed + 1)); echo "FAIL static/invite.js differs from a rebuild from the lockfile"
  cp "$work/committed.js" static/invite.js
fi

echo "== start a server"
cargo build --locked --quiet
admin="ci-admin-token-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# Every client here is 127.0.0.1: the per-client token limit has its own
# test (tests/api/abuse.rs), so it is raised out of the way.
PARRHESIA_TOKEN_REQUESTS_PER_MINUTE=100000 PARRHESIA_CODE_ATTEMPTS_PER_MINUTE=100000 \
PARRHESIA_ADMIN_TOKEN="$admin" target/debug/parrhesia serve --bind 127.0.0.1:0 \
  --data "$work/data" --keys "$work/keys" >"$work/out" 2>"$work/err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q 'Parrhesia is listening on' "$work/out" 2>/dev/null && break
  sleep 0.2
done
server=$(sed -n 's/^Parrhesia is listening on //p' "$work/out")
if [ -z "$server" ]; then
  echo "FAIL the server did not start"; cat "$work/err"
  echo "0 passed, 1 failed"; exit 1
fi

echo "== interop: @cloudflare/privacypass-ts against $server"
(cd clients/browser && SERVER="$server" ADMIN_TOKEN="$admin" node interop.mjs) | tee "$work/interop" || true
tally "$work/interop"

echo "== browser: the invitation page in headless Chromium"
(cd clients/browser && SERVER="$server" ADMIN_TOKEN="$admin" node browser.mjs) | tee "$work/browser" || true
tally "$work/browser"

echo "privacypass: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
