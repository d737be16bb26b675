-- Order-system events (POST /api/v1/order-events, docs/decisions/0008-webhook-delivery.md).

-- Which tickets carry an order number (their `orderNo` field). The event log's batch statement writes a ticket's row
-- together with the TicketCreated that carries the number: both exist or neither does. (Rows written by earlier
-- versions, before the append, may point at a ticket whose create failed; an order event skips those.)
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
