using Npgsql;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Usage counts in tg_usage_hours and tg_usage_seats. A page is counted in one transaction that also moves each tenant's
/// high-water key (tg_usage_high_water): the keys are locked first, the events at or below them skipped, so a page the
/// pipeline delivers again, or two overlapping activations, count each event once.
/// </summary>
public sealed class UsageStore(NpgsqlDataSource database)
{
    private const string HighWaterTable = "tg_usage_high_water";

    private const string AddHoursSql = """
        INSERT INTO tg_usage_hours AS u (tenant_id, hour, tickets, messages, automation_runs, storage_bytes)
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
        ON CONFLICT (tenant_id, hour) DO UPDATE SET tickets = u.tickets + excluded.tickets, messages = u.messages + excluded.messages,
            automation_runs = u.automation_runs + excluded.automation_runs, storage_bytes = u.storage_bytes + excluded.storage_bytes
        """;

    private const string AddSeatsSql =
        "INSERT INTO tg_usage_seats (tenant_id, hour, agent_id) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[]) ON CONFLICT DO NOTHING";

    /// <summary>Counts the events (in log order) not counted before; returns what was added.</summary>
    public async Task<UsageTally> RecordAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        string[] tenants = [.. events.Select(e => e.TenantId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tally = UsageTally.Of(events, await TenantHighWater.LockAsync(connection, HighWaterTable, tenants, cancellationToken));
        var hours = tally.Hours;
        if (hours.Count > 0)
        {
            await ExecuteAsync(connection, AddHoursSql, cancellationToken, hours.Select(h => h.Tenant).ToArray(), hours.Select(h => h.Hour).ToArray(),
                hours.Select(h => h.Tickets).ToArray(), hours.Select(h => h.Messages).ToArray(),
                hours.Select(h => h.AutomationRuns).ToArray(), hours.Select(h => h.StorageBytes).ToArray());
        }

        var seats = tally.Seats;
        if (seats.Count > 0)
        {
            await ExecuteAsync(connection, AddSeatsSql, cancellationToken,
                seats.Select(s => s.Tenant).ToArray(), seats.Select(s => s.Hour).ToArray(), seats.Select(s => s.Agent).ToArray());
        }

        await TenantHighWater.MoveAsync(connection, HighWaterTable, tally.HighWater, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return tally;
    }

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values) =>
        TenantHighWater.ExecuteAsync(connection, sql, cancellationToken, values);
}
