-- Custom roles of a tenant: a name bound to a set of permissions (built-in roles live in code).
CREATE TABLE IF NOT EXISTS tg_roles (
    tenant_id   text        NOT NULL,
    name        text        NOT NULL,
    permissions text[]      NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- API keys of integrations. Only the SHA-256 of the key's secret is stored; the secret is shown once, at creation.
-- Keys are found by their public id, then the hash is compared in constant time.
CREATE TABLE IF NOT EXISTS tg_api_keys (
    key_id      text        NOT NULL,
    tenant_id   text        NOT NULL,
    name        text        NOT NULL,
    secret_hash bytea       NOT NULL,
    permissions text[]      NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL,
    -- Looked up by key id alone (the key names no tenant); the tenant is in the key for distribution (0750).
    CONSTRAINT tg_api_keys_pkey PRIMARY KEY (key_id, tenant_id)
);

CREATE INDEX IF NOT EXISTS tg_api_keys_by_tenant ON tg_api_keys (tenant_id, created_at);
