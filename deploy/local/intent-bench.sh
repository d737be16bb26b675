#!/usr/bin/env bash
# The category classifier's figures for docs/benchmarks.md (ADR 0020):
#   1. quality and in-process speed: tests/TicketGrains.Bench `intents` trains on four fifths of each training file
#      (seeded split per file and category), prints macro-F1 and F1 per category on the held-back fifth of each file,
#      and times in-process classification (p50, p99) on one thread;
#   2. over HTTP: a silo of its own (database tg_intent_bench, http://127.0.0.1:5183) and wrk
#      (tests/TicketGrains.Bench/wrk/classify-intents.lua) posting POST /api/v1/intents/classify, latency percentiles.
#
# usage: deploy/local/intent-bench.sh [seconds (default 20)] [connections (default 4)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

seconds="${1:-20}"
connections="${2:-4}"
url="http://127.0.0.1:5183"
silo_pid=""
stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM
command -v wrk >/dev/null 2>&1 || die "wrk is not installed: sudo apt-get install -y wrk"

start_bench_silo "$url" tg_intent_bench intent-bench 11183 30083 --Intents:LoadAtStart=true
say "held-back quality and in-process latency"
dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll intents --data deploy/intents --calls 20000

bench_admin_token "$url" intent-bench
say "warming up over HTTP (5 s), then $seconds s with $connections connections"
wrk -t1 -c"$connections" -d5s -s tests/TicketGrains.Bench/wrk/classify-intents.lua "$url" >/dev/null
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s tests/TicketGrains.Bench/wrk/classify-intents.lua "$url"
