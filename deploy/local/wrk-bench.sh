#!/usr/bin/env bash
# Ticket creation driven from outside, the way an integrator's client does it: the product started by
# ./run.sh itself (its own port and database), wrk with 64 connections sending Chinese subjects and bodies
# with order numbers for 5,000 distinct customers and an Idempotency-Key on every request
# (tests/TicketGrains.Bench/wrk/create-tickets.lua), and in the same run PostgreSQL's own raw single-row
# durable insert rate (pgbench, same connections, same database) as the limit to compare with.
#
# usage: deploy/local/wrk-bench.sh [seconds (default 20)] [connections (default 64)]
# Then the in-repo bench client (tests/TicketGrains.Bench) against the same product, so the two clients compare.
# Prints one markdown block (also kept in .data/wrk-bench/last.md): creates/s, latency percentiles, status
# counts, raw inserts/s, the ratio, and the silo's and PostgreSQL's CPU per created ticket.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

seconds="${1:-20}"
connections="${2:-64}"
# Under load the runtime keeps compiling hot code at higher tiers for about a minute (dotnet-counters: JIT time falls
# to ~0 after ~60 s): a shorter warm-up measures the compiler, not the product. WRK_WARMUP overrides it.
warmup_seconds="${WRK_WARMUP:-60}"
customers=5000
url="http://127.0.0.1:5181"
out_dir="$repo/.data/wrk-bench"
silo_pid=""
mkdir -p "$out_dir"

if ! command -v wrk >/dev/null 2>&1; then
    [[ "$(id -u)" == "0" ]] || die "wrk is not installed: sudo apt-get install -y wrk"
    say "installing wrk with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 || {
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
    }
fi

stop_silo() {
    if [[ -n "$silo_pid" ]] && kill -0 "$silo_pid" 2>/dev/null; then
        kill -TERM "$silo_pid" 2>/dev/null || true
        wait "$silo_pid" 2>/dev/null || true
    fi
}
trap stop_silo EXIT
trap 'exit 130' INT TERM

deploy/local/postgres.sh start
# The owner's (run.sh's migrate step, pgbench's table) and the application role's (the silo).
conn="$(deploy/local/postgres.sh url tg_wrk | tail -n 1)"
app_conn="$(deploy/local/postgres.sh app-url tg_wrk | tail -n 1)"
[[ -n "$conn" && -n "$app_conn" ]] || die "deploy/local/postgres.sh url / app-url tg_wrk printed no connection string"

# Built first, so the health deadline below measures the start, not the build run.sh would do.
say "building (Release)"
dotnet build TicketGrains.sln -c Release -nologo -v quiet
say "starting the product with ./run.sh on $url (log: .data/wrk-bench/silo.log)"
ConnectionStrings__TicketGrains="$app_conn" ConnectionStrings__TicketGrainsOwner="$conn" TICKETGRAINS_URL="$url" TICKETGRAINS_HTTPS_URL="" \
    Orleans__SiloPort=11181 Orleans__GatewayPort=30081 Orleans__ClusterId=wrk-bench \
    ./run.sh >"$out_dir/silo.log" 2>&1 &
silo_pid=$!
deadline=$((SECONDS + 300))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; do
    kill -0 "$silo_pid" 2>/dev/null || { tail -n 30 "$out_dir/silo.log" >&2; die "./run.sh exited before the silo was healthy"; }
    ((SECONDS < deadline)) || die "no 200 from $url/readyz within 300 s"
    sleep 0.5
done

TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$url/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"tenant":"wrk","subject":"wrk","roles":["integration"],"lifetimeMinutes":120}' | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
[[ -n "$TICKETGRAINS_TOKEN" ]] || die "the development token issuer gave no token"
export TICKETGRAINS_TOKEN WRK_CUSTOMERS="$customers"

lua="tests/TicketGrains.Bench/wrk/create-tickets.lua"
say "warming up for $warmup_seconds s (JIT, pools; not counted)"
WRK_RUN="warm-$(date +%s%N)" wrk -t2 -c"$connections" -d"${warmup_seconds}s" -s "$lua" "$url" >/dev/null

cpu_ticks() { # pids...: utime+stime of each, summed (clock ticks)
    local total=0 pid stat
    for pid in "$@"; do
        stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
        stat="${stat##*) }"
        read -r -a fields <<<"$stat"
        total=$((total + fields[11] + fields[12]))
    done
    echo "$total"
}
postgres_pids() { pgrep -x postgres || true; }

say "raw single-row durable inserts: pgbench, $connections clients, $seconds s"
raw_tps="$(raw_insert_rate "$conn" "$connections" "$seconds" "$out_dir")"

say "wrk: $connections connections, $seconds s"
ticks_per_second="$(getconf CLK_TCK)"
read -r -a pg_before_pids <<<"$(postgres_pids | tr '\n' ' ')"
silo_before="$(cpu_ticks "$silo_pid")"
pg_before="$(cpu_ticks "${pg_before_pids[@]}")"
wrk_line="$(WRK_RUN="run-$(date +%s%N)" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$url" | grep '^WRK ')"
silo_after="$(cpu_ticks "$silo_pid")"
pg_after="$(cpu_ticks "${pg_before_pids[@]}")"

value() { sed -nE "s/.* $1=([0-9.]+).*/\1/p" <<<" $wrk_line"; }
# The in-repo bench's client against the same warm product, same connections: what is left between the two is the client.
say "the in-repo bench client on the same product: $connections connections, $seconds s"
bench_rate="$(dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll --url "$url" --concurrency "$connections" \
    --seconds "$seconds" --warmup 5 --customers "$customers" | sed -nE 's/^best HTTP create: +([0-9]+)\/s.*/\1/p')"
created="$(value created)"
creates_per_s="$(value creates_per_s)"
ratio="$(awk -v a="$creates_per_s" -v b="$raw_tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
silo_us="$(awk -v t=$((silo_after - silo_before)) -v hz="$ticks_per_second" -v n="$created" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')"
pg_us="$(awk -v t=$((pg_after - pg_before)) -v hz="$ticks_per_second" -v n="$created" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')"

{
    echo "### wrk-bench $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD))"
    echo
    echo "Command: \`deploy/local/wrk-bench.sh $seconds $connections\` ($customers customers, Idempotency-Key on every request, load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    echo "| measure | value |"
    echo "| --- | --- |"
    echo "| HTTP creates/s (201) | $creates_per_s |"
    echo "| latency p50 / p90 / p99 / max (ms) | $(value p50_ms) / $(value p90_ms) / $(value p99_ms) / $(value max_ms) |"
    echo "| 409 / 429 / 503 / other / socket errors | $(value conflicts) / $(value throttled) / $(value unavailable) / $(value other) / $(value socket_errors) |"
    echo "| raw single-row durable inserts/s (pgbench, same clients) | $raw_tps |"
    echo "| HTTP creates / raw inserts | $ratio |"
    echo "| in-repo bench client, same product and connections, right after: creates/s | ${bench_rate:-none} |"
    echo "| silo CPU per created ticket (µs) | $silo_us |"
    echo "| PostgreSQL CPU per created ticket (µs) | $pg_us |"
} | tee "$out_dir/last.md"
