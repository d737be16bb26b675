using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Failover;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// Two silos running the test probe subscriber and an API front end creating tickets; the silo running the probe is
/// killed (kill -9). The probe must move to the other silo and resume from its stored checkpoint.
/// </summary>
public sealed class SubscriberFailoverTests(ITestOutputHelper output) : ProbeClusterTest
{
    private const int Workers = 8;
    private const int PageSize = 50;

    /// <summary>Enough handled before the kill that restarting from the beginning could not pass for resuming.</summary>
    private const int HandledBeforeKill = 6 * PageSize;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// What a kill may deliver twice: the page in flight plus what the probe handled since its checkpoint was last
    /// stored, at most one checkpoint interval's worth (50 ms here: well under a page at this load).
    /// </summary>
    private const int MayRepeat = 2 * PageSize;

    private static readonly string[] ProbeSettings =
        ["--Pipeline:TestProbe=true", $"--Pipeline:PageSize={PageSize}", "--Pipeline:KeeperInterval=00:00:01", "--Pipeline:CheckpointInterval=00:00:00.050"];

    [Fact]
    public Task Killing_the_silo_running_a_subscriber_moves_it_to_the_other_silo_resuming_from_its_checkpoint() => Processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var (silos, front) = await TwoSiloCluster.StartAsync(Processes, Database, clusterId, ProbeSettings);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = RequestTimeout };

        var load = new CreateLoad(new ApiClient(http, TicketRequests.NewTenant()), Workers);
        load.Start();
        await Poll.UntilAsync($"the probe to handle {HandledBeforeKill} events", Deadline, async () => await ProbeTable.CountAsync(Database) >= HandledBeforeKill);
        var victimPid = (await Database.ColumnAsync<int>("SELECT process_id FROM tg_test_probe ORDER BY handled_order DESC LIMIT 1")).Single();
        var victim = silos.Single(s => s.Process.Id == victimPid);
        var survivor = silos.Single(s => s != victim);
        victim.Process.Kill();
        var handledBeforeKill = await ProbeTable.CountAsync(Database);
        var moved = await Poll.UntilAsync($"{survivor.Name} to run the probe", Deadline, async () => await HandledByAsync(survivor) > 0);
        await Poll.UntilAsync($"{survivor.Name} to handle two pages under load", Deadline, async () => await HandledByAsync(survivor) >= 2 * PageSize);
        await load.StopAsync();
        await Poll.UntilAsync("the probe to catch up with the whole log", Deadline,
            async () => await ProbeTable.CountAsync(Database) == (await ProbeTable.LogPositionsAsync(Database)).Count);

        var redelivered = await ProbeTable.RedeliveredAsync(Database);
        output.WriteLine($"{victim.Name} killed after {handledBeforeKill} events; {survivor.Name} ran the probe {moved.TotalSeconds:0.0} s later; " +
            $"{load.Acks.Count} creates, {(await ProbeTable.LogPositionsAsync(Database)).Count} events, {redelivered.Count} delivered twice");
        Assert.Equal(await ProbeTable.LogPositionsAsync(Database), await ProbeTable.PositionsAsync(Database));
        Assert.InRange(redelivered.Count, 0, MayRepeat);
        Assert.Empty(await ProbeTable.StreamsOutOfOrderAsync(Database));
        await AssertOperatorsSeeTheProbeCaughtUpAsync(http);
    });

    private async Task<long> HandledByAsync(TicketGrainsNode silo) =>
        (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_test_probe WHERE process_id = $1", silo.Process.Id)).Single();

    private async Task AssertOperatorsSeeTheProbeCaughtUpAsync(HttpClient http)
    {
        var head = (await ProbeTable.LogPositionsAsync(Database))[^1];
        // The checkpoint is the last event in the pipeline's (tx_id, position) order, which under concurrent writers need
        // not be the highest position: a statement can take its transaction id before another and its positions after.
        var lastInLogOrder = (await Database.ColumnAsync<long>("SELECT position FROM tg_events ORDER BY tx_id DESC, position DESC LIMIT 1")).Single();
        var operatorAdmin = new ApiClient(http, "default");
        JsonElement probe = default;
        await Poll.UntilAsync("the probe's stored checkpoint to reach the head", Deadline, async () =>
        {
            // Every registered subscriber is listed (the live feed too); this test follows the probe.
            var items = (await operatorAdmin.GetAsync("/api/v1/pipeline/subscribers")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
            probe = items.EnumerateArray().Single(i => i.GetProperty("name").GetString() == "test-probe");
            return probe.GetProperty("eventsBehind").GetInt64() == 0;
        });

        Assert.Equal(lastInLogOrder, probe.GetProperty("checkpoint").GetProperty("position").GetInt64());
        Assert.Equal(head, probe.GetProperty("headPosition").GetInt64());
        Assert.Equal(0, probe.GetProperty("secondsBehind").GetDouble());
        (await new ApiClient(http, TicketRequests.NewTenant()).GetAsync("/api/v1/pipeline/subscribers")).Expect(HttpStatusCode.Forbidden);
    }
}
