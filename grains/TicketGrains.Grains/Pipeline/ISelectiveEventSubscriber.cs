namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// A subscriber that needs only some events, e.g. those of tenants somebody listens to or has a webhook for. Reading,
/// converting and shipping an event's data is most of what following the log costs the database, so for these the
/// pipeline reads a page's headers first, asks <see cref="SelectAsync(IReadOnlyList{EventHeader}, CancellationToken)"/> which it wants, and reads the data of those
/// alone. The checkpoint still moves past the whole page: an event not wanted when its page was read is never offered
/// again.
/// </summary>
public interface ISelectiveEventSubscriber : IEventSubscriber
{
    /// <summary>
    /// Which events of <paramref name="page"/>, just read, are wanted. Called after the page's headers were read, so a
    /// choice that depends on outside state (who is listening now) is taken after every event of the page had
    /// committed; the page itself says whose state to ask about (the tenants in it).
    /// </summary>
    ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SelectAsync(IReadOnlyList{EventHeader}, CancellationToken)"/>, told that the page holds the events after
    /// <paramref name="from"/>: a subscriber that remembers what earlier pages held can tell whether this page follows the
    /// last one it saw. The pump calls this one.
    /// </summary>
    ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, Checkpoint from, CancellationToken cancellationToken) =>
        SelectAsync(page, cancellationToken);
}
