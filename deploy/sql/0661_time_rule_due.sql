-- When each ticket's time rules fall due (docs/decisions/0009-rule-documents.md). Written by the triggers subscriber
-- when a ticket enters a status a time rule watches (replacing the ticket's earlier rows), read by the tenant's
-- time-rule clock, which holds the next due time in a grain timer, and deleted once the rule has run. Only tickets in a
-- watched status have rows, and a row outlives a silo, so the clock of a restarted silo picks up where it was.
CREATE TABLE IF NOT EXISTS tg_time_rule_due (
    tenant_id text        NOT NULL,
    ticket_id uuid        NOT NULL,
    rule_id   text        NOT NULL,
    since     timestamptz NOT NULL,
    due_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, rule_id)
);

CREATE INDEX IF NOT EXISTS tg_time_rule_due_by_due ON tg_time_rule_due (tenant_id, due_at);
