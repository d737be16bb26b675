-- Usage plans and quota warnings (docs/decisions/0022-metering-and-quotas.md).

-- A tenant's plan, replaced in place by its admins; a tenant without a row has the default plan (no limits).
CREATE TABLE IF NOT EXISTS tg_usage_plans (
    tenant_id  text        NOT NULL,
    plan       jsonb       NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- One row per soft quota reached per period: the key makes the warning happen once however many front ends see it.
CREATE TABLE IF NOT EXISTS tg_usage_warnings (
    tenant_id    text        NOT NULL,
    quota        text        NOT NULL,
    period_start timestamptz NOT NULL,
    used         bigint      NOT NULL,
    quota_limit  bigint      NOT NULL,
    warned_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, quota, period_start)
);
