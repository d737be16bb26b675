using Npgsql;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Every tenant whose plan has quotas, with its usage of the current hour and UTC day: what the front ends' quota view is
/// refreshed from. One statement for all such tenants; tenants on the default plan are not read.
/// </summary>
public sealed class PlannedUsageQuery(NpgsqlDataSource database)
{
    private const string Sql = """
        SELECT p.tenant_id, p.plan::text,
               coalesce(u.tickets_h, 0), coalesce(u.messages_h, 0), coalesce(u.runs_h, 0), coalesce(u.bytes_h, 0),
               coalesce(u.tickets_d, 0), coalesce(u.messages_d, 0), coalesce(u.runs_d, 0), coalesce(u.bytes_d, 0),
               (SELECT count(DISTINCT agent_id) FROM tg_usage_seats s WHERE s.tenant_id = p.tenant_id AND s.hour = $1),
               (SELECT count(DISTINCT agent_id) FROM tg_usage_seats s WHERE s.tenant_id = p.tenant_id AND s.hour >= $2)
        FROM tg_usage_plans p
        LEFT JOIN LATERAL (
            SELECT sum(tickets) FILTER (WHERE hour = $1)::bigint AS tickets_h, sum(messages) FILTER (WHERE hour = $1)::bigint AS messages_h,
                   sum(automation_runs) FILTER (WHERE hour = $1)::bigint AS runs_h, sum(storage_bytes) FILTER (WHERE hour = $1)::bigint AS bytes_h,
                   sum(tickets)::bigint AS tickets_d, sum(messages)::bigint AS messages_d,
                   sum(automation_runs)::bigint AS runs_d, sum(storage_bytes)::bigint AS bytes_d
            FROM tg_usage_hours h WHERE h.tenant_id = p.tenant_id AND h.hour >= $2) u ON true
        WHERE p.plan -> 'quotas' <> '{}'::jsonb
        """;

    private static readonly string[] Measures =
        [QuotaKeys.Tickets, QuotaKeys.Messages, QuotaKeys.AutomationRuns, QuotaKeys.StorageBytes];

    public async Task<List<PlannedUsage>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Sql);
        command.Parameters.AddWithValue(QuotaKeys.PeriodOf(QuotaKeys.PerHour, now).Start);
        command.Parameters.AddWithValue(QuotaKeys.PeriodOf(QuotaKeys.PerDay, now).Start);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<PlannedUsage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var used = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < Measures.Length; i++)
            {
                used[Measures[i] + "." + QuotaKeys.PerHour] = reader.GetInt64(2 + i);
                used[Measures[i] + "." + QuotaKeys.PerDay] = reader.GetInt64(6 + i);
            }

            used[QuotaKeys.ActiveSeats + "." + QuotaKeys.PerHour] = reader.GetInt64(10);
            used[QuotaKeys.ActiveSeats + "." + QuotaKeys.PerDay] = reader.GetInt64(11);
            tenants.Add(new PlannedUsage(reader.GetString(0), UsagePlanStore.Parse(reader.GetString(1)), used));
        }

        return tenants;
    }
}
