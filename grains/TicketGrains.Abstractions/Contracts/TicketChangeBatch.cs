namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// One tenant's feed events (ticket changes, surges) from one page of the committed-event log, in log order, as one
/// live-feed stream item. <paramref name="Previous"/> is the key of the tenant's last feed event before
/// <paramref name="Changes"/> in the log (<see cref="LogKey.Start"/> when there is none): a listener that has not passed
/// that one has missed something.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketChangeBatch.Keyed")]
public sealed record class TicketChangeBatch([property: Id(0)] LogKey Previous, [property: Id(1)] IReadOnlyList<ILoggedFeedEvent> Changes);
