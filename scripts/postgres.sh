#!/usr/bin/env bash
# A private PostgreSQL cluster for the hub and its tests: Debian's postgresql package (installed when
# missing and we are root), a data folder of our own, a free loopback port, trust authentication on
# loopback only. Source this file, then:
#   pg_start DIR [extra postgres -c settings...]   exports HUB_PG (an Npgsql connection string)
#   pg_stop DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "Installing PostgreSQL (Debian package postgresql)..." >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >&2
      dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    else
      echo "PostgreSQL is not installed; run as root once, or: sudo apt-get install -y postgresql" >&2
      return 1
    fi
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root; as root we run it as the postgres user the package creates.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  local root=$1; shift
  local bin port settings=()
  bin=$(pg_bindir)
  mkdir -p "$root"
  root=$(cd "$root" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$root"
    chmod 700 "$root"
  fi
  if [ ! -f "$root/data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$root/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; return 1; }
  fi
  for s in "$@"; do settings+=(-c "$s"); done
  # A port found free may be taken before the server binds it (another process, another cluster): try another.
  local attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    pg_as_owner "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -w -t 60 \
      -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=300 ${settings[*]:-}" start >/dev/null 2>&1 && break
    if [ "$attempt" = 3 ] || ! grep -q "could not bind\|Address already in use" "$root/postgres.log"; then
      tail -n 20 "$root/postgres.log" >&2; return 1
    fi
  done
  echo "$port" >"$root/port"
  export HUB_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=100"
}

pg_stop() {
  local root=$1 bin
  bin=$(pg_bindir)
  if [ -f "$root/data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# Creates database $2 in the cluster under $1 unless it exists; prints its connection string.
pg_ensure_database() {
  local root=$1 name=$2 bin port
  bin=$(pg_bindir)
  port=$(cat "$root/port")
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$name"
}

# The hub's two roles in the cluster under $1 and database $2 owned by the first (made or handed over):
# hub_owner owns the tables and runs migrations, hub_runtime is what the hub runs as (see docs/database-roles.md).
# Exports ConnectionStrings__Hub (runtime) and ConnectionStrings__HubOwner.
pg_ensure_hub_roles() {
  local root=$1 name=$2 bin port psql
  bin=$(pg_bindir)
  port=$(cat "$root/port")
  psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
  for role in hub_owner hub_runtime; do
    "${psql[@]}" -c "DO \$\$ BEGIN CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" >/dev/null
  done
  pg_ensure_database "$root" "$name" >/dev/null
  # A database made before the roles existed is handed to the owner, with everything in it.
  "${psql[@]}" -d "$name" -c "ALTER DATABASE \"$name\" OWNER TO hub_owner; ALTER SCHEMA public OWNER TO hub_owner;
    DO \$\$ DECLARE o record; BEGIN
      FOR o IN SELECT format('ALTER TABLE %I OWNER TO hub_owner', tablename) AS s FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'hub_owner'
        UNION ALL SELECT format('ALTER SEQUENCE %I OWNER TO hub_owner', sequencename) FROM pg_sequences WHERE schemaname = 'public' AND sequenceowner <> 'hub_owner'
        UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO hub_owner', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'hub_owner'
      LOOP EXECUTE o.s; END LOOP; END \$\$" >/dev/null
  export ConnectionStrings__Hub="Host=127.0.0.1;Port=$port;Username=hub_runtime;Database=$name"
  export ConnectionStrings__HubOwner="Host=127.0.0.1;Port=$port;Username=hub_owner;Database=$name"
}
