namespace TicketGrains.Abstractions.Contracts;

/// <summary>One entry of a ticket's history; Data is the event's JSON document.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketEventView")]
public sealed record class TicketEventView(
    [property: Id(0)] int Version,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string Data);
