#!/usr/bin/env bash
# Adding, draining and killing silos under steady load, measured second by second from outside (issue 15).
#
# usage: deploy/local/timeline-bench.sh [rate (creates/s, default 250)] [seconds (default 150)]
#
# Starts a local cluster (deploy/local/cluster.sh start 2 1: two silos, one API front end, ReadyToRun unless
# TICKETGRAINS_READY_TO_RUN=0), warms it for TIMELINE_WARMUP seconds (default 40), then sends ticket creates at a
# steady rate (open loop: tests/TicketGrains.Bench `timeline`) while, at fixed points of the run:
#   JOIN_AT  (default 30 s)   cluster.sh add-silo      silo 3 joins
#   DRAIN_AT (default 75 s)   cluster.sh remove-silo 1 silo 1 drains (SIGTERM, as Kubernetes removes a pod)
#   KILL_AT  (default 110 s)  cluster.sh kill-silo 2   silo 2 dies (kill -9)
# Every acknowledged create is read back afterwards. Output in .data/timeline/<UTC time>/: timeline.csv (per second:
# offered, ok, failed, p50/p90/p99/max ms), shares.csv (per silo: creates per second, activations), events.csv,
# timeline.png (gnuplot, installed with apt-get when missing) and summary.md: the figures against the aims (no failed
# request; while a silo joins < 10 % throughput lost and p99 < +50 %; the joined silo carries its share within 15 s).
# TIMELINE_JOIN_ENV="NAME=VALUE ..." is set for the joining silo only (e.g. DOTNET_TieredPGO=0).
# The cluster is stopped at the end. Run it under the CPU lock: flock -o /work/cpu.lock deploy/local/timeline-bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

rate="${1:-250}"
seconds="${2:-150}"
warmup="${TIMELINE_WARMUP:-40}"
join_at="${JOIN_AT:-30}"
drain_at="${DRAIN_AT:-75}"
kill_at="${KILL_AT:-110}"
offset="${TICKETGRAINS_CLUSTER_PORT_OFFSET:-0}"
api="http://127.0.0.1:$((5091 + offset))"
silos="http://127.0.0.1:$((5101 + offset)),http://127.0.0.1:$((5102 + offset)),http://127.0.0.1:$((5103 + offset))"
out_dir="$repo/.data/timeline/$(date -u +%Y%m%dT%H%M%SZ)"
bench_dll="$repo/tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
mkdir -p "$out_dir"
require_apt_tool gnuplot gnuplot-nox

start_local_cluster 2 1
bench_admin_token "$api" "timeline-$(date -u +%H%M%S)"

say "warming up for $warmup s at $rate/s (not measured)"
dotnet "$bench_dll" timeline --url "$api" --rate "$rate" --seconds "$warmup" --csv "$out_dir/warmup.csv" --verify false >/dev/null

event() { printf '%s,%s\n' "$(date +%s%3N)" "$1" >>"$out_dir/events.csv"; }
at_second() { # wait for this second of the run (a schedule, not a synchronisation)
    local due=$((started_ms + $1 * 1000)) now
    now="$(date +%s%3N)"
    if ((due > now)); then sleep "$(awk -v ms=$((due - now)) 'BEGIN { printf "%.3f", ms / 1000 }')"; fi
}

printf 'unix_ms,event\n' >"$out_dir/events.csv"
say "measuring for $seconds s at $rate/s: join at $join_at s, drain at $drain_at s, kill at $kill_at s"
started_ms="$(date +%s%3N)"
dotnet "$bench_dll" timeline --url "$api" --rate "$rate" --seconds "$seconds" --csv "$out_dir/timeline.csv" \
    --silos "$silos" --shares-csv "$out_dir/shares.csv" --summary "$out_dir/client.txt" >"$out_dir/bench.log" 2>&1 &
bench_pid=$!
at_second "$join_at"
event "join start"
# shellcheck disable=SC2086 # word-split on purpose: NAME=VALUE pairs
(if [[ -n "${TIMELINE_JOIN_ENV:-}" ]]; then export ${TIMELINE_JOIN_ENV}; fi; cluster add-silo) >>"$out_dir/cluster.log" 2>&1
event "join ready"
at_second "$drain_at"
event "drain start"
cluster remove-silo 1 >>"$out_dir/cluster.log" 2>&1
event "drain done"
at_second "$kill_at"
cluster kill-silo 2 >>"$out_dir/cluster.log" 2>&1
event "kill"
bench_status=0
wait "$bench_pid" || bench_status=$?
[[ -s "$out_dir/timeline.csv" ]] || { cat "$out_dir/bench.log" >&2; die "the bench wrote no timeline"; }

deploy/local/timeline-figures.sh "$out_dir" "$rate" "$join_at" "$drain_at" "$kill_at" | tee "$out_dir/summary.md"
say "run folder: $out_dir (bench exit code $bench_status)"
