using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Bench;

/// <summary>
/// The raw PostgreSQL baseline on the same database as the server, into a table of tg_events' shape: durable (autocommit) inserts
/// of TicketCreated-shaped rows, one row per statement or many per unnest() statement.
/// </summary>
public sealed class RawInsertBench(NpgsqlDataSource database, TimeSpan duration, int? siloPid)
{
    /// <summary>Batched writers run on a few connections, like the server's group-commit writers.</summary>
    public const int BatchConnections = 4;

    private static readonly string SingleRowSql =
        $"INSERT INTO {RawEventsTable.Name} (tenant_id, stream_id, version, event_type, data) VALUES ($1, $2, $3, $4, $5)";

    private static readonly string BatchSql = $"""
        INSERT INTO {RawEventsTable.Name} (tenant_id, stream_id, version, event_type, data)
        SELECT * FROM unnest(@tenants, @streams, @versions, @types, @data::jsonb[])
        """;

    private const int PoolMask = 1023;
    private readonly string[] _documents = EventDocuments.BuildPool(PoolMask + 1);

    public Task<PhaseResult> SingleRowAsync(int connections) =>
        RunAsync(BenchReport.RawSingleRowPhase, $"{connections} conn", connections, (c, h, d, i) => SingleRowWorkerAsync(c, h, d, i));

    public Task<PhaseResult> BatchedAsync(int batchSize) =>
        RunAsync(BenchReport.RawBatchedPhase, $"batch {batchSize} x {BatchConnections} conn", BatchConnections, (c, h, d, i) => BatchWorkerAsync(c, h, d, i, batchSize));

    private async Task<PhaseResult> RunAsync(string phase, string mode, int connections,
        Func<NpgsqlConnection, LatencyHistogram, long, int, Task<long>> worker)
    {
        // Connections are opened before the clock starts: the baseline is about inserts, not connects.
        var opened = new List<NpgsqlConnection>(connections);
        try
        {
            for (var i = 0; i < connections; i++)
            {
                opened.Add(await database.OpenConnectionAsync());
            }

            var histograms = new LatencyHistogram[connections];
            var workers = new Task<long>[connections];
            var cpu = CpuSampler.Start(siloPid);
            var start = Stopwatch.GetTimestamp();
            var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            for (var i = 0; i < connections; i++)
            {
                var (connection, histogram, offset) = (opened[i], histograms[i] = new LatencyHistogram(), i * 97);
                workers[i] = Task.Run(() => worker(connection, histogram, deadline, offset));
            }

            var rows = (await Task.WhenAll(workers)).Sum();
            var elapsed = Stopwatch.GetElapsedTime(start);
            var latency = new LatencyHistogram();
            foreach (var histogram in histograms)
            {
                latency.Add(histogram);
            }

            return new PhaseResult(phase, mode, rows, 0, elapsed, latency, cpu?.Stop());
        }
        finally
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<long> SingleRowWorkerAsync(NpgsqlConnection connection, LatencyHistogram latency, long deadline, int offset)
    {
        await using var command = new NpgsqlCommand(SingleRowSql, connection);
        var stream = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text };
        var data = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb };
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = RawEventsTable.Tenant });
        command.Parameters.Add(stream);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = 1 });
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = "TicketCreated" });
        command.Parameters.Add(data);
        await command.PrepareAsync();
        long rows = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            stream.TypedValue = "raw-" + Guid.NewGuid().ToString("D");
            data.TypedValue = _documents[(offset + rows) & PoolMask];
            var started = Stopwatch.GetTimestamp();
            await command.ExecuteNonQueryAsync();
            latency.RecordSince(started);
            rows++;
        }

        return rows;
    }

    private async Task<long> BatchWorkerAsync(NpgsqlConnection connection, LatencyHistogram latency, long deadline, int offset, int batchSize)
    {
        var streams = new string[batchSize];
        var documents = new string[batchSize];
        await using var command = new NpgsqlCommand(BatchSql, connection);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]>("tenants", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = Filled(batchSize, RawEventsTable.Tenant) });
        p.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = streams });
        p.Add(new NpgsqlParameter<int[]>("versions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = Filled(batchSize, 1) });
        p.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = Filled(batchSize, "TicketCreated") });
        p.Add(new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = documents });
        await command.PrepareAsync();
        long rows = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            // The arrays are refilled in place: the parameters keep pointing at them.
            for (var i = 0; i < batchSize; i++)
            {
                streams[i] = "raw-" + Guid.NewGuid().ToString("D");
                documents[i] = _documents[(offset + rows + i) & PoolMask];
            }

            var started = Stopwatch.GetTimestamp();
            await command.ExecuteNonQueryAsync();
            latency.RecordSince(started);
            rows += batchSize;
        }

        return rows;
    }

    private static T[] Filled<T>(int length, T value)
    {
        var array = new T[length];
        Array.Fill(array, value);
        return array;
    }
}
