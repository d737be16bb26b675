#!/usr/bin/env bash
# State at scale (issue 15 item 3): a store of many tickets, a tenth of them open, and one silo over it.
#
# usage: deploy/local/state-bench.sh fill [tickets]   (default 1000000; run it under the CPU lock)
#        deploy/local/state-bench.sh measure          (run it under the CPU lock, after fill)
#
# fill: a fresh database tg_state_bench; a silo makes 20 template tickets through the API (2 left open, 18 solved
#   and closed), then the store is filled in SQL, 100,000 tickets per transaction: each new ticket is a copy of
#   template (i mod 20), its events with the template's id replaced by its own (the JSON the silo wrote, so a grain
#   activating a copy folds real events), plus its read-model row and its stream-version keys. The pipeline's
#   checkpoints are then moved past the fill: these are history, not new work for triggers and webhooks.
# measure: restarts the silo over the filled store and reports, one line per figure (STATE name=value):
#   time to ready, RSS and GC heap idle, after GET of every open ticket (each activates its grain; curl --parallel),
#   activations,
#   list p99 through the read model with wrk (status, queue, customer, assignee, SLA filters, keyset page 2), and
#   the database's size. Output: .data/state-bench/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

port="${STATE_BENCH_PORT:-5189}"
url="http://127.0.0.1:$port"
database="tg_state_bench"
tenant="bench-state"
log_dir="$repo/.data/state-bench"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
templates=20
open_templates=2
silo_pid=""

stop_silo() { stop_process "$silo_pid"; }
trap stop_silo EXIT
trap 'exit 130' INT TERM

report() { printf 'STATE %s\n' "$*" | tee -a "$log_dir/figures.txt"; }
sql() { psql "$owner_url" -v ON_ERROR_STOP=1 -qAt "$@"; }
api() { # method path [json]
    curl -sf --max-time 30 -X "$1" "$url$2" -H "Authorization: Bearer $TICKETGRAINS_TOKEN" -H 'Content-Type: application/json' \
        ${3:+-d "$3"}
}

connect() {
    deploy/local/postgres.sh start
    owner_conn="$(deploy/local/postgres.sh url "$database" | tail -n 1)"
    app_conn="$(deploy/local/postgres.sh app-url "$database" | tail -n 1)"
    # psql wants a URL; the owner role's password is the local cluster's fixed development one.
    owner_url="postgresql://ticketgrains:ticketgrains@127.0.0.1:${TICKETGRAINS_PG_PORT:-55432}/$database"
    use_local_secrets
    use_intent_model
    mkdir -p "$log_dir"
}

# Starts the silo with its co-hosted API and sets ready_seconds: process start to the first 200 from /readyz.
start_silo() {
    local started=$EPOCHREALTIME
    dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" \
        --Orleans:SiloPort=11195 --Orleans:GatewayPort=30095 --Orleans:ClusterId=state-bench \
        >>"$log_dir/silo.log" 2>&1 &
    silo_pid=$!
    local deadline=$((SECONDS + 180))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/readyz" || true)" == "200" ]]; do
        kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$log_dir/silo.log" >&2; die "the silo exited before it became ready"; }
        ((SECONDS < deadline)) || die "the silo was not ready within 180 s"
        sleep 0.1
    done
    ready_seconds=$(echo "$EPOCHREALTIME - $started" | bc)
    bench_admin_token "$url" "$tenant"
}

