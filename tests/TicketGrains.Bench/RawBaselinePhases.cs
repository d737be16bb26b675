using Npgsql;

namespace TicketGrains.Bench;

/// <summary>The raw PostgreSQL baseline: single-row then batched inserts, into a copy of tg_events' shape, dropped again after.</summary>
public static class RawBaselinePhases
{
    public static async Task RunAsync(BenchOptions options, string connectionString, TimeSpan duration, BenchReport report)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var needed = Math.Max(options.RawConnections.Max(), RawInsertBench.BatchConnections) + 2;
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Max(builder.ConnectionStringBuilder.MaxPoolSize, needed);
        await using var database = builder.Build();
        await RawEventsTable.CreateAsync(database);
        report.Context.Add($"postgresql: {await DescribeServerAsync(database)}; raw rows go to {RawEventsTable.Name}, a copy of tg_events' shape");
        var bench = new RawInsertBench(database, duration, options.ServerPid);
        var runs = options.RawConnections.Select(k => (Func<Task<PhaseResult>>)(() => bench.SingleRowAsync(k)))
            .Concat(options.BatchSizes.Select(size => (Func<Task<PhaseResult>>)(() => bench.BatchedAsync(size))));
        foreach (var run in runs)
        {
            try
            {
                PhaseRecorder.Record(report, await run(), null);
            }
            catch (NpgsqlException e)
            {
                // E.g. too many connections for the server's max_connections: report it, keep the other levels.
                Console.WriteLine($"raw phase failed: {e.Message}");
                report.NoteFailure($"a raw phase failed: {e.Message}");
            }
        }

        await RawEventsTable.DropAsync(database);
    }

    private static async Task<string> DescribeServerAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            "SELECT current_setting('server_version') || ', synchronous_commit ' || current_setting('synchronous_commit')");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
