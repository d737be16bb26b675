using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class ChangeStatusDecisionTests
{
    private static readonly DateTimeOffset Now = TicketStates.T0.AddMinutes(5);

    [Fact]
    public void Allowed_move_records_from_and_to()
    {
        var e = TicketDecisions.ChangeStatus(TicketStates.Created(), TicketStatus.Pending, "agent-1", Now);

        Assert.Equal(new StatusChanged("new", "pending", "agent-1", Now), e);
    }

    [Fact]
    public void Unknown_status_is_refused_on_the_status_field()
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.ChangeStatus(TicketStates.Created(), "archived", "agent-1", Now));

        Assert.Equal("status", error.Field);
        Assert.StartsWith("Unknown status 'archived'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_move_names_the_allowed_targets()
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.ChangeStatus(TicketStates.Created(), TicketStatus.Closed, "agent-1", Now));

        Assert.Equal("status", error.Field);
        Assert.Equal("A ticket cannot move from 'new' to 'closed' (allowed: open, pending, on_hold, solved).", error.Message);
    }

    [Fact]
    public void Closed_ticket_cannot_move_anywhere()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            TicketDecisions.ChangeStatus(TicketStates.In(TicketStatus.Closed), TicketStatus.Open, "agent-1", Now));

        Assert.Equal("status", error.Field);
        Assert.Equal("A ticket cannot move from 'closed' to 'open' (allowed: none).", error.Message);
    }

    [Fact]
    public void Status_change_on_a_ticket_never_created_is_not_found() =>
        Assert.Throws<NotFoundException>(() => TicketDecisions.ChangeStatus(new TicketState(), TicketStatus.Open, "agent-1", Now));
}
