#!/usr/bin/env bash
# Source this file: hub_runtime holds the .NET runtime settings run.sh, scripts/cluster.sh and scripts/load.sh start the
# hub with (env "${hub_runtime[@]}" dotnet ...; the Dockerfile sets the same). Each can be overridden from the environment.
#
# DOTNET_GCgen0size: a 32 MB young generation (the GC's gen0 budget, which has no runtimeconfig.json name). Under
# scripts/load.sh --clients 64 the default budget, sized from these cores' caches, meant 7-9 collections and 50-80 ms
# of pauses a second; with 32 MB, 1-3 collections and 7-27 ms, the hub's CPU a submit about 10 % lower and about
# 20 MB more resident at peak.
hub_runtime=("DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}")
