-- What a queue orders and matches a waiting ticket by beyond its priority and arrival: the customer's tier when the
-- ticket was opened, the skills its routing decision asked for, and the agents who declined or let lapse an offer of
-- it. A queue grain that is rebuilt (a new activation, a lost silo) reads its waiting tickets from here, so without
-- these a rebuilt queue put a VIP behind others and handed skilled tickets to any agent.
-- Rows written before these columns existed read as no tier, no skills and nobody skipped until their ticket next
-- changes (or `rebuild-read-model` runs).
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS tier text NULL;
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS skills text[] NOT NULL DEFAULT '{}';
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS skipped_agents text[] NOT NULL DEFAULT '{}';

-- The rebuild's read of a queue's waiting tickets (PostgresTicketReadModel.WaitingInQueueAsync). With only
-- tg_tickets_by_queue, a tenant younger than the table's last ANALYZE got a plan that walked tg_tickets_by_status on
-- tenant_id alone and filtered queue, status and assignee row by row: every ticket of the tenant, 5-60 ms for a queue
-- with none waiting (the pull bench's 12 empty queues re-read every 2 s, 2026-12-05). Here the rows are exactly the
-- waiting ones, so this index is the small and obvious choice whatever the statistics know of the tenant.
CREATE INDEX IF NOT EXISTS tg_tickets_waiting ON tg_tickets (tenant_id, queue) WHERE status IN ('new', 'open') AND assignee IS NULL;
