#!/usr/bin/env bash
# Channel request in → ticket event on /api/v1/events: one silo with the co-hosted API on its own database
# (tg_bench_inbound); the bench creates an app channel, follows the tenant's live feed and posts signed app messages at
# a fixed rate, each from a new customer, timing each until its ticket shows on the feed. The silo is stopped again
# whatever happens; its output goes to .data/bench/inbound-silo.log.
#
# usage: deploy/local/inbound-bench.sh [--messages 10000] [--rate 1000]
#   TICKETGRAINS_BENCH_URL       where the silo listens (default http://127.0.0.1:5201)
#   TICKETGRAINS_BENCH_SILO_ARGS extra silo options
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

url="${TICKETGRAINS_BENCH_URL:-http://127.0.0.1:5201}"
silo_pid=""
trap 'stop_process "$silo_pid"' EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
start_bench_silo "$url" tg_bench_inbound inbound 11201 30201 ${TICKETGRAINS_BENCH_SILO_ARGS:-}
TICKETGRAINS_TENANT="bench-inbound-$RANDOM"
export TICKETGRAINS_TENANT
bench_admin_token "$url" "$TICKETGRAINS_TENANT"
say "running the bench"
dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll inbound-latency --url "$url" "$@"
