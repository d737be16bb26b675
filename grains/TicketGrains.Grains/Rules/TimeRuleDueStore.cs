using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Rules;

/// <summary>tg_time_rule_due: the time rules each ticket in a watched status will meet.</summary>
public sealed class TimeRuleDueStore(NpgsqlDataSource database)
{
    /// <summary>Replaces the ticket's rows by <paramref name="dues"/> (none: it left every watched status).</summary>
    public Task ReplaceAsync(string tenant, Guid ticket, IReadOnlyList<TimeRuleDue> dues) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("""
            WITH gone AS (DELETE FROM tg_time_rule_due WHERE tenant_id = $1 AND ticket_id = $2)
            INSERT INTO tg_time_rule_due (tenant_id, ticket_id, rule_id, since, due_at)
            SELECT $1, $2, r, s, d FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS x(r, s, d)
            ON CONFLICT (tenant_id, ticket_id, rule_id) DO UPDATE SET since = EXCLUDED.since, due_at = EXCLUDED.due_at
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(ticket);
        command.Parameters.AddWithValue(dues.Select(d => d.RuleId).ToArray());
        command.Parameters.AddWithValue(dues.Select(d => d.Since).ToArray());
        command.Parameters.AddWithValue(dues.Select(d => d.DueAt).ToArray());
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>Rows due by <paramref name="until"/>, earliest first.</summary>
    public Task<List<TimeRuleDue>> DueAsync(string tenant, DateTimeOffset until, int limit) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT ticket_id, rule_id, since, due_at FROM tg_time_rule_due WHERE tenant_id = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(until);
        command.Parameters.AddWithValue(limit);
        var dues = new List<TimeRuleDue>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            dues.Add(new TimeRuleDue(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return dues;
    });

    public Task<DateTimeOffset?> NextDueAsync(string tenant) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT min(due_at) FROM tg_time_rule_due WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenant);
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null;
    });

    /// <summary>Deletes a row once its rule ran, unless the ticket has since re-entered the status (another since).</summary>
    public Task RemoveAsync(string tenant, TimeRuleDue due) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("DELETE FROM tg_time_rule_due WHERE tenant_id = $1 AND ticket_id = $2 AND rule_id = $3 AND since = $4");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(due.TicketId);
        command.Parameters.AddWithValue(due.RuleId);
        command.Parameters.AddWithValue(due.Since);
        return await command.ExecuteNonQueryAsync();
    });
}
