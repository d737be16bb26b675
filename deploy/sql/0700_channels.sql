-- Channels as configuration (docs/decisions/0010-inbound-channels.md).

-- A tenant's channels. The settings (platform tokens, AES keys, client secrets) are sealed (AES-256-GCM) under the
-- master key named in master_key_id, bound to the tenant and channel id; only their names are kept in clear. The
-- threading rule holds no secret and is read by the pipeline. A channel id is unique across tenants: the inbound
-- address /api/v1/channels/{id}/inbound names only it.
CREATE TABLE IF NOT EXISTS tg_channels (
    tenant_id       text        NOT NULL,
    channel_id      uuid        NOT NULL,
    type            text        NOT NULL,
    name            text        NOT NULL,
    sealed_settings bytea       NOT NULL,
    master_key_id   text        NOT NULL,
    setting_names   text[]      NOT NULL,
    threading       jsonb       NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel_id)
);

-- Inbound requests name the channel, not the tenant: looked up by id, with the tenant in the key (0750_tenant_keys.sql).
CREATE UNIQUE INDEX IF NOT EXISTS tg_channels_by_id ON tg_channels (channel_id, tenant_id);
CREATE INDEX IF NOT EXISTS tg_channels_type ON tg_channels (type);

-- Where a pull-type channel (WeCom sync_msg) has read up to, per account (open_kfid): moved only after the page
-- before it is stored in the event log.
CREATE TABLE IF NOT EXISTS tg_channel_cursors (
    tenant_id  text        NOT NULL,
    channel_id uuid        NOT NULL,
    account    text        NOT NULL,
    cursor     text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel_id, account)
);
