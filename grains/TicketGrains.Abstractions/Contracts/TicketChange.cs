namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A ticket change on the live feed: the ticket's status, queue, assignee and priority after one of its events (priority
/// is null only in changes built before it was carried).
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketChange")]
public sealed record class TicketChange(
    [property: Id(0)] Guid TicketId,
    [property: Id(1)] int Version,
    [property: Id(2)] string EventType,
    [property: Id(3)] string Status,
    [property: Id(4)] string Queue,
    [property: Id(5)] string? Assignee,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? Priority = null);
