using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class AgentPullTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Urgent_ticket_is_handed_out_before_older_normal_ones_in_its_queue()
    {
        var tenant = Tenants.New();
        var oldest = await fixture.Client.OpenAsync(tenant, Commands.Create());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var older = await fixture.Client.OpenAsync(tenant, Commands.Create());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var urgent = await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"));
        await fixture.Client.HoldsAsync(tenant, "general", 3);
        var agent = fixture.Client.Agent(tenant, "ann");
        await agent.SetQueuesAsync(["general"]);

        var handedOut = new[] { await agent.NextAsync(TimeSpan.Zero), await agent.NextAsync(TimeSpan.Zero), await agent.NextAsync(TimeSpan.Zero) };

        Assert.Equal([urgent.Id, oldest.Id, older.Id], handedOut.Select(t => t!.Id));
        Assert.All(handedOut, t => Assert.Equal(("ann", "open"), (t!.Assignee, t.Status)));
        Assert.Null(await agent.NextAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Vip_ticket_jumps_the_queue()
    {
        var tenant = Tenants.New();
        var regular = await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "high"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var vip = await fixture.Client.OpenAsync(tenant, Commands.Create(tier: "vip"));
        await fixture.Client.HoldsAsync(tenant, "general", 1);
        await fixture.Client.HoldsAsync(tenant, "vip", 1);
        var agent = fixture.Client.Agent(tenant, "bob");

        var first = await agent.NextAsync(TimeSpan.Zero);
        var second = await agent.NextAsync(TimeSpan.Zero);

        Assert.Equal(("vip", vip.Id), (first!.Queue, first.Id));
        Assert.Equal(regular.Id, second!.Id);
    }

    [Fact]
    public async Task Agent_only_pulls_from_its_own_queues()
    {
        var tenant = Tenants.New();
        await fixture.Client.OpenAsync(tenant, Commands.Create(category: "refund"));
        await fixture.Client.HoldsAsync(tenant, "after-sales", 1);
        var agent = fixture.Client.Agent(tenant, "cat");
        await agent.SetQueuesAsync(["logistics", "presale"]);

        Assert.Null(await agent.NextAsync(TimeSpan.Zero));
        Assert.Equal(1, await fixture.Client.Queue(tenant, "after-sales").CountAsync());
    }
}
