namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// The Message-ID of a reply we send, <c>&lt;outbound message id (32 hex digits)&gt;@&lt;the channel address's domain&gt;</c>,
/// and back: a mail that answers, reports on or repeats one of ours names our reply by it.
/// </summary>
public static class OutboundMailIds
{
    public static string For(Guid outboundMessageId, string channelAddress) => $"{outboundMessageId:N}@{DomainOf(channelAddress)}";

    /// <summary>The outbound message a Message-ID (without angle brackets) names, when we made it for that channel address.</summary>
    public static Guid? MessageOf(string? messageId, string channelAddress)
    {
        var at = messageId?.LastIndexOf('@') ?? -1;
        return at == 32 && string.Equals(messageId![(at + 1)..], DomainOf(channelAddress), StringComparison.OrdinalIgnoreCase)
            && Guid.TryParseExact(messageId.AsSpan(0, at), "N", out var id)
                ? id
                : null;
    }

    /// <summary>The first outbound message of a channel that any of the ids names.</summary>
    public static Guid? FirstOf(IEnumerable<string> messageIds, string channelAddress) =>
        messageIds.Select(id => MessageOf(id, channelAddress)).FirstOrDefault(id => id is not null);

    private static string DomainOf(string address) => address.Trim()[(address.Trim().LastIndexOf('@') + 1)..];
}
