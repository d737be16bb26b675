using System.Globalization;
using Npgsql;

namespace TicketGrains.Bench;

/// <summary>
/// Samples, while an HTTP phase runs, how far the slowest subscriber of the committed-event pipeline is behind the log:
/// seconds since the oldest event it has not handled was recorded (0 when it has handled everything below the head).
/// Read straight from tg_subscriptions and tg_events, so it measures the silo from outside.
/// </summary>
public sealed class PipelineLagSampler : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private const string Sql = """
        SELECT coalesce(max(extract(epoch FROM now() - next.recorded_at)), 0)::float8
        FROM tg_subscriptions s
        CROSS JOIN LATERAL (
            SELECT e.recorded_at FROM tg_events e
            WHERE (e.tx_id, e.position) > (s.tx_id, s.position)
            ORDER BY e.tx_id, e.position LIMIT 1) next
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly List<double> _seconds = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PipelineLagSampler(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>Starts sampling; null when the database has no pipeline (an older schema): the bench then reports none.</summary>
    public static async Task<PipelineLagSampler?> StartAsync(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var probe = dataSource.CreateCommand("SELECT to_regclass('tg_subscriptions') IS NOT NULL");
        if (await probe.ExecuteScalarAsync() is true)
        {
            return new PipelineLagSampler(dataSource);
        }

        await dataSource.DisposeAsync();
        return null;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var command = _dataSource.CreateCommand(Sql);
                var seconds = (double)(await command.ExecuteScalarAsync(_stop.Token) ?? 0d);
                lock (_seconds)
                {
                    _seconds.Add(seconds);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The phase ended.
        }
    }

    /// <summary>Stops sampling and describes the samples taken since the last call (one phase).</summary>
    public string TakeSummary(string phase)
    {
        double[] samples;
        lock (_seconds)
        {
            samples = [.. _seconds.Order()];
            _seconds.Clear();
        }

        if (samples.Length == 0)
        {
            return $"pipeline lag ({phase}): no samples";
        }

        double At(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"pipeline lag ({phase}): p50 {At(0.50):0.00} s, p99 {At(0.99):0.00} s, max {samples[^1]:0.00} s behind ({samples.Length} samples every {Period.TotalMilliseconds:0} ms)");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        await _dataSource.DisposeAsync();
    }
}
