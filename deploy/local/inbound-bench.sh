#!/usr/bin/env bash
# Channel request in → ticket event on /api/v1/events: one silo with the co-hosted API on its own database
# (tg_bench_inbound); the bench creates an app channel, follows the tenant's live feed and posts signed app messages at
# a fixed rate, each from a new customer, timing each until its ticket shows on the feed. The silo is stopped again
# whatever happens; its output goes to .data/bench/inbound-silo.log.
#
# usage: deploy/local/inbound-bench.sh [--messages 10000] [--rate 1000]
#        deploy/local/inbound-bench.sh --curve SECONDS RATE [RATE...]   e.g. --curve 10 100 200 400 1000
#        deploy/local/inbound-bench.sh --steady RATE SECONDS [WARM_SECONDS]   e.g. --steady 400 20 90
#   --steady: one measured run on a silo past its start: 45 s of quiet first, then WARM_SECONDS at 300/s (not measured)
#   and 20 s of quiet, then RATE for SECONDS; the silo's and PostgreSQL's CPU per message over the run plus 5 s, and
#   every pipeline subscriber still behind (events) each 5 s until all caught up.
#   --curve: the latency curve against the one silo: the bench at each rate for about SECONDS, each run on a tenant of
#   its own and started once every subscriber has caught up, each followed by the CPU per message of the silo and of
#   PostgreSQL over the run (probes and drain included) and how busy the machine's cores were: the limit beside the
#   figure. Its first step runs on a silo fresh from its start; --steady measures a warm one.
#   TICKETGRAINS_BENCH_URL       where the silo listens (default http://127.0.0.1:5201)
#   TICKETGRAINS_BENCH_SILO_ARGS extra silo options
#   TICKETGRAINS_BENCH_TRACE     with --steady: a file for the measured run's per-message times (see inbound-trace.sh)
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
ticks="$(getconf CLK_TCK)"
machine() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; } # busy, idle ticks

run_bench() { # bench options...
    TICKETGRAINS_TENANT="bench-inbound-$RANDOM"
    export TICKETGRAINS_TENANT
    bench_admin_token "$url" "$TICKETGRAINS_TENANT"
    dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll inbound-latency --url "$url" "$@"
}

pg_ticks() { local_postgres_ticks; }

subscribers_behind() { curl -s "$url/metrics" | grep -E '^ticketgrains_pipeline_events_behind' | awk '$2 > 0' || true; }

if [[ "${1:-}" == "--steady" ]]; then
    (($# >= 3)) || die "usage: $0 --steady RATE SECONDS [WARM_SECONDS]"
    rate="$2" seconds="$3" warm="${4:-0}"
    say "letting the silo's start-up work finish (45 s)"
    sleep 45
    if ((warm > 0)); then
        say "warming up: $warm s at 300/s (not measured), then 20 s of quiet"
        run_bench --messages $((300 * warm)) --rate 300 >/dev/null
        sleep 20
    fi
    read -r silo0 pg0 <<<"$(cpu_ticks "$silo_pid") $(pg_ticks)"
    run_bench --messages $((rate * seconds)) --rate "$rate" ${TICKETGRAINS_BENCH_TRACE:+--trace "$TICKETGRAINS_BENCH_TRACE"}
    sleep 5
    read -r silo1 pg1 <<<"$(cpu_ticks "$silo_pid") $(pg_ticks)"
    awk -v m=$((rate * seconds)) -v s=$((silo1 - silo0)) -v p=$((pg1 - pg0)) -v t="$ticks" 'BEGIN {
        printf "cpu per message (the run plus 5 s): silo %.2f ms, postgres %.2f ms\n", s / t / m * 1000, p / t / m * 1000 }'
    for wait in $(seq 5 5 200); do
        behind="$(subscribers_behind)"
        [[ -z "$behind" ]] && { say "every subscriber caught up $wait s after the run"; break; }
        printf '%s s after the run, still behind:\n%s\n' "$wait" "$behind"
        sleep 5
    done
    exit
fi

if [[ "${1:-}" != "--curve" ]]; then
    say "running the bench"
    run_bench "$@"
    exit
fi

(($# >= 3)) || die "usage: $0 --curve SECONDS RATE [RATE...]"
seconds="$2"
shift 2
for rate in "$@"; do
    messages=$((rate * seconds))
    # A step that starts while the subscribers still work off the step before (or the silo's start) measures that
    # backlog, not its own rate.
    waited=0
    until [[ -z "$(subscribers_behind)" ]]; do
        ((waited < 300)) || die "the pipeline's subscribers were still behind 300 s after the last step"
        sleep 2
        waited=$((waited + 2))
    done
    ((waited == 0)) || say "waited $waited s for every subscriber to catch up"
    say "rate $rate/s, $messages messages"
    read -r silo0 pg0 <<<"$(cpu_ticks "$silo_pid") $(pg_ticks)"
    read -r busy0 idle0 <<<"$(machine)"
    run_bench --messages "$messages" --rate "$rate" || true
    read -r busy1 idle1 <<<"$(machine)"
    read -r silo1 pg1 <<<"$(cpu_ticks "$silo_pid") $(pg_ticks)"
    awk -v m="$messages" -v s=$((silo1 - silo0)) -v p=$((pg1 - pg0)) -v b=$((busy1 - busy0)) -v i=$((idle1 - idle0)) -v t="$ticks" 'BEGIN {
        printf "cpu per message: silo %.2f ms, postgres %.2f ms (whole run incl. probes and drain); machine busy %.0f%% of 2 cores\n",
            s / t / m * 1000, p / t / m * 1000, b / (b + i) * 100 }'
done
