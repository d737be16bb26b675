namespace TicketGrains.Abstractions.Contracts;

/// <summary>A ticket change on the live feed: the ticket's status, queue and assignee after one of its events.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketChange")]
public sealed record class TicketChange(
    [property: Id(0)] Guid TicketId,
    [property: Id(1)] int Version,
    [property: Id(2)] string EventType,
    [property: Id(3)] string Status,
    [property: Id(4)] string Queue,
    [property: Id(5)] string? Assignee,
    [property: Id(6)] DateTimeOffset At);
