using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// <paramref name="MergedId"/> answers as <paramref name="SurvivorId"/> from now on. The same event goes on both customers'
/// streams (the survivor's first); neither stream loses anything, so an un-merge restores both exactly. No personal
/// data: ids, the actor, and a reason naming kinds of key at most.
/// </summary>
public sealed record CustomersMerged(Guid MergeId, Guid SurvivorId, Guid MergedId, string By, string Reason, DateTimeOffset At) : IDomainEvent;
