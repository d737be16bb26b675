-- TicketGrains event log: the durable truth for tickets, customers and channel identities.
-- Every row carries its tenant (shop). A stream is one aggregate (ticket, customer, identity);
-- (tenant_id, stream_id, version) is unique, which is what makes optimistic concurrency and
-- idempotent retries safe across silos.
CREATE TABLE IF NOT EXISTS tg_events (
    position    bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id   text        NOT NULL,
    stream_id   text        NOT NULL,
    version     integer     NOT NULL CHECK (version > 0),
    event_type  text        NOT NULL,
    data        jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    -- The tenant is in every key so the log can be distributed by tenant (0750_tenant_keys.sql); position leads.
    CONSTRAINT tg_events_pkey PRIMARY KEY (position, tenant_id),
    CONSTRAINT tg_events_stream_version UNIQUE (tenant_id, stream_id, version)
);

-- Snapshots bound the replay cost of long-lived tickets; losing one is harmless (events remain).
CREATE TABLE IF NOT EXISTS tg_snapshots (
    tenant_id  text        NOT NULL,
    stream_id  text        NOT NULL,
    version    integer     NOT NULL,
    data       jsonb       NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, stream_id)
);
