-- Outbound webhooks (docs/decisions/0008-webhook-delivery.md).

-- A tenant's subscriptions. The signing secret is sealed (AES-256-GCM) under the master key named in master_key_id,
-- bound to the tenant and webhook id; it is shown to the caller once and never stored in clear.
CREATE TABLE IF NOT EXISTS tg_webhooks (
    tenant_id       text        NOT NULL,
    webhook_id      uuid        NOT NULL,
    url             text        NOT NULL,
    events          text[]      NOT NULL,
    sealed_secret   bytea       NOT NULL,
    master_key_id   text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    disabled_reason text        NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, webhook_id)
);

CREATE INDEX IF NOT EXISTS tg_webhooks_enabled ON tg_webhooks (tenant_id) WHERE enabled;

-- The durable outbox: one row per (webhook, event), written by the pipeline subscriber before its checkpoint moves,
-- delivered in seq order per webhook (so in order per ticket). Kept as the delivery log after delivery.
CREATE TABLE IF NOT EXISTS tg_webhook_deliveries (
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id       text        NOT NULL,
    webhook_id      uuid        NOT NULL,
    position        bigint      NOT NULL,
    message_id      text        NOT NULL,
    event_type      text        NOT NULL,
    ticket_id       uuid        NOT NULL,
    payload         text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer     NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz NULL,
    PRIMARY KEY (tenant_id, webhook_id, position)
);

CREATE INDEX IF NOT EXISTS tg_webhook_deliveries_log ON tg_webhook_deliveries (tenant_id, webhook_id, seq);
CREATE INDEX IF NOT EXISTS tg_webhook_deliveries_pending ON tg_webhook_deliveries (next_attempt_at) WHERE state = 'pending';
