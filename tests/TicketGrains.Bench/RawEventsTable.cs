using Npgsql;

namespace TicketGrains.Bench;

/// <summary>
/// The table the raw baseline writes to: a copy of the server's tg_events with the same columns, defaults and indexes
/// (<c>LIKE … INCLUDING ALL</c>), so a raw row costs PostgreSQL what an event row costs it. Not tg_events itself: the
/// silos' committed-event pipeline follows that table, and rows written there would have the running silos read them
/// during the raw phases, which lowered the very rate they are the baseline for (by a quarter to a half with idle silos).
/// </summary>
public static class RawEventsTable
{
    public const string Tenant = "bench";

    public const string Name = "tg_bench_raw_events";

    // Identical to deploy/sql/0100_event_log.sql, for a database the server has not migrated yet.
    private const string EventsDdl = """
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

    /// <summary>Creates the copy afresh from tg_events as it is now (creating tg_events first on an empty database).</summary>
    public static async Task CreateAsync(NpgsqlDataSource database)
    {
        await using var events = database.CreateCommand(EventsDdl);
        await events.ExecuteNonQueryAsync();
        await DropAsync(database);
        await using var copy = database.CreateCommand($"CREATE TABLE {Name} (LIKE tg_events INCLUDING ALL)");
        await copy.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the copy and checkpoints, so the HTTP phase that follows does not pay for flushing the raw phases' dirty
    /// pages.
    /// </summary>
    public static async Task DropAsync(NpgsqlDataSource database)
    {
        await using var drop = database.CreateCommand($"DROP TABLE IF EXISTS {Name}");
        await drop.ExecuteNonQueryAsync();
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
    }
}
