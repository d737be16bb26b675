-- Replies to channel customers (docs/decisions/0016-outbound-replies.md).

-- One row per public reply on a ticket a channel message reached: written by the channel-replies pipeline subscriber
-- before its checkpoint moves past the reply's MessageAdded (a page handled again adds nothing), then sent and retried
-- by the silos' reply dispatchers. A dispatcher takes a row by setting lease_id / lease_until, so one process at a time
-- sends it; a lease left by a dead process runs out. The text and the recipient are not here: they stay sealed in the
-- event log (the reply's MessageAdded, the customer's InboundMessageReceived) and are opened only to send.
CREATE TABLE IF NOT EXISTS tg_outbound_messages (
    tenant_id           text        NOT NULL,
    message_id          uuid        NOT NULL,
    ticket_id           uuid        NOT NULL,
    ticket_version      integer     NOT NULL,
    customer_id         uuid        NOT NULL,
    channel_id          uuid        NOT NULL,
    inbound_stream      text        NOT NULL,
    position            bigint      NOT NULL,
    state               text        NOT NULL DEFAULT 'queued',
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    lease_id            uuid        NULL,
    lease_until         timestamptz NULL,
    platform_message_id text        NULL,
    reason              text        NULL,
    created_at          timestamptz NOT NULL,
    sent_at             timestamptz NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id)
);

CREATE INDEX IF NOT EXISTS tg_outbound_messages_ticket ON tg_outbound_messages (tenant_id, ticket_id);
CREATE INDEX IF NOT EXISTS tg_outbound_messages_due ON tg_outbound_messages (next_attempt_at) WHERE state = 'queued';
