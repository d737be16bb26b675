namespace TicketGrains.Abstractions.Contracts;

/// <summary>A ticket change and the place in the log of the event it comes from.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.LoggedTicketChange")]
public sealed record class LoggedTicketChange([property: Id(0)] LogKey Key, [property: Id(1)] TicketChange Change) : ILoggedFeedEvent;
