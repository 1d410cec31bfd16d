#!/usr/bin/env bash
# What a benchmark's processes cost in CPU, for load.sh and bench/floor.sh. Source it after postgres.sh:
#   children_cpu_between BEFORE AFTER   CPU seconds of the shell's children that ended between two saved `times` outputs
#   pg_cpu_seconds DIR                  CPU seconds the cluster under DIR (pg_start's) has spent

children_cpu_between() {
  local seconds='END { n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } print n }'
  awk -v a="$(awk "$seconds" "$2")" -v b="$(awk "$seconds" "$1")" 'BEGIN { print a - b }'
}

# The CPU seconds the cluster under $1 has spent: the postmaster's own, its exited children's (a backend's time reaches
# the postmaster only once it has exited and been reaped, so stop the clients first: this waits until none is left) and
# its running children's (WAL writer, checkpointer, background writer, autovacuum), which never exit during a run.
pg_cpu_seconds() {
  local root=$1 bin port postmaster ticks
  bin=$(pg_bindir)
  port=$(cat "$root/port")
  postmaster=$(head -n 1 "$root/data/postmaster.pid")
  ticks=$(getconf CLK_TCK)
  for _ in $(seq 1 100); do
    [ "$("$bin/psql" -qtA -h 127.0.0.1 -p "$port" -U postgres -d postgres \
      -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")" = 0 ] && break
    sleep 0.1
  done
  sleep 0.5
  cat "/proc/$postmaster/stat" /proc/[0-9]*/stat 2>/dev/null \
    | awk -v t="$ticks" -v pm="$postmaster" '$1 == pm { own = $14 + $15 + $16 + $17 } $4 == pm { live += $14 + $15 } END { printf "%.1f", (own + live) / t }'
}
