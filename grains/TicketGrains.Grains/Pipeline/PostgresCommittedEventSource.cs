using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Reads tg_events in (tx_id, position) order below the oldest running transaction. Ordering by position alone would
/// skip events: identity values are handed out when rows are inserted, so a transaction that commits late leaves a
/// lower position behind a reader that has already moved past it. Parameters are positional, so Npgsql sends the text
/// without parsing it on every page; result lists start small because most pages hold a few events.
/// </summary>
public sealed class PostgresCommittedEventSource(NpgsqlDataSource dataSource) : ICommittedEventSource
{
    private const string Header = "tx_id, position, tenant_id, stream_id, version, event_type, recorded_at";

    private const string PageCondition = """
        WHERE (tx_id, position) > ($1, $2) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, position
        LIMIT $3
        """;

    private const string PageSql = $"SELECT {Header}, data::text FROM tg_events {PageCondition}";

    // The same page without data, through a function that keeps one plan per connection (0761_event_header_reads.sql):
    // as a plain statement it was planned afresh on every call, and shared header reads run on every wake-up.
    private const string HeaderPageSql = "SELECT * FROM tg_event_headers_after($1, $2, $3)";

    // jsonb's text output is the costly part of a read, so it is asked for only here, for the chosen positions.
    private const string DataSql = "SELECT position, data::text FROM tg_events WHERE position = ANY($1)";

    public async Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        await using var command = PageCommand(PageSql, after, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<CommittedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(HeaderOf(reader).With(reader.GetString(7)));
        }

        return events;
    }

    public async Task<IReadOnlyList<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        await using var command = PageCommand(HeaderPageSql, after, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var headers = new List<EventHeader>();
        while (await reader.ReadAsync(cancellationToken))
        {
            headers.Add(HeaderOf(reader));
        }

        return headers;
    }

    public async Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken)
    {
        if (headers.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(DataSql);
        command.Parameters.Add(new NpgsqlParameter<long[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            TypedValue = [.. headers.Select(h => h.Position)],
        });
        var data = new Dictionary<long, string>(headers.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                data[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        // Events are never deleted, so a committed header's row is always there.
        return [.. headers.Select(h => h.With(data[h.Position]))];
    }

    private NpgsqlCommand PageCommand(string sql, Checkpoint after, int limit)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<ulong> { NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = after.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Position });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return command;
    }

    private static EventHeader HeaderOf(NpgsqlDataReader reader) => new(
        reader.GetFieldValue<ulong>(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
