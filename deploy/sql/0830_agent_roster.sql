-- The agents a tenant has (docs/decisions/0021-workbench.md): an agent grain keeps its settings in Orleans' storage,
-- keyed by tenant and agent, which no query can list by tenant. A row here is written when an agent is defined or
-- sets its presence or queues, so the supervisor console can list every agent (GET /api/v1/agents) and ask each
-- grain for its presence and load. An agent id is not personal data beyond the name the tenant chose for it.
CREATE TABLE IF NOT EXISTS tg_agent_roster (
    tenant_id  text        NOT NULL,
    agent_id   text        NOT NULL,
    first_seen timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);
