using System.Runtime.CompilerServices;
using Npgsql;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// Reads ticket streams from tg_events, each whole and in version order, and folds each into its row. Streams come one
/// after another (ordered by the unique (tenant, stream, version) index), so memory holds one ticket at a time.
/// </summary>
internal sealed class TicketLogReader(NpgsqlDataSource dataSource)
{
    private const string Columns = "e.tenant_id, e.stream_id, e.position, e.version, e.event_type, e.data::text";

    private const string Everything = $"""
        SELECT {Columns} FROM tg_events e
        WHERE e.stream_id LIKE 'ticket/%' AND e.position <= $1
        ORDER BY e.tenant_id, e.stream_id, e.version
        """;

    private const string Touched = $"""
        SELECT {Columns} FROM tg_events e
        JOIN (SELECT DISTINCT tenant_id, stream_id FROM tg_events
              WHERE stream_id LIKE 'ticket/%' AND position > $2 AND position <= $1) t USING (tenant_id, stream_id)
        WHERE e.position <= $1
        ORDER BY e.tenant_id, e.stream_id, e.version
        """;

    /// <summary>
    /// The rows, as of position <paramref name="upTo"/>, of every ticket with an event in (<paramref name="after"/>,
    /// <paramref name="upTo"/>]; every ticket when <paramref name="after"/> is 0.
    /// </summary>
    public async IAsyncEnumerable<RebuiltRow> ReadAsync(long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(after == 0 ? Everything : Touched);
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        if (after != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (tenant, stream) = ("", "");
        TicketRowFold? fold = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (rowTenant, rowStream) = (reader.GetString(0), reader.GetString(1));
            if (fold is null || rowTenant != tenant || rowStream != stream)
            {
                if (fold is not null)
                {
                    yield return new RebuiltRow(tenant, fold.Version, fold.Row);
                }

                (tenant, stream, fold) = (rowTenant, rowStream, new TicketRowFold());
            }

            fold.Apply(reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5));
        }

        if (fold is not null)
        {
            yield return new RebuiltRow(tenant, fold.Version, fold.Row);
        }
    }
}
