-- The event log partitioned by range of position (docs/decisions/0026-event-log-partitioned-by-position.md).
--
-- A partitioned table's unique keys must contain its partition key, so the stream-version key (tenant_id, stream_id,
-- version), which makes optimistic concurrency and idempotent retries safe, can no longer live on tg_events: it moves
-- to tg_event_versions, which the writer inserts into first (ON CONFLICT DO NOTHING) in the same statement; only the
-- versions it won go into tg_events. tg_events keeps (position, tenant_id) as primary key and a plain index on the
-- stream key for reading a stream.
CREATE TABLE IF NOT EXISTS tg_event_versions (
    tenant_id text    NOT NULL,
    stream_id text    NOT NULL,
    version   integer NOT NULL,
    CONSTRAINT tg_event_versions_pkey PRIMARY KEY (tenant_id, stream_id, version)
);

-- Upgrade: a plain tg_events (a database made before this script, or the empty table 0100 just made) becomes the
-- first partition, covering every position up to the next multiple of the partition size, without copying a row.
-- Its stream keys are copied into tg_event_versions (the only copy: keys, not events). Runs once: afterwards
-- tg_events is partitioned and this block only looks at the catalogue.
DO $$
DECLARE
    first_size constant bigint := 10000000;
    next_position bigint;
    bound bigint;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = 'tg_events'::regclass) <> 'r' THEN
        RETURN;
    END IF;

    LOCK TABLE tg_events IN ACCESS EXCLUSIVE MODE;
    -- The log being converted is the truth; versions left by a dropped log are not (Migration:RecreateMissingTables).
    TRUNCATE tg_event_versions;
    INSERT INTO tg_event_versions (tenant_id, stream_id, version) SELECT tenant_id, stream_id, version FROM tg_events;
    next_position := greatest(
        (SELECT coalesce(max(position), 0) + 1 FROM tg_events),
        (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM tg_events_position_seq));
    bound := (next_position / first_size + 1) * first_size;

    ALTER TABLE tg_events RENAME TO tg_events_p0;
    ALTER TABLE tg_events_p0 DROP CONSTRAINT IF EXISTS tg_events_stream_version;
    ALTER TABLE tg_events_p0 RENAME CONSTRAINT tg_events_pkey TO tg_events_p0_pkey;
    ALTER INDEX IF EXISTS tg_events_by_transaction RENAME TO tg_events_p0_by_transaction;
    ALTER INDEX IF EXISTS tg_events_by_tenant_transaction RENAME TO tg_events_p0_by_tenant_transaction;
    -- The identity moves to the parent, continuing where the old one stopped.
    ALTER TABLE tg_events_p0 ALTER COLUMN position DROP IDENTITY;

    CREATE TABLE tg_events (LIKE tg_events_p0 INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (position);
    EXECUTE format('ALTER TABLE tg_events ALTER COLUMN position ADD GENERATED ALWAYS AS IDENTITY (START WITH %s)', next_position);
    -- Made before the attach, so the old table's matching indexes are attached instead of built again.
    ALTER TABLE tg_events ADD CONSTRAINT tg_events_pkey PRIMARY KEY (position, tenant_id);
    CREATE INDEX tg_events_by_transaction ON tg_events (tx_id, position);
    CREATE INDEX tg_events_by_tenant_transaction ON tg_events (tenant_id, tx_id, position);
    CREATE INDEX tg_events_by_stream ON tg_events (tenant_id, stream_id, version);

    -- The check lets ATTACH skip its own validation scan (this one is the only scan of the old rows).
    EXECUTE format('ALTER TABLE tg_events_p0 ADD CONSTRAINT tg_events_p0_bound CHECK (position IS NOT NULL AND position < %s)', bound);
    EXECUTE format('ALTER TABLE tg_events ATTACH PARTITION tg_events_p0 FOR VALUES FROM (MINVALUE) TO (%s)', bound);
    ALTER TABLE tg_events_p0 DROP CONSTRAINT tg_events_p0_bound;
    -- Rows past every range land here instead of failing the append; maintenance starts new ranges above them.
    CREATE TABLE tg_events_default PARTITION OF tg_events DEFAULT;
END
$$;

-- A log made empty again with Migration:RecreateMissingTables keeps its versions only if tg_events was kept.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM tg_event_versions) AND EXISTS (SELECT FROM tg_events) THEN
        INSERT INTO tg_event_versions (tenant_id, stream_id, version) SELECT tenant_id, stream_id, version FROM tg_events;
    END IF;
END
$$;

-- Partition maintenance, called by one silo at a time (EventLog/EventPartitionMaintenance.cs): keeps `ahead` empty
-- partitions of `size` positions above the log's head. Security definer: the silos connect as the application role,
-- which may create nothing; this is the one piece of DDL it may ask for. A transaction-level advisory lock makes a
-- second caller return at once (-1). Returns the number of partitions created.
CREATE OR REPLACE FUNCTION tg_extend_event_partitions(ahead integer, size bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    head bigint;
    top bigint;
    overflow bigint;
    waiting integer;
    created integer := 0;
    name text;
BEGIN
    IF ahead < 1 OR size < 1 THEN
        RAISE EXCEPTION 'ahead and size must be positive, not % and %', ahead, size;
    END IF;
    IF NOT pg_try_advisory_xact_lock(7598263004516823040) THEN
        RETURN -1;
    END IF;
    -- Attaching takes a brief exclusive lock on the default partition; rather than queue readers behind it, give up
    -- and try again at the next run.
    SET LOCAL lock_timeout = '2s';

    head := (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM tg_events_position_seq);
    LOOP
        SELECT max(upper), count(*) FILTER (WHERE lower > head) INTO top, waiting FROM (
            SELECT substring(pg_get_expr(c.relpartbound, c.oid) FROM 'FROM \(''?(-?\d+)''?\)')::bigint AS lower,
                   substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''?(-?\d+)''?\)')::bigint AS upper
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'tg_events'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT') ranges;
        EXIT WHEN waiting >= ahead;
        -- Positions that overflowed into the default partition stay there; the new range starts above them.
        overflow := (SELECT max(position) + 1 FROM tg_events_default);
        top := greatest(top, overflow, head + 1);
        name := format('tg_events_p%s', top);
        EXECUTE format('CREATE TABLE public.%I (LIKE public.tg_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
        EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (position IS NOT NULL AND position >= %s AND position < %s)',
            name, name || '_bound', top, top + size);
        EXECUTE format('ALTER TABLE public.tg_events ATTACH PARTITION public.%I FOR VALUES FROM (%s) TO (%s)', name, top, top + size);
        EXECUTE format('ALTER TABLE public.%I DROP CONSTRAINT %I', name, name || '_bound');
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

REVOKE ALL ON FUNCTION tg_extend_event_partitions(integer, bigint) FROM PUBLIC;
