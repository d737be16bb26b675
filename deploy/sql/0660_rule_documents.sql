-- Per-tenant rule and template documents (docs/decisions/0009-rule-documents.md). Every PUT adds a version; the
-- highest version of (tenant, kind, id) is the current one and the others are its history, never rewritten.
-- kind 'rule' is a routing, event or time rule; 'template' a scenario template; 'applied' records which template a
-- tenant applied last (id 'current'), for the next apply to know whose rules to retire.
CREATE TABLE IF NOT EXISTS tg_rule_documents (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL,
    id         text        NOT NULL,
    version    integer     NOT NULL,
    document   text        NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, id, version)
);
