-- The pipeline's page of event headers, now also saying whether committed events wait past it
-- (PostgresCommittedEventSource.ReadHeadersAfterAsync; ADR 0038).
--
-- A page stops below the oldest transaction still running anywhere on the server, since that transaction may yet add
-- events in front of what committed after it. Most such transactions write no events (a read-model update, a checkpoint,
-- a subscriber's own work); their end wakes no subscriber. A subscriber woken by a commit that such a transaction held
-- back found nothing new and slept until its next poll: at 10 messages a second a quarter of the inbound messages
-- reached their threading decision 80-120 ms late (docs/benchmarks.md, 2026-12-06). The page now ends, when it is not
-- full, with the first committed event it had to leave out, marked held back, so the reader knows to come back soon.
--
-- tg_event_headers_after (0761) stays for silos of the previous release during a rolling upgrade.
CREATE OR REPLACE FUNCTION tg_event_header_page(after_tx xid8, after_position bigint, page integer)
RETURNS TABLE (h_tx_id xid8, h_position bigint, h_tenant_id text, h_stream_id text, h_version integer, h_event_type text,
               h_recorded_at timestamptz, h_held_back boolean)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET enable_sort = off
SET enable_seqscan = off
SET enable_bitmapscan = off
AS $$
DECLARE
    -- Read once, so both queries below draw the same line.
    horizon constant xid8 := pg_snapshot_xmin(pg_current_snapshot());
    returned bigint;
BEGIN
    RETURN QUERY
    SELECT e.tx_id, e.position, e.tenant_id, e.stream_id, e.version, e.event_type, e.recorded_at, false
    FROM tg_events e
    WHERE (e.tx_id, e.position) > (after_tx, after_position) AND e.tx_id < horizon
    ORDER BY e.tx_id, e.position
    LIMIT page;
    GET DIAGNOSTICS returned = ROW_COUNT;

    -- A full page is followed at once anyway; a short one says whether anything committed is waiting behind it.
    IF returned < page THEN
        RETURN QUERY
        SELECT e.tx_id, e.position, e.tenant_id, e.stream_id, e.version, e.event_type, e.recorded_at, true
        FROM tg_events e
        WHERE (e.tx_id, e.position) > (after_tx, after_position) AND e.tx_id >= horizon
        ORDER BY e.tx_id, e.position
        LIMIT 1;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION tg_event_header_page(xid8, bigint, integer) FROM PUBLIC;
