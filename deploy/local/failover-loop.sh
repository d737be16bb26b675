#!/usr/bin/env bash
# Runs failover integration tests N times in a row (not part of ./test.sh) on real silo processes and prints, per
# run, whether it passed, the load average at its start and the figures the tests print; at the end the longest
# gaps between acknowledged creates after a silo kill, longest first.
#
# usage: deploy/local/failover-loop.sh [N] [test name filter]
#   deploy/local/failover-loop.sh 20                         the silo-kill test (FailoverTests), 20 times
#   deploy/local/failover-loop.sh 3 FailureDetectionTests    killed and SIGSTOP'd silos (1, 2, 4 s), 3 times
# Figures: the longest gap between acknowledged creates after the kill and when the killed silo was declared dead
# (FailoverTests); for FailureDetectionTests when a killed silo was declared dead and, per pause, whether the silo was
# declared dead, the suspicion votes in the membership table and what the surviving silo logged.
# Needs a Release build (dotnet build TicketGrains.sln -c Release). Local PostgreSQL as in ./test.sh
# (TICKETGRAINS_PG_PORT chooses its port). Each run's full output: .data/failover-loop/run-<i>.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

runs="${1:-20}"
filter="${2:-FailoverTests.Killing_a_silo_under_load_loses_no_acknowledged_ticket_and_duplicates_none}"
out_dir="$repo/.data/failover-loop"
summary="$out_dir/summary.tsv"

deploy/local/postgres.sh start
TICKETGRAINS_TEST_PG="$(deploy/local/postgres.sh url ticketgrains | tail -n 1)"
TICKETGRAINS_TEST_PG_APP="$(deploy/local/postgres.sh app-url ticketgrains | tail -n 1)"
export TICKETGRAINS_TEST_PG TICKETGRAINS_TEST_PG_APP
# The silos under test load the category model (trained when missing).
use_intent_model

mkdir -p "$out_dir"
printf 'run\tresult\tgap_s\tdeclared_dead_s\tload1\n' >"$summary"
passed=0
for i in $(seq 1 "$runs"); do
    log="$out_dir/run-$i.log"
    load="$(cut -d ' ' -f 1 /proc/loadavg)"
    if dotnet test tests/TicketGrains.IntegrationTests -c Release --no-build --nologo \
        --filter "FullyQualifiedName~$filter" --logger "console;verbosity=detailed" >"$log" 2>&1; then
        result=passed
        passed=$((passed + 1))
    else
        result=FAILED
    fi
    gap="$(grep -o 'longest gap after the kill [0-9.]* s' "$log" | head -n 1 | grep -o '[0-9.]*' || true)"
    dead="$(grep -o 'declared dead [0-9.]* s after the kill' "$log" | head -n 1 | grep -o '[0-9.]*' || true)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$result" "${gap:--}" "${dead:--}" "$load" | tee -a "$summary"
    grep -E '^ +(Passed|Failed) |declared dead [0-9.]+ s after the kill|paused [0-9]+ s:' "$log" | sed 's/^ */    /' | sort -u >&2 || true
done

say "$passed of $runs runs passed; longest gaps after the kill (s), longest first:"
tail -n +2 "$summary" | cut -f 3 | grep -v '^-$' | sort -rn | paste -sd ' ' >&2 || true
say "per run: $summary"
[[ "$passed" -eq "$runs" ]]
