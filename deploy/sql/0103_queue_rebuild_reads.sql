-- What a queue orders and matches a waiting ticket by beyond its priority and arrival: the customer's tier when the
-- ticket was opened, the skills its routing decision asked for, and the agents who declined or let lapse an offer of
-- it. A queue grain that is rebuilt (a new activation, a lost silo) reads its waiting tickets from here, so without
-- these a rebuilt queue put a VIP behind others and handed skilled tickets to any agent.
-- Rows written before these columns existed read as no tier, no skills and nobody skipped until their ticket next
-- changes (or `rebuild-read-model` runs).
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS tier text NULL;
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS skills text[] NOT NULL DEFAULT '{}';
ALTER TABLE tg_tickets ADD COLUMN IF NOT EXISTS skipped_agents text[] NOT NULL DEFAULT '{}';
