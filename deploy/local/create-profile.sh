#!/usr/bin/env bash
# Where a created ticket's cost goes, per ticket: one silo with the co-hosted API (encryption on, as in bench.sh), the
# in-repo bench's HTTP creates, and over a fixed window after the warm-up PostgreSQL's pg_stat_statements (each
# statement's calls, rows and execution time divided by the tickets created in the window, the pipeline's catch-up
# included), the commits per ticket (pg_stat_database), the silo's CPU per ticket (/proc) and its managed allocations per
# ticket (the runtime's dotnet_gc_heap_total_allocated_bytes_total on /metrics).
# pg_stat_statements is loaded for the run and unloaded after (two restarts of the cluster), so deploy/local/bench.sh
# finds the cluster as it expects it.
#
# usage: deploy/local/create-profile.sh [--concurrency N] [--warmup S] [--seconds S] [--top N]
# Output: .data/bench/create-profile-<UTC stamp>.txt (also printed).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

concurrency=64
warmup=60
seconds=10
top=25
while (($#)); do
    case "$1" in
        --concurrency) concurrency="${2:?}"; shift 2 ;;
        --warmup) warmup="${2:?}"; shift 2 ;;
        --seconds) seconds="${2:?}"; shift 2 ;;
        --top) top="${2:?}"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done

url="${TICKETGRAINS_PROFILE_URL:-http://127.0.0.1:5085}"
database=tg_profile
out="$repo/.data/bench/create-profile-$(date -u +%Y%m%dT%H%M%SZ).txt"
bench_dll="$repo/tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

as_super() { pg_super "$@"; }
finish() {
    stop_process "$silo_pid"
    without_pg_statements
}
trap finish EXIT

with_pg_statements
as_super -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"

start_bench_silo "$url" "$database" profile 11195 30095 \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key"
as_super -d "$database" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$url/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"tenant":"bench-http","subject":"bench","roles":["integration"],"lifetimeMinutes":120}' | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
[[ -n "$TICKETGRAINS_TOKEN" ]] || die "the development token issuer gave no token"
export TICKETGRAINS_TOKEN

say "warming up for $warmup s at $concurrency connections"
dotnet "$bench_dll" --url "$url" --concurrency "$concurrency" --warmup "$warmup" --seconds 1 >/dev/null

silo_cpu() { awk '{ print $14 + $15 }' "/proc/$silo_pid/stat"; }
# The silo's managed allocations so far (the runtime's counter on /metrics); empty when the metric is missing.
silo_allocated() {
    curl -s --max-time 5 "$url/metrics" |
        awk '$1 ~ /^dotnet_gc_heap_total_allocated_bytes_total($|\{)/ { sum += $2; seen = 1 } END { if (seen) printf "%.0f\n", sum }'
}
count_tickets() { as_super -d "$database" -At -c "SELECT count(*) FROM tg_events WHERE event_type = 'TicketCreated'"; }
# Waits until no subscriber checkpoint is behind the log's end, so the window holds the pipeline's work for its tickets.
caught_up() {
    local started=$SECONDS deadline=$((SECONDS + 240)) behind
    while ((SECONDS < deadline)); do
        behind="$(as_super -d "$database" -At -c "SELECT count(*) FROM tg_subscriptions s
            WHERE s.position < (SELECT max(position) FROM tg_events)" 2>/dev/null || echo 1)"
        if [[ "$behind" == "0" ]]; then
            say "every subscriber checkpoint reached the log's end $((SECONDS - started)) s after the load"
            return 0
        fi
        sleep 1
    done
    say "some subscriber checkpoints were still behind after 240 s"
}
caught_up
as_super -d "$database" -c "SELECT pg_stat_statements_reset(), pg_stat_reset()" >/dev/null
tickets_before="$(count_tickets)"
position_before="$(as_super -d "$database" -At -c "SELECT coalesce(max(position), 0) FROM tg_events")"
cpu_before="$(silo_cpu)"
allocated_before="$(silo_allocated)"
say "measuring $seconds s at $concurrency connections (then the open-loop phase the bench always runs)"
dotnet "$bench_dll" --url "$url" --concurrency "$concurrency" --warmup 1 --seconds "$seconds" | grep -E "closed|open|best" || true
caught_up
cpu_after="$(silo_cpu)"
allocated_after="$(silo_allocated)"
tickets="$(( $(count_tickets) - tickets_before ))"
ticks="$(getconf CLK_TCK)"
((tickets > 0)) || die "no ticket was created in the window"

{
    echo "create profile $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), $concurrency connections, $seconds s + open loop"
    echo "tickets created in the window: $tickets"
    as_super -d "$database" -At -c "SELECT 'events per created ticket: ' || round(sum(n) / $tickets, 2) || ' ('
        || string_agg(event_type || ' ' || n, ', ') || ')' FROM (SELECT event_type, count(*) AS n FROM tg_events
        WHERE position > $position_before GROUP BY 1 ORDER BY 2 DESC) e"
    echo "silo CPU per ticket: $(( (cpu_after - cpu_before) * 1000000 / ticks / tickets )) µs"
    if [[ -n "$allocated_before" && -n "$allocated_after" ]]; then
        echo "silo allocations per ticket: $(( (allocated_after - allocated_before) / 1024 / tickets )) KiB"
    else
        echo "silo allocations per ticket: n/a (no dotnet_gc_heap_total_allocated_bytes_total on /metrics)"
    fi
    as_super -d "$database" -At -c "SELECT 'commits per ticket: ' || round(xact_commit::numeric / $tickets, 2)
        FROM pg_stat_database WHERE datname = '$database'"
    as_super -d "$database" -At -c "SELECT 'statement time per ticket: ' || round((sum(total_exec_time) * 1000 / $tickets)::numeric, 1) || ' µs, calls per ticket: '
        || round(sum(calls)::numeric / $tickets, 2) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$database')"
    echo
    echo "per ticket: calls | rows | exec µs | statement"
    as_super -d "$database" -At -F ' | ' -c "SELECT round(calls::numeric / $tickets, 3), round(rows::numeric / $tickets, 2),
            round((total_exec_time * 1000 / $tickets)::numeric, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 160)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$database')
        ORDER BY total_exec_time DESC LIMIT $top"
} | tee "$out"
say "written to $out"
