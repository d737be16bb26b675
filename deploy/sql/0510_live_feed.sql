-- The live feed reads one tenant's events in log order: what a reconnecting client missed (after its Last-Event-ID),
-- the tenant's newest event when a client connects, and the tenant's event before a page (so listeners notice holes).
-- Without this index each of those would walk every tenant's events since the key.
-- Checked in the catalogue first: CREATE INDEX IF NOT EXISTS would still lock the hot table at every silo start.
DO $$
BEGIN
    IF to_regclass('tg_events_by_tenant_transaction') IS NULL THEN
        CREATE INDEX tg_events_by_tenant_transaction ON tg_events (tenant_id, tx_id, position);
    END IF;
END
$$;
