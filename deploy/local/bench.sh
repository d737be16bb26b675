#!/usr/bin/env bash
# The one-command ticket-creation bench: local PostgreSQL, Release build, one silo with the co-hosted
# API in the background, the bench against both (HTTP and raw inserts, same database, same run), then
# the silo is stopped again whatever happens. A second silo with encryption at rest switched off (own
# database and cluster id, idle until its turn) gets the same closed-loop levels afterwards, so the
# report shows what encryption costs.
#
# usage: deploy/local/bench.sh [bench options]
#   e.g. deploy/local/bench.sh --seconds 5
#        deploy/local/bench.sh --markdown docs/bench-out.md --concurrency 16,64,256
# The silos' output goes to .data/bench/silo.log and .data/bench/silo-clear.log. The silo runs with the development token issuer; the bench
# authenticates with a token of the tenant "bench-http" (role integration) taken from it.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

url="http://127.0.0.1:5081"
clear_url="http://127.0.0.1:5082"
log_dir="$repo/.data/bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
health_deadline_seconds=120
silo_pid=""
clear_pid=""


stop_silo() { # pid
    local pid="$1"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        say "stopping the silo (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        # A graceful stop lets the silo leave the cluster; after 20 s it is killed outright.
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "the silo did not stop in 20 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    fi
}
stop_silos() {
    stop_silo "$silo_pid"
    stop_silo "$clear_pid"
}
trap stop_silos EXIT
trap 'exit 130' INT TERM

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${1:-$url}/readyz" || true)" == "200" ]]; }

for address in "$url" "$clear_url"; do
    if healthy "$address"; then
        say "something already answers on $address; stop it first so the bench measures a silo it started itself"
        exit 1
    fi
done

say "starting the local PostgreSQL"
deploy/local/postgres.sh start
# The connection string is the last line printed; anything before it is progress chatter.
# The owner's (the migrate step, and the raw baseline, which deletes its rows and vacuums) and the application role's (the silos).
conn="$(deploy/local/postgres.sh url tg_bench | tail -n 1)"
clear_conn="$(deploy/local/postgres.sh url tg_bench_clear | tail -n 1)"
app_conn="$(deploy/local/postgres.sh app-url tg_bench | tail -n 1)"
clear_app_conn="$(deploy/local/postgres.sh app-url tg_bench_clear | tail -n 1)"
if [[ -z "$conn" || -z "$clear_conn" || -z "$app_conn" || -z "$clear_app_conn" ]]; then
    say "deploy/local/postgres.sh url / app-url tg_bench / tg_bench_clear printed no connection string"
    exit 1
fi
master_key_file="$(deploy/local/master-key.sh)"

say "building (Release)"
dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet
use_intent_model

mkdir -p "$log_dir"
for database in "$conn" "$clear_conn"; do
    say "migrating ${database##*Database=} (as the owner role)"
    ConnectionStrings__TicketGrainsOwner="$database" ConnectionStrings__TicketGrains="$app_conn" \
        dotnet "$silo_dll" migrate >>"$log_dir/migrate.log" 2>&1 || { tail -n 20 "$log_dir/migrate.log" >&2; exit 1; }
done
say "starting the silo on $url (log: .data/bench/silo.log)"
dotnet "$silo_dll" --urls "$url" \
    "--ConnectionStrings:TicketGrains=$app_conn" \
    --Orleans:SiloPort=11190 --Orleans:GatewayPort=30090 --Orleans:ClusterId=bench \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key" "--Encryption:MasterKeyFile=$master_key_file" \
    >"$log_dir/silo.log" 2>&1 &
silo_pid=$!
say "starting the silo without encryption on $clear_url (log: .data/bench/silo-clear.log)"
dotnet "$silo_dll" --urls "$clear_url" \
    "--ConnectionStrings:TicketGrains=$clear_app_conn" \
    --Orleans:SiloPort=11191 --Orleans:GatewayPort=30091 --Orleans:ClusterId=bench-clear \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key" --Encryption:Enabled=false \
    >"$log_dir/silo-clear.log" 2>&1 &
clear_pid=$!

wait_healthy() { # address pid log
    local deadline=$((SECONDS + health_deadline_seconds))
    until healthy "$1"; do
        if ! kill -0 "$2" 2>/dev/null; then
            say "the silo on $1 exited before it became healthy; the end of its log:"
            tail -n 40 "$3" >&2
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            say "no 200 from $1/readyz within ${health_deadline_seconds} s; the end of the silo log:"
            tail -n 40 "$3" >&2
            exit 1
        fi
        sleep 0.5
    done
}
wait_healthy "$url" "$silo_pid" "$log_dir/silo.log"
wait_healthy "$clear_url" "$clear_pid" "$log_dir/silo-clear.log"
say "silos healthy; getting a token from the development issuer (both share its key)"
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
dotnet "$bench_dll" --url "$url" --pg "$conn" --server-pid "$silo_pid" --clear-url "$clear_url" --clear-server-pid "$clear_pid" \
    --command-line "deploy/local/bench.sh $*" "$@"
