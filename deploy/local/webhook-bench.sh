#!/usr/bin/env bash
# Order event in → webhook delivered latency: local PostgreSQL (own database tg_bench_hooks), Release build, one silo
# with the co-hosted API in the background (webhooks may call 127.0.0.1), then the bench posts order events at a fixed
# rate to tickets carrying their order numbers and times each until its signed delivery reaches a receiver in the bench
# process. The silo is stopped again whatever happens; its output goes to .data/bench/webhook-silo.log.
#
# usage: deploy/local/webhook-bench.sh [--events 1000] [--rate 50]
#   TICKETGRAINS_BENCH_URL      where the silo listens (default http://127.0.0.1:5086)
#   TICKETGRAINS_BENCH_SILO_ARGS extra silo options, e.g. "--Pipeline:PollInterval=00:00:00.020"
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

url="${TICKETGRAINS_BENCH_URL:-http://127.0.0.1:5086}"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
start_bench_silo "$url" tg_bench_hooks webhook 11196 30096 --Webhooks:AllowPrivateNetworks=true ${TICKETGRAINS_BENCH_SILO_ARGS:-}
# Admin: registering a webhook needs it.
bench_admin_token "$url" "bench-hooks-$RANDOM"
say "running the bench"
dotnet "$bench_dll" webhook-latency --url "$url" "$@"
