namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// A committed event without its data: what a selective subscriber decides on (<see cref="ISelectiveEventSubscriber"/>)
/// before the pipeline reads, converts and ships the data of only the events it wants.
/// </summary>
public readonly record struct EventHeader(
    ulong TransactionId,
    long Position,
    string TenantId,
    string StreamId,
    int Version,
    string EventType,
    DateTimeOffset RecordedAt)
{
    /// <summary>The event with its data.</summary>
    public CommittedEvent With(string data) => new(TransactionId, Position, TenantId, StreamId, Version, EventType, data, RecordedAt);
}
