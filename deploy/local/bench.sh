#!/usr/bin/env bash
# The one-command ticket-creation bench: local PostgreSQL, Release build, one silo with the co-hosted
# API in the background, the bench against both (HTTP and raw inserts, same database, same run), then
# the silo is stopped again whatever happens.
#
# usage: deploy/local/bench.sh [bench options]
#   e.g. deploy/local/bench.sh --seconds 5
#        deploy/local/bench.sh --markdown docs/bench-out.md --concurrency 16,64,256
# The silo's output goes to .data/bench/silo.log. The silo runs with the development token issuer; the bench
# authenticates with a token of the tenant "bench-http" (role integration) taken from it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

url="http://127.0.0.1:5081"
log_dir="$repo/.data/bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
health_deadline_seconds=120
silo_pid=""

say() { printf '[bench.sh] %s\n' "$*" >&2; }

stop_silo() {
    if [[ -n "$silo_pid" ]] && kill -0 "$silo_pid" 2>/dev/null; then
        say "stopping the silo (pid $silo_pid)"
        kill -TERM "$silo_pid" 2>/dev/null || true
        # A graceful stop lets the silo leave the cluster; after 20 s it is killed outright.
        for _ in $(seq 1 40); do
            kill -0 "$silo_pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$silo_pid" 2>/dev/null; then
            say "the silo did not stop in 20 s; killing it"
            kill -KILL "$silo_pid" 2>/dev/null || true
        fi
        wait "$silo_pid" 2>/dev/null || true
    fi
}
trap stop_silo EXIT
trap 'exit 130' INT TERM

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/healthz" || true)" == "200" ]]; }

if healthy; then
    say "something already answers on $url; stop it first so the bench measures a silo it started itself"
    exit 1
fi

say "starting the local PostgreSQL"
deploy/local/postgres.sh start
# The connection string is the last line printed; anything before it is progress chatter.
conn="$(deploy/local/postgres.sh url tg_bench | tail -n 1)"
if [[ -z "$conn" ]]; then
    say "deploy/local/postgres.sh url tg_bench printed no connection string"
    exit 1
fi

say "building (Release)"
dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet

mkdir -p "$log_dir"
say "starting the silo on $url (log: .data/bench/silo.log)"
dotnet "$silo_dll" --urls "$url" \
    "--ConnectionStrings:TicketGrains=$conn" \
    --Orleans:SiloPort=11190 --Orleans:GatewayPort=30090 --Orleans:ClusterId=bench \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key" \
    >"$log_dir/silo.log" 2>&1 &
silo_pid=$!

deadline=$((SECONDS + health_deadline_seconds))
until healthy; do
    if ! kill -0 "$silo_pid" 2>/dev/null; then
        say "the silo exited before it became healthy; the end of its log:"
        tail -n 40 "$log_dir/silo.log" >&2
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        say "no 200 from $url/healthz within ${health_deadline_seconds} s; the end of the silo log:"
        tail -n 40 "$log_dir/silo.log" >&2
        exit 1
    fi
    sleep 0.5
done
say "silo healthy; getting a token from the development issuer"
# In the environment, not on the command line: a token is a credential.
TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$url/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d '{"tenant":"bench-http","subject":"bench","roles":["integration"],"lifetimeMinutes":1440}' | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
if [[ -z "$TICKETGRAINS_TOKEN" ]]; then
    say "the development token issuer gave no token"
    exit 1
fi
export TICKETGRAINS_TOKEN
say "running the bench"

# Options given to this script come last, so they override the defaults set here.
dotnet "$bench_dll" --url "$url" --pg "$conn" --server-pid "$silo_pid" \
    --command-line "deploy/local/bench.sh $*" "$@"
