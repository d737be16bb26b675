#!/usr/bin/env bash
# Where a pull cycle's cost goes (ADR 0034): runs deploy/local/pull-bench.sh and, over a window inside its measured
# part, counts PostgreSQL's statements (pg_stat_statements), the commits (pg_stat_database), the events per type
# and the CPU of the silo and of the PostgreSQL processes (/proc). A cycle is one handed pull (its accept and status
# change follow), counted as the TicketClaimed events of the window. pg_stat_statements is loaded for the run and
# unloaded after.
#
# Each statement's planning time is counted too (pg_stat_statements.track_planning), beside its execution time.
#
# usage: deploy/local/pull-profile.sh [--window S, default 20] [--top N, default 30] [-- pull bench options]
#   e.g. deploy/local/pull-profile.sh --window 30 -- --think-ms 10000   (about 50 pulls a second instead of 250)
# Output: .data/bench/pull-profile-<UTC stamp>.txt (also printed); the bench's own output in .data/bench/pull-profile-bench.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

window=20
top=30
bench_options=()
while (($#)); do
    case "$1" in
        --window) window="${2:?}"; shift 2 ;;
        --top) top="${2:?}"; shift 2 ;;
        --) shift; bench_options=("$@"); break ;;
        *) die "unknown option $1" ;;
    esac
done

database=tg_pull_bench
mkdir -p "$repo/.data/bench"
out="$repo/.data/bench/pull-profile-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench_log="$repo/.data/bench/pull-profile-bench.log"
bench_pid=""
finish() {
    [[ -n "$bench_pid" ]] && { kill "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; }
    without_pg_statements
}
trap finish EXIT

with_pg_statements
# The bench's warm-up is 10 s; the window starts 2 s after it and ends well before the measured part does.
deploy/local/pull-bench.sh "${bench_options[@]}" --seconds $((window + 20)) >"$bench_log" 2>&1 &
bench_pid=$!
until grep -q "agents pulling" "$bench_log"; do
    kill -0 "$bench_pid" 2>/dev/null || die "the pull bench stopped before pulling; see $bench_log"
    sleep 1
done
sleep 12
silo="$(pgrep -f "TicketGrains.Silo.dll --urls http://127.0.0.1:${PULL_BENCH_PORT:-5481}" | head -n 1)"
[[ -n "$silo" ]] || die "no silo of the pull bench is running"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() { local sum=0 p; for p in $(pgrep -u postgres postgres); do sum=$((sum + $(cpu_ticks "$p"))); done; echo "$sum"; }

pg_super -d "$database" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
pg_super -d "$database" -c "SELECT pg_stat_statements_reset(), pg_stat_reset()" >/dev/null
position="$(pg_super -d "$database" -At -c "SELECT coalesce(max(position), 0) FROM tg_events")"
silo_before="$(cpu_ticks "$silo")" postgres_before="$(postgres_ticks)"
sleep "$window"
silo_ticks=$(($(cpu_ticks "$silo") - silo_before)) postgres_cpu=$(($(postgres_ticks) - postgres_before))
cycles="$(pg_super -d "$database" -At -c "SELECT count(*) FROM tg_events WHERE position > $position AND event_type = 'TicketClaimed'")"
((cycles > 0)) || die "no pull was handed in the window"
per_cycle_ms() { echo "scale=2; $1 * 1000 / $(getconf CLK_TCK) / $cycles" | bc; }
in_db() { pg_super -d "$database" -At "$@"; }

{
    echo "pull profile $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), ${window}-s window"
    echo "cycles (TicketClaimed events): $cycles"
    in_db -c "SELECT 'events: ' || string_agg(event_type || ' ' || n, ', ') FROM (SELECT event_type, count(*) AS n
        FROM tg_events WHERE position > $position GROUP BY 1 ORDER BY 2 DESC) e"
    in_db -c "SELECT 'commits per cycle: ' || round(xact_commit::numeric / $cycles, 2) FROM pg_stat_database WHERE datname = '$database'"
    in_db -c "SELECT 'statements per cycle: ' || round(sum(calls)::numeric / $cycles, 2) FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$database')"
    echo "CPU per cycle: silo $(per_cycle_ms "$silo_ticks") ms, PostgreSQL $(per_cycle_ms "$postgres_cpu") ms"
    echo
    in_db -c "SELECT 'statement time in the window: execution ' || round(sum(total_exec_time)::numeric) || ' ms, planning '
        || round(sum(total_plan_time)::numeric) || ' ms' FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$database')"
    echo
    echo "calls | rows | exec ms | plan ms | statement (by execution and planning time)"
    in_db -F ' | ' -c "SELECT calls, rows, round(total_exec_time::numeric), round(total_plan_time::numeric),
        left(regexp_replace(query, '\s+', ' ', 'g'), 150)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$database')
        ORDER BY total_exec_time + total_plan_time DESC LIMIT $top"
} | tee "$out"
wait "$bench_pid" || true
bench_pid=""
grep -E "pulls that handed|accepts" "$bench_log" | tee -a "$out"
say "written to $out"
