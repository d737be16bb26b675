using System.Data.Common;
using Npgsql;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Reads every subscriber's lag from PostgreSQL: the checkpoints are there, so the answer holds whichever silo runs
/// a subscriber and even while none does. Counting walks the (tx_id, position) index from each checkpoint, so its
/// cost grows with how far behind a subscriber is.
/// </summary>
public sealed class SubscriberLagQuery(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT s.name, s.tx_id, s.position, head.position,
               (SELECT count(*) FROM tg_events e WHERE (e.tx_id, e.position) > (s.tx_id, s.position)),
               COALESCE(GREATEST(0, EXTRACT(EPOCH FROM now() - (
                   SELECT e.recorded_at FROM tg_events e WHERE (e.tx_id, e.position) > (s.tx_id, s.position)
                   ORDER BY e.tx_id, e.position LIMIT 1)))::float8, 0),
               s.attempts, s.last_error, s.last_error_at, s.updated_at
        FROM tg_subscriptions s
        CROSS JOIN (SELECT COALESCE(max(position), 0) AS position FROM tg_events) head
        ORDER BY s.name
        """;

    /// <summary>For a metrics scrape, which cannot wait asynchronously; bounded by a short command timeout.</summary>
    private const int ScrapeTimeoutSeconds = 5;

    public async Task<IReadOnlyList<SubscriberLag>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lags = new List<SubscriberLag>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lags.Add(ToLag(reader));
        }

        return lags;
    }

    /// <summary>The same, synchronously (real blocking I/O, not a wait on a task), for observable-gauge callbacks.</summary>
    public IReadOnlyList<SubscriberLag> Read()
    {
        using var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = ScrapeTimeoutSeconds;
        using var reader = command.ExecuteReader();
        var lags = new List<SubscriberLag>();
        while (reader.Read())
        {
            lags.Add(ToLag(reader));
        }

        return lags;
    }

    private static SubscriberLag ToLag(DbDataReader row) => new(
        row.GetString(0),
        new Checkpoint(row.GetFieldValue<ulong>(1), row.GetInt64(2)),
        row.GetInt64(3),
        row.GetInt64(4),
        row.GetDouble(5),
        row.GetInt32(6),
        row.IsDBNull(7) ? null : row.GetString(7),
        row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        row.GetFieldValue<DateTimeOffset>(9));
}
