-- Identity resolution (docs/decisions/0014-identity-resolution.md).

-- Which customer gave which strong key (an order number, a phone number, an e-mail address), found in its messages or
-- being its identity (an e-mail sender, a caller). Only the tenant's keyed hash of the key is stored (HMAC-SHA256 with
-- the tenant's lookup key, like the identity streams' names), never the key itself; the kind stays clear. A key stays
-- with the customer that gave it: a merge or an un-merge changes nothing here.
CREATE TABLE IF NOT EXISTS tg_identity_keys (
    tenant_id   text        NOT NULL,
    key_kind    text        NOT NULL,
    key_hash    text        NOT NULL,
    customer_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (key_hash, tenant_id, key_kind, customer_id)
);

-- Led by the hash, not by (tenant_id, key_kind): no index of this table may start with columns that only narrow to a
-- tenant's keys of a kind. A tenant the statistics have not seen yet (a new shop, or any shop whose keys grew faster
-- than autovacuum analyses) is estimated at one row, and with the old key order the planner answered "has this
-- customer given an order number" by walking every order key of the tenant and filtering on the customer: 8 ms a
-- message once a tenant held ten thousand keys (docs/benchmarks.md, 2026-12-05). Now the lookup by key finds its
-- rows by the hash, the queries by customer by tg_identity_keys_of_customer, and neither can do anything else.
-- Databases made with the old order get the new key once (checked in the catalogue: a rebuild locks the table).
DO $$
BEGIN
    IF (SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.conrelid = 'tg_identity_keys'::regclass AND c.contype = 'p') IS DISTINCT FROM 'key_hash' THEN
        ALTER TABLE tg_identity_keys DROP CONSTRAINT IF EXISTS tg_identity_keys_pkey,
            ADD CONSTRAINT tg_identity_keys_pkey PRIMARY KEY (key_hash, tenant_id, key_kind, customer_id);
    END IF;
END
$$;

-- By customer first, for the same reason: with tenant_id first, plans made for a tenant the statistics did not know yet
-- walked all of the tenant's keys through this index for every lookup of a key (ADR 0028). Customer ids are unique on
-- their own, so nothing is lost by leading with them.
CREATE INDEX IF NOT EXISTS tg_identity_keys_of_customer ON tg_identity_keys (customer_id, tenant_id, key_kind);
DROP INDEX IF EXISTS tg_identity_keys_by_customer;

-- Links the linker would not make on its own (a phone shared by a family, two customers on one order, keys that
-- contradict each other): one row per pair of customers, for a person to merge or leave. The reason names kinds of
-- key, never their values.
CREATE TABLE IF NOT EXISTS tg_link_proposals (
    tenant_id         text        NOT NULL,
    proposal_id       uuid        NOT NULL,
    customer_id       uuid        NOT NULL,
    other_customer_id uuid        NOT NULL,
    pair_low          uuid        NOT NULL,
    pair_high         uuid        NOT NULL,
    key_kinds         text[]      NOT NULL,
    reason            text        NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, proposal_id),
    UNIQUE (tenant_id, pair_low, pair_high)
);

CREATE INDEX IF NOT EXISTS tg_link_proposals_by_customer ON tg_link_proposals (tenant_id, customer_id);
CREATE INDEX IF NOT EXISTS tg_link_proposals_by_other ON tg_link_proposals (tenant_id, other_customer_id);
