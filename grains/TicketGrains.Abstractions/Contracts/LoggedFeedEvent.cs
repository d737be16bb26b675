namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// One event of the live feed with its place in the log: a <see cref="LoggedTicketChange"/> or a
/// <see cref="LoggedSurgeChange"/>. Both come from the same tenant's log, so one key order covers them and a listener's
/// Last-Event-ID resumes after either.
/// </summary>
public interface ILoggedFeedEvent
{
    LogKey Key { get; }
}

/// <summary>A surge's detection or end on the live feed and the place in the log of the event it comes from.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.LoggedSurgeChange")]
public sealed record class LoggedSurgeChange([property: Id(0)] LogKey Key, [property: Id(1)] SurgeChange Change) : ILoggedFeedEvent;

/// <summary>
/// A surge event as the feed sends it: <paramref name="EventType"/> is the SSE event name (<c>surge.detected</c> or
/// <c>surge.ended</c>, as the webhooks name it) and <paramref name="Details"/> the event's recorded fields as compact
/// JSON, the same as a webhook delivery's <c>details</c>. A surge carries no personal data, so nothing is masked.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SurgeChange")]
public sealed record class SurgeChange([property: Id(0)] Guid SurgeId, [property: Id(1)] string EventType, [property: Id(2)] string Details);
