using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Queues the media of inbound messages for fetching (<see cref="MediaFetchQueue"/>), from the log, after the platform
/// had its answer: the accept path is not slowed by a single statement. Messages of a media kind and every e-mail (its
/// files came with it) are queued; what each holds is read when it is fetched.
/// </summary>
public sealed class MediaFetchSubscriber(MediaFetchQueue queue, TimeProvider time) : ISelectiveEventSubscriber
{
    private static readonly string EventType = nameof(InboundMessageReceived);

    public static readonly IReadOnlySet<string> MediaKinds = new HashSet<string>(["image", "voice", "video", "file"], StringComparer.Ordinal);

    public const string EmailChannel = "email";

    public string Name => "attachment-media";

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(h => h.EventType == EventType && InboundStreams.IsInbound(h.StreamId) && h.Version == 1);

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var fetches = events.Where(e => e.EventType == EventType && InboundStreams.IsInbound(e.StreamId) && e.Version == 1)
            .Select(e => (Event: e, Received: InboundTicketWork.Parse(e)))
            .Where(m => MediaKinds.Contains(m.Received.Kind) || m.Received.ChannelType == EmailChannel)
            .Select(m => new MediaFetch(m.Event.TenantId, m.Event.StreamId, m.Received.ChannelId, m.Received.CustomerId, m.Received.Kind, 0))
            .ToList();
        if (fetches.Count > 0)
        {
            await queue.AddAsync(fetches, time.GetUtcNow(), cancellationToken);
        }
    }
}
