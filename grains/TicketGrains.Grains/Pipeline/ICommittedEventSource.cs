namespace TicketGrains.Grains.Pipeline;

/// <summary>Reads committed events in pipeline order.</summary>
public interface ICommittedEventSource
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/>, in (transaction, position) order, only from
    /// transactions older than every one still running, so nothing can later commit behind the last event returned.
    /// The page says whether later committed events were left out for that reason (<see cref="LogPage{T}.ShortOfHead"/>).
    /// </summary>
    Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken);

    /// <summary>The same page as <see cref="ReadAfterAsync"/> would return, without the events' data.</summary>
    Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken);

    /// <summary>The given events with their data, in the order given.</summary>
    Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken);
}
