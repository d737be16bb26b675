using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class AssignDecisionTests
{
    private static readonly DateTimeOffset Now = TicketStates.T0.AddMinutes(5);

    [Fact]
    public void Assignment_records_previous_and_new_agent()
    {
        var state = TicketStates.Created().With(new AssigneeChanged(null, "ann", "lead", Now));

        var e = TicketDecisions.Assign(state, "bob@shop", "lead", Now);

        Assert.Equal(new AssigneeChanged("ann", "bob@shop", "lead", Now), e);
    }

    [Fact]
    public void Null_agent_unassigns()
    {
        var state = TicketStates.Created().With(new AssigneeChanged(null, "ann", "lead", Now));

        Assert.Equal(new AssigneeChanged("ann", null, "lead", Now), TicketDecisions.Assign(state, null, "lead", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ann smith")]
    [InlineData("ann/smith")]
    [InlineData("änn")]
    public void Invalid_agent_id_is_refused(string agentId)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.Assign(TicketStates.Created(), agentId, "lead", Now));

        Assert.Equal("agentId", error.Field);
    }

    [Fact]
    public void Agent_id_longer_than_64_is_refused()
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.Assign(TicketStates.Created(), new string('a', 65), "lead", Now));

        Assert.Equal("agentId", error.Field);
    }

    [Theory]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Solved)]
    public void Finished_ticket_cannot_be_reassigned(string status)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.Assign(TicketStates.In(status), "ann", "lead", Now));

        Assert.Equal("status", error.Field);
        Assert.Equal($"A {status} ticket cannot be reassigned.", error.Message);
    }

    [Fact]
    public void Assignment_of_a_ticket_never_created_is_not_found() =>
        Assert.Throws<NotFoundException>(() => TicketDecisions.Assign(new TicketState(), "ann", "lead", Now));
}