cmd_fill() {
    local tickets="${1:-1000000}"
    ((tickets % templates == 0)) || die "tickets must be a multiple of $templates"
    connect
    say "building (Release)"
    dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
    psql "${owner_url%/*}/postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"
    psql "${owner_url%/*}/postgres" -qc "CREATE DATABASE $database"
    ConnectionStrings__TicketGrainsOwner="$owner_conn" ConnectionStrings__TicketGrains="$app_conn" \
        migrate_as_owner "$silo_dll" "$log_dir/migrate.log"
    : >"$log_dir/silo.log"
    : >"$log_dir/figures.txt"
    start_silo
    say "making $templates template tickets through the API"
    local subjects=("快递三天没动，什么时候能到" "收到的商品有破损，申请退货" "尺码不合适，想换大一号" "双十一订单还没发货" "退款什么时候到账"
        "发票抬头写错了" "优惠券没有抵扣成功" "物流显示已签收但我没收到" "商品和描述不一致" "想修改收货地址")
    local channels=(wechat web app douyin email)
    for i in $(seq 0 $((templates - 1))); do
        local body id
        body="{\"channel\":\"${channels[i % 5]}\",\"customer\":{\"externalId\":\"state-customer-$i\",\"name\":\"顾客$i\"},\"subject\":\"${subjects[i % 10]}\",\"body\":\"订单号 2026111100$i，${subjects[i % 10]}。\"}"
        id="$(api POST /api/v1/tickets "$body" | sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p' | head -n 1)"
        [[ -n "$id" ]] || die "template ticket $i was not created"
        if ((i >= open_templates)); then
            api POST "/api/v1/tickets/$id/status" '{"status":"solved"}' >/dev/null
            api POST "/api/v1/tickets/$id/status" '{"status":"closed"}' >/dev/null
        fi
    done
    stop_silo
    silo_pid=""
    sql -c "SELECT count(*) || ' template tickets, ' || (SELECT count(*) FROM tg_events) || ' events' FROM tg_tickets WHERE tenant_id = '$tenant'" >&2

    local chunk=100000 filled=0 started=$EPOCHREALTIME
    sql -c "CREATE TABLE state_templates AS SELECT row_number() OVER (ORDER BY status = 'closed', ticket_id) - 1 AS n, ticket_id
            FROM tg_tickets WHERE tenant_id = '$tenant'"
    while ((filled < tickets)); do
        local size=$((tickets - filled < chunk ? tickets - filled : chunk))
        sql <<SQL
BEGIN;
CREATE TEMP TABLE fill ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, t.ticket_id AS template
    FROM generate_series($filled, $((filled + size - 1))) g JOIN state_templates t ON t.n = g % $templates;
INSERT INTO tg_event_versions (tenant_id, stream_id, version)
    SELECT e.tenant_id, 'ticket/' || f.id, e.version
    FROM fill f JOIN tg_events e ON e.tenant_id = '$tenant' AND e.stream_id = 'ticket/' || f.template;
INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data, recorded_at)
    SELECT e.tenant_id, 'ticket/' || f.id, e.version, e.event_type, replace(e.data::text, f.template::text, f.id::text)::jsonb, e.recorded_at
    FROM fill f JOIN tg_events e ON e.tenant_id = '$tenant' AND e.stream_id = 'ticket/' || f.template
    ORDER BY f.id, e.version;
INSERT INTO tg_tickets
    SELECT (jsonb_populate_record(NULL::tg_tickets, to_jsonb(t) || jsonb_build_object('ticket_id', f.id))).*
    FROM fill f JOIN tg_tickets t ON t.tenant_id = '$tenant' AND t.ticket_id = f.template;
COMMIT;
SQL
        filled=$((filled + size))
        say "filled $filled of $tickets tickets"
    done
    # The copies are history: the pipeline's subscribers start after them, as if they had handled them long ago.
    sql -c "UPDATE tg_subscriptions SET (tx_id, position) = (SELECT tx_id, position FROM tg_events ORDER BY tx_id DESC, position DESC LIMIT 1)"
    sql -c "VACUUM ANALYZE tg_events, tg_event_versions, tg_tickets"
    report "fill_tickets=$tickets fill_seconds=$(echo "$EPOCHREALTIME - $started" | bc)"
    report "$(sql -F ' ' -c "SELECT 'tickets=' || count(*), 'open=' || count(*) FILTER (WHERE status <> 'closed'),
        'events=' || (SELECT count(*) FROM tg_events) FROM tg_tickets WHERE tenant_id = '$tenant'")"
}

# Resident set size of the silo (kB) and the GC heap from the runtime metrics /metrics serves.
memory() { # label
    local rss heap
    rss="$(awk '/^VmRSS/ {print $2}' "/proc/$silo_pid/status")"
    curl -s --max-time 10 "$url/metrics" >"$log_dir/metrics-$1.txt"
    heap="$(awk '/^dotnet_gc_last_collection_heap_size_bytes/ {s += $NF} END {printf "%d", s}' "$log_dir/metrics-$1.txt")"
    report "$1_rss_mb=$((rss / 1024)) $1_gc_heap_mb=$((heap / 1048576))"
    eval "${1}_rss_kb=$rss; ${1}_heap=$heap"
}

activations() { # label
    report "$1_activations=$(awk '/^orleans_catalog_activations[ {]/ {s += $NF} END {printf "%d", s}' "$log_dir/metrics-$1.txt")"
}

list_p99() { # name path
    local out
    out="$(wrk -t2 -c16 -d10s --latency -H "Authorization: Bearer $TICKETGRAINS_TOKEN" "$url$2")"
    echo "$out" >>"$log_dir/wrk.txt"
    report "list_$1 rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}') p50=$(echo "$out" | awk '$1 == "50%" {print $2}') p99=$(echo "$out" | awk '$1 == "99%" {print $2}') non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
}

