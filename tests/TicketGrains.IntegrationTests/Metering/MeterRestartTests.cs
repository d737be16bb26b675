using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.Metering;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Metering;

/// <summary>
/// The meter on real PostgreSQL, driven as the subscriber grain's timer drives it (as CatchUpTests does): a silo that dies
/// before its checkpoint is stored leaves the checkpoint behind, the next activation delivers those pages again, and the
/// counts must not move; events after the restart are counted once.
/// </summary>
public sealed class MeterRestartTests : MigratedDatabaseTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly PipelineOptions Options = new() { PollInterval = TimeSpan.FromMilliseconds(20), PageSize = 25 };

    [Fact]
    public async Task A_subscriber_restart_that_delivers_pages_again_counts_nothing_twice()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        await WriteAsync(source, 1);
        await RunUntilCaughtUpAsync(source);
        Assert.Equal(["40 30 5 3000"], await CountsAsync("shop-a"));
        Assert.Equal(["7 0 0 0"], await CountsAsync("shop-b"));
        Assert.Equal([2L], await SeatsAsync("shop-a"));

        // What a silo that dies before storing its checkpoint leaves behind: everything will be delivered again.
        await Database.ExecuteAsync($"UPDATE tg_subscriptions SET tx_id = '0', position = 0 WHERE name = '{MeterSubscriber.SubscriberName}'");
        await WriteAsync(source, 2);
        await RunUntilCaughtUpAsync(source);

        Assert.Equal(["80 60 10 6000"], await CountsAsync("shop-a"));
        Assert.Equal(["14 0 0 0"], await CountsAsync("shop-b"));
        Assert.Equal([3L], await SeatsAsync("shop-a"));
    }

    private static async Task WriteAsync(NpgsqlDataSource source, int phase)
    {
        await MeteredRows.CommitAsync(source, "shop-a", "TicketCreated", "{}", 40);
        await MeteredRows.CommitAsync(source, "shop-a", "MessageAdded", """{"author":"agent"}""", 30);
        await MeteredRows.CommitAsync(source, "shop-a", "MessageAdded", """{"author":"customer","inbound":{"stream":"s"}}""", 9);
        await MeteredRows.CommitAsync(source, "shop-a", "TriggersFired", """{"kind":"trigger"}""", 5);
        await MeteredRows.CommitAsync(source, "shop-a", "AttachmentAdded", """{"bytes":100}""", 30);
        await MeteredRows.CommitAsync(source, "shop-a", "TicketClaimed", """{"agent":"agent-1"}""", 3);
        await MeteredRows.CommitAsync(source, "shop-a", "ClaimAccepted", $$"""{"agent":"agent-{{phase + 1}}"}""", 3);
        await MeteredRows.CommitAsync(source, "shop-a", "StatusChanged", """{"to":"open"}""", 11);
        await MeteredRows.CommitAsync(source, "shop-b", "TicketCreated", "{}", 7);
    }

    /// <summary>A fresh loop, as a new activation of the subscriber grain, until its checkpoint reaches the log's last event.</summary>
    private async Task RunUntilCaughtUpAsync(NpgsqlDataSource source)
    {
        var meter = new MeterSubscriber(new UsageStore(source), Microsoft.Extensions.Options.Options.Create(new MeteringOptions { PageInterval = TimeSpan.Zero }));
        var pump = new SubscriberPump(meter, new PostgresCommittedEventSource(source), new PostgresSubscriptionStore(source), Options, NullLogger.Instance);
        var last = (await Database.ColumnAsync<long>("SELECT max(position) FROM tg_events")).Single();
        using var stop = new CancellationTokenSource();
        var running = RunAsync(pump, stop.Token);
        await Poll.UntilAsync("the meter's checkpoint to reach the last event", Deadline, async () =>
            (await Database.ColumnAsync<long>($"SELECT position FROM tg_subscriptions WHERE name = '{MeterSubscriber.SubscriberName}'")).SingleOrDefault() == last);
        await stop.CancelAsync();
        await running;
    }

    private static async Task RunAsync(SubscriberPump pump, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var delay = await pump.PumpOnceAsync(CancellationToken.None);
            await pump.StoreAsync(CancellationToken.None);
            // The grain timer's period, which is the scenario being driven; the test waits on the checkpoint row, not on this.
            await Task.Delay(delay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Summed over hours: a run may cross an hour's end.</summary>
    private Task<List<string>> CountsAsync(string tenant) => Database.ColumnAsync<string>(
        "SELECT concat_ws(' ', sum(tickets), sum(messages), sum(automation_runs), sum(storage_bytes)) FROM tg_usage_hours WHERE tenant_id = $1", tenant);

    private Task<List<long>> SeatsAsync(string tenant) =>
        Database.ColumnAsync<long>("SELECT count(DISTINCT agent_id) FROM tg_usage_seats WHERE tenant_id = $1", tenant);
}
