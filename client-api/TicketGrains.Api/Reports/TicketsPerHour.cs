using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Reports;

/// <summary>
/// GET /api/v1/reports/tickets-per-hour: tickets created in each UTC hour of a span, by channel and by category, from
/// the read model (its tenant and creation-time index). Counts, channels and categories only: no personal data.
/// </summary>
public sealed record TicketsPerHour(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TicketsPerHour.Count> ByChannel, IReadOnlyList<TicketsPerHour.Count> ByCategory)
{
    /// <summary>Tickets created in the hour starting at <paramref name="Hour"/> with this channel or category.</summary>
    public sealed record Count(DateTimeOffset Hour, string Key, int Tickets);
}

/// <summary>Counts the read model's tickets per hour and channel, and per hour and category.</summary>
public sealed class TicketsPerHourQuery(NpgsqlDataSource database)
{
    public Task<TicketsPerHour> ReadAsync(string tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
        new TicketsPerHour(from, to, await CountAsync(tenant, from, to, "channel", cancellationToken), await CountAsync(tenant, from, to, "category", cancellationToken)));

    /// <summary>The column is one of two constants, never the caller's text.</summary>
    private async Task<List<TicketsPerHour.Count>> CountAsync(string tenant, DateTimeOffset from, DateTimeOffset to, string column, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT date_trunc('hour', created_at, 'UTC') AS hour, {column}, count(*) FROM tg_tickets " +
            $"WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY hour, {column} ORDER BY hour, {column}");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<TicketsPerHour.Count>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new TicketsPerHour.Count(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), (int)reader.GetInt64(2)));
        }

        return counts;
    }
}
