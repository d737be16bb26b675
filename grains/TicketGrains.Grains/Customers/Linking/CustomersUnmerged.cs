using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>The merge <paramref name="MergeId"/> is undone: both customers answer as themselves again. On both streams.</summary>
public sealed record CustomersUnmerged(Guid MergeId, string By, DateTimeOffset At) : IDomainEvent;
