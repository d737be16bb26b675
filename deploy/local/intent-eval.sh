#!/usr/bin/env bash
# The category classifier on the fixed evaluation set (ADR 0020, docs/benchmarks.md): tests/TicketGrains.Bench
# `intents --eval` trains on every training message of deploy/intents (as train-intents does) and prints, for each
# file of deploy/intents/eval (never trained on), macro-F1, accuracy, F1 per category and the misclassified messages.
# No silo, database or wrk. Build first (dotnet build TicketGrains.sln -c Release).
#
# usage: deploy/local/intent-eval.sh [evaluation folder (default deploy/intents/eval)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
[[ -f "$bench_dll" ]] || die "$bench_dll is missing; build first: dotnet build TicketGrains.sln -c Release"
dotnet "$bench_dll" intents --data deploy/intents --eval "${1:-deploy/intents/eval}"
