#!/usr/bin/env bash
# The agent pull bench: local PostgreSQL, Release build, one silo with the co-hosted API on its own database and
# ports in the background, then `TicketGrains.Bench pull` against it (500 agents over 4 tenants, 5 queues each, so
# 20 queues), and the silo is stopped again whatever happens.
#
# usage: deploy/local/pull-bench.sh [pull bench options]
#   e.g. deploy/local/pull-bench.sh --seconds 30 --think-ms 2000
# PULL_BENCH_PORT (default 5481) is the silo's HTTP port; its Orleans ports are 11481 and 30481.
# PULL_BENCH_SILO_GC_SERVER=0 (or 1) sets the silo's GC mode (DOTNET_gcServer) over its built-in server GC, for
# comparing the two in one lock hold (ADR 0033, docs/decisions/0033-pull-tail-phases.md); the bench client's own GC is not touched.
# PULL_BENCH_SILO_ENV="NAME=value ..." adds runtime settings for the silo alone (e.g. DOTNET_GCgen0MaxBudget=600000), for
# the same kind of comparison.
# PULL_TRACE_DIR=<folder> builds the silo with its per-pull marks (-p:PullTrace=true, PullTrace.cs), has the bench and
# the silo write them there, and prints where the slow pulls waited (`TicketGrains.Bench pull-trace-report`). The marks
# cost a little CPU of their own: compare traced runs with traced runs.
# The silo's output goes to .data/pull-bench/silo.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

port="${PULL_BENCH_PORT:-5481}"
url="http://127.0.0.1:$port"
log_dir="$repo/.data/pull-bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
bench_dll="tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll"
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; }
if healthy; then
    die "something already answers on $url; stop it first so the bench measures a silo it started itself"
fi

require_dotnet
deploy/local/postgres.sh start
conn="$(deploy/local/postgres.sh url tg_pull_bench | tail -n 1)"
app_conn="$(deploy/local/postgres.sh app-url tg_pull_bench | tail -n 1)"
[[ -n "$conn" && -n "$app_conn" ]] || die "deploy/local/postgres.sh printed no connection string for tg_pull_bench"
master_key_file="$(deploy/local/master-key.sh)"

trace_dir="${PULL_TRACE_DIR:-}"
build_options=(-c Release -nologo -v quiet)
if [[ -n "$trace_dir" ]]; then
    trace_dir="$(realpath -m "$trace_dir")"
    mkdir -p "$trace_dir"
    rm -f "$trace_dir/client.trace" "$trace_dir/silo.trace"
    build_options+=(-p:PullTrace=true)
fi
say "building (Release${trace_dir:+, with pull trace marks})"
dotnet build silo/TicketGrains.Silo "${build_options[@]}"
dotnet build tests/TicketGrains.Bench "${build_options[@]}"
use_intent_model

mkdir -p "$log_dir"
say "migrating tg_pull_bench (as the owner role)"
ConnectionStrings__TicketGrainsOwner="$conn" ConnectionStrings__TicketGrains="$app_conn" \
    dotnet "$silo_dll" migrate >"$log_dir/migrate.log" 2>&1 || { tail -n 20 "$log_dir/migrate.log" >&2; exit 1; }
say "starting the silo on $url (log: .data/pull-bench/silo.log)"
silo_env=()
[[ -n "$trace_dir" ]] && silo_env+=("PULL_TRACE_FILE=$trace_dir/silo.trace")
[[ -n "${PULL_BENCH_SILO_GC_SERVER:-}" ]] && silo_env+=("DOTNET_gcServer=$PULL_BENCH_SILO_GC_SERVER")
read -r -a extra_env <<<"${PULL_BENCH_SILO_ENV:-}"
for assignment in "${extra_env[@]}"; do
    [[ "$assignment" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || die "PULL_BENCH_SILO_ENV takes NAME=value words, not '$assignment'"
    silo_env+=("$assignment")
done
env "${silo_env[@]}" dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" \
    --Orleans:SiloPort=11481 --Orleans:GatewayPort=30481 "--Orleans:ClusterId=pull-bench-$$" \
    --Auth:DevIssuer=true "--Auth:DevKeyFile=$repo/.data/dev-signing-key" "--Encryption:MasterKeyFile=$master_key_file" \
    >"$log_dir/silo.log" 2>&1 &
silo_pid=$!
deadline=$((SECONDS + 120))
until healthy; do
    kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$log_dir/silo.log" >&2; die "the silo exited before it became healthy"; }
    ((SECONDS < deadline)) || { tail -n 40 "$log_dir/silo.log" >&2; die "no 200 from $url/readyz within 120 s"; }
    sleep 0.5
done

say "silo healthy (pid $silo_pid); running the pull bench"
if [[ -z "$trace_dir" ]]; then
    dotnet "$bench_dll" pull --url "$url" "$@"
    exit
fi

dotnet "$bench_dll" pull --url "$url" "$@" --trace-dir "$trace_dir"
stop_silo # the silo writes its marks as it stops
silo_pid=""
dotnet "$bench_dll" pull-trace-report "$trace_dir"
