using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Reads tg_events in (tx_id, position) order below the oldest running transaction. Ordering by position alone would
/// skip events: identity values are handed out when rows are inserted, so a transaction that commits late leaves a
/// lower position behind a reader that has already moved past it.
/// </summary>
public sealed class PostgresCommittedEventSource(NpgsqlDataSource dataSource) : ICommittedEventSource
{
    private const string Sql = """
        SELECT tx_id, position, tenant_id, stream_id, version, event_type, data::text, recorded_at
        FROM tg_events
        WHERE (tx_id, position) > (@tx, @position) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, position
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = after.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("position", after.Position));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<CommittedEvent>(Math.Min(limit, 1024));
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new CommittedEvent(
                reader.GetFieldValue<ulong>(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return events;
    }
}
