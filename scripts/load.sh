#!/usr/bin/env bash
# Measures the hub on this machine: a private PostgreSQL with its default (durable) settings, the
# sandbox and the hub in Release, then the load generator with the arguments given, e.g.
#   scripts/load.sh --clients 64 --duration 60
#   scripts/load.sh --clients 64 --duration 60 --rate 500
#   scripts/load.sh --clients 64 --duration 60 --applicants identity --repeat 0.3
#   scripts/load.sh --clients 64 --duration 75 --rate 20 --outage 60      (the portal down for 60 s, then the drain)
#   HUB_INSTANCES=2 scripts/load.sh --clients 64 --duration 60           (two hubs on one database, clients spread)
#   HUB_PG_PROFILE=1 scripts/load.sh --clients 64 --duration 60          (also where PostgreSQL's time and WAL went:
#                                                                         scripts/bench/pg-profile.sql, wal-profile.py)
#   HUB_BACKLOG=150000 scripts/load.sh --clients 4 --duration 60 --rate 20  (what a long outage's leftovers cost: that many
#                                                                         portal changes waiting an hour's backoff;
#                                                                         HUB_BACKLOG_BEHIND=2: each with two later
#                                                                         changes of its dossier queued behind it)
# After the run it prints each hub's peak resident memory and CPU, and PostgreSQL's CPU and commits, per submit.
# The load is one agency client, so the per-client write limit (Hub:RateLimits, 500/s by default) is lifted: the run
# measures what the hub can take, not the limit a province sets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/cpu.sh
source scripts/hub-runtime.sh

work=$(mktemp -d /tmp/hub-load.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for project in src/Hub/IntegrationHub.Hub.csproj src/Sandbox/IntegrationHub.Sandbox.csproj tests/LoadGenerator/IntegrationHub.LoadGenerator.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet >"$work/build.out" 2>&1 || { echo "building $project failed:" >&2; tail -n 30 "$work/build.out" >&2; exit 1; }
done

if [ "${HUB_PG_PROFILE:-0}" = 1 ]; then
  pg_start "$work/pg" shared_preload_libraries=pg_stat_statements pg_stat_statements.track=all pg_stat_statements.track_planning=on
else
  pg_start "$work/pg"
fi
export ConnectionStrings__Hub="$(pg_ensure_database "$work/pg" hub);Maximum Pool Size=${HUB_PG_POOL:-100}${HUB_PG_EXTRA:-}"

key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
# The simulated systems declare the hub's settings (--hub-env); the load runs with the portal, the registries
# and the payment platform only, as it always has: no SMS or VNPAY traffic, no time-stamping.
dotnet src/Sandbox/bin/Release/net10.0/IntegrationHub.Sandbox.dll --hub-env "$work/hub.env" >"$work/sandbox.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -f "$work/hub.env" ] && grep -q nationalPortal "$work/sandbox.out" 2>/dev/null && break; sleep 0.1; done
portal_url=$(sed -n 's/.*"nationalPortal":{"url":"\([^"]*\)".*/\1/p' "$work/sandbox.out")
grep -E '^Hub__Adapters__(NationalPortal|Population|Enterprise|PaymentPlatform)__' "$work/hub.env" >"$work/hub-load.env"

set -a; . "$work/hub-load.env"; set +a
instances=${HUB_INSTANCES:-1}
hubs=(); hub_pids=(); metrics_urls=()
for i in $(seq 1 "$instances"); do
  port=$(free_port)
  http_port=$(free_port)
  ASPNETCORE_ENVIRONMENT=Sandbox \
  Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$port \
  Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http_port \
  Logging__LogLevel__Default=Warning \
  Hub__Access__Clients__0__ApiKeySha256=$(printf %s "$key" | sha256sum | cut -d' ' -f1) \
  Hub__RateLimits__WritesPerSecond=1000000 Hub__RateLimits__Burst=1000000 \
    env "${hub_runtime[@]}" dotnet src/Hub/bin/Release/net10.0/IntegrationHub.Hub.dll --contentRoot "$PWD/src/Hub/bin/Release/net10.0" >"$work/hub$i.out" 2>&1 &
  pids+=($!); hub_pids+=($!)
  hubs+=("http://127.0.0.1:$port")
  metrics_urls+=("http://127.0.0.1:$http_port/metrics")
  up=0
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null && { up=1; break; }
    sleep 0.1
  done
  if [ "$up" = 0 ]; then echo "hub $i did not listen within 60 s; its log:" >&2; tail -n 40 "$work/hub$i.out" >&2; exit 1; fi
done

pg_sql() { psql -qtA -h 127.0.0.1 -p "$(cat "$work/pg/port")" -U postgres -d hub -c "$1"; }
backlog=${HUB_BACKLOG:-0} behind=${HUB_BACKLOG_BEHIND:-0}
if [ "$backlog" -gt 0 ]; then
  # Each its own dossier's first change, tried and failed, due again within the hour: none comes due in the run. Behind
  # each, its dossier's later changes, untried, queued as the recording of the first one's last failure marked them.
  pg_sql "INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, last_attempt_at, last_error)
          SELECT gen_random_uuid(), 'national-portal', 'progress', 1, '{}', 0, 8, now() - interval '1 day',
                 now() + interval '1 hour' + g * interval '10 ms', now(), 'HTTP 503' FROM generate_series(1, $backlog) g;
          INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, queued)
          SELECT w.dossier_id, w.target, w.kind, 1 + b, '{}', 0, 0, w.created_at + b * interval '1 minute', w.created_at + b * interval '1 minute', true
          FROM outbox_messages w CROSS JOIN generate_series(1, $behind) b WHERE w.status = 0 AND w.attempts > 0 ORDER BY b, w.id;
          ANALYZE outbox_messages;" >/dev/null
