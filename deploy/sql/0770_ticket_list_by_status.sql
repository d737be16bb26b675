-- Lists filtered by status (GET /api/v1/tickets?status=) page in (created_at, ticket_id) order. Without this index
-- PostgreSQL walks the tenant's whole creation-order index and filters the status: with 1,000,000 tickets a status
-- that is rare or absent, or whose tickets are the newest, cost hundreds of milliseconds to seconds per page
-- (docs/benchmarks.md, "State at scale"). Checked in the catalogue first: a repeated migration must not lock
-- tg_tickets again; on a large existing store the first build blocks writes to tg_tickets while it runs.
DO $$
BEGIN
    IF to_regclass('tg_tickets_by_status') IS NULL THEN
        CREATE INDEX tg_tickets_by_status ON tg_tickets (tenant_id, status, created_at, ticket_id);
    END IF;
END
$$;
