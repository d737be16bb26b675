#!/usr/bin/env bash
# Order event in → webhook delivered latency: local PostgreSQL (own database tg_bench_hooks), Release build, one silo
# with the co-hosted API in the background (webhooks may call 127.0.0.1), then the bench posts order events at a fixed
# rate to tickets carrying their order numbers and times each until its signed delivery reaches a receiver in the bench
# process. The silo is stopped again whatever happens; its output goes to .data/bench/webhook-silo.log.
#
# usage: deploy/local/webhook-bench.sh [--events 1000] [--rate 50]
#   TICKETGRAINS_BENCH_URL      where the silo listens (default http://127.0.0.1:5086)
#   TICKETGRAINS_BENCH_SILO_ARGS extra silo options, e.g. "--Pipeline:PollInterval=00:00:00.020"
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet

url="${TICKETGRAINS_BENCH_URL:-http://127.0.0.1:5086}"
log_dir="$repo/.data/bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; }
healthy && die "something already answers on $url; stop it first (or set TICKETGRAINS_BENCH_URL)"

deploy/local/postgres.sh start
owner_conn="$(deploy/local/postgres.sh url tg_bench_hooks | tail -n 1)"
app_conn="$(deploy/local/postgres.sh app-url tg_bench_hooks | tail -n 1)"
use_local_secrets

say "building (Release)"
dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet
use_intent_model
mkdir -p "$log_dir"
ConnectionStrings__TicketGrainsOwner="$owner_conn" ConnectionStrings__TicketGrains="$app_conn" \
    migrate_as_owner "$silo_dll" "$log_dir/webhook-migrate.log"

say "starting the silo on $url (log: .data/bench/webhook-silo.log)"
# shellcheck disable=SC2086
dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" \
    --Orleans:SiloPort=11196 --Orleans:GatewayPort=30096 --Orleans:ClusterId=bench-hooks \
    --Webhooks:AllowPrivateNetworks=true ${TICKETGRAINS_BENCH_SILO_ARGS:-} >"$log_dir/webhook-silo.log" 2>&1 &
silo_pid=$!
deadline=$((SECONDS + 120))
until healthy; do
    kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$log_dir/webhook-silo.log" >&2; die "the silo exited before it became ready"; }
    ((SECONDS < deadline)) || { tail -n 40 "$log_dir/webhook-silo.log" >&2; die "no 200 from $url/readyz within 120 s"; }
    sleep 0.5
done

# In the environment, not on the command line: a token is a credential. Admin: registering a webhook needs it.
TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$url/api/v1/dev/tokens" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"bench-hooks-$RANDOM\",\"subject\":\"bench\",\"roles\":[\"admin\"],\"lifetimeMinutes\":120}" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
[[ -n "$TICKETGRAINS_TOKEN" ]] || die "the development token issuer gave no token"
export TICKETGRAINS_TOKEN
say "running the bench"
dotnet "$bench_dll" webhook-latency --url "$url" "$@"
