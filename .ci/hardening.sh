#!/usr/bin/env bash
# "Holds under attack and load": the long checks that `cargo test` leaves
# out, each bounded in time. Run by .ci/run after `cargo test`; runs on its
# own too (as root, for the fuzzer's install and the tests' tmpfs mount).
#   1. crash under load (50 SIGKILLs) and a 60 s soak at 64 connections
#   2. schemathesis against /api/openapi.json of a release server with demo data
#   3. cargo-fuzz: each target for FUZZ_SECONDS (default 60)
# Ends with one "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SCHEMATHESIS_SECONDS=${SCHEMATHESIS_SECONDS:-90}
passed=0
failed=0
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
  fi
}

need_tools() {
  local missing=()
  command -v kill >/dev/null || missing+=(procps)
  command -v mount >/dev/null || missing+=(mount)
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3 python3-venv)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update && apt-get install -y "${missing[@]}"
  fi
}

stress() {
  # The crash test restarts the release binary 50 times; the soak runs 60 s.
  # Built first, outside the time bound, which is for the tests alone (a
  # slow or busy machine once spent it all compiling).
  cargo test --release --locked --test api --no-run &&
    timeout 900 cargo test --release --locked --test api stress -- --ignored --test-threads=1 --nocapture
}

schemathesis() {
  python3 -m venv "$work/venv" &&
    "$work/venv/bin/pip" install --quiet schemathesis==4.32.5 || return 1
  export PARRHESIA_ADMIN_TOKEN="schemathesis-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  PARRHESIA_CODE_ATTEMPTS_PER_MINUTE=1000000 PARRHESIA_ADMIN_ATTEMPTS_PER_MINUTE=1000000 \
    target/release/parrhesia serve --demo --bind 127.0.0.1:0 \
    --data "$work/data" --keys "$work/keys" >"$work/server.log" 2>&1 &
  server_pid=$!
  local url=
  for _ in $(seq 100); do
    url=$(sed -n 's/^Parrhesia is listening on //p' "$work/server.log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$work/server.log"; return 1; }
  # positive_data_acceptance is left out on purpose: a paper code carries a
  # check digit and a round's theme slugs are its own, and neither can be
  # written in JSON Schema, so schema-valid requests are rightly refused.
  # POST /api/v1/token-request takes a binary Privacy Pass body that
  # schemathesis cannot serialise (the interop tests in .ci/privacypass.sh
  # cover it). The coverage phase is skipped: under Python 3.11 it crashed
  # inside schemathesis itself ("AST constructor recursion depth mismatch")
  # on operations at random; the examples, fuzzing and stateful phases run.
  local rc=0
  # Run from the scratch directory: schemathesis keeps a cache in its cwd.
  local config="$PWD/.ci/schemathesis.toml"
  (cd "$work" && timeout $((SCHEMATHESIS_SECONDS + 120)) "$work/venv/bin/schemathesis" \
    --config-file "$config" run "$url/api/openapi.json" \
    --checks all --exclude-checks positive_data_acceptance \
    --exclude-path /api/v1/token-request --phases examples,fuzzing,stateful \
    --max-time "$SCHEMATHESIS_SECONDS" --workers 2 --request-timeout 10) |
    # .ci/run adds up every "N passed" it sees; schemathesis's counts of
    # generated cases are not tests, so they are reworded.
    sed -E 's/([0-9]+) passed/\1 cases ok/g; s/([0-9]+) failed/\1 cases FAILED/g' || rc=$?
  kill "$server_pid" && wait "$server_pid" 2>/dev/null
  server_pid=
  if grep -qiE 'panicked|internal error' "$work/server.log"; then
    echo "the server logged an internal error under schemathesis:"
    grep -iE 'panicked|internal error' "$work/server.log" | head -20
    rc=1
  fi
  return $rc
}

fuzz() {
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || return 1
  # cargo-fuzz passes -Z flags (sanitizers, coverage); RUSTC_BOOTSTRAP lets
  # the stable toolchain accept them.
  local rc=0 target
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -O) || return 1
  for target in paper_code form_decoding scrub auth_header; do
    echo "-- fuzzing $target for ${FUZZ_SECONDS}s"
    (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" -- \
      -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 2>&1 | tail -40) || rc=1
  done
  return $rc
}

need_tools
echo "== cargo build --release"
cargo build --release --locked || { echo "0 passed, 1 failed"; exit 1; }
step "crash under load and soak" stress
step "schemathesis" schemathesis
step "fuzzing" fuzz

echo "hardening: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
