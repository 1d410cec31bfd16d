#!/usr/bin/env bash
# The "floor" the hub's submit throughput is compared with: pgbench doing, 64 clients, one transaction each, the three
# inserts a durable submit cannot do without (dossier, outbox message, idempotency record: raw_submit.sql), on a
# private PostgreSQL with its default durable settings and the hub's tables (hub_schema.sql, a dump of the schema).
# Run it, then scripts/load.sh --clients 64 --duration SECONDS, one after the other on the same machine.
#   scripts/bench/floor.sh [SECONDS] [SUBMITS_A_TRANSACTION]   (default 60 and 1)
# With SUBMITS_A_TRANSACTION above 1 each transaction writes that many submits' rows, one statement a table
# (raw_submit_shared.sql): what the three rows cost PostgreSQL when commits are shared, as the hub shares them.
# After the run it prints where the machine's CPU went, a submit: PostgreSQL's, pgbench's, and how busy the cores were.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../postgres.sh"
source "$here/../cpu.sh"
secs=${1:-60}
shared=${2:-1}
work=$(mktemp -d /tmp/hub-floor.XXXXXX)
chmod 755 "$work"
trap 'pg_stop "$work/pg"; rm -rf "$work"' EXIT
pg_start "$work/pg"
port=$(cat "$work/pg/port")
bin=$(pg_bindir)
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE raw"
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d raw -f "$here/hub_schema.sql" >/dev/null 2>&1
script=("$here/raw_submit.sql")
[ "$shared" -gt 1 ] && script=("$here/raw_submit_shared.sql" -D "shared=$shared")
echo "== floor: pgbench, 3 inserts per transaction, $shared submit(s) a transaction, 64 clients, ${secs}s"

# The cores' time (user, nice, system, idle, iowait, irq, softirq, steal) and pgbench's (bash's children), around the run.
cores() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5, $6 }' /proc/stat; }
pg_before=$(pg_cpu_seconds "$work/pg"); read -r busy0 idle0 wait0 < <(cores); times >"$work/before.times"
"$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c 64 -j 2 -T "$secs" -f "${script[@]}" raw >"$work/pgbench.out" 2>&1 || true
times >"$work/after.times"; read -r busy1 idle1 wait1 < <(cores); pg_after=$(pg_cpu_seconds "$work/pg")
grep -E "^tps|latency average|number of transactions actually|aborted|error" "$work/pgbench.out" | head -n 8
transactions=$(awk -F': ' '/number of transactions actually processed/ { print $2 + 0 }' "$work/pgbench.out")
tps=$(awk '/^tps/ { print $3 }' "$work/pgbench.out")
awk -v n="$transactions" -v s="$shared" -v tps="$tps" -v pa="$pg_after" -v pb="$pg_before" \
    -v c="$(children_cpu_between "$work/before.times" "$work/after.times")" \
    -v b="$busy1" -v b0="$busy0" -v i="$idle1" -v i0="$idle0" -v w="$wait1" -v w0="$wait0" 'BEGIN {
  submits = n * s; total = (b - b0) + (i - i0) + (w - w0)
  printf "%.1f submits/s; a submit: PostgreSQL CPU %.3f ms, pgbench %.3f ms; the cores %.1f %% busy, %.1f %% waiting on the disk, %.1f %% idle\n",
    tps * s, 1000 * (pa - pb) / submits, 1000 * c / submits, 100 * (b - b0) / total, 100 * (w - w0) / total, 100 * (i - i0) / total }'
