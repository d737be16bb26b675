using Npgsql;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Reads a tenant's usage per hour or UTC day: every period whose start lies in [from truncated to its period, to), zeros
/// included; periods are counted in UTC whatever the session's time zone. Active seats are the distinct agents of the whole period (not a sum of hours). Webhook deliveries are read
/// from the delivery log (tg_webhook_deliveries, by delivered_at): a delivery is not an event in the log.
/// </summary>
public sealed class UsageQuery(NpgsqlDataSource database)
{
    private const string Sql = """
        WITH periods AS (
            SELECT s AT TIME ZONE 'UTC' AS p
            FROM generate_series(date_trunc($4, $2 AT TIME ZONE 'UTC'), ($3 AT TIME ZONE 'UTC') - interval '1 microsecond', ('1 ' || $4)::interval) AS s),
        counts AS (
            SELECT date_trunc($4, hour, 'UTC') AS p, sum(tickets) AS t, sum(messages) AS m, sum(automation_runs) AS a, sum(storage_bytes) AS s
            FROM tg_usage_hours WHERE tenant_id = $1 AND hour >= date_trunc($4, $2, 'UTC') AND hour < $3 GROUP BY 1),
        seats AS (
            SELECT date_trunc($4, hour, 'UTC') AS p, count(DISTINCT agent_id) AS n
            FROM tg_usage_seats WHERE tenant_id = $1 AND hour >= date_trunc($4, $2, 'UTC') AND hour < $3 GROUP BY 1),
        hooks AS (
            SELECT date_trunc($4, delivered_at, 'UTC') AS p, count(*) AS n FROM tg_webhook_deliveries
            WHERE tenant_id = $1 AND state = 'delivered' AND delivered_at >= date_trunc($4, $2, 'UTC') AND delivered_at < $3 GROUP BY 1)
        SELECT periods.p, coalesce(c.t, 0)::bigint, coalesce(c.m, 0)::bigint, coalesce(seats.n, 0), coalesce(c.a, 0)::bigint,
               coalesce(hooks.n, 0), coalesce(c.s, 0)::bigint
        FROM periods LEFT JOIN counts c USING (p) LEFT JOIN seats USING (p) LEFT JOIN hooks USING (p)
        ORDER BY periods.p
        """;

    public async Task<List<UsagePeriod>> ReadAsync(string tenant, DateTimeOffset from, DateTimeOffset to, string granularity, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Sql);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(from.ToUniversalTime());
        command.Parameters.AddWithValue(to.ToUniversalTime());
        command.Parameters.AddWithValue(granularity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var periods = new List<UsagePeriod>();
        while (await reader.ReadAsync(cancellationToken))
        {
            periods.Add(new UsagePeriod(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return periods;
    }
}
