using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Tests.Domain;

/// <summary>Ticket states built the way the grain builds them: by applying decided events.</summary>
internal static class TicketStates
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static CreateTicket Command(string category = "general", string priority = "normal", string tier = "regular") => new()
    {
        Channel = "web",
        CustomerId = Guid.Parse("6f1c2a7e-0000-4000-8000-000000000001"),
        CustomerTier = tier,
        Subject = "Where is my parcel?",
        Body = "Ordered last week, nothing arrived.",
        Category = category,
        Priority = priority,
        Fields = new Dictionary<string, string> { ["orderId"] = "A-1001" },
        RequestHash = "hash-1",
    };

    /// <summary>
    /// The TicketCreated a grain decides for <paramref name="command"/> with the built-in routing, under <paramref name="plan"/>
    /// or, without one, the default plan for the routed priority.
    /// </summary>
    public static TicketCreated Decide(Guid id, CreateTicket command, DateTimeOffset at, SlaPlan? plan = null)
    {
        var routed = TicketRouted.From(RoutingEngine.Route(BuiltInRouting.Rules, RoutingInput.From(command, at)), command.Priority, at);
        return TicketDecisions.Create(id, command, routed, plan ?? DefaultSlaPlan.For(new SlaOptions(), routed.Priority), at);
    }

    public static TicketState Created(string priority = "normal")
    {
        var state = new TicketState();
        state.Apply(Decide(Guid.NewGuid(), Command(priority: priority), T0));
        return state;
    }

    /// <summary>A created ticket moved along allowed transitions until it reaches <paramref name="status"/>.</summary>
    public static TicketState In(string status)
    {
        var state = Created();
        var path = status switch
        {
            TicketStatus.New => [],
            TicketStatus.Closed => [TicketStatus.Solved, TicketStatus.Closed],
            _ => new[] { status },
        };
        foreach (var to in path)
        {
            state.Apply(TicketDecisions.ChangeStatus(state, to, "agent-1", T0));
        }

        return state;
    }

    public static TicketState With(this TicketState state, IDomainEvent e)
    {
        state.Apply(e);
        return state;
    }
}
