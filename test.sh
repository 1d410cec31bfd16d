#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a private PostgreSQL cluster (started
# here and removed afterwards), the hub on loopback and the simulated national systems.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/mail.sh

work=$(mktemp -d /tmp/hub-test.XXXXXX)
chmod 755 "$work"  # the postgres user must reach its data folder inside
cleanup() { mail_stop "$work/mail"; pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

# Durability settings are relaxed for the throwaway test cluster only; the hub's own guarantees are
# exercised through transactions and process kills, not power loss.
pg_start "$work/pg" fsync=off synchronous_commit=off full_page_writes=off
export HUB_TEST_POSTGRES="$HUB_PG"
# A real SMTP server for the e-mail notices.
mail_start "$work/mail"
export HUB_TEST_MAIL="$HUB_MAIL_API"

dotnet build IntegrationHub.sln -c Release -nologo -v quiet
set +e
# A test that hangs is stopped and named after 5 minutes instead of holding CI until its time limit.
dotnet test IntegrationHub.sln -c Release --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none \
  --logger "trx;LogFileName=results.trx" --results-directory "$work/results" "$@"
status=$?
set -e

# One plain closing line for CI: "N passed, N failed".
if ls "$work"/results/*.trx >/dev/null 2>&1; then
  passed=0; failed=0
  for trx in "$work"/results/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  done
  echo "tests: $passed passed, $failed failed"
fi
if [ "$status" -ne 0 ] && [ -d "$work/results" ]; then
  # The run's folder goes with the cleanup; what names a failed or hung test (trx, blame's sequence file) stays.
  kept=$(mktemp -d /tmp/hub-test-results.XXXXXX)
  cp -r "$work/results/." "$kept/"
  echo "test results kept in $kept"
fi
exit $status
