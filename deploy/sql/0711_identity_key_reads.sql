-- The two identity-key statements nearly every first contact runs, as functions that keep one plan (ADR 0028).
--
-- Sent as plain statements, PostgreSQL planned both afresh on every call: their generic plans are costed for arrays of
-- unknown length, which always looks dearer than a custom plan for the one or two keys a message carries, so the plan
-- cache never kept one. Planning took longer than running them (1.7 s and 0.6 s of PostgreSQL's time in 30 s at 400
-- first contacts a second, docs/benchmarks.md, 2026-12-05). The generic plans are the same lookups: by the key's hash
-- (the primary key leads with it) and by customer (tg_identity_keys_of_customer), whatever the tenant's statistics say.
-- A function's statements are prepared once per connection, and its SET clause makes that plan the generic one.

-- The customers holding each key (at most per_key of them, taken in index order, then in the order they gave it); the
-- keys are recorded for the contact in the same snapshot when no other customer holds any of them.
CREATE OR REPLACE FUNCTION tg_identity_key_holders(
    tenant text, kinds text[], hashes text[], per_key integer, contact uuid, seen_at timestamptz)
RETURNS TABLE (holder_kind text, holder_hash text, holder_id uuid)
LANGUAGE plpgsql VOLATILE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
    WITH w AS (SELECT * FROM unnest(kinds, hashes) AS w(kind, hash)),
    found AS (
        SELECT w.kind, w.hash, k.customer_id, k.created_at
        FROM w CROSS JOIN LATERAL (
            SELECT i.customer_id, i.created_at FROM tg_identity_keys i
            WHERE i.tenant_id = tenant AND i.key_kind = w.kind AND i.key_hash = w.hash
            LIMIT per_key) k),
    added AS (
        INSERT INTO tg_identity_keys (tenant_id, key_kind, key_hash, customer_id, created_at)
        SELECT tenant, w.kind, w.hash, contact, seen_at FROM w
        WHERE NOT EXISTS (SELECT FROM found f WHERE f.customer_id <> contact)
        ON CONFLICT DO NOTHING)
    SELECT f.kind, f.hash, f.customer_id FROM found f ORDER BY f.created_at, f.customer_id;
END
$$;

-- Whether any of the customers gave a key of the kind.
CREATE OR REPLACE FUNCTION tg_identity_keys_any_of_kind(tenant text, customers uuid[], kind text)
RETURNS boolean
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN EXISTS (SELECT FROM tg_identity_keys i WHERE i.tenant_id = tenant AND i.customer_id = ANY(customers) AND i.key_kind = kind);
END
$$;
