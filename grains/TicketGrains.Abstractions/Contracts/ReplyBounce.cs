namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A sent reply that a delivery report returned: what its second outcome records. The reason is already masked by the
/// host that read the report, so no address a mail server quoted travels between processes.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.ReplyBounce")]
public sealed record ReplyBounce(
    [property: Id(0)] string Tenant,
    [property: Id(1)] Guid TicketId,
    [property: Id(2)] Guid MessageId,
    [property: Id(3)] Guid ChannelId,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? PlatformMessageId,
    [property: Id(6)] string MaskedReason);
