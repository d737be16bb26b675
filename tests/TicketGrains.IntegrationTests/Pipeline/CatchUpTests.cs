using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// The pipeline's loop on real PostgreSQL, driven here as the subscriber grain's timer drives it, with the test probe as
/// the subscriber: concurrent writers commit out of position order while it reads, it is stopped while they go on, and a
/// new loop (as a new activation would) catches up from the stored checkpoint.
/// </summary>
public sealed class CatchUpTests : MigratedDatabaseTest
{
    private const int Writers = 4;
    private const int StreamsPerWriter = 3;
    private const int TransactionsPerPhase = 15;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly PipelineOptions Options = new() { PollInterval = TimeSpan.FromMilliseconds(20), PageSize = 25 };

    [Fact]
    public async Task A_stopped_subscriber_catches_up_with_every_event_handled_once_in_stream_order()
    {
        await ProbeTable.CreateAsync(Database);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var writers = new StreamWriters(source, Writers, StreamsPerWriter);

        using (var running = new CancellationTokenSource())
        {
            var first = RunAsync(NewPump(source), running.Token);
            await writers.WriteAsync(TransactionsPerPhase);
            await Poll.UntilAsync("the first loop to handle the first phase", Deadline,
                async () => await ProbeTable.CountAsync(Database) == Writers * StreamsPerWriter * TransactionsPerPhase);
            await running.CancelAsync();
            await first;
        }

        // Stopped: a transaction stays open across the restart (lower position than all that follows), others commit.
        await using var slow = await source.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        await EventRows.InsertAsync(slow, open, ("ticket-held", 1));
        await writers.WriteAsync(TransactionsPerPhase);

        using var resumed = new CancellationTokenSource();
        var second = RunAsync(NewPump(source), resumed.Token);
        await writers.WriteAsync(TransactionsPerPhase);
        await open.CommitAsync();
        await Poll.UntilAsync("the new loop to catch up with the whole log", Deadline,
            async () => await ProbeTable.CountAsync(Database) == (await ProbeTable.LogPositionsAsync(Database)).Count);
        await resumed.CancelAsync();
        await second;

        Assert.Equal(Writers * StreamsPerWriter * TransactionsPerPhase * 3 + 1, (await ProbeTable.LogPositionsAsync(Database)).Count);
        Assert.Equal(await ProbeTable.LogPositionsAsync(Database), await ProbeTable.PositionsAsync(Database));
        Assert.Empty(await ProbeTable.RedeliveredAsync(Database));
        Assert.Empty(await ProbeTable.StreamsOutOfOrderAsync(Database));
    }

    private static SubscriberPump NewPump(NpgsqlDataSource source) => new(new PipelineTestProbe(source),
        new PostgresCommittedEventSource(source), new PostgresSubscriptionStore(source), Options, NullLogger.Instance);

    /// <summary>
    /// What the grain does: a step, then the delay the step asked for, until stopped between steps; then, as its
    /// activation going away does, it stores the checkpoint the interval may have held back.
    /// </summary>
    private static async Task RunAsync(SubscriberPump pump, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var delay = await pump.PumpOnceAsync(CancellationToken.None);
            // The grain timer's period, which is the scenario being driven; the test waits on the probe table, not on this.
            await Task.Delay(delay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await pump.StoreAsync(CancellationToken.None);
    }
}
