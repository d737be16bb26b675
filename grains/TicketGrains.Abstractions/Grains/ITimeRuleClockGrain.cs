namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per tenant with time rules: wakes at the next due time of any of its tickets' time rules (second precision, not
/// a periodic cycle), runs what is due, and re-arms. A durable reminder brings it back after its silo is lost.
/// </summary>
[Alias("TicketGrains.ITimeRuleClockGrain")]
public interface ITimeRuleClockGrain : IGrainWithStringKey
{
    /// <summary>A time rule falls due at <paramref name="due"/>: wake then if that is earlier than the next wake.</summary>
    [Alias("Watch")]
    Task WatchAsync(DateTimeOffset due);
}
