using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Tickets;

// The ticket's events. Each command produces exactly one event, so one event is one optimistic
// append and a conflicting append never leaves half a command behind.

public sealed record TicketCreated(
    Guid TicketId,
    Guid CustomerId,
    string Channel,
    string Subject,
    string Body,
    string Category,
    string Priority,
    string Queue,
    IReadOnlyDictionary<string, string> Fields,
    string RequestHash,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset At) : IDomainEvent;

public sealed record MessageAdded(string Author, string Body, bool Internal, DateTimeOffset At) : IDomainEvent;

public sealed record StatusChanged(string From, string To, string Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>Assignment; the first assignment of a new ticket also opens it.</summary>
public sealed record AssigneeChanged(string? From, string? To, string Actor, DateTimeOffset At) : IDomainEvent;

public sealed record SlaBreached(DateTimeOffset DueAt, DateTimeOffset At) : IDomainEvent;
