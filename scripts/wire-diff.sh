#!/usr/bin/env bash
# Compares what the simulated national portal accepted during the lifecycle tests in another revision and in
# this tree, byte for byte once the values that differ on every run (times, dates, generated codes) are masked.
#   scripts/wire-diff.sh <revision> [test filter]     e.g. scripts/wire-diff.sh 5e6ae3e
# The other revision runs this tree's dump hook (tests/.../Infrastructure/WireDump.cs and HubTest.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?give the revision to compare with}
filter=${2:-FullyQualifiedName~DossierLifecycleTests}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mask() {
  # 14-digit times (yyyyMMddHHmmss), dates, dossier and receipt codes with their day and counter, GUIDs.
  sed -E -e 's/[0-9]{14}/<time>/g' -e 's#[0-9]{2}/[0-9]{2}/[0-9]{4}#<date>#g' \
    -e 's/([0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H[0-9]{2})-[0-9]{6}-[0-9]{4}/\1-<day>-<n>/g' \
    -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<guid>/g' "$1" | sort
}

git worktree add --detach "$work/old" "$rev" >/dev/null
cp tests/IntegrationHub.Tests/Infrastructure/WireDump.cs tests/IntegrationHub.Tests/Infrastructure/HubTest.cs "$work/old/tests/IntegrationHub.Tests/Infrastructure/"
HUB_WIRE_DUMP="$work/old.wire" "$work/old/test.sh" --filter "$filter" >"$work/old.log" 2>&1 || { tail -20 "$work/old.log"; exit 1; }
HUB_WIRE_DUMP="$work/new.wire" ./test.sh --filter "$filter" >"$work/new.log" 2>&1 || { tail -20 "$work/new.log"; exit 1; }
mask "$work/old.wire" >"$work/old.masked"
mask "$work/new.wire" >"$work/new.masked"
echo "$rev: $(wc -l <"$work/old.masked") items ($(wc -c <"$work/old.wire") bytes); this tree: $(wc -l <"$work/new.masked") items ($(wc -c <"$work/new.wire") bytes)"
if diff -u "$work/old.masked" "$work/new.masked"; then
  echo "the portal's wire is byte-for-byte the same"
else
  echo "the portal's wire differs (above)"; exit 1
fi
