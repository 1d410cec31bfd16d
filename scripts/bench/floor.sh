#!/usr/bin/env bash
# The "floor" the hub's submit throughput is compared with: pgbench doing, 64 clients, one transaction each, the three
# inserts a durable submit cannot do without (dossier, outbox message, idempotency record: raw_submit.sql), on a
# private PostgreSQL with its default durable settings and the hub's tables (hub_schema.sql, a dump of the schema).
# Run it, then scripts/load.sh --clients 64 --duration SECONDS, one after the other on the same machine.
#   scripts/bench/floor.sh [SECONDS]   (default 60)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../postgres.sh"
secs=${1:-60}
work=$(mktemp -d /tmp/hub-floor.XXXXXX)
chmod 755 "$work"
trap 'pg_stop "$work/pg"; rm -rf "$work"' EXIT
pg_start "$work/pg"
port=$(cat "$work/pg/port")
bin=$(pg_bindir)
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE raw"
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d raw -f "$here/hub_schema.sql" >/dev/null 2>&1
echo "== floor: pgbench, 3 inserts per transaction, 64 clients, ${secs}s"
"$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c 64 -j 2 -T "$secs" -f "$here/raw_submit.sql" raw 2>&1 \
  | grep -E "^tps|latency average|number of transactions actually|aborted|error" | head -n 8
