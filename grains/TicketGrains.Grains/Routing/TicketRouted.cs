using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Routing;

/// <summary>
/// A routing decision recorded on the ticket: which rule (null for an explicit route action without one), why, and what
/// it set. A new ticket carries its first decision inside <c>TicketCreated.Routed</c> (one event per command); a later
/// re-route is this event on its own.
/// </summary>
public sealed record TicketRouted(string? RuleId, string Reason, string Queue, string Priority, string[] Skills, string[] Tags, DateTimeOffset At) : IDomainEvent
{
    public static TicketRouted From(RoutingDecision decision, string priority, DateTimeOffset at) =>
        new(decision.RuleId, decision.Reason, decision.Queue, decision.Priority ?? priority, [.. decision.Skills], [.. decision.Tags], at);
}
