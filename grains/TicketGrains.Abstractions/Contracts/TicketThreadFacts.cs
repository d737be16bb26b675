namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What threading needs to know of an open ticket: the channel and threads its inbound messages came on, its order
/// number, and when the customer last wrote on it; whose it is and whether it is closed, for automatic mail that names it.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketThreadFacts")]
public sealed record class TicketThreadFacts(
    [property: Id(0)] Guid TicketId,
    [property: Id(1)] bool Open,
    [property: Id(2)] Guid? ChannelId,
    [property: Id(3)] IReadOnlyList<string> ThreadKeyHashes,
    [property: Id(4)] string? OrderNo,
    [property: Id(5)] DateTimeOffset LastCustomerMessageAt,
    [property: Id(6)] Guid CustomerId = default,
    [property: Id(7)] bool Closed = false);
