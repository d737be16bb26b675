namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// How a public reply to a channel customer is getting on: <see cref="State"/> queued (waiting for its first or next
/// attempt), sent (with the platform's message id when it gives one) or failed (for good, with the platform's reason).
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.MessageDelivery")]
public sealed record class MessageDelivery(
    [property: Id(0)] Guid MessageId,
    [property: Id(1)] Guid ChannelId,
    [property: Id(2)] string State,
    [property: Id(3)] int Attempts,
    [property: Id(4)] string? Reason = null,
    [property: Id(5)] DateTimeOffset? NextAttemptAt = null,
    [property: Id(6)] DateTimeOffset? SentAt = null,
    [property: Id(7)] string? PlatformMessageId = null)
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
