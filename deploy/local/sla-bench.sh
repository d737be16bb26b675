#!/usr/bin/env bash
# The SLA bench: memory of SLA clocks per open ticket (in process), then timer accuracy on a real silo: 100,000 open
# tickets carrying clocks are created over HTTP and fire time minus due time is read from the SlaBreached events of the
# ones due within minutes. Local PostgreSQL (database tg_sla_bench, a new tenant each run), one silo with the co-hosted API in the
# background on $SLA_BENCH_PORT (default 5187), stopped again whatever happens.
#
# usage: deploy/local/sla-bench.sh [--tickets 100000] [--measured-one-in 50] [--concurrency 32] [--markdown path]
# The silo's output goes to .data/bench/sla-silo.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

url="http://127.0.0.1:${SLA_BENCH_PORT:-5187}"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

start_bench_silo "$url" tg_sla_bench sla 11193 30093
# A tenant of its own per run, so earlier runs' tickets and policies are not counted; a day's token, as 100,000 creates
# and the wait for the last breach may outlast the default two hours on a loaded machine.
tenant="bench-sla-$(date +%s)"
bench_admin_token "$url" "$tenant" 1440
say "running the bench"
dotnet "$bench_dll" sla --url "$url" --pg "$bench_owner_conn" --tenant "$tenant" --sweep-seconds 60 "$@"
