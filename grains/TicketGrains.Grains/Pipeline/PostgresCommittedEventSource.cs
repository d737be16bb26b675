using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Reads tg_events in (tx_id, position) order below the oldest running transaction. Ordering by position alone would
/// skip events: identity values are handed out when rows are inserted, so a transaction that commits late leaves a
/// lower position behind a reader that has already moved past it. A short page ends with the first committed event it
/// had to leave out, if any, read only to mark the page held back (<see cref="LogPage{T}"/>). Parameters are
/// positional, so Npgsql sends the text without parsing it on every page; result lists start small because most pages
/// hold a few events.
/// </summary>
public sealed class PostgresCommittedEventSource(NpgsqlDataSource dataSource) : ICommittedEventSource
{
    private const string Header = "tx_id, position, tenant_id, stream_id, version, event_type, recorded_at";

    // Both halves under one snapshot, so they draw the same line; the second runs only to its first row.
    private const string PageSql = $"""
        WITH line AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
        (SELECT {Header}, data::text, false FROM tg_events, line
         WHERE (tx_id, position) > ($1, $2) AND tx_id < line.horizon ORDER BY tx_id, position LIMIT $3)
        UNION ALL
        (SELECT {Header}, NULL, true FROM tg_events, line
         WHERE (tx_id, position) > ($1, $2) AND tx_id >= line.horizon ORDER BY tx_id, position LIMIT 1)
        """;

    // The same page without data, through a function that keeps one plan per connection (0762_event_header_pages_held_back.sql):
    // as a plain statement it was planned afresh on every call, and shared header reads run on every wake-up.
    private const string HeaderPageSql = "SELECT * FROM tg_event_header_page($1, $2, $3)";

    // jsonb's text output is the costly part of a read, so it is asked for only here, for the chosen positions.
    private const string DataSql = "SELECT position, data::text FROM tg_events WHERE position = ANY($1)";

    public async Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        await using var command = PageCommand(PageSql, after, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<CommittedEvent>();
        var shortOfHead = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(8))
            {
                shortOfHead = true;
                continue;
            }

            events.Add(HeaderOf(reader).With(reader.GetString(7)));
        }

        return new LogPage<CommittedEvent>(events, shortOfHead && events.Count < limit);
    }

    public async Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        await using var command = PageCommand(HeaderPageSql, after, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var headers = new List<EventHeader>();
        var shortOfHead = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(7))
            {
                shortOfHead = true;
                continue;
            }

            headers.Add(HeaderOf(reader));
        }

        return new LogPage<EventHeader>(headers, shortOfHead);
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
