using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Rules;

/// <summary>What one run of the rules decided: the rules that fired in order, the events to append, the loop's passes.</summary>
public sealed record TriggerOutcome(IReadOnlyList<string> Fired, IReadOnlyList<IDomainEvent> Events, int Passes, bool LoopGuardHit, IReadOnlyList<string> Webhooks);
