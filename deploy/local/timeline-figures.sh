#!/usr/bin/env bash
# The figures and the chart of a timeline-bench.sh run folder (also usable on a kept folder afterwards).
#
# usage: deploy/local/timeline-figures.sh RUN_DIR RATE JOIN_AT DRAIN_AT KILL_AT
# Reads RUN_DIR/{timeline,shares,events}.csv and client.txt; writes RUN_DIR/timeline.png and prints a markdown summary.
# Definitions: baseline = seconds 5 .. join start; "while joining" = join start .. 15 s after the new silo was ready;
# loss = 1 - acknowledged / offered in a window; p99 = the mean of the per-second p99s of a window (worst second also
# given); the joined silo "carries its share" from the first second its creates reach half of an equal share (total / silos
# answering); recovery after the kill = until 3 seconds in a row acknowledge >= 90 % of the offered rate with p99 <= 2x baseline.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

dir="$1" rate="$2" join_at="$3" drain_at="$4" kill_at="$5"
require_apt_tool gnuplot gnuplot-nox
start_ms="$(awk -F, 'NR == 2 { print $2 }' "$dir/timeline.csv")"
event_s() { awk -F, -v name="$1" -v start="$start_ms" '$2 == name { printf "%.1f", ($1 - start) / 1000 }' "$dir/events.csv"; }
join_start="$(event_s "join start")"
join_ready="$(event_s "join ready")"
drain_start="$(event_s "drain start")"
drain_done="$(event_s "drain done")"
kill_s="$(event_s "kill")"

window() { # from to -> "offered ok failed p99_mean p99_max"
    awk -F, -v from="$1" -v to="$2" 'NR > 1 && $1 >= from && $1 < to {
            offered += $3; ok += $4; failed += $5; if ($8 != "") { p99 += $8; n++; if ($8 > worst) worst = $8 } }
        END { printf "%d %d %d %.1f %.1f\n", offered, ok, failed, (n ? p99 / n : 0), worst }' "$dir/timeline.csv"
}
read -r b_offered b_ok b_failed b_p99 b_worst <<<"$(window 5 "$join_start")"
join_end="$(awk -v r="$join_ready" 'BEGIN { printf "%d", r + 15 }')"
read -r j_offered j_ok j_failed j_p99 j_worst <<<"$(window "${join_start%.*}" "$join_end")"
read -r d_offered d_ok d_failed d_p99 d_worst <<<"$(window "${drain_start%.*}" "$(awk -v r="$drain_done" 'BEGIN { printf "%d", r + 5 }')")"
read -r k_offered k_ok k_failed k_p99 k_worst <<<"$(window "${kill_s%.*}" 100000)"
read -r _ _ all_failed _ _ <<<"$(window 0 100000)"
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }'; }
loss_join="$(awk -v o="$j_offered" -v k="$j_ok" 'BEGIN { printf "%.1f", (o > 0 ? 100 * (1 - k / o) : 0) }')"
p99_rise="$(awk -v j="$j_p99" -v b="$b_p99" 'BEGIN { printf "%.0f", (b > 0 ? 100 * (j / b - 1) : 0) }')"

# The first second from the join on in which silo 3 handled at least half of an equal share of the creates.
share_s="$(awk -F, -v from="${join_start%.*}" 'NR > 1 && $1 >= from {
        total = 0; silos = 0
        for (i = 2; i <= NF; i += 2) if ($i != "") { total += $i; silos++ }
        if (total > 0 && $6 != "" && $6 >= 0.5 * total / silos) { print $1; exit } }' "$dir/shares.csv")"
share_after_join="$(awk -v s="${share_s:-}" -v j="$join_start" 'BEGIN { if (s == "") print "never"; else printf "%.0f", s - j }')"
share_after_ready="$(awk -v s="${share_s:-}" -v j="$join_ready" 'BEGIN { if (s == "") print "never"; else printf "%.0f", s - j }')"
recovery="$(awk -F, -v from="${kill_s%.*}" -v base="$b_p99" 'NR > 1 && $1 >= from {
        good = ($3 > 0 && $4 >= 0.9 * $3 && $8 != "" && $8 <= 2 * base); run = good ? run + 1 : 0
        if (run == 3) { print $1 - 2 - from; exit } }' "$dir/timeline.csv")"
