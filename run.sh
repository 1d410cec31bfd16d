#!/usr/bin/env bash
# Runs the hub with the simulated national systems (the sandbox) as its default.
#  - PostgreSQL: ConnectionStrings__Hub if set; otherwise a private cluster under .data/postgres
#    (Debian's postgresql package is installed first when missing and we are root).
#  - A sample agency key is generated for trying it and printed with the hub's address.
# Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/hub-runtime.sh
source scripts/mail.sh

grpc_url=${HUB_GRPC_URL:-http://127.0.0.1:5080}
mkdir -p .data
chmod 755 .data  # the postgres user must reach its data folder inside

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  mail_stop .data/mail
  if [ -n "${own_pg:-}" ]; then pg_stop .data/postgres; fi
}
trap cleanup EXIT INT TERM

echo "Building..."
dotnet build src/Hub/IntegrationHub.Hub.csproj -c Release -nologo -v quiet
dotnet build src/Sandbox/IntegrationHub.Sandbox.csproj -c Release -nologo -v quiet

if [ -z "${ConnectionStrings__Hub:-}" ]; then
  pg_start .data/postgres
  own_pg=1
  # Migrations run as the tables' owner, the hub as a role that cannot alter or empty its logs.
  pg_ensure_hub_roles .data/postgres hub
fi

# Secrets of this run only: the sample agency's and operator's API keys (the sandbox makes its own).
api_key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
operator_key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')

# Each simulated system declares the settings the hub needs from it; the sandbox writes them to .data/hub.env.
# Callbacks (VNPAY's IPN, the payment platform's confirm, SMS reports) go to the hub's HTTP port (Kestrel:Endpoints:Http).
rm -f .data/hub.env
dotnet src/Sandbox/bin/Release/net10.0/IntegrationHub.Sandbox.dll --hub-url http://127.0.0.1:5081 --hub-env .data/hub.env --tsa-dir .data/tsa \
  >.data/sandbox.out 2>.data/sandbox.err &
