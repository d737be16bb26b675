using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers;

public sealed record CustomerRegistered(
    Guid CustomerId,
    string Identity,
    string? Name,
    string? Phone,
    string? Email,
    string Tier,
    DateTimeOffset At) : IDomainEvent;

/// <summary>New identity or changed profile details; null fields are unchanged.</summary>
public sealed record CustomerProfileUpdated(
    string? NewIdentity,
    string? Name,
    string? Phone,
    string? Email,
    string? Tier,
    DateTimeOffset At) : IDomainEvent;

/// <summary>An external identity was claimed by a customer (stream "identity/channel:externalId").</summary>
public sealed record IdentityClaimed(Guid CustomerId, DateTimeOffset At) : IDomainEvent;
