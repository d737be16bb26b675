-- Order-system events (POST /api/v1/order-events, docs/decisions/0008-webhook-delivery.md).

-- Which tickets carry an order number (their `orderNo` field). A ticket grain writes its row before it appends the
-- TicketCreated that carries the number, so no ticket lacks its row; a row whose create then failed points at a
-- ticket that does not exist and is skipped when an event arrives.
CREATE TABLE IF NOT EXISTS tg_order_tickets (
    tenant_id  text        NOT NULL,
    order_no   text        NOT NULL,
    ticket_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, order_no, ticket_id)
);

-- Every order event received, by its eventId: a repeat with the same body answers as the first did (the tickets
-- found then), one with another body is refused with 409.
CREATE TABLE IF NOT EXISTS tg_order_events (
    tenant_id    text        NOT NULL,
    event_id     text        NOT NULL,
    request_hash text        NOT NULL,
    event_type   text        NOT NULL,
    order_no     text        NOT NULL,
    ticket_ids   uuid[]      NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);
