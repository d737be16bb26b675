using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>GET /api/v1/agents and GET /api/v1/queues: what the supervisor console lists, over real HTTP and PostgreSQL.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentRosterTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Agents_that_were_defined_or_set_their_presence_are_listed_with_presence_capacity_and_load() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Broken zipper"))).Expect(HttpStatusCode.Created).Id;
        (await api.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "bob" })).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/agents/bob", new { capacity = new { chat = 3 } })).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/agents/ann/presence", new { presence = "away" })).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/agents/ann/presence", new { presence = "online" })).Expect(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/agents/carol")).Expect(HttpStatusCode.OK);

        var agents = (await api.GetAsync("/api/v1/agents")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Select(a => (a.GetProperty("agentId").GetString(), a.GetProperty("presence").GetString(), a.GetProperty("capacity").ToString(), a.GetProperty("load").ToString()))
            .ToList();
        var other = await cluster.FreshTenant().GetAsync("/api/v1/agents");

        Assert.Equal([("ann", "online", "{}", "{}"), ("bob", "online", """{"chat":3}""", """{"chat":1}""")], agents);
        Assert.Equal("[]", other.Expect(HttpStatusCode.OK).Text);
    });

    [Fact]
    public Task Queues_are_listed_with_their_waiting_tickets_and_the_oldest_ones_creation() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var first = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Refund one", "refund"))).Expect(HttpStatusCode.Created);
        var second = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Refund two", "refund"))).Expect(HttpStatusCode.Created);
        var taken = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Where is it", "logistics"))).Expect(HttpStatusCode.Created);
        (await api.PostAsync($"/api/v1/tickets/{first.Id}/assignee", new { agentId = "ann" })).Expect(HttpStatusCode.OK);
        (await api.PostAsync($"/api/v1/tickets/{taken.Id}/assignee", new { agentId = "ann" })).Expect(HttpStatusCode.OK);

        var queues = (await api.GetAsync("/api/v1/queues")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Select(q => (q.GetProperty("name").GetString(), q.GetProperty("waitingTickets").GetInt32(),
                q.GetProperty("oldestWaitingSince").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : q.GetProperty("oldestWaitingSince").GetDateTimeOffset()))
            .ToList();

        // PostgreSQL keeps microseconds; the ticket's answer had ticks.
        var created = second.Json.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal([("after-sales", 1, created.AddTicks(-(created.Ticks % 10))), ("logistics", 0, null)], queues);
        Assert.Equal(("after-sales", "logistics"), (second.String("queue"), taken.String("queue")));
    });

    [Fact]
    public Task The_agent_list_needs_tickets_read() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var auditor = cluster.Client(tenant, TestTokens.Mint(tenant, "ivy", permissions: ["audit:read"]));

        var refused = await auditor.GetAsync("/api/v1/agents");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("tickets:read", refused.Text);
    });
}
