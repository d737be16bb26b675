-- A tenant's SLA policies and calendars (PUT /api/v1/sla-policies/{name}, /api/v1/calendars/{name}): every version of
-- every document is kept; the current one is the highest version. The tenant's SlaPolicyGrain reads them once per
-- activation and is the only writer, so a PUT is one insert of the next version.
CREATE TABLE IF NOT EXISTS tg_sla_documents (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('sla-policy', 'calendar')),
    name       text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    body       jsonb       NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, name, version)
);
