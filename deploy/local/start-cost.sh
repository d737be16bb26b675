#!/usr/bin/env bash
# What a silo's start costs: the bench silo (ReadyToRun unless TICKETGRAINS_READY_TO_RUN=0, co-hosted API, its own
# database tg_bench_start) launched LAUNCHES times in turn, each until its /readyz answers 200 (polled every 50 ms),
# printing the seconds from launch to ready and the CPU the process used by then. Extra arguments are silo options,
# so two settings can be run alternately, e.g.
#   deploy/local/start-cost.sh 2 --Orleans:Dashboard=true; deploy/local/start-cost.sh 2 --Orleans:Dashboard=false
#
# usage: deploy/local/start-cost.sh [LAUNCHES, default 3] [silo options...]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

launches="${1:-3}"
[[ $# -gt 0 ]] && shift
url="${TICKETGRAINS_BENCH_URL:-http://127.0.0.1:5211}"
silo_pid=""
trap 'stop_process "$silo_pid"' EXIT
trap 'exit 130' INT TERM

# The first start builds, publishes and migrates; it is not measured.
start_bench_silo "$url" tg_bench_start start 11211 30211 "$@"
stop_process "$silo_pid"
use_intent_model # already set by the first start; every launch loads the category model as shipped
silo_dll="$repo/silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
[[ "${TICKETGRAINS_READY_TO_RUN:-1}" != "0" ]] && silo_dll="$repo/.data/bench/publish/silo/TicketGrains.Silo.dll"
app_conn="$(deploy/local/postgres.sh app-url tg_bench_start | tail -n 1)"
ticks="$(getconf CLK_TCK)"
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; }
for launch in $(seq 1 "$launches"); do
    started="$(date +%s%N)"
    dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" --Orleans:SiloPort=11211 \
        --Orleans:GatewayPort=30211 "--Orleans:ClusterId=bench-start-$launch-$$" "$@" >"$repo/.data/bench/start-silo.log" 2>&1 &
    silo_pid=$!
    until ready; do
        kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$repo/.data/bench/start-silo.log" >&2; die "the silo exited before it became ready"; }
        sleep 0.05
    done
    ended="$(date +%s%N)"
    used="$(cpu_ticks "$silo_pid")"
    awk -v n="$launch" -v ns=$((ended - started)) -v t="$used" -v hz="$ticks" -v o="${*:-none}" 'BEGIN {
        printf "launch %d (options: %s): ready after %.2f s, %.2f s of CPU\n", n, o, ns / 1e9, t / hz }'
    stop_process "$silo_pid" >/dev/null
    silo_pid=""
done
