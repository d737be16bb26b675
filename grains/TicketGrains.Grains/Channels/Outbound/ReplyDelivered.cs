using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>
/// A reply's delivery ended: <paramref name="State"/> sent (with the platform's message id when it gave one) or failed
/// for good (with the reason as the API shows it without <c>pii:read</c>). Recorded once, at version 1 of the reply's
/// own stream (<see cref="ReplyStreams"/>), so webhooks hear of it without the ticket's version moving.
/// </summary>
public sealed record ReplyDelivered(
    Guid TicketId, Guid MessageId, Guid ChannelId, string State, int Attempts, string? PlatformMessageId, string? Reason, DateTimeOffset At) : IDomainEvent;
