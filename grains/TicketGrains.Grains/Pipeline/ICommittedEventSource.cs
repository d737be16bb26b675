namespace TicketGrains.Grains.Pipeline;

/// <summary>Reads committed events in pipeline order.</summary>
public interface ICommittedEventSource
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/>, in (transaction, position) order, only from
    /// transactions older than every one still running, so nothing can later commit behind the last event returned.
    /// </summary>
    Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken);

    /// <summary>The same page as <see cref="ReadAfterAsync"/> would return, without the events' data.</summary>
    Task<IReadOnlyList<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken);

    /// <summary>The given events with their data, in the order given.</summary>
    Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken);
}
