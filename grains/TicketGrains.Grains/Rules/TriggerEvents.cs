using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Rules;

// Ticket events written by triggers and time rules (and, for the first three, by anything else that changes them).
// Actor is "trigger:<rule id>" when a rule made the change.

/// <summary>
/// The ticket's priority changed. <paramref name="Sla"/> is the plan chosen for the new priority, which its clocks follow
/// from then on; absent in events written before priorities moved clocks, whose replay must not move them.
/// </summary>
public sealed record PriorityChanged(string From, string To, string Actor, DateTimeOffset At, SlaPlan? Sla = null) : IDomainEvent;

public sealed record TagsChanged(string[] Added, string[] Removed, string Actor, DateTimeOffset At) : IDomainEvent;

public sealed record FieldsChanged(IReadOnlyDictionary<string, string> Set, string Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// Rules ran for the event at log position <paramref name="Position"/> (or a time rule fell due): which fired, in order,
/// how many passes it took to become stable, and whether the loop guard stopped it. Written before the changes the
/// rules made, so a redelivered event finds it and runs nothing twice. <paramref name="Webhooks"/> are the URLs the
/// rules' webhook actions name.
/// </summary>
public sealed record TriggersFired(long Position, string Kind, string[] Rules, int Passes, bool LoopGuardHit, string[] Webhooks, DateTimeOffset At) : IDomainEvent;