cmd_measure() {
    connect
    dotnet build silo/TicketGrains.Silo -c Release -nologo -v quiet
    ConnectionStrings__TicketGrainsOwner="$owner_conn" ConnectionStrings__TicketGrains="$app_conn" \
        migrate_as_owner "$silo_dll" "$log_dir/migrate.log"
    : >"$log_dir/wrk.txt"
    report "measure_at=$(date -u +%FT%TZ) commit=$(git rev-parse --short HEAD)"
    start_silo
    report "restart_to_ready_seconds=$ready_seconds"
    sleep 5 # the start's own work (pipeline catch-up, partition check) settles before the idle figure
    memory idle
    activations idle

    sql -c "SELECT ticket_id FROM tg_tickets WHERE tenant_id = '$tenant' AND status <> 'closed'" >"$log_dir/open-ids.txt"
    local open
    open=$(wc -l <"$log_dir/open-ids.txt")
    say "activating $open open tickets (GET each once)"
    # One curl, 32 transfers at a time over kept-alive connections; the token goes in the config file, not argv.
    (umask 077; { echo "header = \"Authorization: Bearer $TICKETGRAINS_TOKEN\""
        sed "s|.*|url = \"$url/api/v1/tickets/&\"\noutput = \"/dev/null\"|" "$log_dir/open-ids.txt"; } >"$log_dir/activate.curl")
    local started=$EPOCHREALTIME
    curl -s --no-progress-meter --parallel --parallel-max 32 -K "$log_dir/activate.curl" -w '%{http_code} %{time_total}\n' >"$log_dir/activate.txt" || true
    rm -f "$log_dir/activate.curl"
    report "activate_seconds=$(echo "$EPOCHREALTIME - $started" | bc) read_200=$(grep -c '^200 ' "$log_dir/activate.txt") $(
        awk '{print $2}' "$log_dir/activate.txt" | sort -n | awk '{v[NR] = $1} END {printf "read_p50_ms=%.1f read_p99_ms=%.1f", v[int(NR * 0.5)] * 1000, v[int(NR * 0.99)] * 1000}')"
    memory active
    activations active
    report "per_open_ticket_rss_bytes=$(((active_rss_kb - idle_rss_kb) * 1024 / open)) per_open_ticket_gc_heap_bytes=$(((active_heap - idle_heap) / open))"

    local queue customer
    queue="$(sql -c "SELECT queue FROM tg_tickets WHERE tenant_id = '$tenant' AND status <> 'closed' LIMIT 1")"
    customer="$(sql -c "SELECT customer_id FROM tg_tickets WHERE tenant_id = '$tenant' LIMIT 1")"
    list_p99 new "/api/v1/tickets?status=new&limit=50"
    list_p99 open "/api/v1/tickets?status=open&limit=50"
    list_p99 queue_open "/api/v1/tickets?queue=$queue&status=open&limit=50"
    list_p99 closed "/api/v1/tickets?status=closed&limit=50"
    list_p99 customer "/api/v1/tickets?customerId=$customer&limit=50"
    list_p99 assignee "/api/v1/tickets?assignee=nobody-$RANDOM&limit=50"
    list_p99 sla_due "/api/v1/tickets?slaDueBefore=2030-01-01T00:00:00%2B00:00&limit=50"
    local cursor
    cursor="$(api GET "/api/v1/tickets?status=closed&limit=50" | sed -nE 's/.*"nextCursor":"([^"]+)".*/\1/p')"
    [[ -n "$cursor" ]] && list_p99 closed_page2 "/api/v1/tickets?status=closed&limit=50&cursor=$cursor"

    report "$(sql -F ' ' -c "SELECT 'database_mb=' || pg_database_size(current_database()) / 1048576,
        'tg_events_mb=' || (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'tg_events'::regclass) / 1048576,
        'tg_event_versions_mb=' || pg_total_relation_size('tg_event_versions') / 1048576,
        'tg_tickets_mb=' || pg_total_relation_size('tg_tickets') / 1048576,
        'partitions=' || (SELECT count(*) FROM pg_inherits WHERE inhparent = 'tg_events'::regclass)")"
}

case "${1:-}" in
    fill) shift; cmd_fill "$@" ;;
    measure) shift; cmd_measure "$@" ;;
    *) die "usage: deploy/local/state-bench.sh fill [tickets] | measure" ;;
esac
