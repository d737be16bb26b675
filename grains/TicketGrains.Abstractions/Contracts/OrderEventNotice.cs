namespace TicketGrains.Abstractions.Contracts;

/// <summary>A validated order-system event, as it is handed to each ticket whose orderNo matches.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.OrderEventNotice")]
public sealed record class OrderEventNotice(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] string OrderNo,
    [property: Id(3)] string? TrackingNo,
    [property: Id(4)] string? Carrier,
    [property: Id(5)] DateTimeOffset OccurredAt);
