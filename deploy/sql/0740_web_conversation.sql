-- The web channel's replies to visitors (docs/decisions/0017-web-widget.md).

-- An agent's reply to a visitor of a web channel (chat widget or web form), kept for the visitor's widget to show: the
-- web channel's "send" is this row. The body is sealed with the customer's data key, so erasing the customer erases
-- it; the visitor id is a random id the server issued, not personal data. One row per outbound message: a retried
-- send finds its row and stores nothing.
CREATE TABLE IF NOT EXISTS tg_web_conversation (
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id   text        NOT NULL,
    channel_id  uuid        NOT NULL,
    message_id  uuid        NOT NULL,
    visitor_id  text        NOT NULL,
    ticket_id   uuid        NOT NULL,
    customer_id uuid        NOT NULL,
    body        text        NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel_id, message_id)
);

CREATE INDEX IF NOT EXISTS tg_web_conversation_visitor ON tg_web_conversation (tenant_id, channel_id, visitor_id, position);
