using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class TicketStateTests
{
    private static readonly DateTimeOffset Later = TicketStates.T0.AddMinutes(3);

    [Fact]
    public void Created_ticket_is_new_in_its_category_queue_with_the_customer_message()
    {
        var state = TicketStates.Created();

        Assert.Equal((1, "new", "general", "normal", "general"), (state.Version, state.Status, state.Category, state.Priority, state.Queue));
        Assert.Equal(TicketStates.T0 + TimeSpan.FromHours(24), state.SlaDueAt);
        Assert.Equal(state.SlaDueAt, state.PendingSlaDue);
        var message = Assert.Single(state.Messages);
        Assert.Equal(("customer", "Ordered last week, nothing arrived.", false), (message.Author, message.Body, message.Internal));
        Assert.True(state.WaitsInQueue);
    }

    [Fact]
    public void First_assignment_moves_new_to_open()
    {
        var state = TicketStates.Created().With(new AssigneeChanged(null, "ann", "ann", Later));

        Assert.Equal(("open", "ann", 2, Later), (state.Status, state.Assignee, state.Version, state.UpdatedAt));
        Assert.False(state.WaitsInQueue);
    }

    [Fact]
    public void Assignment_keeps_a_pending_ticket_pending()
    {
        var state = TicketStates.In(TicketStatus.Pending).With(new AssigneeChanged(null, "ann", "lead", Later));

        Assert.Equal(TicketStatus.Pending, state.Status);
    }

    [Fact]
    public void Unassigning_a_new_ticket_keeps_it_new_and_back_in_the_queue()
    {
        var state = TicketStates.Created().With(new AssigneeChanged(null, null, "lead", Later));

        Assert.Equal(TicketStatus.New, state.Status);
        Assert.True(state.WaitsInQueue);
    }

    [Fact]
    public void Version_counts_every_event()
    {
        var state = TicketStates.Created()
            .With(new MessageAdded("agent-1", "Hi", false, Later))
            .With(new StatusChanged("new", "pending", "agent-1", Later))
            .With(new AssigneeChanged(null, "ann", "lead", Later))
            .With(new SlaBreached(Later, Later));

        Assert.Equal(5, state.Version);
        Assert.True(state.SlaBreached);
        Assert.True(state.FirstResponseGiven);
        Assert.Equal(2, state.Messages.Count);
    }

    [Fact]
    public void Fresh_state_does_not_exist_and_does_not_wait()
    {
        var state = new TicketState();

        Assert.False(state.Exists);
        Assert.False(state.WaitsInQueue);
    }

    [Fact]
    public void Customer_event_cannot_be_applied_to_a_ticket() =>
        Assert.Throws<InvalidOperationException>(() => new TicketState().Apply(new IdentityClaimed(Guid.NewGuid(), Later)));

    [Fact]
    public void View_carries_tenant_and_state()
    {
        var state = TicketStates.Created("high");

        var view = state.ToView("shop-1");

        Assert.Equal(("shop-1", state.Id, "high", 1, TicketStates.T0 + TimeSpan.FromHours(4)), (view.TenantId, view.Id, view.Priority, view.Version, view.SlaDueAt));
        Assert.Equal("A-1001", view.Fields["orderId"]);
    }
}
