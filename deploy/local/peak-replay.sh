#!/usr/bin/env bash
# The Double 11 replay on the local cluster (issue 15): a seeded, replayable midnight of mixed shop traffic, with a
# silo and a front end killed at the peak.
#
# usage: deploy/local/peak-replay.sh [seed (default 11)] [seconds (default 140)]
#
# Starts deploy/local/cluster.sh start 2 2 (two silos, two API front ends; the client spreads requests over both and
# leaves out one that refuses connections, as a load balancer does), measures PostgreSQL's raw single-row insert rate
# on the same database (pgbench, 64 clients, 10 s: the limit), warms up for PEAK_WARMUP s (default 30) at 100 requests/s,
# then replays tests/TicketGrains.Bench `peak`: 20 requests/s for 20 s, x20 to 400/s from second 20 to 80, held to the
# end; 30 % ticket creates, 20 % messages on existing tickets, 15 % reads, 8 % lists, 12 % agent pulls, 8 % order events,
# 7 % app-channel messages (request n is the same operation on the same target for the same seed). At KILL_SILO_AT
# (default 95 s) silo 2 is killed (kill -9), at KILL_API_AT (105 s) front end 2. Afterwards every acknowledged create
# and message is read back. Output in .data/peak/<UTC time>/: peak.csv (per second: offered, ok, failed, p50/p90/p99/max
# ms), peak.png, events.csv, client.txt (per operation) and summary.md. Run it under the CPU lock.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

seed="${1:-11}"
seconds="${2:-140}"
warmup="${PEAK_WARMUP:-30}"
kill_silo_at="${KILL_SILO_AT:-95}"
kill_api_at="${KILL_API_AT:-105}"
offset="${TICKETGRAINS_CLUSTER_PORT_OFFSET:-0}"
apis="http://127.0.0.1:$((5091 + offset)),http://127.0.0.1:$((5092 + offset))"
out_dir="$repo/.data/peak/$(date -u +%Y%m%dT%H%M%SZ)"
bench_dll="$repo/tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
mkdir -p "$out_dir"
require_apt_tool gnuplot gnuplot-nox
require_apt_tool pgbench postgresql-client

start_local_cluster 2 2
bench_admin_token "${apis%%,*}" "d11-$seed-$(date -u +%H%M%S)"

say "PostgreSQL's raw single-row durable inserts: pgbench, 64 clients, 10 s (same database as the cluster)"
raw_tps="$(raw_insert_rate "$(deploy/local/postgres.sh url | tail -n 1)" 64 10 "$out_dir")"

say "warming up for $warmup s at 100 requests/s (not measured)"
dotnet "$bench_dll" peak --url "$apis" --curve 0:100 --seconds "$warmup" --seed "$seed" --csv "$out_dir/warmup.csv" --verify false >/dev/null

event() { printf '%s,%s\n' "$(date +%s%3N)" "$1" >>"$out_dir/events.csv"; }
printf 'unix_ms,event\n' >"$out_dir/events.csv"
say "replaying seed $seed for $seconds s; silo 2 killed at $kill_silo_at s, front end 2 at $kill_api_at s"
dotnet "$bench_dll" peak --url "$apis" --seconds "$seconds" --seed "$seed" --csv "$out_dir/peak.csv" --summary "$out_dir/client.txt" \
    >"$out_dir/bench.log" 2>&1 &
bench_pid=$!
# The replay's second 0 comes after its setup: wait for it to start, then kill on the run's own clock.
until grep -q '^setup done' "$out_dir/bench.log" 2>/dev/null; do
    kill -0 "$bench_pid" 2>/dev/null || { cat "$out_dir/bench.log" >&2; die "the replay ended before its setup was done"; }
    sleep 0.2
done
sleep "$kill_silo_at"
cluster kill-silo 2 >>"$out_dir/cluster.log" 2>&1
event "silo 2 killed"
sleep $((kill_api_at - kill_silo_at))
cluster kill-api 2 >>"$out_dir/cluster.log" 2>&1
event "front end 2 killed"
bench_status=0
wait "$bench_pid" || bench_status=$?
[[ -s "$out_dir/peak.csv" ]] || { cat "$out_dir/bench.log" >&2; die "the replay wrote no timeline"; }

