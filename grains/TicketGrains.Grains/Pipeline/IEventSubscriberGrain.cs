using Orleans.Concurrency;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// One per registered subscriber, keyed by its name: runs that subscriber's loop on whichever silo holds the
/// activation, so each subscriber is processed by exactly one silo at a time.
/// </summary>
[Alias("TicketGrains.IEventSubscriberGrain")]
public interface IEventSubscriberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Activates the grain (which starts the loop) if it is not running; otherwise does nothing. It interleaves with a
    /// page in progress: a subscriber reading a slow page (OCR, speech) is running, and the keeper must hear so at once
    /// rather than time out behind the page and log it as unreachable.
    /// </summary>
    [Alias("EnsureRunning")]
    [AlwaysInterleave]
    Task EnsureRunningAsync();
}
