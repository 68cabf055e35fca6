#!/usr/bin/env bash
# Browser tests (issue 6): WCAG 2.2 AA with axe-core in headless Chromium,
# journeys without JavaScript and by keyboard, reflow, and w3m. Installs
# what it needs on a fresh machine, builds the server and runs
# tests/browser/run.mjs, which prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! [ -x /usr/bin/chromium ] || ! command -v w3m >/dev/null || ! command -v node >/dev/null; then
  apt-get update
  apt-get install -y chromium w3m
  command -v node >/dev/null || apt-get install -y nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "browser tests need Node 20 or later (playwright-core); found $(node --version)"
  echo "0 passed, 1 failed"
  exit 1
fi
npm ci --no-audit --no-fund
# The debug binary: already built by `cargo test`, and a missing message
# key stops it (see src/messages), which the tests then catch.
cargo build --locked --bin parrhesia
echo "== browser tests (WCAG 2.2 AA, journeys)"
PARRHESIA_BIN=target/debug/parrhesia node tests/browser/run.mjs