start_ms="$(awk -F, 'NR == 2 { print $2 }' "$out_dir/peak.csv")"
silo_kill="$(awk -F, -v s="$start_ms" '$2 == "silo 2 killed" { printf "%.1f", ($1 - s) / 1000 }' "$out_dir/events.csv")"
api_kill="$(awk -F, -v s="$start_ms" '$2 == "front end 2 killed" { printf "%.1f", ($1 - s) / 1000 }' "$out_dir/events.csv")"
window() { # from to -> "offered ok failed p50_mean p99_mean p99_worst"
    awk -F, -v from="$1" -v to="$2" 'NR > 1 && $1 >= from && $1 < to {
            offered += $3; ok += $4; failed += $5; if ($8 != "") { p50 += $6; p99 += $8; n++; if ($8 > worst) worst = $8 } }
        END { printf "%d %d %d %.1f %.1f %.1f\n", offered, ok, failed, (n ? p50 / n : 0), (n ? p99 / n : 0), worst }' "$out_dir/peak.csv"
}
read -r q_offered q_ok q_failed q_p50 q_p99 q_worst <<<"$(window 5 20)"
read -r r_offered r_ok r_failed r_p50 r_p99 r_worst <<<"$(window 20 80)"
read -r p_offered p_ok p_failed p_p50 p_p99 p_worst <<<"$(window 80 "${silo_kill%.*}")"
read -r a_offered a_ok a_failed a_p50 a_p99 a_worst <<<"$(window "${silo_kill%.*}" 100000)"
recovered_after() { # kill second -> seconds until 3 in a row acknowledge >= 90 % of offered with p99 <= 2x the peak's
    awk -F, -v from="${1%.*}" -v base="$p_p99" 'NR > 1 && $1 >= from {
        good = ($3 > 0 && $4 >= 0.9 * $3 && $8 != "" && $8 <= 2 * base); run = good ? run + 1 : 0
        if (run == 3) { print $1 - 2 - from; exit } }' "$out_dir/peak.csv"
}
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }
{
    echo "| measure | value |"
    echo "| --- | --- |"
    echo "| PostgreSQL raw single-row durable inserts (pgbench, 64 clients, same run) | ${raw_tps:-?}/s |"
    echo "| evening (s 5-20): acknowledged/s, mean p50 / p99 | $(rate "$q_ok" 5 20)/s, $q_p50 / $q_p99 ms |"
    echo "| ramp (s 20-80, 20 -> 400/s): failed, mean p99 (worst second) | $r_failed, $r_p99 ms ($r_worst ms) |"
    echo "| peak before the kills (s 80-${silo_kill%.*}): offered/s, acknowledged/s, mean p50 / p99 (worst) | $(rate "$p_offered" 80 "$silo_kill")/s, $(rate "$p_ok" 80 "$silo_kill")/s, $p_p50 / $p_p99 ms ($p_worst ms) |"
    echo "| after the kills (s ${silo_kill%.*}-end): failed, mean p99 (worst second) | $a_failed, $a_p99 ms ($a_worst ms) |"
    echo "| recovery after silo 2's kill -9 (3 s in a row at >= 90 % of offered, p99 <= 2x peak) | $(recovered_after "$silo_kill") s |"
    echo "| recovery after front end 2's kill -9 | $(recovered_after "$api_kill") s |"
    echo "| failed requests in the run | $((q_failed + r_failed + p_failed + a_failed)) of $(window 0 100000 | cut -d' ' -f1) |"
    echo "| acknowledged creates and messages read back missing | $(sed -nE 's/.*missing afterwards ([0-9]+).*/\1/p' "$out_dir/client.txt") ($(sed -nE 's/^(acknowledged tickets [0-9]+, messages [0-9]+).*/\1/p' "$out_dir/client.txt")) |"
    echo
    grep -E '^\|' "$out_dir/client.txt"
    echo
    sed -nE 's/^(ok [0-9]+, failed [0-9]+)$/client: \1/p; s/^  ([^m].*x [0-9]+)$/  failures: \1/p' "$out_dir/client.txt"
} | tee "$out_dir/summary.md"

gnuplot <<GP
set terminal pngcairo size 1200,620 font ",10"
set output "$out_dir/peak.png"
set datafile separator ","
set title "TicketGrains Double 11 replay, seed $seed: x20 in 60 s, silo 2 and front end 2 killed at the peak ($(date -u -d "@$((start_ms / 1000))" '+%Y-%m-%d %H:%M UTC'); PostgreSQL raw ${raw_tps%.*}/s)"
set key top left
set grid
set xlabel "seconds"
set ylabel "requests per second"
set y2label "latency (ms, log)"
set logscale y2
set y2tics
set ytics nomirror
set yrange [0:*]
set arrow from $silo_kill, graph 0 to $silo_kill, graph 1 nohead lc rgb "#888888" dt 2
set arrow from $api_kill, graph 0 to $api_kill, graph 1 nohead lc rgb "#888888" dt 2
set label "silo kill -9" at $silo_kill, graph 0.95 offset -11,0
set label "front end kill -9" at $api_kill, graph 0.88 offset 0.3,0
plot "$out_dir/peak.csv" every ::1 using 1:3 with lines lc rgb "#bbbbbb" title "offered", \
     "" every ::1 using 1:4 with lines lw 2 lc rgb "#1f77b4" title "acknowledged", \
     "" every ::1 using 1:5 with impulses lw 3 lc rgb "#d62728" title "failed", \
     "" every ::1 using 1:6 axes x1y2 with lines lc rgb "#2ca02c" title "p50 ms", \
     "" every ::1 using 1:8 axes x1y2 with lines lc rgb "#ff7f0e" title "p99 ms"
GP
say "run folder: $out_dir (bench exit code $bench_status)"
