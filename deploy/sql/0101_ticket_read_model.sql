-- Read model for listing, queue rebuilds and SLA sweeps. It is a projection of tg_events: each row
-- is written in the same statement as the event that produced it and can be rebuilt from zero
-- (`TicketGrains.Silo.dll rebuild-read-model`, deploy/local/rebuild-read-model.sh).
CREATE TABLE IF NOT EXISTS tg_tickets (
    tenant_id   text        NOT NULL,
    ticket_id   uuid        NOT NULL,
    version     integer     NOT NULL,
    status      text        NOT NULL,
    category    text        NOT NULL,
    priority    text        NOT NULL,
    queue       text        NOT NULL,
    customer_id uuid        NOT NULL,
    assignee    text        NULL,
    channel     text        NOT NULL,
    subject     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    sla_due_at  timestamptz NULL,
    PRIMARY KEY (tenant_id, ticket_id)
);

CREATE INDEX IF NOT EXISTS tg_tickets_by_created ON tg_tickets (tenant_id, created_at, ticket_id);
CREATE INDEX IF NOT EXISTS tg_tickets_by_queue ON tg_tickets (tenant_id, queue, status);
-- A customer's tickets in creation order (the threading decision of every inbound message asks for the open ones):
-- with created_at in the index no plan is tempted to walk the tenant's tickets by tg_tickets_by_created instead, as
-- plans made while the table was still new and unanalysed did, reading every ticket of the tenant per message.
CREATE INDEX IF NOT EXISTS tg_tickets_by_customer_created ON tg_tickets (tenant_id, customer_id, created_at);
DROP INDEX IF EXISTS tg_tickets_by_customer;
CREATE INDEX IF NOT EXISTS tg_tickets_sla_due ON tg_tickets (tenant_id, sla_due_at) WHERE sla_due_at IS NOT NULL;
