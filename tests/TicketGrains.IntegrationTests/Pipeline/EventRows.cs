using Npgsql;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// Events inserted into tg_events with plain SQL, as any writer would: the pipeline follows the table, not the writer.
/// Each call is one transaction unless one is passed in.
/// </summary>
internal static class EventRows
{
    private const string Sql = """
        INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data)
        SELECT 'pipeline-tests', s, v, 'TestEvent', '{}' FROM unnest(@streams, @versions) WITH ORDINALITY AS u(s, v, n) ORDER BY n
        RETURNING position
        """;

    /// <summary>Inserts (stream, version) pairs in the given order; returns their positions.</summary>
    public static async Task<List<long>> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, params (string Stream, int Version)[] events)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("streams", events.Select(e => e.Stream).ToArray());
        command.Parameters.AddWithValue("versions", events.Select(e => e.Version).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var positions = new List<long>();
        while (await reader.ReadAsync())
        {
            positions.Add(reader.GetInt64(0));
        }

        return positions;
    }

    /// <summary>Inserts and commits in a transaction of its own.</summary>
    public static async Task<List<long>> CommitAsync(NpgsqlDataSource source, params (string Stream, int Version)[] events)
    {
        await using var connection = await source.OpenConnectionAsync();
        return await InsertAsync(connection, null, events);
    }
}
