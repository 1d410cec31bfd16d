#!/usr/bin/env bash
# Source this file: hub_runtime holds the .NET runtime settings run.sh, scripts/cluster.sh and scripts/load.sh start the
# hub with (env "${hub_runtime[@]}" dotnet ...; the Dockerfile sets the same). Each can be overridden from the environment.
#
# DOTNET_GCgen0size: a 24 MB young generation (the GC's gen0 budget, which has no runtimeconfig.json name). Under
# scripts/load.sh --clients 64 (dotnet-counters) the default budget, sized from these cores' caches, meant 7-9
# collections and 50-80 ms of pauses a second; 24 MB, 2-4 collections and 9-27 ms; 32 MB, 1-3 and 7-27 ms but up to
# 286 MB resident at peak against the 300 MB the hub is held to (24 MB: 259 MB; the default: 235-258 MB).
hub_runtime=("DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x1800000}")
