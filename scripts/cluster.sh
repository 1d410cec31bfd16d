#!/usr/bin/env bash
# Runs N hubs (default 2) on one PostgreSQL with the simulated national systems: ./run.sh with HUB_INSTANCES=N.
# The first listens on 127.0.0.1:5080 (HTTP 5081), the second on 5082 (5083), and so on. Agency systems spread
# their calls over the addresses (a gRPC client with round-robin over them); in production a gRPC-aware balancer
# in front (nginx grpc_pass, Envoy, HAProxy in HTTP/2 mode) gives them one address. Stop with Ctrl+C.
set -euo pipefail
HUB_INSTANCES=${1:-2} exec "$(dirname "$0")/../run.sh"
