namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// What a channel's inbound side asks of the replies already sent: which ticket one belongs to (an out-of-office answer
/// to it names it), and a report that it bounced after the platform took it. Implemented by <see cref="ReplyStore"/>.
/// </summary>
public interface ISentReplies
{
    /// <summary>The ticket of the reply with that outbound message id in the tenant, or null when there is none.</summary>
    Task<Guid?> TicketOfAsync(string tenant, Guid messageId, CancellationToken cancellationToken);

    /// <summary>
    /// A reply that was sent did not arrive after all: it becomes failed with <paramref name="reason"/>. Returns its
    /// ticket, channel and delivery; null when the tenant has no sent reply with that id (none at all, still queued, or
    /// failed already).
    /// </summary>
    Task<BouncedReply?> FailSentAsync(string tenant, Guid messageId, string reason, DateTimeOffset now, CancellationToken cancellationToken);
}
