-- The pipeline's page of event headers (PostgresCommittedEventSource.ReadHeadersAfterAsync) as a function that keeps
-- one plan per connection, the way 0711_identity_key_reads.sql does for the identity keys (ADR 0028).
--
-- Sent as a plain statement, the page was planned afresh on every call: its custom plans, which know the checkpoint,
-- always look cheaper than a generic one, so the plan cache never kept one. In the pull bench at 50 pulls a second
-- (2026-12-05) the shared header reads ran 93 times a second and spent 1.6 s of every 30 s planning, against 0.13 s
-- executing. The plan wanted is the same for every checkpoint: walk each partition's (tx_id, position) index from the
-- checkpoint and merge them in order, stopping at the page size. The SET clauses make that the plan whatever the
-- statistics say (a page is a few hundred rows at most, so no sort and no full scan is ever the better choice).
CREATE OR REPLACE FUNCTION tg_event_headers_after(after_tx xid8, after_position bigint, page integer)
RETURNS TABLE (h_tx_id xid8, h_position bigint, h_tenant_id text, h_stream_id text, h_version integer, h_event_type text,
               h_recorded_at timestamptz)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
SET enable_sort = off
SET enable_seqscan = off
SET enable_bitmapscan = off
AS $$
BEGIN
    -- Below the oldest running transaction every transaction has ended, so nothing can still appear behind the page.
    RETURN QUERY
    SELECT e.tx_id, e.position, e.tenant_id, e.stream_id, e.version, e.event_type, e.recorded_at
    FROM tg_events e
    WHERE (e.tx_id, e.position) > (after_tx, after_position) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.tx_id, e.position
    LIMIT page;
END
$$;

REVOKE ALL ON FUNCTION tg_event_headers_after(xid8, bigint, integer) FROM PUBLIC;
