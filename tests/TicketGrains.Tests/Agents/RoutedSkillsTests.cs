using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

/// <summary>The skills a routing decision asks for are what the ticket's queue matches agents on.</summary>
public sealed class RoutedSkillsTests
{
    private static readonly QueueDefinition AnyQueue = new();

    private static Taker Agent(string id, params string[] skills) => new(id, skills.ToDictionary(s => s, _ => 1), null);

    [Fact]
    public void A_new_ticket_waits_with_the_queue_priority_and_skills_its_routing_decided()
    {
        var command = TicketStates.Command(category: "logistics");
        var routed = TicketRouted.From(
            new RoutingDecision("logistics-surge", "rule logistics-surge", "logistics-surge", "high", ["logistics", "cn"], ["618"]), command.Priority, TicketStates.T0);
        var state = new TicketState();
        state.Apply(TicketDecisions.Create(Guid.NewGuid(), command, routed, DefaultSlaPlan.For(new SlaOptions(), "high"), TicketStates.T0));

        var queued = QueuedTickets.Of(state);

        Assert.Equal("logistics-surge", state.Queue);
        Assert.Equal(["logistics", "cn"], queued.Skills);
        Assert.True(QueueMatch.Fits(queued, Agent("ann", "logistics", "cn"), AnyQueue, TicketStates.T0));
        Assert.False(QueueMatch.Fits(queued, Agent("bob", "logistics"), AnyQueue, TicketStates.T0));
    }

    [Fact]
    public void A_re_route_replaces_the_skills_the_queue_matches_on()
    {
        var state = TicketStates.Created();
        state.Apply(new TicketRouted("returns", "rule returns", "after-sales", "urgent", ["after-sales"], ["return-peak"], TicketStates.T0.AddMinutes(1)));

        var queued = QueuedTickets.Of(state);

        Assert.Equal(("after-sales", "urgent"), (state.Queue, state.Priority));
        Assert.Equal(["after-sales"], queued.Skills);
        Assert.True(QueueMatch.Fits(queued, Agent("ann", "after-sales"), AnyQueue, TicketStates.T0));
        Assert.False(QueueMatch.Fits(queued, Agent("bob", "logistics"), AnyQueue, TicketStates.T0));
    }
}
