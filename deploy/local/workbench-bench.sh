#!/usr/bin/env bash
# The workbench bench: the workbench built, one silo with the co-hosted API on its own database (tg_workbench_bench),
# 10,000 open tickets in a fresh tenant, then `TicketGrains.Bench workbench`: Debian's chromium measures first paint,
# inbox shown, and next ticket → ticket shown; the silo is stopped again whatever happens.
#
# usage: deploy/local/workbench-bench.sh [--tickets 10000] [--rounds 10]
# WORKBENCH_BENCH_PORT (default 5485) is the silo's HTTP port; its Orleans ports are 11485 and 30485.
# The silo's output goes to .data/bench/workbench-silo.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet
require_apt_tool chromium chromium
deploy/local/workbench.sh

port="${WORKBENCH_BENCH_PORT:-5485}"
url="http://127.0.0.1:$port"
silo_pid=""
trap 'stop_process "$silo_pid"' EXIT
trap 'exit 130' INT TERM

start_bench_silo "$url" tg_workbench_bench workbench 11485 30485
say "silo ready (pid $silo_pid); running the workbench bench"
dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll workbench --url "$url" "$@"
