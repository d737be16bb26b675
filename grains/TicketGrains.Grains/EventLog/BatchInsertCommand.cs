using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Builds the one statement that commits a whole batch: the events (skipping versions that already
/// exist, which are reported as conflicts) and, for the events that went in, their read-model rows and
/// order-number index entries. The stream-version key lives in tg_event_versions and is claimed first: the
/// partitioned tg_events can only have unique keys that contain its position (0760_event_partitions.sql).
/// A row's subject is written once, with the ticket's creation: it is the subject as sealed in TicketCreated,
/// so the row is exactly what a rebuild from the log produces (ReadModel/ReadModelRebuild).
/// </summary>
internal static class BatchInsertCommand
{
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@tenant, @stream, @version, @type, @data) WITH ORDINALITY
                AS i(tenant_id, stream_id, version, event_type, data, ord)
        ), claimed AS (
            INSERT INTO tg_event_versions (tenant_id, stream_id, version)
            SELECT tenant_id, stream_id, version FROM input
            ON CONFLICT DO NOTHING
            RETURNING tenant_id, stream_id, version
        ), inserted AS (
            INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data)
            SELECT i.tenant_id, i.stream_id, i.version, i.event_type, i.data
            FROM input i JOIN claimed c ON c.tenant_id = i.tenant_id AND c.stream_id = i.stream_id AND c.version = i.version
            ORDER BY i.ord
            RETURNING tenant_id, stream_id, version
        ), rows AS (
            SELECT DISTINCT ON (r.tenant_id, r.ticket_id) r.*
            FROM unnest(@r_tenant, @r_stream, @r_version, @r_ticket, @r_status, @r_category, @r_priority,
                        @r_queue, @r_customer, @r_assignee, @r_channel, @r_subject, @r_created, @r_updated, @r_sla, @r_claim)
                AS r(tenant_id, stream_id, version, ticket_id, status, category, priority, queue, customer_id,
                     assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at)
            JOIN inserted i ON i.tenant_id = r.tenant_id AND i.stream_id = r.stream_id AND i.version = r.version
            ORDER BY r.tenant_id, r.ticket_id, r.version DESC
        ), projected AS (
            INSERT INTO tg_tickets (tenant_id, ticket_id, version, status, category, priority, queue, customer_id,
                                    assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at)
            SELECT tenant_id, ticket_id, version, status, category, priority, queue, customer_id,
                   assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at FROM rows
            ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, category = EXCLUDED.category,
                priority = EXCLUDED.priority, queue = EXCLUDED.queue, assignee = EXCLUDED.assignee,
                updated_at = EXCLUDED.updated_at, sla_due_at = EXCLUDED.sla_due_at, claim_due_at = EXCLUDED.claim_due_at
            WHERE tg_tickets.version < EXCLUDED.version
        ), filed AS (
            INSERT INTO tg_order_tickets (tenant_id, order_no, ticket_id)
            SELECT o.tenant_id, o.order_no, o.ticket_id
            FROM unnest(@o_tenant, @o_stream, @o_version, @o_order, @o_ticket)
                AS o(tenant_id, stream_id, version, order_no, ticket_id)
            JOIN inserted i ON i.tenant_id = o.tenant_id AND i.stream_id = o.stream_id AND i.version = o.version
            ON CONFLICT DO NOTHING
        )
        SELECT tenant_id, stream_id, version FROM inserted
        """;

    public static NpgsqlCommand Build(NpgsqlConnection connection, IReadOnlyList<PendingAppend> batch)
    {
        var n = batch.Count;
        var tenant = new string[n];
        var stream = new string[n];
        var version = new int[n];
        var type = new string[n];
        var data = new string[n];
        var rows = new List<AppendRequest>(n);
        var filed = new List<AppendRequest>();
        for (var i = 0; i < n; i++)
        {
            var r = batch[i].Request;
            (tenant[i], stream[i], version[i], type[i], data[i]) = (r.TenantId, r.StreamId, r.Version, r.EventType, r.Json);
            if (r.Row is not null)
            {
                rows.Add(r);
                if (r.OrderNo is not null)
                {
                    filed.Add(r);
                }
            }
        }

        var command = new NpgsqlCommand(Sql, connection);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]>("tenant", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = tenant });
        p.Add(new NpgsqlParameter<string[]>("stream", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = stream });
        p.Add(new NpgsqlParameter<int[]>("version", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = version });
        p.Add(new NpgsqlParameter<string[]>("type", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = type });
        p.Add(new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { TypedValue = data });
        AddRowParameters(p, rows);
        Add(p, "o_tenant", NpgsqlDbType.Text, filed, r => r.TenantId);
        Add(p, "o_stream", NpgsqlDbType.Text, filed, r => r.StreamId);
        Add(p, "o_version", NpgsqlDbType.Integer, filed, r => r.Version);
        Add(p, "o_order", NpgsqlDbType.Text, filed, r => r.OrderNo!);
        Add(p, "o_ticket", NpgsqlDbType.Uuid, filed, r => r.Row!.TicketId);
        return command;
    }

    private static void AddRowParameters(NpgsqlParameterCollection p, List<AppendRequest> rows)
    {
        Add(p, "r_tenant", NpgsqlDbType.Text, rows, r => r.TenantId);
        Add(p, "r_stream", NpgsqlDbType.Text, rows, r => r.StreamId);
        Add(p, "r_version", NpgsqlDbType.Integer, rows, r => r.Version);
        Add(p, "r_ticket", NpgsqlDbType.Uuid, rows, r => r.Row!.TicketId);
        Add(p, "r_status", NpgsqlDbType.Text, rows, r => r.Row!.Status);
        Add(p, "r_category", NpgsqlDbType.Text, rows, r => r.Row!.Category);
        Add(p, "r_priority", NpgsqlDbType.Text, rows, r => r.Row!.Priority);
        Add(p, "r_queue", NpgsqlDbType.Text, rows, r => r.Row!.Queue);
        Add(p, "r_customer", NpgsqlDbType.Uuid, rows, r => r.Row!.CustomerId);
        Add(p, "r_assignee", NpgsqlDbType.Text, rows, r => r.Row!.Assignee);
        Add(p, "r_channel", NpgsqlDbType.Text, rows, r => r.Row!.Channel);
        Add(p, "r_subject", NpgsqlDbType.Text, rows, r => r.Row!.Subject);
        Add(p, "r_created", NpgsqlDbType.TimestampTz, rows, r => r.Row!.CreatedAt.UtcDateTime);
        Add(p, "r_updated", NpgsqlDbType.TimestampTz, rows, r => r.Row!.UpdatedAt.UtcDateTime);
        Add(p, "r_sla", NpgsqlDbType.TimestampTz, rows, r => r.Row!.SlaDueAt?.UtcDateTime);
        Add(p, "r_claim", NpgsqlDbType.TimestampTz, rows, r => r.Row!.ClaimDueAt?.UtcDateTime);
    }

    private static void Add<T>(NpgsqlParameterCollection p, string name, NpgsqlDbType type, List<AppendRequest> rows, Func<AppendRequest, T> pick)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = pick(rows[i]);
        }

        p.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });
    }
}
