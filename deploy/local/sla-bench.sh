#!/usr/bin/env bash
# The SLA bench: memory of SLA clocks per open ticket (in process), then timer accuracy on a real silo: 100,000 open
# tickets carrying clocks are created over HTTP and fire time minus due time is read from the SlaBreached events of the
# ones due within minutes. Local PostgreSQL (database tg_sla_bench, a new tenant each run), one silo with the co-hosted API in the
# background on $SLA_BENCH_PORT (default 5187), stopped again whatever happens.
#
# usage: deploy/local/sla-bench.sh [--tickets 100000] [--measured-one-in 50] [--concurrency 32] [--markdown path]
# The silo's output goes to .data/sla-bench/silo.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

port="${SLA_BENCH_PORT:-5187}"
url="http://127.0.0.1:$port"
log_dir="$repo/.data/sla-bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

say "starting the local PostgreSQL"
deploy/local/postgres.sh start
conn="$(deploy/local/postgres.sh url tg_sla_bench | tail -n 1)"
app_conn="$(deploy/local/postgres.sh app-url tg_sla_bench | tail -n 1)"
[[ -n "$conn" && -n "$app_conn" ]] || die "deploy/local/postgres.sh printed no connection string for tg_sla_bench"
master_key_file="$(deploy/local/master-key.sh)"

say "building (Release)"
dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet
use_intent_model

mkdir -p "$log_dir"
say "migrating tg_sla_bench (as the owner role)"
ConnectionStrings__TicketGrainsOwner="$conn" ConnectionStrings__TicketGrains="$app_conn" \
    dotnet "$silo_dll" migrate >"$log_dir/migrate.log" 2>&1 || { tail -n 20 "$log_dir/migrate.log" >&2; exit 1; }
# A tenant of its own per run, so earlier runs' tickets and policies are not counted.
tenant="bench-sla-$(date +%s)"

say "starting the silo on $url (log: .data/sla-bench/silo.log)"
dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" \
    --Orleans:SiloPort=11193 --Orleans:GatewayPort=30093 --Orleans:ClusterId=sla-bench \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key" "--Encryption:MasterKeyFile=$master_key_file" \
    >"$log_dir/silo.log" 2>&1 &
silo_pid=$!
deadline=$((SECONDS + 120))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; do
    kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$log_dir/silo.log" >&2; die "the silo exited before it became ready"; }
    ((SECONDS < deadline)) || { tail -n 40 "$log_dir/silo.log" >&2; die "the silo was not ready within 120 s"; }
    sleep 0.5
done

# In the environment, not on the command line: a token is a credential.
TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$url/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$tenant\",\"subject\":\"bench\",\"roles\":[\"admin\"],\"lifetimeMinutes\":1440}" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
[[ -n "$TICKETGRAINS_TOKEN" ]] || die "the development token issuer gave no token"
export TICKETGRAINS_TOKEN
say "running the bench"
dotnet "$bench_dll" sla --url "$url" --pg "$conn" --tenant "$tenant" --sweep-seconds 60 "$@"
