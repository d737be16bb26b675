using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>A ticket sits in its queue exactly while it is unassigned and new or open.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueMembershipTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Assigned_ticket_leaves_its_queue()
    {
        var tenant = Tenants.New();
        var ticket = await fixture.Client.OpenAsync(tenant, Commands.Create());
        await fixture.Client.HoldsAsync(tenant, "general", 1);

        await fixture.Client.Ticket(tenant, ticket.Id).AssignAsync("dan", "lead", null);

        await fixture.Client.HoldsAsync(tenant, "general", 0);
        Assert.Null(await fixture.Client.Agent(tenant, "eve").NextAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Unassigned_ticket_goes_back_to_its_queue()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        var ticket = fixture.Client.Ticket(tenant, created.Id);
        await ticket.AssignAsync("dan", "lead", null);
        await fixture.Client.HoldsAsync(tenant, "general", 0);

        await ticket.AssignAsync(null, "lead", null);

        await fixture.Client.HoldsAsync(tenant, "general", 1);
        var pulled = await fixture.Client.Agent(tenant, "eve").NextAsync(TimeSpan.Zero);
        Assert.Equal((created.Id, "eve"), (pulled!.Id, pulled.Assignee));
    }

    [Fact]
    public async Task Pending_ticket_leaves_the_queue_until_reopened()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create(category: "presale"));
        var ticket = fixture.Client.Ticket(tenant, created.Id);
        await fixture.Client.HoldsAsync(tenant, "presale", 1);

        await ticket.ChangeStatusAsync("pending", "agent-1", null);
        await fixture.Client.HoldsAsync(tenant, "presale", 0);
        await ticket.ChangeStatusAsync("open", "agent-1", null);

        await fixture.Client.HoldsAsync(tenant, "presale", 1);
    }
}
