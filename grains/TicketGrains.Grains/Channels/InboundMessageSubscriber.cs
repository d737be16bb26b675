using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Turns each committed <see cref="InboundMessageReceived"/> into ticket work after the platform had its answer
/// (<see cref="InboundTicketWork"/>). One customer's messages are handled in log order, different customers in parallel.
/// Starts from the beginning of the log: a message accepted before the subscriber first ran is still handled. Identity
/// linking was part of this work until 2026-12-06 and is now <see cref="InboundLinkingSubscriber"/>'s (ADR 0014).
/// </summary>
public sealed class InboundMessageSubscriber(InboundTicketWork work) : ISelectiveEventSubscriber
{
    public const string SubscriberName = "inbound-messages";

    public string Name => SubscriberName;

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public string HandsOverTo => InboundLinkingSubscriber.SubscriberName;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(InboundMessagePages.IsReceived);

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken) =>
        InboundMessagePages.EachCustomerInOrderAsync(events, work.HandleAsync);
}
