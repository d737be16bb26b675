using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// What the subscribers acting on inbound messages (ticket work, identity linking) take from a page and in which
/// order: each <see cref="InboundMessageReceived"/>, one customer's messages in log order, different customers in
/// parallel.
/// </summary>
public static class InboundMessagePages
{
    private static readonly string EventType = nameof(InboundMessageReceived);

    public static bool IsReceived(EventHeader header) => header.EventType == EventType && InboundStreams.IsInbound(header.StreamId);

    public static Task EachCustomerInOrderAsync(IReadOnlyList<CommittedEvent> events, Func<CommittedEvent, InboundMessageReceived, Task> handle) =>
        Task.WhenAll(events.Where(e => e.EventType == EventType && InboundStreams.IsInbound(e.StreamId))
            .Select(e => (Event: e, Received: InboundTicketWork.Parse(e)))
            .GroupBy(m => (m.Event.TenantId, m.Received.CustomerId))
            .Select(async customer =>
            {
                foreach (var (e, received) in customer)
                {
                    await handle(e, received);
                }
            }));
}
