namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// One message in a ticket's thread; a public reply to a channel customer has its <see cref="Delivery"/>. A message no
/// person wrote (an out-of-office reply, a vacation notice) has <see cref="Automatic"/>: what marked it so.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketMessageView")]
public sealed record class TicketMessageView(
    [property: Id(0)] string Author,
    [property: Id(1)] string Body,
    [property: Id(2)] bool Internal,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] MessageDelivery? Delivery = null,
    [property: Id(5)] string? Automatic = null);
