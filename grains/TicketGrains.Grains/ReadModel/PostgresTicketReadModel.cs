using System.Text;
using Npgsql;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.ReadModel;

/// <summary>Read-model queries on tg_tickets.</summary>
public sealed class PostgresTicketReadModel(NpgsqlDataSource dataSource) : ITicketReadModel
{
    private const string Columns =
        "ticket_id, status, category, priority, queue, customer_id, assignee, channel, subject, created_at, updated_at, sla_due_at, version";

    /// <summary>
    /// The queue's order in SQL: a rebuild limited to the first rows must get the most urgent ones, not the oldest.
    /// Built from <see cref="TicketCatalog.Priorities"/>, so it ranks exactly as <see cref="TicketCatalog.PriorityRank"/>.
    /// </summary>
    private static readonly string PriorityRankSql =
        "CASE priority " + string.Concat(TicketCatalog.Priorities.Select((p, rank) => $"WHEN '{p}' THEN {rank} ")) +
        $"ELSE {TicketCatalog.PriorityRank(TicketCatalog.DefaultPriority)} END";

    public Task<TicketPage> ListAsync(TicketQuery query) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM tg_tickets WHERE tenant_id = @tenant");
        command.Parameters.AddWithValue("tenant", query.TenantId);
        AddFilter(command, sql, "status", query.Status);
        AddFilter(command, sql, "queue", query.Queue);
        AddFilter(command, sql, "category", query.Category);
        AddFilter(command, sql, "assignee", query.Assignee);
        if (query.CustomerId is { } customer)
        {
            sql.Append(" AND customer_id = @customer");
            command.Parameters.AddWithValue("customer", customer);
        }

        if (query.SlaDueBefore is { } due)
        {
            sql.Append(" AND sla_due_at <= @sla_due");
            command.Parameters.AddWithValue("sla_due", due.UtcDateTime);
        }

        if (query.After is { } after)
        {
            sql.Append(" AND (created_at, ticket_id) > (@after_at, @after_id)");
            command.Parameters.AddWithValue("after_at", after.CreatedAt.UtcDateTime);
            command.Parameters.AddWithValue("after_id", after.TicketId);
        }

        // One extra row tells whether another page exists without a COUNT.
        sql.Append(" ORDER BY created_at, ticket_id LIMIT @limit");
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        command.CommandText = sql.ToString();
        var items = await ReadSummariesAsync(command);
        if (items.Count <= query.Limit)
        {
            return new TicketPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1].Row;
        return new TicketPage(items, new TicketCursor(last.CreatedAt, last.TicketId).Encode());
    });

    /// <summary>A queue's waiting tickets in queue order ($1 tenant, $2 queue, $3 limit); the status and assignee test is
    /// the predicate of the index tg_tickets_waiting, word for word, so the planner can use it.</summary>
    internal static readonly string WaitingInQueueSql =
        "SELECT ticket_id, priority, created_at, channel, sla_due_at, version, tier, skills, skipped_agents FROM tg_tickets " +
        "WHERE tenant_id = $1 AND queue = $2 " +
        $"AND status IN ('new', 'open') AND assignee IS NULL ORDER BY {PriorityRankSql} DESC, created_at, ticket_id LIMIT $3";

    public Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand(WaitingInQueueSql);
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(queue);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync();
        var waiting = new List<QueuedTicket>();
        while (await reader.ReadAsync())
        {
            waiting.Add(new QueuedTicket(reader.GetGuid(0), TicketCatalog.PriorityRank(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2))
            {
                Channel = reader.GetString(3),
                SlaDueAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                Version = reader.GetInt32(5),
                TierRank = CustomerTiers.Rank(reader.IsDBNull(6) ? null : reader.GetString(6)),
                Skills = reader.GetFieldValue<string[]>(7),
                SkippedAgents = reader.GetFieldValue<string[]>(8),
            });
        }

        return (IReadOnlyList<QueuedTicket>)waiting;
    });

    public Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ticket_id, channel FROM tg_tickets WHERE tenant_id = $1 AND assignee = $2 AND status IN ('new', 'open')");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(agentId);
        await using var reader = await command.ExecuteReaderAsync();
        var held = new List<HeldTicket>();
        while (await reader.ReadAsync())
        {
            held.Add(new HeldTicket(reader.GetGuid(0), reader.GetString(1)));
        }

        return (IReadOnlyList<HeldTicket>)held;
    });

    public Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId) => StorageErrors.Guard(() => ReadIdsAsync(
        "SELECT ticket_id FROM tg_tickets WHERE tenant_id = $1 AND customer_id = $2 AND status NOT IN ('solved', 'closed') ORDER BY created_at",
        tenantId, customerId));

    public Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit) => StorageErrors.Guard(async () =>
    {
        // Without a position, (1970-01-01, nil uuid) sorts before every deadline this product ever set.
        await using var command = dataSource.CreateCommand(
            "SELECT sla_due_at, ticket_id FROM tg_tickets WHERE tenant_id = $1 AND sla_due_at <= $2 " +
            "AND (sla_due_at, ticket_id) > ($3, $4) ORDER BY sla_due_at, ticket_id LIMIT $5");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(until.UtcDateTime);
        command.Parameters.AddWithValue(after is { } a ? a.Due.UtcDateTime : DateTime.UnixEpoch);
        command.Parameters.AddWithValue(after?.TicketId ?? Guid.Empty);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync();
        var due = new List<SlaDue>();
        while (await reader.ReadAsync())
        {
            due.Add(new SlaDue(reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1)));
        }

        return (IReadOnlyList<SlaDue>)due;
    });

    public Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit) => StorageErrors.Guard(() => ReadIdsAsync(
        "SELECT ticket_id FROM tg_tickets WHERE tenant_id = $1 AND claim_due_at <= $2 AND ticket_id > $3 ORDER BY ticket_id LIMIT $4",
        tenantId, until.UtcDateTime, after, limit));

    private async Task<IReadOnlyList<Guid>> ReadIdsAsync(string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static void AddFilter(NpgsqlCommand command, StringBuilder sql, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(column);
            command.Parameters.AddWithValue(column, value);
        }
    }

    private static async Task<List<TicketSummary>> ReadSummariesAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<TicketSummary>();
        while (await reader.ReadAsync())
        {
            var row = new TicketRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
            items.Add(new TicketSummary(reader.GetInt32(12), row));
        }

        return items;
    }
}
