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
/// Parameters are positional ($1 …) and added in the order of their numbers: with names, Npgsql parses and rewrites this
/// long text on every batch (about 2 % of the silo's allocations under creates, 2026-12-04); with positions it sends it
/// as it is.
/// </summary>
internal static class BatchInsertCommand
{
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest($1, $2, $3, $4, $5) WITH ORDINALITY
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
            FROM unnest($6, $7, $8, $9, $10, $11, $12,
                        $13, $14, $15, $16, $17, $18, $19, $20, $21, $27, $28, $29)
                AS r(tenant_id, stream_id, version, ticket_id, status, category, priority, queue, customer_id,
                     assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at, tier, skills, skipped_agents)
            JOIN inserted i ON i.tenant_id = r.tenant_id AND i.stream_id = r.stream_id AND i.version = r.version
            ORDER BY r.tenant_id, r.ticket_id, r.version DESC
        ), projected AS (
            INSERT INTO tg_tickets (tenant_id, ticket_id, version, status, category, priority, queue, customer_id,
                                    assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at,
                                    tier, skills, skipped_agents)
            SELECT tenant_id, ticket_id, version, status, category, priority, queue, customer_id,
                   assignee, channel, subject, created_at, updated_at, sla_due_at, claim_due_at,
                   tier, string_to_array(skills, ' '), string_to_array(skipped_agents, ' ') FROM rows
            ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET
                version = EXCLUDED.version, status = EXCLUDED.status, category = EXCLUDED.category,
                priority = EXCLUDED.priority, queue = EXCLUDED.queue, assignee = EXCLUDED.assignee,
                updated_at = EXCLUDED.updated_at, sla_due_at = EXCLUDED.sla_due_at, claim_due_at = EXCLUDED.claim_due_at,
                tier = EXCLUDED.tier, skills = EXCLUDED.skills, skipped_agents = EXCLUDED.skipped_agents
            WHERE tg_tickets.version < EXCLUDED.version
        ), filed AS (
            INSERT INTO tg_order_tickets (tenant_id, order_no, ticket_id)
            SELECT o.tenant_id, o.order_no, o.ticket_id
            FROM unnest($22, $23, $24, $25, $26)
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
        p.Add(Positional(NpgsqlDbType.Text, tenant)); // $1-$5: the events
        p.Add(Positional(NpgsqlDbType.Text, stream));
        p.Add(Positional(NpgsqlDbType.Integer, version));
        p.Add(Positional(NpgsqlDbType.Text, type));
        p.Add(Positional(NpgsqlDbType.Jsonb, data));
        AddRowParameters(p, rows); // $6-$21
        Add(p, NpgsqlDbType.Text, filed, r => r.TenantId); // $22-$26: the order-number index entries
        Add(p, NpgsqlDbType.Text, filed, r => r.StreamId);
        Add(p, NpgsqlDbType.Integer, filed, r => r.Version);
        Add(p, NpgsqlDbType.Text, filed, r => r.OrderNo!);
        Add(p, NpgsqlDbType.Uuid, filed, r => r.Row!.TicketId);
        AddQueueTraitParameters(p, rows); // $27-$29
        return command;
    }

    /// <summary>The read-model rows, in the order of the <c>r</c> columns of the statement.</summary>
    private static void AddRowParameters(NpgsqlParameterCollection p, List<AppendRequest> rows)
    {
        Add(p, NpgsqlDbType.Text, rows, r => r.TenantId);
        Add(p, NpgsqlDbType.Text, rows, r => r.StreamId);
        Add(p, NpgsqlDbType.Integer, rows, r => r.Version);
        Add(p, NpgsqlDbType.Uuid, rows, r => r.Row!.TicketId);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Status);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Category);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Priority);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Queue);
        Add(p, NpgsqlDbType.Uuid, rows, r => r.Row!.CustomerId);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Assignee);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Channel);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Subject);
        Add(p, NpgsqlDbType.TimestampTz, rows, r => r.Row!.CreatedAt.UtcDateTime);
        Add(p, NpgsqlDbType.TimestampTz, rows, r => r.Row!.UpdatedAt.UtcDateTime);
        Add(p, NpgsqlDbType.TimestampTz, rows, r => r.Row!.SlaDueAt?.UtcDateTime);
        Add(p, NpgsqlDbType.TimestampTz, rows, r => r.Row!.ClaimDueAt?.UtcDateTime);
    }

    /// <summary>
    /// The rows' tier, skills and skipped agents. A list per row cannot travel in unnest's parallel arrays (PostgreSQL
    /// arrays are rectangular), so each list goes as the row's space-joined text, split back by the statement (an
    /// empty text splits to an empty array).
    /// </summary>
    private static void AddQueueTraitParameters(NpgsqlParameterCollection p, List<AppendRequest> rows)
    {
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Tier);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.Skills);
        Add(p, NpgsqlDbType.Text, rows, r => r.Row!.SkippedAgents);
    }

    private static void Add<T>(NpgsqlParameterCollection p, NpgsqlDbType type, List<AppendRequest> rows, Func<AppendRequest, T> pick)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = pick(rows[i]);
        }

        p.Add(Positional(type, values));
    }

    private static NpgsqlParameter<T[]> Positional<T>(NpgsqlDbType elementType, T[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, TypedValue = values };
}