missing="$(sed -nE 's/.*missing afterwards ([0-9]+).*/\1/p' "$dir/client.txt" 2>/dev/null || true)"
acked="$(sed -nE 's/^acknowledged tickets ([0-9]+).*/\1/p' "$dir/client.txt" 2>/dev/null || true)"

verdict() { if awk "BEGIN { exit !($1) }"; then echo pass; else echo FAIL; fi; }
cat <<MD
| measure | value | aim |
| --- | --- | --- |
| offered rate (open loop) | $rate creates/s | |
| baseline (2 silos, s 5-${join_start%.*}): acknowledged/s, mean per-second p99 | $(awk -v o="$b_ok" -v a=5 -v b="$join_start" 'BEGIN { printf "%.0f", o / (b - a) }')/s, $b_p99 ms | |
| silo 3: add-silo until ready | $(awk -v a="$join_start" -v b="$join_ready" 'BEGIN { printf "%.1f", b - a }') s | |
| while joining (s ${join_start%.*}-$join_end): throughput lost | $loss_join % | < 10 %: $(verdict "$loss_join < 10") |
| while joining: mean per-second p99 (worst second) | $j_p99 ms ($j_worst ms), $p99_rise % over baseline | < 50 %: $(verdict "$p99_rise < 50") |
| silo 3 carries half an equal share of creates | ${share_after_join} s after add-silo, ${share_after_ready} s after ready | within 15 s: $(verdict "\"$share_after_join\" != \"never\" && ${share_after_join/never/999} <= 15") |
| drain of silo 1: SIGTERM until exit | $(awk -v a="$drain_start" -v b="$drain_done" 'BEGIN { printf "%.1f", b - a }') s | |
| drain window: failed, mean p99 (worst second) | $d_failed, $d_p99 ms ($d_worst ms) | 0 failed: $(verdict "$d_failed == 0") |
| kill -9 of silo 2: failed after it, worst second p99 | $k_failed, $k_worst ms | |
| kill: recovery (3 s in a row at >= 90 % of offered, p99 <= 2x baseline) | ${recovery:-not within the run} s | |
| failed requests in the whole run | $all_failed of $(window 0 100000 | cut -d' ' -f1) | 0 |
| acknowledged creates read back missing | ${missing:-?} of ${acked:-?} | 0 |
MD

gnuplot <<GP
set terminal pngcairo size 1200,820 font ",10"
set output "$dir/timeline.png"
set datafile separator ","
set multiplot layout 2,1 title "TicketGrains: $rate creates/s offered, silo 3 joins, silo 1 drains, silo 2 is killed ($(date -u -d "@$((start_ms / 1000))" '+%Y-%m-%d %H:%M UTC'))"
set key top left
set grid
set xrange [0:*]
set ylabel "requests per second"
set y2label "p99 latency (ms, log)"
set logscale y2
set y2tics
set ytics nomirror
set yrange [0:*]
do for [e in "$join_start $join_ready $drain_start $kill_s"] { set arrow from e, graph 0 to e, graph 1 nohead lc rgb "#888888" dt 2 }
set label "join" at $join_start, graph 0.95 offset 0.3,0
set label "ready" at $join_ready, graph 0.88 offset 0.3,0
set label "drain" at $drain_start, graph 0.95 offset 0.3,0
set label "kill -9" at $kill_s, graph 0.95 offset 0.3,0
plot "$dir/timeline.csv" every ::1 using 1:3 with lines lc rgb "#bbbbbb" title "offered", \
     "" every ::1 using 1:4 with lines lw 2 lc rgb "#1f77b4" title "acknowledged", \
     "" every ::1 using 1:5 with impulses lw 3 lc rgb "#d62728" title "failed", \
     "" every ::1 using 1:8 axes x1y2 with lines lc rgb "#ff7f0e" title "p99 ms"
unset y2label
unset y2tics
unset logscale y2
set ylabel "creates per second per silo"
set xlabel "seconds"
plot "$dir/shares.csv" every ::1 using 1:2 with lines lw 2 title "silo 1", \
     "" every ::1 using 1:4 with lines lw 2 title "silo 2", \
     "" every ::1 using 1:6 with lines lw 2 title "silo 3 (joins)"
unset multiplot
GP
