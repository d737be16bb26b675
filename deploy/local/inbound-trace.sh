#!/usr/bin/env bash
# Which hop a message's way from the channel request to the live feed spent its time in: lays the per-message times of
# `TICKETGRAINS_BENCH_TRACE=FILE deploy/local/inbound-bench.sh --steady ...` beside the commits in the bench database's
# log. Per message: sent → the receipt's transaction start (identity, customer, data key and the request itself),
# receipt → threading decision, decision → ticket created (each a commit's transaction start), and ticket created → seen
# on the feed (that commit, the live feed's pipeline hop and the stream); then the same hops for the slowest tenth.
#
# usage: deploy/local/inbound-trace.sh FILE [database (tg_bench_inbound)]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

trace="${1:?usage: $0 FILE [database]}"
database="${2:-tg_bench_inbound}"
[[ -s "$trace" ]] || die "no trace in $trace"
owner_url="postgresql://ticketgrains:ticketgrains@127.0.0.1:${TICKETGRAINS_PG_PORT:-55432}/$database"

psql "$owner_url" -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE trace (stream_id text, ticket_id uuid, sent_ms double precision, answered_ms double precision, seen_ms double precision);
\copy trace FROM '$(realpath "$trace")' WITH (FORMAT csv)
CREATE TEMP VIEW hops AS
SELECT t.answered_ms, t.seen_ms,
       extract(epoch FROM r.recorded_at) * 1000 - t.sent_ms AS to_received,
       extract(epoch FROM d.recorded_at - r.recorded_at) * 1000 AS to_threaded,
       extract(epoch FROM c.recorded_at - d.recorded_at) * 1000 AS to_created,
       t.sent_ms + t.seen_ms - extract(epoch FROM c.recorded_at) * 1000 AS to_seen
FROM trace t
JOIN tg_events r ON r.stream_id = t.stream_id AND r.version = 1
JOIN tg_events d ON d.tenant_id = r.tenant_id AND d.stream_id = t.stream_id AND d.version = 2
JOIN tg_events c ON c.tenant_id = r.tenant_id AND c.stream_id = 'ticket/' || t.ticket_id AND c.version = 1
WHERE t.seen_ms IS NOT NULL;
\pset footer off
SELECT 'p' || (q * 100)::int AS share, (SELECT count(*) FROM hops) AS messages,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY seen_ms)::numeric, 1) AS feed_ms,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY answered_ms)::numeric, 1) AS answered_ms,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY to_received)::numeric, 1) AS sent_to_received,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY to_threaded)::numeric, 1) AS received_to_threaded,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY to_created)::numeric, 1) AS threaded_to_created,
       round(percentile_cont(q) WITHIN GROUP (ORDER BY to_seen)::numeric, 1) AS created_to_seen
FROM hops, unnest(ARRAY[0.5, 0.9, 0.99]) AS q GROUP BY q ORDER BY q;
SELECT 'slowest tenth, mean' AS messages, count(*) AS n, round(avg(seen_ms)::numeric, 1) AS feed_ms,
       round(avg(answered_ms)::numeric, 1) AS answered_ms, round(avg(to_received)::numeric, 1) AS sent_to_received,
       round(avg(to_threaded)::numeric, 1) AS received_to_threaded, round(avg(to_created)::numeric, 1) AS threaded_to_created,
       round(avg(to_seen)::numeric, 1) AS created_to_seen
FROM (SELECT *, ntile(10) OVER (ORDER BY seen_ms) AS tenth FROM hops) h WHERE tenth = 10;
SQL
