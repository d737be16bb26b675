namespace TicketGrains.Abstractions.Contracts;

/// <summary>A ticket waiting in a queue, ordered by priority rank then arrival.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.QueuedTicket")]
public sealed record class QueuedTicket(
    [property: Id(0)] Guid TicketId,
    [property: Id(1)] int PriorityRank,
    [property: Id(2)] DateTimeOffset EnqueuedAt);
