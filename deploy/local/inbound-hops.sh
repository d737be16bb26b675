#!/usr/bin/env bash
# Where an inbound message's way to its ticket went, read from the log of a bench database: per channel (each run of
# deploy/local/inbound-bench.sh, warm-up included, posts to a channel of its own), the time from the message's
# InboundMessageReceived to its threading decision (InboundMessageThreaded) and to its ticket's TicketCreated, over the
# channel's last N messages. Times are the events' recorded_at, the start of the transaction that committed each, so a
# hop is measured from commit start to commit start; the live feed's own hop is not in it (the bench times that).
# Then, for the last channel, how many of its messages reached their threading decision within each 10 ms: a pump
# woken by the commit takes milliseconds, one that missed its wake-up waits for its poll (Pipeline:PollInterval).
#
# usage: deploy/local/inbound-hops.sh [database (tg_bench_inbound)] [last N messages per channel (2000)] [minutes back (60)]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

database="${1:-tg_bench_inbound}"
last="${2:-2000}"
minutes="${3:-60}"
[[ "$last" =~ ^[0-9]+$ && "$minutes" =~ ^[0-9]+$ ]] || die "N and minutes are whole numbers"
deploy/local/postgres.sh start >/dev/null
# psql wants a URL; the owner role's password is the local cluster's fixed development one (as in state-bench.sh).
owner_url="postgresql://ticketgrains:ticketgrains@127.0.0.1:${TICKETGRAINS_PG_PORT:-55432}/$database"

psql "$owner_url" -X -v ON_ERROR_STOP=1 -v last="$last" -v minutes="$minutes" <<'SQL'
WITH received AS (
    SELECT tenant_id, stream_id, split_part(stream_id, '/', 2) AS channel, recorded_at,
           row_number() OVER (PARTITION BY split_part(stream_id, '/', 2) ORDER BY position DESC) AS from_last
    FROM tg_events
    WHERE event_type = 'InboundMessageReceived' AND recorded_at > now() - make_interval(mins => :minutes)
), hops AS (
    SELECT r.channel, r.recorded_at AS received,
           extract(epoch FROM t.recorded_at - r.recorded_at) * 1000 AS to_threaded,
           extract(epoch FROM c.recorded_at - r.recorded_at) * 1000 AS to_created
    FROM received r
    JOIN tg_events t ON t.tenant_id = r.tenant_id AND t.stream_id = r.stream_id AND t.version = 2
    JOIN tg_events c ON c.tenant_id = r.tenant_id AND c.stream_id = 'ticket/' || (t.data->>'ticketId') AND c.version = 1
    WHERE r.from_last <= :last
)
SELECT min(received)::time(0) AS first_message, count(*) AS messages,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_threaded)::numeric, 1) AS threaded_p50_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY to_threaded)::numeric, 1) AS threaded_p99_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY to_created)::numeric, 1) AS created_p50_ms,
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY to_created)::numeric, 1) AS created_p90_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY to_created)::numeric, 1) AS created_p99_ms,
       round(max(to_created)::numeric, 1) AS created_max_ms
FROM hops GROUP BY channel ORDER BY 1;
SQL

psql "$owner_url" -X -v ON_ERROR_STOP=1 -v last="$last" -v minutes="$minutes" <<'SQL'
WITH received AS (
    SELECT tenant_id, stream_id, split_part(stream_id, '/', 2) AS channel, recorded_at, position
    FROM tg_events
    WHERE event_type = 'InboundMessageReceived' AND recorded_at > now() - make_interval(mins => :minutes)
), last_channel AS (
    SELECT channel FROM received ORDER BY position DESC LIMIT 1
), recent AS (
    SELECT r.* FROM received r JOIN last_channel USING (channel) ORDER BY r.position DESC LIMIT :last
)
SELECT (floor(extract(epoch FROM t.recorded_at - r.recorded_at) * 100) * 10)::int AS threaded_after_ms_from,
       count(*) AS messages
FROM recent r JOIN tg_events t ON t.tenant_id = r.tenant_id AND t.stream_id = r.stream_id AND t.version = 2
GROUP BY 1 ORDER BY 1;
SQL
