-- Macros and canned replies of a tenant (docs/decisions/0025-workbench-second-part.md): a reply text an agent
-- puts in the reply box with one choice, and optionally the status the ticket takes when it is sent. Shop text, not
-- personal data. Keyed by tenant like every table of tenant data.
CREATE TABLE IF NOT EXISTS tg_macros (
    tenant_id  text        NOT NULL,
    macro_id   text        NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    status     text        NULL,
    internal   boolean     NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, macro_id)
);
