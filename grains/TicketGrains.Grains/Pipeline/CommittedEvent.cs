namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// One event of <c>tg_events</c> as the pipeline delivers it, after its transaction committed.
/// (<see cref="TransactionId"/>, <see cref="Position"/>) is the log order the pipeline walks and the
/// checkpoint a subscriber resumes from; <see cref="Position"/> alone is unique and is what a handler
/// deduplicates on.
/// </summary>
/// <param name="TransactionId">The writing transaction's id (<c>tg_events.tx_id</c>, xid8).</param>
/// <param name="Position">The event's unique position in the log (<c>tg_events.position</c>).</param>
/// <param name="TenantId">The tenant the stream belongs to.</param>
/// <param name="StreamId">The stream (ticket, customer …) the event belongs to.</param>
/// <param name="Version">The event's version within its stream, from 1.</param>
/// <param name="EventType">The event's type name as stored.</param>
/// <param name="Data">The event's jsonb text exactly as stored (personal fields still encrypted).</param>
/// <param name="RecordedAt">When the writer recorded it.</param>
[GenerateSerializer, Immutable, Alias("TicketGrains.CommittedEvent")]
public sealed record CommittedEvent(
    [property: Id(0)] ulong TransactionId,
    [property: Id(1)] long Position,
    [property: Id(2)] string TenantId,
    [property: Id(3)] string StreamId,
    [property: Id(4)] int Version,
    [property: Id(5)] string EventType,
    [property: Id(6)] string Data,
    [property: Id(7)] DateTimeOffset RecordedAt);
