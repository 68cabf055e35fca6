#!/usr/bin/env bash
# PostgreSQL as the store (issue 9): installs Debian's postgresql, starts a
# throw-away cluster on a temporary directory and port as the unprivileged
# `postgres` user, runs the PostgreSQL tests against it, and tears it down:
#   - the generic store suite's PostgreSQL instantiation (store_suite::postgres)
#   - two `parrhesia serve` processes on one database (scale_out): the same
#     code and token sent to both, one digest, SIGKILL of one under load,
#     and the privacy scan of the cluster's files and log after a CHECKPOINT.
#   - a read waiting on a lock in PostgreSQL leaves its actix worker free
#     (pg_reads).
#   - then the whole integration suite again, every in-process server on a
#     fresh PostgreSQL database (PARRHESIA_TEST_ALL_ON_POSTGRES).
# The cluster runs with the logging settings deploy/postgresql.md asks for.
# Ends with one "N passed, N failed" line; exits non-zero on any failure.
# `.ci/postgres.sh FILTER…` runs only the integration tests that match a
# FILTER (cargo test's), ignored ones included, against the same cluster.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update && apt-get install -y postgresql
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
owner=postgres
id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"

work=$(mktemp -d)
chmod 755 "$work"
chown "$owner" "$work"
port=$((20000 + RANDOM % 20000))
as_owner() { runuser -u "$owner" -- "$@"; }
cleanup() {
  as_owner "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
as_owner "$bin/initdb" -D "$work/data" -A trust -U parrhesia >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
# The settings deploy/postgresql.md documents: no statement text, no
# parameters, no durations; connection logging on, to show it records only
# the app servers' address (here 127.0.0.1), never a participant's.
as_owner "$bin/pg_ctl" -D "$work/data" -l "$work/postgresql.log" -w -o \
  "-p $port -k $work -c listen_addresses=127.0.0.1 -c log_statement=none \
   -c log_min_duration_statement=-1 -c log_connections=on -c log_disconnections=on \
   -c log_parameter_max_length=0 -c log_parameter_max_length_on_error=0" start ||
  { cat "$work/postgresql.log"; echo "0 passed, 1 failed"; exit 1; }

export PARRHESIA_TEST_POSTGRES="postgres://parrhesia@127.0.0.1:$port/postgres"
export PARRHESIA_TEST_PGDATA="$work/data"
export PARRHESIA_TEST_PGLOG="$work/postgresql.log"
out="$work/test.log"
# Count the run in "$out" (exit status "$status") into passed and failed:
# a test that skipped although the server runs, or a failure cargo reports
# without a FAILED line, counts as failed.
tally() {
  passed=$(grep -cE '^test .* \.\.\. ok$' "$out")
  failed=$(grep -cE '^test .* \.\.\. FAILED$' "$out")
  if grep -q 'skipped:' "$out"; then
    echo "FAILED: a PostgreSQL test skipped although a server was running"
    failed=$((failed + 1))
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    tail -n 40 "$out"
    failed=1
  fi
}
if [ "$#" -gt 0 ]; then
  timeout 1800 cargo test --locked --test api -- "$@" --include-ignored --nocapture >"$out" 2>&1
  status=$?
  grep -E '^test |skipped:|panicked|assertion' "$out" | grep -v '^test result'
  tally
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
fi
# These tests are #[ignore]d for a plain `cargo test` (they need this
# server); --include-ignored runs them, and without the server they fail.
# Every test module that instantiates cases on both backends.
both="store_suite history writer live_counts quotes keyphrases about_you upgrade closing questions"
filters=""
for m in $both; do filters="$filters $m::postgres"; done
# shellcheck disable=SC2086
timeout 1800 cargo test --locked --test api -- $filters scale_out pg_reads:: \
  --include-ignored --nocapture >"$out" 2>&1
status=$?
# Per-test lines and anything printed; cargo's own summary stays in the file
# so that .ci/run counts this script's total once.
grep -E '^test |skipped:|acknowledged|panicked|assertion|PostgreSQL' "$out" | grep -v '^test result'
tally
# Every case named in the suite's for_both_backends! list, and every test
# of scale_out.rs and pg_reads.rs, must have run and passed.
suite=0
for m in $both; do
  n=$(awk '/for_both_backends!\(/{on=1} on' "tests/api/$m.rs" | awk '/\);/{print; exit} {print}' |
    sed 's/.*for_both_backends!(//; s/);.*//' | tr ',' '\n' | grep -cE '^\s*[a-z_]+\s*$')
  suite=$((suite + n))
done
expected=$((suite + $(cat tests/api/scale_out.rs tests/api/pg_reads.rs | grep -c '#\[actix_web::test\]')))
if [ "$passed" -lt "$expected" ]; then
  echo "FAILED: $passed PostgreSQL tests passed, $expected expected"
  failed=$((failed + 1))
fi

echo "== the whole integration suite with every in-process server on PostgreSQL"
all="$work/all.log"
# mail_server:: needs the Postfix that .ci/mail.sh starts: it runs (and
# cannot skip) in .ci/run's first cargo test, on the embedded store; the
# one record it keeps in the store (the staff mail state, replaced by
# compare and swap) is checked on PostgreSQL by store_suite::postgres
# above.
PARRHESIA_TEST_ALL_ON_POSTGRES=$PARRHESIA_TEST_POSTGRES timeout 1800 \
  cargo test --locked --test api -- --skip scale_out --skip store_suite --skip history \
  --skip writer --skip mail_server:: >"$all" 2>&1
status=$?
grep -E '^test .* (FAILED|ok)$' "$all" | grep -v '^test result' | sed 's/^test /test all-on-postgres: /'
all_passed=$(grep -cE '^test .* \.\.\. ok$' "$all")
all_failed=$(grep -cE '^test .* \.\.\. FAILED$' "$all")
if [ "$status" -ne 0 ] && [ "$all_failed" -eq 0 ]; then
  tail -n 40 "$all"
  all_failed=1
fi
if [ "$all_failed" -ne 0 ]; then
  grep -A 20 -- '---- ' "$all" | head -n 80
fi
passed=$((passed + all_passed))
failed=$((failed + all_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
