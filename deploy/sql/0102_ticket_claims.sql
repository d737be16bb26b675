-- Hand-out of pulled tickets (docs/architecture.md, "Queues and pulling"). While the agent a pull handed a
-- ticket to has not acknowledged it, claim_due_at holds when the claim goes back to the queue: the tenant's
-- sweep finds it here after the ticket's own timer was lost with its activation or its silo.
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS claim_due_at timestamptz NULL;

CREATE INDEX IF NOT EXISTS tg_tickets_claim_due ON tg_tickets (tenant_id, claim_due_at) WHERE claim_due_at IS NOT NULL;

-- An agent lists its tickets (GET /api/v1/tickets?assignee=), keyset-paged like every listing.
CREATE INDEX IF NOT EXISTS tg_tickets_by_assignee ON tg_tickets (tenant_id, assignee, created_at, ticket_id) WHERE assignee IS NOT NULL;
