-- Surge detection: per tenant and category, new tickets against a baseline with time-of-day seasonality
-- (docs/decisions/0024-surge-detection.md).

-- The detector of one tenant's category (baseline, window, surge in progress) as JSON, saved after each page.
CREATE TABLE IF NOT EXISTS tg_surge_detectors (
    tenant_id  text        NOT NULL,
    category   text        NOT NULL,
    state      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, category)
);

-- Per tenant, the last event the detectors counted, in the pipeline's order (tx_id, position). Moved in the same
-- transaction as the detectors, so a page the pipeline delivers again is skipped, not counted twice.
CREATE TABLE IF NOT EXISTS tg_surge_high_water (
    tenant_id text   NOT NULL,
    tx_id     xid8   NOT NULL,
    position  bigint NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- One row per surge: surge.detected, then surge.ended in place. announced/end_announced say whether its events are in
-- the log and its reactions done (the subscriber finishes them after a crash).
CREATE TABLE IF NOT EXISTS tg_surges (
    tenant_id         text             NOT NULL,
    surge_id          uuid             NOT NULL,
    category          text             NOT NULL,
    state             text             NOT NULL,
    started_at        timestamptz      NOT NULL,
    detected_at       timestamptz      NOT NULL,
    ended_at          timestamptz      NULL,
    window_count      integer          NOT NULL,
    expected          double precision NOT NULL,
    threshold         double precision NOT NULL,
    peak_count        integer          NOT NULL,
    problem_ticket_id uuid             NULL,
    surge_queue       text             NULL,
    announced         boolean          NOT NULL DEFAULT false,
    end_announced     boolean          NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, surge_id)
);

CREATE INDEX IF NOT EXISTS tg_surges_by_detected ON tg_surges (tenant_id, detected_at DESC, surge_id);
CREATE INDEX IF NOT EXISTS tg_surges_unfinished ON tg_surges (tenant_id) WHERE NOT announced OR (state = 'ended' AND NOT end_announced);

-- The tickets of a surge (its incidents); handled once the surge's reactions reached the ticket.
CREATE TABLE IF NOT EXISTS tg_surge_incidents (
    tenant_id   text        NOT NULL,
    surge_id    uuid        NOT NULL,
    ticket_id   uuid        NOT NULL,
    customer_id uuid        NOT NULL,
    has_order   boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    handled     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, surge_id, ticket_id)
);

CREATE INDEX IF NOT EXISTS tg_surge_incidents_unhandled ON tg_surge_incidents (tenant_id, surge_id) WHERE NOT handled;

-- One proactive notice per customer per surge: the key makes it once, on the ticket named here.
CREATE TABLE IF NOT EXISTS tg_surge_notices (
    tenant_id   text        NOT NULL,
    surge_id    uuid        NOT NULL,
    customer_id uuid        NOT NULL,
    ticket_id   uuid        NOT NULL,
    noticed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, surge_id, customer_id)
);

-- The shop's reactions to a surge, replaced in place by its supervisors; a tenant without a row has every reaction off.
CREATE TABLE IF NOT EXISTS tg_surge_settings (
    tenant_id  text        NOT NULL,
    settings   jsonb       NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);
