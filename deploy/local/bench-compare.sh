#!/usr/bin/env bash
# Ticket creation before and after: runs deploy/local/bench.sh of an earlier commit and of this checkout in turns,
# same options, same machine, one after the other, and prints each round's best HTTP create rate and best raw
# single-row insert rate side by side with their ratios. This machine is shared and noisy (one run to the next
# drifts by up to a third), so the rounds alternate and the ratios within a round are what to read.
#
# usage: deploy/local/bench-compare.sh <base commit> [--rounds N] [-- bench options]
#   e.g. deploy/local/bench-compare.sh c89dcdd --rounds 2 -- --seconds 8 --warmup 60 --concurrency 16,64 --raw-connections 64 --batch-sizes 500
# The base is checked out (detached) under .data/compare/<sha> with its own PostgreSQL under its own .data on port
# TICKETGRAINS_COMPARE_PG_PORT (default 55460), built in Release, and kept for the next run. Each bench's whole
# output is kept in .data/compare/logs/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

(($# >= 1)) || die "usage: deploy/local/bench-compare.sh <base commit> [--rounds N] [-- bench options]"
base_ref="$1"
shift
rounds=2
while (($#)); do
    case "$1" in
        --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
        --) shift; break ;;
        *) die "unknown option $1 (bench options go after --)" ;;
    esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive number, not $rounds"

base_sha="$(git rev-parse --verify --quiet "$base_ref^{commit}")" || die "no commit $base_ref in this repository"
base_dir="$repo/.data/compare/${base_sha:0:12}"
logs="$repo/.data/compare/logs"
mkdir -p "$logs"
if [[ ! -d "$base_dir" ]]; then
    say "checking out $base_ref (${base_sha:0:12}) in $base_dir"
    git worktree add --detach "$base_dir" "$base_sha" >&2
fi

say "building the base and this checkout (Release)"
(cd "$base_dir" && dotnet build TicketGrains.sln -c Release -nologo -v quiet >&2)
dotnet build TicketGrains.sln -c Release -nologo -v quiet >&2

base_port="${TICKETGRAINS_COMPARE_PG_PORT:-55460}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

# Each bench starts on empty databases: bench.sh keeps its tickets, so without this each side would run on whatever
# earlier runs left in its cluster (a million events on one side, half of that on the other), not on equal ground.
fresh_databases() { # dir port
    (cd "$1" && TICKETGRAINS_PG_PORT="$2" deploy/local/postgres.sh start)
    local database
    for database in tg_bench tg_bench_clear; do
        runuser -u postgres -- psql -q -h "$1/.data/pg" -p "$2" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
    done
}

# One bench: prints "<best HTTP create/s> <best raw single-row/s>" from its report.
run_bench() { # label dir port log bench options...
    local label="$1" dir="$2" port="$3" log="$4"
    shift 4
    say "round $round: $label"
    fresh_databases "$dir" "$port" >"$log" 2>&1 || {
        tail -n 20 "$log" >&2
        die "could not drop the $label bench databases; see $log"
    }
    (cd "$dir" && TICKETGRAINS_PG_PORT="$port" deploy/local/bench.sh "$@") >>"$log" 2>&1 || {
        tail -n 20 "$log" >&2
        die "the $label bench failed; its output is in $log"
    }
    local http raw
    http="$(sed -nE 's/^best HTTP create: +([0-9]+)\/s.*/\1/p' "$log" | tail -n 1)"
    raw="$(sed -nE 's/^best raw single-row: +([0-9]+)\/s.*/\1/p' "$log" | tail -n 1)"
    [[ -n "$http" && -n "$raw" ]] || die "no best HTTP create / raw single-row line in $log"
    echo "$http $raw"
}

bench_base() { run_bench "base ${base_sha:0:12}" "$base_dir" "$base_port" "$logs/$stamp-$round-base.log" "$@"; }
bench_head() { run_bench "this checkout" "$repo" "${TICKETGRAINS_PG_PORT:-55432}" "$logs/$stamp-$round-head.log" "$@"; }

rows=()
for ((round = 1; round <= rounds; round++)); do
    # The order flips every round, so neither side always runs on the warmer (or more tired) machine.
    if ((round % 2)); then
        base_result="$(bench_base "$@")"
        head_result="$(bench_head "$@")"
    else
        head_result="$(bench_head "$@")"
        base_result="$(bench_base "$@")"
    fi
    rows+=("$round $base_result $head_result")
done

echo
echo "base ${base_sha:0:12} against $(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- . ':!.data' || echo ' (with uncommitted changes)')"
echo "command: deploy/local/bench-compare.sh $base_ref --rounds $rounds -- $*"
printf '%-6s %12s %12s %12s %12s %12s %14s %14s\n' round "base HTTP/s" "base raw/s" "head HTTP/s" "head raw/s" "head/base" "base HTTP/raw" "head HTTP/raw"
for row in "${rows[@]}"; do
    read -r r bh br hh hr <<<"$row"
    awk -v r="$r" -v bh="$bh" -v br="$br" -v hh="$hh" -v hr="$hr" \
        'BEGIN { printf "%-6s %12d %12d %12d %12d %12.2f %14.2f %14.2f\n", r, bh, br, hh, hr, hh / bh, bh / br, hh / hr }'
done
