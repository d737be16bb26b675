using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// Subscribers that have caught up read new events when they are committed, on any silo, not at their next poll. The
/// poll interval here is a minute, so the probe subscriber sees the later tickets' events within the deadline only if
/// the commit woke it (locally, or through NOTIFY from the other silo).
/// </summary>
public sealed class CommitWakeupTests(ITestOutputHelper output) : ProbeClusterTest
{
    private const int Tickets = 12;

    /// <summary>Well under the poll interval: a pump that waited for its poll would miss it.</summary>
    private static readonly TimeSpan WakeDeadline = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private static readonly string[] Settings =
        ["--Pipeline:TestProbe=true", "--Pipeline:PollInterval=00:01:00", "--Pipeline:BackoffMax=00:02:00", "--Pipeline:KeeperInterval=00:00:01"];

    [Fact]
    public Task Events_committed_on_either_silo_reach_a_caught_up_subscriber_before_its_next_poll() => Processes.DiagnoseAsync(output, async () =>
    {
        var (_, front) = await TwoSiloCluster.StartAsync(Processes, Database, NodeLauncher.NewClusterId(), Settings);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var api = new ApiClient(http, TicketRequests.NewTenant());
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("first"))).Expect(HttpStatusCode.Created);
        // The probe starts from the beginning of the log, so once it has the first ticket it has caught up and waits.
        await Poll.UntilAsync("the probe to handle the first ticket", StartDeadline, HandledAllAsync);

        // Ticket grains land on both silos, so some of these commits happen away from the probe's silo.
        for (var i = 0; i < Tickets; i++)
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"later {i}"))).Expect(HttpStatusCode.Created);
        }

        await Poll.UntilAsync($"the probe to handle {Tickets} later tickets without waiting for its poll", WakeDeadline, HandledAllAsync);
        Assert.Equal(await ProbeTable.LogPositionsAsync(Database), await ProbeTable.PositionsAsync(Database));
    });

    private async Task<bool> HandledAllAsync()
    {
        var log = await ProbeTable.LogPositionsAsync(Database);
        return log.Count > 0 && await ProbeTable.CountAsync(Database) == log.Count;
    }
}
