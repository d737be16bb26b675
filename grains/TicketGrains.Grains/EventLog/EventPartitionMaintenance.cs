using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Keeps <see cref="EventLogOptions.PartitionsAhead"/> empty partitions of tg_events above the log's head, so appends
/// land in a range partition, not in the default one (docs/decisions/0026-event-log-partitioned-by-position.md). Every
/// silo runs it; the SQL function takes an advisory lock, so one silo at a time does the work and the others skip.
/// An append never waits for this: a position past every range goes into the default partition.
/// </summary>
public sealed class EventPartitionMaintenance(
    NpgsqlDataSource dataSource, IOptions<EventLogOptions> options, TimeProvider time, ILogger<EventPartitionMaintenance> logger)
    : BackgroundService
{
    /// <summary>What one run did: the partitions it created, or that another silo held the lock.</summary>
    public readonly record struct Outcome(int Created, bool Skipped);

    /// <summary>Creates the partitions missing ahead of the head, unless another silo is doing it now.</summary>
    public async Task<Outcome> ExtendAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var command = dataSource.CreateCommand("SELECT tg_extend_event_partitions($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.PartitionsAhead });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = settings.PartitionSize });
        var created = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return created < 0 ? new Outcome(0, true) : new Outcome(created, false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PartitionCheckEvery, time);
        do
        {
            try
            {
                var outcome = await ExtendAsync(stoppingToken);
                if (outcome.Created > 0)
                {
                    logger.LogInformation("Created {Count} event log partition(s) ahead of the head", outcome.Created);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // A lock timeout or an outage: the default partition takes the appends meanwhile; try at the next tick.
                logger.LogWarning("Event log partition maintenance failed ({Message}); retrying at the next check", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
