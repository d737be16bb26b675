-- Every primary and unique key of tenant data includes tenant_id, so the schema can be distributed by tenant
-- (Citus-style: a distributed table's unique keys must contain its distribution column, in any place) without
-- change. New databases get these keys from the tables' own scripts; this upgrades databases made before. Three
-- keys predate that rule and are widened: the event log's position, an API key's id and a
-- channel's id are unique on their own (an identity, random ids), so adding the tenant changes no answer, and each
-- new key still leads with the column the lookups use. docs/scaling.md lists the cluster-level tables that are not
-- tenant data (Orleans' own, migrations, pipeline checkpoints); SchemaTenantKeyTests checks every table.
-- Checked in the catalogue first: rebuilding a key locks its table, which must not happen at every silo start.
CREATE OR REPLACE FUNCTION pg_temp.tg_primary_key_columns(relation regclass) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT string_agg(a.attname, ',' ORDER BY k.ord)
    FROM pg_constraint c
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.conrelid = relation AND c.contype = 'p'
$$;

DO $$
BEGIN
    IF pg_temp.tg_primary_key_columns('tg_events') IS DISTINCT FROM 'position,tenant_id' THEN
        ALTER TABLE tg_events DROP CONSTRAINT IF EXISTS tg_events_pkey,
            ADD CONSTRAINT tg_events_pkey PRIMARY KEY (position, tenant_id);
    END IF;

    IF pg_temp.tg_primary_key_columns('tg_api_keys') IS DISTINCT FROM 'key_id,tenant_id' THEN
        ALTER TABLE tg_api_keys DROP CONSTRAINT IF EXISTS tg_api_keys_pkey,
            ADD CONSTRAINT tg_api_keys_pkey PRIMARY KEY (key_id, tenant_id);
    END IF;

    -- Replaced by tg_channels_by_id (0700_channels.sql).
    IF to_regclass('tg_channels_id') IS NOT NULL THEN
        DROP INDEX tg_channels_id;
    END IF;
END
$$;
