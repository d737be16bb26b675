using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Queues each public reply to a channel customer (a <see cref="MessageAdded"/> with a reply route) in the outbox before
/// the pipeline's checkpoint moves past it, then wakes this silo's dispatcher. So a reply acknowledged to the agent is
/// sent even if every silo restarts in between; a page handled again queues nothing twice (keyed by the outbound
/// message id). Starts from the beginning of the log: no reply committed before it first ran is left unsent.
/// </summary>
public sealed class ChannelReplySubscriber(ReplyStore store, ReplyDispatcher dispatcher, TimeProvider time) : ISelectiveEventSubscriber
{
    private static readonly string EventType = nameof(MessageAdded);

    public string Name => "channel-replies";

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(h => h.EventType == EventType && h.StreamId.StartsWith(StreamIds.TicketPrefix, StringComparison.Ordinal));

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var replies = new List<(QueuedReply, long)>();
        foreach (var e in events)
        {
            if (e.EventType == EventType && StreamIds.TryTicketId(e.StreamId, out var ticketId)
                && EventSerializer.Deserialize(e.EventType, e.Data) is MessageAdded { Reply: { } route })
            {
                replies.Add((new QueuedReply(e.TenantId, route.MessageId, ticketId, e.Version, route.CustomerId, route.ChannelId, route.InboundMessage,
                    ReplyDelivery.Queued(now)), e.Position));
            }
        }

        if (replies.Count == 0)
        {
            return;
        }

        await store.EnqueueAsync(replies, now, cancellationToken);
        dispatcher.Wake();
    }
}
