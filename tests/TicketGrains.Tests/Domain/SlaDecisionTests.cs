using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class SlaDecisionTests
{
    private static readonly DateTimeOffset Due = TicketStates.T0 + TimeSpan.FromHours(1);

    [Fact]
    public void Urgent_ticket_is_due_one_hour_after_creation() => Assert.Equal(Due, TicketStates.Created("urgent").SlaDueAt);

    [Fact]
    public void No_breach_before_the_deadline() =>
        Assert.Null(SlaDecisions.Next(TicketStates.Created("urgent"), Due - TimeSpan.FromSeconds(1)));

    [Fact]
    public void Breach_at_the_deadline_names_due_and_detection_time() =>
        Assert.Equal(new SlaBreached(Due, Due, SlaMetrics.FirstReply), SlaDecisions.Next(TicketStates.Created("urgent"), Due));

    [Fact]
    public void Public_agent_reply_stops_the_clock()
    {
        var state = TicketStates.Created("urgent").With(new MessageAdded("agent-1", "Looking into it.", false, TicketStates.T0.AddMinutes(10)));

        Assert.Null(SlaDecisions.Next(state, Due.AddHours(1)));
    }

    [Fact]
    public void Internal_note_does_not_stop_the_clock()
    {
        var state = TicketStates.Created("urgent").With(new MessageAdded("agent-1", "Ask the warehouse.", true, TicketStates.T0.AddMinutes(10)));

        Assert.Equal(new SlaBreached(Due, Due.AddHours(1), SlaMetrics.FirstReply), SlaDecisions.Next(state, Due.AddHours(1)));
    }

    [Fact]
    public void Customer_follow_up_does_not_stop_the_clock()
    {
        var state = TicketStates.Created("urgent").With(new MessageAdded("customer", "Any news?", false, TicketStates.T0.AddMinutes(10)));

        Assert.Equal(new SlaBreached(Due, Due, SlaMetrics.FirstReply), SlaDecisions.Next(state, Due));
    }

    [Fact]
    public void A_ticket_is_breached_only_once()
    {
        var state = TicketStates.Created("urgent").With(new SlaBreached(Due, Due));

        Assert.Null(SlaDecisions.Next(state, Due.AddHours(5)));
    }

    [Theory]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Solved)]
    public void Ticket_no_longer_waiting_for_a_first_response_is_not_breached(string status)
    {
        var state = TicketStates.Created("urgent");
        state.Apply(TicketDecisions.ChangeStatus(state, status, "agent-1", TicketStates.T0.AddMinutes(1)));

        Assert.Null(SlaDecisions.Next(state, Due.AddHours(1)));
    }
}
