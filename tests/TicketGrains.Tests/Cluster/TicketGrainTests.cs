using TicketGrains.Abstractions.Errors;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class TicketGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Created_ticket_reads_back_new_in_its_category_queue_with_its_sla_deadline()
    {
        var tenant = Tenants.New();
        var command = Commands.Create(category: "refund", priority: "high");
        var now = fixture.Time.GetUtcNow();

        var created = await fixture.Client.OpenAsync(tenant, command);
        var read = await fixture.Client.Ticket(tenant, created.Id).GetAsync();

        Assert.Equal((tenant, "new", "refund", "high", "after-sales", 1), (read.TenantId, read.Status, read.Category, read.Priority, read.Queue, read.Version));
        Assert.Equal((now, now, now + TimeSpan.FromHours(4), false), (read.CreatedAt, read.UpdatedAt, read.SlaDueAt, read.SlaBreached));
        Assert.Equal((command.CustomerId, "web", "Where is my parcel?", null), (read.CustomerId, read.Channel, read.Subject, read.Assignee));
        Assert.Equal(("customer", "Ordered last week, nothing arrived.", false), (read.Messages[0].Author, read.Messages[0].Body, read.Messages[0].Internal));
        Assert.Single(read.Messages);
        Assert.Equal(command.Fields, read.Fields);
        Assert.Equal((created.Id, created.Version, created.Queue, created.SlaDueAt), (read.Id, read.Version, read.Queue, read.SlaDueAt));
    }

    [Fact]
    public async Task Unknown_ticket_is_not_found()
    {
        var ticket = fixture.Client.Ticket(Tenants.New(), Guid.NewGuid());

        await Assert.ThrowsAsync<NotFoundException>(ticket.GetAsync);
        await Assert.ThrowsAsync<NotFoundException>(ticket.GetEventsAsync);
        await Assert.ThrowsAsync<NotFoundException>(() => ticket.AddMessageAsync("agent-1", "Hello?", false, "agent-1", null));
    }

    [Fact]
    public async Task Message_status_and_assignment_each_add_one_version_and_one_event()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create())).Id);

        var replied = await ticket.AddMessageAsync("agent-1", "Checking with the courier.", false, "agent-1", 1);
        var pending = await ticket.ChangeStatusAsync("pending", "agent-1", 2);
        var assigned = await ticket.AssignAsync("ann", "lead", 3);

        Assert.Equal((2, 3, 4), (replied.Version, pending.Version, assigned.Version));
        Assert.Equal(("pending", "ann"), (assigned.Status, assigned.Assignee));
        Assert.Equal(["customer", "agent-1"], assigned.Messages.Select(m => m.Author));
        var history = await ticket.GetEventsAsync();
        Assert.Equal([1, 2, 3, 4], history.Select(e => e.Version));
        Assert.Equal(["TicketCreated", "MessageAdded", "StatusChanged", "AssigneeChanged"], history.Select(e => e.Type));
        Assert.Contains("\"to\":\"pending\"", history[2].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create())).Id);
        await ticket.AddMessageAsync("agent-1", "First reply", false, "agent-1", 1);

        await Assert.ThrowsAsync<ConflictException>(() => ticket.AddMessageAsync("agent-2", "Second reply", false, "agent-2", 1));
        await Assert.ThrowsAsync<ConflictException>(() => ticket.ChangeStatusAsync("solved", "agent-2", 3));
        await Assert.ThrowsAsync<ConflictException>(() => ticket.AssignAsync("bob", "lead", 0));

        var read = await ticket.GetAsync();
        Assert.Equal((2, "new", null), (read.Version, read.Status, read.Assignee));
    }

    [Fact]
    public async Task Refused_transition_reaches_the_caller_with_the_field_name()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create())).Id);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => ticket.ChangeStatusAsync("closed", "agent-1", null));

        Assert.Equal("status", error.Field);
        Assert.Equal(1, (await ticket.GetAsync()).Version);
    }
}
