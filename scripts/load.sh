#!/usr/bin/env bash
# Measures the hub on this machine: a private PostgreSQL with its default (durable) settings, the
# sandbox and the hub in Release, then the load generator with the arguments given, e.g.
#   scripts/load.sh --clients 64 --duration 60
#   scripts/load.sh --clients 64 --duration 60 --rate 500
#   scripts/load.sh --clients 64 --duration 60 --applicants identity --repeat 0.3
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

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

dotnet build src/Hub/IntegrationHub.Hub.csproj -c Release -nologo -v quiet >/dev/null
dotnet build src/Sandbox/IntegrationHub.Sandbox.csproj -c Release -nologo -v quiet >/dev/null
dotnet build tests/LoadGenerator/IntegrationHub.LoadGenerator.csproj -c Release -nologo -v quiet >/dev/null

pg_start "$work/pg"
export ConnectionStrings__Hub="$(pg_ensure_database "$work/pg" hub);Maximum Pool Size=${HUB_PG_POOL:-100}${HUB_PG_EXTRA:-}"

key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
# The simulated systems declare the hub's settings (--hub-env); the load runs with the portal, the registries
# and the payment platform only, as it always has: no SMS or VNPAY traffic, no time-stamping.
dotnet src/Sandbox/bin/Release/net10.0/IntegrationHub.Sandbox.dll --hub-env "$work/hub.env" >"$work/sandbox.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -f "$work/hub.env" ] && grep -q nationalPortal "$work/sandbox.out" 2>/dev/null && break; sleep 0.1; done
portal_url=$(sed -n 's/.*"nationalPortal":{"url":"\([^"]*\)".*/\1/p' "$work/sandbox.out")
grep -E '^Hub__Adapters__(NationalPortal|Population|Enterprise|PaymentPlatform)__' "$work/hub.env" >"$work/hub-load.env"

port=$(free_port)
http_port=$(free_port)
set -a; . "$work/hub-load.env"; set +a
ASPNETCORE_ENVIRONMENT=Sandbox \
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$port \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http_port \
Logging__LogLevel__Default=Warning \
Hub__Access__Clients__0__ApiKeySha256=$(printf %s "$key" | sha256sum | cut -d' ' -f1) \
  dotnet src/Hub/bin/Release/net10.0/IntegrationHub.Hub.dll --contentRoot "$PWD/src/Hub/bin/Release/net10.0" >"$work/hub.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

dotnet tests/LoadGenerator/bin/Release/net10.0/IntegrationHub.LoadGenerator.dll \
  --hub "http://127.0.0.1:$port" --key "$key" --portal "$portal_url" --metrics "http://127.0.0.1:$http_port/metrics" "$@"
if grep -qE "fail|crit" "$work/hub.out"; then
  echo "hub log:"; grep -E -A3 "fail|crit" "$work/hub.out" | head -n 40
fi
