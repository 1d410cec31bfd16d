#!/usr/bin/env bash
# Prints which of the hub's folders use each other: the count of folders in cycles and of pairs that
# use each other both ways (ArchitectureTests requires none). No database needed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/IntegrationHub.Tests -c Release -nologo -v q --filter "FullyQualifiedName~ArchitectureTests.No_folder_of_the_hub_is_in_a_dependency_cycle" \
  --logger "console;verbosity=detailed" 2>&1 | sed -n 's/^ *\(hub folder graph:.*\)/\1/p; s/^ *\(  cycle:.*\|  both ways:.*\)/\1/p'
