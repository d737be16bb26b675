using Npgsql;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Surges;

/// <summary>Surges, their incidents and notices in PostgreSQL: what the API lists and the reactions' bookkeeping.</summary>
public sealed class SurgeStore(NpgsqlDataSource database)
{
    private const string OwnColumns = """
        s.surge_id, s.category, s.state, s.started_at, s.detected_at, s.ended_at, s.window_count, s.expected, s.threshold, s.peak_count,
        s.problem_ticket_id, s.surge_queue, s.announced, s.end_announced
        """;

    private const string Columns = OwnColumns + """
        ,
        (SELECT count(*)::int FROM tg_surge_incidents i WHERE i.tenant_id = s.tenant_id AND i.surge_id = s.surge_id),
        (SELECT count(*)::int FROM tg_surge_notices n WHERE n.tenant_id = s.tenant_id AND n.surge_id = s.surge_id)
        """;

    // Counting a sale's surge's incidents took 30 ms (tens of thousands of rows), and the reactions ask on every page.
    private const string ColumnsWithoutCounts = OwnColumns + ", 0, 0";

    /// <summary>The tenant's surges, newest first, optionally of one state and category.</summary>
    public Task<List<SurgeRecord>> ListAsync(string tenant, string? state, string? category, int limit, CancellationToken cancellationToken) =>
        ReadAsync($"""
            SELECT {Columns} FROM tg_surges s WHERE s.tenant_id = $1 AND ($2::text IS NULL OR s.state = $2) AND ($3::text IS NULL OR s.category = $3)
            ORDER BY s.detected_at DESC, s.surge_id LIMIT $4
            """, cancellationToken, tenant, (object?)state ?? DBNull.Value, (object?)category ?? DBNull.Value, limit);

    public async Task<SurgeRecord?> GetAsync(string tenant, Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM tg_surges s WHERE s.tenant_id = $1 AND s.surge_id = $2", cancellationToken, tenant, id)).SingleOrDefault();

    /// <summary>Surges of these tenants whose detection or end is not announced yet (their reactions not done).</summary>
    public async Task<List<(string Tenant, SurgeRecord Surge)>> UnfinishedAsync(string[] tenants, CancellationToken cancellationToken)
    {
        var found = new List<(string, SurgeRecord)>();
        foreach (var tenant in tenants)
        {
            var surges = await ReadAsync($"""
                SELECT {Columns} FROM tg_surges s WHERE s.tenant_id = $1 AND (NOT s.announced OR (s.state = 'ended' AND NOT s.end_announced))
                ORDER BY s.detected_at
                """, cancellationToken, tenant);
            found.AddRange(surges.Select(s => (tenant, s)));
        }

        return found;
    }

    /// <summary>Announced surges of these tenants with incidents the reactions have not reached; their incident and notice counts are not read (0).</summary>
    public async Task<List<(string Tenant, SurgeRecord Surge)>> WithPendingIncidentsAsync(string[] tenants, CancellationToken cancellationToken)
    {
        var found = new List<(string, SurgeRecord)>();
        foreach (var tenant in tenants)
        {
            var surges = await ReadAsync($"""
                SELECT {ColumnsWithoutCounts} FROM tg_surges s WHERE s.tenant_id = $1 AND s.announced
                AND EXISTS (SELECT 1 FROM tg_surge_incidents i WHERE i.tenant_id = s.tenant_id AND i.surge_id = s.surge_id AND NOT i.handled)
                """, cancellationToken, tenant);
            found.AddRange(surges.Select(s => (tenant, s)));
        }

        return found;
    }

    public async Task<List<PendingIncident>> PendingIncidentsAsync(string tenant, Guid surgeId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT ticket_id, customer_id, has_order FROM tg_surge_incidents WHERE tenant_id = $1 AND surge_id = $2 AND NOT handled ORDER BY created_at, ticket_id");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(surgeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingIncident>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingIncident(reader.GetGuid(0), reader.GetGuid(1), reader.GetBoolean(2)));
        }

        return pending;
    }

    /// <summary>The incident tickets of a surge, oldest first.</summary>
    public async Task<List<Guid>> IncidentTicketsAsync(string tenant, Guid surgeId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT ticket_id FROM tg_surge_incidents WHERE tenant_id = $1 AND surge_id = $2 ORDER BY created_at, ticket_id LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(surgeId);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(reader.GetGuid(0));
        }

        return tickets;
    }

    public Task MarkAnnouncedAsync(string tenant, Guid surgeId, Guid? problemTicketId, string? surgeQueue, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE tg_surges SET announced = true, problem_ticket_id = $3, surge_queue = $4 WHERE tenant_id = $1 AND surge_id = $2",
            cancellationToken, tenant, surgeId, (object?)problemTicketId ?? DBNull.Value, (object?)surgeQueue ?? DBNull.Value);

    public Task MarkEndAnnouncedAsync(string tenant, Guid surgeId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE tg_surges SET end_announced = true WHERE tenant_id = $1 AND surge_id = $2", cancellationToken, tenant, surgeId);

    /// <summary>
    /// Marks pending incidents handled. "NOT handled" lets the plan walk only the surge's pending incidents (the partial
    /// index): a surge is new, so the statistics estimate its incidents at one row, and without it the planner walked
    /// every incident of the surge through the primary key, filtering on the tickets (13 ms a call in a flood of
    /// 12,000; docs/benchmarks.md, 2026-12-05).
    /// </summary>
    internal const string MarkHandledSql =
        "UPDATE tg_surge_incidents SET handled = true WHERE tenant_id = $1 AND surge_id = $2 AND NOT handled AND ticket_id = ANY($3)";

    public Task MarkHandledAsync(string tenant, Guid surgeId, Guid[] ticketIds, CancellationToken cancellationToken) =>
        ticketIds.Length == 0 ? Task.CompletedTask : ExecuteAsync(MarkHandledSql, cancellationToken, tenant, surgeId, ticketIds);

    /// <summary>
    /// Claims the customer's one notice of the surge for <paramref name="ticketId"/>; returns the ticket that holds the
    /// claim: this one (now or on an earlier attempt), or another of the customer's tickets that was told already.
    /// </summary>
    public async Task<Guid> ClaimNoticeAsync(string tenant, Guid surgeId, Guid customerId, Guid ticketId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            WITH claimed AS (
                INSERT INTO tg_surge_notices (tenant_id, surge_id, customer_id, ticket_id, noticed_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT DO NOTHING RETURNING ticket_id)
            SELECT ticket_id FROM claimed
            UNION ALL SELECT ticket_id FROM tg_surge_notices WHERE tenant_id = $1 AND surge_id = $2 AND customer_id = $3
            LIMIT 1
            """);
        foreach (var value in new object[] { tenant, surgeId, customerId, ticketId, at })
        {
            command.Parameters.AddWithValue(value);
        }

        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await TenantHighWater.ExecuteAsync(connection, sql, cancellationToken, values);
    }

    private async Task<List<SurgeRecord>> ReadAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var surges = new List<SurgeRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            surges.Add(new SurgeRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetGuid(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetBoolean(12), reader.GetBoolean(13), reader.GetInt32(14), reader.GetInt32(15)));
        }

        return surges;
    }
}
