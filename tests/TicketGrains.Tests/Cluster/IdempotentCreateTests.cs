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

        var first = await ticket.CreateAsync(command);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await ticket.CreateAsync(command);

        Assert.Equal((first.Id, first.Version, first.CreatedAt, first.SlaDueAt), (again.Id, again.Version, again.CreatedAt, again.SlaDueAt));
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

        var again = await ticket.CreateAsync(command);

        Assert.Equal((first.Id, 1, first.CreatedAt, first.SlaDueAt), (again.Id, again.Version, again.CreatedAt, again.SlaDueAt));
        Assert.Equal([1], (await ticket.GetEventsAsync()).Select(e => e.Version));
    }

    [Fact]
    public async Task Same_id_with_another_request_is_a_conflict()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, Guid.NewGuid());
        var first = await ticket.CreateAsync(Commands.Create(hash: "hash-a"));

        await Assert.ThrowsAsync<ConflictException>(() => ticket.CreateAsync(Commands.Create(hash: "hash-b") with { Subject = "Other" }));
        await fixture.Cluster.DeactivateAsync(ticket);
        await Assert.ThrowsAsync<ConflictException>(() => ticket.CreateAsync(Commands.Create(hash: "hash-b")));

        var read = await ticket.GetAsync();
        Assert.Equal((first.Subject, 1), (read.Subject, read.Version));
    }
}
