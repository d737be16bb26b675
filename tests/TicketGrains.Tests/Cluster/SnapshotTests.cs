using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class SnapshotTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Ticket_reloaded_from_a_snapshot_has_the_same_state()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "low"));
        var ticket = fixture.Client.Ticket(tenant, created.Id);
        await ticket.AssignAsync("ann", "lead", null);
        for (var i = 0; i < 50; i++)
        {
            await ticket.AddMessageAsync(i % 2 == 0 ? "ann" : "customer", $"message {i}", i % 5 == 0, "ann", null);
        }

        var before = await ticket.GetAsync();
        var snapshot = await fixture.EventLog.ReadSnapshotAsync(tenant, "ticket/" + created.Id.ToString("D"));
        await fixture.Cluster.DeactivateAsync(ticket);
        var after = await ticket.GetAsync();

        Assert.Equal(50, snapshot?.Version);
        Assert.Equal((52, "open", "ann", created.SlaDueAt, created.CreatedAt, before.UpdatedAt), (after.Version, after.Status, after.Assignee, after.SlaDueAt, after.CreatedAt, after.UpdatedAt));
        Assert.Equal(before.Messages, after.Messages);
        Assert.Equal(before.Fields, after.Fields);
        Assert.Equal(53, (await ticket.AddMessageAsync("ann", "still here", false, "ann", 52)).Version);
    }
}