fi

# The CPU of the shell's finished children (bash's times, taken in this shell), before and after: the load generator's.
times >"$work/before.times"
if [ "${HUB_PG_PROFILE:-0}" = 1 ]; then
  # A 20 s window of WAL from 10 s after the warm-up (segments before a checkpoint may be recycled by the run's end).
  (sleep 20; echo "$(pg_sql "SELECT pg_current_wal_lsn()") $(pg_sql "SELECT count(*) FROM dossiers")" >"$work/wal.start"
   sleep 20; echo "$(pg_sql "SELECT pg_current_wal_lsn()") $(pg_sql "SELECT count(*) FROM dossiers")" >"$work/wal.end"
   pg_sql "SELECT pg_relation_filenode(oid) || '|' || relname FROM pg_class WHERE relkind IN ('r', 'i', 't')" >"$work/wal.relations"
   read -r from from_count <"$work/wal.start"; read -r to to_count <"$work/wal.end"
   "$(pg_bindir)/pg_waldump" -p "$work/pg/data/pg_wal" --start="$from" --end="$to" >"$work/wal.dump" 2>/dev/null
   echo $((to_count - from_count)) >"$work/wal.submits") &
  wal_window=$!
fi
dotnet tests/LoadGenerator/bin/Release/net10.0/IntegrationHub.LoadGenerator.dll \
  --hub "$(IFS=,; echo "${hubs[*]}")" --key "$key" --portal "$portal_url" --metrics "${metrics_urls[0]}" "$@"
times >"$work/after.times"
generator_cpu=$(children_cpu_between "$work/before.times" "$work/after.times")

# What the run cost, from /proc: each hub's peak resident set (VmHWM) and CPU; PostgreSQL's CPU and commits; per
# submit stored. The simulated systems' and the load generator's CPU too: they share the machine's cores with the hub
# and PostgreSQL.
ticks=$(getconf CLK_TCK)
cpu_of() { awk -v t="$ticks" '{ printf "%.1f", ($14 + $15 + $16 + $17) / t }' "/proc/$1/stat"; }
submits=$(pg_sql "SELECT count(*) FROM dossiers")
commits=$(pg_sql "SELECT xact_commit FROM pg_stat_database WHERE datname = 'hub'")
if [ "${HUB_PG_PROFILE:-0}" = 1 ]; then
  psql -qtA -F ' | ' -h 127.0.0.1 -p "$(cat "$work/pg/port")" -U postgres -d hub -f scripts/bench/pg-profile.sql
  if wait "$wal_window" && [ -s "$work/wal.submits" ]; then
    python3 scripts/bench/wal-profile.py "$work/wal.dump" "$work/wal.relations" "$(cat "$work/wal.submits")"
  else
    echo "(the WAL window could not be read)"
  fi
fi
# Round trips to PostgreSQL: Npgsql's operations (a command or a batch, one round trip each; the COMMIT of an explicit
# transaction is one more, and among the commits), from each hub's /metrics before it stops.
operations=0
for url in "${metrics_urls[@]}"; do
  operations=$((operations + $(curl -fsS "$url" | awk '/^db_client_operation_duration_seconds_count/ { n += $NF } END { printf "%d", n }')))
done
hub_cpu=0
for i in "${!hub_pids[@]}"; do
  pid=${hub_pids[$i]}
  peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  cpu=$(cpu_of "$pid"); hub_cpu=$(awk -v a="$hub_cpu" -v b="$cpu" 'BEGIN { print a + b }')
  echo "hub $((i + 1)): peak memory ${peak} MB (VmHWM), CPU ${cpu} s"
done
for pid in "${hub_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
pg_cpu=$(pg_cpu_seconds "$work/pg")
sandbox_cpu=$(cpu_of "${pids[0]}")
awk -v n="$submits" -v h="$hub_cpu" -v p="$pg_cpu" -v c="$commits" -v o="$operations" -v s="$sandbox_cpu" -v g="$generator_cpu" 'BEGIN {
  printf "per submit (%d stored, warm-up included): hub CPU %.2f ms, PostgreSQL CPU %.2f ms, %.2f commits, %.2f round trips; simulated systems %.2f ms, load generator %.2f ms\n",
    n, 1000 * h / n, 1000 * p / n, c / n, o / n, 1000 * s / n, 1000 * g / n }'
if [ "$backlog" -gt 0 ]; then
  echo "with $backlog changes waiting out a backoff, $behind queued behind each: PostgreSQL CPU $pg_cpu s, hubs' CPU $hub_cpu s, over the whole run"
fi
for i in $(seq 1 "$instances"); do
  if grep -qE "fail|crit" "$work/hub$i.out"; then
    echo "hub $i log:"; grep -E -A3 "fail|crit" "$work/hub$i.out" | head -n 40
  fi
done
