#!/usr/bin/env bash
# Identity linking precision and recall (docs/benchmarks.md): a seeded population of persons writing on mixed channels
# (family phones, typos, re-used e-mail addresses, order numbers given on a second channel) through the product's key
# extraction and linker, over in-memory stores (no PostgreSQL, no grains).
#
# usage: deploy/local/linking-bench.sh [persons, default 10000] [seed, default 20261111]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

dotnet build tests/TicketGrains.LinkingBench -c Release -nologo -v quiet
dotnet tests/TicketGrains.LinkingBench/bin/Release/net10.0/TicketGrains.LinkingBench.dll "${1:-10000}" "${2:-20261111}"
