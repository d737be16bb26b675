using TicketGrains.Abstractions.Errors;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class IdempotentCreateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Repeated_create_returns_the_first_ticket_and_records_one_creation()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, Guid.NewGuid());
        var command = Commands.Create();

        var first = (await ticket.CreateAsync(command)).Ticket;
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await ticket.CreateAsync(command);

        Assert.True(again.Repeated);
        Assert.Equal((first.Id, first.Version, first.CreatedAt, first.SlaDueAt), (again.Ticket.Id, again.Ticket.Version, again.Ticket.CreatedAt, again.Ticket.SlaDueAt));
        Assert.Equal(["TicketCreated"], (await ticket.GetEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Retry_on_a_fresh_activation_returns_the_first_ticket()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, Guid.NewGuid());
        var command = Commands.Create(priority: "urgent");
        var first = await ticket.CreateAsync(command);
        await fixture.Cluster.DeactivateAsync(ticket);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var again = (await ticket.CreateAsync(command)).Ticket;

        Assert.False(first.Repeated);
        Assert.Equal((first.Ticket.Id, 1, first.Ticket.CreatedAt, first.Ticket.SlaDueAt), (again.Id, again.Version, again.CreatedAt, again.SlaDueAt));
        Assert.Equal([1], (await ticket.GetEventsAsync()).Select(e => e.Version));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retry_after_the_ticket_moved_on_returns_it_as_first_created(bool freshActivation)
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, Guid.NewGuid());
        var command = Commands.Create();
        var first = (await ticket.CreateAsync(command)).Ticket;
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await ticket.AddMessageAsync("ann", "On it.", false, "ann", null);
        await ticket.AssignAsync("ann", "sue", null);
        if (freshActivation)
        {
            await fixture.Cluster.DeactivateAsync(ticket);
        }

        var again = await ticket.CreateAsync(command);

        Assert.True(again.Repeated);
        Assert.Equal(
            (first.Version, first.Status, first.Assignee, first.UpdatedAt, first.Messages.Count, first.Subject),
            (again.Ticket.Version, again.Ticket.Status, again.Ticket.Assignee, again.Ticket.UpdatedAt, again.Ticket.Messages.Count, again.Ticket.Subject));
        Assert.Equal(3, (await ticket.GetAsync()).Version);
    }

    [Fact]
    public async Task Same_id_with_another_request_is_a_conflict()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, Guid.NewGuid());
        var first = (await ticket.CreateAsync(Commands.Create(hash: "hash-a"))).Ticket;

        await Assert.ThrowsAsync<ConflictException>(() => ticket.CreateAsync(Commands.Create(hash: "hash-b") with { Subject = "Other" }));
        await fixture.Cluster.DeactivateAsync(ticket);
        await Assert.ThrowsAsync<ConflictException>(() => ticket.CreateAsync(Commands.Create(hash: "hash-b")));

        var read = await ticket.GetAsync();
        Assert.Equal((first.Subject, 1), (read.Subject, read.Version));
    }
}
