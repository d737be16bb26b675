using Npgsql;

namespace TicketGrains.Bench;

/// <summary>The server's tg_events table, as the raw baseline writes to it, and the clean-up of the bench's rows.</summary>
public static class RawEventsTable
{
    public const string Tenant = "bench";

    // Identical to deploy/sql/0100_event_log.sql, so the bench also works before the server has migrated.
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS tg_events (
            position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id   text        NOT NULL,
            stream_id   text        NOT NULL,
            version     integer     NOT NULL CHECK (version > 0),
            event_type  text        NOT NULL,
            data        jsonb       NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT tg_events_stream_version UNIQUE (tenant_id, stream_id, version)
        )
        """;

    public static async Task EnsureExistsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Deletes the bench's rows, vacuums and checkpoints, so the HTTP phase that follows writes to a table of
    /// normal shape and does not pay for flushing the raw phases' dirty pages.
    /// </summary>
    public static async Task<long> DeleteBenchRowsAsync(NpgsqlDataSource database)
    {
        await using var delete = database.CreateCommand($"DELETE FROM tg_events WHERE tenant_id = '{Tenant}'");
        delete.CommandTimeout = 600;
        var deleted = await delete.ExecuteNonQueryAsync();
        await using var vacuum = database.CreateCommand("VACUUM tg_events");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
        try
        {
            await using var checkpoint = database.CreateCommand("CHECKPOINT");
            checkpoint.CommandTimeout = 600;
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Without superuser or pg_checkpoint the bench still works; the next checkpoint just lands later.
        }

        return deleted;
    }
}