pids+=($!)
for _ in $(seq 1 100); do [ -f .data/hub.env ] && grep -q nationalPortal .data/sandbox.out 2>/dev/null && break; sleep 0.1; done
portal_url=$(sed -n 's/.*"nationalPortal":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
[ -n "$portal_url" ] || { cat .data/sandbox.err >&2; echo "the sandbox did not start" >&2; exit 1; }
population_url=$(sed -n 's/.*"population":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
enterprise_url=$(sed -n 's/.*"enterprises":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
vnpay_url=$(sed -n 's/.*"vnpay":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
esms_url=$(sed -n 's/.*"esms":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
viettel_url=$(sed -n 's/.*"viettel":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
speedsms_url=$(sed -n 's/.*"speedSms":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
platform_url=$(sed -n 's/.*"paymentPlatform":{"url":"\([^"]*\)".*/\1/p' .data/sandbox.out)
sample_citizen=$(sed -n 's/.*"sample":{"idNumber":"\([^"]*\)","fullName":"\([^"]*\)","birthDate":"\([0-9]\{4\}\)\([0-9]\{2\}\)\([0-9]\{2\}\)".*/--id \1 --name "\2" --birth-date \3-\4-\5/p' .data/sandbox.out)
sample_enterprise=$(sed -n 's/.*"sample":{"enterpriseCode":"\([^"]*\)".*/\1/p' .data/sandbox.out)

export ASPNETCORE_ENVIRONMENT=Sandbox
export Kestrel__Endpoints__Grpc__Url=$grpc_url
set -a; . .data/hub.env; set +a
# VNPAY takes fees by default; the DVCQG payment platform those of procedure 1.004227 (appsettings.Sandbox.json).
export Hub__Payments__DefaultGateway=vnpay
# The sandbox portal gets a new filing every 2 minutes; the hub looks for them every 30 s.
export Hub__PortalIntake__PullInterval=00:00:30
# E-mail to applicants goes to a real SMTP server of this run (two ports: the second takes over when the first fails).
mail_start .data/mail
read -r smtp_primary smtp_secondary <<<"$HUB_MAIL_SMTP"
export Hub__Adapters__Email__From=motcua@hagiang.gov.vn
export Hub__Adapters__Email__Servers__primary__Host=127.0.0.1 Hub__Adapters__Email__Servers__primary__Port=$smtp_primary \
  Hub__Adapters__Email__Servers__primary__Security=None Hub__Adapters__Email__Servers__primary__Priority=1
export Hub__Adapters__Email__Servers__secondary__Host=127.0.0.1 Hub__Adapters__Email__Servers__secondary__Port=$smtp_secondary \
  Hub__Adapters__Email__Servers__secondary__Security=None Hub__Adapters__Email__Servers__secondary__Priority=2
# The exchange log's seal key and anchor file are kept across runs, so that earlier seals still verify
# (openssl comes with Debian's postgresql, through ssl-cert); seals are timestamped by the sandbox's TSA (in hub.env).
[ -f .data/seal-key.pem ] || (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out .data/seal-key.pem)
export Hub__Audit__SealKey="$(cat .data/seal-key.pem)" Hub__Audit__AnchorFile=$PWD/.data/exchange-log-anchors.jsonl
export Hub__Access__Clients__0__ApiKeySha256=$(printf %s "$api_key" | sha256sum | cut -d' ' -f1)
export Hub__Access__Operators__0__ApiKeySha256=$(printf %s "$operator_key" | sha256sum | cut -d' ' -f1)

cat <<INFO

  Integration hub (gRPC, plaintext on loopback): $grpc_url
  Sample agency key (x-api-key metadata):        $api_key
    acts for agencies 000.00.01.H22 (Sở Tư pháp), 000.00.02.H22 (Sở Xây dựng) and 000.00.03.H22 (Sở Công Thương)
  Operator key (for ./hub):                      $operator_key
    try: HUB_OPERATOR_KEY=$operator_key ./hub health
  Health: http://127.0.0.1:5081/health/live  /health/ready
  Simulated national portal:                     $portal_url
    what it received: $portal_url/_sandbox/received    faults: POST $portal_url/_sandbox/faults
    citizens file dossiers on it (every 2 min); the hub pulls them: see them with ./hub portal arrivals
  Simulated population database:                 $population_url    faults: POST $population_url/_sandbox/faults
    a citizen it holds: examples/python/once_only.py --key $api_key $sample_citizen
  Simulated enterprise database:                 $enterprise_url    faults: POST $enterprise_url/_sandbox/faults
    an enterprise it holds: $sample_enterprise
  Simulated VNPAY:                               $vnpay_url
    the citizen pays: POST $vnpay_url/_sandbox/pay {"txnRef":"<payment reference>","responseCode":"00"}
  Simulated DVCQG payment platform (procedure 1.004227): $platform_url
    the citizen pays: POST $platform_url/_sandbox/pay {"reference":"<payment reference>","errorCode":"00"}
  Simulated SMS providers (eSMS, Viettel, SpeedSMS): $esms_url    $viettel_url    $speedsms_url
  E-mail to applicants (a real SMTP server, aiosmtpd, ports $smtp_primary and $smtp_secondary):
    what arrived: $HUB_MAIL_API/messages?to=<address>    faults: POST $HUB_MAIL_API/faults

INFO
# HUB_INSTANCES=N (scripts/cluster.sh N): N hubs on the one database; the i-th listens on gRPC 5078+2i, HTTP 5079+2i.
instances=${HUB_INSTANCES:-1}
if [ "$instances" -gt 1 ]; then
  echo "  $instances hub instances on one database (gRPC): $(for i in $(seq 1 "$instances"); do printf 'http://127.0.0.1:%d ' $((5078 + 2 * i)); done)"
  echo "    spread clients over them, e.g. the load generator's --hub URL,URL; logs of the 2nd and later in .data/hub<i>.out"
  echo
fi
for i in $(seq 2 "$instances"); do
  Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$((5078 + 2 * i)) Kestrel__Endpoints__Http__Url=http://127.0.0.1:$((5079 + 2 * i)) \
    env "${hub_runtime[@]}" dotnet src/Hub/bin/Release/net10.0/IntegrationHub.Hub.dll --contentRoot "$PWD/src/Hub/bin/Release/net10.0" >".data/hub$i.out" 2>&1 &
  pids+=($!)
done
env "${hub_runtime[@]}" dotnet src/Hub/bin/Release/net10.0/IntegrationHub.Hub.dll --contentRoot "$PWD/src/Hub/bin/Release/net10.0" &
pids+=($!)
wait "${pids[-1]}"
