using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Turns each committed <see cref="InboundMessageReceived"/> into ticket work after the platform had its answer
/// (<see cref="InboundTicketWork"/>). One customer's messages are handled in log order, different customers in parallel.
/// Starts from the beginning of the log: a message accepted before the subscriber first ran is still handled.
/// </summary>
public sealed class InboundMessageSubscriber(InboundTicketWork work) : ISelectiveEventSubscriber
{
    public string Name => "inbound-messages";

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(InboundMessagePages.IsReceived);

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken) =>
        InboundMessagePages.EachCustomerInOrderAsync(events, work.HandleAsync);
}
