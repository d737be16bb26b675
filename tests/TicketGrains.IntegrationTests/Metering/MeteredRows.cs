using Npgsql;

namespace TicketGrains.IntegrationTests.Metering;

/// <summary>Events the meter counts, inserted into tg_events with plain SQL in one transaction per call, as any writer would.</summary>
internal static class MeteredRows
{
    private const string Sql = """
        INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data)
        SELECT @tenant, 'ticket-' || gen_random_uuid(), 1, @type, @data::jsonb FROM generate_series(1, @count)
        """;

    public static async Task CommitAsync(NpgsqlDataSource source, string tenant, string type, string data, int count)
    {
        await using var command = source.CreateCommand(Sql);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("data", data);
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }
}
