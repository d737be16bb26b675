-- What the application role (the role silos and API front ends connect as) may do; it runs last, after every table
-- exists. The migration runs as the owner of the schema; the application role owns nothing, so it can neither
-- alter, drop nor disable the triggers of anything here, and it gets exactly the privileges its statements need.
-- The migrator names the role in the setting ticketgrains.application_role (Migration:ApplicationRole). Privileges
-- are revoked and granted afresh on every run, so this file is the whole list: a new table needs its line here.
DO $$
DECLARE
    app text := current_setting('ticketgrains.application_role');
    owned text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'the application role "%" does not exist', app
            USING HINT = 'Create it first (CREATE ROLE ... LOGIN PASSWORD ...; no other attribute): deploy/local/postgres.sh does locally.';
    END IF;
    IF app = current_user OR pg_has_role(app, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'the application role "%" is, or is a member of, the migrating owner role "%"', app, current_user
            USING HINT = 'Silos and front ends must connect as a role that owns nothing: migrate as the owner role, run as another.';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = app AND (rolsuper OR rolcreaterole OR rolbypassrls)) THEN
        RAISE EXCEPTION 'the application role "%" is a superuser or has CREATEROLE or BYPASSRLS', app
            USING HINT = 'Any of these lets it make itself the owner; ALTER ROLE ... NOSUPERUSER NOCREATEROLE NOBYPASSRLS.';
    END IF;
    SELECT string_agg(c.relname, ', ') INTO owned
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = app;
    IF owned IS NOT NULL THEN
        RAISE EXCEPTION 'the application role "%" owns %', app, owned
            USING HINT = 'A database made before the roles were split: REASSIGN OWNED BY <application role> TO <owner role> (as either), then migrate again.';
    END IF;

    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM PUBLIC, %I', app);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);

    -- Orleans: the query catalogue is read-only; membership and reminders are rewritten and cleaned up by the silos;
    -- grain state is written in place (a cleared grain keeps its row).
    EXECUTE format('GRANT SELECT ON orleansquery TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON orleansmembershipversiontable, orleansmembershiptable, orleansreminderstable TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON orleansstorage TO %I', app);

    -- Append-only: the event log and the audit log are only ever added to.
    EXECUTE format('GRANT SELECT, INSERT ON tg_events, tg_audit_log TO %I', app);
    -- The event log's stream-version keys (0760_event_partitions.sql), taken before each event goes in; and the one
    -- piece of DDL a silo may ask for: the event log's next partitions (a security-definer function).
    EXECUTE format('GRANT SELECT, INSERT ON tg_event_versions TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION tg_extend_event_partitions(integer, bigint) TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION tg_identity_key_holders(text, text[], text[], integer, uuid, timestamptz), tg_identity_keys_any_of_kind(text, uuid[], text) TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION tg_event_headers_after(xid8, bigint, integer), tg_event_header_page(xid8, bigint, integer) TO %I', app);
    -- Rule and template documents keep every version: a change is a new row.
    EXECUTE format('GRANT SELECT, INSERT ON tg_rule_documents TO %I', app);
    -- Upserted in place: snapshots, the read model, custom roles, API keys (revocation), an audit chain's head
    -- (locked FOR UPDATE while a batch appends), lookup keys and customer keys (re-wrapped, erased).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_snapshots, tg_tickets, tg_roles, tg_api_keys, tg_audit_heads, '
        'tg_lookup_keys, tg_customer_keys TO %I', app);
    -- The committed-event pipeline's checkpoints: one row per subscriber, created once and moved forward in place.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_subscriptions TO %I', app);
    -- SLA policies and calendars: each PUT adds a version; history is never rewritten.
    EXECUTE format('GRANT SELECT, INSERT ON tg_sla_documents TO %I', app);
    -- Time rules' due rows are replaced when a ticket changes status and deleted once run.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tg_time_rule_due TO %I', app);
    -- Order events: the order-number index and the received events are only added to.
    EXECUTE format('GRANT SELECT, INSERT ON tg_order_tickets, tg_order_events TO %I', app);
    -- Webhooks: subscriptions are deleted by their tenant and disabled in place; deliveries are updated per attempt.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tg_webhooks, tg_webhook_deliveries TO %I', app);
    -- Channels are changed and deleted by their tenant; pull cursors move forward in place and go with their channel.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tg_channels, tg_channel_cursors TO %I', app);
    -- Replies to channel customers: queued by the pipeline, updated in place per attempt.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_outbound_messages TO %I', app);
    -- Identity resolution: the strong keys customers gave (keyed hashes) and the link proposals are only added to.
    EXECUTE format('GRANT SELECT, INSERT ON tg_identity_keys, tg_link_proposals TO %I', app);
    -- Web channel replies kept for the visitor's widget: only added to.
    EXECUTE format('GRANT SELECT, INSERT ON tg_web_conversation TO %I', app);
    -- Metering: hourly counts and the high-water key are added to and moved in place; seats are only added to.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_usage_hours, tg_usage_high_water TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON tg_usage_seats TO %I', app);
    -- Plans are replaced in place by their tenant; a quota warning is written once per period.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_usage_plans TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON tg_usage_warnings TO %I', app);
    -- Surges: detectors and high-water keys move in place, surges end in place, incidents are marked handled, notices
    -- are only added to, settings replaced by their tenant.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_surge_detectors, tg_surge_high_water, tg_surges, tg_surge_incidents, tg_surge_settings TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON tg_surge_notices TO %I', app);
    -- Attachments are stored once and deleted with their customer (an erasure).
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON tg_attachments TO %I', app);
    -- Channel media to fetch: taken, retried and finished in place.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tg_attachment_fetches TO %I', app);
    -- A tenant key rotation deletes the versions it replaced.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tg_tenant_keys TO %I', app);
    -- The supervisor console's list of agents (0830_agent_roster.sql).
    EXECUTE format('GRANT SELECT, INSERT ON tg_agent_roster TO %I', app);
    -- Macros and canned replies, replaced and deleted by supervisors (0851_macros.sql).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tg_macros TO %I', app);

    IF has_schema_privilege(app, 'public', 'CREATE') THEN
        RAISE EXCEPTION 'the application role "%" can still create objects in schema public', app
            USING HINT = 'Migrate as the owner of the database (it owns schema public on PostgreSQL 15), or revoke CREATE there yourself.';
    END IF;
END
$$;
