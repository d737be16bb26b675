-- Envelope encryption of personal data (docs/security.md, "Encryption at rest"). No key is stored in clear:
-- a tenant key is wrapped (AES-256-GCM) by the master key named in master_key_id, which lives outside the
-- database; a customer's data key is wrapped by one version of its tenant's key. Rotation re-wraps rows in
-- place; the data they protect is never re-encrypted.

-- Key-encryption keys of a tenant, by version. The newest version wraps new data keys; a rotation re-wraps
-- every data key with a new version and deletes the old one in the same transaction.
CREATE TABLE IF NOT EXISTS tg_tenant_keys (
    tenant_id     text        NOT NULL,
    version       integer     NOT NULL CHECK (version > 0),
    wrapped_key   bytea       NOT NULL,
    master_key_id text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version)
);

-- The key of a tenant's lookup hashes (HMAC-SHA256 of channel identities, used as identity stream ids).
-- It never rotates: a new one would orphan every identity stream.
CREATE TABLE IF NOT EXISTS tg_lookup_keys (
    tenant_id     text        PRIMARY KEY,
    wrapped_key   bytea       NOT NULL,
    master_key_id text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A customer's data keys, by version (a new version only after an erasure). Erasure sets wrapped_key to
-- NULL: the row stays so version numbers are never reused, but nothing can open what the key sealed.
-- The foreign key refuses a data key wrapped by a tenant key version that a rotation has just removed.
CREATE TABLE IF NOT EXISTS tg_customer_keys (
    tenant_id          text        NOT NULL,
    customer_id        uuid        NOT NULL,
    version            integer     NOT NULL CHECK (version > 0),
    wrapped_key        bytea       NULL,
    tenant_key_version integer     NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    erased_at          timestamptz NULL,
    PRIMARY KEY (tenant_id, customer_id, version),
    CONSTRAINT tg_customer_keys_tenant_key FOREIGN KEY (tenant_id, tenant_key_version)
        REFERENCES tg_tenant_keys (tenant_id, version),
    CONSTRAINT tg_customer_keys_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL)),
    CONSTRAINT tg_customer_keys_wrapped CHECK ((wrapped_key IS NULL) = (tenant_key_version IS NULL))
);

CREATE INDEX IF NOT EXISTS tg_customer_keys_by_tenant_key ON tg_customer_keys (tenant_id, tenant_key_version)
    WHERE tenant_key_version IS NOT NULL;
