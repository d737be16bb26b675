using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Links the sender of each committed inbound message to a customer (<see cref="CustomerLinker"/>) by the identity it
/// wrote from and the keys in its text. A subscriber of its own beside the ticket work (<see cref="InboundMessageSubscriber"/>):
/// its merges and proposals take grain calls and several statements per sender, and a page of messages should not wait
/// for them to become tickets. One customer's messages are linked in log order, so a later one finds the earlier ones'
/// keys; different customers in parallel. It took over from the ticket work's subscriber, which linked after filing until
/// then: a log that subscriber already read is not linked again (<see cref="TakesOverFrom"/>), and the ticket work,
/// opening first after an upgrade, gives its checkpoint here before its first page without linking
/// (<see cref="InboundMessageSubscriber.HandsOverTo"/>).
/// </summary>
public sealed class InboundLinkingSubscriber(InboundContentReader contents, IThreadingRules rules, CustomerLinker linker)
    : ISelectiveEventSubscriber
{
    public const string SubscriberName = "inbound-linking";

    public string Name => SubscriberName;

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public string TakesOverFrom => InboundMessageSubscriber.SubscriberName;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<EventHeader, bool>>(InboundMessagePages.IsReceived);

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken) =>
        InboundMessagePages.EachCustomerInOrderAsync(events, (e, received) => LinkAsync(e.TenantId, received));

    private async Task LinkAsync(string tenant, InboundMessageReceived received)
    {
        // Null: the customer was erased before the message got here; nothing of it may be kept as a key.
        if (await contents.OpenAsync(tenant, received) is not { } content)
        {
            return;
        }

        var rule = await rules.ForChannelAsync(tenant, received.ChannelId);
        // An automatic message's text names other people ("write to my colleague at …" in an out-of-office reply) and
        // quotes what it answers: its sender identifies the customer, its text does not.
        var textKeys = content.Automatic is null ? KeyExtractor.From(content.SearchText, rule.OrderPattern) : [];
        List<StrongKey> keys = [.. KeyExtractor.OfIdentity(received.ChannelType, content.SenderId), .. textKeys];
        // The sender's account on this channel: which channels a customer writes from tells the linker two persons apart.
        if (StrongKey.Account(received.ChannelType, received.ChannelId, content.SenderId) is { } account)
        {
            keys.Add(account);
        }

        await linker.LinkAsync(tenant, received.CustomerId, keys);
    }
}
