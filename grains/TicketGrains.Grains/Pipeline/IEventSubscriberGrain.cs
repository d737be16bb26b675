namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// One per registered subscriber, keyed by its name: runs that subscriber's loop on whichever silo holds the
/// activation, so each subscriber is processed by exactly one silo at a time.
/// </summary>
[Alias("TicketGrains.IEventSubscriberGrain")]
public interface IEventSubscriberGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain (which starts the loop) if it is not running; otherwise does nothing.</summary>
    [Alias("EnsureRunning")]
    Task EnsureRunningAsync();
}
