using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ExactlyOnceClaimTests(ClusterFixture fixture)
{
    private const int Tickets = 30;
    private const int Agents = 10;

    private static async Task<(string AgentId, List<TicketView> Claimed)> DrainAsync(string agentId, IAgentGrain agent)
    {
        var claimed = new List<TicketView>();
        while (await agent.NextAsync(TimeSpan.Zero) is { } ticket)
        {
            claimed.Add(ticket);
        }

        return (agentId, claimed);
    }

    [Fact]
    public async Task Concurrent_agents_claim_every_ticket_exactly_once()
    {
        var tenant = Tenants.New();
        var created = await Task.WhenAll(Enumerable.Range(0, Tickets).Select(_ => fixture.Client.OpenAsync(tenant, Commands.Create())));
        await fixture.Client.HoldsAsync(tenant, "general", Tickets);

        var results = await Task.WhenAll(Enumerable.Range(0, Agents)
            .Select(i => $"agent-{i}")
            .Select(id => DrainAsync(id, fixture.Client.Agent(tenant, id))));

        var claims = results.SelectMany(r => r.Claimed.Select(t => (r.AgentId, Ticket: t))).ToList();
        Assert.Equal(Tickets, claims.Count);
        Assert.Equal(created.Select(t => t.Id).Order(), claims.Select(c => c.Ticket.Id).Order());
        Assert.All(claims, c => Assert.Equal(c.AgentId, c.Ticket.Assignee));
        foreach (var (agentId, ticket) in claims)
        {
            var stored = await fixture.Client.Ticket(tenant, ticket.Id).GetAsync();
            Assert.Equal((agentId, "open", 2), (stored.Assignee, stored.Status, stored.Version));
        }

        Assert.Equal(0, await fixture.Client.Queue(tenant, "general").CountAsync());
    }
}
