using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>POST /api/v1/agents/{id}/next: each waiting ticket goes to exactly one agent.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentPullTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    /// <summary>How long the long-poll may take to reach its queues before the test gives up.</summary>
    private static readonly TimeSpan PullArrival = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Pull_hands_the_ticket_to_the_agent_then_204_when_the_queues_are_empty() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Broken zipper", "exchange"))).Expect(HttpStatusCode.Created).Id;

        var pulled = (await api.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK);
        var empty = await api.PostAsync("/api/v1/agents/alice/next");

        Assert.Equal(id, pulled.Id);
        Assert.Equal("alice", pulled.String("assignee"));
        Assert.Equal("open", pulled.String("status"));
        empty.Expect(HttpStatusCode.NoContent);
        Assert.Equal("alice", (await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).String("assignee"));
    });

    [Fact]
    public Task Eight_agents_pulling_concurrently_get_each_of_20_tickets_exactly_once() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        string[] categories = ["general", "logistics", "refund", "complaint", "presale"];
        var created = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var request = TicketRequests.Create($"Ticket {i}", categories[i % categories.Length], i % 3 == 0 ? "high" : "normal");
            created.Add((await api.PostAsync(TicketRequests.Tickets, request)).Expect(HttpStatusCode.Created).Id);
        }

        var handedOut = new ConcurrentBag<(string Agent, Guid Ticket)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => PullUntilEmptyAsync(api, $"agent-{n}", handedOut)));

        Assert.Equal(created.Order(), handedOut.Select(h => h.Ticket).Order());
        foreach (var (agent, ticket) in handedOut)
        {
            Assert.Equal(agent, (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).String("assignee"));
        }
    });

    [Fact]
    public Task A_waiting_long_poll_receives_a_ticket_created_after_it_started() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var watch = Stopwatch.StartNew();
        var pull = api.PostAsync("/api/v1/agents/carol/next?waitSeconds=10");
        await WaitingAgentsAsync(api, "logistics", 1, PullArrival);
        Assert.False(pull.IsCompleted, "The long-poll answered before any ticket existed.");

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Late parcel", "logistics"))).Expect(HttpStatusCode.Created).Id;
        var pulled = (await pull).Expect(HttpStatusCode.OK);

        Assert.Equal(id, pulled.Id);
        Assert.Equal("carol", pulled.String("assignee"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The pull took {watch.Elapsed}, as long as its whole wait.");
        Assert.Equal(0, (await api.GetAsync("/api/v1/queues/logistics/status")).Expect(HttpStatusCode.OK).Json.GetProperty("waitingAgents").GetInt32());
    });

    [Fact]
    public Task Wait_seconds_out_of_range_is_400() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().PostAsync("/api/v1/agents/alice/next?waitSeconds=21")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["waitSeconds"], refused.ErrorFields);
    });

    /// <summary>Polls the queue's status until that many agents long-poll it (their pulls reached the queue grain).</summary>
    internal static Task WaitingAgentsAsync(ApiClient api, string queue, int agents, TimeSpan deadline) =>
        Poll.UntilAsync($"{agents} agent(s) long-polling {queue}", deadline, async () =>
            (await api.GetAsync($"/api/v1/queues/{queue}/status")).Expect(HttpStatusCode.OK).Json.GetProperty("waitingAgents").GetInt32() == agents);

    private static async Task PullUntilEmptyAsync(ApiClient api, string agent, ConcurrentBag<(string, Guid)> handedOut)
    {
        while (true)
        {
            var response = await api.PostAsync($"/api/v1/agents/{agent}/next");
            if (response.Status == HttpStatusCode.NoContent)
            {
                return;
            }

            handedOut.Add((agent, response.Expect(HttpStatusCode.OK).Id));
        }
    }
}
