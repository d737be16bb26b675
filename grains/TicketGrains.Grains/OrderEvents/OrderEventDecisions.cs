using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>What an order-system event does to a ticket.</summary>
public static class OrderEventDecisions
{
    /// <summary>The event to append, or null when the ticket already applied this event id (a retried POST).</summary>
    public static OrderEventApplied? Apply(TicketState state, OrderEventNotice notice, DateTimeOffset now) =>
        state.OrderEventIds.Contains(notice.EventId)
            ? null
            : new OrderEventApplied(notice.EventId, notice.Type, notice.OrderNo, notice.TrackingNo, notice.Carrier, notice.OccurredAt, now);
}
