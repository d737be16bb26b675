using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Surges;

/// <summary>
/// Surges on GET /api/v1/events over real HTTP with a real silo and PostgreSQL: a burst of one category's tickets in a
/// new tenant (its empty baseline leaves the floor of 10 tickets in the window to decide) raises exactly one
/// <c>surge.detected</c> on the feed of a supervisor (reports:export), none on an agent's or another tenant's, and a
/// supervisor resuming with Last-Event-ID gets it exactly once when it was missed and never again when it was seen.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SurgeFeedTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Category = "logistics_exception";

    [Fact]
    public Task A_burst_is_one_surge_detected_for_a_supervisor_of_the_tenant_only_and_resuming_neither_loses_nor_repeats_it() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var other = cluster.FreshTenant();
        using var deadline = new CancellationTokenSource(Deadline);
        var supervisorCredential = EventFeed.Bearer(TestTokens.Mint(admin.Tenant!, "sue", ["supervisor"]));
        using var supervisor = await EventFeed.OpenAsync(cluster.Http, supervisorCredential, null, deadline.Token);
        using var agent = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(admin.Tenant!, "ann", ["agent"])), null, deadline.Token);
        using var otherSupervisor = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(other.Tenant!, "sue", ["supervisor"])), null, deadline.Token);

        for (var i = 1; i <= 10; i++)
        {
            (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"物流停了五天 {i}", Category))).Expect(HttpStatusCode.Created);
        }

        var seenBySupervisor = await ReadThroughAsync(supervisor, item => item.Event == "surge.detected", deadline.Token);
        var surge = Assert.Single((await admin.GetAsync("/api/v1/surges")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray());
        var detected = seenBySupervisor[^1].Json;
        Assert.Equal((surge.GetProperty("id").GetGuid(), Category, 10),
            (detected.GetProperty("surgeId").GetGuid(), detected.GetProperty("category").GetString(), detected.GetProperty("windowCount").GetInt32()));

        // A ticket after the surge marks the end of what each listener is checked for.
        var marker = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Size chart?", "presale"))).Expect(HttpStatusCode.Created).Id;
        var otherMarker = (await other.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Size chart?", "presale"))).Expect(HttpStatusCode.Created).Id;
        seenBySupervisor.AddRange(await ReadThroughAsync(supervisor, item => IsCreation(item, marker), deadline.Token));
        var seenByAgent = await ReadThroughAsync(agent, item => IsCreation(item, marker), deadline.Token);
        var seenByOther = await ReadThroughAsync(otherSupervisor, item => IsCreation(item, otherMarker), deadline.Token);

        Assert.Single(seenBySupervisor, item => item.Event!.StartsWith("surge.", StringComparison.Ordinal));
        Assert.All(seenByAgent, item => Assert.Equal("ticket.changed", item.Event));
        Assert.Equal(["ticket.changed"], seenByOther.Select(item => item.Event));
        // The agent was passed the surge's place in the log without it: its ticket changes are the supervisor's.
        Assert.Equal(seenBySupervisor.Where(item => item.Event == "ticket.changed").Select(item => item.Id), seenByAgent.Select(item => item.Id));

        // Resuming from the event before the surge gets it once; resuming from the surge itself does not repeat it.
        var surgeAt = seenBySupervisor.FindIndex(item => item.Event == "surge.detected");
        foreach (var resumeAfter in new[] { surgeAt - 1, surgeAt })
        {
            using var resumed = await EventFeed.OpenAsync(cluster.Http, supervisorCredential, seenBySupervisor[resumeAfter].Id, deadline.Token);
            var caughtUp = await ReadThroughAsync(resumed, item => IsCreation(item, marker), deadline.Token);
            Assert.Equal(seenBySupervisor[(resumeAfter + 1)..], caughtUp);
        }
    });

    private static bool IsCreation(EventFeed.Item item, Guid ticket) => item.Event == "ticket.changed" && item.Change == (ticket, 1);

    /// <summary>The feed's events up to and including the first that <paramref name="last"/> accepts; fails on the stream's end.</summary>
    private static async Task<List<EventFeed.Item>> ReadThroughAsync(EventFeed feed, Func<EventFeed.Item, bool> last, CancellationToken cancellationToken)
    {
        var items = new List<EventFeed.Item>();
        while (true)
        {
            var item = await feed.NextAsync(cancellationToken) ?? throw new EndOfStreamException($"The feed ended after {items.Count} events.");
            items.Add(item);
            if (last(item))
            {
                return items;
            }
        }
    }
}
