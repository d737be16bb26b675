namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// Where a customer's ticket message came from: the inbound message's stream (<see cref="Message"/>, unique per channel
/// and platform message id), its channel and thread (a hash of the thread key), and the threading decision that put it
/// on this ticket: <see cref="Rule"/> (thread, order, new) and <see cref="Reason"/> in words.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.InboundOrigin")]
public sealed record class InboundOrigin(
    [property: Id(0)] string Message,
    [property: Id(1)] Guid ChannelId,
    [property: Id(2)] string ThreadKeyHash,
    [property: Id(3)] string? OrderNo,
    [property: Id(4)] string Rule,
    [property: Id(5)] string Reason);
