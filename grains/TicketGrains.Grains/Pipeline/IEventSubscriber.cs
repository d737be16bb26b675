namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// A consumer of every committed event, registered with
/// <see cref="EventSubscriberServices.AddEventSubscriber{T}"/>. The pipeline calls it from one silo at a time,
/// in log order, at least once per event.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>Stable name: the key of its checkpoint in <c>tg_subscriptions</c>. Renaming starts it afresh.</summary>
    string Name { get; }

    /// <summary>Where a subscriber with no checkpoint yet begins.</summary>
    SubscriberStart StartFrom { get; }

    /// <summary>
    /// Handles one page of events in log order. Must be idempotent by <see cref="CommittedEvent.Position"/>:
    /// after a crash the page since the last stored checkpoint is delivered again. Throwing makes the
    /// pipeline retry the same page with backoff; the checkpoint does not move past it.
    /// </summary>
    Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// The shortest time from the start of one page to the next while commits keep arriving, and the poll once caught
    /// up when it is longer than <see cref="PipelineOptions.PollInterval"/>; null takes
    /// <see cref="PipelineOptions.GatherInterval"/>. A subscriber nobody waits on (the usage meter) reads and commits
    /// a page per interval instead of one per few events.
    /// </summary>
    TimeSpan? GatherInterval => null;

    /// <summary>
    /// The subscriber whose work this one took over, if any: with no checkpoint of its own yet, it starts from that
    /// one's stored checkpoint (when there is one) instead of <see cref="StartFrom"/>, so work moved between
    /// subscribers is neither skipped nor done again for the whole log.
    /// </summary>
    string? TakesOverFrom => null;

    /// <summary>
    /// The subscriber that took over part of this one's work, if any: when this one opens, that one's checkpoint is
    /// created at this one's if it has none yet. This one may run first after an upgrade and handle pages without the
    /// work it gave away; its successor then starts where this one was before them, not after them.
    /// </summary>
    string? HandsOverTo => null;
}
