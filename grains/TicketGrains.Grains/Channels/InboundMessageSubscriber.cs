using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Turns each committed <see cref="InboundMessageReceived"/> into ticket work after the platform had its answer
/// (<see cref="InboundTicketWork"/>). One customer's messages are handled in log order, different customers in parallel.
/// Starts from the beginning of the log: a message accepted before the subscriber first ran is still handled.
/// </summary>
public sealed class InboundMessageSubscriber(InboundTicketWork work) : ISelectiveEventSubscriber
{
    private static readonly string EventType = nameof(InboundMessageReceived);

    public string Name => "inbound-messages";

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(h => h.EventType == EventType && InboundStreams.IsInbound(h.StreamId));

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken) =>
        Task.WhenAll(events.Where(e => e.EventType == EventType && InboundStreams.IsInbound(e.StreamId))
            .Select(e => (Event: e, Received: InboundTicketWork.Parse(e)))
            .GroupBy(m => (m.Event.TenantId, m.Received.CustomerId))
            .Select(async customer =>
            {
                foreach (var (e, received) in customer)
                {
                    await work.HandleAsync(e, received);
                }
            }));
}
