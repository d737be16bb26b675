#!/usr/bin/env bash
# What an idle silo costs: one silo with the co-hosted API on its own database (tg_bench_idle), left alone for 60 s
# after it became ready, then the CPU it and the local PostgreSQL (server and backends) used over SECONDS of doing
# nothing, in milliseconds per second. Extra arguments are silo options, to compare settings.
#
# usage: deploy/local/idle-cost.sh [SECONDS, default 30] [silo options...]
#   e.g. deploy/local/idle-cost.sh 30 --Pipeline:PollInterval=00:00:01
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

seconds="${1:-30}"
[[ $# -gt 0 ]] && shift
url="${TICKETGRAINS_BENCH_URL:-http://127.0.0.1:5209}"
silo_pid=""
trap 'stop_process "$silo_pid"' EXIT
trap 'exit 130' INT TERM

start_bench_silo "$url" tg_bench_idle idle 11209 30209 "$@"
say "letting the silo's start-up work finish (60 s)"
sleep 60

ticks="$(getconf CLK_TCK)"
silo_before="$(cpu_ticks "$silo_pid")" pg_before="$(local_postgres_ticks)"
sleep "$seconds"
silo_after="$(cpu_ticks "$silo_pid")" pg_after="$(local_postgres_ticks)"
per_second() { awk -v t="$1" -v hz="$ticks" -v s="$seconds" 'BEGIN { printf "%.0f", t * 1000 / hz / s }'; }
echo "idle ${seconds} s (options: ${*:-none}): silo $(per_second $((silo_after - silo_before))) ms/s, postgres $(per_second $((pg_after - pg_before))) ms/s of CPU"
