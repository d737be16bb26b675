-- Metering: usage per tenant per hour, counted from the committed-event pipeline
-- (docs/decisions/0022-metering-and-quotas.md).

-- The counts of one tenant's hour (UTC). Rows are added to in place by the meter subscriber.
CREATE TABLE IF NOT EXISTS tg_usage_hours (
    tenant_id       text        NOT NULL,
    hour            timestamptz NOT NULL,
    tickets         bigint      NOT NULL DEFAULT 0,
    messages        bigint      NOT NULL DEFAULT 0,
    automation_runs bigint      NOT NULL DEFAULT 0,
    storage_bytes   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, hour)
);

-- The agents that acted in a tenant's hour: active seats are the distinct agents of a period.
CREATE TABLE IF NOT EXISTS tg_usage_seats (
    tenant_id text        NOT NULL,
    hour      timestamptz NOT NULL,
    agent_id  text        NOT NULL,
    PRIMARY KEY (tenant_id, hour, agent_id)
);

-- Per tenant, the last event counted, in the pipeline's order (tx_id, position). Moved in the same transaction as the
-- counts, so a page the pipeline delivers again (its checkpoint trails by up to 250 ms) is skipped, not counted twice.
CREATE TABLE IF NOT EXISTS tg_usage_high_water (
    tenant_id text   NOT NULL,
    tx_id     xid8   NOT NULL,
    position  bigint NOT NULL,
    PRIMARY KEY (tenant_id)
);
