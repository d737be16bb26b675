#!/usr/bin/env bash
# Routing decisions per second (docs/benchmarks.md): the routing engine alone, one thread and every core, over the
# built-in rules and 50 tenant rules, then through a tenant's rules grain in a local silo (in-memory, no PostgreSQL).
#
# usage: deploy/local/routing-bench.sh [seconds per measurement, default 5]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

dotnet build tests/TicketGrains.RoutingBench -c Release -nologo -v quiet
dotnet tests/TicketGrains.RoutingBench/bin/Release/net10.0/TicketGrains.RoutingBench.dll "${1:-5}"
