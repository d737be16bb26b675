using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>
/// An order-system event reached the ticket (its orderNo field matched). <paramref name="EventId"/> is the order
/// system's id, so the ticket applies each event once; <paramref name="At"/> is when the ticket recorded it.
/// </summary>
public sealed record OrderEventApplied(
    string EventId,
    string Type,
    string OrderNo,
    string? TrackingNo,
    string? Carrier,
    DateTimeOffset OccurredAt,
    DateTimeOffset At) : IDomainEvent;
