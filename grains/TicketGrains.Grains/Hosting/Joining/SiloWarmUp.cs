using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.Hosting.Joining;

/// <summary>
/// Opens database connections before the silo becomes active (ADR 0032): the first activations placed on a joining silo
/// should not each wait for a new PostgreSQL backend to start. A failure is logged and does not stop the start; the pools
/// then fill on demand as before.
/// </summary>
internal sealed class SiloWarmUp(NpgsqlDataSource eventLog, ILogger<SiloWarmUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>About the connections a silo holds at once under a steady create load (the group commit batches writes).</summary>
    private const int Connections = 8;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloWarmUp), ServiceLifecycleStage.BecomeActive - 1, WarmAsync);

    private async Task WarmAsync(CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Held open together, so that the pool keeps that many idle connections rather than one reused eight times.
            var opened = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => eventLog.OpenConnectionAsync(cancellation).AsTask()));
            await Task.WhenAll(opened.Select(async connection =>
            {
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(cancellation);
            }));
            foreach (var connection in opened)
            {
                await connection.DisposeAsync();
            }

            logger.LogInformation("Opened {Connections} database connections before joining in {Elapsed} ms", Connections,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not open database connections before joining; the pool fills on demand");
        }
    }
}
