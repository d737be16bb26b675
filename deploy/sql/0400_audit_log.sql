-- The tamper-evident audit log: append-only, one hash chain per tenant.
-- hash = SHA-256(prev_hash || canonical entry), where the canonical entry is built by the API (Audit/AuditChain.cs) from
-- every column below except the hashes; the first entry of a tenant has 32 zero bytes as prev_hash.
-- Entries hold ids, never personal data, so erasing a customer never needs to touch this table.
CREATE TABLE IF NOT EXISTS tg_audit_log (
    tenant_id      text        NOT NULL,
    seq            bigint      NOT NULL,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    target         text        NOT NULL,
    client_address text        NOT NULL,
    detail         text        NOT NULL,
    prev_hash      bytea       NOT NULL,
    hash           bytea       NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

CREATE INDEX IF NOT EXISTS tg_audit_log_by_target ON tg_audit_log (tenant_id, target, seq);

-- The last sequence and hash of each tenant's chain. Writers lock a tenant's row while they append, so writers in
-- several processes extend one chain without forking it; verification compares the chain's end with it, so removing
-- the newest entries is noticed too.
CREATE TABLE IF NOT EXISTS tg_audit_heads (
    tenant_id text   PRIMARY KEY,
    seq       bigint NOT NULL,
    hash      bytea  NOT NULL
);

-- Append-only, whatever the role: ordinary updates, deletes and truncation are refused. Only the table owner can get
-- around this (ALTER TABLE ... DISABLE TRIGGER), and verification then reports what was changed.
CREATE OR REPLACE FUNCTION tg_audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'tg_audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE OR REPLACE TRIGGER tg_audit_log_append_only BEFORE UPDATE OR DELETE ON tg_audit_log
    FOR EACH ROW EXECUTE FUNCTION tg_audit_log_refuse_change();

CREATE OR REPLACE TRIGGER tg_audit_log_no_truncate BEFORE TRUNCATE ON tg_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION tg_audit_log_refuse_change();
