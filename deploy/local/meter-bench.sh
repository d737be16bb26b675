#!/usr/bin/env bash
# Metering's cost on ticket creation: two silos in one run, each with its own database, one counting usage (the meter
# subscriber, the default) and one without it (Metering:Count=false). The bench's HTTP phases run against the first,
# then the same levels against the second, so the difference is what the meter costs the create path. Rounds alternate
# (with, without, with, without …: TICKETGRAINS_METER_ROUNDS, 2 by default) so that a change in the machine's other
# load shows as a difference between rounds rather than as the meter's cost.
#
# usage: deploy/local/meter-bench.sh [bench options]
#   e.g. deploy/local/meter-bench.sh --seconds 10 --warmup 30 --concurrency 16,64
# Logs: .data/bench/meter-on-silo.log and .data/bench/meter-off-silo.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
metered_url="http://127.0.0.1:5183"
unmetered_url="http://127.0.0.1:5184"
pids=()

stop_silos() {
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap stop_silos EXIT
trap 'exit 130' INT TERM

start_bench_silo "$metered_url" tg_meter_on meter-on 11290 30190
pids+=("$silo_pid")
start_bench_silo "$unmetered_url" tg_meter_off meter-off 11291 30191 --Metering:Count=false
pids+=("$silo_pid")

run() { # label url pid
    say "bench against the silo $1 ($2)"
    bench_admin_token "$2" bench-http
    dotnet "$bench_dll" --url "$2" --server-pid "$3" --command-line "$command_line ($1)" "${bench_args[@]}"
}
command_line="deploy/local/meter-bench.sh $*"
bench_args=("$@")
for round in $(seq 1 "${TICKETGRAINS_METER_ROUNDS:-2}"); do
    run "with the meter, round $round" "$metered_url" "${pids[0]}"
    run "without the meter, round $round" "$unmetered_url" "${pids[1]}"
done
