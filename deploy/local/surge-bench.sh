#!/usr/bin/env bash
# The surge detector's figures for docs/benchmarks.md (ADR 0024), from a seeded replay through the detector itself (no
# silo, no database: event time, so a replay decides exactly as the live stream would):
#   1. false alarms: five categories of ordinary traffic (a diurnal curve, a day-to-day level that wanders, busier
#      weekends, Poisson counts) learn their baselines for the warm-up days, then every surge raised in the replayed
#      days is a false alarm;
#   2. detection delay: at random times of those days, surges of 5, 10, 20, 50 and 200 extra tickets a minute (for ten
#      minutes, on top of the ordinary traffic) are injected into a copy of the detector; the delay from onset to the
#      surge is measured.
# The pipeline's own lag comes in front of the delay in a running cluster (deploy/local/bench.sh measures it).
#
# usage: deploy/local/surge-bench.sh [--days 14] [--warmup-days 7] [--trials 40] [--seed 20261204]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
[[ -f "$bench_dll" ]] || die "build first: dotnet build TicketGrains.sln -c Release"
say "surge detector replay: deploy/local/surge-bench.sh $*"
dotnet "$bench_dll" surges "$@"
